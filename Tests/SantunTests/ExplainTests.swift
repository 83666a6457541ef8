import Foundation
import Testing
@testable import SantunCore
@testable import SantunTraining

/// `santun explain`: every rule's explanation shows its rationale, severity and every example
/// as written in the pack (bad ones with their spans marked), and words find their rules
/// through the real engine.
@Suite struct ExplainTests {
    static let fixturePack = TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/explain/latihan.yml")

    static var allRules: [String] { TestSupport.builtInPacks.flatMap { $0.rules.map(\.id) } }

    func renderer(packs: [RulePack] = TestSupport.builtInPacks, style: TextStyle = TextStyle(),
                  language: TrainingLanguage = .id) -> (Explainer, ExplanationRenderer) {
        let explainer = Explainer(packs: packs, linter: TestSupport.linter(), ruleSet: RuleSet(packs: packs))
        return (explainer, ExplanationRenderer(explainer: explainer, style: style, language: language))
    }

    /// The example text with `⟦⟧` around its expected spans, as the explanation must show it.
    static func marked(_ example: RuleExample, open: String = "⟦", close: String = "⟧") -> String {
        var bytes = Array(example.text.utf8)
        for range in example.expectedRanges.sorted().reversed() {
            bytes.insert(contentsOf: Array(close.utf8), at: range.end)
            bytes.insert(contentsOf: Array(open.utf8), at: range.offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func squashed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test(arguments: allRules)
    func everyRuleRendersItsExamples(ruleID: String) throws {
        let (explainer, renderer) = renderer()
        let topic = try explainer.resolve(ruleID)
        guard case .rule(let rule) = topic else {
            Issue.record("\(ruleID) did not resolve to its rule")
            return
        }
        let text = try renderer.render(topic)
        let flat = Self.squashed(text)
        #expect(text.hasPrefix(ruleID + " · "))
        #expect(flat.contains(Self.squashed(rule.rationale)), "rationale missing")
        #expect(text.contains(Vocabulary.severity(rule.severity, .id)))
        for example in rule.examples {
            switch example.kind {
            case .bad: #expect(text.contains(Self.marked(example)), "bad example not marked: \(example.text)")
            case .good: #expect(text.contains("Benar:") && text.contains(example.text), "good example missing: \(example.text)")
            }
            if let fix = example.fix { #expect(text.contains(fix)) }
        }
        // Santun's own message on each marked span (the engine agrees with the markers).
        for walk in try explainer.walkthrough(rule) where walk.example.kind == .bad {
            #expect(walk.findings.map(\.range).sorted() == walk.example.expectedRanges.sorted())
            for finding in walk.findings { #expect(flat.contains(Self.squashed(finding.message))) }
        }
    }

    @Test func fixableRuleShowsTheFixAndTheSuggestion() throws {
        let pack = try TestSupport.pack(String(contentsOf: Self.fixturePack, encoding: .utf8), file: "latihan.yml")
        let (explainer, renderer) = renderer(packs: TestSupport.builtInPacks + [pack])
        let text = try renderer.render(try explainer.resolve("latihan.gak"))
        #expect(text.contains("✗ Salah:      Kami ⟦gak⟧ bisa hadir."))
        #expect(text.contains("    Saran:      tidak\n"))
        #expect(text.contains("Perbaikan:  Kami tidak bisa hadir."))
        #expect(text.contains("santun fix dapat memperbaikinya otomatis."))
        #expect(text.contains("gak → tidak, nggak → tidak"))
    }

    /// A rule whose words depend on context says that they are reported one level lower and
    /// near which words: its header alone (`error`) would mislead a trainee.
    @Test func contextDependentWordsAreExplainedWithTheirLowerSeverity() throws {
        let (explainer, renderer) = renderer()
        let insult = try renderer.render(try explainer.resolve("profanity-id.insult"))
        #expect(insult.contains("Semua kata di sini bergantung pada konteks: ditandai satu tingkat lebih"))
        #expect(insult.contains("rendah (warning)"))
        #expect(insult.contains("dasar, kamu, kalian"))
        let shouting = try renderer.render(try explainer.resolve("tone.shouting"))
        #expect(!shouting.contains("bergantung pada konteks"))
    }

    /// The literal contexts (`unless-near`) are shown, so a trainee sees why a vet's post is fine.
    @Test func literalContextsAreExplained() throws {
        let (explainer, renderer) = renderer()
        let strong = Self.squashed(try renderer.render(try explainer.resolve("profanity-id.strong")))
        #expect(strong.contains(Self.squashed("Tidak ditandai bila kata berikut ada di dekatnya (makna harfiah): dokter hewan")))
        let shouting = try renderer.render(try explainer.resolve("tone.shouting"))
        #expect(!shouting.contains("makna harfiah"))
    }

    /// A code-mixing rule says where it looks, so a trainee knows why `So far, so good.` is fine.
    @Test func codeMixingRulesSayTheyReadOnlyIndonesianSentences() throws {
        let (explainer, renderer) = renderer()
        let mixing = Self.squashed(try renderer.render(try explainer.resolve("slang.code-mixing")))
        #expect(mixing.contains(Self.squashed("Hanya di dalam kalimat berbahasa Indonesia")))
        let negation = Self.squashed(try renderer.render(try explainer.resolve("slang.negation")))
        #expect(!negation.contains(Self.squashed("Hanya di dalam kalimat berbahasa Indonesia")))
        // Looked up alone, an English word is no sentence of either language: it is shown in one.
        guard case let .word(_, hits) = try explainer.resolve("Literally") else {
            Issue.record("Literally did not resolve to a word")
            return
        }
        #expect(hits.map(\.rule.id) == ["slang.code-mixing"])
        #expect(hits.first?.frame == "kami literally datang")
        #expect(hits.first?.finding.suggestions.first == "benar-benar")
        guard case let .word(_, so) = try explainer.resolve("so") else {
            Issue.record("so did not resolve to a word")
            return
        }
        #expect(so.first?.note?.contains("Manado") == true, "the entry's note is found through the frame too")
    }

    /// A word a rule flags only near its context words is still found, with the frame it was
    /// looked up in; a word nothing flags is said to be unflagged.
    @Test func aWordFlaggedOnlyInContextIsExplainedWithItsFrame() throws {
        let (explainer, renderer) = renderer()
        guard case let .word(_, hits) = try explainer.resolve("sampah") else {
            Issue.record("sampah did not resolve to a word")
            return
        }
        #expect(hits.map(\.rule.id) == ["profanity-id.insult"])
        #expect(hits.first?.frame == "dasar sampah")
        let text = try renderer.render(try explainer.resolve("sampah"))
        #expect(text.contains("hanya dalam konteks, misalnya “dasar sampah”; sendirian tidak ditandai"))
        #expect(try renderer.render(try explainer.resolve("rumah")) == "Tidak ada aturan yang menandai “rumah”.\n")
    }

    /// A word read only inside its phrases (`buat`, "untuk" in `terima kasih buat`) is looked up
    /// in its first phrase, with the entry's note, and the rule's page names the phrases.
    @Test func aWordReadOnlyInItsPhrasesIsExplainedInOne() throws {
        let (explainer, renderer) = renderer()
        guard case let .word(_, hits) = try explainer.resolve("buat") else {
            Issue.record("buat did not resolve to a word")
            return
        }
        #expect(hits.map(\.rule.id) == ["slang.casual-form"])
        #expect(hits.first?.frame == "terima kasih buat")
        #expect(hits.first?.finding.suggestions.first == "untuk")
        #expect(hits.first?.note?.contains("buat akun") == true)
        let page = Self.squashed(try renderer.render(try explainer.resolve("slang.casual-form")))
        #expect(page.contains(Self.squashed("buat: hanya dalam frasa seperti terima kasih buat,")))
    }

    @Test func plainStyleUsesASCIIMarkersAndNoSymbols() throws {
        let (explainer, renderer) = renderer(style: TextStyle(plain: true))
        let text = try renderer.render(try explainer.resolve("tone.shouting"))
        #expect(text.contains("Promo [[HARI INI SAJA]] untuk pelanggan setia."))
        #expect(!text.contains("⟦") && !text.contains("✓") && !text.contains("✗"))
    }

    @Test func colourOnlyDoublesTheMarkers() throws {
        let (explainer, renderer) = renderer(style: TextStyle(color: true))
        let text = try renderer.render(try explainer.resolve("tone.shouting"))
        #expect(text.contains("⟦\u{1B}[4;1mHARI INI SAJA\u{1B}[0m⟧"))
        #expect(text.contains("Salah:") && text.contains("Benar:"))
    }

    @Test func englishUsesThePacksEnglishTexts() throws {
        let (explainer, renderer) = renderer(language: .en)
        let rule = try #require(TestSupport.builtInPacks.flatMap(\.rules).first { $0.id == "pii.nik" })
        let text = Self.squashed(try renderer.render(try explainer.resolve("pii.nik")))
        #expect(text.contains(Self.squashed(try #require(rule.rationaleEN))))
        #expect(text.contains("Why it harms the company's image"))
    }

    @Test func topicsResolveToRuleCategoryPackOrWord() throws {
        let (explainer, _) = renderer()
        guard case .category(.tone, let rules) = try explainer.resolve("TONE") else { Issue.record("tone"); return }
        #expect(rules.map(\.id) == TestSupport.builtInPacks.flatMap(\.rules).filter { $0.category == .tone }.map(\.id))
        guard case .pack(let pack) = try explainer.resolve("profanity-id") else { Issue.record("pack"); return }
        #expect(pack.id == "profanity-id")
        guard case .word(_, let hits) = try explainer.resolve("tone", asWord: true) else { Issue.record("word"); return }
        #expect(hits.isEmpty)
        guard case .word(_, let found) = try explainer.resolve("bangsat") else { Issue.record("bangsat"); return }
        #expect(found.map(\.rule.id) == ["profanity-id.strong"])
        #expect(found.first?.note?.contains("kepinding") == true)
    }

    // MARK: the real binary

    @Test func explainWordThroughTheBinary() throws {
        let run = try TestSupport.run(["explain", "anjing"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("“anjing” ditandai oleh:"))
        #expect(run.stdout.contains("profanity-id.strong (error): ⟦anjing⟧"))
        let none = try TestSupport.run(["explain", "kopi", "susu"])
        #expect(none.status == 1)
        #expect(none.stdout == "Tidak ada aturan yang menandai “kopi susu”.\n")
    }

    @Test func explainGunainFindsTheAffixRuleOfACompanyPack() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Self.fixturePack, to: directory.appendingPathComponent("latihan.yml"))
        try "packs:\n  - latihan.yml\n".write(to: directory.appendingPathComponent(".santun.yml"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["explain", "gunain"], directory: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("latihan.imbuhan (warning): ⟦gunain⟧"))
        #expect(run.stdout.contains("saran: gunakan"))
        #expect(run.stdout.contains("catatan: Bentuk baku: gunakan, menggunakan."))
        #expect(run.stdout.contains("Perbaikan:  Silakan gunakan kupon ini."))
    }

    @Test func explainWithoutTopicListsCategoriesAndRules() throws {
        let run = try TestSupport.run(["explain"])
        #expect(run.status == 0)
        for rule in Self.allRules { #expect(run.stdout.contains("  \(rule)  "), "\(rule) not listed") }
        let usage = try TestSupport.run(["explain", "--lang", "fr", "tone"])
        #expect(usage.status == 2)
    }
}
