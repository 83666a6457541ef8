/// Turns the lowercase form of a word into its matching key: undoes letters spaced or hyphenated
/// out, leetspeak, elongation and reduplication, recording each in `TokenFlags`.
///
/// Pure Swift over bytes, so it is cheap for the plain ASCII words that make up most drafts.
struct WordNormalizer {
    struct Result {
        var normalized: String
        var base: String?
        var alternate: String?
        var flags: TokenFlags
    }

    /// Reduplicated words whose single half is not the word (`kupu-kupu` is a butterfly, not
    /// many `kupu`). They stay whole.
    static let lexicalizedReduplications: Set<String> = [
        "kupu-kupu", "laba-laba", "ubur-ubur", "kura-kura", "biri-biri", "cumi-cumi", "paru-paru",
        "mata-mata", "oleh-oleh", "alun-alun", "agar-agar", "anai-anai", "onde-onde", "gado-gado",
        "ondel-ondel", "undur-undur", "rama-rama", "pura-pura", "kunang-kunang", "lumba-lumba",
        "tiba-tiba", "hati-hati", "masing-masing", "sia-sia", "kira-kira", "rata-rata", "kisi-kisi",
        "tanda-tanda", "sama-sama", "mula-mula", "biduk-biduk", "gara-gara", "jangan-jangan",
    ]

    /// Suffixes and clitics that may follow a reduplicated word (`anak-anaknya`, `hal2nya`).
    static let reduplicationTails: Set<String> = ["", "nya", "an", "kan", "lah", "ku", "mu", "pun", "i", "in"]

