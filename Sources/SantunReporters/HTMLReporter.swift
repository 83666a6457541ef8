import Foundation
import SantunCore

/// One self-contained HTML page for a projector or for sharing: a summary with bar charts of
/// findings by category and by severity (inline SVG), the words to work on, a legend, the
/// rules that fired with why they matter, and every draft with its findings highlighted inline
/// and listed as numbered notes (which is what a printout and a screen reader get).
///
/// Pure like every reporter: the same report gives the same bytes. Nothing is fetched: the CSS
/// and SVG are inline and the fonts are the system's, so the file opens offline. Every piece of
/// user text is escaped, and the markup is also well-formed XML so tests can parse it.
/// Colour marks the category and the underline style the severity, and both are spelled out
/// in words in the notes, so no information is in colour alone.
public struct HTMLReporter: Reporter {
    /// The language of the page's own words (drafts and messages are as they are).
    public enum UILanguage: String, Sendable { case id, en }

    public var title: String
    /// Human names of categories by id (`slang` → “Bahasa gaul”); missing ones show the id.
    public var categoryLabels: [String: String]
    public var language: UILanguage
    /// Mask personal and confidential matches (on by default: the page is for sharing).
    public var redact: Bool

    public init(title: String? = nil, categoryLabels: [String: String] = [:], language: UILanguage = .id, redact: Bool = true) {
        self.language = language
        self.title = title ?? (language == .en ? "Santun report" : "Laporan Santun")
        self.categoryLabels = categoryLabels
        self.redact = redact
    }

    func t(_ indonesian: String, _ english: String) -> String { language == .en ? english : indonesian }

    func label(_ category: Category) -> String { categoryLabels[category.rawValue] ?? category.rawValue }

    func severityLabel(_ severity: Severity) -> String {
        guard language == .id else { return severity.rawValue }
        switch severity {
        case .error: return "error (kesalahan)"
        case .warning: return "warning (peringatan)"
        case .info: return "info (saran)"
        }
    }

    /// Categories in the order the page shows them: the content categories always (a zero is
    /// information too), suppression remarks only when there are some.
    func categories(_ findings: [Finding]) -> [Category] {
        Category.allCases.filter { $0 != .suppression || findings.contains { $0.category == .suppression } }
    }

    public func render(_ report: Report) -> String {
        let shown = redact ? HTMLReporter.masked(report) : report
        let findings = shown.allFindings
        var html = HTMLBuilder()
        html.raw("<!DOCTYPE html>\n")
        html.raw("<html lang=\"\(language.rawValue)\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n")
        html.raw("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        html.raw("<meta name=\"generator\" content=\"santun \(HTMLBuilder.escape(report.toolVersion))\"/>\n")
        html.element("title", title)
        html.raw("\n<style>\n" + HTMLReporter.styleSheet() + "</style>\n</head>\n<body>\n")
        header(&html, shown, findings)
        summary(&html, shown, findings)
        drafts(&html, shown)
        rulesFired(&html, shown)
        html.raw("<footer><p>")
        html.text(t("Dibuat dengan santun \(report.toolVersion). Temuan dan saran berasal dari paket aturan yang sama dengan santun check",
                    "Made with santun \(report.toolVersion). Findings and suggestions come from the same rule packs as santun check"))
        if redact {
            html.text(t("; data pribadi dan informasi rahasia disamarkan (•••).", "; personal data and confidential matches are masked (•••)."))
        } else {
            html.text(".")
        }
        html.raw("</p></footer>\n</body>\n</html>\n")
        return html.output
    }

    func header(_ html: inout HTMLBuilder, _ report: Report, _ findings: [Finding]) {
        html.raw("<header>\n")
        html.element("h1", title)
        let drafts = report.files.count
        let withFindings = report.files.filter { !$0.findings.isEmpty }.count
        html.raw("<p class=\"lede\">")
        html.text(t("\(drafts) draf diperiksa, \(withFindings) dengan temuan, \(findings.count) temuan.",
                    "\(drafts) draft\(drafts == 1 ? "" : "s") checked, \(withFindings) with findings, \(findings.count) finding\(findings.count == 1 ? "" : "s")."))
        html.raw("</p>\n</header>\n")
    }

