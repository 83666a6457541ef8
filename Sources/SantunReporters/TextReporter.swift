import SantunCore

/// Output for people: per file, each finding with position, severity, rule, message and
/// suggestion, the source line with the span underlined, then a summary. Colour is a style
/// chosen by the caller (terminal or not, NO_COLOR); severity is always spelled out too, so
/// nothing depends on colour alone.
public struct TextReporter: Reporter, StreamingReporter {
    public struct Style: Sendable {
        public var color: Bool
        public init(color: Bool) { self.color = color }
    }

    let style: Style
    /// Counts for the summary line, gathered as the pieces go by.
    private var counts: [Severity: Int] = [:]
    private var files = 0
    /// Whether the current file's name has been printed (at its first finding).
    private var fileShown = false

    public init(style: Style = Style(color: false)) { self.style = style }

    private func paint(_ text: String, _ code: String) -> String { style.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        }
    }

    private func severityLabel(_ severity: Severity) -> String {
        paint(severity.rawValue, severity == .error ? "1;31" : severityColor(severity))
    }

    public mutating func begin() -> String { "" }

    public mutating func piece(_ piece: FileReport, first: Bool, last: Bool) -> String {
        if first {
            files += 1
            fileShown = false
        }
        var out = ""
        for finding in piece.findings {
            if !fileShown {
                out += paint(Printable.line(piece.path), "1") + "\n"
                fileShown = true
            }
            counts[finding.severity, default: 0] += 1
            out += "  \(finding.start.line):\(finding.start.column)  \(severityLabel(finding.severity))  "
            out += paint(finding.ruleID, "2") + "  \(Printable.line(finding.message))\n"
            if let first = finding.suggestions.first {
                let shown = first.isEmpty ? "(hapus)" : first
                out += "      saran: " + paint(Printable.line(shown), "32") + "\n"
            }
            if let source = piece.source { out += quote(finding, source) }
        }
        if last && fileShown { out += "\n" }
        return out
    }

    public mutating func end() -> String {
        let errors = counts[.error, default: 0], warnings = counts[.warning, default: 0], infos = counts[.info, default: 0]
        let fileWord = files == 1 ? "file" : "files"
        if errors + warnings + infos == 0 { return "✓ no findings in \(files) \(fileWord)\n" }
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info in \(files) \(fileWord)\n"
    }

    /// The source line with the finding underlined (to the line's end for multi-line spans).
    /// At most 160 characters are shown; a finding further right is shown with 40 characters
    /// before it, so long one-paragraph posts still point at the right place.
    private func quote(_ finding: Finding, _ source: SourceText) -> String {
        let lineIndex = finding.start.line - 1
        guard lineIndex < source.lineCount else { return "" }
        let scalars = Array(source.text(source.lineRange(lineIndex)).unicodeScalars)
        let start = min(finding.start.column - 1, scalars.count)
        let end = finding.end.line == finding.start.line ? min(finding.end.column - 1, scalars.count) : scalars.count
        let from = start > 120 ? start - 40 : 0
        let to = min(scalars.count, from + 160)
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars[from..<to])
        let text = (from > 0 ? "…" : "") + Printable.line(String(shown)) + (to < scalars.count ? "…" : "")
        let gutter = String(repeating: " ", count: String(finding.start.line).count)
        let pad = String(repeating: " ", count: start - from + (from > 0 ? 1 : 0))
        let marks = String(repeating: "^", count: max(1, min(end, to) - start))
        var out = "    \(gutter) |\n"
        out += "    \(finding.start.line) | \(text)\n"
        out += "    \(gutter) | \(pad)\(paint(marks, severityColor(finding.severity)))\n"
        return out
    }
}
