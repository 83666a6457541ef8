import Foundation

/// All lexicon entries of all enabled rules, compiled into one index keyed by normalized
/// first word, so the cost per token does not grow with the number of rules or entries: a
/// token costs one hash lookup, plus one per morphological split for words the plain lookup
/// does not know.
public final class LexiconMatcher: Sendable {
    struct EntryRef: Sendable, Hashable {
        var rule: Int
        var entry: Int
        /// For colloquial-mode rules: the key is a colloquial spelling of the base.
        var isVariant: Bool
        /// The key is a spelling the engine derived (`SpokenSpelling`), not one the pack lists.
        var isDerived = false
    }

    /// A candidate hit: which entry, over which tokens, and how the word was analysed.
    struct Hit {
        var ref: EntryRef
        var firstToken: Int
        var lastToken: Int
        var analysis: Morphology.Analysis?
    }

    let rules: [Rule]
    /// Entries keyed by their first normalized word, matched as written.
    let exact: [String: [EntryRef]]
    /// Single-word entries of morphology rules, keyed by stem, matched through affix analysis.
    let stems: [String: [EntryRef]]
    /// The longest phrase, in tokens.
    let longestPhrase: Int
    /// A cheap test of whether affix analysis of a word could find any stem of `stems`.
    let stemFilter: StemFilter
    /// Each rule's entries and morphology mode (none for other rules), read out of the rules
    /// once: matching a rule's body on every hit copied the rule.
    private let entryTable: [[LexiconEntry]]
    private let modeTable: [MorphologyMode]
    /// The one-word swear words and slurs (and `severity: error` entries), for masked spellings:
    /// built on the first masked word, since most drafts have none and start-up is budgeted.
    private let maskable = LazyMaskIndex()
    /// `exact` as the per-token lookups read it: a `KeyTable` of its keys, and by key position
    /// the entries and, for a first word that begins many phrases (`di`, `anjing`), the positions
    /// in that list of its one-word entries and of its phrases by their second word, so a token
    /// is compared only with the phrases its next token can continue, however many share the word.
    private let exactTable: KeyTable
    private let exactRefs: [[EntryRef]]
    private let exactFanOut: [PhraseFanOut?]

