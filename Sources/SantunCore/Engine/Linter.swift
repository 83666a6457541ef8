/// Turns a draft into findings. It knows nothing of terminals or files: the caller reads the
/// text and decides how to show the result.
///
/// One `Linter` per thread (ICU break iterators and regex matchers are not thread-safe); the
/// `RuleSet` and `WordBreakRules` it uses are shared.
public final class Linter {
    public let tokenizer: Tokenizer
    /// A matcher per pattern, keyed by the pattern object, which is held with it: a pattern freed
    /// with its pack could leave its address to another, which must not get the old matcher.
    private var matchers: [ObjectIdentifier: (regex: ICURegex, matcher: RegexMatcher)] = [:]
    /// What the lexicon made of words it does not know as written, kept from draft to draft.
    var wordVerdicts = LexiconMatcher.WordVerdicts()
    /// Problems met during the last `lint` that the user should hear about (a pattern that hit
    /// its time limit); the caller decides how to show them.
    public internal(set) var diagnostics: [String] = []

    public init(wordBreakRules: WordBreakRules) throws {
        tokenizer = try Tokenizer(rules: wordBreakRules)
    }

    /// Lints one draft. Findings are in reading order; suppression comments are honoured and
    /// reported when they lack a reason or suppress nothing.
    public func lint(_ source: SourceText, ruleSet: RuleSet, options: LintOptions = LintOptions()) throws -> [Finding] {
        diagnostics = []
        let prose = options.markdown ? MarkdownMasker.mask(source) : source
        let tokens = tokenizer.tokenize(prose)
        var context = LintContext(source: source, prose: prose, tokens: tokens, ruleSet: ruleSet, options: options)
        lexiconFindings(&context)
        try patternFindings(&context)
        metricFindings(&context)
        hashedFindings(&context)
        var findings = resolveOverlaps(context.findings, ruleSet: ruleSet)
        findings = Suppression.apply(to: findings, in: source, ruleSet: ruleSet)
        // Usually already in order (suppression only adds findings when a comment needs one).
        let ordered = zip(findings, findings.dropFirst()).allSatisfy { !Finding.readingOrder($1, $0) }
        return ordered ? findings : findings.sorted(by: Finding.readingOrder)
    }

    func matcher(for regex: ICURegex) throws -> RegexMatcher {
        let key = ObjectIdentifier(regex)
        if let cached = matchers[key], cached.regex === regex { return cached.matcher }
        let matcher = try regex.matcher()
        matchers[key] = (regex, matcher)
        return matcher
    }

    /// Longer phrases win over the words inside them, but a harm finding (profanity, SARA,
    /// personal data, confidential) is never hidden by a style finding; within one category the
    /// wider finding (or, for identical spans, the first rule) is the one reported.
    func resolveOverlaps(_ findings: [Finding], ruleSet: RuleSet) -> [Finding] {
        // Only lexicon phrases hide the words inside them; a pattern or metric span (a salary
        // sentence, a shouted run) leaves other categories' findings inside it alone.
        let phrases = ruleSet.phraseRuleIDs
        let reduplication = ruleSet.reduplicationRuleIDs
        // `temen2`: a slang suggestion already rebuilds the reduplication (teman-teman). Only the
        // ranges of reduplication findings are looked at, so most findings cost no set.
        let reduplicationRanges = Set(findings.lazy.filter { reduplication.contains($0.ruleID) }.map(\.range))
        var suggestedRanges: [ByteRange: Set<String>] = [:]
        if !reduplicationRanges.isEmpty {
            for finding in findings where !finding.suggestions.isEmpty && reduplicationRanges.contains(finding.range) {
                suggestedRanges[finding.range, default: []].insert(finding.ruleID)
            }
        }
        // Sorted by index: a finding is a large value, an index is not.
        let order = findings.indices.sorted { Finding.readingOrder(findings[$0], findings[$1]) }
        let sorted = order.lazy.map { findings[$0] }.filter { finding in
            !reduplication.contains(finding.ruleID)
                || (suggestedRanges[finding.range] ?? []).subtracting([finding.ruleID]).isEmpty
        }
        // Sorted by start (wider first), a finding can only be inside a kept finding that is still
        // open at its start, so only those are compared: linear in practice.
        var kept: [Finding] = []
        var open: [Finding] = []
        for finding in sorted {
            open.removeAll { $0.range.end <= finding.range.offset }
            let hidden = open.contains { other in
                guard other.range.contains(finding.range) else { return false }
                // One stretch of text read two ways by one category (a phone number that also
                // looks like an account number) is one finding: the wider reading.
                if other.ruleID == finding.ruleID || other.category == finding.category { return true }
                if !phrases.contains(other.ruleID) { return false }
                if other.range == finding.range { return false }
                return other.category.priority >= finding.category.priority
            }
            if !hidden {
                kept.append(finding)
                open.append(finding)
            }
        }
        return kept
    }
}

