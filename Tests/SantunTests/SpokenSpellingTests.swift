import Testing
@testable import SantunCore

/// Spoken spellings, partial chat abbreviations and the normalizations added for slang recall,
/// each with the formal words that must stay clean.
@Suite struct SpokenSpellingTests {
    @Test(arguments: [
        ("pantas", "pantes"), ("macam", "macem"), ("sampai", "sampe"), ("kalau", "kalo"), ("baik", "baek"),
        ("lain", "laen"), ("mabuk", "mabok"), ("belum", "belom"), ("halus", "alus"), ("lihat", "liat"),
        ("tahun", "taun"), ("masih", "masi"), ("boleh", "bole"), ("semoga", "smoga"), ("seperti", "sperti"),
        ("juga", "jugak"), ("suka", "sukak"), ("enak", "enaq"), ("kamu", "kamoe"), ("jalan", "djalan"),
    ])
    func derivesTheSpokenSpelling(word: String, spoken: String) {
        #expect(SpokenSpelling.forms(of: word).contains(spoken), "\(word): \(SpokenSpelling.forms(of: word).sorted())")
    }

    @Test(arguments: [("mudah", "muda"), ("tujuh", "tuju"), ("bahu", "bau"), ("beda", "bedak"), ("kata", "katak")])
    func neverDerivesAStandardWord(word: String, standard: String) {
        #expect(!SpokenSpelling.forms(of: word).contains(standard))
    }

    @Test func basesGetOnlyTheSaferChanges() {
        let forms = SpokenSpelling.forms(of: "angkat", complete: false)
        #expect(!forms.contains("angket"))
        #expect(SpokenSpelling.forms(of: "naik", complete: false).contains("naek"))
    }

    @Test(arguments: [
        ("semoga", "smoga"), ("mungkin", "mngkin"), ("mungkin", "mgkin"), ("padahal", "pdhal"), ("sendiri", "sndri"),
        ("jangan", "jngn"), ("kalau", "klw"), ("banyak", "bnyak"),
    ])
    func partialAbbreviations(word: String, key: String) {
        #expect(ChatAbbreviation.forms(of: word).contains(key), "\(word): \(ChatAbbreviation.forms(of: word).sorted())")
    }

    @Test(arguments: [
        ("Smoga lancar.", "smoga", "semoga"), ("Stoknya masi ada.", "masi", "masih"),
        ("Pantesnya begitu.", "pantesnya", "pantasnya"), ("Paketnya kebalik.", "kebalik", "terbalik"),
        ("Jangan nyalahin kurir.", "nyalahin", "menyalahkan"), ("Mngkin besok.", "mngkin", "mungkin"),
        ("Tunggu 3 hr lagi.", "hr", "hari"), ("Kl hujan, tutup.", "kl", "kalau"), ("Oke nihh.", "nihh", ""),
        ("Wkwkkw lucu.", "wkwkkw", ""), ("Kalau km sempat, mampir.", "km", "kamu"),
    ])
    func flagsWithTheFormalWord(text: String, match: String, suggestion: String) {
        let findings = TestSupport.lint(text).filter { $0.match.lowercased() == match }
        #expect(findings.count == 1, "\(text): \(TestSupport.lint(text).map(\.match))")
        #expect(findings.first?.suggestions.first?.lowercased() == suggestion)
    }

    @Test func aListedReduplicationIsNotDoubledAgain() {
        let findings = TestSupport.lint("Ati-ati di jalan, jangan deg-degan, temen2.")
        #expect(findings.map { $0.suggestions.first ?? "" } == ["Hati-hati", "berdebar-debar", "teman-teman"])
    }

    @Test(arguments: [
        "Ketua panitia membagikan kue kelapa dan bedak bayi.", "Gudang berjarak 5 km, paket seberat 2 kg.",
        "Sifat serakah tidak kami toleransi.", "Silakan duduk di bangku yang tersedia.",
        "Kami menggunakan bahan yang mudah didapat dan disediakan pemasok lokal.",
        "Pastikan data Anda benar, lalu kembalikan formulir ke bagian layanan.",
        "Tersedia kaus, topi, dll. di gerai kami.", "Kunjungi kami di Jl. Sudirman, Kab. Bogor.",
    ])
    func formalTextStaysClean(text: String) {
        let findings = TestSupport.lint(text).filter { $0.category == .slang || $0.category == .nonstandard }
        #expect(findings.isEmpty, "\(text): \(findings.map { "\($0.ruleID) \($0.match)" })")
    }
}
