import SantunCore

/// Writes explanations as terminal text: for each rule what it catches, why it harms the
/// company's image (the pack's rationale), its severity, and its examples with the marked span,
/// Santun's own message on it, the good version and the fix.
public struct ExplanationRenderer {
    let explainer: Explainer
    let style: TextStyle
    let language: TrainingLanguage

    public init(explainer: Explainer, style: TextStyle = TextStyle(), language: TrainingLanguage = .id) {
        self.explainer = explainer
        self.style = style
        self.language = language
    }

    private func t(_ indonesian: String, _ english: String) -> String { language.text(indonesian, english) }

    /// The whole explanation of a topic.
    public func render(_ topic: Explainer.Topic) throws -> String {
        switch topic {
        case .rule(let rule):
            return try renderRule(rule)
        case .category(let category, let rules):
            var out = style.bold(Vocabulary.label(category, language)) + " (\(category.rawValue)) — "
            out += t("\(rules.count) aturan", "\(rules.count) rule\(rules.count == 1 ? "" : "s")") + "\n\n"
            if rules.isEmpty {
                out += t("Belum ada paket aturan untuk kategori ini.", "No rule pack covers this category yet.") + "\n"
            }
            return out + (try rules.map(renderRule).joined(separator: "\n"))
        case .pack(let pack):
            var out = style.bold(t("Paket", "Pack") + " \(pack.id)") + " — " + t("\(pack.rules.count) aturan", "\(pack.rules.count) rules") + "\n"
            out += style.wrap(language.pick(pack.description, pack.descriptionEN), indent: "  ") + "\n\n"
            return out + (try pack.rules.map(renderRule).joined(separator: "\n"))
        case .word(let word, let hits):
            return try renderWord(word, hits)
        }
    }

    /// The list of topics, for `santun explain` without arguments.
    public func renderIndex() -> String {
        var out = style.bold(t("Penjelasan aturan Santun", "Santun rule explanations")) + "\n"
        out += t("  santun explain ATURAN     misalnya: santun explain tone.shouting\n",
                 "  santun explain RULE       for example: santun explain tone.shouting\n")
        out += t("  santun explain KATEGORI   misalnya: santun explain pii\n",
                 "  santun explain CATEGORY   for example: santun explain pii\n")
        out += t("  santun explain KATA       misalnya: santun explain gunain\n\n",
                 "  santun explain WORD       for example: santun explain gunain\n\n")
        for category in Category.allCases where category != .suppression {
            let rules = explainer.rules.filter { $0.category == category }
            guard !rules.isEmpty else { continue }
            out += style.bold(category.rawValue) + " — " + Vocabulary.label(category, language) + "\n"
            for rule in rules {
                out += "  \(rule.id)  \(rule.severity.rawValue)\n"
            }
        }
        return out
    }

    func renderWord(_ word: String, _ hits: [Explainer.WordHit]) throws -> String {
        guard !hits.isEmpty else {
            return t("Tidak ada aturan yang menandai “\(word)”.\n", "No rule flags “\(word)”.\n")
        }
        var out = style.bold(t("“\(word)” ditandai oleh:", "“\(word)” is flagged by:")) + "\n"
        for hit in hits {
            let finding = hit.finding
            out += "  \(style.no) \(hit.rule.id) (\(finding.severity.rawValue)): \(style.marked(finding.match, [ByteRange(offset: 0, length: finding.match.utf8.count)]))\n"
            if let frame = hit.frame {
                out += style.wrap(t("hanya dalam konteks, misalnya “\(frame)”; sendirian tidak ditandai",
                                    "only in context, e.g. “\(frame)”; alone it is not flagged"), indent: "      ") + "\n"
            }
            out += style.wrap(LocalizedMessage.text(finding, hit.rule, language), indent: "      ") + "\n"
            if let suggestion = finding.suggestions.first {
                out += "      " + t("saran", "suggestion") + ": " + style.good(suggestion.isEmpty ? t("(hapus)", "(delete)") : suggestion) + "\n"
            }
            if let note = hit.note { out += style.wrap(t("catatan", "note") + ": " + note, indent: "      ") + "\n" }
        }
        var seen = Set<String>()
        for hit in hits where seen.insert(hit.rule.id).inserted {
            out += "\n" + (try renderRule(hit.rule))
        }
        return out
    }

