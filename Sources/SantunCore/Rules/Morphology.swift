/// Indonesian affix analysis for lexicon matching, written from the standard morphology
/// (me(N)-, ber-, di-, ter-, pe(N)-, ke-…-an, per-, se-, -kan, -i, -an, clitics -nya, -lah,
/// -kah, -pun, -ku, -mu, ku-, kau-) and the colloquial Jakarta forms (nge-, ng-, ny-, n-, m-,
/// -in, passive ke-).
///
/// `analyses` proposes (prefix, stem, suffix, clitic) splits; nothing here knows a dictionary,
/// so a split only matters when the lexicon knows its stem. `formal` rebuilds a word with the
/// formal affixes around a formal base (`dibikin` + `buat` → `dibuat`).
public enum Morphology {
    public enum Prefix: String, Sendable, Hashable {
        case none = ""
        case meN, ber, di, ter, peN, ke, se, per, memper, diper, ku, kau
        /// Colloquial nasal forms ng-, ny-, n-, m- (standing for meN-). They also read ordinary
        /// words as affixed (`merek` as m- + `perek`), so only colloquial-mode rules use them.
        case nasal
        /// Colloquial nge- (`ngepost`, `ngebacot`): unambiguous, so every morphology rule uses it.
        case nge
        /// Colloquial passive ke- (`kebawa` for `terbawa`).
        case kePassive

        var isColloquial: Bool { self == .nasal || self == .nge || self == .kePassive }
    }

    public struct Analysis: Sendable, Hashable {
        public var prefix: Prefix
        public var stem: String
        /// "", "kan", "i", "an", or colloquial "in".
        public var suffix: String
        /// "", "nya", "lah", "kah", "pun", "ku", "mu".
        public var clitic: String

        public var isColloquial: Bool { prefix.isColloquial || suffix == "in" }
        public var hasAffix: Bool { prefix != .none || !suffix.isEmpty || !clitic.isEmpty }
    }

    static let clitics = ["nya", "lah", "kah", "pun", "ku", "mu"]

    /// Standard words that an analysis reads as a colloquial form of a known base (`keledek`, a
    /// sweet potato, as ke- + ledek; `serakah` as a spoken serah + -kah): never analysed.
    public static let standardLookalikes: Set<String> = [
        "keledek", "kelibat", "kerawat", "kesiap", "keduduk", "kecek", "ketumpang", "kelati", "kelawan",
        "serakah", "nyala", "keruma", "mastik", "kebaya", "kelapa", "kemari", "kepala", "ketua", "bangku", "bangkah", "disbar",
        "kecebong", "sarapan", "haluan",
    ]
    static let suffixes = ["kan", "in", "an", "i"]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Every plausible split of a normalized word, simplest first. Stems are at least 3 letters.
    public static func analyses(of word: String) -> [Analysis] {
        guard word.count >= 4, word.allSatisfy({ $0.isLetter && $0.isASCII }) else { return [] }
        var result: [Analysis] = []
        var seen = Set<Analysis>()
        func add(_ analysis: Analysis) {
            guard analysis.stem.count >= 3, analysis.hasAffix, !seen.contains(analysis) else { return }
            seen.insert(analysis)
            result.append(analysis)
        }
        // Clitics and suffixes, outermost first.
        var bodies: [(body: String, suffix: String, clitic: String)] = [(word, "", "")]
        for clitic in clitics where word.hasSuffix(clitic) && word.count - clitic.count >= 3 {
            bodies.append((String(word.dropLast(clitic.count)), "", clitic))
        }
        for (body, _, clitic) in bodies {
            for suffix in suffixes where body.hasSuffix(suffix) && body.count - suffix.count >= 3 {
                bodies.append((String(body.dropLast(suffix.count)), suffix, clitic))
            }
        }
        for (body, suffix, clitic) in bodies {
            add(Analysis(prefix: .none, stem: body, suffix: suffix, clitic: clitic))
            for (prefix, stem) in prefixSplits(body, suffix: suffix) {
                add(Analysis(prefix: prefix, stem: stem, suffix: suffix, clitic: clitic))
            }
        }
        return result
    }

    /// What `prefixSplits` strips before a stem it keeps as written (`ber` of `berangkat`,
    /// `bel` of `belajar`), and before a stem whose melted first consonant it puts back (`meng`
    /// of `mengirim` → kirim, `n` of `nulis` → tulis). `StemFilter` skips the analysis of a word
    /// unless a known stem stands after one of these, so a prefix added to `prefixSplits` goes
    /// here too: a test checks that the filter lets every analysis of the corpora's words through.
    static let writtenStemPrefixes: Set<String> = [
        "", "memper", "diper", "menge", "penge", "meng", "peng", "mem", "pem", "men", "pen", "me", "pe",
        "ber", "be", "bel", "ter", "te", "di", "per", "se", "kau", "ku", "ke", "nge", "ng",
    ]
    static let restoringPrefixes: Set<String> = ["meng", "peng", "meny", "peny", "mem", "pem", "men", "pen", "ng", "ny", "n", "m"]

