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
        // A final u written w (kalau → klw, tahu → thw).
        if word.hasSuffix("u") { forms.insert(String(skeleton) + "w") }
        // The skeleton keeping ng (jangan → jngn, banget → bngt), and for -ngan without its last
        // n (dengan → dng, jangan → jng).
        let keepingNG = String(letters.enumerated().filter { $0.offset == 0 || !vowels.contains($0.element) }.map(\.element))
        forms.insert(keepingNG)
        if word.hasSuffix("ngan") { forms.insert(String(keepingNG.dropLast())) }
        // A key must be 2–6 letters, and differ from the word and from any word with vowels.
        var keys = forms.filter { key in
            key.count >= 2 && key.count <= 6 && key != word && key.dropFirst().allSatisfy { !vowels.contains($0) }
        }
        keys.formUnion(partialForms(of: letters))
        return keys.subtracting(englishWords)
    }

    /// Derived keys that are English words Indonesian posts mix in (`in`, `it`, `and` from ini,
    /// itu, anda): in `check in at the desk` they are English, and chat writes those formal
    /// words otherwise (`ni`, `tu`, `nda`). A pack can still list one as a variant.
    static let englishWords: Set<String> = [
        "an", "and", "as", "at", "by", "if", "in", "is", "it", "my", "of", "on", "or", "up", "us",
    ]

    /// The keys that keep every consonant of the word: the skeleton (with ng as g or as written)
    /// and the partial forms. The other keys drop a nasal, r or h, or a doubled letter.
    public static func primaryForms(of word: String) -> Set<String> {
        guard word.count >= 3, word.allSatisfy({ $0.isLetter && $0.isASCII }) else { return [] }
        let letters = Array(word)
        let skeleton = String(letters.enumerated().filter { $0.offset == 0 || !vowels.contains($0.element) }.map(\.element))
        var result: Set<String> = [skeleton, skeleton.replacingOccurrences(of: "ng", with: "g")]
        result.formUnion(partialForms(of: letters))
        return result
    }

    /// Writers often drop only the first vowels and keep the last ones: `smoga`, `bnyak`,
    /// `mngkin`, `pdhal`, `sndri` (semoga, banyak, mungkin, padahal, sendiri). The first k vowels
    /// after the first letter are dropped, for every k that leaves a vowel, with `ng` kept or
    /// written `g` (mgkin).
    static func partialForms(of letters: [Character]) -> Set<String> {
        let positions = letters.indices.dropFirst().filter { vowels.contains(letters[$0]) }
        guard positions.count >= 2 else { return [] }
        var forms: Set<String> = []
        for k in 1..<positions.count {
            let dropped = Set(positions.prefix(k))
            let kept = letters.indices.filter { !dropped.contains($0) }.map { letters[$0] }
            let form = String(kept)
            forms.insert(form)
            forms.insert(form.replacingOccurrences(of: "ng", with: "g"))
        }
        let word = String(letters)
        return forms.filter { $0.count >= 3 && $0.count <= 8 && $0 != word && !SpokenSpelling.standardWords.contains($0) }
    }

    /// Units of measure and times of day written after a number (`5 km`, `10 cm`, `2 kg`,
    /// `7 pm`), which are not chat.
    static let units: Set<String> = [
        "km", "cm", "mm", "dm", "hm", "kg", "mg", "gr", "hg", "ml", "dl", "cl", "kl", "lt", "kb", "mb", "gb",
        "tb", "kw", "kwh", "mw", "hz", "khz", "mhz", "ghz", "db", "ms", "rb", "jt", "pk", "ps", "cc",
        "pcs", "pc", "m", "g", "l", "mp", "px", "pt", "am", "pm",
    ]

    /// A skeleton counts as a chat abbreviation only when written in lowercase, not a unit right
    /// after a number (`5 km`, `10 cm`; `3 hr` for hari is chat) and not followed by a period
    /// (`dll.`, `tsb.` are EYD abbreviations), nor a title before a name (`Ms Rina`, `St Regis`).
    /// `periodMarksAbbreviation` is false for the skeleton of a colloquial word (`pgn` for pengen):
    /// no EYD abbreviation stands for it, so a period after it ends the sentence.
    static func isChatStyle(_ token: Token, in tokens: [Token], _ index: Int, _ source: SourceText,
                            periodMarksAbbreviation: Bool = true) -> Bool {
        let bytes = source.bytes[token.range.range]
        if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) && bytes.count > 1
            && bytes.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return false }
        if let first = bytes.first, first >= 0x41 && first <= 0x5A,
           index + 1 < tokens.count, tokens[index + 1].kind == .word,
           let next = source.bytes[tokens[index + 1].range.range].first, next >= 0x41 && next <= 0x5A {
            return false
        }
        if index > 0, tokens[index - 1].kind == .number || tokens[index - 1].kind == .money || tokens[index - 1].kind == .percent,
           units.contains(token.normalized) {
            return false
        }
        if periodMarksAbbreviation, index + 1 < tokens.count, tokens[index + 1].kind == .punct,
           tokens[index + 1].range.offset == token.range.end,
           source.bytes[tokens[index + 1].range.offset] == 0x2E {
            return false
        }
        return true
    }
}
