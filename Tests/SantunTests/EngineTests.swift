import Foundation
import Testing
@testable import SantunCore

@Suite struct EngineTests {
    static let xx: RulePack = try! TestSupport.pack(
        String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/xx.yml"), encoding: .utf8),
        file: "Fixtures/xx.yml")
    let ruleSet = RuleSet(packs: [EngineTests.xx])

    func findings(_ text: String, options: LintOptions = LintOptions()) -> [Finding] {
        TestSupport.lint(text, ruleSet: ruleSet, options: options)
    }

    @Test func everyExampleOfTheFakePackPasses() {
        let failures = ExampleVerifier(linter: TestSupport.linter()).verify(EngineTests.xx)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Messages get the match and the suggestion in one pass: a brace that starts no
    /// placeholder stays, and text the match brings in is never read as a placeholder.
    @Test func messagePlaceholdersAreFilledOnce() {
        #expect(LintContext.fill("“{match}” → “{suggestion}”; {x} {", match: "{suggestion}", suggestion: "baku")
                == "“{suggestion}” → “baku”; {x} {")
        #expect(LintContext.fill("tanpa tempat", match: "a", suggestion: "b") == "tanpa tempat")
        #expect(LintContext.fill("{match}{match}", match: "é", suggestion: "") == "éé")
    }