    /// Prefix + stem splits of a word whose suffixes are already removed.
    static func prefixSplits(_ word: String, suffix: String) -> [(Prefix, String)] {
        var splits: [(Prefix, String)] = []
        func rest(_ prefix: String) -> String? {
            word.hasPrefix(prefix) && word.count - prefix.count >= 2 ? String(word.dropFirst(prefix.count)) : nil
        }
        func startsWithVowel(_ s: String) -> Bool { s.first.map { vowels.contains($0) } ?? false }

        // memper-, diper- before meN-/di-.
        if let r = rest("memper") { splits.append((.memper, r)) }
        if let r = rest("diper") { splits.append((.diper, r)) }
        // meN- and peN- with their allomorphs; the melted first consonant is put back.
        for (prefix, kind) in [("me", Prefix.meN), ("pe", Prefix.peN)] {
            guard word.hasPrefix(prefix) else { continue }
            if let r = rest(prefix + "nge") { splits.append((kind, r)) }
            if let r = rest(prefix + "ng") {
                if startsWithVowel(r) { splits.append((kind, r)); splits.append((kind, "k" + r)) }
                else if r.first == "g" || r.first == "h" || r.hasPrefix("kh") { splits.append((kind, r)) }
                else if r.first == "k" { splits.append((kind, r)) }  // mengkritik (cluster), mengkonsumsi (non-standard)
            }
            if let r = rest(prefix + "ny"), startsWithVowel(r) { splits.append((kind, "s" + r)); splits.append((kind, "c" + r)) }
            if let r = rest(prefix + "m") {
                if startsWithVowel(r) { splits.append((kind, "p" + r)) }
                else if let first = r.first, "bfvp".contains(first) { splits.append((kind, r)) }
            }
            if let r = rest(prefix + "n") {
                if startsWithVowel(r) { splits.append((kind, "t" + r)) }
                else if let first = r.first, "dcjzts".contains(first) { splits.append((kind, r)) }
            }
            if let r = rest(prefix), let first = r.first, "lmnrwy".contains(first) { splits.append((kind, r)) }
        }
        if let r = rest("ber") { splits.append((.ber, r)) }
        if let r = rest("be"), r.first == "r" || r.hasPrefix("ker") { splits.append((.ber, r)) }
        if word == "belajar" || word.hasPrefix("belajar") { splits.append((.ber, String(word.dropFirst(3)))) }
        if let r = rest("ter") { splits.append((.ter, r)) }
        if let r = rest("te"), r.first == "r" { splits.append((.ter, r)) }
        if let r = rest("di") { splits.append((.di, r)) }
        if let r = rest("per") { splits.append((.per, r)) }
        if let r = rest("se") { splits.append((.se, r)) }
        if let r = rest("kau") { splits.append((.kau, r)) }
        if let r = rest("ku") { splits.append((.ku, r)) }
        if let r = rest("ke") {
            // ke-…-an is standard; ke- alone is the colloquial passive (kebawa, kepake).
            splits.append((suffix == "an" ? .ke : .kePassive, r))
        }
        // Colloquial nasal forms, only on longer stems to keep clear of ordinary words.
        if let r = rest("nge"), r.count >= 3 { splits.append((.nge, r)) }
        if let r = rest("ng"), startsWithVowel(r), r.count >= 3 { splits.append((.nasal, r)); splits.append((.nasal, "k" + r)) }
        if let r = rest("ny"), startsWithVowel(r), r.count >= 3 { splits.append((.nasal, "c" + r)); splits.append((.nasal, "s" + r)) }
        if word.first == "n", word.count >= 4, let second = word.dropFirst().first, vowels.contains(second) {
            splits.append((.nasal, "t" + word.dropFirst()))
        }
        if word.first == "m", word.count >= 5, let second = word.dropFirst().first, vowels.contains(second) {
            splits.append((.nasal, "p" + word.dropFirst()))
        }
        return splits
    }

    /// The active verb meN- + base, with the nasal assimilation and melting of EYD V:
    /// kirim → mengirim, pakai → memakai, tulis → menulis, sapu → menyapu, cek → mengecek.
    public static func meN(_ base: String) -> String { nasalPrefix("me", base) }
    public static func peN(_ base: String) -> String { nasalPrefix("pe", base) }

