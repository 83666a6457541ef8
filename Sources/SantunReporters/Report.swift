import SantunCore

/// What a reporter renders: files with their findings, and plain facts about the rules that
/// fired (reporters never see rule packs).
public struct Report: Sendable {
    public var files: [FileReport]
    public var rules: [String: RuleInfo]
    public var toolVersion: String

    public init(files: [FileReport], rules: [String: RuleInfo], toolVersion: String) {
        self.files = files
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public var allFindings: [Finding] { files.flatMap(\.findings) }

    /// Counts per severity, for summary lines.
    public func count(_ severity: Severity) -> Int { allFindings.filter { $0.severity == severity }.count }
}

/// One linted file (or standard input, or a `--text` draft).
public struct FileReport: Sendable {
    public var path: String
    public var findings: [Finding]
    /// The text, for reporters that quote the source line.
    public var source: SourceText?

    public init(path: String, findings: [Finding], source: SourceText?) {
        self.path = path
        self.findings = findings
        self.source = source
    }
}

/// Facts about a rule for output: SARIF's rules array, help text, explanations.
public struct RuleInfo: Sendable {
    public var id: String
    public var category: String
    public var severity: Severity
    public var summary: String
    public var rationale: String

    public init(id: String, category: String, severity: Severity, summary: String, rationale: String) {
        self.id = id
        self.category = category
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
    }
}

/// Renders a report as text. Pure: the same report always gives the same bytes.
public protocol Reporter {
    func render(_ report: Report) -> String
}

/// Renders a report piece by piece as the files are checked, so a check of a 100 MB archive or
/// of a million drafts never holds every finding, or the whole output, in memory. The pieces
/// joined are byte for byte what `render` gives for the same report: `render` is built on them.
///
/// A file comes as one piece or, when a large input is checked in chunks, as several: the first
/// piece has `first` set, the last `last` (a small file's only piece has both). Findings of a
/// piece are in order and follow those of the piece before.
public protocol StreamingReporter {
    /// What comes before the first file.
    mutating func begin() -> String
    /// One piece of one file.
    mutating func piece(_ piece: FileReport, first: Bool, last: Bool) -> String
    /// What comes after the last file.
    mutating func end() -> String
}

extension StreamingReporter {
    /// The whole report, as the pieces of one-piece files.
    public func render(_ report: Report) -> String {
        var reporter = self
        var out = reporter.begin()
        for file in report.files { out += reporter.piece(file, first: true, last: true) }
        return out + reporter.end()
    }
}
