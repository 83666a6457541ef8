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
struct SentenceLanguage {
    /// For each token, whether its sentence is English.
    private(set) var english: [Bool]

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
    ]

    init(tokens: [Token], source: SourceText) {
        english = Array(repeating: false, count: tokens.count)
        var start = 0
        var englishCount = 0, indonesianCount = 0
        func close(_ end: Int) {
            if englishCount >= 2 && englishCount > 2 * indonesianCount {
                for index in start..<end { english[index] = true }
            }
            start = end
            englishCount = 0
            indonesianCount = 0
        }
        for index in tokens.indices {
            // A line end also ends a sentence: posts often drop the final stop.
            if index > start, source.bytes[tokens[index - 1].range.end..<tokens[index].range.offset].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                close(index)
            }
            let token = tokens[index]
            switch token.kind {
            case .word:
                if SentenceLanguage.englishWords.contains(token.normalized) { englishCount += 1 }
                if SentenceLanguage.indonesianWords.contains(token.normalized) { indonesianCount += 1 }
            case .punct:
                if token.normalized.utf8.contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) { close(index + 1) }
            default:
                break
            }
        }
        close(tokens.count)
    }
}
