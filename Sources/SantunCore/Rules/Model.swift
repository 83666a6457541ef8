/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// One step less severe (`maybe` entries, patterns without their keyword nearby).
    public var lowered: Severity { self == .error ? .warning : .info }
}

/// What kind of harm a rule is about. Packs must use one of these; the engine adds
/// `suppression` for its own remarks on suppression comments.
public enum Category: String, Sendable, Codable, CaseIterable {
    case profanity, slang, nonstandard
    case foreignTerm = "foreign-term"
    case confidential, pii, sara, tone
    case suppression

    /// Which finding wins when two cover the same text: harm first, style last.
    var priority: Int {
        switch self {
        case .profanity: 9
        case .sara: 8
        case .pii: 7
        case .confidential: 6
        case .tone: 2
        case .slang: 4
        case .nonstandard: 3
        case .foreignTerm: 1
        case .suppression: 0
        }
    }
}

/// How likely a lexicon word is meant offensively or informally (as in the cuss lists).
public enum Likelihood: String, Sendable, Codable { case likely, maybe }

/// A rule's examples: drafts that must trigger it at the marked spans (with the expected fix)
/// and drafts that must stay clean. They are tests, documentation and training material at once.
public struct RuleExample: Sendable, Hashable {
    public enum Kind: String, Sendable { case bad, good }
    public var kind: Kind
    /// The draft with the `⟦…⟧` markers removed.
    public var text: String
    /// The byte ranges of `text` that the markers enclosed.
    public var expectedRanges: [ByteRange]
    /// For fixable rules: `text` after this rule's fixes.
    public var fix: String?
    /// Where the example stands in its pack file, for error messages.
    public var line: Int

    /// Parses `⟦…⟧` markers out of an example text.
    public static func parseMarkers(_ marked: String) -> (text: String, ranges: [ByteRange])? {
        var text: [UInt8] = []
        var ranges: [ByteRange] = []
        var open: Int? = nil
        let openMarker = Array("⟦".utf8), closeMarker = Array("⟧".utf8)
        let bytes = Array(marked.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: openMarker) {
                if open != nil { return nil }
                open = text.count
                index += openMarker.count
            } else if bytes[index...].starts(with: closeMarker) {
                guard let start = open, text.count > start else { return nil }
                ranges.append(ByteRange(start..<text.count))
                open = nil
                index += closeMarker.count
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        if open != nil { return nil }
        return (String(decoding: text, as: UTF8.self), ranges)
    }
}

/// One word or phrase of a lexicon rule.
public struct LexiconEntry: Sendable, Hashable {
    /// The normalized words of the phrase (`["kasih", "tau"]`).
    public var words: [String]
    /// As written in the pack.
    public var written: String
    public var suggestions: [String]
    public var likelihood: Likelihood
    public var severity: Severity?
    /// Phrases (normalized words) that cancel a hit when they surround it.
    public var unless: [[String]]
    /// Domain words (normalized phrases) that cancel a hit when one stands within
    /// `LexiconEntry.nearWindow` tokens of it: `vaksin rabies` near `anjing` is about a dog.
    public var unlessNear: [[String]] = []
    /// For a rule without morphology: the word doubled (`gitu-gitu`, `gitu2`) is the same word
    /// twice and takes its suggestion doubled (begitu-begitu). An opt-in, since many doubled
    /// suggestions change meaning (biar-biar is no agar-agar).
    public var doubles = false
    /// An initialism (`otw`, `omg`, `fyi`, `lol`): written in capitals as often as not, so a
    /// short capitalised word among lowercase ones is still this word, not an acronym of
    /// another (the guard that keeps `LO`, liaison officer, from being the pronoun lo).
    public var initialism = false
    /// A word whose colloquial sense shows only where it opens a clause (`opens-clause`): `lagi`
    /// is "sedang" in `Lagi promo` and `kami lagi ada kendala`, but "again" or "more" after a
    /// verb (`coba lagi`, `kunjungi kami lagi`), which only the position tells apart. nil: no
    /// condition. Otherwise the hit counts when it opens a clause itself, or right after one of
    /// these phrases (its subject: `kami`, `aku`) when that phrase opens one, and only when a word
    /// follows it (`Lagi dong!` asks for more).
    public var opensClause: [[String]]?
    /// Phrases (normalized words) containing the word, one of which must surround a hit for it
    /// to count (`only-in`): the reverse of `unless`, for a word whose colloquial sense only its
    /// neighbours show. `buat` is "untuk" in `terima kasih buat` and `buat kamu yang`, but the
    /// verb make in `buat akun` and `cara buat kue`, which no list of objects could cover.
    /// Empty: no condition.
    public var onlyIn: [[String]] = []
    public var note: String?
    /// For `morphology: colloquial`: colloquial spellings of the base, the suffix that replaces
    /// `-in`, and the formal active verb when meN- + base is not it.
    public var variants: [String]
    public var formalSuffix: String
    public var active: String?

