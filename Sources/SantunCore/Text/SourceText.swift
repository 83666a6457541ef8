/// A byte range in a draft's UTF-8 text: what every token and finding points at.
public struct ByteRange: Hashable, Comparable, Sendable, Codable {
    public var offset: Int
    public var length: Int
    public var end: Int { offset + length }

    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }

    public init(_ range: Range<Int>) { self.init(offset: range.lowerBound, length: range.count) }

    public var range: Range<Int> { offset..<end }

    public func overlaps(_ other: ByteRange) -> Bool { offset < other.end && other.offset < end }
    public func contains(_ other: ByteRange) -> Bool { offset <= other.offset && other.end <= end }

    public static func < (a: ByteRange, b: ByteRange) -> Bool {
        a.offset != b.offset ? a.offset < b.offset : a.length > b.length
    }
}

/// A position as editors and SARIF show it: 1-based line, 1-based column in Unicode scalars,
/// and the 1-based column in UTF-16 code units.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var utf16Column: Int
}

/// The input was not valid UTF-8; `offset` is the first bad byte.
public struct InvalidUTF8: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public var description: String { "invalid UTF-8 at byte offset \(offset)" }
}

/// A draft, read once into a UTF-8 buffer, with a UTF-16 copy for ICU and a line table.
///
/// The source bytes are never changed: normalization builds separate keys, and every span
/// points back into `bytes`. Lines end at LF, CRLF or a lone CR; a missing final newline is fine.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    public let utf16: [UInt16]
    /// Byte offset where each line starts.
    public let lineStarts: [Int]
    /// UTF-16 index where each line starts.
    let lineStartsUTF16: [Int]
    /// Positions recorded every `checkpointSpacing` bytes, so finding a column or a byte offset
    /// in a very long line costs a binary search plus at most that many bytes, not a walk from
    /// the line's start (a 1 MB line with many findings would otherwise take minutes).
    let checkpoints: [Checkpoint]

    struct Checkpoint: Sendable {
        /// Byte offset (on a scalar boundary) and the UTF-16 index there.
        var byte: Int
        var utf16: Int
        /// 0-based scalar column within its line.
        var column: Int
    }

    static let checkpointSpacing = 256

    /// Reads UTF-8, rejecting invalid sequences with the offset of the first bad byte.
    public init(validating bytes: [UInt8]) throws {
        if let bad = SourceText.firstInvalidByte(in: bytes) { throw InvalidUTF8(offset: bad) }
        self.init(trusted: bytes)
    }

    /// Reads UTF-8, replacing invalid sequences with U+FFFD (the offsets then refer to the repaired text).
    public init(lossy bytes: [UInt8]) {
        if SourceText.firstInvalidByte(in: bytes) == nil {
            self.init(trusted: bytes)
        } else {
            self.init(trusted: Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    public init(_ string: String) { self.init(trusted: Array(string.utf8)) }

    private init(trusted bytes: [UInt8]) {
        self.bytes = bytes
        var utf16: [UInt16] = []
        utf16.reserveCapacity(bytes.count)
        var lineStarts = [0]
        var lineStartsUTF16 = [0]
        var checkpoints: [Checkpoint] = []
        var column = 0
        var nextCheckpoint = SourceText.checkpointSpacing
        var index = 0
        let count = bytes.count
        while index < count {
            if index >= nextCheckpoint {
                checkpoints.append(Checkpoint(byte: index, utf16: utf16.count, column: column))
                nextCheckpoint = index + SourceText.checkpointSpacing
            }
            column += 1
            let byte = bytes[index]
            if byte < 0x80 {
                utf16.append(UInt16(byte))
                index += 1
                if byte == 0x0A || (byte == 0x0D && (index >= count || bytes[index] != 0x0A)) {
                    lineStarts.append(index)
                    lineStartsUTF16.append(utf16.count)
                    column = 0
                }
                continue
            }
            var scalar: UInt32
            var width: Int
            if byte < 0xE0 {
                scalar = UInt32(byte & 0x1F); width = 2
            } else if byte < 0xF0 {
                scalar = UInt32(byte & 0x0F); width = 3
            } else {
                scalar = UInt32(byte & 0x07); width = 4
            }
            for next in 1..<width { scalar = (scalar << 6) | UInt32(bytes[index + next] & 0x3F) }
            index += width
            if scalar >= 0x10000 {
                let value = scalar - 0x10000
                utf16.append(UInt16(0xD800 + (value >> 10)))
                utf16.append(UInt16(0xDC00 + (value & 0x3FF)))
            } else {
                utf16.append(UInt16(scalar))
                if scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85 {
                    // Unicode line and paragraph separators end lines too, as editors show them.
                    lineStarts.append(index)
                    lineStartsUTF16.append(utf16.count)
                    column = 0
                }
            }
        }
        self.utf16 = utf16
        self.lineStarts = lineStarts
        self.lineStartsUTF16 = lineStartsUTF16
        self.checkpoints = checkpoints
    }

    /// The last checkpoint at or before a position (by byte offset or by UTF-16 index).
    /// A plain closure, not a key path: a key path is read through the runtime on every step
    /// of the search, and this runs twice for every finding.
    @inline(__always)
    private func checkpoint(atOrBefore value: Int, _ key: (Checkpoint) -> Int) -> Checkpoint? {
        var low = 0, high = checkpoints.count
        while low < high {
            let mid = (low + high) / 2
            if key(checkpoints[mid]) <= value { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : checkpoints[low - 1]
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    public static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let width: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: width = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: width = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: width = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return index
            }
            if index + width > count { return index }
            for next in 1..<width {
                let continuation = bytes[index + next]
                if continuation & 0xC0 != 0x80 { return index }
                scalar = (scalar << 6) | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return index }
            index += width
        }
        return nil
    }

    public var lineCount: Int { lineStarts.count }

    /// The UTF-16 range of each line, line end included.
    public var utf16LineRanges: [Range<Int>] {
        (0..<lineStartsUTF16.count).map { index in
            lineStartsUTF16[index]..<(index + 1 < lineStartsUTF16.count ? lineStartsUTF16[index + 1] : utf16.count)
        }
    }

    /// The 0-based line index containing a byte offset.
    public func lineIndex(ofByte offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Line and columns of a byte offset (which must lie on a scalar boundary).
    public func location(ofByte offset: Int) -> SourceLocation {
        let line = lineIndex(ofByte: offset)
        var column = 1, utf16Column = 1
        var index = lineStarts[line]
        if let mark = checkpoint(atOrBefore: offset, { $0.byte }), mark.byte > index {
            column = mark.column + 1
            utf16Column = mark.utf16 - lineStartsUTF16[line] + 1
            index = mark.byte
        }
        let bytes = self.bytes
        while index < offset && index < bytes.count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            column += 1
            utf16Column += width == 4 ? 2 : 1
            index += width
        }
        return SourceLocation(line: line + 1, column: column, utf16Column: utf16Column)
    }

    /// The byte offset of a UTF-16 index.
    public func byteOffset(ofUTF16 target: Int) -> Int {
        var low = 0, high = lineStartsUTF16.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStartsUTF16[mid] <= target { low = mid } else { high = mid - 1 }
        }
        var unit = lineStartsUTF16[low]
        var offset = lineStarts[low]
        if let mark = checkpoint(atOrBefore: target, { $0.utf16 }), mark.utf16 > unit {
            unit = mark.utf16
            offset = mark.byte
        }
        let bytes = self.bytes
        while unit < target && offset < bytes.count {
            let byte = bytes[offset]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            unit += width == 4 ? 2 : 1
            offset += width
        }
        return offset
    }

    /// The source text of a range.
    public func text(_ range: ByteRange) -> String {
        String(decoding: bytes[range.offset..<min(range.end, bytes.count)], as: UTF8.self)
    }

    /// The byte range of a 0-based line, without its line end.
    public func lineRange(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        if end - start >= 3, index + 1 < lineStarts.count {
            // U+2028 / U+2029 / U+0085 line ends.
            let tail = Array(bytes[(end - 3)..<end])
            if tail == [0xE2, 0x80, 0xA8] || tail == [0xE2, 0x80, 0xA9] { end -= 3 }
        }
        return ByteRange(offset: start, length: end - start)
    }
}
