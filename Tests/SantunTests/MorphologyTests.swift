import Foundation
import Testing
@testable import SantunCore

/// The affix analysis on real Indonesian words: each word must offer its stem among its splits.
@Suite struct MorphologyTests {
    static let words: [(String, String)] = [
        // meN- with its allomorphs and melted consonants
        ("mengirim", "kirim"), ("mengajak", "ajak"), ("menggunakan", "guna"), ("memakai", "pakai"), ("membeli", "beli"),
        ("menulis", "tulis"), ("mendengar", "dengar"), ("mencari", "cari"), ("menyapu", "sapu"), ("melihat", "lihat"),
        ("merusak", "rusak"), ("mengecek", "cek"), ("memproduksi", "produksi"), ("mentransfer", "transfer"),
        ("menjual", "jual"), ("mengubah", "ubah"), ("menyukseskan", "sukses"), ("memikirkan", "pikir"),
        // di-, ter-, ber-, ke-…-an, pe(N)-, per-, se-
        ("dibocorkan", "bocor"), ("diblokir", "blokir"), ("dikirimkan", "kirim"), ("dibeli", "beli"), ("ditulis", "tulis"),
        ("terbawa", "bawa"), ("terjual", "jual"), ("tertinggal", "tinggal"), ("berjalan", "jalan"), ("bekerja", "kerja"),
        ("berlari", "lari"), ("belajar", "ajar"), ("kebocoran", "bocor"), ("kedatangan", "datang"), ("keamanan", "aman"),
        ("pengiriman", "kirim"), ("pembelian", "beli"), ("penulis", "tulis"), ("penjualan", "jual"), ("pemakaian", "pakai"),
        ("perbaikan", "baik"), ("perjalanan", "jalan"), ("sebaiknya", "baik"), ("setelah", "telah"),
        // suffixes and clitics
        ("gunakan", "guna"), ("datangi", "datang"), ("tulisan", "tulis"), ("bukunya", "buku"), ("rumahku", "rumah"),
        ("mobilmu", "mobil"), ("pergilah", "pergi"), ("apakah", "apa"), ("begonya", "bego"), ("kirimannya", "kirim"),
        ("dibegoin", "bego"), ("memperbaiki", "baik"), ("diperbaiki", "baik"), ("kuambil", "ambil"), ("kaubawa", "bawa"),
        // colloquial Jakarta forms
        ("ngirim", "kirim"), ("ngajak", "ajak"), ("nyari", "cari"), ("nyoba", "coba"), ("nulis", "tulis"),
        ("nunggu", "tunggu"), ("mikir", "pikir"), ("ngepost", "post"), ("ngeblok", "blok"), ("ngecek", "cek"),
        ("gunain", "guna"), ("kirimin", "kirim"), ("nyariin", "cari"), ("ngabarin", "kabar"), ("kebawa", "bawa"),
        ("kepake", "pake"), ("bikinin", "bikin"), ("dibikin", "bikin"), ("dibeliin", "beli"),
    ]