    static func nasalPrefix(_ head: String, _ base: String) -> String {
        guard let first = base.first else { return base }
        let second = base.dropFirst().first
        let cluster = second.map { !vowels.contains($0) } ?? false
        let syllables = base.filter { vowels.contains($0) }.count
        if syllables == 1 { return head + "nge" + base }
        if vowels.contains(first) { return head + "ng" + base }
        switch first {
        case "k": return head + "ng" + (cluster ? base : String(base.dropFirst()))
        case "g", "h": return head + "ng" + base
        case "p": return head + "m" + (cluster ? base : String(base.dropFirst()))
        case "b", "f", "v": return head + "m" + base
        case "t": return head + "n" + (cluster ? base : String(base.dropFirst()))
        case "d", "c", "j", "z": return head + "n" + base
        case "s": return cluster ? head + "n" + base : head + "ny" + String(base.dropFirst())
        default: return head + base
        }
    }

    /// What a doubled verb repeats: the base after a prefix that did not melt it (mencari-cari,
    /// mengambil-ambil, bertanya-tanya), the melted form where meN- took the base's first
    /// consonant (menulis-nulis, memukul-mukul, mengata-ngatai).
    static func repeatedPart(of verb: String, base: String) -> String {
        if verb.hasSuffix(base) || !verb.hasPrefix("me") { return base }
        return String(verb.dropFirst(2))
    }

    /// True when a formal equivalent already carries derivation (menarik, menggemaskan,
    /// berpacaran, terlambat, keuntungan): another prefix or suffix would stack on it
    /// (dimenarik, kekeuntunganan), so only clitics go with it, and ke-…-an around a ber- or
    /// ter- word (keterlambatan).
    public static func isDerived(_ base: String) -> Bool {
        guard base.utf8.count >= 6, !base.contains(" ") else { return false }
        for prefix in ["meng", "meny", "mem", "men", "ber", "ter", "per"] where base.hasPrefix(prefix) { return true }
        return (base.hasPrefix("ke") || base.hasPrefix("pe")) && base.hasSuffix("an")
    }

    /// The formal word for an analysis around a formal base, or nil when it cannot be built
    /// (a multi-word base with affixes). `formalSuffix` replaces colloquial `-in`.
    public static func formal(_ analysis: Analysis, base: String, formalSuffix: String = "kan",
                              active: String? = nil, reduplicated: Bool = false, derivedBase: Bool = false) -> String? {
        if base.isEmpty { return "" }
        if derivedBase, analysis.prefix != .none || !analysis.suffix.isEmpty {
            let confix = analysis.prefix == .ke && analysis.suffix == "an" && (base.hasPrefix("ber") || base.hasPrefix("ter"))
                && !base.hasSuffix("an")
            if !confix { return nil }
        }
        // A formal word that ends in the suffix -kan takes no second suffix (minimalisirin is
        // minimalkan, not minimalkankan); roots ending so are short (tekan, makan, ikan).
        if base.utf8.count >= 7, base.hasSuffix("kan"), !analysis.suffix.isEmpty { return nil }
        // A phrase or a reduplicated word takes no affix from the colloquial form (cowokan is
        // not laki-lakikan); the finding stays, without a rewrite.
        let multiWord = base.contains(" ") || base.contains("-")
        if multiWord && (analysis.prefix != .none || !analysis.suffix.isEmpty) { return nil }
        var stem = base
        if reduplicated { stem = base + "-" + base }
        var suffix = analysis.suffix == "in" ? formalSuffix : analysis.suffix
        if suffix == "i", stem.hasSuffix("i") { suffix = "" }
        var word: String
        switch analysis.prefix {
        case .none: word = stem
        case .meN, .nasal, .nge:
            let verb = active.flatMap { suffix.isEmpty ? $0 : nil } ?? meN(base)
            word = verb + (reduplicated ? "-" + repeatedPart(of: verb, base: base) : "")
        case .peN:
            // A peN- noun doubled is a plural and repeats whole (pembeli-pembeli).
            word = peN(base) + (reduplicated ? "-" + peN(base) : "")
        case .ber: word = (base.first == "r" ? "be" : "ber") + stem
        case .di: word = "di" + stem
        case .ter, .kePassive: word = (base.first == "r" ? "te" : "ter") + stem
        case .ke: word = "ke" + stem
        case .se: word = "se" + stem
        case .per: word = "per" + stem
        case .memper: word = "memper" + stem
        case .diper: word = "diper" + stem
        case .ku: word = "ku" + stem
        case .kau: word = "kau" + stem
        }
        return word + suffix + analysis.clitic
    }
}
