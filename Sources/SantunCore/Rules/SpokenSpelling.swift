/// Spellings that write a formal word as it is spoken in Jakarta and Javanese-coloured chat:
/// `dateng` (datang), `sampe` (sampai), `kalo` (kalau), `naek` (naik), `masok` (masuk),
/// `ujan` (hujan), `liat` (lihat), `masi` (masih), `smoga` (semoga), `jugak` (juga),
/// `enaq` (enak), and old spellings (`djalan`, `kamoe`).
///
/// A rule lists formal words (`morphology: spoken`) or standard bases (`morphology: colloquial`);
/// the engine derives these spellings, so the pack does not list every one. Each change is a
/// regular sound or spelling habit of colloquial Indonesian, applied once:
///
/// - the last syllable's `a` before a consonant becomes `e` (datang → dateng, malas → males);
/// - a final `ai` becomes `e` and a final `au` becomes `o` (sampai → sampe, kalau → kalo);
/// - `ai` before a final consonant becomes `ae` (naik → naek, lain → laen);
/// - `u` before a final k, h or m becomes `o` (masuk → masok, jatuh → jatoh, belum → belom);
/// - an initial `h` is dropped (hujan → ujan), and an `h` between two different vowels
///   (lihat → liat, tahun → taun);
/// - a final `h` after a vowel is dropped (masih → masi, boleh → bole);
/// - the `e` of a first syllable is dropped before a single consonant (semoga → smoga,
///   belum → blum, keluar → kluar);
/// - a `k` is added after a final vowel (juga → jugak) and a final `k` is written `q`
///   (enak → enaq);
/// - old spellings: `oe` for u, `dj` for j, `tj` for c.
///
/// Some results are themselves standard words (`mudah` → `muda`, `tujuh` → `tuju`, `bahu` →
/// `bau`); `standardWords` holds those, checked against a Hunspell word list of Indonesian
/// and the common words of English, and such a key is never derived.
public enum SpokenSpelling {
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Derived spellings that are standard Indonesian (or common English) words in their own
    /// right, so writing them says nothing about the formal word they came from.
    static let standardWords: Set<String> = [
        // Indonesian
        "muda", "tuju", "bawa", "bau", "tuan", "arus", "ari", "anak", "bapak", "samak", "enek", "sapa", "anya", "bik", "panto", "cere", "sdr",
        "bli", "bla", "swa", "ati", "mura", "sala", "sera", "mara", "kala", "ara", "asa", "ina", "adap",
        "afal", "emat", "bedak", "katak", "arga", "uba", "pinda", "kelu", "ruma", "dalem", "lemper",
        "angket", "teken", "tumpeng", "kembeng", "batel", "beser", "lepes", "kejer", "alem", "plang",
        // English
        "but", "man", "brat", "bras", "krim", "spa", "snag", "amok", "awes", "baker",
        "bates", "dafter", "hinder", "lamer", "stir", "disbar", "haloes", "brag",
    ]

    /// The spoken spellings of a lowercase formal word (never the word itself). `complete: false`
    /// (for the verb bases of colloquial-affix rules, which nobody checked one by one) leaves out
    /// the changes that most often meet another word: a → e in the last syllable (angkat →
    /// angket), a dropped initial or final h (hemat → emat, serah → sera) and an added k (kata →
    /// katak).
    public static func forms(of word: String, complete: Bool = true) -> Set<String> {
        guard word.count >= 3, word.allSatisfy({ $0.isLetter && $0.isASCII }) else { return [] }
        let w = Array(word)
        let n = w.count
        func isVowel(_ c: Character) -> Bool { vowels.contains(c) }
        let syllables = w.filter(isVowel).count
        var forms: Set<String> = []
        func add(_ chars: [Character]) {
            let form = String(chars)
            if form != word && form.count >= 3 && !standardWords.contains(form) { forms.insert(form) }
        }

        // Final ai → e, au → o.
        if n >= 4, w[n - 2] == "a", w[n - 1] == "i" { add(Array(w[..<(n - 2)]) + ["e"]) }
        if n >= 4, w[n - 2] == "a", w[n - 1] == "u" { add(Array(w[..<(n - 2)]) + ["o"]) }

        // The last syllable: onset consonant, vowel, coda (one consonant or ng).
        var coda = 0
        if n >= 2, w[n - 2] == "n", w[n - 1] == "g" { coda = 2 } else if let last = w.last, !isVowel(last) { coda = 1 }
        if coda > 0, syllables >= 2, n - coda - 1 >= 1 {
            let v = n - coda - 1  // the vowel of the last syllable
            let before = w[v - 1]
            let codaLetter = w[n - 1]
            // a → e: datang → dateng, cepat → cepet, malas → males.
            if complete, w[v] == "a", !isVowel(before), "tpmlrsng".contains(codaLetter), coda == 2 || codaLetter != "g" {
                var c = w; c[v] = "e"; add(c)
            }
            // ai + C → ae + C: naik → naek, lain → laen.
            if w[v] == "i", before == "a", coda == 1 { var c = w; c[v] = "e"; add(c) }
            // u before k, h, m → o: masuk → masok, jatuh → jatoh, belum → belom.
            if w[v] == "u", !isVowel(before), coda == 1, "khm".contains(codaLetter) { var c = w; c[v] = "o"; add(c) }
        }

        // Initial h dropped: hujan → ujan.
        if complete, w[0] == "h", n >= 4, isVowel(w[1]) { add(Array(w.dropFirst())) }
        // h between two different vowels dropped: lihat → liat, tahun → taun.
        for i in 1..<(n - 1) where w[i] == "h" && isVowel(w[i - 1]) && isVowel(w[i + 1]) && w[i - 1] != w[i + 1] {
            var c = w; c.remove(at: i); add(c)
        }
        // Final h after a vowel dropped: masih → masi.
        if complete, n >= 4, w[n - 1] == "h", isVowel(w[n - 2]), w[n - 3] != "h", syllables >= 2 { add(Array(w.dropLast())) }
        // The e of a first syllable dropped before one consonant: semoga → smoga.
        if n >= 5, !isVowel(w[0]), w[1] == "e", !isVowel(w[2]), isVowel(w[3]), w[2] != "h", syllables >= 2,
           !(w[2] == "n" && (w[3] == "g" || w[3] == "y")) {
            var c = w; c.remove(at: 1); add(c)
        }
        // A k after a final vowel (juga → jugak); a final k written q (enak → enaq).
        if complete, let last = w.last, isVowel(last), syllables >= 2 { add(w + ["k"]) }
        if n >= 4, w[n - 1] == "k", isVowel(w[n - 2]) { add(Array(w.dropLast()) + ["q"]) }
        // Old spellings.
        if w.contains("u") { add(Array(word.replacingOccurrences(of: "u", with: "oe"))) }
        if w.contains("j") { add(Array(word.replacingOccurrences(of: "j", with: "dj"))) }
        if w.contains("c") { add(Array(word.replacingOccurrences(of: "c", with: "tj"))) }
        return forms
    }
}
