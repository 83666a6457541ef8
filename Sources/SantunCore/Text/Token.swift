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
///
/// A draft has hundreds of thousands of tokens and nearly all of them are plain words, so the
/// fields only a few tokens have (`base`, `alternate`, `parts`) live in one shared box, out of
/// line: a token is 64 bytes with two references instead of 104 with four, which every copy,
/// array and release of tokens pays for.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var flags: TokenFlags
    public var range: ByteRange
    public var utf16Range: Range<Int>
    public var normalized: String
    private var extras: TokenExtras?

    /// The single form of a reduplicated word (`anak` for `anak-anak`, `hal` for `hal2`).
    public var base: String? {
        get { extras?.base }
        set { extras = TokenExtras.make(base: newValue, alternate: alternate, parts: parts) }
    }
    /// Inner words of a hashtag.
    public var parts: [TokenPart] {
        get { extras?.parts ?? [] }
        set { extras = TokenExtras.make(base: base, alternate: alternate, parts: newValue) }
    }
    /// For an elongated word, the form with runs kept double (`maaaaf` → `maaf`), tried when
    /// `normalized` (runs made single) is not known.
    public var alternate: String? {
        get { extras?.alternate }
        set { extras = TokenExtras.make(base: base, alternate: newValue, parts: parts) }
    }

    public init(kind: TokenKind, range: ByteRange, utf16Range: Range<Int>, normalized: String,
                base: String? = nil, flags: TokenFlags = [], parts: [TokenPart] = []) {
        self.kind = kind
        self.range = range
        self.utf16Range = utf16Range
        self.normalized = normalized
        self.flags = flags
        self.extras = TokenExtras.make(base: base, alternate: nil, parts: parts)
    }

    /// A word with all of its normalizer's results, boxed at once.
    init(word range: ByteRange, utf16Range: Range<Int>, normalized: String, base: String?, alternate: String?, flags: TokenFlags) {
        self.kind = .word
        self.range = range
        self.utf16Range = utf16Range
        self.normalized = normalized
        self.flags = flags
        self.extras = TokenExtras.make(base: base, alternate: alternate, parts: [])
    }

    /// The key a lexicon looks up: the base of a reduplicated word, else the normalized form.
    public var matchKey: String { extras?.base ?? normalized }

    /// A number, an amount of money or a percentage.
    public var isFigure: Bool { kind == .number || kind == .money || kind == .percent }

    public static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.flags == b.flags && a.range == b.range && a.utf16Range == b.utf16Range
            && a.normalized == b.normalized && a.base == b.base && a.alternate == b.alternate && a.parts == b.parts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(flags)
        hasher.combine(range)
        hasher.combine(utf16Range)
        hasher.combine(normalized)
        hasher.combine(base)
        hasher.combine(alternate)
        hasher.combine(parts)
    }
}

/// The rare fields of a `Token`, immutable (a change makes a new box), so tokens stay values.
final class TokenExtras: Sendable {
    let base: String?
    let alternate: String?
    let parts: [TokenPart]

    private init(base: String?, alternate: String?, parts: [TokenPart]) {
        self.base = base
        self.alternate = alternate
        self.parts = parts
    }

    /// A box for the fields, or nil when all are empty (the common case: no allocation).
    static func make(base: String?, alternate: String?, parts: [TokenPart]) -> TokenExtras? {
        base == nil && alternate == nil && parts.isEmpty ? nil : TokenExtras(base: base, alternate: alternate, parts: parts)
    }
}
