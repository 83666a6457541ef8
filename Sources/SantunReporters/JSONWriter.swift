/// A tiny JSON writer with a fixed key order, so JSON output is byte-stable for golden files.
struct JSONWriter {
    private(set) var output = ""
    private var indent = 0
    private var first = [true]
    let pretty: Bool

    init(pretty: Bool = true) { self.pretty = pretty }

    /// Hands out what has been written so far and forgets it, keeping the nesting: a streaming
    /// reporter writes its document piece by piece, and the pieces join into the same bytes.
    mutating func take() -> String {
        defer { output = "" }
        return output
    }

    static func escape(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private mutating func separator() {
        if !first[first.count - 1] { output += "," }
        first[first.count - 1] = false
        if pretty { output += "\n" + String(repeating: "  ", count: indent) }
    }

    mutating func beginObject(key: String? = nil) { open("{", key) }
    mutating func endObject() { close("}") }
    mutating func beginArray(key: String? = nil) { open("[", key) }
    mutating func endArray() { close("]") }

    private mutating func open(_ bracket: String, _ key: String?) {
        if first.count > 1 { separator() }
        if let key { output += JSONWriter.escape(key) + (pretty ? ": " : ":") }
        output += bracket
        indent += 1
        first.append(true)
    }

    private mutating func close(_ bracket: String) {
        indent -= 1
        let empty = first.removeLast()
        if pretty && !empty { output += "\n" + String(repeating: "  ", count: indent) }
        output += bracket
    }

    mutating func value(_ key: String?, raw: String) {
        separator()
        if let key { output += JSONWriter.escape(key) + (pretty ? ": " : ":") }
        output += raw
    }

    mutating func string(_ key: String?, _ value: String) { self.value(key, raw: JSONWriter.escape(value)) }
    mutating func int(_ key: String?, _ value: Int) { self.value(key, raw: String(value)) }
    mutating func bool(_ key: String?, _ value: Bool) { self.value(key, raw: value ? "true" : "false") }
}

import Foundation
