import Foundation
import Testing
@testable import SantunCore

/// The annotated corpora: every draft must produce exactly its `.expected` findings, every
/// clean post no warning or error, and every `.fixed.txt` must equal `santun fix`'s output.
@Suite struct CorpusTests {
    static let corpora = TestSupport.repoRoot.appendingPathComponent("corpora")

    static func files(_ folder: String, _ suffix: String) -> [String] {
        let root = corpora.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) && !$0.hasSuffix(".fixed.txt") }.sorted()
            .map { root.appendingPathComponent($0).path }
    }

    static let drafts = files("drafts", ".txt")
    static let clean = files("clean", ".txt")

    struct Expected: Hashable, CustomStringConvertible {
        var category: String
        var match: String
        var suggestion: String?
        var description: String { "\(category)\t\(match)" + (suggestion.map { "\t" + ($0.isEmpty ? "(hapus)" : $0) } ?? "") }
    }

    static func expected(_ path: String) -> [Expected] {
        let file = String(path.dropLast(4)) + ".expected"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            var suggestion: String? = fields.count > 2 ? fields[2] : nil
            if suggestion == "(hapus)" { suggestion = "" }
            return Expected(category: fields[0], match: fields.count > 1 ? fields[1] : "", suggestion: suggestion)
        }
    }

    static func lint(_ path: String) -> (SourceText, [Finding]) {
        let source = try! SourceText(validating: [UInt8](FileManager.default.contents(atPath: path)!))
        let markdown = path.hasSuffix(".md")
        // An .expected file may name the platform the draft is for: `# platform: x`.
        let expectations = (try? String(contentsOfFile: String(path.dropLast(4)) + ".expected", encoding: .utf8)) ?? ""
        let platform = expectations.split(separator: "\n").first { $0.hasPrefix("# platform:") }
            .map { $0.dropFirst("# platform:".count).trimmingCharacters(in: .whitespaces) }
        let options = LintOptions(platform: platform, markdown: markdown)
        return (source, try! TestSupport.linter().lint(source, ruleSet: TestSupport.builtInRuleSet, options: options))
    }

    @Test func corporaAreLargeEnough() {
        #expect(CorpusTests.drafts.count >= 300)
        #expect(CorpusTests.clean.count >= 200)
        #expect(CorpusTests.drafts.filter { FileManager.default.fileExists(atPath: String($0.dropLast(4)) + ".fixed.txt") }.count >= 100)
    }

    @Test(arguments: CorpusTests.drafts)
    func draftProducesExactlyItsExpectedFindings(path: String) {
        let (_, findings) = CorpusTests.lint(path)
        let expected = CorpusTests.expected(path)
        let actual = findings.filter { $0.category != .suppression }.map { finding in
            Expected(category: finding.category.rawValue, match: finding.match,
                     suggestion: expected.contains { $0.match == finding.match && $0.suggestion != nil } ? (finding.suggestions.first ?? "") : nil)
        }
        let name = path.replacingOccurrences(of: CorpusTests.corpora.path + "/", with: "")
        let missing = expected.filter { e in !actual.contains(e) }
        let unexpected = actual.filter { a in !expected.contains(a) }
        #expect(missing.isEmpty && unexpected.isEmpty,
                "\(name)\n  missing:\n    \(missing.map(\.description).joined(separator: "\n    "))\n  unexpected:\n    \(unexpected.map(\.description).joined(separator: "\n    "))")
    }

    @Test(arguments: CorpusTests.clean)
    func cleanPostHasNoWarningOrError(path: String) {
        let (_, findings) = CorpusTests.lint(path)
        let alarms = findings.filter { $0.severity >= .warning }
        #expect(alarms.isEmpty, "\(path): \(alarms.map { "\($0.ruleID) “\($0.match)”" })")
    }

    @Test(arguments: CorpusTests.drafts.filter { FileManager.default.fileExists(atPath: String($0.dropLast(4)) + ".fixed.txt") })
    func fixGivesTheExpectedRewrite(path: String) {
        let (source, findings) = CorpusTests.lint(path)
        let fixed = String(decoding: Fixer.fix(source, findings: findings).text, as: UTF8.self)
        let expected = try! String(contentsOfFile: String(path.dropLast(4)) + ".fixed.txt", encoding: .utf8)
        #expect(fixed == expected, "\(path)")
        // Idempotent, and nothing fixable is left.
        let again = TestSupport.lint(fixed)
        #expect(again.filter(\.fixable).isEmpty, "\(path): still fixable after fix: \(again.filter(\.fixable).map(\.match))")
    }
}
