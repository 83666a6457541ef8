/// Chat abbreviations written as consonant skeletons of a formal word: `pd` (pada), `dgn`
/// (dengan), `skrg` (sekarang), `utk` (untuk), `spt` (seperti), `tdk` (tidak).
///
/// Writers drop the vowels, write `ng` as `g`, and often drop a nasal or an `r` before another
/// consonant, so each formal word yields a few keys. A rule lists formal words; the engine
/// derives the abbreviations, so the pack does not have to list every spelling.
public enum ChatAbbreviation {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// The abbreviation keys of a lowercase formal word.
    public static func forms(of word: String) -> Set<String> {
        guard word.count >= 3, word.allSatisfy({ $0.isLetter && $0.isASCII }) else { return [] }
        let letters = Array(word)
        var skeleton: [Character] = []
        var index = 0
        while index < letters.count {
            let char = letters[index]
            if char == "n" && index + 1 < letters.count && letters[index + 1] == "g" {
                skeleton.append("g")  // ng → g: dengan → dgn, yang → yg
                index += 2
                continue
            }
            if index == 0 || !vowels.contains(char) { skeleton.append(char) }
            index += 1
        }
        var forms: Set<String> = [String(skeleton)]
        // Doubled consonants written once: tanggal → tgl.
        var single: [Character] = []
        for char in skeleton where single.last != char { single.append(char) }
        forms.insert(String(single))
        // Without a nasal before a consonant (untuk → utk, sampai → smp stays), or an r before one (seperti → spt).
        for dropped in ["n", "m", "r", "h"] {
            var reduced: [Character] = []
            for (position, char) in skeleton.enumerated() {
                let beforeConsonant = position + 1 < skeleton.count && !vowels.contains(skeleton[position + 1])
                if position > 0 && String(char) == dropped && (beforeConsonant || (dropped == "h" && position == skeleton.count - 1)) { continue }
                reduced.append(char)
            }
            forms.insert(String(reduced))
        }
        // A key must be 2–5 letters, and differ from the word and from any word with vowels.
        return forms.filter { key in
            key.count >= 2 && key.count <= 5 && key != word && key.dropFirst().allSatisfy { !vowels.contains($0) }
        }
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
