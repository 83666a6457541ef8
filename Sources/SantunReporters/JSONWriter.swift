/// A tiny JSON writer with a fixed key order, so JSON output is byte-stable for golden files.
///
/// It writes UTF-8 bytes, not `String` pieces: an audit of a year of posts prints hundreds of
/// thousands of findings, and appending escaped strings scalar by scalar was a third of a whole
/// `check --format json` run. Text is copied in runs between the bytes that need escaping.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private var indent = 0
    private var first = [true]
    let pretty: Bool

    init(pretty: Bool = true) { self.pretty = pretty }

    /// What has been written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands out what has been written so far and forgets it, keeping the nesting: a streaming
    /// reporter writes its document piece by piece, and the pieces join into the same bytes.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// and U+2028/U+2029 too, which end a line in JavaScript.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text  // withUTF8 is mutating: it makes a bridged string contiguous first
        text.withUTF8 { utf8 in
            var runStart = 0, index = 0
            let count = utf8.count
            func flush(upTo end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            func escapeUnicode(_ value: UInt32) {
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "u"))
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)]) }
            }
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    flush(upTo: index)
                    escapeUnicode(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 3
                    runStart = index
                    continue
                }
                flush(upTo: index)
                // A quote or backslash is escaped as itself, three control characters by letter,
                // the others by code.
                let letter: UInt8? = switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte
                case 0x0A: UInt8(ascii: "n")
                case 0x0D: UInt8(ascii: "r")
                case 0x09: UInt8(ascii: "t")
                default: nil
                }
                if let letter {
                    out.append(UInt8(ascii: "\\"))
                    out.append(letter)
                } else {
                    escapeUnicode(UInt32(byte))
                }
                index += 1
                runStart = index
            }
            flush(upTo: count)
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func separator() {
        if !first[first.count - 1] { bytes.append(UInt8(ascii: ",")) }
        first[first.count - 1] = false
        if pretty { newline() }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private mutating func key(_ key: String?) {
        guard let key else { return }
        JSONWriter.appendEscaped(key, to: &bytes)
        if pretty { append(": ") } else { append(":") }
    }

    mutating func beginObject(key: String? = nil) { open(UInt8(ascii: "{"), key) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray(key: String? = nil) { open(UInt8(ascii: "["), key) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8, _ key: String?) {
        if first.count > 1 { separator() }
        self.key(key)
        bytes.append(bracket)
        indent += 1
        first.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 1
        let empty = first.removeLast()
        if pretty && !empty { newline() }
        bytes.append(bracket)
    }

    mutating func value(_ key: String?, raw: String) {
        separator()
        self.key(key)
        append(raw)
    }

    mutating func string(_ key: String?, _ value: String) {
        separator()
        self.key(key)
        JSONWriter.appendEscaped(value, to: &bytes)
    }

    mutating func int(_ key: String?, _ value: Int) { self.value(key, raw: String(value)) }
    mutating func bool(_ key: String?, _ value: Bool) {
        separator()
        self.key(key)
        if value { append("true") } else { append("false") }
    }
}
