/// Applies the safely fixable findings of a draft, changing only the reported spans.
///
/// Suggestions arrive already cased and reduplicated by the engine; the fixer adds what a
/// deletion needs so the sentence stays clean (`bagus sih, hehe.` → `bagus.`): the space
/// before a deleted word goes with it, and so does a comma left with nothing after it. Line
/// ends are never touched, so N lines in give N lines out.
public enum Fixer {
    public struct Result: Sendable {
        public var text: [UInt8]
        public var applied: [Finding]
        /// Findings that need a human: not fixable, or overlapping an applied fix.
        public var remaining: [Finding]
    }

    /// True when nothing but spaces, emoji or closing punctuation stands between `index` and the
    /// end of the line or sentence.
    static func onlyPunctuationOrEmojiFollows(_ bytes: [UInt8], from index: Int) -> Bool {
        var end = index
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        for scalar in String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar.properties.isEmojiPresentation || scalar.properties.isEmojiModifier
                || scalar.value == 0x200D || scalar.value == 0xFE0F || (scalar.properties.isEmoji && scalar.value > 0xFF) { continue }
            return ".!?,)".unicodeScalars.contains(scalar)
        }
        return true
    }

    public static func fix(_ source: SourceText, findings: [Finding]) -> Result {
        var applied: [Finding] = []
        var remaining: [Finding] = []
        // Harm first, then reading order; skip any edit overlapping one already taken.
        let candidates = findings.filter { $0.fixable && $0.suggestions.count == 1 }
            .sorted { a, b in
                a.category.priority != b.category.priority ? a.category.priority > b.category.priority
                    : Finding.readingOrder(a, b)
            }
        for finding in candidates {
            if applied.contains(where: { $0.range.overlaps(finding.range) }) { remaining.append(finding) } else { applied.append(finding) }
        }
        remaining += findings.filter { !($0.fixable && $0.suggestions.count == 1) }
        applied.sort(by: Finding.readingOrder)

        var bytes = source.bytes
        for finding in applied.reversed() {
            let replacement = Array(finding.suggestions[0].utf8)
            var start = finding.range.offset, end = finding.range.end
            if replacement.isEmpty {
                // Take the spaces before the word; at a line start take the spaces after it instead.
                var before = start
                while before > 0 && (bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09) { before -= 1 }
                let atLineStart = before == 0 || bytes[before - 1] == 0x0A || bytes[before - 1] == 0x0D
                if atLineStart {
                    while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
                    // A comma that only separated the deleted word from the rest.
                    if end < bytes.count && bytes[end] == 0x2C {
                        end += 1
                        while end < bytes.count && bytes[end] == 0x20 { end += 1 }
                    }
                } else {
                    start = before
                }
                let wasCapitalized = source.bytes[finding.range.offset] >= 0x41 && source.bytes[finding.range.offset] <= 0x5A
                bytes.replaceSubrange(start..<end, with: [])
                // "bagus, ." → "bagus.": a comma now followed only by sentence punctuation, emoji
                // or the line end.
                if start > 0 && bytes[start - 1] == 0x2C && Fixer.onlyPunctuationOrEmojiFollows(bytes, from: start) {
                    bytes.remove(at: start - 1)
                }
                // "Gaes, ayo" → "Ayo": the sentence keeps its capital.
                if Fixer.atLineStartOf(bytes, start), wasCapitalized, start < bytes.count, bytes[start] >= 0x61, bytes[start] <= 0x7A {
                    bytes[start] -= 0x20
                }
            } else {
                bytes.replaceSubrange(start..<end, with: replacement)
            }
        }
        return Result(text: bytes, applied: applied, remaining: remaining.sorted(by: Finding.readingOrder))
    }

    private static func atLineStartOf(_ bytes: [UInt8], _ index: Int) -> Bool {
        index == 0 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D
    }
}
