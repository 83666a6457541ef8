/// Where a clause of a post begins, for entries whose colloquial sense depends on it
/// (`opens-clause`). Indonesian puts the subject first and the aspect word right after it, so
/// `lagi` meaning "sedang" opens its clause or follows a clause-opening subject (`Lagi ada
/// promo`, `Maaf, kami lagi ada kendala`, `karena aku lagi di jalan`), while `lagi` meaning
/// "again" follows a verb or its object (`coba lagi`, `kunjungi kami lagi`).
enum ClauseOpening {
    /// Words after which a clause begins, so a word right after one opens it: subordinating
    /// conjunctions, `yang` and `tapi`. Not `dan` and `atau` (`dan lagi` is the idiom "moreover"),
    /// nor `waktu` (`butuh waktu lagi`: more time).
    static let joiners: Set<String> = [
        "yang", "karena", "soalnya", "sebab", "kalau", "kalo", "klo", "jika", "bila", "apabila", "pas",
        "saat", "ketika", "sementara", "sedangkan", "padahal", "tapi", "tetapi", "namun", "mungkin",
        "kayaknya", "sepertinya", "katanya", "berhubung", "selagi", "selama",
        // their chat spellings, which `fix` turns into the words above: a second run must find
        // what the first one did
        "yg", "krn", "krna", "karna", "kl", "tp", "tpi",
    ]
    /// Words after which a subject opens its clause: the joiners, the coordinating conjunctions,
    /// and the greetings, apologies, particles and address terms a post opens with (`Mohon
    /// maaf kami lagi …`, `Kak, aku lagi …`), which never take an object.
    static let subjectOpeners: Set<String> = joiners.union([
        "dan", "atau", "serta", "jadi", "maaf", "nih", "sih", "kak", "kakak", "min", "gan", "sis", "bro",
        "guys", "halo", "hai", "eh", "wah", "duh", "aduh", "ya", "iya", "btw", "oh", "hari", "ini", "sekarang",
        "jd", "mf", "maap", "skrg",
    ])
    /// Words that, right after the hit, show the other sense: `Lagi pula` (moreover), `Lagi dong!`
    /// and `lagi ya` (more, again), `lagi dan lagi`, `saya lagi yang disalahkan` (me again).
    static let closingWords: Set<String> = [
        "pula", "dong", "deh", "ya", "yuk", "yah", "ah", "nih", "sih", "aja", "saja", "dan", "atau", "kah",
        "lah", "kok", "loh", "lho", "donk", "yang", "satu", "dua", "tiga", "sekali",
    ]

    /// The subject `-nya` of a pack: any word with that clitic opening the clause (`Stoknya lagi
    /// kosong`, `Kurirnya lagi di jalan`), which is how posts name the thing a sentence is about.
    static let anyCliticSubject = ["-nya"]
    /// Words with `-nya` that point along a list rather than name a subject: `yang satunya lagi`
    /// is the other one, `berikutnya lagi` the one after.
    static let ordinalClitics: Set<String> = ["satunya", "lainnya", "selanjutnya", "berikutnya", "sebelumnya", "lagipula"]

    /// True when the tokens `first...last` stand where `entry.opensClause` wants them: a word
    /// follows in the same sentence, and the words open a clause or come right after one of the
    /// listed subjects that does.
    static func holds(_ subjects: [[String]], first: Int, last: Int, tokens: [Token], source: SourceText) -> Bool {
        let next = last + 1
        guard next < tokens.count, tokens[next].kind == .word,
              !SentenceLanguage.boundary(before: next, tokens: tokens, source: source),
              !closingWords.contains(tokens[next].normalized)
        else { return false }
        if opens(at: first, after: joiners, tokens: tokens, source: source) { return true }
        for subject in subjects {
            let start = first - subject.count
            guard start >= 0, (start..<first).allSatisfy({ tokens[$0].kind == .word }),
                  (start + 1...first).allSatisfy({ !SentenceLanguage.boundary(before: $0, tokens: tokens, source: source) })
            else { continue }
            let named = subject == anyCliticSubject
                ? SentenceLanguage.hasIndonesianClitic(tokens[start].normalized) && !ordinalClitics.contains(tokens[start].normalized)
                : (start..<first).allSatisfy { tokens[$0].normalized == subject[$0 - start] }
            if named, opens(at: start, after: subjectOpeners, tokens: tokens, source: source) { return true }
        }
        return false
    }

    /// True when token `index` is the first of the draft or its sentence, or follows a comma,
    /// semicolon, colon, bracket or dash, or one of `words`.
    static func opens(at index: Int, after words: Set<String>, tokens: [Token], source: SourceText) -> Bool {
        guard index > 0, !SentenceLanguage.boundary(before: index, tokens: tokens, source: source) else { return true }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .word: return words.contains(previous.normalized)
        case .punct:
            // , ; : ( - and the en and em dashes
            return previous.normalized.utf8.contains { $0 == 0x2C || $0 == 0x3B || $0 == 0x3A || $0 == 0x28 || $0 == 0x2D }
                || previous.normalized == "–" || previous.normalized == "—"
        case .emoji, .emoticon, .mention, .hashtag: return true
        default: return false
        }
    }
}