    init(rules: [Rule]) {
        self.rules = rules
        entryTable = rules.map { if case let .lexicon(_, entries) = $0.body { entries } else { [] } }
        modeTable = rules.map { if case let .lexicon(mode, _) = $0.body { mode } else { .none } }
        // Sized up front: growing two tables of a few thousand keys step by step cost more than filling them.
        var entryCount = 0
        for rule in rules { if case let .lexicon(_, entries) = rule.body { entryCount += entries.count } }
        var exact: [String: [EntryRef]] = Dictionary(minimumCapacity: entryCount)
        var stems: [String: [EntryRef]] = Dictionary(minimumCapacity: entryCount)
        var longest = 1
        // What the packs' entries give beyond their listed words: read from the archive for the
        // built-in packs (santun-gen derived it), derived here for packs loaded from YAML.
        let derivedByRule = rules.map { rule -> [String: [[String]]] in
            guard case .lexicon = rule.body else { return [:] }
            return rule.derivedKeys ?? LexiconMatcher.derivedKeys(of: rule)
        }
        func table(_ mechanism: String, _ rule: Int) -> [[String]] { derivedByRule[rule][mechanism] ?? [] }
        var derivedCount = [DerivedKeys.abbreviation: 0, DerivedKeys.spoken: 0]
        for tables in derivedByRule {
            for (mechanism, keys) in tables where derivedCount[mechanism] != nil {
                derivedCount[mechanism]! += keys.reduce(0) { $0 + $1.count }
            }
        }
        var abbreviations: [String: [EntryRef]] = Dictionary(minimumCapacity: derivedCount[DerivedKeys.abbreviation]!)
        var spoken: [String: [EntryRef]] = Dictionary(minimumCapacity: derivedCount[DerivedKeys.spoken]!)
        for (ruleIndex, rule) in rules.enumerated() {
            guard case let .lexicon(mode, entries) = rule.body else { continue }
            let abbreviationKeys = table(DerivedKeys.abbreviation, ruleIndex)
            let spokenKeys = table(DerivedKeys.spoken, ruleIndex)
            // By index, not by value: copying each entry (ten fields) cost more than reading two of them.
            for entryIndex in entries.indices {
                let words = entries[entryIndex].words
                let ref = EntryRef(rule: ruleIndex, entry: entryIndex, isVariant: false)
                longest = max(longest, words.count)
                switch mode {
                case .none:
                    exact[words[0], default: []].append(ref)
                    // Clitics are written onto any word (udahnya, gimanalah): no affix analysis needed.
                    if words.count == 1 { stems[words[0], default: []].append(ref) }
                case .full:
                    exact[words[0], default: []].append(ref)
                    if words.count == 1 { stems[words[0], default: []].append(ref) }
                case .abbreviation:
                    guard words.count == 1 else { continue }
                    // Listed abbreviations win over derived ones (km: kamu, though kami gives it too).
                    for variant in entries[entryIndex].variants {
                        exact[variant, default: []].append(EntryRef(rule: ruleIndex, entry: entryIndex, isVariant: true))
                    }
                    for key in entryIndex < abbreviationKeys.count ? abbreviationKeys[entryIndex] : [] {
                        abbreviations[key, default: []].append(EntryRef(rule: ruleIndex, entry: entryIndex, isVariant: true))
                    }
                case .colloquial, .spoken:
                    guard words.count == 1 else { continue }
                    if mode == .colloquial { stems[words[0], default: []].append(ref) }
                    // A spoken-mode variant is a spelling like a derived one, with the same limits.
                    let variantRef = EntryRef(rule: ruleIndex, entry: entryIndex, isVariant: true, isDerived: mode == .spoken)
                    for variant in entries[entryIndex].variants where variant != words[0] {
                        exact[variant, default: []].append(variantRef)
                        stems[variant, default: []].append(variantRef)
                    }
                    let derivedRef = EntryRef(rule: ruleIndex, entry: entryIndex, isVariant: true, isDerived: true)
                    for form in entryIndex < spokenKeys.count ? spokenKeys[entryIndex] : [] {
                        spoken[form, default: []].append(derivedRef)
                    }
                }
            }
        }
        // Derived spellings come last: a word listed anywhere, or a base, wins, and a key two
        // formal words share (ttp: tetap or tetapi) is left out rather than guessed.
        func words(_ ref: EntryRef) -> [String] {
            guard case let .lexicon(_, entries) = rules[ref.rule].body else { return [""] }
            return entries[ref.entry].words
        }
        /// True when all of `refs` (not empty) are entries of one formal word.
        func oneFormalWord(_ refs: [EntryRef]) -> Bool {
            let first = words(refs[0])[0]
            return refs.dropFirst().allSatisfy { words($0)[0] == first }
        }
        for (key, refs) in spoken where stems[key] == nil && oneFormalWord(refs)
            && !(exact[key] ?? []).contains(where: { words($0).count == 1 }) {
            exact[key, default: []].append(refs[0])
            stems[key] = [refs[0]]
        }
        // An abbreviation two formal words share is kept when only one of them gives it without
        // dropping a consonant (kl: kalau, not kenal as knl without its n).
        for (key, refs) in abbreviations where exact[key] == nil {
            if oneFormalWord(refs) { exact[key] = [refs[0]]; continue }
            let primary = refs.filter { ref in
                let keys = table(DerivedKeys.primaryAbbreviation, ref.rule)
                return ref.entry < keys.count && keys[ref.entry].contains(key)
            }
            if !primary.isEmpty, oneFormalWord(primary) { exact[key] = [primary[0]] }
        }
        self.exact = exact
        let exactKeys = Array(exact.keys)
        exactTable = KeyTable(exactKeys)
        exactRefs = exactKeys.map { exact[$0]! }
        exactFanOut = exactRefs.map { refs in refs.count > PhraseFanOut.threshold ? PhraseFanOut(refs.map(words)) : nil }
        self.stems = stems
        longestPhrase = longest
        stemFilter = StemFilter(stems: stems.keys)
    }

