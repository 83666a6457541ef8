extension Linter {
    /// Laughter written out: wkwk, haha, hehe, hihi, xixi, kwkw, ckck, awokwok (after the
    /// tokenizer has reduced repeats), so counting needs no word list in the pack.
    static func isLaughter(_ normalized: String) -> Bool {
        let utf8 = normalized.utf8
        let count = utf8.count
        guard count >= 4 else { return false }
        if count == 7 && normalized == "awokwok" || count == 4 && (normalized == "wkwk" || normalized == "kwkw") { return true }
        guard utf8.count % 2 == 0 else { return false }
        var iterator = utf8.makeIterator()
        let a = iterator.next()!, b = iterator.next()!
        guard laughterUnits.contains(UInt16(a) << 8 | UInt16(b)) else { return false }
        var index = 0
        for byte in utf8 {
            if byte != (index % 2 == 0 ? a : b) { return false }
            index += 1
        }
        return true
    }

    /// ha, he, hi, xi, wk, kw, ck, hu, ah, eh as two ASCII bytes.
    static let laughterUnits: Set<UInt16> = Set(["ha", "he", "hi", "xi", "wk", "kw", "ck", "hu", "ah", "eh"].map {
        let bytes = Array($0.utf8)
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    })

    /// The tokens inside each range, for ranges in reading order that do not overlap: one sweep
    /// over the tokens (which are in reading order), not one filter per range.
    static func tokens(_ tokens: [Token], within ranges: [ByteRange]) -> [ArraySlice<Token>] {
        var result: [ArraySlice<Token>] = []
        result.reserveCapacity(ranges.count)
        var index = 0
        for range in ranges {
            while index < tokens.count && tokens[index].range.offset < range.offset { index += 1 }
            var end = index
            while end < tokens.count && tokens[end].range.offset < range.end { end += 1 }
            var slice = tokens[index..<end]
            // A token that starts inside the range but ends after it is not within it.
            if end > index, tokens[end - 1].range.end > range.end {
                slice = slice.filter { range.contains($0.range) }[...]
            }
            result.append(slice)
            index = end
        }
        return result
    }

    func metricFindings(_ context: inout LintContext) {
        for rule in context.ruleSet.rules {
            guard case let .metric(spec) = rule.body else { continue }
            switch spec.metric {
            case .capsWords: capsWords(rule, spec, &context)
            case .capsRatio: capsRatio(rule, spec, &context)
            case .punctuationRun:
                let tokens = context.tokens
                for index in tokens.indices where tokens[index].kind == .punct && tokens[index].range.length >= Int(spec.threshold)
                    && context.prose.bytes[tokens[index].range.range].allSatisfy({ $0 == 0x21 || $0 == 0x3F }) {
                    context.add(rule, range: tokens[index].range)
                }
            case .emojiRun: emojiRuns(rule, spec, &context)
            case .emojiCount: countPerDraft(rule, spec, &context) { tokens, index in tokens[index].kind == .emoji }
            case .hashtagCount: countPerDraft(rule, spec, &context) { tokens, index in tokens[index].kind == .hashtag }
            case .laughterCount:
                countPerDraft(rule, spec, &context) { tokens, index in
                    tokens[index].kind == .word && Linter.isLaughter(tokens[index].normalized)
                }
            case .length: length(rule, spec, &context)
            case .reduplicationDigit: reduplicationDigit(rule, spec, &context)
            case .hiddenCharacters: hiddenCharacters(rule, &context)
            case .elongation: elongation(rule, &context)
            case .alaySpelling: alaySpelling(rule, &context)
            }
        }
    }

    /// The drafts of a text: the whole text, or each line (drafts piped one per line).
    private func drafts(_ context: LintContext) -> [ByteRange] {
        switch context.options.draftBoundary {
        case .document: return [ByteRange(offset: 0, length: context.source.bytes.count)]
        case .line: return (0..<context.source.lineCount).map { context.source.lineRange($0) }
        }
    }

    /// A word of two or more ASCII letters, all capitals, that is not an excluded acronym. Counts
    /// in place: this runs on every word, so it allocates nothing until a word is all capitals.
    private func isShouted(_ kind: TokenKind, _ range: ByteRange, _ spec: MetricSpec, _ bytes: [UInt8]) -> Bool {
        guard kind == .word else { return false }
        let slice = bytes[range.range]
        guard let capitals = WordNormalizer.capitalsCount(slice), capitals >= 2, !Linter.isVowelless(slice) else { return false }
        let written = String(decoding: slice, as: UTF8.self)
        return !spec.exclude.contains(written) && !spec.exclude.contains(written.uppercased())
    }

    /// Capitals with no vowel (`SSL`, `SMTPS`, `CD`, `BGT`) cannot be read out as a word: an
    /// acronym or an abbreviation, not a shouted word. Inside a run they neither count nor end it.
    static func isVowelless(_ slice: ArraySlice<UInt8>) -> Bool {
        !slice.contains(where: WordNormalizer.isVowel)
    }

    private func capsWords(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext) {
        let bytes = context.prose.bytes
        let tokens = context.tokens
        // The run of shouted words so far: its count and the ranges of its first and last word.
        var run = 0
        var first = ByteRange(offset: 0, length: 0), last = first
        func flush() {
            if run >= Int(spec.threshold) { context.add(rule, range: ByteRange(first.offset..<last.end)) }
            run = 0
        }
        for index in tokens.indices {
            // Fields, not the whole token: a copy of a token retains its strings.
            let kind = tokens[index].kind, range = tokens[index].range
            if run > 0, bytes[last.end..<range.offset].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                flush()
            }
            if isShouted(kind, range, spec, bytes) {
                if run == 0 { first = range }
                last = range
                run += 1
            } else if kind == .punct && !bytes[range.range].contains(where: { $0 == 0x2E }) {
                continue
            } else if kind == .word || kind == .number, run > 0,
                      kind == .number || spec.exclude.contains(context.prose.text(range))
                        || WordNormalizer.capitalsCount(bytes[range.range]) != nil && Linter.isVowelless(bytes[range.range]) {
                continue
            } else {
                flush()
            }
        }
        flush()
    }

    private func capsRatio(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext) {
        let lines = (0..<context.prose.lineCount).map { context.prose.lineRange($0) }
        let bytes = context.prose.bytes
        // A word with no capital cannot equal an excluded acronym unless one is written without
        // capitals: only then is every word looked up (a String each).
        let lowercaseExclusions = spec.exclude.contains { !$0.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } }
        for lineTokens in Linter.tokens(context.tokens, within: lines) {
            var upper = 0, total = 0
            var first: ByteRange?, last: ByteRange?
            for index in lineTokens.indices where lineTokens[index].kind == .word {
                let range = lineTokens[index].range
                if first == nil { first = range }
                last = range
                var wordUpper = 0, wordTotal = 0
                for byte in bytes[range.range] {
                    if byte >= 0x41 && byte <= 0x5A { wordUpper += 1; wordTotal += 1 } else if byte >= 0x61 && byte <= 0x7A { wordTotal += 1 }
                }
                if (wordUpper > 0 || lowercaseExclusions), spec.exclude.contains(context.prose.text(range)) { continue }
                upper += wordUpper
                total += wordTotal
            }
            if total >= 20, Double(upper) / Double(total) >= spec.threshold, let first, let last {
                context.add(rule, range: ByteRange(first.offset..<last.end))
            }
        }
    }

    private func emojiRuns(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext) {
        let bytes = context.prose.bytes
        let tokens = context.tokens
        var run = 0
        var first = ByteRange(offset: 0, length: 0), last = first
        func flush() {
            if run >= Int(spec.threshold) { context.add(rule, range: ByteRange(first.offset..<last.end)) }
            run = 0
        }
        for index in tokens.indices {
            let range = tokens[index].range
            if tokens[index].kind == .emoji {
                if run > 0, !bytes[last.end..<range.offset].allSatisfy({ $0 == 0x20 }) { flush() }
                if run == 0 { first = range }
                last = range
                run += 1
            } else {
                flush()
            }
        }
        flush()
    }

    /// Reports the item at which the count in one draft reaches the threshold.
    /// `counts` reads the token it is given by index: handing it a token would copy one per call.
    private func countPerDraft(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext,
                               _ counts: (ArraySlice<Token>, Int) -> Bool) {
        for draftTokens in Linter.tokens(context.tokens, within: drafts(context)) {
            var count = 0
            for index in draftTokens.indices where counts(draftTokens, index) {
                count += 1
                if count == Int(spec.threshold) { context.add(rule, range: draftTokens[index].range) }
            }
        }
    }

    /// Characters beyond the platform's limit, from the first one over to the end of the draft.
    private func length(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext) {
        guard let platform = context.options.platform, let limit = spec.limits[platform] else { return }
        let bytes = context.prose.bytes
        for draft in drafts(context) {
            var end = draft.end
            while end > draft.offset, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
            // Leading blanks are not posted either; in Markdown they include the masked front matter.
            var start = draft.offset
            while start < end, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[start]) { start += 1 }
            var characters = 0
            var index = start
            var cut: Int? = nil
            while index < end {
                if bytes[index] & 0xC0 != 0x80 {
                    characters += 1
                    if characters == limit + 1 { cut = index; break }
                }
                index += 1
            }
            if let cut {
                let total = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.count
                context.add(rule, range: ByteRange(cut..<end), messageMatch: "\(total)/\(limit)")
            }
        }
    }

    /// `hal2`, `anak2nya`, `hal²`: EYD V writes reduplication with a hyphen. An affixed word the
    /// rule lists repeats only its base (`berkali2` → berkali-kali, not berkali-berkali).
    private func reduplicationDigit(_ rule: Rule, _ spec: MetricSpec, _ context: inout LintContext) {
        let tokens = context.tokens
        for index in tokens.indices where tokens[index].kind == .word && tokens[index].flags.contains(.reduplicated) {
            let token = tokens[index]
            let written = context.source.text(token.range)
            guard written.contains("2") || written.contains("²") else { continue }
            // A doubled chat skeleton (tmn2) is the slang rules' to rebuild; a vowelless word
            // with a 2 nothing knows is a name or a version (lvm2, bz2), not a repeated word.
            guard token.normalized.utf8.prefix(while: { $0 != UInt8(ascii: "-") }).contains(where: WordNormalizer.isVowel) else { continue }
            let sentenceStart = isSentenceStart(token.range.offset, in: context.source)
                && written.first.map { $0.isUppercase } == true
            let full = Linter.reduplicated(token.normalized, affixedBases: spec.affixedBases)
            let suggestion = SuggestionCase.apply(to: full, like: written, sentenceStart: sentenceStart)
            context.add(rule, range: token.range, suggestions: [suggestion], fixable: rule.fixable)
        }
    }

    /// The hyphenated form the normalizer wrote (`berkali-berkali`, `secepat-secepatnya`) with
    /// the second half reduced to the base when the word before the `2` is a listed affixed word
    /// (berkali-kali, secepat-cepatnya); otherwise as written.
    static func reduplicated(_ normalized: String, affixedBases: [String: String]) -> String {
        guard !affixedBases.isEmpty, let hyphen = normalized.firstIndex(of: "-") else { return normalized }
        let left = normalized[..<hyphen], right = normalized[normalized.index(after: hyphen)...]
        guard right.hasPrefix(left), let base = affixedBases[String(left)] else { return normalized }
        return left + "-" + base + right.dropFirst(left.count)
    }

    /// Whether a token lies inside a finding already made, asked for tokens in reading order:
    /// one sweep over the findings sorted by start, not one search per token.
    struct CoveredSweep {
        let ranges: [ByteRange]
        var next = 0
        var reach = 0  // the furthest end among findings starting before the current token

        init(_ findings: [Finding]) { ranges = findings.map(\.range).sorted() }

        /// True when a finding that starts before the token's end reaches past its start.
        mutating func covers(_ token: ByteRange) -> Bool {
            while next < ranges.count && ranges[next].offset < token.end {
                reach = max(reach, ranges[next].end)
                next += 1
            }
            return reach > token.offset
        }
    }

    /// Letters stretched for emphasis (`Selamaaat`, `yaa`) in words no other rule already
    /// reports. The suggestion keeps one letter; when the run could also be a real double
    /// letter (`maaaaf` → maf or maaf), both are offered and nothing is fixed automatically.
    private func elongation(_ rule: Rule, _ context: inout LintContext) {
        var covered = CoveredSweep(context.findings)
        let tokens = context.tokens
        let known = context.ruleSet.knownWords
        for index in tokens.indices where tokens[index].kind == .word {
            let token = tokens[index]
            guard token.flags.contains(.elongated)
                    || Linter.isDoubledLastLetter(token, known: known) && !context.isInEnglishSentence(index) else { continue }
            // Inside another finding (a phrase, a leaked figure), or written in capitals (a Roman
            // numeral such as III, an acronym): not a stretched word to report.
            let inside = covered.covers(token.range)
            let capitals = context.source.bytes[token.range.range].allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) }
            guard !inside, !capitals, !Linter.isLaughter(token.normalized) else { continue }
            let written = context.source.text(token.range)
            var suggestions = [token.normalized]
            if let alternate = token.alternate, alternate != token.normalized {
                switch (known.contains(token.normalized), known.contains(alternate)) {
                case (true, false): break
                case (false, true): suggestions = [alternate]
                default: suggestions.append(alternate)
                }
            }
            suggestions = suggestions.map { SuggestionCase.apply(to: $0, like: written, sentenceStart: false) }
            context.add(rule, range: token.range, suggestions: suggestions, fixable: rule.fixable)
        }
    }

    /// Alay spellings of standard words that no other rule reports: digits for letters
    /// (`S3l4m4t p4g1`, `k3mbali`) and capitals alternating inside a word (`SeMaNgAt`). Only
    /// when the plain word is one the packs hold to be right or name as a standard base, so
    /// codes and names stay clean: an all-capitals code (`P3K`, `H1N1`), `5in1`, `Kerja3x`,
    /// `mp3nya`, `MacBookPro`.
    private func alaySpelling(_ rule: Rule, _ context: inout LintContext) {
        var covered = CoveredSweep(context.findings)
        let tokens = context.tokens
        let known = context.ruleSet.standardWords
        for index in tokens.indices where tokens[index].kind == .word {
            // Read in place: copying every token (and retaining its box) cost more than the test.
            let bytes = context.source.bytes[tokens[index].range.range]
            let leet = tokens[index].flags.contains(.leet) && Linter.isLeetWord(bytes)
            guard leet || Linter.hasAlternatingCase(bytes) else { continue }
            let token = tokens[index]
            guard !covered.covers(token.range), known.contains(token.normalized) else { continue }
            let written = context.source.text(token.range)
            // A draft written all in lowercase keeps its convention, as the lexicon's suggestions do.
            let sentenceStart = context.lineHasCapitals(context.source.lineIndex(ofByte: token.range.offset))
                && isSentenceStart(token.range.offset, in: context.source)
            // Alternating capitals carry no case to keep: the word starts with a capital only
            // where a sentence does.
            let suggestion = SuggestionCase.apply(to: token.normalized, like: leet ? written : token.normalized,
                                                  sentenceStart: sentenceStart)
            context.add(rule, range: token.range, suggestions: [suggestion], fixable: rule.fixable)
        }
    }

    /// Digits among lowercase letters: `s3m4ng4t`, not a code in capitals (`P3K`) nor a
    /// product's `5in1` (digits at both ends around two letters).
    static func isLeetWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lower = 0, letters = 0
        for byte in bytes {
            if byte >= 0x61 && byte <= 0x7A { lower += 1; letters += 1 } else if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        guard lower > 0, let first = bytes.first, let last = bytes.last else { return false }
        if WordNormalizer.isDigit(first) && WordNormalizer.isDigit(last) && letters <= 2 { return false }
        return true
    }

    /// Capitals alternating with small letters inside a word (`SeMaNgAt`, `sEmAnGaT`): at
    /// least four changes of case, and at least two small letters standing alone between
    /// capitals. CamelCase names change case where their parts meet, each part with two or more
    /// small letters (`MacBookPro`, `YouTube`), and `McDonald` changes three times. (`LaTeX`
    /// has the alay shape; it stays clean because the packs do not hold `latex` as a word.)
    static func hasAlternatingCase(_ bytes: ArraySlice<UInt8>) -> Bool {
        // Most words have no capital after their first letter: one scan settles them.
        guard bytes.count >= 5, bytes.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        var changes = 0, singles = 0
        var before: Bool? = nil, previous: Bool? = nil  // true: capital
        for byte in bytes {
            let capital: Bool
            if byte >= 0x41 && byte <= 0x5A { capital = true } else if byte >= 0x61 && byte <= 0x7A { capital = false } else { return false }
            if let previous {
                if previous != capital { changes += 1 }
                // A small letter standing alone between capitals (the `e` of `SeM`).
                if before == true && !previous && capital { singles += 1 }
            }
            before = previous
            previous = capital
        }
        return changes >= 4 && singles >= 2
    }

    /// A word whose last letter is written twice where the word with it once is one the packs
    /// hold to be right and the word as written is not (ayoo, wahh): the normalizer
    /// keeps such a word as written (coffee, too and zoo end so in English) and only offers the
    /// single form, so the stretch is reported here, where the packs' words are known. Single
    /// forms of two letters (to, be, se) are left out: too many real words end in them doubled.
    /// Only e, o, h and k count here: other doubled consonants (webb, butt, watt) end names and
    /// English words whose single forms the packs know, so they only help the lexicon find a
    /// listed word (bangett, dongg).
    static func isDoubledLastLetter(_ token: Token, known: Set<String>) -> Bool {
        guard let alternate = token.alternate, alternate.utf8.count >= 3,
              let last = alternate.utf8.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "o")
                || last == UInt8(ascii: "h") || last == UInt8(ascii: "k"),
              token.normalized.utf8.count == alternate.utf8.count + 1, token.normalized.hasPrefix(alternate),
              token.normalized.utf8.last == alternate.utf8.last else { return false }
        return known.contains(alternate) && !known.contains(token.normalized)
    }

    /// Bidirectional overrides and isolates can show text in another order than it is stored,
    /// hiding what a reader approves (the "Trojan Source" trick).
    private func hiddenCharacters(_ rule: Rule, _ context: inout LintContext) {
        let bytes = context.source.bytes
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2 {
                let b1 = bytes[index + 1], b2 = bytes[index + 2]
                let isOverride = b1 == 0x80 && (0xAA...0xAE).contains(b2)
                let isIsolate = b1 == 0x81 && (0xA6...0xA9).contains(b2)
                if isOverride || isIsolate {
                    context.add(rule, range: ByteRange(offset: index, length: 3), messageMatch: String(format: "U+%04X", 0x2000 + (Int(b1 & 0x3F) << 6) + Int(b2 & 0x3F)))
                    index += 3
                    continue
                }
            }
            index += 1
        }
    }
}

import Foundation
