import SantunCore

/// Answers `santun explain TOPIC` from the packs themselves, so what is taught is what is
/// checked. A topic is a rule id, a category, a pack id, or failing those a word or phrase,
/// which is linted alone with every pack: the rules that fire are the rules that cover it.
public struct Explainer {
    public let packs: [RulePack]
    let linter: Linter
    let ruleSet: RuleSet

    /// What a topic resolved to.
    public enum Topic {
        case rule(Rule)
        case category(Category, [Rule])
        case pack(RulePack)
        /// A word or phrase and the findings the engine gives it alone (empty: no rule covers it).
        case word(String, [WordHit])
    }

    /// One rule firing on a looked-up word, with the lexicon entry's note when there is one.
    public struct WordHit: Sendable {
        public var finding: Finding
        public var rule: Rule
        public var note: String?
        /// For a word a rule flags only near its context words (`sampah` in `dasar sampah`): the
        /// framed text it was looked up in; nil when the word fires alone.
        public var frame: String? = nil
    }

    /// One example of a rule run through the engine: the findings this rule gives at the
    /// marked spans (for their messages and suggestions), and the text with Santun's first
    /// suggestions applied when the pack gives no `fix` but every span has a suggestion.
    public struct Walkthrough: Sendable {
        public var example: RuleExample
        public var findings: [Finding]
        public var suggestedText: String?
    }

    public init(packs: [RulePack], linter: Linter, ruleSet: RuleSet) {
        self.packs = packs
        self.linter = linter
        self.ruleSet = ruleSet
    }

    public var rules: [Rule] { packs.flatMap(\.rules) }

    /// Resolves a topic: rule id, then category, then pack id, then word (`asWord` skips to the word).
    public func resolve(_ query: String, asWord: Bool = false) throws -> Topic {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = trimmed.lowercased()
        if !asWord {
            if let rule = rules.first(where: { $0.id == key }) { return .rule(rule) }
            if let category = Category(rawValue: key), category != .suppression {
                return .category(category, rules.filter { $0.category == category })
            }
            if let pack = packs.first(where: { $0.id == key }) { return .pack(pack) }
        }
        return .word(trimmed, try lookUp(trimmed))
    }

    /// Lints the word alone with all packs and reports which rules fire; then, for each lexicon
    /// rule that did not fire and reads its words only in a frame, lints it in that frame: after
    /// the rule's first context word (`dasar sampah`), or, for a code-mixing rule, inside an
    /// Indonesian sentence (`kami literally datang`). A word that is an insult only when aimed at
    /// someone, or English only when mixed in, is still covered, and a trainee should hear so
    /// rather than "no rule flags it".
    public func lookUp(_ word: String) throws -> [WordHit] {
        let findings = try linter.lint(SourceText(word), ruleSet: ruleSet).filter { $0.category != .suppression }
        var hits: [WordHit] = findings.compactMap { finding in
            guard let rule = rules.first(where: { $0.id == finding.ruleID }) else { return nil }
            return WordHit(finding: finding, rule: rule, note: note(for: finding, in: rule))
        }
        let fired = Set(hits.map(\.rule.id))
        for rule in ruleSet.rules where !fired.contains(rule.id) {
            guard case .lexicon = rule.body, let frame = Explainer.frame(word, for: rule) else { continue }
            let framed = try linter.lint(SourceText(frame), ruleSet: RuleSet(rules: [rule]))
            for finding in framed where finding.ruleID == rule.id && finding.match.lowercased() == word.lowercased() {
                hits.append(WordHit(finding: finding, rule: rule, note: note(for: finding, in: rule), frame: frame))
            }
        }
        return hits
    }

    /// The text a rule that reads words only in a frame needs around `word`; nil for a rule
    /// that reads words alone.
    static func frame(_ word: String, for rule: Rule) -> String? {
        if let context = rule.contextWords.first { return context.joined(separator: " ") + " " + word }
        // `buat` is "untuk" only inside one of its phrases (`terima kasih buat`): the first one.
        if let phrase = Explainer.placingPhrase(word, in: rule) { return phrase }
        if rule.codeMixing { return "kami " + word.lowercased() + " datang" }
        // `lagi` is "sedang" only opening a clause before another word (`Lagi datang`).
        if Explainer.hasClauseEntries(rule) { return word + " datang" }
        return nil
    }

    /// The first `only-in` phrase of the rule's entry for `word` (which holds the word, so the
    /// lookup finds it there); nil when the rule has no such entry.
    static func placingPhrase(_ word: String, in rule: Rule) -> String? {
        guard case let .lexicon(_, entries) = rule.body else { return nil }
        let typed = word.lowercased()
        return entries.first { !$0.onlyIn.isEmpty && $0.words.joined(separator: " ") == typed }?
            .onlyIn.first?.joined(separator: " ")
    }

    /// True for a lexicon rule with an `opens-clause` entry, whose word alone is not reported.
    static func hasClauseEntries(_ rule: Rule) -> Bool {
        guard case let .lexicon(_, entries) = rule.body else { return false }
        return entries.contains { $0.opensClause != nil }
    }

    /// The note of the lexicon entry that matched. Affixed forms (`gunain` for `guna`) are
    /// only recognisable by the engine's morphology, so each entry that has a note is tried
    /// alone on the match: the one that fires is the entry.
    func note(for finding: Finding, in rule: Rule) -> String? {
        guard case let .lexicon(morphology, entries) = rule.body else { return nil }
        // A code-mixing or clause-opening entry fires only inside a sentence, so it is tried in
        // its frame.
        let framed = rule.codeMixing || Explainer.hasClauseEntries(rule) || Explainer.placingPhrase(finding.match, in: rule) != nil
        let source = SourceText(framed ? Explainer.frame(finding.match, for: rule) ?? finding.match : finding.match)
        for entry in entries where entry.note != nil {
            var single = rule
            single.body = .lexicon(morphology: morphology, entries: [entry])
            let fired = (try? linter.lint(source, ruleSet: RuleSet(rules: [single]))) ?? []
            if fired.contains(where: { $0.ruleID == rule.id }) { return entry.note }
        }
        return nil
    }

    /// Runs each example of a rule through the engine, the way `rules --verify` does.
    public func walkthrough(_ rule: Rule) throws -> [Walkthrough] {
        let single = RuleSet(rules: [rule])
        var options = LintOptions()
        options.platform = "x"  // examples are read as X posts, as the example verifier reads them
        return try rule.examples.map { example in
            guard example.kind == .bad else { return Walkthrough(example: example, findings: [], suggestedText: nil) }
            let source = SourceText(example.text)
            let findings = try linter.lint(source, ruleSet: single, options: options)
                .filter { $0.ruleID == rule.id && example.expectedRanges.contains($0.range) }
            var suggested: String?
            if example.fix == nil, !findings.isEmpty, findings.allSatisfy({ !$0.suggestions.isEmpty }) {
                let applied = findings.map { finding -> Finding in
                    var copy = finding
                    copy.suggestions = [finding.suggestions[0]]
                    copy.fixable = true
                    return copy
                }
                suggested = String(decoding: Fixer.fix(source, findings: applied).text, as: UTF8.self)
            }
            return Walkthrough(example: example, findings: findings, suggestedText: suggested)
        }
    }

    /// The pack a rule belongs to.
    public func pack(of rule: Rule) -> RulePack? { packs.first { $0.id == rule.packID } }
}
