import Foundation
import Testing
@testable import SantunCore

/// Hostile drafts at the engine level: very long lines, many findings, many suppression
/// comments, other scripts. Each test would take minutes (or hang) with a quadratic step and
/// must finish in seconds. A time limit on such a test guards against a hang only (speed is
/// measured by santun-bench, never here); the results are checked against slow reference versions.
@Suite struct HostileTextTests {
    static let xx: RulePack = try! TestSupport.pack(
        String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/xx.yml"), encoding: .utf8),
        file: "Fixtures/xx.yml")

    /// A deterministic pseudo-random generator (tests must be reproducible).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    // MARK: positions in long lines

    /// The line, columns and UTF-16 index at every scalar boundary, walked from the start of
    /// the text (the reference the indexed lookups must agree with).
    static func walk(_ bytes: [UInt8]) -> [Int: (SantunCore.SourceLocation, Int)] {
        var result: [Int: (SantunCore.SourceLocation, Int)] = [:]
        var line = 1, column = 1, utf16Column = 1, index = 0, utf16 = 0
        while true {
            result[index] = (SantunCore.SourceLocation(line: line, column: column, utf16Column: utf16Column), utf16)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let scalar = String(decoding: bytes[index..<(index + width)], as: UTF8.self).unicodeScalars.first!.value
            index += width
            utf16 += width == 4 ? 2 : 1
            let lineEnd = byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A))
                || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85
            if lineEnd {
                line += 1; column = 1; utf16Column = 1
            } else {
                column += 1; utf16Column += width == 4 ? 2 : 1
            }
        }
        return result
    }

    @Test func locationsInLongLinesMatchAWalkFromTheStart() {
        var generator = Generator(state: 42)
        let pieces = ["a", "kata ", "é", "日本", "😀", "\n", "\r\n", "\r", "\u{2028}", "𝐛", " "]
        var text = ""
        for index in 0..<20_000 {
            // Mostly long lines: line ends are rare.
            let piece = pieces[generator.next(pieces.count)]
            if piece.contains("\n") || piece.contains("\r") || piece == "\u{2028}", index % 97 != 0 { continue }
            text += piece
        }
        let source = SourceText(text)
        let reference = HostileTextTests.walk(Array(text.utf8))
        let offsets = reference.keys.sorted()
        for _ in 0..<3000 {
            let offset = offsets[generator.next(offsets.count)]
            let (location, utf16) = reference[offset]!
            #expect(source.location(ofByte: offset) == location, "offset \(offset)")
            #expect(source.byteOffset(ofUTF16: utf16) == offset, "utf16 \(utf16)")
        }
    }

    // MARK: one long line full of findings

    @Test(.timeLimit(.minutes(2))) func aLongLineWithThousandsOfFindingsIsLintedAndFixedInLinearTime() throws {
        let unit = "Udah kasih tau "  // one fixable phrase of the fake pack in each
        let repeats = 5_000
        let text = String(repeating: unit, count: repeats) + "anjing"
        let ruleSet = RuleSet(packs: [HostileTextTests.xx])
        let linter = TestSupport.linter()
        var findings: [Finding] = []
        findings = try linter.lint(SourceText(text), ruleSet: ruleSet)
        let phrases = findings.filter { $0.ruleID == "xx.word" && $0.match == "kasih tau" }
        #expect(phrases.count == repeats)
        let last = try #require(phrases.last)
        #expect(last.start.line == 1)
        #expect(last.start.column == (repeats - 1) * unit.count + 6)

        let result = Fixer.fix(SourceText(text), findings: findings)
        #expect(result.text == HostileTextTests.referenceFix(Array(text.utf8), findings: findings))
        #expect(String(decoding: result.text, as: UTF8.self).hasPrefix("Udah beri tahu Udah beri tahu"))
    }

    // MARK: the fixer against its simple (quadratic) definition

    /// The fixer as first written: array edits from the end, overlap by linear search.
    static func referenceFix(_ source: [UInt8], findings: [Finding]) -> [UInt8] {
        var applied: [Finding] = []
        let candidates = findings.filter { $0.fixable && $0.suggestions.count == 1 }
            .sorted { a, b in
                a.category.priority != b.category.priority ? a.category.priority > b.category.priority : Finding.readingOrder(a, b)
            }
        for finding in candidates where !applied.contains(where: { $0.range.overlaps(finding.range) }) { applied.append(finding) }
        applied.sort(by: Finding.readingOrder)
        var bytes = source
        for finding in applied.reversed() {
            let replacement = Array(finding.suggestions[0].utf8)
            var start = finding.range.offset, end = finding.range.end
            if replacement.isEmpty {
                var before = start
                while before > 0 && (bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09) { before -= 1 }
                if before == 0 || bytes[before - 1] == 0x0A || bytes[before - 1] == 0x0D {
                    while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
                    if end < bytes.count && bytes[end] == 0x2C {
                        end += 1
                        while end < bytes.count && bytes[end] == 0x20 { end += 1 }
                    }
                } else {
                    start = before
                }
                let wasCapitalized = source[finding.range.offset] >= 0x41 && source[finding.range.offset] <= 0x5A
                bytes.replaceSubrange(start..<end, with: [])
                // A comma left before nothing but spaces, emoji and closing punctuation goes too.
                if start > 0 && bytes[start - 1] == 0x2C {
                    let rest = String(decoding: bytes[start...].prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
                    let first = rest.unicodeScalars.first { !($0 == " " || $0 == "\t" || $0.properties.isEmojiPresentation
                        || $0.properties.isEmojiModifier || $0.value == 0x200D || $0.value == 0xFE0F || ($0.properties.isEmoji && $0.value > 0xFF)) }
                    if first.map({ ".!?,)".unicodeScalars.contains($0) }) ?? true {
                        bytes.remove(at: start - 1)
                        start -= 1
                    }
                }
                // A deleted capitalized word at a line start hands its capital to the next word.
                if wasCapitalized, start == 0 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D,
                   start < bytes.count, bytes[start] >= 0x61, bytes[start] <= 0x7A {
                    bytes[start] -= 0x20
                }
            } else {
                bytes.replaceSubrange(start..<end, with: replacement)
            }
        }
        return bytes
    }

    @Test func fixerMatchesItsReferenceOnRandomDrafts() {
        var generator = Generator(state: 7)
        let words = ["Udah", "kasih tau", "cuy", "hehe", "bikin", "aja", ",", ".", "!", "anjing", "Bikin", "  ", "\n", "\r\n"]
        let ruleSet = RuleSet(packs: [HostileTextTests.xx])
        let linter = TestSupport.linter()
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<generator.next(30) {
                text += words[generator.next(words.count)]
                if generator.next(3) > 0 { text += " " }
            }
            let findings = try! linter.lint(SourceText(text), ruleSet: ruleSet)
            let fixed = Fixer.fix(SourceText(text), findings: findings).text
            #expect(fixed == HostileTextTests.referenceFix(Array(text.utf8), findings: findings), "\(text.debugDescription)")
        }
    }

    // MARK: many suppression comments, many lines, other scripts

    @Test(.timeLimit(.minutes(2))) func thousandsOfSuppressionCommentsStayCheap() throws {
        let line = "<!-- santun-disable-next-line xx.word: kutipan -->\nbikin\n"
        let text = String(repeating: line, count: 4000)
            + "<!-- santun-disable xx: uji -->\n" + String(repeating: "bikin ", count: 4000) + "\n<!-- santun-enable xx -->\nbikin\n"
        var findings: [Finding] = []
        findings = try TestSupport.linter().lint(SourceText(text), ruleSet: RuleSet(packs: [HostileTextTests.xx]))
        // Everything suppressed except the last `bikin`, after the enable comment; no comment is unused.
        #expect(findings.map(\.ruleID) == ["xx.word"])
        #expect(findings.first?.start.line == 8004)
    }

    @Test(.timeLimit(.minutes(2))) func perLineCountsOverManyLinesStayLinear() throws {
        // Drafts piped one per line: every line is its own draft for whole-draft counts.
        let rule = try TestSupport.pack("""
            pack: t
            language: id
            description: d
            rules:
              - id: t.emoji
                kind: metric
                category: tone
                severity: info
                message: m
                rationale: r
                metric: emoji-count
                threshold: 2
                examples: [{bad: "a 😀 ⟦😀⟧"}, {good: "a 😀"}]
              - id: t.ratio
                kind: metric
                category: tone
                severity: info
                message: m
                rationale: r
                metric: caps-ratio
                threshold: 0.9
                examples: [{bad: "⟦ABCDEFGHIJ KLMNOPQRSTUV⟧"}, {good: "abcdefghij klmnopqrstuv"}]
            """)
        let text = String(repeating: "satu 😀 dua 😀\nABCDEFGHIJ KLMNOPQRSTUV\n", count: 8_000)
        var findings: [Finding] = []
        findings = try TestSupport.linter().lint(SourceText(text), ruleSet: RuleSet(packs: [rule]),
                                                 options: LintOptions(draftBoundary: .line))
        #expect(findings.filter { $0.ruleID == "t.emoji" }.count == 8_000)
        #expect(findings.filter { $0.ruleID == "t.ratio" }.count == 8_000)
    }

    @Test func hashedTermsOverALongRunOfWordsWithNothingToHash() throws {
        // Words with no Latin letter or digit (々々, ーー, ـــ) add nothing to a phrase's key; a
        // long run of them used to be re-scanned from every start. The scan is now bounded in
        // tokens too, and a filler word inside a codename still does not hide it.
        let text = String(repeating: "々々 ーー ـــ ", count: 3_000) + "Proyek ーー Contoh"
        let findings = try TestSupport.linter().lint(SourceText(text), ruleSet: RuleSet(packs: [HostileTextTests.xx]))
        #expect(findings.map(\.ruleID) == ["xx.code"])
        #expect(findings.first?.match == "Proyek ーー Contoh")
    }

    // MARK: patterns

    @Test func catastrophicPatternIsRejectedAtLoad() {
        let yaml = LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: info\n    message: m\n    rationale: r\n    pattern: '(a+)+$'\n    examples: [{bad: \"⟦aa⟧\"}, {good: b}]\n"
        do {
            _ = try TestSupport.pack(yaml, file: "evil.yml")
            Issue.record("a catastrophic pattern loaded")
        } catch let error as LoadError {
            #expect(error.file == "evil.yml")
            #expect(error.line == 11)
            #expect(error.message.contains("backtracks catastrophically"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func builtInPatternsPassTheProbe() {
        for rule in TestSupport.builtInPacks.flatMap(\.rules) {
            guard case let .pattern(spec) = rule.body else { continue }
            #expect(spec.regex.catastrophicProbe() == nil, "\(rule.id)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func aPatternThatEscapesTheProbeIsStoppedPerDraft() throws {
        // The probe does not know the `q` prefix; the time limit and the give-up rule stop it.
        let pack = try TestSupport.pack(LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: info\n    message: m\n    rationale: r\n    pattern: 'q(a+)+$'\n    examples: [{bad: \"⟦qaa⟧\"}, {good: b}]\n")
        let text = String(repeating: "q" + String(repeating: "a", count: 40) + "!\n", count: 200) + "qaa\n"
        let linter = TestSupport.linter()
        var findings: [Finding] = []
        findings = try linter.lint(SourceText(text), ruleSet: RuleSet(packs: [pack]))
        #expect(findings.isEmpty, "the last line is past the give-up point")
        #expect(linter.diagnostics.count == RegexMatcher.limitHitsBeforeGivingUp + 1)
        #expect(linter.diagnostics.last?.contains("lines 4–201 were not checked") == true, "\(linter.diagnostics)")
    }

    @Test func builtInPatternsFinishOnALongLine() throws {
        // The time limit grows with the line, so a long line of ordinary words is fully checked
        // (a fixed limit ran out on `pii.email` at about 150 KB of this text).
        let text = String(repeating: "Halo semua, hubungi kami ", count: 12_000) + "di 081234567890 ya"
        let linter = TestSupport.linter()
        let personal = RuleSet(packs: TestSupport.builtInPacks.filter { $0.id == "pii" })
        let findings = try linter.lint(SourceText(text), ruleSet: personal)
        #expect(linter.diagnostics.isEmpty, "\(linter.diagnostics)")
        #expect(findings.map(\.match) == ["081234567890"])
    }
}