    /// The names of the mechanisms that derive index keys from a lexicon entry.
    public enum DerivedKeys {
        /// Chat abbreviations of an abbreviation-mode word (`ChatAbbreviation.forms`).
        public static let abbreviation = "abbreviation"
        /// Those of them that keep every consonant (`ChatAbbreviation.primaryForms`), which
        /// decide between two words sharing a key.
        public static let primaryAbbreviation = "abbreviation-primary"
        /// Spoken spellings of a colloquial- or spoken-mode word and of its variants (`SpokenSpelling.forms`).
        public static let spoken = "spoken"
    }

    /// Every key the index derives from a lexicon rule's entries rather than reads from them: by
    /// mechanism name, one sorted list per entry, in entry order (empty for other rules). All such
    /// derivation goes through here, so `santun-gen` stores the result in the built-in packs'
    /// archive (`Rule.derivedKeys`) and a start only reads it; a mechanism added here is stored
    /// too, and the archive's freshness test fails until the archive is written again.
    public static func derivedKeys(of rule: Rule) -> [String: [[String]]] {
        guard case let .lexicon(mode, entries) = rule.body else { return [:] }
        switch mode {
        case .none, .full:
            return [:]
        case .abbreviation:
            var all: [[String]] = [], primary: [[String]] = []
            for entry in entries {
                guard entry.words.count == 1 else { all.append([]); primary.append([]); continue }
                let forms = ChatAbbreviation.forms(of: entry.words[0])
                all.append(forms.sorted())
                primary.append(ChatAbbreviation.primaryForms(of: entry.words[0]).intersection(forms).sorted())
            }
            return [DerivedKeys.abbreviation: all, DerivedKeys.primaryAbbreviation: primary]
        case .colloquial, .spoken:
            let complete = mode == .spoken
            return [DerivedKeys.spoken: entries.map { entry -> [String] in
                guard entry.words.count == 1 else { return [] }
                var forms = SpokenSpelling.forms(of: entry.words[0], complete: complete)
                for variant in entry.variants { forms.formUnion(SpokenSpelling.forms(of: variant, complete: complete)) }
                forms.remove(entry.words[0])
                return forms.sorted()
            }]
        }
    }

    @inline(__always)
    func entry(_ ref: EntryRef) -> LexiconEntry { entryTable[ref.rule][ref.entry] }

    @inline(__always)
    func mode(_ ref: EntryRef) -> MorphologyMode { modeTable[ref.rule] }

    /// The keys a token can be looked up by.
    @inline(__always)
    static func keys(_ token: Token) -> [String] {
        var keys = [token.normalized]
        if let alternate = token.alternate { keys.append(alternate) }
        return keys
    }

    /// True when `word` is one of the token's lookup keys (`keys(token).contains(word)`, without an array).
    @inline(__always)
    static func token(_ token: Token, hasKey word: String) -> Bool {
        token.normalized == word || token.alternate == word
    }

    /// Every lexicon hit in a token sequence (a draft, or the words inside a hashtag).
    func hits(in tokens: [Token]) -> [Hit] {
        var verdicts = WordVerdicts()
        return hits(in: tokens, verdicts: &verdicts)
    }

    /// What the index makes of a word it does not know as written: its affix analyses that
    /// land on a stem, or a respelled swear word. A pure function of the word and this index.
    struct Verdict {
        var stemmed: [(EntryRef, Morphology.Analysis)]
        var respelled: EntryRef?
    }

