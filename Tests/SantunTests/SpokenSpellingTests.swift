import Testing
@testable import SantunCore

/// Spoken spellings, partial chat abbreviations and the normalizations added for slang recall,
/// each with the formal words that must stay clean.
@Suite struct SpokenSpellingTests {
    @Test(arguments: [
        ("pantas", "pantes"), ("dekat", "deket"), ("sampai", "sampe"), ("kalau", "kalo"), ("main", "maen"),
        ("air", "aer"), ("senang", "seneng"), ("belum", "belom"), ("hancur", "ancur"), ("lihat", "liat"),
        ("tahun", "taun"), ("benar", "bener"), ("boleh", "bole"), ("sedikit", "sdikit"), ("pintar", "pinter"),
        ("enak", "enaq"), ("kamu", "kamoe"), ("jalan", "djalan"),
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
        #expect(SpokenSpelling.forms(of: "main", complete: false).contains("maen"))
    }

    @Test(arguments: [
        ("sebentar", "sbntar"), ("karena", "krena"), ("memang", "mmang"), ("sedikit", "sdikit"), ("benar", "bnar"),
        ("kalian", "klian"), ("tunggu", "tnggu"), ("dengan", "dng"), ("jangan", "jng"),
    ])
    func partialAbbreviations(word: String, key: String) {
        #expect(ChatAbbreviation.forms(of: word).contains(key), "\(word): \(ChatAbbreviation.forms(of: word).sorted())")
    }

    @Test(arguments: [
        ("Krena hujan, tutup.", "krena", "karena"), ("Stoknya sdikit lagi.", "sdikit", "sedikit"),
        ("Pantesnya begitu.", "pantesnya", "pantasnya"), ("Paketnya kepotong.", "kepotong", "terpotong"),
        ("Tolong nyariin alamatnya.", "nyariin", "mencarikan"), ("Mmang begitu.", "mmang", "memang"),
        ("Tunggu 2 mgg lagi.", "mgg", "minggu"), ("Klian boleh mampir.", "klian", "kalian"), ("Oke kokk.", "kokk", ""),
        ("Hihihih lucu.", "hihihih", ""), ("Salam buat tmn kantor.", "tmn", "teman"),
        // a colloquial word's skeleton before a period ends the sentence, it is no EYD abbreviation
        ("Dari dulu memang pgn.", "pgn", "ingin"), ("Tetap jng lupa.", "jng", "jangan"),
        // a doubled final consonant is read through its single form, and new spoken bases
        ("Enak bangett.", "bangett", "sekali"), ("Mampir dongg.", "dongg", ""), ("Hari ini ampir hujan.", "ampir", "hampir"),
        ("Kopinya pait.", "pait", "pahit"), ("Tetap smgt ya.", "smgt", "semangat"), ("Kami brgkt besok.", "brgkt", "berangkat"),
    ])
    func flagsWithTheFormalWord(text: String, match: String, suggestion: String) {
        let findings = TestSupport.lint(text).filter { $0.match.lowercased() == match }
        #expect(findings.count == 1, "\(text): \(TestSupport.lint(text).map(\.match))")
        #expect(findings.first?.suggestions.first?.lowercased() == suggestion)
    }

    /// English words and names ending in a doubled consonant read as written: no elongation
    /// report for `hall` (hal), `pass` (pas), `webb` (web), `tariff` (tarif).
    @Test func doubledEnglishEndingsAreNotStretchedWords() {
        // one Indonesian sentence each, so no English-sentence guard hides the stretch
        #expect(TestSupport.lint("Foto teleskop James Webb dipamerkan di hall utama.").isEmpty)
        #expect(TestSupport.lint("Harga tiket pass harian naik.").isEmpty)
        #expect(TestSupport.lint("Daftar tariff baru diumumkan.").isEmpty)
    }

    /// A short chat word in capitals among lowercase words is an acronym (LO, liaison officer;
    /// 2 GW, gigawatts); shouted with its neighbours, or a vowelless abbreviation (BTW), it is chat.
    @Test func capitalisedShortWordsAreAcronymsUnlessShoutedOrAbbreviated() {
        #expect(TestSupport.lint("LO acara menjemput peserta; pembangkit 2 GW beroperasi.").isEmpty)
        #expect(TestSupport.lint("GW SUDAH DATANG").map(\.match) == ["GW"])
        #expect(TestSupport.lint("BTW, pesanan sudah dikirim.").map(\.match) == ["BTW"])
    }

    @Test func aListedReduplicationIsNotDoubledAgain() {
        let findings = TestSupport.lint("Ati-ati di jalan, jangan deg-degan, temen2.")
        #expect(findings.map { $0.suggestions.first ?? "" } == ["Hati-hati", "berdebar-debar", "teman-teman"])
    }

    @Test(arguments: [
        "Ketua panitia membagikan kue kelapa dan bedak bayi.", "Gudang berjarak 5 km, paket seberat 2 kg.",
        "Plang nama toko dipasang di depan gerai; jam buka 08.00.",
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
