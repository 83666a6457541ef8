import SantunCore

/// `path:line:column: severity: rule: message` — one finding a line, for editors and grep.
public struct LineReporter: Reporter, StreamingReporter {
    public init() {}

    public mutating func begin() -> String { "" }

    public mutating func piece(_ piece: FileReport, first: Bool, last: Bool) -> String {
        var out = ""
        let path = Printable.line(piece.path)
        for finding in piece.findings {
            out += "\(path):\(finding.start.line):\(finding.start.column): \(finding.severity.rawValue): \(finding.ruleID): \(Printable.line(finding.message))\n"
        }
        return out
    }

    public mutating func end() -> String { "" }
}
