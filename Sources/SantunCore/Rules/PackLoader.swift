/// Reads rule packs from YAML, strictly: unknown keys, wrong types, bad ids, malformed
/// patterns and duplicate rule ids are errors naming the file, line and key.
///
/// Lexicon words are normalized with the same `Tokenizer` that reads drafts, so an entry and
/// the text it must match always agree on case, look-alikes, elongation and reduplication.
public struct PackLoader {
    let tokenizer: Tokenizer
    /// Whether patterns are compiled while loading (syntax errors and `group` checked then).
    /// Off only for packs already verified, such as the built-in ones at every start (the
    /// tests load those strictly): their patterns then compile on first use.
    let compilesPatterns: Bool

    public init(tokenizer: Tokenizer, compilesPatterns: Bool = true) {
        self.tokenizer = tokenizer
        self.compilesPatterns = compilesPatterns
    }

    static let packKeys: Set<String> = ["pack", "language", "description", "description-en", "rules"]
    static let ruleKeys: Set<String> = [
        "id", "kind", "category", "severity", "message", "message-en", "rationale", "rationale-en", "fixable",
        "examples",
        // lexicon
        "morphology", "entries", "context-words", "context-window", "code-mixing",
        // pattern
        "pattern", "case-sensitive", "validator", "keywords", "keyword-window", "keywords-required", "keyword-scope", "unless-keywords", "group", "prefilter",
        // metric
        "metric", "threshold", "exclude", "limits", "affixed",
        // hashed lexicon
        "salt",
    ]
    static let kindKeys: [String: Set<String>] = [
        "lexicon": ["morphology", "entries", "context-words", "context-window", "code-mixing"],
        "pattern": ["pattern", "case-sensitive", "validator", "keywords", "keyword-window", "keywords-required", "keyword-scope",
                    "unless-keywords", "group", "prefilter"],
        "metric": ["metric", "threshold", "exclude", "limits", "affixed"],
        "hashed-lexicon": ["salt", "entries"],
    ]
    static let entryKeys: Set<String> = ["match", "suggest", "likelihood", "severity", "unless", "unless-near", "doubles", "initialism", "opens-clause", "only-in", "note", "variants", "suffix", "active"]

