import SantunCore

/// The versioned JSON schema: `{"version": 1, "files": [{"path", "findings": [...]}]}`, each
/// finding with exactly the keys rule, category, severity, message, match, line, column,
/// endLine, endColumn, offset, length (UTF-8 bytes), suggestions and fixable.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func render(_ report: Report) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.int("version", JSONReporter.schemaVersion)
        json.beginArray(key: "files")
        for file in report.files {
            json.beginObject()
            json.string("path", file.path)
            json.beginArray(key: "findings")
            for finding in file.findings {
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
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}