    @Test func thereAreAtLeastSixtyForms() { #expect(MorphologyTests.words.count >= 60) }

    @Test(arguments: MorphologyTests.words)
    func stemIsAmongTheSplits(word: String, stem: String) {
        let stems = Morphology.analyses(of: word).map(\.stem)
        #expect(stems.contains(stem), "\(word): \(stems)")
    }

    @Test(arguments: [
        ("kirim", "mengirim"), ("pakai", "memakai"), ("tulis", "menulis"), ("sapu", "menyapu"), ("cari", "mencari"),
        ("ajak", "mengajak"), ("beli", "membeli"), ("lihat", "melihat"), ("cek", "mengecek"), ("blokir", "memblokir"),
        ("produksi", "memproduksi"), ("sukses", "menyukseskan".replacingOccurrences(of: "kan", with: "")),
        ("kritik", "mengkritik"), ("tunggu", "menunggu"), ("guna", "mengguna"),
    ])
    func activeVerbWithMeN(base: String, active: String) {
        #expect(Morphology.meN(base) == active)
    }

    @Test func formalRebuildsAffixesAroundTheFormalBase() {
        func formal(_ word: String, stem: String, base: String, suffix: String = "kan") -> String? {
            let analysis = Morphology.analyses(of: word).first { $0.stem == stem }!
            return Morphology.formal(analysis, base: base, formalSuffix: suffix)
        }
        #expect(formal("dibikin", stem: "bikin", base: "buat") == "dibuat")
        #expect(formal("bikinin", stem: "bikin", base: "buat") == "buatkan")
        #expect(formal("ngebikin", stem: "bikin", base: "buat") == "membuat")
        #expect(formal("nyariin", stem: "cari", base: "cari") == "mencarikan")
        #expect(formal("udahnya", stem: "udah", base: "sudah") == "sudahnya")
        #expect(formal("kebawa", stem: "bawa", base: "bawa") == "terbawa")
        #expect(formal("dikirimin", stem: "kirim", base: "kirim", suffix: "i") == "dikirimi")
        #expect(formal("dibikin", stem: "bikin", base: "lebih baik") == nil, "a phrase cannot take affixes")
        let plain = Morphology.Analysis(prefix: .none, stem: "hal", suffix: "", clitic: "nya")
        #expect(Morphology.formal(plain, base: "hal", reduplicated: true) == "hal-halnya")
    }

    /// A doubled verb repeats its base after a prefix that leaves it whole, and the melted form
    /// after meN- took its first consonant; an explicit active form doubles too, and a peN-
    /// noun doubled is a plural.
    @Test func doubledVerbsRepeatWhatTheirPrefixLeaves() {
        func doubled(_ prefix: SantunCore.Morphology.Prefix, _ base: String, active: String? = nil) -> String? {
            Morphology.formal(Morphology.Analysis(prefix: prefix, stem: base, suffix: "", clitic: ""), base: base,
                              active: active, reduplicated: true)
        }
        #expect(doubled(.nasal, "tulis") == "menulis-nulis")
        #expect(doubled(.nasal, "pukul") == "memukul-mukul")
        #expect(doubled(.nasal, "cari") == "mencari-cari")
        #expect(doubled(.nasal, "ambil") == "mengambil-ambil")
        #expect(doubled(.nasal, "tanya", active: "bertanya") == "bertanya-tanya")
        #expect(doubled(.peN, "beli") == "pembeli-pembeli")
        #expect(doubled(.di, "cari") == "dicari-cari")
    }

    /// A derived formal equivalent takes clitics, and ke-…-an around a ber-/ter- word, but no
    /// other affix: dikece is not dimenarik, kecuanan not kekeuntunganan; the finding then
    /// names the formal word and nothing is rewritten.
    @Test func aDerivedFormalWordTakesNoStackedAffix() {
        func formal(_ word: String, stem: String, base: String) -> String? {
            let analysis = Morphology.analyses(of: word).first { $0.stem == stem }!
            return Morphology.formal(analysis, base: base, derivedBase: Morphology.isDerived(base))
        }
        #expect(formal("dikece", stem: "kece", base: "menarik") == nil)
        #expect(formal("kecuanan", stem: "cuan", base: "keuntungan") == nil)
        #expect(formal("digemoyin", stem: "gemoy", base: "menggemaskan") == nil)
        #expect(formal("ketelatan", stem: "telat", base: "terlambat") == "keterlambatan")
        #expect(formal("kecenya", stem: "kece", base: "menarik") == "menariknya")
        #expect(formal("dibikin", stem: "bikin", base: "buat") == "dibuat", "a root takes every affix")
        #expect(formal("kelebayan", stem: "lebay", base: "berlebihan") == nil, "no -an after -an")
        let suffixed = Morphology.analyses(of: "minimalisirin").first { $0.stem == "minimalisir" }!
        #expect(Morphology.formal(suffixed, base: "minimalkan") == nil, "no suffix after -kan")
        let finding = TestSupport.lint("Desainnya dikece ulang.").first { $0.match == "dikece" }
        #expect(finding?.suggestions == ["menarik"] && finding?.fixable == false)
        // a respelling's formal word is the same word, a root here: trampil is terampil
        let respelled = TestSupport.lint("Pekerja ditrampilkan lewat pelatihan.").first { $0.match == "ditrampilkan" }
        #expect(respelled?.suggestions == ["diterampilkan"])
    }

    /// The stem filter skips the analysis of most words; it must never skip one whose analysis
    /// would find a stem. Checked on every split of the forms above and of every word of the
    /// corpora, each against a filter that knows only that split's stem.
    @Test func stemFilterLetsEveryAnalysisThrough() throws {
        var words = Set(MorphologyTests.words.map(\.0))
        let corpora = TestSupport.repoRoot.appendingPathComponent("corpora")
        let files = FileManager.default.enumerator(at: corpora, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "txt" {
            let text = try String(contentsOf: url, encoding: .utf8).lowercased()
            for word in text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) { words.insert(String(word)) }
        }
        #expect(words.count > 2500)
        var analyses = 0
        for word in words {
            for analysis in Morphology.analyses(of: word) {
                analyses += 1
                #expect(StemFilter(stems: [analysis.stem]).mayFindStem(in: word), "\(word): \(analysis)")
            }
        }
        #expect(analyses > 4000)
    }

    @Test(arguments: ["pantai", "santai", "petai", "sosial", "spesial", "masuk", "asuransi", "perekonomian", "memekik", "cukup"])
    func innocentWordsDoNotSplitIntoSwearWords(word: String) {
        let stems = Set(Morphology.analyses(of: word).map(\.stem))
        #expect(stems.isDisjoint(with: ["tai", "sial", "asu", "perek", "memek", "cuk"]), "\(word): \(stems)")
    }
}