    /// Loads one pack from its YAML text. `file` names it in errors.
    public func load(yaml: String, file: String) throws -> RulePack {
        let root = try YAMLValue.parse(yaml, file: file)
        let keys = try root.mapping(allowed: PackLoader.packKeys, required: ["pack", "language", "description", "rules"])
        let id = try keys["pack"]!.nonEmptyString()
        guard PackLoader.isIdentifier(id) else { throw keys["pack"]!.error("pack id must be lowercase letters, digits and '-'") }
        let language = try keys["language"]!.string()
        guard ["id", "en"].contains(language) else { throw keys["language"]!.error("language must be id or en") }
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        let ruleValues = try keys["rules"]!.sequence()
        if ruleValues.isEmpty { throw keys["rules"]!.error("a pack needs at least one rule") }
        for value in ruleValues {
            let rule = try loadRule(value, packID: id)
            if let earlier = seen[rule.id] {
                throw value.error("duplicate rule id '\(rule.id)' (first at line \(earlier))")
            }
            seen[rule.id] = value.line
            rules.append(rule)
        }
        return RulePack(id: id, language: language, description: try keys["description"]!.string(),
                        descriptionEN: try keys["description-en"]?.string(), rules: rules, file: file)
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E }
    }

    func loadRule(_ value: YAMLValue, packID: String) throws -> Rule {
        let keys = try value.mapping(allowed: PackLoader.ruleKeys,
                                     required: ["id", "kind", "category", "severity", "message", "rationale", "examples"])
        let id = try keys["id"]!.nonEmptyString()
        guard PackLoader.isIdentifier(id), id.hasPrefix(packID + "."), id.count > packID.count + 1 else {
            throw keys["id"]!.error("rule id '\(id)' must be '\(packID).<name>' in lowercase letters, digits and '-'")
        }
        let kind = try keys["kind"]!.string()
        guard let allowedForKind = PackLoader.kindKeys[kind] else {
            throw keys["kind"]!.error("unknown kind '\(kind)' (lexicon, pattern, metric, hashed-lexicon)")
        }
        for (key, keyValue) in keys where !allowedForKind.contains(key) {
            let isCommon = !PackLoader.kindKeys.values.contains { $0.contains(key) }
            if !isCommon { throw keyValue.error("'\(key)' does not apply to a \(kind) rule") }
        }
        let category = try keys["category"]!.enumValue(Category.self)
        if category == .suppression { throw keys["category"]!.error("category 'suppression' is reserved for Santun itself") }
        let severity = try keys["severity"]!.enumValue(Severity.self)
        let body: RuleBody
        switch kind {
        case "lexicon": body = try lexiconBody(keys, value)
        case "pattern": body = try patternBody(keys, value)
        case "metric": body = try metricBody(keys, value)
        default: body = try hashedBody(keys, value)
        }
        let fixable = try keys["fixable"]?.bool() ?? false
        let examples = try loadExamples(keys["examples"]!, fixable: fixable)
        let contextWords = try (keys["context-words"]?.strings() ?? []).map(normalizedWords).filter { !$0.isEmpty }
        let contextWindow = try keys["context-window"]?.int() ?? 3
        if contextWindow < 1 || contextWindow > 20 { throw keys["context-window"]!.error("context-window must be 1…20") }
        var rule = Rule(id: id, category: category, severity: severity, message: try keys["message"]!.nonEmptyString(),
                    messageEN: try keys["message-en"]?.string(), rationale: try keys["rationale"]!.nonEmptyString(),
                    rationaleEN: try keys["rationale-en"]?.string(), fixable: fixable, examples: examples, body: body,
                    packID: packID, file: value.file, line: value.line)
        rule.contextWords = contextWords
        rule.contextWindow = contextWindow
        rule.codeMixing = try keys["code-mixing"]?.bool() ?? false
        if let value = keys["unless-keywords"] {
            rule.cancelKeywords = try value.strings().map { [$0.lowercased()] }
            if rule.cancelKeywords.isEmpty || rule.cancelKeywords.contains(where: { $0[0].isEmpty }) {
                throw value.error("unless-keywords needs non-empty phrases")
            }
        }
        return rule
    }

    func loadExamples(_ value: YAMLValue, fixable: Bool) throws -> [RuleExample] {
        var examples: [RuleExample] = []
        for item in try value.sequence() {
            let keys = try item.mapping(allowed: ["bad", "good", "fix"])
            if let bad = keys["bad"] {
                if keys["good"] != nil { throw item.error("an example is either bad or good, not both") }
                guard let (text, ranges) = RuleExample.parseMarkers(try bad.string()) else {
                    throw bad.error("unbalanced ⟦ ⟧ markers")
                }
                if ranges.isEmpty { throw bad.error("a bad example must mark what the rule reports with ⟦ ⟧") }
                let fix = try keys["fix"]?.string()
                examples.append(RuleExample(kind: .bad, text: text, expectedRanges: ranges, fix: fix, line: bad.line))
            } else if let good = keys["good"] {
                if keys["fix"] != nil { throw item.error("a good example has no fix") }
                let text = try good.string()
                if text.contains("⟦") { throw good.error("a good example has no ⟦ ⟧ markers") }
                examples.append(RuleExample(kind: .good, text: text, expectedRanges: [], fix: nil, line: good.line))
            } else {
                throw item.error("an example needs 'bad' or 'good'")
            }
        }
        if !examples.contains(where: { $0.kind == .bad }) { throw value.error("a rule needs at least one bad example") }
        if !examples.contains(where: { $0.kind == .good }) { throw value.error("a rule needs at least one good example") }
        if fixable, !examples.contains(where: { $0.kind == .bad && $0.fix != nil }) {
            throw value.error("a fixable rule needs a bad example with its 'fix'")
        }
        return examples
    }

    /// The normalized words of a phrase as the tokenizer sees them.
    public func normalizedWords(_ phrase: String) -> [String] {
        tokenizer.tokenize(SourceText(phrase)).map(\.normalized)
    }

    func lexiconBody(_ keys: [String: YAMLValue], _ rule: YAMLValue) throws -> RuleBody {
        var mode = MorphologyMode.none
        if let value = keys["morphology"] {
            let raw = try value.string()
            switch raw {
            case "true", "yes": mode = .full
            case "false", "no": mode = .none
            case "colloquial": mode = .colloquial
            case "abbreviation": mode = .abbreviation
            case "spoken": mode = .spoken
            default: throw value.error("morphology is true, false, colloquial, abbreviation or spoken")
            }
        }
        guard let entriesValue = keys["entries"] else { throw rule.error("a lexicon rule needs 'entries'") }
        var entries: [LexiconEntry] = []
        for item in try entriesValue.sequence() {
            let fields = try item.mapping(allowed: PackLoader.entryKeys, required: ["match"])
            let matches = try fields["match"]!.strings()
            if matches.isEmpty { throw fields["match"]!.error("match needs at least one word") }
            let suggestions = try fields["suggest"]?.strings() ?? []
            let likelihood = try fields["likelihood"]?.enumValue(Likelihood.self) ?? .likely
            let severity = try fields["severity"]?.enumValue(Severity.self)
            let note = try fields["note"]?.string()
            let variants = try fields["variants"]?.strings() ?? []
            let suffix = try fields["suffix"]?.string() ?? "kan"
            guard ["kan", "i"].contains(suffix) else { throw fields["suffix"]!.error("suffix is kan or i") }
            if mode != .colloquial && mode != .spoken, fields["suffix"] != nil || fields["active"] != nil {
                throw item.error("suffix and active belong to morphology: colloquial or spoken rules")
            }
            if mode != .colloquial && mode != .spoken && mode != .abbreviation, fields["variants"] != nil {
                throw item.error("variants belong to morphology: colloquial, spoken or abbreviation rules")
            }
            let active = try fields["active"]?.string()
            let unlessNear = try (fields["unless-near"]?.strings() ?? []).map(normalizedWords).filter { !$0.isEmpty }
            let doubles = try fields["doubles"]?.bool() ?? false
            let initialism = try fields["initialism"]?.bool() ?? false
            if doubles, mode != .none { throw fields["doubles"]!.error("doubles belongs to rules without morphology (with it, doubled forms match anyway)") }
            var opensClause: [[String]]?
            if let value = fields["opens-clause"] {
                if mode != .none { throw value.error("opens-clause belongs to rules without morphology") }
                if case .scalar = value.node {
                    opensClause = try value.bool() ? [] : nil
                } else {
                    // `-nya` stands for any word with that clitic (`stoknya`, `kurirnya`).
                    opensClause = try value.strings().map { $0 == "-nya" ? ClauseOpening.anyCliticSubject : normalizedWords($0) }
                        .filter { !$0.isEmpty }
                }
            }
            for match in matches {
                let words = normalizedWords(match)
                if words.isEmpty { throw fields["match"]!.error("'\(match)' has no words") }
                var unless: [[String]] = []
                for phrase in try fields["unless"]?.strings() ?? [] {
                    let unlessWords = normalizedWords(phrase)
                    // Where affixes are read, one affixed form of a one-word entry may be named
                    // alone, as a phrase may (`sampahnya`: the trash, never an insult; `mengeling`,
                    // riveting, its first letter melted). Without morphology a word still takes
                    // clitics, so one of those may be (`biarpun`, standard for meskipun).
                    var affixedForm = false
                    if words.count == 1, unlessWords.count == 1, unlessWords[0] != words[0] {
                        let form = unlessWords[0], word = words[0]
                        affixedForm = mode == .none
                            ? Morphology.clitics.contains { form == word + $0 }
                            : form.contains(word) || Morphology.analyses(of: form).contains { $0.stem == word }
                    }
                    let longerPhrase = unlessWords.count > words.count && (mode != .none || PackLoader.contains(unlessWords, words))
                    guard affixedForm || longerPhrase else {
                        throw fields["unless"]!.error("unless phrase '\(phrase)' must contain '\(match)' and more words, or be an affixed form of it")
                    }
                    unless.append(unlessWords)
                }
                var onlyIn: [[String]] = []
                for phrase in try fields["only-in"]?.strings() ?? [] {
                    let phraseWords = normalizedWords(phrase)
                    // The phrase names the word's neighbours, so it holds the word as listed.
                    guard phraseWords.count > words.count, PackLoader.contains(phraseWords, words) else {
                        throw fields["only-in"]!.error("only-in phrase '\(phrase)' must contain '\(match)' and more words")
                    }
                    onlyIn.append(phraseWords)
                }
                if let value = fields["only-in"], onlyIn.isEmpty { throw value.error("only-in needs at least one phrase") }
                var entry = LexiconEntry(
                    words: words, written: match, suggestions: suggestions, likelihood: likelihood, severity: severity,
                    unless: unless, note: note, variants: variants.flatMap(normalizedWords), formalSuffix: suffix,
                    active: active)
                entry.unlessNear = unlessNear
                entry.doubles = doubles && words.count == 1
                entry.initialism = initialism
                entry.opensClause = opensClause
                entry.onlyIn = onlyIn
                entries.append(entry)
            }
        }
        if entries.isEmpty { throw entriesValue.error("a lexicon rule needs at least one entry") }
        return .lexicon(morphology: mode, entries: entries)
    }

    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }

    func patternBody(_ keys: [String: YAMLValue], _ rule: YAMLValue) throws -> RuleBody {
        guard let patternValue = keys["pattern"] else { throw rule.error("a pattern rule needs 'pattern'") }
        let pattern = try patternValue.nonEmptyString()
        let caseSensitive = try keys["case-sensitive"]?.bool() ?? false
        let regex: ICURegex
        if compilesPatterns {
            do {
                regex = try ICURegex(pattern, caseInsensitive: !caseSensitive)
            } catch let error as ICURegex.SyntaxError {
                throw patternValue.error("invalid regular expression (\(error.message) at offset \(error.offset))")
            }
        } else {
            regex = ICURegex(lazy: pattern, caseInsensitive: !caseSensitive)
        }
        if let probe = regex.catastrophicProbe() {
            throw patternValue.error("the regular expression backtracks catastrophically: it ran out of ICU's time limit on the probe text \"\(probe.prefix(12))…\" (\(probe.count) characters); avoid nested quantifiers such as (a+)+")
        }
        let validator = try keys["validator"]?.enumValue(Validator.self)
        let keywords = try (keys["keywords"]?.strings() ?? []).map { $0.lowercased() }
        let window = try keys["keyword-window"]?.int() ?? 40
        if window < 0 || window > 1000 { throw keys["keyword-window"]!.error("keyword-window must be 0…1000") }
        let required = try keys["keywords-required"]?.bool() ?? false
        if required, keywords.isEmpty { throw keys["keywords-required"]!.error("keywords-required needs keywords") }
        let group = try keys["group"]?.int() ?? 0
        if group < 0 || (compilesPatterns && group > regex.groupCount) {
            throw keys["group"]!.error("the pattern has \(regex.groupCount) groups, not \(group)")
        }
        var prefilter = try (keys["prefilter"]?.strings() ?? []).map { $0.lowercased() }
        if let value = keys["prefilter"] {
            if prefilter == ["digit"] { prefilter = (0...9).map(String.init) }
            if prefilter.isEmpty || prefilter.contains(where: \.isEmpty) { throw value.error("prefilter needs non-empty strings (or 'digit')") }
        }
        var spec = PatternSpec(regex: regex, validator: validator, keywords: keywords.map { [$0] },
                               keywordWindow: window, keywordsRequired: required, group: group)
        spec.prefilter = prefilter
        if let scope = keys["keyword-scope"] {
            switch try scope.string() {
            case "window": spec.keywordsLabel = false
            case "label": spec.keywordsLabel = true
            default: throw scope.error("keyword-scope is window or label")
            }
            if keywords.isEmpty { throw scope.error("keyword-scope needs keywords") }
        }
        return .pattern(spec)
    }

    func metricBody(_ keys: [String: YAMLValue], _ rule: YAMLValue) throws -> RuleBody {
        guard let metricValue = keys["metric"] else { throw rule.error("a metric rule needs 'metric'") }
        let metric = try metricValue.enumValue(Metric.self)
        let threshold = try keys["threshold"]?.double() ?? 0
        let needsThreshold: Set<Metric> = [.capsWords, .capsRatio, .punctuationRun, .emojiRun, .emojiCount, .laughterCount, .hashtagCount]
        if needsThreshold.contains(metric), keys["threshold"] == nil || threshold <= 0 {
            throw rule.error("metric \(metric.rawValue) needs a positive 'threshold'")
        }
        var limits: [String: Int] = [:]
        if let limitsValue = keys["limits"] {
            for (platform, value) in try limitsValue.mapping(allowed: ["x", "instagram", "linkedin", "facebook"]) {
                limits[platform] = try value.int()
            }
        }
        if metric == .length, limits.isEmpty { throw rule.error("metric length needs 'limits'") }
        let exclude = Set(try keys["exclude"]?.strings() ?? [])
        var spec = MetricSpec(metric: metric, threshold: threshold, exclude: exclude, limits: limits)
        if let affixed = keys["affixed"] {
            if metric != .reduplicationDigit { throw affixed.error("'affixed' belongs to metric reduplication-digit") }
            spec.affixedBases = try PackLoader.affixedBases(affixed)
        }
        return .metric(spec)
    }

    /// `affixed: [ber+kali, se+cepat, me+nari]`: each item is a prefix and the base it repeats,
    /// joined by `+` and written as the word is (meN- as it stands before the base: men+cari).
    static func affixedBases(_ value: YAMLValue) throws -> [String: String] {
        var bases: [String: String] = [:]
        for item in try value.sequence() {
            let text = try item.string()
            let parts = text.split(separator: "+", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= "a" && $0 <= "z" } }),
                  parts[1].count >= 2 else {
                throw item.error("an affixed word is written prefix+base in lowercase letters (ber+kali), not '\(text)'")
            }
            let word = String(parts[0] + parts[1])
            if bases[word] != nil { throw item.error("'\(text)' is listed twice") }
            bases[word] = String(parts[1])
        }
        return bases
    }

    func hashedBody(_ keys: [String: YAMLValue], _ rule: YAMLValue) throws -> RuleBody {
        guard let saltValue = keys["salt"] else { throw rule.error("a hashed-lexicon rule needs 'salt'") }
        let salt = try saltValue.string()
        guard let entriesValue = keys["entries"] else { throw rule.error("a hashed-lexicon rule needs 'entries'") }
        var entries: [HashedEntry] = []
        for item in try entriesValue.sequence() {
            let fields = try item.mapping(allowed: ["sha256", "length"], required: ["sha256", "length"])
            let hex = try fields["sha256"]!.string().lowercased()
            guard hex.count == 64, let digest = HashedTerm.bytes(fromHex: hex) else {
                throw fields["sha256"]!.error("sha256 must be 64 hexadecimal digits")
            }
            let length = try fields["length"]!.int()
            if length <= 0 || length > 200 { throw fields["length"]!.error("length must be 1…200") }
            entries.append(HashedEntry(digest: digest, length: length))
        }
        if entries.isEmpty { throw entriesValue.error("a hashed-lexicon rule needs at least one entry") }
        return .hashedLexicon(salt: salt, entries: entries)
    }
}

import Foundation
