/// Known findings to hide, so a team can adopt Santun on old drafts and see only new problems.
///
/// Entries are keyed by rule, path, a hash of the matched text and a hash of the line's text —
/// not by line number, so edits elsewhere in a file do not bring old findings back. Hashes are
/// truncated salted SHA-256, so the file does not re-leak personal data. Lines are sorted, one
/// entry a line, so baselines diff well.
public struct Baseline: Sendable {
    public struct Entry: Hashable, Comparable, Sendable {
        public var rule: String
        public var path: String
        public var matchHash: String
        public var lineHash: String

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.rule, a.lineHash, a.matchHash) < (b.path, b.rule, b.lineHash, b.matchHash)
        }
    }

    public var entries: [Entry]
    static let header = "# santun baseline v1: rule, path, hash of the match, hash of its line (tab-separated, sorted)"

    public init(entries: [Entry]) { self.entries = entries.sorted() }

    static func hash(_ text: String) -> String {
        String(HashedTerm.hex(HashedTerm.digest(salt: "santun-baseline/", key: text)).prefix(16))
    }

    static func entry(_ finding: Finding, path: String, source: SourceText?) -> Entry {
        var lineText = ""
        if let source { lineText = source.text(source.lineRange(finding.start.line - 1)).trimmingCharacters(in: .whitespaces) }
        return Entry(rule: finding.ruleID, path: path, matchHash: hash(finding.match), lineHash: hash(lineText))
    }

    public static func entries(for files: [(path: String, findings: [Finding], source: SourceText?)]) -> [Entry] {
        files.flatMap { file in file.findings.map { entry($0, path: file.path, source: file.source) } }.sorted()
    }

    public var text: String {
        ([Baseline.header] + entries.map { "\($0.rule)\t\($0.path)\t\($0.matchHash)\t\($0.lineHash)" }).joined(separator: "\n") + "\n"
    }

    public static func parse(_ text: String, file: String) throws -> Baseline {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else {
                throw LoadError(file: file, line: index + 1, message: "expected 4 tab-separated fields: rule, path, match hash, line hash")
            }
            entries.append(Entry(rule: fields[0], path: fields[1], matchHash: fields[2], lineHash: fields[3]))
        }
        return Baseline(entries: entries)
    }

    /// The findings not recorded here; each entry hides at most one finding.
    public func filter(_ findings: [Finding], path: String, source: SourceText?) -> [Finding] {
        var remaining: [Entry: Int] = [:]
        for entry in entries where entry.path == path { remaining[entry, default: 0] += 1 }
        return findings.filter { finding in
            let key = Baseline.entry(finding, path: path, source: source)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                return false
            }
            return true
        }
    }
}

import Foundation