    /// One rule in full.
    public func renderRule(_ rule: Rule) throws -> String {
        var out = style.bold(rule.id) + " · " + Vocabulary.label(rule.category, language) + " · " + rule.severity.rawValue + "\n"
        out += "\n" + style.bold(t("Apa yang ditandai", "What it catches")) + "\n"
        out += style.wrap(template(rule), indent: "  ") + "\n"
        if let coverage = coverage(rule) { out += style.wrap(coverage, indent: "  ") + "\n" }
        out += "\n" + style.bold(t("Mengapa merugikan citra perusahaan", "Why it harms the company's image")) + "\n"
        out += style.wrap(language.pick(rule.rationale, rule.rationaleEN), indent: "  ") + "\n"
        out += "\n" + style.bold(t("Tingkat", "Severity")) + "\n"
        out += "  " + Vocabulary.severity(rule.severity, language) + ": " + Vocabulary.severityMeaning(rule.severity, language) + "\n"
        if let contextual = contextual(rule) { out += style.wrap(contextual, indent: "  ") + "\n" }
        if rule.codeMixing {
            out += style.wrap(t("Hanya di dalam kalimat berbahasa Indonesia; kalimat yang seluruhnya berbahasa Inggris, judul, nama, dan kata yang dikutip tidak ditandai.",
                                "Only inside an Indonesian sentence; a sentence wholly in English, titles, names and quoted words are not reported."),
                              indent: "  ") + "\n"
        }
        out += "  " + (rule.fixable
            ? t("santun fix dapat memperbaikinya otomatis.", "santun fix can correct it automatically.")
            : t("Perlu diperbaiki sendiri (santun fix tidak mengubahnya).", "Needs a human rewrite (santun fix leaves it alone)."))
            + "\n"
        out += "\n" + style.bold(t("Contoh", "Examples")) + "\n"
        for walk in try explainer.walkthrough(rule) { out += example(walk, rule) }
        return out
    }

    /// For entries whose sense depends on context (`likelihood: maybe`): that they are reported one
    /// severity lower, and, when the rule names context words, only near one of them. Without it
    /// a trainee would read `error` for a rule whose every finding is a warning.
    func contextual(_ rule: Rule) -> String? {
        guard case let .lexicon(_, entries) = rule.body else { return nil }
        let maybe = entries.filter { $0.likelihood == .maybe }.count
        guard maybe > 0 else { return nil }
        let lowered = rule.severity.lowered.rawValue
        let share = maybe == entries.count ? t("Semua kata di sini", "Every word here") : t("\(maybe) dari \(entries.count) entri", "\(maybe) of \(entries.count) entries")
        var text = t("\(share) bergantung pada konteks: ditandai satu tingkat lebih rendah (\(lowered))",
                     "\(share) depend on context: reported one level lower (\(lowered))")
        if !rule.contextWords.isEmpty {
            let words = rule.contextWords.prefix(8).map { $0.joined(separator: " ") }.joined(separator: ", ")
            let more = rule.contextWords.count > 8 ? ", …" : ""
            text += t(", dan hanya bila salah satu kata ini ada dalam jarak \(rule.contextWindow) kata: \(words)\(more)",
                      ", and only when one of these stands within \(rule.contextWindow) words: \(words)\(more)")
        }
        return text + "."
    }

    /// The message with its placeholders spelled out, as a description of what fires.
    func template(_ rule: Rule) -> String {
        language.pick(rule.message, rule.messageEN)
            .replacingOccurrences(of: "{match}", with: "…")
            .replacingOccurrences(of: "{suggestion}", with: t("(saran)", "(suggestion)"))
    }

