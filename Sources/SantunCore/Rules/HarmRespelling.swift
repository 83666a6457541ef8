/// Writers who want a swear word or a slur past a filter respell it in ways that leetspeak,
/// look-alike folding and elongation do not undo, so a pack need not list each spelling:
///
/// - a doubled letter in the last syllable: `tolool`, `bangsaat`, `sialann` (three or more are
///   elongation already), onto a word of five letters or more: `cook` is not `cok`, and `peeler`
///   (its double before another vowel) is not `peler`;
/// - `q` for `k`: `gobloq`, `jancuq`, `memeq`;
/// - a final `d` for `t`: `monyed`, `jembud` (said alike at the end of a word), onto a strong
///   (`error`) word only: `bused` is not the mild `buset`;
/// - the pre-1972 `oe` for `u`, with a final `g` for `k`: `jancoeg`;
/// - `sy` or `sh` for `s`: `bangsyat`, `bangshat`;
/// - `f` or `v` for `p`: `kamfret`;
/// - a leet digit for the first letter only (`4njing`, `8abi`): leetspeak reads digits among
///   letters, and a leading digit is more often a number with a unit (`4ku`, `50rb`), so it is
///   read as a letter only where that lands on a swear word or slur.
///
/// These are Indonesian spelling habits, so a respelled word counts only where it lands on a
/// one-word swear word or slur of a rule that reads Indonesian morphology (an English pack's
/// rules do not: `shucks` is not `sucks`, `fussy` not `pussy`), never on a derived key or another
/// category, and only when nothing else knows the word as written. Checked against the 102,000
/// words of Debian's Indonesian and English Hunspell dictionaries: none of them is read as a
/// swear word through a respelling.
enum HarmRespelling {
    /// One candidate spelling, and what the word it lands on must be.
    struct Form {
        var text: String
        /// The landing word must be a strong (`error`) one.
        var strongOnly = false
    }

    /// The word's candidate spellings, or nothing for the common word that shows none of the
    /// marks. Each respelling is tried alone.
    static func standardForms(of word: String) -> [Form] {
        var word = word  // withUTF8 is mutating: it makes a bridged string contiguous first
        return word.withUTF8 { bytes -> [Form] in
            let count = bytes.count
            if count >= 4, let letter = WordNormalizer.leet[bytes[0]], bytes.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                return [Form(text: String(decoding: [letter] + bytes.dropFirst(), as: UTF8.self))]
            }
            guard count >= 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
            let original = Array(bytes)
            var forms: [Form] = []
            func add(_ form: [UInt8]?, strongOnly: Bool = false) {
                guard let form, form != original else { return }
                forms.append(Form(text: String(decoding: form, as: UTF8.self), strongOnly: strongOnly))
            }
            add(collapseLastDouble(original))
            if bytes.contains(UInt8(ascii: "q")) { add(original.map { $0 == UInt8(ascii: "q") ? UInt8(ascii: "k") : $0 }) }
            if bytes[count - 1] == UInt8(ascii: "d") { add(Array(original.dropLast()) + [UInt8(ascii: "t")], strongOnly: true) }
            if contains(bytes, UInt8(ascii: "o"), UInt8(ascii: "e")) { add(oldSpelling(original)) }
            if contains(bytes, UInt8(ascii: "s"), UInt8(ascii: "y")) || contains(bytes, UInt8(ascii: "s"), UInt8(ascii: "h")) {
                add(plainS(original))
            }
            if bytes.contains(UInt8(ascii: "f")) || bytes.contains(UInt8(ascii: "v")) {
                add(original.map { $0 == UInt8(ascii: "f") || $0 == UInt8(ascii: "v") ? UInt8(ascii: "p") : $0 })
            }
            return forms
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 1..<bytes.count where bytes[index - 1] == first && bytes[index] == second { return true }
        return false
    }

    /// The last pair of equal letters made one, when no vowel follows it (it is in the last
    /// syllable) and the result has five letters or more; else nil.
    static func collapseLastDouble(_ word: [UInt8]) -> [UInt8]? {
        guard word.count >= 6 else { return nil }
        var index = word.count - 1
        while index > 0 {
            if word[index] == word[index - 1] {
                guard !word[(index + 1)...].contains(where: WordNormalizer.isVowel) else { return nil }
                var out = word
                out.remove(at: index)
                return out
            }
            index -= 1
        }
        return nil
    }

    /// `oe` → `u`, and then a final `g` → `k` (`jancoeg` → `jancuk`).
    static func oldSpelling(_ word: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var index = 0
        while index < word.count {
            if index + 1 < word.count, word[index] == UInt8(ascii: "o"), word[index + 1] == UInt8(ascii: "e") {
                out.append(UInt8(ascii: "u"))
                index += 2
            } else {
                out.append(word[index])
                index += 1
            }
        }
        if out.last == UInt8(ascii: "g"), out.count >= 2, out[out.count - 2] != UInt8(ascii: "n") { out[out.count - 1] = UInt8(ascii: "k") }
        return out
    }

    /// `sy` and `sh` → `s`.
    static func plainS(_ word: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        for byte in word {
            if (byte == UInt8(ascii: "y") || byte == UInt8(ascii: "h")), out.last == UInt8(ascii: "s") { continue }
            out.append(byte)
        }
        return out
    }
}
