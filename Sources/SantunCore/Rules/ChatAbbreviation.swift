/// Chat abbreviations written as consonant skeletons of a formal word: `pd` (pada), `dgn`
/// (dengan), `skrg` (sekarang), `utk` (untuk), `spt` (seperti), `tdk` (tidak).
///
/// Writers drop the vowels, write `ng` as `g`, and often drop a nasal or an `r` before another
/// consonant, so each formal word yields a few keys. A rule lists formal words; the engine
/// derives the abbreviations, so the pack does not have to list every spelling.
public enum ChatAbbreviation {
    @inline(__always) static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75  // a e i o u
    }

    /// The abbreviation keys of a lowercase formal word. (Bytes, not characters: only ASCII
    /// letters qualify, and this runs for every entry of an abbreviation rule at each start.)
    public static func forms(of word: String) -> Set<String> {
        let letters = Array(word.utf8)
        guard letters.count >= 3, letters.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }) else { return [] }
        let g = UInt8(ascii: "g"), n = UInt8(ascii: "n")
        var skeleton: [UInt8] = []
        var index = 0
        while index < letters.count {
            let char = letters[index]
            if char == n && index + 1 < letters.count && letters[index + 1] == g {
                skeleton.append(g)  // ng → g: dengan → dgn, yang → yg
                index += 2
                continue
            }
            if index == 0 || !isVowel(char) { skeleton.append(char) }
            index += 1
        }
        var candidates: [[UInt8]] = [skeleton]
        // Doubled consonants written once: tanggal → tgl.
        var single: [UInt8] = []
        for char in skeleton where single.last != char { single.append(char) }
        candidates.append(single)
        // Without a nasal before a consonant (untuk → utk, sampai → smp stays), or an r before one (seperti → spt).
        for dropped in [n, UInt8(ascii: "m"), UInt8(ascii: "r"), UInt8(ascii: "h")] {
            var reduced: [UInt8] = []
            for (position, char) in skeleton.enumerated() {
                let beforeConsonant = position + 1 < skeleton.count && !isVowel(skeleton[position + 1])
                if position > 0 && char == dropped
                    && (beforeConsonant || (dropped == UInt8(ascii: "h") && position == skeleton.count - 1)) { continue }
                reduced.append(char)
            }
            candidates.append(reduced)
        }
        // A key must be 2–5 letters, and differ from the word and from any word with vowels.
        var forms = Set<String>()
        for key in candidates where key.count >= 2 && key.count <= 5 && key != letters && !key.dropFirst().contains(where: isVowel) {
            forms.insert(String(decoding: key, as: UTF8.self))
        }
        return forms
    }

    /// A skeleton counts as a chat abbreviation only when written in lowercase, not right after
    /// a number (`5 km`, `10 cm` are units) and not followed by a period (`dll.`, `tsb.` are EYD
    /// abbreviations).
    static func isChatStyle(_ token: Token, in tokens: [Token], _ index: Int, _ source: SourceText) -> Bool {
        let bytes = source.bytes[token.range.range]
        if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) && bytes.count > 1
            && bytes.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return false }
        if index > 0, tokens[index - 1].kind == .number || tokens[index - 1].kind == .money || tokens[index - 1].kind == .percent {
            return false
        }
        if index + 1 < tokens.count, tokens[index + 1].kind == .punct, tokens[index + 1].range.offset == token.range.end,
           source.bytes[tokens[index + 1].range.offset] == 0x2E {
            return false
        }
        return true
    }
}
