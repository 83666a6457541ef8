import CDigest

/// Salted SHA-256 digests of normalized phrases, so a company's confidential codenames can
/// live in a rules file that leaks nothing. The key is the phrase's letters and digits,
/// lowercased, without spaces: `Proyek Garuda`, `PROYEK  GARUDA` and `#ProyekGaruda` share it.
public enum HashedTerm {
    /// The matching key of a phrase: lowercase ASCII letters and digits of its normalized words.
    public static func key(normalizedWords words: [String]) -> String {
        String(String.UnicodeScalarView(words.joined().unicodeScalars.filter {
            ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
        }))
    }

    public static func digest(salt: String, key: String) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        let bytes = Array(salt.utf8) + Array(key.utf8)
        bytes.withUnsafeBufferPointer { sn_sha256($0.baseAddress, $0.count, &digest) }
        return digest
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func bytes(fromHex hex: String) -> [UInt8]? {
        var result: [UInt8] = []
        var high: UInt8? = nil
        for char in hex.utf8 {
            let value: UInt8
            switch char {
            case 0x30...0x39: value = char - 0x30
            case 0x61...0x66: value = char - 0x61 + 10
            default: return nil
            }
            if let h = high { result.append(h << 4 | value); high = nil } else { high = value }
        }
        return high == nil ? result : nil
    }
}