    /// Verdicts by word, kept by the caller across drafts (a `Linter` keeps one per rule set):
    /// drafts repeat their words and each other's, and analysing a word builds many strings,
    /// which for a commit of one-line drafts was most of the time of each. Bounded: emptied
    /// when it holds `limit` words.
    struct WordVerdicts {
        static let limit = 65_536
        fileprivate var byWord: [String: Verdict] = [:]
        /// The index the verdicts are of, held (not just its address, which a later index could
        /// reuse): verdicts of another index would point at its entries.
        fileprivate var owner: LexiconMatcher?
    }

    func hits(in tokens: [Token], verdicts: inout WordVerdicts) -> [Hit] {
        var hits: [Hit] = []
        if verdicts.owner !== self { verdicts = WordVerdicts(byWord: [:], owner: self) }
        if verdicts.byWord.count >= WordVerdicts.limit { verdicts.byWord.removeAll(keepingCapacity: true) }
        for index in tokens.indices {
            // Fields are read in place: a copy of the token would retain all its strings.
            let kind = tokens[index].kind
            guard kind == .word || kind == .punct || kind == .number || kind == .percent || kind == .emoji else { continue }
            var found = false
            func lookUp(_ key: String) {
                guard let position = exactTable.position(of: key) else { return }
                let refs = exactRefs[position]
                if let fanOut = exactFanOut[position] {
                    let hasNext = index + 1 < tokens.count
                    for position in fanOut.candidates(next: hasNext ? tokens[index + 1].normalized : nil,
                                                      alternate: hasNext ? tokens[index + 1].alternate : nil) {
                        match(refs[position])
                    }
                } else {
                    for ref in refs { match(ref) }
                }
            }
            func match(_ ref: EntryRef) {
                let words = entry(ref).words
                if words.count == 1 {
                    hits.append(Hit(ref: ref, firstToken: index, lastToken: index, analysis: nil))
                    found = true
                } else if index + words.count <= tokens.count,
                          (1..<words.count).allSatisfy({ LexiconMatcher.token(tokens[index + $0], hasKey: words[$0]) }) {
                    hits.append(Hit(ref: ref, firstToken: index, lastToken: index + words.count - 1, analysis: nil))
                    found = true
                }
            }
            lookUp(tokens[index].normalized)
            if let alternate = tokens[index].alternate { lookUp(alternate) }
            guard kind == .word else { continue }
            // Reduplicated words: the single form, as written or analysed. A rule without
            // morphology takes the doubled word only for an entry that opts in, or for a chat
            // skeleton (tmn2, bnr2: a writer doubles only a word that means something doubled).
            if let base = tokens[index].base, let position = exactTable.position(of: base) {
                for ref in exactRefs[position] where entry(ref).words.count == 1
                    && (mode(ref) != .none || entry(ref).doubles || !entry(ref).words[0].utf8.contains(where: WordNormalizer.isVowel)) {
                    hits.append(Hit(ref: ref, firstToken: index, lastToken: index,
                                    analysis: Morphology.Analysis(prefix: .none, stem: base, suffix: "", clitic: "")))
                    found = true
                }
            }
            if found { continue }
            if let alay = alayHit(tokens[index].normalized, index) {
                hits.append(alay)
                continue
            }
            if LexiconMatcher.contains(UInt8(ascii: "*"), in: tokens[index].normalized) {
                hits.append(contentsOf: maskedHits(tokens[index], index))
                continue
            }
            let key = tokens[index].matchKey
            // Words repeat: the filter's verdict is remembered too, so a common word the index
            // does not know costs one lookup after its first time.
            let verdict: Verdict
            if let known = verdicts.byWord[key] {
                verdict = known
            } else {
                let stemmed = stemFilter.mayFindStem(in: key) ? stemHits(key) : []
                // Last: a word nothing else knows, respelled to dodge a filter (tolool, gobloq, monyed).
                verdict = Verdict(stemmed: stemmed, respelled: stemmed.isEmpty ? harmRespelling(key) : nil)
                verdicts.byWord[key] = verdict
            }
            for (ref, analysis) in verdict.stemmed {
                hits.append(Hit(ref: ref, firstToken: index, lastToken: index, analysis: analysis))
            }
            if let ref = verdict.respelled { hits.append(Hit(ref: ref, firstToken: index, lastToken: index, analysis: nil)) }
        }
        return hits
    }

