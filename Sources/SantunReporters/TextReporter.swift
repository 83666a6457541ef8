import SantunCore

/// Output for people: per file, each finding with position, severity, rule, message and
/// suggestion, the source line with the span underlined, then a summary. Colour is a style
/// chosen by the caller (terminal or not, NO_COLOR); severity is always spelled out too, so
/// nothing depends on colour alone.
public struct TextReporter: Reporter {
    public struct Style: Sendable {
        public var color: Bool
        public init(color: Bool) { self.color = color }
    }

    let style: Style

    public init(style: Style = Style(color: false)) { self.style = style }

    private func paint(_ text: String, _ code: String) -> String { style.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private func severityLabel(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "33")
        case .info: paint("info", "36")
        }
    }

    public func render(_ report: Report) -> String {
        var out = ""
        for file in report.files where !file.findings.isEmpty {
            out += paint(file.path, "1") + "\n"
            for finding in file.findings {
                out += "  \(finding.start.line):\(finding.start.column)  \(severityLabel(finding.severity))  "
                out += paint(finding.ruleID, "2") + "  \(finding.message)\n"
                if let first = finding.suggestions.first {
                    let shown = first.isEmpty ? "(hapus)" : first
                    out += "      saran: " + paint(shown, "32") + "\n"
                }
                if let source = file.source { out += quote(finding, source) }
            }
            out += "\n"
        }
        out += summary(report)
        return out
    }

    /// The source line with the finding underlined (first line only for multi-line spans).
    private func quote(_ finding: Finding, _ source: SourceText) -> String {
        let lineIndex = finding.start.line - 1
        guard lineIndex < source.lineCount else { return "" }
        let range = source.lineRange(lineIndex)
        var text = source.text(range)
        var width = 0
        for scalar in text.unicodeScalars { width += 1; _ = scalar }
        if width > 160 { text = String(text.unicodeScalars.prefix(160)) + "…" }
        let text2 = text.map { $0 == "\t" ? " " : String($0) }.joined()
        let startColumn = finding.start.column
        let endColumn = finding.end.line == finding.start.line ? finding.end.column : width + 1
        let gutter = String(repeating: " ", count: String(finding.start.line).count)
        var out = "    \(gutter) |\n"
        out += "    \(finding.start.line) | \(text2)\n"
        let pad = String(repeating: " ", count: max(0, startColumn - 1))
        let marks = String(repeating: "^", count: max(1, min(endColumn, 162) - startColumn))
        out += "    \(gutter) | \(pad)\(paint(marks, finding.severity == .error ? "31" : "33"))\n"
        return out
    }

    private func summary(_ report: Report) -> String {
        let errors = report.count(.error), warnings = report.count(.warning), infos = report.count(.info)
        let files = report.files.count
        let fileWord = files == 1 ? "file" : "files"
        if errors + warnings + infos == 0 { return "✓ no findings in \(files) \(fileWord)\n" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info in \(files) \(fileWord)\n"
    }
}
