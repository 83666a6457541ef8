import SantunCore

/// The versioned JSON schema: `{"version": 1, "files": [{"path", "findings": [...]}]}`, each
/// finding with exactly the keys rule, category, severity, message, match, line, column,
/// endLine, endColumn, offset, length (UTF-8 bytes), suggestions and fixable.
public struct JSONReporter: Reporter, StreamingReporter {
    public static let schemaVersion = 1

    /// The document written so far; its nesting carries over from piece to piece.
    private var json = JSONWriter()

    public init() {}

    public mutating func begin() -> String {
        json.beginObject()
        json.int("version", JSONReporter.schemaVersion)
        json.beginArray(key: "files")
        return json.take()
    }

    public mutating func piece(_ piece: FileReport, first: Bool, last: Bool) -> String {
        if first {
            json.beginObject()
            json.string("path", piece.path)
            json.beginArray(key: "findings")
        }
        for finding in piece.findings {
            json.beginObject()
            json.string("rule", finding.ruleID)
            json.string("category", finding.category.rawValue)
            json.string("severity", finding.severity.rawValue)
            json.string("message", finding.message)
            json.string("match", finding.match)
            json.int("line", finding.start.line)
            json.int("column", finding.start.column)
            json.int("endLine", finding.end.line)
            json.int("endColumn", finding.end.column)
            json.int("offset", finding.range.offset)
            json.int("length", finding.range.length)
            json.beginArray(key: "suggestions")
            for suggestion in finding.suggestions { json.string(nil, suggestion) }
            json.endArray()
            json.bool("fixable", finding.fixable)
            json.endObject()
        }
        if last {
            json.endArray()
            json.endObject()
        }
        return json.take()
    }

    public mutating func end() -> String {
        json.endArray()
        json.endObject()
        return json.take() + "\n"
    }
}