    /// Whether a string holds a byte, through its contiguous UTF-8 (the generic view algorithm
    /// cost more than the lookups around it).
    @inline(__always)
    static func contains(_ byte: UInt8, in string: String) -> Bool {
        var string = string
        return string.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
    }

    /// The entries a word matches through its simplest affix analysis that the index knows.
    private func stemHits(_ word: String) -> [(EntryRef, Morphology.Analysis)] {
        var found: [(EntryRef, Morphology.Analysis)] = []
        if Morphology.standardLookalikes.contains(word) { return found }
        for analysis in Morphology.analyses(of: word) {
            guard let refs = stems[analysis.stem] else { continue }
            for ref in refs {
                switch mode(ref) {
                case .none: if analysis.prefix != .none || !analysis.suffix.isEmpty { continue }
                case .abbreviation: continue
                case .full:
                    if analysis.prefix == .nasal { continue }
                    // A swear word or slur takes clitics, verb affixes and colloquial ones
                    // (begonya, dibegoin, ngebacot); peN- and -an make standard nouns of its
                    // letters (penyok as peN- + cok, penaikan as peN- + taik + -an, celengan,
                    // kesialan, jiran as jir + -an), and per- makes causative verbs (perasukan
                    // as per- + asu + -kan, memperbodoh), so those analyses never reach a harm word.
                    if analysis.prefix == .peN || analysis.prefix == .per || analysis.prefix == .memper
                        || analysis.prefix == .diper || analysis.suffix == "an",
                       rules[ref.rule].category == .profanity || rules[ref.rule].category == .sara { continue }
                case .colloquial, .spoken:
                    if !analysis.isColloquial && !ref.isVariant { continue }
                    // A derived spelling changes the ends of a word, where standard suffixes and
                    // prefixes attach (gunak + -an, me- + lati): only clitics, -in and the
                    // colloquial or di- prefixes go with it.
                    if ref.isDerived, !["", "in"].contains(analysis.suffix)
                        || ![.none, .di, .nasal, .nge].contains(analysis.prefix) { continue }
                    // Spoken spellings of formal words (mostly not verbs) take no nasal prefix.
                    if mode(ref) == .spoken, analysis.prefix != .none && analysis.prefix != .di { continue }
                }
                found.append((ref, analysis))
            }
            if !found.isEmpty { break }
        }
        return found
    }

    /// A word in an alay spelling (`donk`, `nich`, `koq`) read as the word a slang rule lists
    /// (`AlaySpelling`): only listed one-word entries of slang rules, so an English word with the
    /// same letters (`bank`, `much`) is never reported as something else.
    private func alayHit(_ word: String, _ index: Int) -> Hit? {
        for form in AlaySpelling.standardForms(of: word) {
            guard let position = exactTable.position(of: form) else { continue }
            let refs = exactRefs[position]
            // Abbreviation keys are derived by the thousand and short: a respelled word would land on one by chance.
            for ref in refs where !ref.isDerived && mode(ref) != .abbreviation
                && rules[ref.rule].category == .slang && entry(ref).words.count == 1 {
                return Hit(ref: ref, firstToken: index, lastToken: index, analysis: nil)
            }
        }
        return nil
    }

