import SantunCore

/// `path:line:column: severity: rule: message` — one finding a line, for editors and grep.
public struct LineReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = ""
        for file in report.files {
            for finding in file.findings {
                out += "\(Printable.line(file.path)):\(finding.start.line):\(finding.start.column): \(finding.severity.rawValue): \(finding.ruleID): \(Printable.line(finding.message))\n"
            }
        }
        return out
    }
}
