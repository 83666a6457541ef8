extension Linter {
    /// Categories still checked inside hashtags: campaign tags are identifiers, so slang and
    /// foreign terms in them are fine, but swearing, slurs and codenames are not.
    static let hashtagCategories: Set<Category> = [.profanity, .sara, .confidential]
    /// The categories a word spelled with symbols is looked up in: a symbol inside other words
    /// (`Hai!Apa`, `kabar@semua`) is punctuation or an address, not a disguise.
    static let symbolSpelledCategories: Set<Category> = [.profanity, .sara]

    func lexiconFindings(_ context: inout LintContext) {
        let matcher = context.ruleSet.lexicon
        let tokens = context.tokens
        // Literal contexts (`unless-near`) are read across hashtags: `#anjing #rabies`, `Vaksin
        // rabies untuk #anjing`, `ajak anjing Anda periksa #rabies`: the tokens around the hit,
        // with the words of their hashtags laid out, when a hashtag stands among them.
        func hasLiteralContextAcrossTags(_ hit: LexiconMatcher.Hit, _ entry: LexiconEntry,
                                         around anchor: ClosedRange<Int>, inTag: Bool) -> Bool {
            guard !entry.unlessNear.isEmpty else { return false }
            let window = max(0, anchor.lowerBound - LexiconEntry.nearWindow)...min(tokens.count - 1, anchor.upperBound + LexiconEntry.nearWindow)
            guard tokens[window].contains(where: { $0.kind == .hashtag && !$0.parts.isEmpty }) else { return false }
            let local = HashtagFlattening(tokens[window])
            var lineHit = hit
            if inTag {
                let start = local.position[anchor.lowerBound - window.lowerBound]
                lineHit.firstToken = start + hit.firstToken
                lineHit.lastToken = start + hit.lastToken
            } else {
                lineHit.firstToken = local.position[hit.firstToken - window.lowerBound]
                lineHit.lastToken = local.position[hit.lastToken - window.lowerBound]
            }
            return hasLiteralContext(lineHit, entry, in: local.tokens, context.source)
        }
        for hit in matcher.hits(in: tokens, verdicts: &wordVerdicts)
        where matcher.admits(hit, in: tokens) {
            let entry = matcher.entry(hit.ref)
            if hasLiteralContext(hit, entry, in: tokens, context.source)
                || hasLiteralContextAcrossTags(hit, entry, around: hit.firstToken...hit.lastToken, inTag: false) { continue }
            // An English sentence is the writer's choice of language, not a stray English word.
            if matcher.rules[hit.ref.rule].category == .foreignTerm, context.isInEnglishSentence(hit.firstToken) { continue }
            if matcher.rules[hit.ref.rule].codeMixing, !isMixedIn(hit, context: &context) { continue }
            if let subjects = entry.opensClause,
               !ClauseOpening.holds(subjects, first: hit.firstToken, last: hit.lastToken, tokens: tokens, source: context.source) { continue }
            report(hit, tokens: tokens, matcher: matcher, context: &context)
        }
        for index in tokens.indices where tokens[index].kind == .hashtag && !tokens[index].parts.isEmpty {
            let parts = HashtagFlattening.words(of: tokens[index])
            for hit in matcher.hits(in: parts, verdicts: &wordVerdicts)
            where Linter.hashtagCategories.contains(matcher.rules[hit.ref.rule].category)
                && matcher.admits(hit, in: parts) {
                let entry = matcher.entry(hit.ref)
                if hasLiteralContext(hit, entry, in: parts, context.source)
                    || hasLiteralContextAcrossTags(hit, entry, around: index...index, inTag: true) { continue }
                report(hit, tokens: parts, matcher: matcher, context: &context)
            }
        }
        symbolSpelledFindings(&context)
    }

    /// True when an English word of a code-mixing rule stands mixed into Indonesian: its sentence
    /// is Indonesian by its function words, and the word is neither part of a title or name
    /// (capitalised inside the sentence: `film Love Actually`, `lagu So What`) nor quoted on its
    /// own (`kata “literally” sering dipakai`), where it is named rather than used; nor inside an
    /// English stretch of the sentence (`thank you so much`, `last but not least`: an English
    /// function word beside it), where the Indonesian word would not fit.
    func isMixedIn(_ hit: LexiconMatcher.Hit, context: inout LintContext) -> Bool {
        let reading = context.sentenceReading(hit.firstToken)
        guard reading.indonesian else { return false }
        let tokens = context.tokens, bytes = context.source.bytes
        let firstWord = reading.sentence.first { tokens[$0].kind == .word }
        func isCapitalised(_ index: Int) -> Bool {
            guard reading.sentence.contains(index), tokens[index].kind == .word, index != firstWord else { return false }
            let first = bytes[tokens[index].range.offset]
            return first >= 0x41 && first <= 0x5A
        }
        if (hit.firstToken...hit.lastToken).contains(where: isCapitalised) { return false }
        func isEnglishFunctionWord(_ index: Int) -> Bool {
            reading.sentence.contains(index) && tokens[index].kind == .word
                && SentenceLanguage.englishWords.contains(tokens[index].normalized)
        }
        if isEnglishFunctionWord(hit.firstToken - 1) || isEnglishFunctionWord(hit.lastToken + 1) { return false }
        func isQuote(_ index: Int) -> Bool {
            guard reading.sentence.contains(index), tokens[index].kind == .punct else { return false }
            return ["\"", "'", "“", "”", "‘", "’", "«", "»"].contains { tokens[index].normalized.contains($0) }
        }
        return !(isQuote(hit.firstToken - 1) && isQuote(hit.lastToken + 1))
    }

    /// The symbols that stand for letters when a swear word is typed to slip past a filter
    /// (DOMAIN.md 5.4): `anj!ng`, `t|tit`, `bangs@t`, `$hit`.
    @inline(__always) static func symbolLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "|"): UInt8(ascii: "i")
        case UInt8(ascii: "@"): UInt8(ascii: "a")
        case UInt8(ascii: "$"): UInt8(ascii: "s")
        default: nil
        }
    }

    /// A swear word or slur with a symbol for a letter. The tokenizer splits such a word at the
    /// symbol, or reads `@t` of `bangs@t` and all of `@njing` as mentions, so tokens that touch
    /// are joined here with each symbol read as its letter, and the joined word is looked up
    /// among swear words and slurs only: `Hai!Apa` and `kabar@semua` are left alone, and so is a
    /// mention of fewer than five letters (`@su` may be a person).
    func symbolSpelledFindings(_ context: inout LintContext) {
        let tokens = context.tokens, bytes = context.source.bytes
        let matcher = context.ruleSet.lexicon
        var index = 0
        while index < tokens.count {
            var end = index
            // Nearly every run of touching tokens is a word and its punctuation: only a run with
            // a mention or a symbol token goes further, told without hashing a byte.
            func isSymbol(_ position: Int) -> Bool {
                let kind = tokens[position].kind
                return kind == .mention || kind == .punct && Linter.symbolLetter(bytes[tokens[position].range.offset]) != nil
            }
            var symbol = isSymbol(index)
            while end + 1 < tokens.count, tokens[end + 1].range.offset == tokens[end].range.end {
                end += 1
                if isSymbol(end) { symbol = true }
            }
            defer { index = end + 1 }
            guard symbol else { continue }
            // Punctuation around the word is not part of it (`(anj!ng!)`), but a `$` in front is
            // its first letter (`$hit`); a mention starts one.
            var first = index, last = end
            while first <= last, tokens[first].kind == .punct, bytes[tokens[first].range.offset] != UInt8(ascii: "$") { first += 1 }
            while last >= first, tokens[last].kind == .punct { last -= 1 }
            guard first <= last else { continue }
            let range = ByteRange(tokens[first].range.offset..<tokens[last].range.end)
            let written = bytes[range.range]
            guard written.count >= 3, written.count <= 24,
                  written.contains(where: { Linter.symbolLetter($0) != nil }),
                  written.allSatisfy({ WordNormalizer.isLetter($0 | 0x20) || WordNormalizer.isDigit($0) || Linter.symbolLetter($0) != nil })
            else { continue }
            let mapped = written.map { Linter.symbolLetter($0) ?? ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
            if first == last, tokens[first].kind == .mention, mapped.count < 5 { continue }
            let result = WordNormalizer.normalize(mapped, flags: [.leet])
            let word = Token(word: range, utf16Range: tokens[first].utf16Range.lowerBound..<tokens[last].utf16Range.upperBound,
                             normalized: result.normalized, base: result.base, alternate: result.alternate, flags: result.flags.union(.leet))
            let joined = [word]
            for hit in matcher.hits(in: joined, verdicts: &wordVerdicts)
            where Linter.symbolSpelledCategories.contains(matcher.rules[hit.ref.rule].category) && matcher.admits(hit, in: joined) {
                report(hit, tokens: joined, matcher: matcher, context: &context)
            }
        }
    }

    /// Tokens of a draft with every hashtag replaced by the words inside it, so a window of
    /// words around a word inside a tag reads across tags and the text between them.
    struct HashtagFlattening {
        var tokens: [Token] = []
        /// Where each given token stands here (a hashtag: its first word).
        var position: [Int] = []

        /// The words inside a hashtag, as tokens the lexicon can match (`#AnjingSehat`: anjing, sehat).
        static func words(of hashtag: Token) -> [Token] {
            hashtag.parts.map { Token(kind: .word, range: $0.range, utf16Range: 0..<0, normalized: $0.normalized) }
        }

        init(_ draft: ArraySlice<Token>) {
            tokens.reserveCapacity(draft.count)
            position.reserveCapacity(draft.count)
            for token in draft {
                position.append(tokens.count)
                if token.kind == .hashtag && !token.parts.isEmpty {
                    tokens.append(contentsOf: HashtagFlattening.words(of: token))
                } else {
                    tokens.append(token)
                }
            }
        }
    }

    private func report(_ hit: LexiconMatcher.Hit, tokens: [Token], matcher: LexiconMatcher, context: inout LintContext) {
        let rule = matcher.rules[hit.ref.rule]
        let entry = matcher.entry(hit.ref)
        let first = tokens[hit.firstToken], lastRange = tokens[hit.lastToken].range
        let allowed = context.ruleSet.allowed
        if !allowed.isEmpty, allowed.contains(first.matchKey) || allowed.contains(first.normalized) { return }
        if entry.likelihood == .maybe, !rule.contextWords.isEmpty,
           !hasContext(rule, around: hit.firstToken...hit.lastToken, in: tokens) { return }
        if rule.category == .slang, hit.firstToken == hit.lastToken, !entry.initialism,
           isAcronym(hit.firstToken, in: tokens, context.source) { return }
        let range = ByteRange(first.range.offset..<lastRange.end)
        // A phrase may wrap onto the next line of a paragraph, but never reach into the next draft;
        // and a rewrite across a line end would change the number of lines, so a person fixes it.
        let crossesLine = hit.firstToken != hit.lastToken
            && context.source.bytes[range.range].contains { $0 == 0x0A || $0 == 0x0D }
        if crossesLine && context.options.draftBoundary == .line { return }
        let written = context.source.text(range)

        // The formal words, rebuilt around the token's affixes and reduplication.
        var suggestions: [String] = []
        var buildable = true
        // A reduplicated word matched through its single form (temen2 → teman-teman); an entry
        // listing the reduplicated word itself (ati-ati → hati-hati) is not doubled again.
        let reduplicated = first.flags.contains(.reduplicated) && hit.firstToken == hit.lastToken
            && entry.words != [first.normalized]
        let analysis = hit.analysis ?? Morphology.Analysis(prefix: .none, stem: first.matchKey, suffix: "", clitic: "")
        var bases = entry.suggestions
        switch matcher.mode(hit.ref) {
        case .colloquial: bases = [entry.words[0]]  // the standard word itself
        case .abbreviation, .spoken:
            // The word itself, or its formal word when the entry is colloquial (gitu → gt: begitu).
            bases = entry.suggestions.isEmpty ? [entry.words[0]] : entry.suggestions
        default: break
        }
        // A colloquial word's skeleton (pgn: pengen) has no EYD abbreviation, so a period after it
        // ends the sentence; after a formal word's skeleton (tsb.) it marks the abbreviation.
        if matcher.mode(hit.ref) == .abbreviation,
           !ChatAbbreviation.isChatStyle(first, in: tokens, hit.firstToken, context.source,
                                         // no EYD abbreviation is doubled: brg2. ends a sentence
                                         periodMarksAbbreviation: entry.suggestions.isEmpty && !reduplicated) {
            return
        }
        for base in bases {
            if hit.analysis == nil && !reduplicated {
                suggestions.append(base)
            } else if let formal = Morphology.formal(analysis, base: base, formalSuffix: entry.formalSuffix,
                                                     active: entry.active, reduplicated: reduplicated,
                                                     // a slang word's formal equivalent may be derived (kece:
                                                     // menarik); a respelling's is the same word (trampil:
                                                     // terampil), and colloquial and spoken bases are roots
                                                     derivedBase: matcher.mode(hit.ref) == .full && rule.category == .slang
                                                        && Morphology.isDerived(base)) {
                suggestions.append(formal)
            } else {
                buildable = false
            }
        }
        // No affixed formal word can be built (kebokekan around "tidak punya uang"): the formal
        // words themselves guide a person's rewrite, and nothing is fixed automatically.
        if suggestions.isEmpty && !buildable { suggestions = bases }
        // A draft written all in lowercase keeps its convention; otherwise sentences start with a capital.
        let lineHasCapitals = context.lineHasCapitals(context.source.lineIndex(ofByte: range.offset))
        let sentenceStart = lineHasCapitals && isSentenceStart(range.offset, in: context.source)
        let amongCapitals = lineHasCapitals && neighbourIsCapitals(of: hit.firstToken...hit.lastToken, in: tokens, context.source)
        // An initialism's capitals are its spelling, not shouting: `OTW` is "dalam perjalanan".
        let caseModel = entry.initialism && !amongCapitals ? written.lowercased() : written
        suggestions = suggestions.map {
            SuggestionCase.apply(to: $0, like: caseModel, sentenceStart: sentenceStart, amongCapitals: amongCapitals)
        }
        var severity = entry.severity ?? rule.severity
        if entry.likelihood == .maybe { severity = severity.lowered }
        let fixable = rule.fixable && buildable && entry.likelihood == .likely && suggestions.count == 1 && !crossesLine
        context.add(rule, range: range, severity: severity, suggestions: suggestions, fixable: fixable)
    }

    /// A chat word of two or three letters with a vowel, written in capitals among words that
    /// are not, is an acronym: `LO` (liaison officer), `BRE` (basic regular expressions). A
    /// vowelless one is how chat abbreviations are written (`BTW`, `YG`) unless it follows a
    /// number (`2 GW`, gigawatts). `GW SUDAH DATANG` shouts, with its neighbours.
    func isAcronym(_ index: Int, in tokens: [Token], _ source: SourceText) -> Bool {
        let bytes = source.bytes[tokens[index].range.range]
        guard (2...3).contains(bytes.count), WordNormalizer.capitalsCount(bytes) == bytes.count,
              !neighbourIsCapitals(of: index...index, in: tokens, source) else { return false }
        let afterFigure = index > 0 && tokens[index - 1].isFigure
        return afterFigure || bytes.contains { WordNormalizer.isVowel($0 | 0x20) }
    }

    /// True when the word just before or after the hit is written in capitals (two letters or
    /// more, none lowercase): the writer is shouting, so an abbreviation's suggestion (`GW` →
    /// `SAYA`) stays in capitals with its neighbours.
    func neighbourIsCapitals(of hit: ClosedRange<Int>, in tokens: [Token], _ source: SourceText) -> Bool {
        func isCapitals(_ index: Int) -> Bool {
            guard tokens.indices.contains(index), tokens[index].kind == .word else { return false }
            return (WordNormalizer.capitalsCount(source.bytes[tokens[index].range.range]) ?? 0) >= 2
        }
        return isCapitals(hit.lowerBound - 1) || isCapitals(hit.upperBound + 1)
    }

    /// True when one of the rule's context words stands within its window of the hit, or an
    /// exclamation mark follows it directly (`Setan!`).
    func hasContext(_ rule: Rule, around hit: ClosedRange<Int>, in tokens: [Token]) -> Bool {
        if hit.upperBound + 1 < tokens.count, tokens[hit.upperBound + 1].kind == .punct,
           tokens[hit.upperBound + 1].normalized.hasPrefix("!"),
           tokens[hit.upperBound + 1].range.offset == tokens[hit.upperBound].range.end { return true }
        let low = max(0, hit.lowerBound - rule.contextWindow), high = min(tokens.count - 1, hit.upperBound + rule.contextWindow)
        return Linter.hasPhrase(rule.contextWords, in: low...high, outside: hit, of: tokens) { $0.normalized == $1 }
    }

    /// True when one of the entry's `unless-near` phrases stands within `LexiconEntry.nearWindow`
    /// tokens of the hit on its line (a domain word: `dokter hewan`, `rabies` near `anjing`);
    /// a line is one draft when many share a file, so the window never crosses a line end.
    func hasLiteralContext(_ hit: LexiconMatcher.Hit, _ entry: LexiconEntry, in tokens: [Token], _ source: SourceText) -> Bool {
        if entry.unlessNear.isEmpty { return false }
        let bytes = source.bytes
        func sameLine(_ a: Int, _ b: Int) -> Bool {
            let end = tokens[a].range.end, next = tokens[b].range.offset
            return !bytes[min(end, next)..<max(end, next)].contains { $0 == 0x0A || $0 == 0x0D }
        }
        var low = hit.firstToken, high = hit.lastToken
        while low > 0, hit.firstToken - low < LexiconEntry.nearWindow, sameLine(low - 1, low) { low -= 1 }
        while high + 1 < tokens.count, high - hit.lastToken < LexiconEntry.nearWindow, sameLine(high, high + 1) { high += 1 }
        return Linter.hasPhrase(entry.unlessNear, in: low...high, outside: hit.firstToken...hit.lastToken, of: tokens,
                                matching: LexiconMatcher.token(_:matchesPhraseWord:))
    }

    /// True when one of the phrases stands wholly inside the window, starting outside the hit.
    static func hasPhrase(_ phrases: [[String]], in window: ClosedRange<Int>, outside hit: ClosedRange<Int>,
                          of tokens: [Token], matching: (Token, String) -> Bool) -> Bool {
        for phrase in phrases {
            for start in window where start + phrase.count - 1 <= window.upperBound && !(hit ~= start) {
                if (0..<phrase.count).allSatisfy({ matching(tokens[start + $0], phrase[$0]) }) { return true }
            }
        }
        return false
    }

    /// True when only spaces, quotes or opening brackets stand between the offset and the start
    /// of the line or the end of the previous sentence.
    func isSentenceStart(_ offset: Int, in source: SourceText) -> Bool {
        var index = offset - 1
        let bytes = source.bytes
        while index >= 0 {
            let byte = bytes[index]
            switch byte {
            case 0x20, 0x09, 0x22, 0x27, 0x28, 0x2A, 0x5F, 0x3E, 0x23, 0x2D:  // space tab " ' ( * _ > # -
                index -= 1
            case 0x0A, 0x0D:
                return true
            case 0x2E, 0x21, 0x3F:  // . ! ?
                return index + 1 < offset && bytes[index + 1] == 0x20
            default:
                if byte >= 0x80 {
                    // Skip closing quotes and emoji before the word.
                    var start = index
                    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    let scalar = String(decoding: bytes[start...index], as: UTF8.self).unicodeScalars.first
                    if let scalar, scalar.properties.isEmojiPresentation || "“‘«".unicodeScalars.contains(scalar) {
                        index = start - 1
                        continue
                    }
                }
                return false
            }
        }
        return true
    }
}