    /// A swear word or slur respelled to dodge a filter (`HarmRespelling`): only listed one-word
    /// entries of profanity and SARA rules that read Indonesian morphology (an English pack's
    /// `morphology: false` rules are left out: the respellings are Indonesian habits), so no
    /// other word is read into a respelling.
    private func harmRespelling(_ word: String) -> EntryRef? {
        for form in HarmRespelling.standardForms(of: word) {
            guard let position = exactTable.position(of: form.text) else { continue }
            for ref in exactRefs[position] where !ref.isDerived && mode(ref) != .none && entry(ref).words.count == 1
                && (rules[ref.rule].category == .profanity || rules[ref.rule].category == .sara)
                && (!form.strongOnly || (entry(ref).severity ?? rules[ref.rule].severity) == .error) {
                return ref
            }
        }
        return nil
    }

    /// `anj*ng`, `f*ck`: a star hides one letter; only swear words and slurs (or entries marked
    /// `severity: error`) of the same length match, since a masked word is meant to offend.
    private func maskedHits(_ token: Token, _ index: Int) -> [Hit] {
        let pattern = Array(token.normalized.utf8)
        guard pattern.count >= 3, pattern.filter({ $0 == UInt8(ascii: "*") }).count * 2 < pattern.count else { return [] }
        let masks = maskable.value {
            MaskIndex(exact: exact) { ref in
                let entry = entry(ref)
                return entry.words.count == 1 && ([.profanity, .sara].contains(rules[ref.rule].category) || entry.severity == .error)
            }
        }
        let hits = masks.refs(matching: pattern).map { Hit(ref: $0, firstToken: index, lastToken: index, analysis: nil) }
        // The dictionary's order changes from run to run; the pack order decides which of several
        // words a masked spelling reads as, so the output is the same every time.
        return hits.sorted { ($0.ref.rule, $0.ref.entry) < ($1.ref.rule, $1.ref.entry) }
    }

    /// True when a word of an `unless` or `unless-near` phrase is the token: as normalized, as its
    /// alternate, or as the single form of a reduplicated word.
    @inline(__always)
    static func token(_ token: Token, matchesPhraseWord word: String) -> Bool {
        LexiconMatcher.token(token, hasKey: word) || token.matchKey == word
    }

    /// The word of an `unless` phrase that stands for any figure (a number, an amount of money,
    /// a percentage): `min #` keeps `min 5 derajat` and `min. 2 barang` from reading as the chat
    /// address for the admin.
    static let anyNumber = "#"

    /// True when the hit counts where it stands: none of its entry's `unless` phrases surrounds
    /// it (`membabi buta` cancels `babi` in `membabi`), and one of its `only-in` phrases does when
    /// it has any (`buat` counts in `terima kasih buat`, not in `buat akun`).
    func admits(_ hit: Hit, in tokens: [Token]) -> Bool {
        // Most entries have neither list: they are answered without copying the entry.
        let unlessIsEmpty = entryTable[hit.ref.rule][hit.ref.entry].unless.isEmpty
        let onlyInIsEmpty = entryTable[hit.ref.rule][hit.ref.entry].onlyIn.isEmpty
        if unlessIsEmpty && onlyInIsEmpty { return true }
        let entry = entry(hit.ref)
        if !unlessIsEmpty, Self.surrounds(hit, oneOf: entry.unless, word: entry.words, in: tokens) { return false }
        return onlyInIsEmpty || Self.surrounds(hit, oneOf: entry.onlyIn, word: entry.words, in: tokens)
    }

    /// True when one of `phrases` stands around the hit, the hit's tokens in the place of the
    /// entry's `word` as listed or as written in the draft.
    static func surrounds(_ hit: Hit, oneOf phrases: [[String]], word: [String], in tokens: [Token]) -> Bool {
        let written = tokens[hit.firstToken...hit.lastToken].map(\.normalized)
        for phrase in phrases {
            for anchor in [word, written] where anchor.count <= phrase.count {
                for offset in 0...(phrase.count - anchor.count) where Array(phrase[offset..<(offset + anchor.count)]) == anchor {
                    let start = hit.firstToken - offset
                    let span = hit.lastToken - hit.firstToken + 1
                    guard start >= 0, start + phrase.count - anchor.count + span <= tokens.count else { continue }
                    var matches = true
                    var position = 0, tokenIndex = start
                    while position < phrase.count {
                        if position == offset {
                            position += anchor.count
                            tokenIndex += span
                            continue
                        }
                        let token = tokens[tokenIndex]
                        if phrase[position] == LexiconMatcher.anyNumber {
                            if !token.isFigure { matches = false; break }
                        } else if !LexiconMatcher.token(token, matchesPhraseWord: phrase[position]) { matches = false; break }
                        position += 1
                        tokenIndex += 1
                    }
                    if matches { return true }
                }
            }
        }
        return false
    }
}

