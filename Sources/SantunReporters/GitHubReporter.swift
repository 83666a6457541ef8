import SantunCore

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public init() {}

    /// Escapes a value for a workflow command (data or property).
    static func escape(_ text: String, property: Bool) -> String {
        var out = text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
        if property { out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return out
    }

    public func render(_ report: Report) -> String {
        var out = ""
        for file in report.files {
            for finding in file.findings {
                let level = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                var message = finding.message
                if let suggestion = finding.suggestions.first, !suggestion.isEmpty { message += " Saran: \(suggestion)" }
                out += "::\(level) file=\(GitHubReporter.escape(file.path, property: true)),line=\(finding.start.line),col=\(finding.start.column)"
                out += ",endLine=\(finding.end.line),endColumn=\(finding.end.column),title=\(GitHubReporter.escape("santun " + finding.ruleID, property: true))"
                out += "::\(GitHubReporter.escape(message, property: false))\n"
            }
        }
        return out
    }
}

import Foundation