    /// The lexicon's lookup table finds every key it was built from at its position, and nothing
    /// else: not a prefix, an extension, another case, or a key that shares its hash slot.
    @Test func keyTableFindsExactlyItsKeys() {
        let keys = ["", "di", "dimana", "anjing", "an", "a", "é", "sangaaat", "gue"] + (0..<500).map { "k\($0)" }
        let table = KeyTable(keys)
        #expect(table.count == keys.count)
        for (position, key) in keys.enumerated() { #expect(table.position(of: key) == position, "\(key)") }
        for absent in ["d", "dim", "dimanaa", "Di", "anjin", "e", "k500", "k01", "gue ", "\u{0}"] {
            #expect(table.position(of: absent) == nil, "\(absent)")
        }
        // A string long enough to be stored on the heap, not inline.
        let long = String(repeating: "panjang", count: 10)
        #expect(KeyTable([long]).position(of: String(repeating: "panjang", count: 10)) == 0)
    }

    @Test func lexiconMatchesPhrasesAndKeepsCase() {
        let result = findings("Udah kasih tau belum? KASIH TAU dong. Bikin aja.")
        #expect(result.map(\.match) == ["kasih tau", "KASIH TAU", "Bikin"])
        #expect(result.map { $0.suggestions.first } == ["beri tahu", "BERI TAHU", "Buat"])
        #expect(result[0].start == SourceLocation(line: 1, column: 6, utf16Column: 6))
        #expect(result[0].end == SourceLocation(line: 1, column: 15, utf16Column: 15))
    }

    /// Alay respellings (`ch` for a final h, `nk` for a final ng, `q` for k) are read as the slang
    /// word they spell; English words with those letters are not.
    @Test func alaySpellingsReadAsTheSlangWordTheyRespell() {
        let result = TestSupport.lint("Bagus nich, datang donk, koq sepi? Udach.", ruleSet: TestSupport.builtInRuleSet)
        #expect(result.map(\.match) == ["nich", "donk", "koq", "Udach"])
        #expect(result.map(\.ruleID) == ["slang.particle", "slang.particle", "slang.particle", "slang.casual-form"])
        #expect(result.last?.suggestions == ["Sudah"])
        let english = TestSupport.lint("Transfer ke bank, much appreciated, quality first, thank you.", ruleSet: TestSupport.builtInRuleSet)
        #expect(!english.contains { ["bank", "much", "quality"].contains($0.match) }, "\(english.map(\.match))")
    }

    /// Swear words respelled to dodge a filter are read as the word they respell; English and
    /// standard words with the same marks (a double letter, a final d, sh, f) are not.
    @Test func respelledSwearWordsAreReadAndLookAlikeWordsAreNot() {
        let text = "Dasar tolool, bangsaat, gobloq, monyed, jancoeg, bangsyat, kamfret kamu."
        let result = TestSupport.lint(text, ruleSet: TestSupport.builtInRuleSet).filter { $0.category == .profanity }
        #expect(result.map(\.match) == ["tolool", "bangsaat", "gobloq", "monyed", "jancoeg", "bangsyat", "kamfret"])
        #expect(result.map(\.ruleID).prefix(4) == ["profanity-id.strong", "profanity-id.strong", "profanity-id.strong", "profanity-id.strong"])
        let innocent = "Cook with a peeler, bused in, shucks, fussy feeler. Maaf, saat ini taat. Good and proof, shed, fished."
        let clean = TestSupport.lint(innocent, ruleSet: TestSupport.builtInRuleSet).filter { $0.category == .profanity || $0.category == .sara }
        #expect(clean.isEmpty, "\(clean.map(\.match))")
    }

    /// Skeletons that chat abbreviations share with English words, times of day and titles
    /// before a name are not chat: `check in at the desk and`, `7 pm`, `Ms Rina`, `St Regis`.
    @Test(arguments: ["Please check in at the desk and show it.", "Acara mulai 7 pm di aula.",
                      "Ms Rina memandu sesi ini.", "Menginap di St Regis Jakarta."])
    func englishWordsTimesAndTitlesAreNotChatAbbreviations(text: String) {
        let result = TestSupport.lint(text, ruleSet: TestSupport.builtInRuleSet)
        #expect(!result.contains { $0.ruleID == "slang.chat-abbreviation" }, "\(result.map(\.match))")
    }

    @Test func chatSkeletonsAreStillReadBesideThoseExceptions() {
        let result = TestSupport.lint("Harganya spt kemarin, tiba pd hari Senin, mrk senang.", ruleSet: TestSupport.builtInRuleSet)
        #expect(result.filter { $0.ruleID == "slang.chat-abbreviation" }.map(\.match) == ["spt", "pd", "mrk"])
    }

    /// A sentence written in English is left alone by the foreign-terms pack; an English word in
    /// an Indonesian sentence, even right after it, is still given its equivalent.
    @Test func englishSentencesKeepTheirEnglishWords() {
        let text = "Excited to share our new feature with you!\nSilakan download aplikasinya. Thank you for coming, see you at the meeting."
        let result = TestSupport.lint(text, ruleSet: TestSupport.builtInRuleSet).filter { $0.category == .foreignTerm }
        #expect(result.map(\.match) == ["download"])
        let mixed = TestSupport.lint("Jangan lupa meeting jam 9 ya, and bring your laptop.", ruleSet: TestSupport.builtInRuleSet)
        #expect(mixed.filter { $0.category == .foreignTerm }.map(\.match) == ["meeting"])
    }

    /// An abbreviation in capitals (`YG`, `DM`) is how chat writes it, not shouting: its suggestion
    /// takes the sentence's case, unless the words around it are in capitals too.
    @Test(arguments: [
        ("kirim lewat DM ya", "DM", "pesan langsung"),
        ("Info lengkap YG penting", "YG", "yang"),
        ("YG penting hadir", "YG", "Yang"),
        ("GW SUDAH DATANG", "GW", "SAYA"),
        ("Udah kasih tau", "Udah", "Sudah"),
    ])
    func capitalAbbreviationsTakeTheSentencesCase(text: String, match: String, suggestion: String) {
        let result = TestSupport.lint(text, ruleSet: TestSupport.builtInRuleSet)
        let finding = result.first { $0.match == match }
        #expect(finding?.suggestions.first == suggestion, "\(result.map { ($0.match, $0.suggestions) })")
    }

    @Test(arguments: [
        ("ANJIIING", true), ("4nj1ng", true), ("a.n.j.i.n.g", true), ("a n j i n g", true), ("аnjing", true),
        ("𝐚𝐧𝐣𝐢𝐧𝐠", true), ("anj*ng", true), ("anjingnya", true), ("anjing-anjing", true),
        ("anjungan", false), ("anjing pelacak", false), ("seekor anjing", false),
    ])
    func obfuscationsAndContext(text: String, flagged: Bool) {
        let hits = findings("Lihat \(text) itu.").filter { $0.severity == .error }
        #expect(hits.isEmpty != flagged, "\(text)")
        if flagged, let hit = hits.first, !text.contains(" ") {
            #expect(hit.match == text, "the span covers exactly what the user wrote")
        }
    }

    /// A first word that begins many phrases is split by the second word; the one-word entry,
    /// the phrase the next word continues and the order of hits stay as a plain scan gives them.
    @Test func aWordBeginningManyPhrasesStillMatchesEachOfThem() throws {
        var yaml = """
            pack: fan
            language: id
            description: many phrases share a first word
            rules:
              - id: fan.words
                kind: lexicon
                category: slang
                severity: warning
                message: "{match}"
                rationale: test
                examples:
                  - bad: "Ada ⟦rapat umum⟧ besok."
                  - good: "Ada acara besok."
                entries:
                  - match: rapat
                    suggest: pertemuan

            """
        let seconds = ["umum", "pleno", "akbar", "kerja", "dinas", "warga", "desa", "redaksi", "direksi", "tahunan", "bulanan", "mingguan"]
        for second in seconds { yaml += "      - match: rapat \(second)\n        suggest: pertemuan \(second)\n" }
        let ruleSet = RuleSet(packs: [try TestSupport.pack(yaml)])
        let found = TestSupport.lint("Rapat umum hari ini, rapat kilat besok, lalu rapat direksi.", ruleSet: ruleSet)
        #expect(found.map(\.match) == ["Rapat umum", "rapat", "rapat direksi"])
        #expect(found.map { $0.suggestions.first } == ["Pertemuan umum", "pertemuan", "pertemuan direksi"])
    }

    @Test func maybeLowersTheSeverityAndIsNotFixable() {
        let hit = findings("Acaranya gokil.").first!
        #expect(hit.severity == .info)
        #expect(!hit.fixable)
    }

    @Test func deletionSuggestion() {
        let hit = findings("Ayo cuy.").first!
        #expect(hit.suggestions == [""])
        #expect(hit.fixable)
    }

    @Test(arguments: [
        ("ngirim", "mengirim"), ("kirimin", "kirimkan"), ("ngirimin", "mengirimkan"), ("dikirimin", "dikirimkan"),
        ("datengin", "datangi"), ("dateng", "datang"), ("didatengin", "didatangi"), ("mikir", "berpikir"),
        ("mikirin", "memikirkan"),
    ])
    func colloquialAffixesGetTheFormalAffix(text: String, formal: String) {
        let hit = findings("Aku \(text) besok.").first
        #expect(hit?.suggestions == [formal], "\(text)")
    }

    @Test(arguments: ["kirim", "mengirim", "dikirim", "kiriman", "pengiriman", "datang", "kedatangan", "berpikir", "pikiran"])
    func standardFormsOfColloquialBasesStayClean(text: String) {
        #expect(findings("Aku \(text) besok.").isEmpty, "\(text)")
    }

    @Test func patternNeedsValidatorAndKeyword() {
        #expect(findings("NIK 3174055208900012").map(\.severity) == [.error])
        #expect(findings("Nomor 3174055208900012").map(\.severity) == [.warning], "no keyword: one step lower")
        #expect(findings("NIK 9974055208900012").isEmpty, "invalid province")
        #expect(findings("NIK 3174055213900012").isEmpty, "month 13")
    }

    /// A keyword names the number on its line or, from a line above, the next one; never a
    /// number on a line before an earlier match, nor one above it (a tracking number above
    /// `Rekening BCA 123 456 7890` is no account, a phone number below it no account either).
    @Test func keywordsBelongToTheNumberTheyName() {
        func rules(_ text: String) -> [String] { TestSupport.lint(text).filter { $0.category == .pii }.map { "\($0.start.line):\($0.ruleID)" } }
        #expect(rules("Nomor resi JNE 1234567890123 bisa dilacak.\nRekening BCA 123 456 7890 a.n. Dewi Lestari.\nHP saya 0857 1234 5678.")
                == ["2:pii.bank-account", "3:pii.phone"])
        #expect(rules("Transfer ke rekening BCA:\n1234567890") == ["2:pii.bank-account"])
        #expect(rules("Rek BCA 1234567890 atau BNI 0987654321") == ["1:pii.bank-account", "1:pii.bank-account"])
        #expect(rules("Rek BCA 1234567890\nRek BNI:\n0987654321") == ["1:pii.bank-account", "3:pii.bank-account"])
        // A marker of secrecy counts anywhere in its window (keyword-scope: window), lines included.
        let leak = TestSupport.lint("Kami mengakuisisi PT Contoh.\nMasih rahasia.").filter { $0.ruleID == "confidential.corporate-action" }
        #expect(leak.map(\.severity) == [.error])
        func yaml(_ scope: String, keywords: String = "[rek]") -> String {
            LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: error\n    message: m\n    rationale: r\n"
                + "    pattern: '\\d{10}'\n    keywords: \(keywords)\n    keyword-scope: \(scope)\n"
                + "    examples: [{bad: \"rek ⟦1234567890⟧\"}, {good: \"rek 12\"}]\n"
        }
        #expect(LoadErrorTests().loadError(yaml("nearby"))?.message.contains("keyword-scope is window or label") == true)
        #expect(LoadErrorTests().loadError(yaml("label", keywords: "[]"))?.message.contains("keyword-scope needs keywords") == true)
    }