/// Carries the writer's capitals over to a suggestion: `Udah` → `Sudah`, `UDAH` → `SUDAH`,
/// and a suggestion that starts a sentence starts with a capital. A skeleton written in capitals
/// (`YG`, `DM`, `BTW`) is how abbreviations are written, not shouting: its suggestion takes the
/// sentence's case (`kirim lewat DM` → `kirim lewat pesan langsung`, not `PESAN LANGSUNG`),
/// unless its neighbours are in capitals too (`GW SUDAH DATANG` → `SAYA SUDAH DATANG`).
enum SuggestionCase {
    static func apply(to suggestion: String, like written: String, sentenceStart: Bool, amongCapitals: Bool = false) -> String {
        guard let first = suggestion.first else { return suggestion }
        // Counted in one pass without collecting the letters: this runs for every suggestion.
        var letters = 0, uppercase = 0, vowels = 0
        var startsUpper: Bool?
        for scalar in written.unicodeScalars {
            let isUpper: Bool
            if scalar.isASCII {
                let value = scalar.value
                guard (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) else { continue }
                isUpper = value <= 0x5A
            } else {
                guard scalar.properties.isAlphabetic else { continue }
                isUpper = scalar.properties.isUppercase
            }
            letters += 1
            if isUpper { uppercase += 1 }
            if startsUpper == nil { startsUpper = isUpper }
            if scalar.isASCII && WordNormalizer.isVowel(UInt8(scalar.value)) { vowels += 1 }
        }
        if letters >= 2 && uppercase == letters {
            if vowels > 0 || amongCapitals { return suggestion.uppercased() }
            return sentenceStart ? first.uppercased() + suggestion.dropFirst() : suggestion
        }
        if startsUpper == true || sentenceStart { return first.uppercased() + suggestion.dropFirst() }
        return suggestion
    }
}
