/// Makes draft text safe to print on one terminal line. A match can hold a line break (a span
/// across lines) or a control character (an escape sequence pasted into a draft); printed raw,
/// the first breaks `path:line:col` parsing and the second could drive the reader's terminal.
/// Each such scalar becomes one visible scalar, so columns stay as they were.
enum Printable {
    static func line(_ text: String) -> String {
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
}
