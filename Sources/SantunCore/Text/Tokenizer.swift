/// Splits a draft into tokens: ICU's break iterator with Santun's rules does the segmentation,
/// and an Indonesian-aware layer on top classifies, merges and normalizes.
///
/// The UTF-16 copy is made once per draft (`SourceText`); byte offsets are derived while walking
/// the boundaries, so no per-token index mapping is needed. Not thread-safe: one per thread.
public final class Tokenizer {
    private let breaker: WordBreaker
    /// Opened on the first non-ASCII word: opening ICU's transliterator costs milliseconds,
    /// and most drafts (and every lexicon entry of the built-in packs) are plain ASCII.
    private var folderState: (opened: Bool, folder: LookAlikeFolder?) = (false, nil)
    private var folder: LookAlikeFolder? {
        if !folderState.opened { folderState = (true, try? LookAlikeFolder()) }
        return folderState.folder
    }

    /// The rule source, for callers that cache the compiled form.
    public static var ruleSource: String { wordBreakRuleSource }

    public init(rules: WordBreakRules) throws {
        breaker = try WordBreaker(rules: rules)
    }

    /// Compiles Santun's break rules (about 30 ms; cache `binary` per `ICU.version`).
    public static func compileRules() throws -> WordBreakRules { try WordBreakRules(source: wordBreakRuleSource) }

    /// One ICU segment. 32-bit offsets keep the array small (a chunk has hundreds of thousands).
    struct Segment {
        private var start16Value: Int32, end16Value: Int32, startByteValue: Int32, endByteValue: Int32
        var status: Int32
        var start16: Int { Int(start16Value) }
        var end16: Int { Int(end16Value) }
        var startByte: Int { Int(startByteValue) }
        var endByte: Int { Int(endByteValue) }

        init(start16: Int, end16: Int, startByte: Int, endByte: Int, status: Int32) {
            start16Value = Int32(truncatingIfNeeded: start16)
            end16Value = Int32(truncatingIfNeeded: end16)
            startByteValue = Int32(truncatingIfNeeded: startByte)
            endByteValue = Int32(truncatingIfNeeded: endByte)
            self.status = status
        }
    }

    static let currencyMarkers: Set<String> = ["rp", "rp.", "idr", "usd", "us$"]
    static let moneyUnits: Set<String> = [
        "rb", "ribu", "jt", "juta", "m", "miliar", "milyar", "t", "triliun", "k", "rbu", "jt-an", "an",
    ]
    static let symbolEmoticons: Set<String> = ["^_^", "^^", "^.^", "-_-", "<3", "^o^", ":)", ":(", ";)", ":-)", ":-(", ":')", ":'("]
    static let shortestSymbolEmoticon = symbolEmoticons.map(\.utf8.count).min() ?? 1
    static let letterEmoticons: Set<String> = ["xD", "XD", "xd", "T_T", "T.T", "t_t", "o_O", "O_o", "-_-'", "QQ"]

