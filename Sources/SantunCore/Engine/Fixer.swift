import Foundation

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
    /// end of the line or sentence. Stops at the first character that decides, so a deletion on
    /// a very long line costs only what follows it up to that character.
    static func onlyPunctuationOrEmojiFollows(_ bytes: GapBuffer, from index: Int) -> Bool {
        var position = index
        while position < bytes.count {
            let lead = bytes[position]
            if lead == 0x0A || lead == 0x0D { return true }
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let sequence = (position..<min(position + width, bytes.count)).map { bytes[$0] }
            position += width
            guard let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first else { return false }
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
        // Bytes already claimed by a taken edit: the overlap test costs the span's length, not
        // the number of edits taken (a long line can carry a hundred thousand fixes).
        var claimed = [Bool](repeating: false, count: source.bytes.count + 1)
        var claimedStarts = Set<Int>()
        var emptyTaken: [ByteRange] = []
        func overlapsTaken(_ range: ByteRange) -> Bool {
            if emptyTaken.contains(where: { $0.overlaps(range) }) { return true }
            if range.length == 0 {
                // Strictly inside a taken span: claimed on both sides and not where one starts.
                let o = range.offset
                return o > 0 && o < claimed.count - 1 && claimed[o - 1] && claimed[o] && !claimedStarts.contains(o)
            }
            return claimed[range.offset..<min(range.end, claimed.count - 1)].contains(true)
        }
        for finding in candidates {
            // Line ends are never rewritten (N lines in, N lines out), whatever a rule suggests.
            if finding.range.offset < 0 || finding.range.end > source.bytes.count || overlapsTaken(finding.range)
                || source.bytes[finding.range.range].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                remaining.append(finding)
                continue
            }
            applied.append(finding)
            if finding.range.length == 0 {
                emptyTaken.append(finding.range)
            } else {
                for index in finding.range.range { claimed[index] = true }
                claimedStarts.insert(finding.range.offset)
            }
        }
        remaining += findings.filter { !($0.fixable && $0.suggestions.count == 1) }
        applied.sort(by: Finding.readingOrder)

        // Edits run from the end backwards in a gap buffer, so each costs its own size plus the
        // distance from the previous edit, never a copy of the rest of the draft.
        var bytes = GapBuffer(source.bytes)
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
                bytes.replace(start..<end, with: [])
                // "bagus, ." → "bagus.": a comma now followed only by sentence punctuation, emoji
                // or the line end.
                if start > 0 && bytes[start - 1] == 0x2C && Fixer.onlyPunctuationOrEmojiFollows(bytes, from: start) {
                    bytes.replace((start - 1)..<start, with: [])
                    start -= 1
                }
                // "Gaes, ayo" → "Ayo": the sentence keeps its capital.
                if Fixer.atLineStartOf(bytes, start), wasCapitalized, start < bytes.count, bytes[start] >= 0x61, bytes[start] <= 0x7A {
                    bytes.replace(start..<(start + 1), with: [bytes[start] - 0x20])
                }
            } else {
                bytes.replace(min(start, bytes.count)..<min(max(start, end), bytes.count), with: replacement)
            }
        }
        return Result(text: bytes.contents, applied: applied, remaining: remaining.sorted(by: Finding.readingOrder))
    }

    private static func atLineStartOf(_ bytes: GapBuffer, _ index: Int) -> Bool {
        index == 0 || bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D
    }
}

/// A byte array with a movable gap: replacing a range near the previous edit costs the size of
/// the edit plus the distance moved, so a fixer working from the end back is linear overall.
struct GapBuffer {
    private var storage: [UInt8]
    private var gapStart: Int
    private var gapEnd: Int

    init(_ bytes: [UInt8]) {
        storage = bytes + [UInt8](repeating: 0, count: 256)
        gapStart = bytes.count
        gapEnd = storage.count
    }

    var count: Int { storage.count - (gapEnd - gapStart) }

    subscript(index: Int) -> UInt8 { index < gapStart ? storage[index] : storage[index + gapEnd - gapStart] }

    private mutating func moveGap(to position: Int) {
        if position < gapStart {
            let length = gapStart - position
            storage.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                _ = memmove(base + gapEnd - length, base + position, length)
            }
            gapStart = position
            gapEnd -= length
        } else if position > gapStart {
            let length = position - gapStart
            storage.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                _ = memmove(base + gapStart, base + gapEnd, length)
            }
            gapStart = position
            gapEnd += length
        }
    }

    /// Replaces `range` (in current coordinates) with `bytes`.
    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        moveGap(to: range.upperBound)
        gapStart = range.lowerBound
        if gapEnd - gapStart < bytes.count {
            let extra = max(bytes.count, storage.count / 2, 256)
            let tail = Array(storage[gapEnd...])
            storage = Array(storage[..<gapStart]) + [UInt8](repeating: 0, count: extra) + tail
            gapEnd = gapStart + extra
        }
        for byte in bytes {
            storage[gapStart] = byte
            gapStart += 1
        }
    }

    var contents: [UInt8] { Array(storage[..<gapStart]) + storage[gapEnd...] }
}
