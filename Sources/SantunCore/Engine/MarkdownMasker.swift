/// Blanks out the parts of a Markdown draft that are not prose — YAML front matter, fenced
/// and indented code, inline code, link and image targets, HTML comments and tags — by
/// replacing their bytes with spaces. Line ends stay, and every byte keeps its offset, so
/// findings in the masked text point exactly into the original file.
public enum MarkdownMasker {
    public static func mask(_ source: SourceText) -> SourceText {
        var bytes = source.bytes
        func blank(_ range: Range<Int>) {
            for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
        }
        var lineStart = 0
        var line = 0
        var inFrontMatter = false
        var fence: [UInt8]? = nil
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let text = Array(bytes[lineStart..<contentEnd])
            let trimmed = text.drop { $0 == 0x20 }
            if line == 0 && text == Array("---".utf8) {
                inFrontMatter = true
                blank(lineStart..<contentEnd)
            } else if inFrontMatter {
                blank(lineStart..<contentEnd)
                if text == Array("---".utf8) || text == Array("...".utf8) { inFrontMatter = false }
            } else if let open = fence {
                blank(lineStart..<contentEnd)
                if trimmed.starts(with: open) { fence = nil }
            } else if trimmed.starts(with: Array("```".utf8)) || trimmed.starts(with: Array("~~~".utf8)) {
                fence = Array(trimmed.prefix(3))
                blank(lineStart..<contentEnd)
            } else if text.starts(with: Array("    ".utf8)) || text.first == 0x09 {
                blank(lineStart..<contentEnd)
            }
            lineStart = lineEnd + 1
            line += 1
        }
        // Inline spans: `code`, <!-- comments -->, <tags>, and the targets of [text](target).
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x60 {  // `code`
                var end = index + 1
                while end < bytes.count && bytes[end] != 0x60 && bytes[end] != 0x0A { end += 1 }
                if end < bytes.count && bytes[end] == 0x60 { blank(index..<(end + 1)); index = end + 1; continue }
            } else if byte == 0x3C {
                if bytes[index...].starts(with: Array("<!--".utf8)) {
                    var end = index + 4
                    while end + 3 <= bytes.count && !bytes[end..<(end + 3)].elementsEqual(Array("-->".utf8)) { end += 1 }
                    let stop = min(bytes.count, end + 3)
                    blank(index..<stop)
                    index = stop
                    continue
                }
                if index + 1 < bytes.count, isLetter(bytes[index + 1]) || bytes[index + 1] == 0x2F {
                    var end = index + 1
                    while end < bytes.count && bytes[end] != 0x3E && bytes[end] != 0x0A && bytes[end] != 0x3C { end += 1 }
                    if end < bytes.count && bytes[end] == 0x3E {
                        blank(index..<(end + 1))
                        index = end + 1
                        continue
                    }
                }
            } else if byte == 0x5D && index + 1 < bytes.count && bytes[index + 1] == 0x28 {  // ](target)
                var end = index + 2
                while end < bytes.count && bytes[end] != 0x29 && bytes[end] != 0x0A { end += 1 }
                if end < bytes.count && bytes[end] == 0x29 { blank((index + 2)..<end); index = end + 1; continue }
            }
            index += 1
        }
        return (try? SourceText(validating: bytes)) ?? source
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
}
