/// Accumulates HTML, with every piece of text escaped on the way in. Reporters write markup
/// only through `raw` with constant strings or values they escaped, and user text only
/// through `text`/`element`, so a draft containing `<script>` stays text.
struct HTMLBuilder {
    private(set) var output = ""

    /// Escapes text for element content and for double- or single-quoted attribute values.
    /// Control characters other than tab and line ends are dropped: they are invalid in XML
    /// and would make the page unparseable for tools.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func raw(_ markup: String) { output += markup }
    mutating func text(_ text: String) { output += HTMLBuilder.escape(text) }

    /// `<name>text</name>` with the text escaped.
    mutating func element(_ name: String, _ text: String) {
        output += "<\(name)>" + HTMLBuilder.escape(text) + "</\(name)>"
    }
}