    /// An account held by a company, foundation or cooperative (`unless-keywords`) is not a
    /// person's data; a person's account on the same line as a company's name still is.
    @Test func companyAccountsAreNotPersonalData() {
        func rules(_ text: String) -> [String] { TestSupport.lint(text).filter { $0.category == .pii }.map(\.match) }
        #expect(rules("Pembayaran ke rekening BCA 1234567890 a.n. PT Sinar Abadi.").isEmpty)
        #expect(rules("Donasi: BSI 7123456789 atas nama Yayasan Peduli Anak.").isEmpty)
        #expect(rules("Transfer ke BCA 7310254896 a.n. Dewi, admin PT Sinar.") == ["7310254896"])
        #expect(rules("Rek BCA 1234567890 a.n. PT Sinar, rek BNI 0987654321 a.n. Budi.") == ["0987654321"])
        #expect(rules("Rek BNI 0987654321 a.n. Budi, rek BCA 1234567890 a.n. PT Sinar.") == ["0987654321"])
        #expect(rules("Rekening a.n. PT Sinar Abadi: BCA 1234567890").isEmpty)
        let yaml = LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: error\n    message: m\n    rationale: r\n"
            + "    pattern: '\\d{10}'\n    keywords: [rek]\n    unless-keywords: []\n"
            + "    examples: [{bad: \"rek ⟦1234567890⟧\"}, {good: \"rek 12\"}]\n"
        #expect(LoadErrorTests().loadError(yaml)?.message.contains("unless-keywords needs non-empty phrases") == true)
    }

