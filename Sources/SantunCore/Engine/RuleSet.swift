/// Which rules run and how: the result of packs plus configuration, compiled once and shared
/// (read-only) by every thread.
public final class RuleSet: Sendable {
    public let packs: [RulePack]
    /// The enabled rules, with configuration overrides applied.
    public let rules: [Rule]
    let lexicon: LexiconMatcher
    /// Normalized words that are never flagged (brand and product names).
    let allowed: Set<String>
    /// Allowed entries as a pattern match would read them: the company's own contacts, which
    /// look like personal data (`+62 811-1234-5678` for an official WhatsApp line, an account
    /// for payments, `halo.kopisenja@gmail.com`). A number is compared by its digits alone, so
    /// any way of grouping them matches; anything else by its lowercased text.
    let allowedNumbers: Set<String>
    let allowedTexts: Set<String>
    /// Words the packs themselves hold to be right: every word of a good example, a fix or a
    /// suggestion. Used to choose between readings of a stretched word (`maaaaf`: maaf, not maf).
    let knownWords: Set<String>
    /// `knownWords` and the standard words the lexicon rules name as bases (colloquial-,
    /// abbreviation- and spoken-mode entries: kirim, dengan, datang): what a de-alayed word
    /// (`b3l1`, `SeMaNgAt`) must be for the alay rule to report it.
    let standardWords: Set<String>
    /// Which lines each pattern rule needs to run on (literal and digit prefilters).
    let patternScreen: PatternScreen
    /// Ids of the lexicon rules (whose phrases hide the words inside them) and of the
    /// reduplication-digit metric rules, for resolving overlaps: worked out once here, not once
    /// per draft (a commit of many one-line drafts paid for it on each).
    let phraseRuleIDs: Set<String>
    let reduplicationRuleIDs: Set<String>

    static func phraseRuleIDs(_ rules: [Rule]) -> Set<String> {
        Set(rules.filter { if case .lexicon = $0.body { true } else { false } }.map(\.id))
    }

    static func reduplicationRuleIDs(_ rules: [Rule]) -> Set<String> {
        Set(rules.filter { if case let .metric(spec) = $0.body { spec.metric == .reduplicationDigit } else { false } }.map(\.id))
    }

    /// Settings from configuration that shape the rule set.
    public struct Settings: Sendable {
        /// Rule ids, pack ids or categories switched off.
        public var disabled: Set<String> = []
        /// Rule ids, pack ids or categories switched back on (wins over `disabled`).
        public var enabled: Set<String> = []
        /// Severity by rule id, pack id or category (the most specific wins).
        public var severities: [String: Severity] = [:]
        /// Words never flagged, as written (normalized when the rule set is built).
        public var allow: [String] = []
        public init() {}
    }

    public init(packs: [RulePack], settings: Settings = Settings(), normalize: (String) -> [String] = { [$0.lowercased()] }) {
        self.packs = packs
        func selected(_ rule: Rule) -> Bool {
            let names = [rule.id, rule.packID, rule.category.rawValue]
            if names.contains(where: settings.enabled.contains) { return true }
            return !names.contains(where: settings.disabled.contains) && !settings.disabled.contains("all")
        }
        var rules: [Rule] = []
        for pack in packs {
            for var rule in pack.rules where selected(rule) {
                if let severity = settings.severities[rule.id] ?? settings.severities[rule.packID]
                    ?? settings.severities[rule.category.rawValue] {
                    rule.severity = severity
                }
                rules.append(rule)
            }
        }
        self.rules = rules
        lexicon = LexiconMatcher(rules: rules)
        allowed = Set(settings.allow.flatMap(normalize))
        (allowedNumbers, allowedTexts) = RuleSet.allowedLiterals(settings.allow)
        var known = Set<String>(minimumCapacity: packs.reduce(0) { $0 + ($1.knownWords?.count ?? 0) })
        for pack in packs { known.formUnion(pack.knownWords ?? RuleSet.knownWords(of: pack.rules, normalize: normalize)) }
        knownWords = known
        standardWords = RuleSet.standardWords(of: rules, known: known)
        patternScreen = RuleSet.screen(rules)
        phraseRuleIDs = RuleSet.phraseRuleIDs(rules)
        reduplicationRuleIDs = RuleSet.reduplicationRuleIDs(rules)
    }

    static func knownWords(of rules: [Rule], normalize: (String) -> [String]) -> Set<String> {
        var words = Set<String>()
        for rule in rules {
            for example in rule.examples {
                if example.kind == .good { words.formUnion(normalize(example.text)) }
                if let fix = example.fix { words.formUnion(normalize(fix)) }
            }
            if case let .lexicon(_, entries) = rule.body {
                for entry in entries { for suggestion in entry.suggestions { words.formUnion(normalize(suggestion)) } }
            }
        }
        return words
    }

    static func allowedLiterals(_ allow: [String]) -> (numbers: Set<String>, texts: Set<String>) {
        var numbers = Set<String>(), texts = Set<String>()
        for entry in allow {
            let text = String(entry.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
            texts.insert(text)
            let digits = RuleSet.digits(of: text)
            if digits.count >= 6 { numbers.insert(digits) }
        }
        return (numbers, texts)
    }

    /// The ASCII digits of a text, in order (`+62 811-1234` → `628111234`).
    static func digits(of text: String) -> String {
        String(decoding: text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }

    /// True when a pattern's match is one of the allowed entries (by digits, or as text).
    func isAllowed(match text: String) -> Bool {
        if allowedTexts.isEmpty { return false }
        if allowedTexts.contains(text.lowercased()) { return true }
        let digits = RuleSet.digits(of: text)
        if digits.count >= 6, allowedNumbers.contains(digits) { return true }
        // 0812… and +62 812… are the same number.
        if digits.hasPrefix("0"), allowedNumbers.contains("62" + digits.dropFirst()) { return true }
        if digits.hasPrefix("62"), allowedNumbers.contains("0" + digits.dropFirst(2)) { return true }
        return false
    }

    static func standardWords(of rules: [Rule], known: Set<String>) -> Set<String> {
        var words = known
        for rule in rules {
            guard case let .lexicon(mode, entries) = rule.body, mode == .colloquial || mode == .abbreviation || mode == .spoken
            else { continue }
            for entry in entries where entry.words.count == 1 { words.insert(entry.words[0]) }
        }
        return words
    }

    /// A rule set holding only the given rules (used to run one rule's examples).
    public init(rules: [Rule]) {
        packs = []
        self.rules = rules
        lexicon = LexiconMatcher(rules: rules)
        allowed = []
        (allowedNumbers, allowedTexts) = ([], [])
        knownWords = RuleSet.knownWords(of: rules) { $0.lowercased().split { !$0.isLetter }.map(String.init) }
        standardWords = RuleSet.standardWords(of: rules, known: knownWords)
        patternScreen = RuleSet.screen(rules)
        phraseRuleIDs = RuleSet.phraseRuleIDs(rules)
        reduplicationRuleIDs = RuleSet.reduplicationRuleIDs(rules)
    }

    public func rule(withID id: String) -> Rule? { rules.first { $0.id == id } }

    /// The prefilters of the pattern rules, in rule order.
    static func screen(_ rules: [Rule]) -> PatternScreen {
        let specs = rules.compactMap { if case let .pattern(spec) = $0.body { spec } else { nil } }
        return PatternScreen(filters: specs.map { $0.screen ?? PatternPrefilter(pattern: $0.regex.pattern) },
                             gates: specs.map(PatternGate.init))
    }
}
