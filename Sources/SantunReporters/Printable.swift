/// Makes draft text safe to print on one terminal line. A match can hold a line break (a span
/// across lines) or a control character (an escape sequence pasted into a draft); printed raw,
/// the first breaks `path:line:col` parsing and the second could drive the reader's terminal.
/// Each such scalar becomes one visible scalar, so columns stay as they were.
enum Printable {
    static func line(_ text: String) -> String {
        // Nearly every message and path has nothing to replace: it is returned as it is.
        needsReplacing(text) ? replacing(text) : text
    }

    /// `line`'s replacements, scalar by scalar.
    static func replacing(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: out.append("⏎")
            case 0x09: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `line` would replace a scalar: read from the UTF-8 bytes, since building the
    /// output scalar by scalar cost more than checking every finding of a large report.
    static func needsReplacing(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return true }
                // U+0080–U+009F (NEL among them) are C2 80–C2 9F; U+2028 and U+2029 are E2 80 A8/A9.
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return true }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                   bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
                index += 1
            }
            return false
        }
    }
}