    static let leet: [UInt8: UInt8] = [
        UInt8(ascii: "4"): UInt8(ascii: "a"), UInt8(ascii: "3"): UInt8(ascii: "e"),
        UInt8(ascii: "1"): UInt8(ascii: "i"), UInt8(ascii: "0"): UInt8(ascii: "o"),
        UInt8(ascii: "5"): UInt8(ascii: "s"), UInt8(ascii: "7"): UInt8(ascii: "t"),
        UInt8(ascii: "9"): UInt8(ascii: "g"), UInt8(ascii: "6"): UInt8(ascii: "g"),
        UInt8(ascii: "8"): UInt8(ascii: "b"),
    ]

    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// An ASCII vowel in either case.
    @inline(__always) static func isVowel(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return lower == 0x61 || lower == 0x65 || lower == 0x69 || lower == 0x6F || lower == 0x75
    }
    /// The number of capitals of a word that has no lowercase ASCII letter, or nil when it has
    /// one: how `SSL`, `GW` and `PROMO` are told from words in normal case.
    static func capitalsCount(_ word: ArraySlice<UInt8>) -> Int? {
        var capitals = 0
        for byte in word {
            if byte >= 0x61 && byte <= 0x7A { return nil }
            if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
        }
        return capitals
    }
    @inline(__always) static func isJoiner(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "'") || b == UInt8(ascii: "*")
            || b == UInt8(ascii: ".")
    }

    static func normalize(_ input: [UInt8], flags initial: TokenFlags) -> Result {
        if isPlain(input) {
            return Result(normalized: String(decoding: input, as: UTF8.self), base: nil, alternate: nil, flags: initial)
        }
        var flags = initial
        var word = input

        // Letters spaced out with joiners: b-a-n-g-s-a-t, a_n_j_i_n_g, a*n*j*i*n*g.
        if word.count >= 5, word.contains(where: isJoiner) {
            let parts = word.split(whereSeparator: isJoiner)
            if parts.count >= 3, parts.allSatisfy({ $0.count == 1 && isLetter($0.first!) }),
               word.count == parts.count * 2 - 1 {
                word = parts.map { $0.first! }
                flags.insert(.spacedOut)
            }
        }

        // A star standing for hidden letters: anj*ng, f*ck.
        if word.contains(UInt8(ascii: "*")) { flags.insert(.masked) }

        // Leetspeak, per hyphen-separated part, only where digits sit among letters.
        if word.contains(where: isDigit) {
            var rebuilt: [UInt8] = []
            rebuilt.reserveCapacity(word.count)
            var changed = false
            for (index, part) in word.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).enumerated() {
                if index > 0 { rebuilt.append(UInt8(ascii: "-")) }
                if let decoded = deLeet(Array(part)) {
                    rebuilt.append(contentsOf: decoded)
                    changed = true
                } else {
                    rebuilt.append(contentsOf: part)
                }
            }
            if changed {
                word = rebuilt
                flags.insert(.leet)
            }
        }

        // Elongation: three or more of one letter never occur in standard words; doubles do (maaf, saat).
        var alternate: [UInt8]? = nil
        if hasRun(word, of: 3) {
            // A stretched last letter is always one letter (no standard word ends in a double
            // vowel); an inner run might be a real double (maaaaf → maaf), so keep that reading too.
            var double = collapse(word, keep: 2)
            if let last = double.last, double.count >= 2, double[double.count - 2] == last, isLetter(last) { double.removeLast() }
            word = collapse(word, keep: 1)
            if double != word { alternate = double }
            flags.insert(.elongated)
        }
        // A doubled final vowel (yaa, jugaa, gituu): no Indonesian word ends so. English words
        // end in ee and oo (coffee, employee, fee, too, zoo), so there the single form is only
        // tried when the word as written is not known (okee reads as oke, coffee stays coffee).
        if alternate == nil, word.count >= 3, let last = word.last, last >= 0x61 && isVowel(last),
           word[word.count - 2] == last, word[word.count - 3] != last, word.allSatisfy(isLetter) {
            if last == UInt8(ascii: "e") || last == UInt8(ascii: "o") {
                alternate = Array(word.dropLast())
            } else {
                word.removeLast()
                flags.insert(.elongated)
            }
        }
        if let reduced = reduceRepeatedSyllables(word) ?? laughter(word) {
            if reduced != word { flags.insert(.elongated) }
            word = reduced
            alternate = nil
        }
        // A doubled final consonant (nihh, yukk, bangett, dongg): no Indonesian word ends so, and
        // the single form is a second key looked up beside the word as written. English words
        // end so too, mostly in ll, ss, ff and zz (mall, pass, tariff, jazz), which are left
        // alone: their single forms are Indonesian words (mal, pas, tarif).
        if alternate == nil, word.count >= 4, let last = word.last, last >= 0x61 && last <= 0x7A, !isVowel(last),
           last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "f"), last != UInt8(ascii: "z"),
           word[word.count - 2] == last, word[word.count - 3] != last, word.allSatisfy(isLetter) {
            alternate = Array(word.dropLast())
        }

        // Reduplication.
        var normalized = word
        var base: [UInt8]? = nil
        if let (single, written) = reduplication(of: word) {
            base = single
            normalized = written
            flags.insert(.reduplicated)
        }
        return Result(
            normalized: String(decoding: normalized, as: UTF8.self),
            base: base.map { String(decoding: $0, as: UTF8.self) },
            alternate: alternate.map { String(decoding: $0, as: UTF8.self) },
            flags: flags)
    }

    /// True for a word that every step of `normalize` leaves as it is: lowercase ASCII letters
    /// only, no run of three, no doubled last letter, nothing that could be a repeated syllable
    /// or laughter. Most words of a draft are such words, and one pass over them is all they cost.
    static func isPlain(_ word: [UInt8]) -> Bool {
        let count = word.count
        guard count > 0 else { return false }
        var laughLettersOnly = true
        var run = 1
        for index in 0..<count {
            let byte = word[index]
            guard byte >= 0x61 && byte <= 0x7A else { return false }
            switch byte {
            case 0x77, 0x6B, 0x71, 0x68, 0x61, 0x65, 0x69, 0x6F: break  // w k q h a e i o
            default: laughLettersOnly = false
            }
            if index > 0 {
                run = byte == word[index - 1] ? run + 1 : 1
                if run >= 3 { return false }
            }
        }
        if count >= 3 && (laughLettersOnly || word[count - 1] == word[count - 2]) { return false }
        if count >= 6 && ((word[2] == word[0] && word[3] == word[1])
            || (word[3] == word[0] && word[4] == word[1] && word[5] == word[2])) { return false }
        return true
    }

    static let leetClitics: [[UInt8]] = ["nya", "ku", "mu", "lah", "pun"].map { Array($0.utf8) }

    /// The letters a leetspeak part stands for, or nil when the digits are a number or a
    /// reduplication mark: `50rb`, `4G`, `covid19`, `hal2` stay as they are.
    static func deLeet(_ part: [UInt8]) -> [UInt8]? {
        // A clitic after a name with a number (mp3nya, covid19nya) leaves the name as it is.
        for clitic in leetClitics where part.count > clitic.count + 1 && part.suffix(clitic.count).elementsEqual(clitic)
            && isDigit(part[part.count - clitic.count - 1]) {
            guard let decoded = deLeet(Array(part.dropLast(clitic.count))) else { return nil }
            return decoded + clitic
        }
        let letters = part.filter(isLetter).count
        let leetDigits = part.filter { leet[$0] != nil }.count
        guard letters >= 2, leetDigits > 0 else { return nil }
        guard part.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        // Number followed by a unit (50rb) or a name followed by a number (mp3, covid19): not leet.
        let firstLetter = part.firstIndex(where: isLetter)!
        let lastLetter = part.lastIndex(where: isLetter)!
        let digitsBefore = part[..<firstLetter].allSatisfy(isDigit)
        let innerDigits = part[firstLetter...lastLetter].contains(where: isDigit)
        let trailingDigits = part[(lastLetter + 1)...].contains(where: isDigit)
        if !innerDigits {
            if !trailingDigits { return nil }                 // 50rb, 4ku
            if firstLetter == 0 || !digitsBefore { return nil } // mp3, covid19
        }
        if part.contains(UInt8(ascii: "2")) { return nil }   // 2 is reduplication, never a letter
        return part.map { leet[$0] ?? $0 }
    }

    static func hasRun(_ word: [UInt8], of length: Int) -> Bool {
        var run = 1
        for index in 1..<max(word.count, 1) {
            if word[index] == word[index - 1] && isLetter(word[index]) {
                run += 1
                if run >= length { return true }
            } else {
                run = 1
            }
        }
        return false
    }

    /// Collapses runs of three or more equal letters to `keep` letters.
    static func collapse(_ word: [UInt8], keep: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var index = 0
        while index < word.count {
            var end = index + 1
            while end < word.count && word[end] == word[index] { end += 1 }
            let run = end - index
            let count = (run >= 3 && isLetter(word[index])) ? keep : run
            out.append(contentsOf: repeatElement(word[index], count: count))
            index = end
        }
        return out
    }

    /// `hehehehe` → `hehe`, `wkwkwkwk` → `wkwk`: a 2- or 3-letter unit said three times or more.
    static func reduceRepeatedSyllables(_ word: [UInt8]) -> [UInt8]? {
        guard word.count >= 6, word.allSatisfy(isLetter) else { return nil }
        for unit in 2...3 where word.count >= unit * 3 {
            var repeats = true
            for index in unit..<word.count where word[index] != word[index % unit] {
                repeats = false
                break
            }
            if repeats, Set(word[0..<unit]).count > 1 { return Array(word[0..<unit] + word[0..<unit]) }
        }
        return nil
    }

    /// Written laughter typed unevenly (`wkwkkw`, `hahah`, `ahahaha`, `hehhe`): the canonical
    /// form `wkwk`, `haha`, `hehe`, `hihi` or `hoho`.
    static func laughter(_ word: [UInt8]) -> [UInt8]? {
        guard word.count >= 3, word.count <= 24 else { return nil }
        let w = UInt8(ascii: "w"), k = UInt8(ascii: "k"), q = UInt8(ascii: "q"), h = UInt8(ascii: "h")
        if word.allSatisfy({ $0 == w || $0 == k || $0 == q }), word.contains(w), word.contains(k) || word.contains(q) {
            return Array("wkwk".utf8)
        }
        guard word.count >= 4 else { return nil }
        for vowel in "aeio".utf8 where word.allSatisfy({ $0 == h || $0 == vowel }) {
            if word.filter({ $0 == h }).count >= 2, word.filter({ $0 == vowel }).count >= 2 {
                return [h, vowel, h, vowel]
            }
        }
        return nil
    }

    /// For `anak-anak`, `hal2`, `hal²`, `anak2nya`, `kata-katanya`, `bermain-main`: the single
    /// form, and the form written with a hyphen as EYD V wants it.
    static func reduplication(of word: [UInt8]) -> (base: [UInt8], written: [UInt8])? {
        let two = UInt8(ascii: "2")
        // Nearly every word has no hyphen and no 2 (nor the lead byte of ²): one scan, no arrays.
        guard word.contains(where: { $0 == UInt8(ascii: "-") || $0 == two || $0 == 0xC2 }) else { return nil }
        // X2 / X² with an optional tail.
        let superscriptTwo: [UInt8] = [0xC2, 0xB2]
        var markIndex: Int? = nil, markLength = 0
        if let index = word.firstIndex(of: two) {
            markIndex = index; markLength = 1
        } else if let range = firstRange(of: superscriptTwo, in: word) {
            markIndex = range; markLength = 2
        }
        if let mark = markIndex {
            let left = Array(word[..<mark])
            let right = Array(word[(mark + markLength)...])
            // A chat skeleton of three or four consonants doubled (tmn2, brg2, mcm2: teman-teman,
            // barang-barang, macam-macam) is read too; only a lexicon hit reports it, since the
            // reduplication rule leaves a vowelless word alone (lvm2 is a version, not lvm-lvm).
            let skeleton = (3...4).contains(left.count) && !left.contains(where: isVowel)
            guard left.count >= 2, left.allSatisfy(isLetter), right.allSatisfy(isLetter), looksIndonesian(left) || skeleton,
                  reduplicationTails.contains(String(decoding: right, as: UTF8.self)) else { return nil }
            return (left + right, left + [UInt8(ascii: "-")] + left + right)
        }
        // X-X, X-Xtail, preX-X.
        let halves = word.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let left = Array(halves[0]), right = Array(halves[1])
        guard left.count >= 2, right.count >= 2, left.allSatisfy(isLetter), right.allSatisfy(isLetter) else { return nil }
        if lexicalizedReduplications.contains(String(decoding: word, as: UTF8.self)) { return nil }
        if right.starts(with: left),
           reduplicationTails.contains(String(decoding: right[left.count...], as: UTF8.self)) {
            return (right, word)
        }
        if left.count > right.count, left.suffix(right.count).elementsEqual(right), right.count >= 3 {
            return (left, word)
        }
        return nil
    }

    /// A rough shape test for the word before a `2`: it has a vowel, no run of three consonants
    /// (ng and ny count as one) and no `ou`, so version names like `lvm2`, `python2` and
    /// `iproute2` are not read as reduplication.
    static func looksIndonesian(_ word: [UInt8]) -> Bool {
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        guard word.contains(where: vowels.contains) else { return false }
        let text = String(decoding: word, as: UTF8.self).replacingOccurrences(of: "ng", with: "N").replacingOccurrences(of: "ny", with: "Y")
        if text.contains("ou") { return false }
        var run = 0
        for byte in text.utf8 {
            run = vowels.contains(byte) ? 0 : run + 1
            if run >= 3 { return false }
        }
        return true
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
