import SantunCore

extension HTMLReporter {
    /// Every draft with findings as a card (text with inline marks, then numbered notes); the
    /// drafts without findings as one short list, so a large corpus stays readable.
    func drafts(_ html: inout HTMLBuilder, _ report: Report) {
        html.raw("<section class=\"drafts\" aria-labelledby=\"drafts-title\">\n")
        html.raw("<h2 id=\"drafts-title\">" + HTMLBuilder.escape(t("Draf dengan temuan", "Drafts with findings")) + "</h2>\n")
        let flagged = report.files.filter { !$0.findings.isEmpty }
        if flagged.isEmpty {
            html.raw("<p class=\"all-clean\">" + HTMLBuilder.escape(t("✓ Tidak ada temuan. Semua draf siap diunggah.",
                                                                      "✓ No findings. Every draft is ready to post.")) + "</p>\n")
        }
        for (index, file) in flagged.enumerated() { card(&html, file, number: index + 1) }
        let clean = report.files.filter(\.findings.isEmpty)
        if !clean.isEmpty && !flagged.isEmpty {
            html.raw("<div class=\"clean\">\n<h3>" + HTMLBuilder.escape(t("Draf tanpa temuan", "Drafts without findings")) + " (\(clean.count))</h3>\n<ul>\n")
            for file in clean {
                html.raw("<li>")
                html.text(file.path)
                html.raw("</li>\n")
            }
            html.raw("</ul>\n</div>\n")
        }
        html.raw("</section>\n")
    }

    func card(_ html: inout HTMLBuilder, _ file: FileReport, number: Int) {
        let findings = file.findings.sorted(by: Finding.readingOrder)
        html.raw("<article class=\"card\" id=\"draft-\(number)\">\n<h3><span class=\"path\">")
        html.text(file.path)
        html.raw("</span>")
        for severity in [Severity.error, .warning, .info] {
            let count = findings.filter { $0.severity == severity }.count
            guard count > 0 else { continue }
            html.raw(" <span class=\"badge sev-\(severity.rawValue)\">\(count) ")
            html.text(severity.rawValue)
            html.raw("</span>")
        }
        html.raw("</h3>\n")
        if let source = file.source {
            html.raw("<div class=\"draft\">")
            html.raw(highlighted(source, findings, draft: number))
            html.raw("</div>\n")
        } else {
            html.raw("<p class=\"no-text\">" + HTMLBuilder.escape(t("(Teks draf tidak disertakan.)", "(The draft text is not included.)")) + "</p>\n")
        }
        html.raw("<ol class=\"notes\">\n")
        for (index, finding) in findings.enumerated() { note(&html, finding, draft: number, number: index + 1) }
        html.raw("</ol>\n</article>\n")
    }

    func note(_ html: inout HTMLBuilder, _ finding: Finding, draft: Int, number: Int) {
        html.raw("<li id=\"n\(draft)-\(number)\" class=\"note\">")
        html.raw("<span class=\"sev sev-\(finding.severity.rawValue)\">")
        html.text(severityLabel(finding.severity))
        html.raw("</span> <span class=\"chip cat-\(finding.category.rawValue)\">")
        html.text(label(finding.category))
        html.raw("</span> ")
        if !finding.message.contains(finding.match) {
            // Most messages quote the match already; the others get it in front.
            html.raw("<q>")
            html.text(finding.match.count > 80 ? String(finding.match.prefix(80)) + "…" : finding.match)
            html.raw("</q> ")
        }
        html.text(finding.message)
        if let suggestion = finding.suggestions.first {
            html.raw(" <span class=\"suggestion\">")
            html.text(t("Saran", "Suggestion") + ": " + (suggestion.isEmpty ? t("hapus", "delete") : suggestion))
            html.raw("</span>")
        }
        html.raw(" <span class=\"where\">")
        html.text(t("baris \(finding.start.line), kolom \(finding.start.column)", "line \(finding.start.line), column \(finding.start.column)"))
        html.raw(" · <code>")
        html.text(finding.ruleID)
        html.raw("</code></span> <a class=\"back\" href=\"#r\(draft)-\(number)\" aria-label=\"")
        html.text(t("kembali ke teks", "back to the text"))
        html.raw("\">↩</a></li>\n")
    }

    /// The draft's text cut at every finding boundary. Each piece covered by findings becomes a
    /// `<mark>` styled by the innermost finding (overlaps are shown, never lost), with every
    /// covering message in its tooltip; each finding's note number follows its last piece.
    func highlighted(_ source: SourceText, _ findings: [Finding], draft: Int) -> String {
        let bytes = source.bytes
        let length = bytes.count
        var cuts = Set([0, length])
        for finding in findings {
            cuts.insert(min(finding.range.offset, length))
            cuts.insert(min(finding.range.end, length))
        }
        let points = cuts.sorted()
        var out = ""
        func references(at position: Int, zeroLength: Bool) {
            for (index, finding) in findings.enumerated() {
                let end = min(finding.range.end, length)
                guard end == position, (finding.range.length == 0) == zeroLength else { continue }
                out += "<sup class=\"ref\" id=\"r\(draft)-\(index + 1)\"><a href=\"#n\(draft)-\(index + 1)\">\(index + 1)</a></sup>"
            }
        }
        for (start, end) in zip(points, points.dropFirst()) {
            references(at: start, zeroLength: true)
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let covering = findings.filter { $0.range.length > 0 && $0.range.offset <= start && min($0.range.end, length) >= end }
            if let primary = covering.min(by: { a, b in
                a.range.length != b.range.length ? a.range.length < b.range.length : a.severity > b.severity
            }) {
                let hidden = redact && covering.contains { Redactor.categories.contains($0.category) }
                let shown = hidden ? HTMLReporter.maskAll(text) : text
                let tip = covering.map { tooltip($0) }.joined(separator: "&#10;")
                out += "<mark class=\"cat-\(primary.category.rawValue) sev-\(primary.severity.rawValue)\(covering.count > 1 ? " multi" : "")\""
                out += " data-tip=\"\(tip)\" tabindex=\"0\">" + HTMLBuilder.escape(shown) + "</mark>"
            } else {
                out += HTMLBuilder.escape(text)
            }
            references(at: end, zeroLength: false)
        }
        references(at: length, zeroLength: true)
        return out
    }

    /// One finding in a tooltip line, escaped for an attribute.
    func tooltip(_ finding: Finding) -> String {
        var text = "\(label(finding.category)) · \(finding.severity.rawValue): \(finding.message)"
        if let suggestion = finding.suggestions.first {
            text += " " + t("Saran", "Suggestion") + ": " + (suggestion.isEmpty ? t("hapus", "delete") : suggestion)
        }
        return HTMLBuilder.escape(text)
    }

    /// Letters and digits replaced by bullets; separators stay, so the shape is still readable.
    static func maskAll(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? "•" : $0 })
    }
}
