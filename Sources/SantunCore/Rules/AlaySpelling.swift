/// Alay writing respells a few letters of any chat word, so a pack need not list each spelling:
///
/// - `ch` for a final `h` after a vowel: `nich` (nih), `sich` (sih), `dech` (deh), `udach` (udah);
/// - `nk` for a final `ng`: `donk` (dong), `sayank` (sayang);
/// - `q` for `k`: `koq` (kok), `qamu` (kamu), `tauq` (tauk).
///
/// Native Indonesian words never end in `ch` or `nk` and write no `q` (loans such as `Quran` or
/// `Iqbal` do), so these spellings mark a chat word; but English words do (`much`, `bank`,
/// `quota`). A respelled word therefore counts only where it lands on a word a slang rule lists
/// (see `LexiconMatcher.alayHit`), never on a derived spelling and never for another category:
/// `bank` is not read as `bang`, `such` not as anything.
enum AlaySpelling {
    /// The word's standard spellings under each respelling that applies, or nothing for the
    /// common word that shows none of the marks (checked on the last bytes and one scan for `q`).
    static func standardForms(of word: String) -> [String] {
        var word = word  // withUTF8 is mutating: it makes a bridged string contiguous first
        return word.withUTF8 { bytes -> [String] in
            let count = bytes.count
            guard count >= 3 else { return [] }
            var forms: [String] = []
            let last = bytes[count - 1], beforeLast = bytes[count - 2]
            if last == UInt8(ascii: "h"), beforeLast == UInt8(ascii: "c"), WordNormalizer.isVowel(bytes[count - 3]) {
                forms.append(String(decoding: bytes[..<(count - 2)], as: UTF8.self) + "h")
            }
            if last == UInt8(ascii: "k"), beforeLast == UInt8(ascii: "n"), WordNormalizer.isVowel(bytes[count - 3]) {
                forms.append(String(decoding: bytes[..<(count - 1)], as: UTF8.self) + "g")
            }
            if bytes.contains(UInt8(ascii: "q")) {
                forms.append(String(decoding: bytes.map { $0 == UInt8(ascii: "q") ? UInt8(ascii: "k") : $0 }, as: UTF8.self))
            }
            return forms
        }
    }
}