    /// For each byte, whether a word starting with it may be a letter emoticon (`xD`), a currency
    /// marker (`Rp`) or a money word (`Rp50rb`, `idr2jt`): derived from those lists, so it stays true to them.
    static let specialWordStart: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        let starts = letterEmoticons.union(currencyMarkers).union(["rp", "idr"]).compactMap(\.utf8.first)
        for byte in starts {
            table[Int(byte)] = true
            if WordNormalizer.isLetter(byte | 0x20) { table[Int(byte | 0x20)] = true; table[Int(byte & ~0x20)] = true }
        }
        return table
    }()

    public func tokenize(_ source: SourceText) -> [Token] {
        let segments = segment(source)
        // A local, handed to `word` inout: a stored property would be checked for exclusive
        // access on every word, which cost more than filling it.
        var wordBuffer: [UInt8] = []
        wordBuffer.reserveCapacity(64)
        var tokens: [Token] = []
        tokens.reserveCapacity(segments.count / 2 + 1)
        let bytes = source.bytes
        var index = 0
        func text(_ s: Segment) -> String { String(decoding: bytes[s.startByte..<s.endByte], as: UTF8.self) }
        func plain(_ kind: TokenKind, _ first: Segment, _ last: Segment, _ normalized: String) -> Token {
            Token(kind: kind, range: ByteRange(first.startByte..<last.endByte),
                  utf16Range: first.start16..<last.end16, normalized: normalized)
        }
        /// The index of the next segment after `i`, skipping one run of plain spaces.
        func afterSpace(_ i: Int) -> Int {
            let next = i + 1
            if next < segments.count, segments[next].status == SegmentStatus.space,
               bytes[segments[next].startByte..<segments[next].endByte].allSatisfy({ $0 == 0x20 }) {
                return next + 1
            }
            return next
        }

        while index < segments.count {
            let s = segments[index]
            switch s.status {
            case SegmentStatus.space:
                index += 1
            case SegmentStatus.url:
                tokens.append(plain(.url, s, s, text(s).lowercased()))
                index += 1
            case SegmentStatus.email:
                tokens.append(plain(.email, s, s, text(s).lowercased()))
                index += 1
            case SegmentStatus.mention:
                tokens.append(plain(.mention, s, s, text(s).lowercased()))
                index += 1
            case SegmentStatus.hashtag:
                var token = plain(.hashtag, s, s, text(s).lowercased())
                token.parts = hashtagParts(bytes, s)
                tokens.append(token)
                index += 1
            case SegmentStatus.emoji:
                tokens.append(plain(.emoji, s, s, text(s)))
                index += 1
            case SegmentStatus.emoticon:
                tokens.append(plain(.emoticon, s, s, text(s)))
                index += 1
            case SegmentStatus.punctRun:
                tokens.append(plain(.punct, s, s, text(s)))
                index += 1
            case SegmentStatus.money:
                var last = index
                let unit = afterSpace(index)
                if unit < segments.count, segments[unit].status == SegmentStatus.word,
                   Tokenizer.moneyUnits.contains(text(segments[unit]).lowercased()) { last = unit }
                let written = String(decoding: bytes[s.startByte..<segments[last].endByte], as: UTF8.self)
                tokens.append(plain(.money, s, segments[last], written.lowercased().filter { $0 != " " }))
                index = last + 1
            case SegmentStatus.number:
                if index + 1 < segments.count, segments[index + 1].startByte == s.endByte,
                   text(segments[index + 1]) == "%" {
                    tokens.append(plain(.percent, s, segments[index + 1], text(s) + "%"))
                    index += 2
                } else {
                    tokens.append(plain(.number, s, s, text(s)))
                    index += 1
                }
            case SegmentStatus.word, SegmentStatus.dotted:
                // Letter emoticons, currency markers and money words start with one of a few
                // letters: ASCII words starting otherwise skip those checks (and the strings they need).
                var ascii = true
                for byte in bytes[s.startByte..<s.endByte] where byte >= 0x80 { ascii = false; break }
                if ascii && !Tokenizer.specialWordStart[Int(bytes[s.startByte])] {
                    tokens.append(word(source, s, buffer: &wordBuffer))
                    index += 1
                    continue
                }
                let raw = text(s)
                if Tokenizer.letterEmoticons.contains(raw) {
                    tokens.append(plain(.emoticon, s, s, raw))
                    index += 1
                    continue
                }
                // Rp 1,5 juta / IDR 2 M / Rp. 50.000
                if Tokenizer.currencyMarkers.contains(raw.lowercased()) {
                    var next = index + 1
                    if next < segments.count, text(segments[next]) == ".", raw.lowercased() == "rp" { next += 1 }
                    if next < segments.count, segments[next].status == SegmentStatus.space,
                       bytes[segments[next].startByte..<segments[next].endByte].allSatisfy({ $0 == 0x20 }) { next += 1 }
                    if next < segments.count, segments[next].status == SegmentStatus.number {
                        var last = next
                        let unit = afterSpace(next)
                        if unit < segments.count, segments[unit].status == SegmentStatus.word,
                           Tokenizer.moneyUnits.contains(text(segments[unit]).lowercased()) { last = unit }
                        let written = String(decoding: bytes[s.startByte..<segments[last].endByte], as: UTF8.self)
                        tokens.append(plain(.money, s, segments[last], written.lowercased().filter { $0 != " " }))
                        index = last + 1
                        continue
                    }
                }
                // Rp50rb written as one word.
                if let money = moneyWord(raw) {
                    tokens.append(plain(.money, s, s, money))
                    index += 1
                    continue
                }
                tokens.append(word(source, s, buffer: &wordBuffer))
                index += 1
            default:
                let raw = text(s)
                // :D  :p  :mrgreen:
                if raw == ":" || raw == ";" || raw == "=", index + 1 < segments.count {
                    let next = segments[index + 1]
                    if next.startByte == s.endByte, next.status == SegmentStatus.word {
                        let inner = text(next)
                        let precededByWord = s.startByte > 0 && WordNormalizer.isLetter(bytes[s.startByte - 1] | 0x20)
                        if !precededByWord, ["D", "P", "p", "O", "o", "3", "v", "V", "S", "s", "x", "X"].contains(inner) {
                            tokens.append(plain(.emoticon, s, next, raw + inner))
                            index += 2
                            continue
                        }
                        if raw == ":", !precededByWord, index + 2 < segments.count, text(segments[index + 2]) == ":",
                           segments[index + 2].startByte == next.endByte, inner.count >= 2,
                           inner.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x5F }) {
                            tokens.append(plain(.emoticon, s, segments[index + 2], ":" + inner + ":"))
                            index += 3
                            continue
                        }
                    }
                }
                let length = s.endByte - s.startByte
                if length >= Tokenizer.shortestSymbolEmoticon, Tokenizer.symbolEmoticons.contains(raw) {
                    tokens.append(plain(.emoticon, s, s, raw))
                    index += 1
                    continue
                }
                // Most of these are one ASCII mark (`,` `.` `(`): told apart by their bytes,
                // without looking up Unicode properties.
                var ascii = true
                var space = true
                for byte in bytes[s.startByte..<s.endByte] {
                    if byte >= 0x80 { ascii = false; break }
                    if byte != 0x20 && !(0x09...0x0D).contains(byte) { space = false }
                }
                if ascii {
                    if !space { tokens.append(plain(.punct, s, s, raw)) }
                    index += 1
                    continue
                }
                if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                    index += 1
                    continue
                }
                if raw.unicodeScalars.contains(where: { $0.properties.isEmoji && $0.value > 0xFF }) {
                    tokens.append(plain(.emoji, s, s, raw))
                } else {
                    tokens.append(plain(.punct, s, s, raw))
                }
                index += 1
            }
        }
        return mergeSpacedLetters(tokens, bytes: bytes)
    }

    /// Walks the ICU boundaries once, deriving byte offsets from the UTF-16 units.
    func segment(_ source: SourceText) -> [Segment] {
        var segments: [Segment] = []
        segments.reserveCapacity(source.utf16.count / 3 + 1)
        source.utf16.withUnsafeBufferPointer { buffer in
            var previous16 = 0, previousByte = 0
            breaker.segments(of: buffer) { end, status in
                var byte = previousByte
                var unit = previous16
                while unit < end {
                    let code = buffer[unit]
                    if code < 0x80 { byte += 1 } else if code < 0x800 { byte += 2 } else if code & 0xFC00 == 0xD800 {
                        byte += 4; unit += 1
                    } else { byte += 3 }
                    unit += 1
                }
                segments.append(Segment(start16: previous16, end16: end, startByte: previousByte, endByte: byte, status: status))
                previous16 = end
                previousByte = byte
            }
        }
        return segments
    }

    private func moneyWord(_ raw: String) -> String? {
        let lower = raw.lowercased()
        for marker in ["rp", "idr"] where lower.hasPrefix(marker) {
            let rest = lower.dropFirst(marker.count)
            guard let first = rest.first, first.isASCII, first.isNumber else { continue }
            let digits = rest.prefix { $0.isNumber || $0 == "." || $0 == "," }
            let unit = String(rest.dropFirst(digits.count))
            if unit.isEmpty || Tokenizer.moneyUnits.contains(unit) { return lower }
        }
        return nil
    }

    private func word(_ source: SourceText, _ s: Segment, buffer wordBuffer: inout [UInt8]) -> Token {
        wordBuffer.removeAll(keepingCapacity: true)
        var flags: TokenFlags = []
        var ascii = true
        for index in s.startByte..<s.endByte where source.bytes[index] >= 0x80 { ascii = false; break }
        if ascii {
            for index in s.startByte..<s.endByte {
                let byte = source.bytes[index]
                wordBuffer.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            // Most words: nothing to undo, so no normalizer result to build and take apart.
            if WordNormalizer.isPlain(wordBuffer) {
                return Token(kind: .word, range: ByteRange(s.startByte..<s.endByte), utf16Range: s.start16..<s.end16,
                             normalized: String(decoding: wordBuffer, as: UTF8.self))
            }
        } else {
            let folder = self.folder
            source.utf16.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[s.start16..<s.end16])
                folder?.fold(slice, into: &wordBuffer)
                for unit in slice where Tokenizer.isLookAlikeScript(unit) {
                    flags.insert(.lookAlike)
                    break
                }
            }
            if wordBuffer.isEmpty {
                wordBuffer.append(contentsOf: source.bytes[s.startByte..<s.endByte])
            }
        }
        let result = WordNormalizer.normalize(wordBuffer, flags: flags)
        return Token(word: ByteRange(s.startByte..<s.endByte), utf16Range: s.start16..<s.end16,
                     normalized: result.normalized, base: result.base, alternate: result.alternate, flags: result.flags)
    }

    /// Cyrillic, Greek, IPA small capitals, full-width forms, mathematical letters (high surrogates
    /// of plane 1) and circled letters: scripts a Latin word borrows from to dodge a filter.
    static func isLookAlikeScript(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x0370...0x03FF, 0x0400...0x04FF, 0x1D00...0x1DBF, 0xFF00...0xFFEF, 0x24B6...0x24E9, 0xD835: return true
        default: return false
        }
    }

    /// `#KerjaCerdas` → kerja, cerdas; `#WFH2024` → wfh, 2024; `#kerja_cerdas` → kerja, cerdas.
    private func hashtagParts(_ bytes: [UInt8], _ s: Segment) -> [TokenPart] {
        var parts: [TokenPart] = []
        let start = s.startByte + 1
        var partStart = start
        func close(_ end: Int) {
            guard end > partStart else { return }
            var lower = Array(bytes[partStart..<end]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if WordNormalizer.hasRun(lower, of: 3) { lower = WordNormalizer.collapse(lower, keep: 1) }
            parts.append(TokenPart(range: ByteRange(partStart..<end), normalized: String(decoding: lower, as: UTF8.self)))
        }
        func kind(_ b: UInt8) -> Int {
            if b >= 0x41 && b <= 0x5A { return 1 }  // upper
            if b >= 0x61 && b <= 0x7A || b >= 0x80 { return 2 }  // lower or other letter
            if b >= 0x30 && b <= 0x39 { return 3 }
            return 0
        }
        var index = start
        while index < s.endByte {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                close(index)
                partStart = index + 1
            } else if index > partStart {
                let previous = kind(bytes[index - 1]), current = kind(byte)
                let nextIsLower = index + 1 < s.endByte && kind(bytes[index + 1]) == 2
                // lower→Upper (kerjaCerdas), digit↔letter (WFH2024), UPPER→Upper+lower (WFHKeren)
                if (previous == 2 && current == 1) || (previous == 3) != (current == 3) && previous != 0 && byte < 0x80
                    || (previous == 1 && current == 1 && nextIsLower) {
                    close(index)
                    partStart = index
                }
            }
            index += 1
        }
        close(s.endByte)
        return parts
    }

    /// `a n j i n g`: three or more single letters separated by single spaces become one word.
    private func mergeSpacedLetters(_ tokens: [Token], bytes: [UInt8]) -> [Token] {
        func isSingleLetter(_ token: Token) -> Bool {
            token.kind == .word && token.range.length == 1 && WordNormalizer.isLetter(bytes[token.range.offset] | 0x20)
        }
        // Nearly every draft has no spaced-out word: keep the array as it is, without a copy.
        // A plain loop over the two fields it needs: a closure over whole tokens copied each one.
        var run = 0
        for index in tokens.indices {
            if tokens[index].range.length == 1, tokens[index].kind == .word,
               WordNormalizer.isLetter(bytes[tokens[index].range.offset] | 0x20) {
                run += 1
                if run == 3 { break }
            } else {
                run = 0
            }
        }
        guard run == 3 else { return tokens }
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            guard isSingleLetter(tokens[index]) else {
                result.append(tokens[index])
                index += 1
                continue
            }
            var end = index
            while end + 1 < tokens.count, isSingleLetter(tokens[end + 1]),
                  tokens[end + 1].range.offset == tokens[end].range.end + 1,
                  bytes[tokens[end].range.end] == 0x20 { end += 1 }
            if end - index + 1 >= 3 {
                let letters = tokens[index...end].map(\.normalized).joined()
                let result1 = WordNormalizer.normalize(Array(letters.utf8), flags: [.spacedOut])
                result.append(Token(kind: .word, range: ByteRange(tokens[index].range.offset..<tokens[end].range.end),
                                    utf16Range: tokens[index].utf16Range.lowerBound..<tokens[end].utf16Range.upperBound,
                                    normalized: result1.normalized, base: result1.base, flags: result1.flags))
                index = end + 1
            } else {
                result.append(tokens[index])
                index += 1
            }
        }
        return result
    }
}