    func summary(_ html: inout HTMLBuilder, _ report: Report, _ findings: [Finding]) {
        html.raw("<section class=\"summary\" aria-labelledby=\"summary-title\">\n")
        html.raw("<h2 id=\"summary-title\">" + HTMLBuilder.escape(t("Ringkasan", "Summary")) + "</h2>\n")
        html.raw("<div class=\"stats\">\n")
        stat(&html, value: report.files.count, label: t("draf", "drafts"), cssClass: "")
        stat(&html, value: findings.count, label: t("temuan", "findings"), cssClass: "")
        for severity in [Severity.error, .warning, .info] {
            stat(&html, value: findings.filter { $0.severity == severity }.count, label: severityLabel(severity), cssClass: "sev-\(severity.rawValue)")
        }
        html.raw("</div>\n<div class=\"charts\">\n")
        let categories = categories(findings)
        html.raw(categoryChart(categories.map { category in (category, findings.filter { $0.category == category }.count) }))
        html.raw(severityChart([Severity.error, .warning, .info].map { severity in (severity, findings.filter { $0.severity == severity }.count) }))
        html.raw("</div>\n")
        legend(&html, categories)
        topWords(&html, findings)
        html.raw("</section>\n")
    }

    func stat(_ html: inout HTMLBuilder, value: Int, label: String, cssClass: String) {
        html.raw("<div class=\"stat \(cssClass)\"><span class=\"value\">\(value)</span> <span class=\"name\">")
        html.text(label)
        html.raw("</span></div>\n")
    }

    func legend(_ html: inout HTMLBuilder, _ categories: [Category]) {
        html.raw("<div class=\"legend\">\n<h3>" + HTMLBuilder.escape(t("Keterangan", "Legend")) + "</h3>\n<ul class=\"legend-categories\">\n")
        for category in categories {
            html.raw("<li><span class=\"swatch cat-\(category.rawValue)\"></span> ")
            html.text(label(category))
            html.raw("</li>\n")
        }
        html.raw("</ul>\n<ul class=\"legend-severities\">\n")
        let lines = [(Severity.error, t("garis tebal", "thick line")), (.warning, t("garis putus-putus", "dashed line")), (.info, t("garis titik-titik", "dotted line"))]
        for (severity, line) in lines {
            html.raw("<li><mark class=\"cat-none sev-\(severity.rawValue)\">")
            html.text(severityLabel(severity))
            html.raw("</mark> ")
            html.text("— " + line)
            html.raw("</li>\n")
        }
        html.raw("</ul>\n<p class=\"hint\">")
        html.text(t("Warna menandai kategori, garis bawah menandai tingkat. Arahkan penunjuk atau fokus ke teks bertanda untuk melihat pesan; nomor kecil merujuk ke catatan di bawah draf.",
                    "Colour marks the category, the underline the severity. Hover over or focus a marked text to see the message; the small numbers point to the notes under each draft."))
        html.raw("</p>\n</div>\n")
    }

