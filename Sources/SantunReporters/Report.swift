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

/// Hides what Santun protects: personal data and confidential matches are masked in every
/// machine output, so a CI log never re-leaks them.
public enum Redactor {
    public static let categories: Set<Category> = [.pii, .confidential]

    public static func mask(_ text: String) -> String {
        var out = ""
        for (index, char) in text.enumerated() {
            if char.isWhitespace || (index == 0 && text.count > 6) { out.append(char) } else { out.append("•") }
        }
        return out
    }

    public static func redact(_ report: Report) -> Report {
        var copy = report
        for fileIndex in copy.files.indices {
            let protected = copy.files[fileIndex].findings.filter { categories.contains($0.category) && !$0.match.isEmpty }
            for index in copy.files[fileIndex].findings.indices {
                var finding = copy.files[fileIndex].findings[index]
                // A finding that overlaps a protected one (shouting or a length rule over a phone
                // number) would print the protected text too: mask it and drop its suggestions.
                if !categories.contains(finding.category),
                   protected.contains(where: { $0.range.overlaps(finding.range) }) {
                    for secret in protected.map(\.match).sorted(by: { $0.count > $1.count }) {
                        finding.message = finding.message.replacingOccurrences(of: secret, with: mask(secret))
                    }
                    finding.message = finding.message.replacingOccurrences(of: finding.match, with: mask(finding.match))
                    finding.match = mask(finding.match)
                    finding.suggestions = finding.suggestions.map { _ in "" }
                    copy.files[fileIndex].findings[index] = finding
                    continue
                }
                guard categories.contains(finding.category) else { continue }
                let masked = mask(finding.match)
                if !finding.match.isEmpty { finding.message = finding.message.replacingOccurrences(of: finding.match, with: masked) }
                finding.match = masked
                finding.suggestions = finding.suggestions.map { _ in "" }
                copy.files[fileIndex].findings[index] = finding
            }
            if copy.files[fileIndex].findings.contains(where: { categories.contains($0.category) }) {
                copy.files[fileIndex].source = nil
            }
        }
        return copy
    }
}

import Foundation