    @Test func metricRespectsExclusions() {
        #expect(findings("DIJAMIN MURAH BANGET sekarang").map(\.match) == ["DIJAMIN MURAH BANGET"])
        #expect(findings("Kunjungi PT BUMN hari ini").isEmpty)
    }

    @Test func hashedTermsMatchEveryWayOfWritingIt() {
        for text in ["Proyek Contoh", "PROYEK  CONTOH", "Proyek Contoh-nya", "#ProyekContoh", "#proyekcontoh", "proyek contohnya"] {
            let hits = findings("Soal \(text) besok.").filter { $0.ruleID == "xx.code" }
            #expect(hits.count == 1, "\(text)")
        }
        #expect(findings("Proyek lain besok.").isEmpty)
    }

    @Test func suppressionNeedsAReasonAndMustSuppressSomething() {
        let text = """
            <!-- santun-disable-next-line xx.word: kutipan langsung -->
            Kata dia "bikin".
            <!-- santun-disable-next-line xx.word -->
            bikin lagi
            <!-- santun-disable-next-line xx.shout: tidak ada apa-apa -->
            biasa saja
            <!-- santun-disable xx: nama acara -->
            bikin, bikin
            <!-- santun-enable xx -->
            bikin
            """
        let result = findings(text)
        #expect(result.map(\.ruleID) == [
            "santun.suppression-without-reason", "santun.unused-suppression", "xx.word",
        ])
        #expect(result.last?.start.line == 10)
    }

    @Test func overlapsLongestPhraseWinsButHarmIsNeverHidden() {
        let pack = try! TestSupport.pack("""
            pack: ov
            language: id
            description: Uji tumpang tindih.
            rules:
              - id: ov.phrase
                kind: lexicon
                category: slang
                severity: info
                message: "{match}"
                rationale: uji
                entries: [{match: sangat rahasia}, {match: babi hutan}]
                examples: [{bad: "⟦sangat rahasia⟧"}, {good: "biasa"}]
              - id: ov.word
                kind: lexicon
                category: slang
                severity: info
                message: "{match}"
                rationale: uji
                entries: [{match: rahasia}]
                examples: [{bad: "⟦rahasia⟧"}, {good: "biasa"}]
              - id: ov.harm
                kind: lexicon
                category: profanity
                severity: error
                message: "{match}"
                rationale: uji
                entries: [{match: babi}]
                examples: [{bad: "⟦babi⟧"}, {good: "biasa"}]
            """)
        let result = TestSupport.lint("Ini sangat rahasia. Ada babi hutan.", ruleSet: RuleSet(packs: [pack]))
        #expect(result.map(\.ruleID) == ["ov.phrase", "ov.phrase", "ov.harm"])
    }

    /// A linter remembers what the lexicon made of each word from draft to draft; used with one
    /// rule set and then another and back, it gives what fresh linters give.
    @Test func aLinterReusedAcrossRuleSetsGivesWhatFreshLintersGive() throws {
        var settings = RuleSet.Settings()
        settings.disabled = ["slang"]
        let noSlang = RuleSet(packs: TestSupport.builtInPacks, settings: settings)
        let drafts = ["Kemarin dibikinin kopi, ngirimin pesan, dasar tolool.", "Dibikinnya cepat, tolool banget."]
        let reused = TestSupport.linter()
        for ruleSet in [TestSupport.builtInRuleSet, noSlang, TestSupport.builtInRuleSet, noSlang] {
            for draft in drafts {
                let again = try reused.lint(SourceText(draft), ruleSet: ruleSet)
                let fresh = try TestSupport.linter().lint(SourceText(draft), ruleSet: ruleSet)
                #expect(again.map(\.ruleID) == fresh.map(\.ruleID) && again.map(\.range) == fresh.map(\.range), "\(draft)")
            }
        }
        let withSlang = try reused.lint(SourceText(drafts[0]), ruleSet: TestSupport.builtInRuleSet)
        #expect(withSlang.contains { $0.match == "dibikinin" } && withSlang.contains { $0.match == "tolool" })
    }

    @Test func allowListAndSettings() {
        var settings = RuleSet.Settings()
        settings.allow = ["Bikin"]
        settings.severities = ["slang": .error]
        let loader = PackLoader(tokenizer: TestSupport.tokenizer())
        let configured = RuleSet(packs: [EngineTests.xx], settings: settings, normalize: loader.normalizedWords)
        let result = TestSupport.lint("Bikin kasih tau", ruleSet: configured)
        #expect(result.map(\.match) == ["kasih tau"])
        #expect(result.first?.severity == .error)
        settings.disabled = ["xx.word"]
        #expect(TestSupport.lint("kasih tau", ruleSet: RuleSet(packs: [EngineTests.xx], settings: settings)).isEmpty)
    }

    @Test func baselineHidesKnownFindingsByContentNotLineNumber() throws {
        let before = SourceText("Judul\nAku bikin kue.\n")
        let old = TestSupport.lint(before.text(ByteRange(offset: 0, length: before.bytes.count)), ruleSet: ruleSet)
        let baseline = Baseline(entries: Baseline.entries(for: [("a.txt", old, before)]))
        let parsed = try Baseline.parse(baseline.text, file: "b.txt")
        #expect(parsed.entries == baseline.entries)
        #expect(baseline.text == parsed.text, "stable text")
        let after = SourceText("Judul baru\n\nAku bikin kue.\nKamu bikin roti.\n")
        let now = TestSupport.lint(String(decoding: after.bytes, as: UTF8.self), ruleSet: ruleSet)
        let fresh = parsed.filter(now, path: "a.txt", source: after)
        #expect(fresh.map(\.start.line) == [4])
    }

    @Test func markdownNonProseIsNotLintedAndSpansStayExact() {
        let text = "---\nplatform: x\njudul: bikin\n---\nKode `bikin` dan [bikin](https://x.id/bikin) <!-- bikin -->\n```\nbikin\n```\nAku bikin.\n"
        let result = findings(text, options: LintOptions(markdown: true))
        #expect(result.count == 2)
        #expect(result.map(\.match) == ["bikin", "bikin"])
        #expect(result.map(\.start.line) == [5, 9])
        #expect(result[0].range.offset == Array(text.utf8).count - Array("bikin](https://x.id/bikin) <!-- bikin -->\n```\nbikin\n```\nAku bikin.\n".utf8).count)
    }
}