/// Everything one lint run shares between its checks.
struct LintContext {
    let source: SourceText
    /// The text the checks read: `source`, or for Markdown a copy with non-prose blanked out
    /// (same byte offsets, so spans still point into `source`).
    let prose: SourceText
    let tokens: [Token]
    let ruleSet: RuleSet
    let options: LintOptions
    var findings: [Finding] = []
    /// Whether each line has a capital letter, computed once per line (a long line with many
    /// hits would otherwise be scanned once per hit).
    private var capitals: [Int: Bool] = [:]
    /// Which sentences are English, worked out for the sentences that hold a foreign-term hit.
    private var sentenceLanguage = SentenceLanguage()

    /// True when the draft token at `index` stands in a sentence written in English.
    mutating func isInEnglishSentence(_ index: Int) -> Bool {
        sentenceLanguage.isEnglish(index, tokens: tokens, source: source)
    }

    /// What the function words of the sentence holding the draft token at `index` say.
    mutating func sentenceReading(_ index: Int) -> SentenceLanguage.Reading {
        sentenceLanguage.reading(index, tokens: tokens, source: source)
    }

    mutating func lineHasCapitals(_ line: Int) -> Bool {
        if let known = capitals[line] { return known }
        let range = source.lineRange(line)
        let result = source.bytes[range.range].contains { $0 >= 0x41 && $0 <= 0x5A }
        capitals[line] = result
        return result
    }

    init(source: SourceText, prose: SourceText, tokens: [Token], ruleSet: RuleSet, options: LintOptions) {
        self.source = source
        self.prose = prose
        self.tokens = tokens
        self.ruleSet = ruleSet
        self.options = options
    }

    /// A rule's message with `{match}` and `{suggestion}` filled in, in one pass (text that the
    /// match brings in is never read as a placeholder). Most messages have none and are returned
    /// as they are, without a copy.
    static func fill(_ template: String, match: String, suggestion: String) -> String {
        let open = UInt8(ascii: "{")
        var template = template
        // Raw bytes, not the string's views: the generic view algorithms cost more than the copy.
        let filled: [UInt8]? = template.withUTF8 { text in
            guard var brace = text.firstIndex(of: open) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(text.count + match.utf8.count + suggestion.utf8.count)
            var pieceStart = 0
            func starts(_ name: StaticString, at index: Int) -> Bool {
                let length = name.utf8CodeUnitCount
                guard index + length <= text.count else { return false }
                return memcmp(text.baseAddress! + index, name.utf8Start, length) == 0
            }
            func put(_ value: String) {
                var value = value
                value.withUTF8 { out.append(contentsOf: $0) }
            }
            while true {
                let value: String?, length: Int
                if starts("{match}", at: brace) {
                    (value, length) = (match, 7)
                } else if starts("{suggestion}", at: brace) {
                    (value, length) = (suggestion, 12)
                } else {
                    (value, length) = (nil, 1)
                }
                if let value {
                    out.append(contentsOf: text[pieceStart..<brace])
                    put(value)
                    pieceStart = brace + length
                }
                guard let next = text[(brace + length)...].firstIndex(of: open) else { break }
                brace = next
            }
            out.append(contentsOf: text[pieceStart...])
            return out
        }
        guard let filled else { return template }
        return String(decoding: filled, as: UTF8.self)
    }

    mutating func add(_ rule: Rule, range: ByteRange, severity: Severity? = nil, suggestions: [String] = [],
                      fixable: Bool = false, messageMatch: String? = nil) {
        let match = source.text(range)
        let message = LintContext.fill(rule.message, match: messageMatch ?? match, suggestion: suggestions.first ?? "")
        let start = source.location(ofByte: range.offset)
        var end = start
        // Most matches are a few ASCII letters on one line: the end is counted from the start.
        if range.end <= source.bytes.count, source.bytes[range.range].allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) {
            end.column += range.length
            end.utf16Column += range.length
        } else {
            end = source.location(ofByte: range.end)
        }
        findings.append(Finding(
            ruleID: rule.id, category: rule.category, severity: severity ?? rule.severity, message: message,
            range: range, start: start, end: end,
            match: match, suggestions: suggestions, fixable: fixable && suggestions.count == 1))
    }
}

import Foundation
