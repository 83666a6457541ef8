import Foundation
import Testing

/// Golden files: `Tests/SantunTests/Golden/<name>`, compared byte for byte.
///
/// `SANTUN_RECORD_GOLDEN=1 swift test` rewrites them. A missing golden is written *and* the test
/// fails, so a new golden is always looked at once before it is trusted. Each test owns its
/// names, so tests running in parallel never write the same file.
enum GoldenFile {
    static let directory = TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["SANTUN_RECORD_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            if expected == nil {
                Issue.record("golden \(name) was missing and has been written: check it, then run the tests again", sourceLocation: sourceLocation)
            }
            return
        }
        if let expected, expected != actual {
            Issue.record("""
                output differs from golden \(name) (SANTUN_RECORD_GOLDEN=1 swift test rewrites it): \(firstDifference(expected, actual))
                --- actual ---
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ, as a line number and both versions of that line.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? a[index] : "<end>", right = index < b.count ? b[index] : "<end>"
            if left != right { return "line \(index + 1)\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(same lines, different bytes)"
    }
}
