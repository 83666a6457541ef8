import SantunCore

/// SARIF 2.1.0 for GitHub code scanning: the rules that fired with their help text, results
/// with levels, regions in UTF-16 columns (SARIF's default), and partial fingerprints from the
/// rule, the matched text and the line's text, so alerts stay stable when lines move.
public struct SARIFReporter: Reporter {
    public init() {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    public func render(_ report: Report) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.string("version", "2.1.0")
        json.beginArray(key: "runs")
        json.beginObject()
        json.beginObject(key: "tool")
        json.beginObject(key: "driver")
        json.string("name", "santun")
        json.string("version", report.toolVersion)
        json.string("informationUri", "https://github.com/santun-lint/santun")
        json.beginArray(key: "rules")
        let fired = Set(report.allFindings.map(\.ruleID)).sorted()
        for id in fired {
            json.beginObject()
            json.string("id", id)
            if let info = report.rules[id] {
                json.beginObject(key: "shortDescription")
                json.string("text", info.summary)
                json.endObject()
                json.beginObject(key: "help")
                json.string("text", info.rationale)
                json.endObject()
                json.beginObject(key: "defaultConfiguration")
                json.string("level", SARIFReporter.level(info.severity))
                json.endObject()
                json.beginObject(key: "properties")
                json.string("category", info.category)
                json.endObject()
            } else {
                json.beginObject(key: "shortDescription")
                json.string("text", id)
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
        json.string("columnKind", "utf16CodeUnits")
        json.beginArray(key: "results")
        for file in report.files {
            var occurrences: [String: Int] = [:]
            for finding in file.findings {
                json.beginObject()
                json.string("ruleId", finding.ruleID)
                json.int("ruleIndex", fired.firstIndex(of: finding.ruleID) ?? 0)
                json.string("level", SARIFReporter.level(finding.severity))
                json.beginObject(key: "message")
                var text = finding.message
                if let suggestion = finding.suggestions.first, !suggestion.isEmpty { text += " Saran: \(suggestion)" }
                json.string("text", text)
                json.endObject()
                json.beginArray(key: "locations")
                json.beginObject()
                json.beginObject(key: "physicalLocation")
                json.beginObject(key: "artifactLocation")
                json.string("uri", SARIFReporter.uri(file.path))
                json.endObject()
                json.beginObject(key: "region")
                json.int("startLine", finding.start.line)
                json.int("startColumn", finding.start.utf16Column)
                json.int("endLine", finding.end.line)
                json.int("endColumn", finding.end.utf16Column)
                json.int("byteOffset", finding.range.offset)
                json.int("byteLength", finding.range.length)
                json.endObject()
                json.endObject()
                json.endObject()
                json.endArray()
                json.beginObject(key: "partialFingerprints")
                let key = SARIFReporter.fingerprintKey(finding, file)
                occurrences[key, default: 0] += 1
                json.string("santunFinding/v1", key + ":" + String(occurrences[key]!))
                json.endObject()
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// A URI reference for a path: relative paths stay relative (code scanning resolves them
    /// against the repository), absolute ones become `file://` URIs; spaces and non-ASCII
    /// letters are percent-encoded as UTF-8.
    static func uri(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let char = Character(Unicode.Scalar(byte))
            if byte < 0x80, char.isLetter || char.isNumber || "-._~/".contains(char) { out.append(char) } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// What identifies a finding apart from its line number: the rule, the matched text and the
    /// trimmed text of its line (as masked, when redacted). The caller appends `:n` for the n-th
    /// finding with the same key in the file, as GitHub's own line hashes do, so identical
    /// findings on identical lines stay apart.
    static func fingerprintKey(_ finding: Finding, _ file: FileReport) -> String {
        var lineText = ""
        if let source = file.source, finding.start.line - 1 < source.lineCount {
            lineText = source.text(source.lineRange(finding.start.line - 1))
        }
        let key = finding.ruleID + "\u{1F}" + finding.match + "\u{1F}" + lineText.trimmingCharacters(in: .whitespaces)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