@Suite struct LoadErrorTests {
    func loadError(_ yaml: String) -> LoadError? {
        do {
            _ = try TestSupport.pack(yaml, file: "bad.yml")
            return nil
        } catch let error as LoadError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    static let head = "pack: t\nlanguage: id\ndescription: d\nrules:\n"
    static let rule = "  - id: t.a\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n    rationale: r\n    entries: [{match: a}]\n    examples: [{bad: \"⟦a⟧\"}, {good: b}]\n"

    @Test func badYAMLNamesTheLine() {
        let error = loadError(LoadErrorTests.head + "  - id: t.a\n    kind: [lexicon\n")
        #expect(error?.file == "bad.yml")
        #expect(error?.line == 6 || error?.line == 7)
        #expect(error?.message.hasPrefix("invalid YAML") == true)
    }

    /// An `unless` phrase must hold the entry's word and more; with morphology, one affixed form
    /// of a one-word entry may stand alone (`sampahnya`), and it cancels exactly that form.
    /// Without morphology only a clitic form may (`biarpun`): the word takes no other affix.
    @Test func unlessTakesOneAffixedFormOnlyWithMorphology() throws {
        func yaml(morphology: Bool, unless: String = "sampahnya") -> String {
            LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: profanity\n    severity: warning\n    message: m\n"
                + "    rationale: r\n    morphology: \(morphology)\n    entries: [{match: sampah, unless: [\(unless)]}]\n"
                + "    examples: [{bad: \"dasar ⟦sampah⟧\"}, {good: \"\(unless) dibuang\"}]\n"
        }
        let error = loadError(yaml(morphology: false, unless: "persampahan"))
        #expect(error?.message.contains("must contain 'sampah' and more words") == true, "\(String(describing: error))")
        for morphology in [true, false] {
            let pack = try TestSupport.pack(yaml(morphology: morphology), file: "ok.yml")
            let found = TestSupport.lint("dasar sampah, sampahnya, sampahku", ruleSet: RuleSet(packs: [pack]))
            #expect(found.map(\.match) == ["sampah", "sampahku"], "morphology: \(morphology)")
        }
    }

    /// An `unless-near` word cancels a hit within eight tokens on the same line, and only there.
    @Test func unlessNearCancelsWithinTheWindowOnTheSameLine() throws {
        let yaml = LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: profanity\n    severity: error\n    message: m\n"
            + "    rationale: r\n    morphology: true\n    entries: [{match: anjing, unless-near: [dokter hewan, rabies]}]\n"
            + "    examples: [{bad: \"⟦anjing⟧ kau\"}, {good: \"dokter hewan memeriksa anjing\"}]\n"
        let ruleSet = RuleSet(packs: [try TestSupport.pack(yaml, file: "ok.yml")])
        #expect(TestSupport.lint("Vaksin rabies untuk anjingnya gratis.", ruleSet: ruleSet).isEmpty)
        #expect(TestSupport.lint("Anjing ini diperiksa dokter hewan.", ruleSet: ruleSet).isEmpty)
        let far = "anjing satu dua tiga empat lima enam tujuh delapan rabies"
        #expect(TestSupport.lint(far, ruleSet: ruleSet).map(\.match) == ["anjing"])
        #expect(TestSupport.lint("Dasar anjing\nrabies itu berbahaya", ruleSet: ruleSet).map(\.match) == ["anjing"])
    }

    /// The window reads across hashtags: the words inside a tag and the text around it count
    /// both ways (`#anjing #rabies`, `rabies untuk #anjing`, `anjing ... #rabies`).
    @Test func unlessNearReadsAcrossHashtags() throws {
        let yaml = LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: profanity\n    severity: error\n    message: m\n"
            + "    rationale: r\n    morphology: true\n    entries: [{match: anjing, unless-near: [rabies]}]\n"
            + "    examples: [{bad: \"⟦anjing⟧ kau\"}, {good: \"vaksin rabies untuk anjing\"}]\n"
        let ruleSet = RuleSet(packs: [try TestSupport.pack(yaml, file: "ok.yml")])
        for clean in ["Klinik kami: #anjing #rabies", "Vaksin rabies untuk #anjing", "Bawa anjing Anda hari ini #rabies",
                      "#AnjingSehat #BebasRabies"] {
            #expect(TestSupport.lint(clean, ruleSet: ruleSet).isEmpty, "\(clean)")
        }
        #expect(TestSupport.lint("#anjing kau #kesal", ruleSet: ruleSet).map(\.match) == ["anjing"])
        #expect(TestSupport.lint("#anjing kau\n#rabies", ruleSet: ruleSet).map(\.match) == ["anjing"])
    }

    /// `doubles` lets a word of a rule without morphology match doubled, with its suggestion
    /// doubled; a word without it does not, and a rule with morphology may not carry the key.
    @Test func doublesIsAnOptInForRulesWithoutMorphology() throws {
        func yaml(morphology: Bool) -> String {
            LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n"
                + "    rationale: r\n    fixable: true\n    morphology: \(morphology)\n"
                + "    entries: [{match: gitu, suggest: begitu, doubles: true}, {match: biar, suggest: agar}]\n"
                + "    examples: [{bad: \"⟦gitu⟧ saja\", fix: \"begitu saja\"}, {good: \"begitu saja\"}]\n"
        }
        #expect(loadError(yaml(morphology: true))?.message.contains("doubles belongs to rules without morphology") == true)
        let ruleSet = RuleSet(packs: [try TestSupport.pack(yaml(morphology: false), file: "ok.yml")])
        let found = TestSupport.lint("gitu2 saja, biar-biar", ruleSet: ruleSet)
        #expect(found.map(\.match) == ["gitu2"])
        #expect(found.first?.suggestions == ["begitu-begitu"])
    }

    /// `opens-clause` reports a word only where it opens a clause, alone or after a listed subject
    /// (`-nya`: any word with that clitic) that opens one, and before another word: `lagi` is
    /// sedang there and "again" after a verb or its object. A rule with morphology may not carry
    /// the key, and an archive keeps it.
    @Test func opensClauseReadsTheWordOnlyAtAClauseOpening() throws {
        func yaml(morphology: Bool) -> String {
            LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n"
                + "    rationale: r\n    fixable: true\n    morphology: \(morphology)\n"
                + "    entries: [{match: lagi, suggest: sedang, opens-clause: [kami, \"-nya\"]}]\n"
                + "    examples: [{bad: \"kami ⟦lagi⟧ makan\", fix: \"kami sedang makan\"}, {good: \"coba lagi nanti\"}]\n"
        }
        #expect(loadError(yaml(morphology: true))?.message.contains("opens-clause belongs to rules without morphology") == true)
        let pack = try TestSupport.pack(yaml(morphology: false), file: "ok.yml")
        let archived = try PackArchive.decode(PackArchive.encode([pack], normalize: { [$0] }))
        for ruleSet in [RuleSet(packs: [pack]), RuleSet(packs: archived)] {
            for flagged in ["Lagi ada promo.", "Maaf, kami lagi ada kendala.", "Stoknya lagi kosong.", "Produk yang lagi viral.",
                            "Kalau lagi hujan, kirim besok."] {
                #expect(TestSupport.lint(flagged, ruleSet: ruleSet).map(\.match).map { $0.lowercased() } == ["lagi"], "\(flagged)")
            }
            for clean in ["Coba lagi nanti.", "Kunjungi kami lagi di toko.", "Lagi pula, gratis.", "Lagi dong!", "Sekali lagi, terima kasih.",
                          "Jangan hubungi kami lagi.", "Warna yang satunya lagi tersedia.", "Dan lagi harganya murah.", "kami lagi\nmakan"] {
                #expect(TestSupport.lint(clean, ruleSet: ruleSet).isEmpty, "\(clean)")
            }
        }
    }

    /// An `only-in` entry counts only inside one of its phrases (`terima kasih buat`, `buat kamu
    /// yang`), where `buat` is "untuk"; the verb (`buat akun`) and the phrase broken by a sentence
    /// end stay clean; `unless` still cancels inside an allowed phrase; a phrase without the word
    /// is a load error; the archive keeps the phrases.
    @Test func onlyInReadsTheWordOnlyInsideItsPhrases() throws {
        func yaml(_ phrases: String) -> String {
            LoadErrorTests.head + "  - id: t.b\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n"
                + "    rationale: r\n    fixable: true\n"
                + "    entries: [{match: buat, suggest: untuk, only-in: [\(phrases)], unless: [bisa buat]}]\n"
                + "    examples: [{bad: \"terima kasih ⟦buat⟧ semua\", fix: \"terima kasih untuk semua\"}, {good: \"buat akun\"}]\n"
        }
        let malformed = loadError(yaml("terima kasih buat, selamat untuk"))
        #expect(malformed?.message.contains("only-in phrase 'selamat untuk' must contain 'buat'") == true, "\(String(describing: malformed))")
        #expect(loadError(yaml("buat"))?.message.contains("must contain 'buat' and more words") == true)
        #expect(loadError(yaml(""))?.message.contains("only-in needs at least one phrase") == true)
        let pack = try TestSupport.pack(yaml("terima kasih buat, buat kamu yang"), file: "ok.yml")
        let archived = try PackArchive.decode(PackArchive.encode([pack], normalize: { [$0] }))
        for ruleSet in [RuleSet(packs: [pack]), RuleSet(packs: archived)] {
            let found = TestSupport.lint("Terima kasih buat semua. Buat kamu yang absen, ini rekamannya.", ruleSet: ruleSet)
            #expect(found.map(\.match) == ["buat", "Buat"])
            #expect(found.map(\.range.offset) == [13, 25])
            #expect(found.map { $0.suggestions.first ?? "" } == ["untuk", "Untuk"])
            for clean in ["Buat akun baru.", "Terima kasih. Buat laporan besok.", "Kami bisa buat kamu yang ragu jadi yakin.",
                          "Buat kamu, semuanya."] {
                #expect(TestSupport.lint(clean, ruleSet: ruleSet).isEmpty, "\(clean)")
            }
        }
    }

    /// `affixed` tells a listed affixed word, which repeats only its base (berkali2 → berkali-kali,
    /// secepat2nya → secepat-cepatnya), from an unlisted word, which repeats whole (bersih2 →
    /// bersih-bersih); the list is data, checked at load with file and line.
    @Test func affixedWordsRepeatOnlyTheirBase() throws {
        func yaml(_ affixed: String, metric: String = "reduplication-digit") -> String {
            LoadErrorTests.head + "  - id: t.r\n    kind: metric\n    category: nonstandard\n    severity: info\n"
                + "    message: \"{suggestion}\"\n    rationale: r\n    fixable: true\n    metric: \(metric)\n"
                + (metric == "reduplication-digit" ? "" : "    threshold: 2\n")
                + "    affixed: [\(affixed)]\n"
                + "    examples: [{bad: \"⟦hal2⟧ ini\", fix: \"hal-hal ini\"}, {good: \"hal-hal ini\"}]\n"
        }
        let pack = try TestSupport.pack(yaml("ber+kali, se+cepat, me+nari, di+besar"), file: "ok.yml")
        let found = TestSupport.lint("berkali2 secepat2nya Menari2 dibesar2kan bersih2 kali2", ruleSet: RuleSet(packs: [pack]))
        #expect(found.map { $0.suggestions.first ?? "" }
                == ["berkali-kali", "secepat-cepatnya", "Menari-nari", "dibesar-besarkan", "bersih-bersih", "kali-kali"])
        #expect(found.allSatisfy { $0.fixable })
        let malformed = loadError(yaml("ber+kali, berkali"))
        #expect(malformed?.message.contains("prefix+base") == true && malformed?.line == 13, "\(String(describing: malformed))")
        #expect(loadError(yaml("ber+kali, ber+kali"))?.message.contains("listed twice") == true)
        #expect(loadError(yaml("ber+Kali"))?.message.contains("prefix+base") == true)
        #expect(loadError(yaml("ber+kali", metric: "caps-words"))?.message.contains("belongs to metric reduplication-digit") == true)
    }

