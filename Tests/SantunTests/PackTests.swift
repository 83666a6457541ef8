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

    @Test func archiveIsFresh() throws {
        // santun reads the built-in packs from the archive santun-gen wrote: it must be what loading
        // rules/*.yml with today's code gives (normalized words, prefilters, known words).
        let loader = PackLoader(tokenizer: TestSupport.tokenizer())
        let archive = PackArchive.encode(TestSupport.builtInPacks, normalize: loader.normalizedWords)
        #expect(archive == BuiltInPacks.archive, "the built-in pack archive is stale: run `swift run santun-gen`")
    }

    @Test func archiveReadsBackAsLoaded() throws {
        let loader = PackLoader(tokenizer: TestSupport.tokenizer())
        let decoded = try PackArchive.decode(BuiltInPacks.archive)
        let loaded = TestSupport.builtInPacks
        #expect(decoded.count == loaded.count)
        for (pack, original) in zip(decoded, loaded) {
            #expect(pack.knownWords == RuleSet.knownWords(of: original.rules, normalize: loader.normalizedWords))
            for (rule, originalRule) in zip(pack.rules, original.rules) {
                #expect(rule.derivedKeys == LexiconMatcher.derivedKeys(of: originalRule))
                if case let .pattern(spec) = rule.body { #expect(spec.screen == PatternPrefilter(pattern: spec.regex.pattern)) }
                if case let .metric(spec) = rule.body, case let .metric(originalSpec) = originalRule.body {
                    #expect(spec.exclude == originalSpec.exclude && spec.limits == originalSpec.limits
                            && spec.affixedBases == originalSpec.affixedBases)
                }
            }
        }
        /// Without what only the archive holds, and without sets and dictionaries (whose order
        /// `dump` shows), compared above.
        func canonical(_ packs: [RulePack]) -> String {
            var packs = packs
            for index in packs.indices {
                packs[index].knownWords = nil
                for ruleIndex in packs[index].rules.indices {
                    packs[index].rules[ruleIndex].derivedKeys = nil
                    switch packs[index].rules[ruleIndex].body {
                    case var .pattern(spec):
                        spec.screen = nil
                        packs[index].rules[ruleIndex].body = .pattern(spec)
                    case var .metric(spec):
                        spec.exclude = []
                        spec.limits = [:]
                        spec.affixedBases = [:]
                        packs[index].rules[ruleIndex].body = .metric(spec)
                    default: break
                    }
                }
            }
            var text = ""
            dump(packs, to: &text)
            return text
        }
        // Every other field, as dump shows it (a regex shows its pattern and flags, compiled or not).
        let decodedDump = canonical(decoded)
        #expect(decodedDump == canonical(loaded))
        #expect(decodedDump.contains("caseInsensitive: true") && decodedDump.contains("contextWindow"))
    }

    @Test func malformedArchivesAreRejected() {
        let archive = BuiltInPacks.archive
        #expect(throws: PackArchive.Malformed.self) { try PackArchive.decode(String(archive.dropLast(3))) }
        #expect(throws: PackArchive.Malformed.self) { try PackArchive.decode("i1\n") }
        #expect(throws: PackArchive.Malformed.self) { try PackArchive.decode(archive + "i1\n") }
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
