/// What a token is. The raw values are the names `santun tokens` prints.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case word, number, money, percent, url, email, mention, hashtag, emoji, emoticon, punct
}

/// Facts about how a word was written, found while normalizing it.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `anak-anak`, `hal2`, `hal²`: `base` holds the single form.
    public static let reduplicated = TokenFlags(rawValue: 1 << 0)
    /// `bangeeet`, `hehehehe`: letters or syllables repeated for emphasis.
    public static let elongated = TokenFlags(rawValue: 1 << 1)
    /// Digits or symbols standing for letters: `4nj1ng`.
    public static let leet = TokenFlags(rawValue: 1 << 2)
    /// Letters spaced, dotted or hyphenated out: `a.n.j.i.n.g`, `a n j i n g`.
    public static let spacedOut = TokenFlags(rawValue: 1 << 3)
    /// Letters from other scripts or styles folded to Latin: `аnjing` (Cyrillic а), `𝐛𝐚𝐧𝐠𝐬𝐚𝐭`.
    public static let lookAlike = TokenFlags(rawValue: 1 << 4)
    /// A `*` hides letters: `anj*ng`.
    public static let masked = TokenFlags(rawValue: 1 << 5)
}

/// A word inside a hashtag (`#KerjaCerdas` → kerja, cerdas), with its own source range.
public struct TokenPart: Sendable, Hashable {
    public var range: ByteRange
    public var normalized: String
}

/// One token of a draft: its kind, the exact source range, and a normalized form for matching.
///
/// `normalized` is lowercase ASCII for words written in Latin look-alikes, with leetspeak,
/// elongation and spacing undone; the source text is never changed.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var range: ByteRange
    public var utf16Range: Range<Int>
    public var normalized: String
    /// The single form of a reduplicated word (`anak` for `anak-anak`, `hal` for `hal2`).
    public var base: String?
    public var flags: TokenFlags
    /// Inner words of a hashtag.
    public var parts: [TokenPart]
    /// For an elongated word, the form with runs kept double (`maaaaf` → `maaf`), tried when
    /// `normalized` (runs made single) is not known.
    public var alternate: String?

    public init(kind: TokenKind, range: ByteRange, utf16Range: Range<Int>, normalized: String,
                base: String? = nil, flags: TokenFlags = [], parts: [TokenPart] = []) {
        self.kind = kind
        self.range = range
        self.utf16Range = utf16Range
        self.normalized = normalized
        self.base = base
        self.flags = flags
        self.parts = parts
    }

    /// The key a lexicon looks up: the base of a reduplicated word, else the normalized form.
    public var matchKey: String { base ?? normalized }
}
