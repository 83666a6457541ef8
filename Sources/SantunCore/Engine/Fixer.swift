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
                bytes.replaceSubrange(start..<end, with: [])
                // "bagus, ." → "bagus.": a comma now followed by sentence punctuation or the line end.
                if start > 0 && bytes[start - 1] == 0x2C {
                    let next = start < bytes.count ? bytes[start] : 0x0A
                    if [0x2E, 0x21, 0x3F, 0x2C, 0x0A, 0x0D, 0x29].contains(next) { bytes.remove(at: start - 1) }
                }
            } else {
                bytes.replaceSubrange(start..<end, with: replacement)
            }
        }
        return Result(text: bytes, applied: applied, remaining: remaining.sorted(by: Finding.readingOrder))
    }
}