/// One `exact` list split by what a token's successor must be: the one-word entries match
/// alone, a phrase only when the next token has its second word.
struct PhraseFanOut: Sendable {
    /// Lists up to this long are simply scanned.
    static let threshold = 8
    private let singles: [Int]
    private let bySecond: [String: [Int]]

    init(_ wordsByPosition: [[String]]) {
        var singles: [Int] = [], bySecond: [String: [Int]] = [:]
        for (position, words) in wordsByPosition.enumerated() {
            if words.count == 1 { singles.append(position) } else { bySecond[words[1], default: []].append(position) }
        }
        self.singles = singles
        self.bySecond = bySecond
    }

    /// The positions to try, in list order, for a token followed by one with these keys.
    func candidates(next: String?, alternate: String?) -> [Int] {
        var result = singles
        if let next, let phrases = bySecond[next] { result += phrases }
        if let alternate, alternate != next, let phrases = bySecond[alternate] { result += phrases }
        return result.count == singles.count ? result : result.sorted()
    }
}

/// A `MaskIndex` built once, by whichever thread first needs it.
final class LazyMaskIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: MaskIndex?

    func value(_ build: () -> MaskIndex) -> MaskIndex {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let index = build()
        built = index
        return index
    }
}

/// The keys a masked spelling (`anj*ng`) may stand for, by length and by the letter at each
/// position: a masked word is compared with the keys that share its rarest known letter, never
/// with the whole index (a pack a hundred times larger made every masked word a hundred times
/// slower).
struct MaskIndex: Sendable {
    private struct Bucket: Sendable {
        var keys: [[UInt8]] = []
        var refs: [[LexiconMatcher.EntryRef]] = []
        /// Position → byte → indexes into `keys`.
        var byPosition: [[UInt8: [Int32]]] = []

        mutating func add(_ key: [UInt8], _ entries: [LexiconMatcher.EntryRef]) {
            let index = Int32(keys.count)
            keys.append(key)
            refs.append(entries)
            for (position, byte) in key.enumerated() { byPosition[position][byte, default: []].append(index) }
        }
    }
    private var buckets: [Int: Bucket] = [:]

    init(exact: [String: [LexiconMatcher.EntryRef]], keep: (LexiconMatcher.EntryRef) -> Bool) {
        // Filled in place: taking a bucket out, growing it and putting it back copied it on
        // every key, which made building quadratic in the pack size.
        for (key, refs) in exact {
            let kept = refs.filter(keep)
            guard !kept.isEmpty else { continue }
            let bytes = Array(key.utf8)
            buckets[bytes.count, default: Bucket(byPosition: Array(repeating: [:], count: bytes.count))].add(bytes, kept)
        }
    }

    /// The entries of every key that equals `pattern` where it has no `*`.
    func refs(matching pattern: [UInt8]) -> [LexiconMatcher.EntryRef] {
        let star = UInt8(ascii: "*")
        guard let bucket = buckets[pattern.count] else { return [] }
        var candidates: [Int32]?
        for (position, byte) in pattern.enumerated() where byte != star {
            let list = bucket.byPosition[position][byte] ?? []
            if candidates == nil || list.count < candidates!.count { candidates = list }
            if list.isEmpty { return [] }
        }
        var found: [LexiconMatcher.EntryRef] = []
        for candidate in candidates ?? [] {
            let key = bucket.keys[Int(candidate)]
            if zip(key, pattern).allSatisfy({ $0 == $1 || $1 == star }) { found += bucket.refs[Int(candidate)] }
        }
        return found
    }
}

