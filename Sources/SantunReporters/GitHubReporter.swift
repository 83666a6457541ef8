import SantunCore

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public struct GitHubReporter: Reporter, StreamingReporter {
    public init() {}

    /// Escapes a value for a workflow command (data or property).
    static func escape(_ text: String, property: Bool) -> String {
        var out = text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        if property { out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return out
    }

    public mutating func begin() -> String { "" }

    public mutating func piece(_ piece: FileReport, first: Bool, last: Bool) -> String {
        var out = ""
        let file = GitHubReporter.escape(piece.path, property: true)
        for finding in piece.findings {
            let level = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            var message = finding.message
            if let suggestion = finding.suggestions.first, !suggestion.isEmpty { message += " Saran: \(suggestion)" }
            out += "::\(level) file=\(file),line=\(finding.start.line),col=\(finding.start.column)"
            out += ",endLine=\(finding.end.line),endColumn=\(finding.end.column),title=\(GitHubReporter.escape("santun " + finding.ruleID, property: true))"
            out += "::\(GitHubReporter.escape(message, property: false))\n"
        }
        return out
    }

    public mutating func end() -> String { "" }
}