    /// The most frequent flagged words and phrases: what the team should practise first.
    func topWords(_ html: inout HTMLBuilder, _ findings: [Finding]) {
        struct Entry { var word: String; var category: Category; var severity: Severity; var count: Int; var suggestions: [String: Int] }
        var entries: [String: Entry] = [:]
        var order: [String] = []
        for finding in findings where HTMLReporter.isWord(finding.match) && !(redact && Redactor.categories.contains(finding.category)) {
            let word = finding.match.lowercased()
            let key = finding.category.rawValue + "\u{1F}" + word
            if entries[key] == nil {
                entries[key] = Entry(word: word, category: finding.category, severity: finding.severity, count: 0, suggestions: [:])
                order.append(key)
            }
            entries[key]!.count += 1
            entries[key]!.severity = max(entries[key]!.severity, finding.severity)
            if let suggestion = finding.suggestions.first { entries[key]!.suggestions[suggestion.lowercased(), default: 0] += 1 }
        }
        let top = order.compactMap { entries[$0] }.enumerated()
            .sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .prefix(10).map(\.element)
        html.raw("<div class=\"top-words\">\n<h3>" + HTMLBuilder.escape(t("Kata yang perlu dilatih", "Words to work on")) + "</h3>\n")
        guard !top.isEmpty else {
            html.raw("<p>" + HTMLBuilder.escape(t("Tidak ada kata yang ditandai.", "No words were flagged.")) + "</p>\n</div>\n")
            return
        }
        html.raw("<table>\n<thead><tr><th scope=\"col\">" + HTMLBuilder.escape(t("Kata", "Word")) + "</th><th scope=\"col\">")
        html.text(t("Kategori", "Category"))
        html.raw("</th><th scope=\"col\" class=\"num\">" + HTMLBuilder.escape(t("Jumlah", "Count")) + "</th><th scope=\"col\">")
        html.text(t("Saran", "Suggestion"))
        html.raw("</th></tr></thead>\n<tbody>\n")
        for entry in top {
            html.raw("<tr><td><mark class=\"cat-\(entry.category.rawValue) sev-\(entry.severity.rawValue)\">")
            html.text(entry.word)
            html.raw("</mark></td><td><span class=\"chip cat-\(entry.category.rawValue)\">")
            html.text(label(entry.category))
            html.raw("</span>")
            html.raw("</td><td class=\"num\">\(entry.count)</td><td>")
            let best = entry.suggestions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
            html.text(best.map { $0.isEmpty ? t("(hapus)", "(delete)") : $0 } ?? "—")
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n</div>\n")
    }

    /// A word or short phrase worth listing (not a number, a punctuation run or a long span).
    static func isWord(_ text: String) -> Bool {
        text.count <= 32 && !text.contains("\n") && text.split(separator: " ").count <= 3 && text.contains { $0.isLetter }
    }

    /// The rules that fired, with why they matter: the teaching part of the page.
    func rulesFired(_ html: inout HTMLBuilder, _ report: Report) {
        var counts: [String: Int] = [:]
        for finding in report.allFindings { counts[finding.ruleID, default: 0] += 1 }
        guard !counts.isEmpty else { return }
        html.raw("<section class=\"rules\" aria-labelledby=\"rules-title\">\n<h2 id=\"rules-title\">")
        html.text(t("Mengapa ini penting: aturan yang muncul", "Why it matters: the rules that fired"))
        html.raw("</h2>\n<dl>\n")
        let categoryOf = Dictionary(report.allFindings.map { ($0.ruleID, $0.category) }, uniquingKeysWith: { first, _ in first })
        for id in counts.keys.sorted(by: { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : $0 < $1 }) {
            let category = categoryOf[id] ?? .tone
            html.raw("<dt><span class=\"chip cat-\(category.rawValue)\">")
            html.text(label(category))
            html.raw("</span> <code>")
            html.text(id)
            html.raw("</code> <span class=\"count\">×\(counts[id]!)</span></dt>\n<dd>")
            html.text(report.rules[id]?.rationale.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            html.raw("</dd>\n")
        }
        html.raw("</dl>\n</section>\n")
    }

    /// The report with personal and confidential matches and messages masked, keeping each
    /// draft's text: the draft renderer masks the covered text itself (`DraftHighlighter`).
    static func masked(_ report: Report) -> Report {
        var copy = Redactor.redact(report)
        for index in copy.files.indices { copy.files[index].source = report.files[index].source }
        return copy
    }
}
