import CICUShim

/// Maps styled, full-width, small-capital and Cyrillic or Greek look-alike letters to plain
/// lowercase ASCII for matching: NFKC_Casefold, then ICU's `Any-Latin; Latin-ASCII`.
///
/// NFKC alone misses small capitals and other scripts' look-alikes; transliteration alone misses
/// mathematical styled letters, so both run in this order. Case folding never uses a locale, so
/// a Turkish process locale cannot turn `DIBLOKIR` into `dıblokır`. Not thread-safe.
public final class LookAlikeFolder {
    private let transliterator: OpaquePointer
    private var scratch = [UInt16](repeating: 0, count: 256)
    private var folded = [UInt16](repeating: 0, count: 256)

    public init() throws {
        let id = Array("Any-Latin; Latin-ASCII".utf16)
        var error: Int32 = 0
        guard let handle = sn_trans_open(id, Int32(id.count), &error) else {
            throw ICUError(code: error, context: "open transliterator")
        }
        transliterator = handle
    }

    deinit { sn_trans_close(transliterator) }

    /// The folded form of `input` (UTF-16 code units) as lowercase UTF-8 bytes, appended to `output`.
    public func fold(_ input: UnsafeBufferPointer<UInt16>, into output: inout [UInt8]) {
        var error: Int32 = 0
        var length = Int(sn_nfkc_casefold(input.baseAddress, Int32(input.count), &folded, Int32(folded.count), &error))
        if length > folded.count {
            folded = [UInt16](repeating: 0, count: length * 2)
            length = Int(sn_nfkc_casefold(input.baseAddress, Int32(input.count), &folded, Int32(folded.count), &error))
        }
        if error > 0 { length = 0 }
        let capacity = max(length * 4 + 16, 64)
        if scratch.count < capacity { scratch = [UInt16](repeating: 0, count: capacity) }
        for index in 0..<length { scratch[index] = folded[index] }
        var textLength = Int32(length)
        _ = sn_trans_apply(transliterator, &scratch, &textLength, Int32(scratch.count), &error)
        if error > 0 { textLength = Int32(length) }
        // Latin-ASCII can produce capitals (small capitals become capitals): fold ASCII again.
        var index = 0
        let count = Int(textLength)
        while index < count {
            var scalar = UInt32(scratch[index])
            if scalar >= 0xD800 && scalar < 0xDC00 && index + 1 < count {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(scratch[index + 1]) - 0xDC00)
                index += 1
            }
            index += 1
            if scalar >= 0x41 && scalar <= 0x5A { scalar += 0x20 }
            appendUTF8(scalar, to: &output)
        }
    }
}

@inline(__always)
func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        output.append(UInt8(scalar))
    case 0x80..<0x800:
        output.append(UInt8(0xC0 | (scalar >> 6)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        output.append(UInt8(0xE0 | (scalar >> 12)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        output.append(UInt8(0xF0 | (scalar >> 18)))
        output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}