    /// Alay spellings of standard words are reported with the plain word (digits for letters,
    /// alternating capitals); codes, CamelCase names and words the packs do not know stay clean.
    @Test func alaySpellingsOfStandardWordsAreReported() {
        let found = TestSupport.lint("S3l4m4t p4g1, b3l1 sekarang dan SeMaNgAt terus.").filter { $0.ruleID == "slang.alay-spelling" }
        #expect(found.map(\.match) == ["S3l4m4t", "p4g1", "b3l1", "SeMaNgAt"])
        #expect(found.map { $0.suggestions.first ?? "" } == ["Selamat", "pagi", "beli", "semangat"])
        #expect(found.allSatisfy { $0.fixable })
        let clean = "Kotak P3K, virus H1N1, jaringan 4G, lagu mp3nya, paket 5in1, kerja3x, MacBookPro, YouTube, LaTeX, vqH0TNXaRz."
        #expect(TestSupport.lint(clean).filter { $0.ruleID == "slang.alay-spelling" }.isEmpty)
        // A draft in lowercase keeps its convention at the start of a sentence.
        #expect(TestSupport.lint("b3l1 sekarang").first { $0.ruleID == "slang.alay-spelling" }?.suggestions == ["beli"])
    }

    /// A chat skeleton doubled with a 2 is the formal word doubled (tmn2: teman-teman); a
    /// vowelless word with a 2 that no rule knows is a version or a name, not a repeated word.
    @Test func doubledSkeletonsAreRebuiltAndVersionsLeftAlone() {
        let found = TestSupport.lint("Makasih tmn2, bnr2 membantu angkut brg2.")
        #expect(found.filter { $0.category == .slang }.map { $0.suggestions.first ?? "" }
                == ["Terima kasih", "teman-teman", "benar-benar", "barang-barang"])
        #expect(TestSupport.lint("Pasang lvm2, bz2, gtk2 dan http2 di server.").filter { $0.category != .foreignTerm }.isEmpty)
    }

    /// A symbol for a letter (`anj!ng`, `bangs@t`, `sh!t`, `@njing`) does not hide a swear
    /// word; touching tokens that spell no swear word stay as they are.
    @Test func symbolsForLettersDoNotHideSwearWords() {
        let found = TestSupport.lint("Dasar anj!ng, bangs@t, (sh!t), @njing! 4njing $hit").filter { $0.category == .profanity }
        #expect(found.map(\.match) == ["anj!ng", "bangs@t", "sh!t", "@njing", "4njing", "$hit"])
        #expect(found.allSatisfy { $0.severity == .error })
        for clean in ["Hai!Apa kabar@semua?", "Terima kasih @su dan @asu_official.", "Tulis ke info@asuransi.co.id!", "Wow!! Keren!",
                      "4ku datang, harga 50rb, 4sik, harga $5 atau US$ 100"] {
            #expect(TestSupport.lint(clean).filter { $0.category == .profanity }.isEmpty, "\(clean)")
        }
    }

    /// When no affixed formal word can be built around a phrase (`kebokekan`, "tidak punya
    /// uang"), the finding names the formal words and nothing is rewritten automatically.
    @Test func anUnbuildableRewriteNamesTheFormalWordsWithoutFixing() {
        let found = TestSupport.lint("Akhir bulan kebokekan.").filter { $0.match == "kebokekan" }
        #expect(found.first?.suggestions == ["tidak punya uang"])
        #expect(found.first?.fixable == false)
        #expect(found.first?.message.contains("“tidak punya uang”") == true)
    }

    /// `#` in an `unless` phrase stands for any figure: `min 5`, `min. 2`, `min 10%` are not
    /// the chat address, `min` alone still is.
    @Test func unlessNumberPlaceholderCancelsOnlyBeforeAFigure() throws {
        let yaml = LoadErrorTests.head + "  - id: t.a\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n"
            + "    rationale: r\n    entries: [{match: min, suggest: Admin, unless: [\"min #\", \"min . #\"]}]\n"
            + "    examples: [{bad: \"halo ⟦min⟧\", fix: \"halo Admin\"}, {good: \"min. 2 barang\"}]\n"
        let pack = try TestSupport.pack(yaml, file: "ok.yml")
        let found = TestSupport.lint("min, suhu min 5 derajat, min. 2 barang, diskon min 10%, min Rp5.000, halo min", ruleSet: RuleSet(packs: [pack]))
        #expect(found.map(\.range.offset) == [0, 74])
    }

    @Test func unknownKeyNamesLineAndKey() {
        let error = loadError(LoadErrorTests.head + LoadErrorTests.rule.replacingOccurrences(of: "    rationale: r\n", with: "    rationale: r\n    sevrity: info\n"))
        #expect(error?.line == 11)
        #expect(error?.message.contains("unknown key 'rules[0].sevrity'") == true)
    }

    @Test func badRegexIsALoadError() {
        let yaml = LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: info\n    message: m\n    rationale: r\n    pattern: '(\\d+'\n    examples: [{bad: \"⟦1⟧\"}, {good: b}]\n"
        let error = loadError(yaml)
        #expect(error?.line == 11)
        #expect(error?.message.contains("invalid regular expression") == true)
    }

    @Test func unknownValidatorAndDuplicateIds() {
        let validator = LoadErrorTests.head + "  - id: t.p\n    kind: pattern\n    category: pii\n    severity: info\n    message: m\n    rationale: r\n    pattern: '\\d+'\n    validator: ktp\n    examples: [{bad: \"⟦1⟧\"}, {good: b}]\n"
        #expect(loadError(validator)?.message.contains("unknown value 'ktp'") == true)
        let duplicate = LoadErrorTests.head + LoadErrorTests.rule + LoadErrorTests.rule
        let error = loadError(duplicate)
        #expect(error?.message.contains("duplicate rule id 't.a'") == true)
        #expect(error?.line == 13)
    }

    @Test func failingExampleIsReportedWithItsLine() throws {
        let pack = try TestSupport.pack(LoadErrorTests.head + LoadErrorTests.rule.replacingOccurrences(of: "{good: b}", with: "{good: a b}"), file: "bad.yml")
        let failures = ExampleVerifier(linter: TestSupport.linter()).verify(pack)
        #expect(failures.count == 1)
        #expect(failures.first?.description.hasPrefix("bad.yml:12:1: t.a: good example is reported") == true)
    }

    @Test func examplesAreRequired() {
        let missing = LoadErrorTests.head + LoadErrorTests.rule.replacingOccurrences(of: "{bad: \"⟦a⟧\"}, ", with: "")
        #expect(loadError(missing)?.message.contains("at least one bad example") == true)
    }
}