/// Tells, without building any analysis, whether `Morphology.analyses(of:)` could propose a stem
/// that the index knows, so that nearly every word skips the analysis (and its strings).
///
/// Every stem an analysis proposes is `word[start..<end]`, or one restored consonant (the melted
/// k, p, t, s, c of meN-) followed by it, where `start` is the length of a prefix (at most 6
/// letters, `memper`) and `end` leaves a suffix and clitic (`-kan`, `-in`, `-an`, `-i`; `-nya`,
/// `-lah`, `-kah`, `-pun`, `-ku`, `-mu`) or nothing. Either way the stem without its first
/// letter (its tail) is `word[s..<end]` for some `s` ≤ 7. The filter checks that, against
/// hashes of the known tails (a hash collision only costs an analysis, never a missed stem), and
/// then that what stands before the stem is a prefix an analysis strips
/// (`Morphology.writtenStemPrefixes` before a stem as written, `restoringPrefixes` before a
/// stem it restores a consonant to) and that the word has an affix at all: `kami` is no split
/// of anything, though the index knows stems ending in `ami`.
struct StemFilter: Sendable {
    private static let writtenPrefixes = Set(Morphology.writtenStemPrefixes.map { StemFilter.pack($0.utf8) })
    private static let restoringPrefixes = Set(Morphology.restoringPrefixes.map { StemFilter.pack($0.utf8) })
    private var tailHashes = Set<UInt64>()
    private var shortest = Int.max
    private var longest = 0

    /// Every suffix + clitic ending an analysis can strip, longest first.
    static let endings: [[UInt8]] = {
        var result: [[UInt8]] = []
        for suffix in [""] + Morphology.suffixes {
            for clitic in [""] + Morphology.clitics { result.append(Array((suffix + clitic).utf8)) }
        }
        return result.sorted { $0.count > $1.count }
    }()

    init(stems: some Sequence<String>) {
        tailHashes.reserveCapacity(stems.underestimatedCount)
        for stem in stems {
            let bytes = stem.utf8
            // Analyses only propose stems of three or more ASCII letters.
            guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
            let tail = bytes.dropFirst()
            tailHashes.insert(KeyTable.hash(tail))
            shortest = min(shortest, bytes.count - 1)
            longest = max(longest, bytes.count - 1)
        }
    }


    /// Up to seven bytes and their count in one integer (prefixes are short).
    static func pack(_ bytes: some Collection<UInt8>) -> UInt64 {
        guard bytes.count <= 7 else { return UInt64.max }
        var packed = UInt64(bytes.count) << 56
        for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
        return packed
    }

    func mayFindStem(in word: String) -> Bool {
        if tailHashes.isEmpty { return false }
        if let found = word.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return found }
        return Array(word.utf8).withUnsafeBufferPointer { scan($0) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Morphology.analyses only splits words of four or more ASCII letters.
        guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return false }
        for ending in StemFilter.endings where ending.count + 2 <= bytes.count {
            let end = bytes.count - ending.count
            guard bytes[end...].elementsEqual(ending) else { continue }
            for start in 0...min(7, end - 2) {
                let length = end - start
                if length < shortest { break }
                if length > longest { continue }
                guard tailHashes.contains(KeyTable.hash(bytes[start..<end])) else { continue }
                // The stem as written starts one letter earlier, after a prefix (none only when
                // a suffix or clitic was stripped); or a restoring prefix ends right here.
                if start >= 1, start - 1 > 0 || !ending.isEmpty,
                   StemFilter.writtenPrefixes.contains(StemFilter.pack(bytes[0..<(start - 1)])) { return true }
                if StemFilter.restoringPrefixes.contains(StemFilter.pack(bytes[0..<start])) { return true }
            }
        }
        return false
    }
}
