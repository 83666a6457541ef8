import SantunCore

/// How explanations and practice feedback look in a terminal. Colour only ever doubles what
/// the words and markers already say (“Salah”, “Masih ada”, ⟦…⟧), so a screen reader or a
/// colour-blind trainee loses nothing. `plain` swaps the mathematical brackets and symbols for
/// ASCII, which every screen reader pronounces and every font has.
public struct TextStyle: Sendable {
    public var color: Bool
    public var plain: Bool
    public var width: Int

    public init(color: Bool = false, plain: Bool = false, width: Int = 78) {
        self.color = color
        self.plain = plain
        self.width = width
    }

    func paint(_ text: String, _ code: String) -> String { color && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func bold(_ text: String) -> String { paint(text, "1") }
    func good(_ text: String) -> String { paint(text, "32") }
    func bad(_ text: String) -> String { paint(text, "31") }
    func warn(_ text: String) -> String { paint(text, "33") }

    var open: String { plain ? "[[" : "⟦" }
    var close: String { plain ? "]]" : "⟧" }

    /// Text with the given byte ranges enclosed in markers (and underlined when in colour).
    func marked(_ text: String, _ ranges: [ByteRange]) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var position = 0
        for range in ranges.sorted() where range.offset >= position && range.end <= bytes.count {
            out += String(decoding: bytes[position..<range.offset], as: UTF8.self)
            out += open + paint(String(decoding: bytes[range.offset..<range.end], as: UTF8.self), "4;1") + close
            position = range.end
        }
        return out + String(decoding: bytes[position...], as: UTF8.self)
    }

    /// Symbols that lead a line; words always follow them.
    var yes: String { plain ? "+" : "✓" }
    var no: String { plain ? "-" : "✗" }
    var arrow: String { plain ? "->" : "→" }
    var bang: String { "!" }

    /// Wraps prose at the style's width, every line after the first starting with `indent`.
    func wrap(_ text: String, indent: String, firstIndent: String? = nil) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var lines: [String] = []
        var line = firstIndent ?? indent
        var lineHasWord = false
        for word in words {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
