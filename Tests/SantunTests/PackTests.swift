import Foundation
import SantunBuiltInPacks
import Testing
@testable import SantunCore

/// Every example of every built-in pack, plus the variants every rule must survive.
@Suite struct PackTests {
    static let rules: [Rule] = TestSupport.builtInPacks.flatMap(\.rules)
    static let ruleIDs: [String] = rules.map(\.id)

    @Test func embeddedPacksAreFresh() throws {
        // The binary embeds rules/*.yml; a stale copy means `swift run santun-gen` was forgotten.
        let directory = TestSupport.repoRoot.appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yml") && !$0.hasSuffix(".template.yml") }.sorted()
        #expect(BuiltInPacks.all.map(\.name) == names, "run: swift run santun-gen")
        for (name, yaml) in BuiltInPacks.all {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(yaml == onDisk, "\(name) is stale: run `swift run santun-gen`")
        }
    }

    @Test func ruleIDsAreUniqueAcrossPacks() {
        #expect(Set(PackTests.ruleIDs).count == PackTests.ruleIDs.count)
    }

    @Test(arguments: PackTests.ruleIDs)
    func examplesPass(id: String) {
        let rule = PackTests.rules.first { $0.id == id }!
        let failures = ExampleVerifier(linter: TestSupport.linter()).verify(rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    /// Variants (SwiftLint's habit): an emoji line in front shifts every span exactly; a CRLF line
    /// in front too; upper case still matches.
    @Test(arguments: PackTests.ruleIDs)
    func badExamplesSurviveAPrefix(id: String) {
        let rule = PackTests.rules.first { $0.id == id }!
        if case .metric = rule.body { return }  // whole-draft counts change with a prefix line
        let ruleSet = RuleSet(rules: [rule])
        let linter = TestSupport.linter()
        for example in rule.examples where example.kind == .bad {
            for prefix in ["😀 Catatan:\n", "Judul\r\n"] {
                let shift = prefix.utf8.count
                let findings = try! linter.lint(SourceText(prefix + example.text), ruleSet: ruleSet).filter { $0.ruleID == id }
                let expected = example.expectedRanges.map { ByteRange(offset: $0.offset + shift, length: $0.length) }.sorted()
                #expect(findings.map(\.range).sorted() == expected, "\(id) line \(example.line) with prefix \(prefix.debugDescription)")
                #expect(findings.allSatisfy { $0.start.line == 2 || $0.start.line > 2 })
            }
        }
    }

    /// Good examples stay clean under every built-in rule, not only their own: they are what
    /// trainees are told is right.
    @Test func goodExamplesAreCleanForAllPacks() {
        var noisy: [String] = []
        for rule in PackTests.rules {
            for example in rule.examples where example.kind == .good {
                let findings = TestSupport.lint(example.text).filter { $0.severity >= .warning }
                if !findings.isEmpty {
                    noisy.append("\(rule.file):\(example.line): \(findings.map { "\($0.ruleID) “\($0.match)”" }.joined(separator: ", "))")
                }
            }
        }
        #expect(noisy.isEmpty, "\(noisy.joined(separator: "\n"))")
    }
}