    /// How the rule finds things, in a sentence a trainee can use.
    func coverage(_ rule: Rule) -> String? {
        switch rule.body {
        case .lexicon(let morphology, let entries):
            let limit = 12
            let shown = entries.prefix(limit).map { entry -> String in
                guard let suggestion = entry.suggestions.first else { return entry.written }
                return "\(entry.written) \(style.arrow) \(suggestion.isEmpty ? t("(hapus)", "(delete)") : suggestion)"
            }
            var text = t("Kata dan frasa: ", "Words and phrases: ") + shown.joined(separator: ", ")
            if entries.count > limit { text += t(", dan \(entries.count - limit) lainnya", ", and \(entries.count - limit) more") }
            text += "."
            switch morphology {
            case .full: text += t(" Bentuk berimbuhan dan ulang juga ditandai.", " Affixed and reduplicated forms are flagged too.")
            case .colloquial: text += t(" Hanya bentuk berimbuhan cakapan (nge-, -in) yang ditandai.", " Only colloquial affixed forms (nge-, -in) are flagged.")
            case .abbreviation: text += t(" Yang ditandai adalah singkatan obrolannya (pd, dgn, skrg).", " What is flagged are their chat abbreviations (pd, dgn, skrg).")
            case .spoken: text += t(" Yang ditandai adalah ejaan lisannya (dateng, sampe, smoga), juga yang berimbuhan.", " What is flagged are their spoken spellings (dateng, sampe, smoga), affixed ones too.")
            case .none: break
            }
            let clauseWords = entries.filter { $0.opensClause != nil }.map(\.written)
            if !clauseWords.isEmpty {
                let words = clauseWords.prefix(4).joined(separator: ", ")
                text += t(" \(words): hanya di awal klausa atau sesudah subjeknya, sebelum kata lain.",
                          " \(words): only opening a clause or after its subject, before another word.")
            }
            for entry in entries where !entry.onlyIn.isEmpty {
                let phrases = entry.onlyIn.prefix(4).map { $0.joined(separator: " ") }.joined(separator: ", ")
                let more = entry.onlyIn.count > 4 ? t(", dan lainnya", ", and more") : ""
                text += t(" \(entry.written): hanya dalam frasa seperti \(phrases)\(more).",
                          " \(entry.written): only in phrases such as \(phrases)\(more).")
            }
            // The literal contexts, so a trainee sees why `vaksin rabies untuk anjing` is fine.
            var nearby: [String] = []
            for phrase in entries.flatMap(\.unlessNear).map({ $0.joined(separator: " ") }) where !nearby.contains(phrase) {
                nearby.append(phrase)
            }
            if !nearby.isEmpty {
                let more = nearby.count > 8 ? t(", dan lainnya", ", and more") : ""
                let words = nearby.prefix(8).joined(separator: ", ") + more
                text += t(" Tidak ditandai bila kata berikut ada di dekatnya (makna harfiah): \(words).",
                          " Not flagged when one of these stands nearby (the literal sense): \(words).")
            }
            return text
        case .pattern(let spec):
            guard !spec.keywords.isEmpty else { return nil }
            let keywords = spec.keywords.prefix(8).map { $0.joined(separator: " ") }.joined(separator: ", ")
            return spec.keywordsRequired
                ? t("Hanya bila ada kata kunci di dekatnya: \(keywords).", "Only with a keyword nearby: \(keywords).")
                : t("Lebih yakin bila ada kata kunci di dekatnya: \(keywords).", "More certain with a keyword nearby: \(keywords).")
        case .metric(let spec):
            var text = t("Diukur: \(spec.metric.rawValue), ambang \(Self.number(spec.threshold)).",
                         "Measured: \(spec.metric.rawValue), threshold \(Self.number(spec.threshold)).")
            // Which affixed words repeat only their base, so a trainee sees why berkali2 is berkali-kali.
            if !spec.affixedBases.isEmpty {
                let shown = spec.affixedBases.keys.sorted().prefix(6).map { "\($0)-\(spec.affixedBases[$0]!)" }
                let more = spec.affixedBases.count - shown.count
                text += t(" Kata berimbuhan mengulang kata dasarnya saja: \(shown.joined(separator: ", ")), dan \(more) lainnya.",
                          " Affixed words repeat only their base: \(shown.joined(separator: ", ")), and \(more) more.")
            }
            return text
        case .hashedLexicon:
            return t("Istilah rahasia disimpan sebagai sidik SHA-256, jadi tidak ditampilkan di sini.",
                     "Confidential terms are stored as SHA-256 digests, so they are not shown here.")
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    func example(_ walk: Explainer.Walkthrough, _ rule: Rule) -> String {
        let example = walk.example
        let label = { (text: String) in text.padding(toLength: 12, withPad: " ", startingAt: 0) }
        switch example.kind {
        case .good:
            return "  " + style.good(style.yes + " " + label(t("Benar:", "Good:"))) + example.text + "\n"
        case .bad:
            var out = "  " + style.bad(style.no + " " + label(t("Salah:", "Bad:"))) + style.marked(example.text, example.expectedRanges) + "\n"
            for finding in walk.findings {
                let message = LocalizedMessage.text(finding, rule, language)
                out += style.wrap(message, indent: "    " + label(""), firstIndent: "    " + label("Santun:")) + "\n"
                if let suggestion = finding.suggestions.first {
                    out += "    " + label(t("Saran:", "Suggestion:")) + style.good(suggestion.isEmpty ? t("(hapus)", "(delete)") : suggestion) + "\n"
                }
            }
            if let fix = example.fix {
                out += "    " + label(t("Perbaikan:", "Fixed:")) + style.good(fix) + "\n"
            } else if let suggested = walk.suggestedText {
                out += "    " + label(t("Disarankan:", "Suggested:")) + style.good(suggested) + "\n"
            }
            return out
        }
    }
}

/// A finding's message in the chosen language: the rule's English template filled with the
/// same match and suggestion when asked for English and the pack has one, else the engine's
/// Indonesian message as it is.
public enum LocalizedMessage {
    public static func text(_ finding: Finding, _ rule: Rule?, _ language: TrainingLanguage) -> String {
        guard language == .en, let template = rule?.messageEN, !template.isEmpty else { return finding.message }
        return template.replacingOccurrences(of: "{match}", with: finding.match)
            .replacingOccurrences(of: "{suggestion}", with: finding.suggestions.first ?? "")
    }
}