    /// How far, in tokens either side, an `unless-near` word reaches: about one clause.
    public static let nearWindow = 8
}

/// How a lexicon rule treats affixed forms.
public enum MorphologyMode: String, Sendable {
    /// Only the word as listed (after normalization).
    case none
    /// Also affixed, cliticized and reduplicated forms.
    case full
    /// The entries are standard bases; only forms with a colloquial affix match.
    case colloquial
    /// The entries are formal words; only their chat abbreviations match (`pd` for `pada`,
    /// `dgn` for `dengan`, `skrg` for `sekarang`), built by `ChatAbbreviation`.
    case abbreviation
    /// The entries are formal words; only their spoken spellings match (`dateng` for `datang`,
    /// `sampe` for `sampai`, `smoga` for `semoga`), built by `SpokenSpelling`, as written or
    /// with any affix (`nyampe`, `datengnya`).
    case spoken
}

/// The counting a metric rule does.
public enum Metric: String, Sendable, CaseIterable {
    case capsWords = "caps-words"
    case capsRatio = "caps-ratio"
    case punctuationRun = "punctuation-run"
    case emojiRun = "emoji-run"
    case emojiCount = "emoji-count"
    case laughterCount = "laughter-count"
    case hashtagCount = "hashtag-count"
    case length
    case reduplicationDigit = "reduplication-digit"
    case hiddenCharacters = "hidden-characters"
    case elongation
    case alaySpelling = "alay-spelling"
}

/// A validator that a pattern match must pass.
public enum Validator: String, Sendable, CaseIterable {
    case nik, npwp, luhn
    case phoneID = "phone-id"
    case email
}

/// The kind-specific part of a rule.
public enum RuleBody: Sendable {
    case lexicon(morphology: MorphologyMode, entries: [LexiconEntry])
    case pattern(PatternSpec)
    case metric(MetricSpec)
    case hashedLexicon(salt: String, entries: [HashedEntry])
}

public struct PatternSpec: Sendable {
    public var regex: ICURegex
    /// Lowercase strings of which one must occur in a line for the pattern to run there: a cheap
    /// literal search that spares the regex engine most lines (ripgrep's idea, declared in the pack).
    public var prefilter: [String] = []
    public var validator: Validator?
    public var keywords: [[String]]
    public var keywordWindow: Int
    public var keywordsRequired: Bool
    /// `keyword-scope: label`: a keyword labels a number, so it counts on the match's line or
    /// on a line above it, not past an earlier match's line nor below (`Rekening BCA:` names the
    /// next number). `window` (the default): anywhere within `keywordWindow`, as a marker of
    /// secrecy does (`... naik 40%. Jangan disebar.`).
    public var keywordsLabel = false
    public var group: Int
    /// The prefilter read from the pattern, when it was read ahead of time (a pack archive);
    /// nil: the rule set reads it from the pattern.
    var screen: PatternPrefilter? = nil
}

public struct MetricSpec: Sendable {
    public var metric: Metric
    public var threshold: Double
    public var exclude: Set<String>
    public var limits: [String: Int]
    /// reduplication-digit: affixed words whose `2` repeats only their base, as EYD V writes
    /// them (berkali2 is berkali-kali, secepat2nya secepat-cepatnya), keyed by the affixed word
    /// and giving the base. A word not listed repeats whole (bersih2, sekolah2): only a list can
    /// tell ber- + kali from the root bersih, so the pack holds it.
    public var affixedBases: [String: String] = [:]
}

public struct HashedEntry: Sendable, Hashable {
    public var digest: [UInt8]
    public var length: Int
}

/// One rule of a pack, as data.
public struct Rule: Sendable {
    public var id: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var messageEN: String?
    public var rationale: String
    public var rationaleEN: String?
    public var fixable: Bool
    public var examples: [RuleExample]
    public var body: RuleBody
    /// Lexicon rules: words (normalized phrases) that show a `maybe` entry is meant as an insult
    /// or informally — second-person address, `dasar`, `kayak` — within `contextWindow` tokens.
    /// When the list is not empty, a `maybe` entry without such context does not fire.
    public var contextWords: [[String]] = []
    public var contextWindow: Int = 3
    /// Lexicon rules whose entries are English words mixed into Indonesian (`so`, `but`,
    /// `which is`, `literally`): a hit counts only inside a sentence shown to be Indonesian by
    /// its function words, and not in a title or a name (`film Love Actually`, a colleague named
    /// `Even`), where the English word belongs to the name and has no Indonesian stand-in.
    public var codeMixing = false
    /// Pattern rules (`unless-keywords`): phrases that, where a keyword would count, cancel the
    /// match. A bank account `a.n. PT Sinar Abadi` belongs to a company, and the data protection
    /// law guards the data of persons, not of companies. Kept here, not in `PatternSpec`: with
    /// one more array in that enum payload, AddressSanitizer's leak check (the CI fuzz step)
    /// reported the array as leaked, as it does when an enum keeps its case in spare bits of a
    /// pointer and so hides the reference.
    public var cancelKeywords: [[String]] = []
    /// The pack this rule belongs to, and where the rule starts in its file.
    public var packID: String
    public var file: String
    public var line: Int
    /// The index keys derived from this rule's lexicon entries (`LexiconMatcher.derivedKeys`),
    /// when they were derived ahead of time (a pack archive); nil: the rule set derives them.
    public var derivedKeys: [String: [[String]]]?

    public var kindName: String {
        switch body {
        case .lexicon: "lexicon"
        case .pattern: "pattern"
        case .metric: "metric"
        case .hashedLexicon: "hashed-lexicon"
        }
    }
}

/// A rule pack: rules as data, loaded from YAML.
public struct RulePack: Sendable {
    public var id: String
    public var language: String
    public var description: String
    public var descriptionEN: String?
    public var rules: [Rule]
    public var file: String
    /// The words the pack holds to be right (`RuleSet.knownWords`), as the tokenizer reads them,
    /// when they were gathered ahead of time (a pack archive); nil: the rule set gathers them.
    public var knownWords: Set<String>?

    public init(id: String, language: String, description: String, descriptionEN: String?, rules: [Rule], file: String) {
        self.id = id
        self.language = language
        self.description = description
        self.descriptionEN = descriptionEN
        self.rules = rules
        self.file = file
    }
}
