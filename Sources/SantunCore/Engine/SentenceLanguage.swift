/// Which sentences of a draft are written in English. Indonesian posts mix English words in
/// (`meeting`, `deadline`), and for those the foreign-terms pack offers the Badan Bahasa
/// equivalent; but a sentence that is English as a whole (`Excited to share our new feature!`)
/// is the writer's choice of language, and an Indonesian word put into it (`bagikan`) would
/// make it neither. So foreign-term findings are left out of English sentences.
///
/// A sentence counts as English when at least two of its words are English function words and
/// they outnumber its Indonesian function words more than twice: function words are what every
/// sentence has whatever its topic, and the two lists share none. A code-mixed sentence
/// (`Jangan lupa meeting jam 9 ya, and bring your laptop`) stays Indonesian.
///
/// Worked out per sentence, on demand: only sentences holding a foreign-term or code-mixing hit
/// are read, and hits come in reading order, so the sentence read last is kept.
struct SentenceLanguage {
    /// What one sentence's function words say about its language.
    struct Reading {
        /// The sentence's tokens.
        var sentence: Range<Int>
        /// English as a whole: the writer chose the language.
        var english: Bool
        /// Not English, and holding at least one Indonesian function word or a word with `-nya`:
        /// an English word in it is mixed in (`so kita harus datang`, `even porsinya besar`),
        /// not part of an English phrase or name that stands alone (`Made in Indonesia`).
        var indonesian: Bool
    }

    /// The sentence read last.
    private var last: Reading?

    static let englishWords: Set<String> = [
        "a", "an", "the", "to", "of", "and", "or", "for", "with", "from", "by", "at", "on", "in", "into",
        "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being",
        "will", "would", "can", "could", "should", "has", "have", "had", "do", "does", "did", "not",
        "we", "our", "us", "you", "your", "they", "their", "i", "my", "me", "he", "she", "his", "her",
        "just", "so", "very", "all", "every", "more", "most", "about", "what", "who", "how", "why",
        "when", "where", "which", "there", "here", "if", "than", "then", "also", "but", "as",
    ]

    static let indonesianWords: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "ini", "itu", "kami", "kita", "saya", "anda",
        "akan", "sudah", "telah", "sedang", "ada", "tidak", "bukan", "dalam", "pada", "atau", "juga",
        "bisa", "dapat", "karena", "oleh", "sebagai", "agar", "bagi", "kepada", "masih", "lebih", "para",
        "serta", "namun", "tetapi", "jika", "kalau", "saat", "setiap", "semua", "tim", "kak", "ya",
        "nya", "aja", "sih", "dong", "banget", "gak", "nggak", "udah", "buat", "lagi", "baru", "mau",
        // pronouns and particles of casual posts, where English words are mixed in most
        "aku", "kamu", "dia", "mereka", "kalian", "gue", "gw", "lo", "lu", "tapi", "kalo", "sama",
        "harus", "jadi", "banyak", "sangat", "hanya", "cuma", "belum", "pernah", "deh", "kok", "nih",
    ]

    static let longestWord = englishWords.union(indonesianWords).map(\.utf8.count).max() ?? 0

    /// True when the sentence holding token `index` is written in English.
    mutating func isEnglish(_ index: Int, tokens: [Token], source: SourceText) -> Bool {
        reading(index, tokens: tokens, source: source).english
    }

    /// The reading of the sentence holding token `index`.
    mutating func reading(_ index: Int, tokens: [Token], source: SourceText) -> Reading {
        if let last, last.sentence.contains(index) { return last }
        var start = index
        while start > 0 && !SentenceLanguage.boundary(before: start, tokens: tokens, source: source) { start -= 1 }
        var end = index + 1
        while end < tokens.count && !SentenceLanguage.boundary(before: end, tokens: tokens, source: source) { end += 1 }
        var englishCount = 0, indonesianCount = 0, cliticCount = 0
        for position in start..<end where tokens[position].kind == .word {
            if SentenceLanguage.hasIndonesianClitic(tokens[position].normalized) { cliticCount += 1 }
            // Longer words are in neither list: most words cost no hash.
            guard tokens[position].normalized.utf8.count <= SentenceLanguage.longestWord else { continue }
            if SentenceLanguage.englishWords.contains(tokens[position].normalized) { englishCount += 1 }
            if SentenceLanguage.indonesianWords.contains(tokens[position].normalized) { indonesianCount += 1 }
        }
        let english = englishCount >= 2 && englishCount > 2 * indonesianCount
        let reading = Reading(sentence: start..<end, english: english, indonesian: !english && indonesianCount + cliticCount > 0)
        last = reading
        return reading
    }

    /// True for a word carrying the clitic `-nya` (`harganya`, `porsinya`): Indonesian whatever
    /// its stem, and common in the short sentences that hold no function word.
    static func hasIndonesianClitic(_ word: String) -> Bool {
        let bytes = word.utf8
        return bytes.count >= 5 && bytes.suffix(3).elementsEqual("nya".utf8)
    }

    /// A sentence ends after `.`, `!` or `?`, and at a line end: posts often drop the final stop.
    static func boundary(before index: Int, tokens: [Token], source: SourceText) -> Bool {
        let previous = index - 1
        if tokens[previous].kind == .punct,
           tokens[previous].normalized.utf8.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) { return true }
        return source.bytes[tokens[previous].range.end..<tokens[index].range.offset].contains { $0 == 0x0A || $0 == 0x0D }
    }
}
