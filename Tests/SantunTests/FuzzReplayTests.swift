import Foundation
import Testing

/// Replays every input kept in corpora/fuzz/ (crashes the fuzzer once found, and hand-written
/// edges) through santun-fuzz's invariants, built without libFuzzer.
@Suite struct FuzzReplayTests {
    static var fuzzBinary: URL {
        TestSupport.binary.deletingLastPathComponent().appendingPathComponent("santun-fuzz")
    }

    @Test func keptInputsBreakNoInvariant() throws {
        // `swift test` builds every product, santun-fuzz included.
        try #require(FileManager.default.isExecutableFile(atPath: FuzzReplayTests.fuzzBinary.path), "santun-fuzz is not built")
        let folder = TestSupport.repoRoot.appendingPathComponent("corpora/fuzz")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
        #expect(kept.count >= 9)
        let process = Process()
        process.executableURL = FuzzReplayTests.fuzzBinary
        process.arguments = [folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("replayed \(kept.count) inputs, no invariant broken"), "\(text)")
    }
}
