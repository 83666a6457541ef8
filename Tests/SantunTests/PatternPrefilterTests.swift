import Foundation
import Testing
@testable import SantunCore

/// The pattern prefilter may only skip lines on which the regex cannot match: every line where
/// ICU finds a match must be among the candidate lines.
@Suite struct PatternPrefilterTests {
    static let patternRules: [Rule] = TestSupport.builtInPacks.flatMap(\.rules).filter {
        if case .pattern = $0.body { true } else { false }
    }

    /// Lines from the corpora and every rule example, plus variants that stress case folding and digits.
    static let lines: [String] = {
        var lines: [String] = []
        let root = TestSupport.repoRoot.appendingPathComponent("corpora")
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in walker where path.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: root.appendingPathComponent(path).path, encoding: .utf8) {
                    lines += text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                }
            }
        }
        for rule in TestSupport.builtInPacks.flatMap(\.rules) {
            lines += rule.examples.flatMap { $0.text.split(separator: "\n").map(String.init) }
        }
        let variants = lines.flatMap { [$0.uppercased(), $0.replacingOccurrences(of: "k", with: "\u{212A}"),
                                         $0.replacingOccurrences(of: "s", with: "\u{17F}")] }
        return lines + variants + [
            "NIK saya ３２０１０１２３４５６７８９０１", "hubungi ٠٨١٢٣٤٥٦٧٨٩٠", "PASSWORD WIFI: Kopi2026",
            "email budi.santoso@gmail.com ya", "192.168.1.1:8080", "laba bersih kuartal III naik 25%",
        ]
    }()

    /// Every match of `matcher` in a one-line text, as UTF-16 ranges.
    static func matches(_ matcher: RegexMatcher, _ source: SourceText) throws -> [Range<Int>] {
        try source.utf16.withUnsafeBufferPointer { try matcher.matches(in: $0, regions: source.utf16LineRanges).ranges }
    }

    @Test func knownPatternsGetAPrefilter() {
        let screen = RuleSet.screen(PatternPrefilterTests.patternRules)
        // Every built-in pattern is understood; a new pattern the analysis cannot read would still
        // run on every line, but should be looked at.
        #expect(screen.filters.allSatisfy { $0.isUseful })
    }

    @Test(arguments: PatternPrefilterTests.patternRules.map(\.id))
    func prefilterKeepsEveryLineThatMatches(id: String) throws {
        let rule = PatternPrefilterTests.patternRules.first { $0.id == id }!
        guard case let .pattern(spec) = rule.body else { return }
        // The analysis of the pattern alone: a pack's declared prefilter and required keywords
        // narrow further on purpose (see `declaredConditionsNarrowTheLines`).
        let screen = PatternScreen(filters: RuleSet.screen([rule]).filters)
        let matcher = try spec.regex.matcher()
        var missed: [String] = []
        for line in PatternPrefilterTests.lines {
            let source = SourceText(line)
            if try !PatternPrefilterTests.matches(matcher, source).isEmpty && screen.candidateLines(source)[0].isEmpty { missed.append(line) }
        }
        #expect(missed.isEmpty, "\(id) prefilter skipped matching lines: \(missed.prefix(5))")
    }

    /// A pattern compiled without case folding (it has no cased literal, property or backreference)
    /// finds exactly what ICU finds with folding, on every line, the Kelvin sign and long s included.
    @Test(arguments: PatternPrefilterTests.patternRules.map(\.id))
    func unfoldedPatternsMatchAsFoldedOnesDo(id: String) throws {
        let rule = PatternPrefilterTests.patternRules.first { $0.id == id }!
        guard case let .pattern(spec) = rule.body, spec.regex.caseInsensitive,
              ICURegex.matchesAlikeInEveryCase(spec.regex.pattern) else { return }
        let folded = try NSRegularExpression(pattern: spec.regex.pattern, options: [.caseInsensitive])
        let matcher = try spec.regex.matcher()
        var differing: [String] = []
        for line in PatternPrefilterTests.lines {
            let ours = try PatternPrefilterTests.matches(matcher, SourceText(line))
            let theirs = folded.matches(in: line, range: NSRange(location: 0, length: line.utf16.count)).map {
                $0.range.location..<($0.range.location + $0.range.length)
            }
            if ours != theirs { differing.append(line) }
        }
        #expect(differing.isEmpty, "\(id) matches differently without folding: \(differing.prefix(5))")
    }

    @Test func caseIndependentPatternsAreRecognisedConservatively() {
        let unfolded = PatternPrefilterTests.patternRules.filter {
            if case let .pattern(spec) = $0.body { ICURegex.matchesAlikeInEveryCase(spec.regex.pattern) } else { false }
        }
        #expect(unfolded.map(\.id).contains("pii.phone"))
        for pattern in [#"(?<![\w+])08[1-9]\d(?:[ .-]?\d){6,9}(?!\d)"#, #"\b\d{2}\.\d{3}\s+\S"#, #"(?:\(\+?62\)|\+62)[ .-]?"#] {
            #expect(ICURegex.matchesAlikeInEveryCase(pattern), "\(pattern)")
        }
        // A cased literal, a property, a backreference, a code point, inline flags, a named group, a POSIX class.
        for pattern in [#"[A-Z]\d{7}"#, #"npwp\d"#, #"\p{Lu}\d"#, #"(\d)\1"#, #"\x{41}"#, #"(?i)\d"#, #"(?<n>\d)"#, #"[[:digit:]]"#, "\u{212A}\\d", "é"] {
            #expect(!ICURegex.matchesAlikeInEveryCase(pattern), "\(pattern)")
        }
    }

    /// The pack's declared strings must occur in the line itself (ASCII letters compared in
    /// lowercase); a required keyword may stand on the line or on a line next to it. A line with
    /// a letter that folds to ASCII always passes. Both are
    /// looked for in the same single pass as the pattern's own literals.
    @Test func declaredConditionsNarrowTheLines() {
        let filter = PatternPrefilter(pattern: #"\d{3}"#)
        let gate = PatternGate(prefilter: [Array("kode".utf8), Array("ñ".utf8)], nearbyKeywords: [Array("rahasia negara".utf8)])
        let screen = PatternScreen(filters: [filter, filter, .none], gates: [gate, .open, PatternGate(prefilter: [[]])])
        let source = SourceText("""
            kode 123
            RAHASIA NEGARA
            KODE 456 dan ñ
            kode tanpa angka
            kode 789

            piñata 321
            ſandi 999
            """)
        let lines = screen.candidateLines(source)
        // Line 4 has no keyword on itself or beside it; line 6 is next to no keyword either.
        // Line 7 holds a letter that folds to ASCII (ſ): it could spell anything, so it is kept,
        // and so is line 6, next to it (the keyword could be disguised there).
        #expect(lines[0] == [0, 2, 6, 7])
        #expect(lines[1] == [0, 2, 4, 6, 7])
        // An empty declared string narrows nothing; no literal and no digits: every line.
        #expect(lines[2] == Array(0..<8))
        let far = SourceText("kode 123\n\n\nrahasia negara")
        #expect(screen.candidateLines(far)[0].isEmpty)
    }

    @Test func literalsAndDigitsAreRead() {
        #expect(PatternPrefilter(pattern: #"\b(?:foo|ba[rz])\b"#).literals == [Array("bar".utf8), Array("baz".utf8), Array("foo".utf8)])
        #expect(PatternPrefilter(pattern: #"\d{4}-\d{4}"#).minimumDigits == 8)
        // What ends a repeated piece joins the literal after it, and what starts one the literal before.
        #expect(PatternPrefilter(pattern: #"(?<![\w.])(?:[a-z0-9]+\.)+(?:lan|corp)(?![\w-])"#).literals
                == [Array(".corp".utf8), Array(".lan".utf8)])
        #expect(PatternPrefilter(pattern: #"(?:jira|wiki)(?:\.[a-z0-9]+)+"#).literals == [Array("jira.".utf8), Array("wiki.".utf8)])
        #expect(PatternPrefilter(pattern: #"(?:ab|cd)\w*x"#).literals == [Array("ab".utf8), Array("cd".utf8)])
        #expect(PatternPrefilter(pattern: #"[\w.]+@\w+"#).literals == [Array("@".utf8)])
        // A piece that may be empty (\d*) leaves what ends the text before it, or one of its own ends.
        let letterOrDigitAt = Set(("abcdefghijklmnopqrstuvwxyz0123456789").map { Array("\($0)@".utf8) })
        #expect(PatternPrefilter(pattern: #"[a-z]+\d*@"#).literals.map(Set.init) == letterOrDigitAt)
        #expect(PatternPrefilter(pattern: #"\w+\d*@"#).literals == [Array("@".utf8)])
        // Not understood: no condition.
        #expect(PatternPrefilter(pattern: #"(?i)abc\p{L}"#) == .none)
        // Optional parts require nothing.
        #expect(PatternPrefilter(pattern: #"(?:abc)?\w+"#).isUseful == false)
    }
}
