import Foundation
import Testing
@testable import SantunCore
@testable import SantunTraining

/// `santun train`: exercises load strictly, the order depends only on the seed, answers are
/// scored by the real engine with the documented formula, and a scripted session, a live one in
/// a pseudo-terminal and the worksheet print what a trainer expects.
@Suite struct TrainTests {
    static let fixtures = TestSupport.repoRoot.appendingPathComponent("Tests/SantunTests/Fixtures/training")

    static func exercises() throws -> [Exercise] { try ExerciseLoader.load(directory: fixtures.path) }

    static func scorer() -> AnswerScorer { AnswerScorer(linter: TestSupport.linter(), ruleSet: TestSupport.builtInRuleSet) }

    static func exercise(_ id: String) throws -> Exercise {
        try #require(try exercises().first { $0.id == id })
    }

    // MARK: loading

    @Test func fixturesLoadSortedWithEveryField() throws {
        let all = try Self.exercises()
        #expect(all.map(\.id) == ["pii/01-nomor-hp", "profanity/01-umpatan-lembur", "tone/01-huruf-kapital"])
        let first = all[0]
        #expect(first.lesson == .pii)
        #expect(first.title == "Nomor HP pribadi" && first.titleEN == "A personal phone number")
        #expect(first.draft == "Hubungi saya di 0812-3456-7890 untuk pemesanan.")
        #expect(all[2].titleEN == nil && all[2].hintEN == nil)
    }

    @Test(arguments: [
        ("title: a\nlesson: slang\ndraft: b\nanswer: c\nhint: d\nlevel: 2\n", "x.yml:6: unknown key 'level'"),
        ("title: a\nlesson: gaul\ndraft: b\nanswer: c\nhint: d\n", "x.yml:2: unknown lesson 'gaul'"),
        ("title: a\nlesson: slang\ndraft: b\nanswer: c\n", "x.yml:1: missing required key 'hint'"),
        ("title: a\nlesson: slang\ndraft: b\nanswer: \"c\\nd\"\nhint: d\n", "x.yml:4: 'answer' must be one line"),
        ("- a\n- b\n", "x.yml:1: expected a mapping"),
        ("title: [a]\nlesson: slang\ndraft: b\nanswer: c\nhint: d\n", "x.yml:1: 'title' must be a string"),
    ])
    func malformedExercisesNameTheFileAndLine(yaml: String, expected: String) {
        #expect {
            _ = try ExerciseLoader.parse(yaml, file: "x.yml", id: "slang/x")
        } throws: { error in
            String(describing: error).hasPrefix(expected)
        }
    }

    @Test func lessonMustMatchItsFolder() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tone"), withIntermediateDirectories: true)
        try "title: a\nlesson: slang\ndraft: b\nanswer: c\nhint: d\n"
            .write(to: root.appendingPathComponent("tone/01-a.yml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try ExerciseLoader.load(directory: root.path)
        } throws: { error in
            String(describing: error).hasSuffix("lesson 'slang' differs from its folder 'tone'")
        }
    }

    // MARK: the plan

    @Test func theOrderDependsOnlyOnTheSeed() throws {
        let all = try Self.exercises()
        // Golden orders: SplitMix64 must give these on every platform, or paper answers misalign.
        #expect(SessionPlan(exercises: all, seed: 7).exercises.map(\.lesson) == [.profanity, .tone, .pii])
        #expect(SessionPlan(exercises: all, seed: 1).exercises.map(\.lesson) == [.pii, .profanity, .tone])
        #expect(SessionPlan(exercises: all.reversed(), seed: 7).exercises.map(\.id) == SessionPlan(exercises: all, seed: 7).exercises.map(\.id))
        #expect(SessionPlan(exercises: all, lessons: [.tone, .pii], seed: 7).exercises.map(\.lesson) == [.pii, .tone])
        #expect(SessionPlan(exercises: all, seed: 7, count: 2).exercises.count == 2)
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)  // SplitMix64's published first output for seed 0
    }

    // MARK: scoring

    @Test func theModelAnswerScoresFull() throws {
        let exercise = try Self.exercise("tone/01-huruf-kapital")
        let result = try Self.scorer().score(exercise, answer: exercise.answer)
        #expect(result.draftFindings.map(\.ruleID) == ["tone.shouting", "tone.exclamation"])
        #expect(result.fixed.count == 2 && result.remaining.isEmpty && result.introduced.isEmpty)
        #expect(result.similarity == 1)
        #expect(result.points == 100)
    }

    @Test func theUnchangedDraftScoresNothing() throws {
        let exercise = try Self.exercise("profanity/01-umpatan-lembur")
        let result = try Self.scorer().score(exercise, answer: exercise.draft)
        #expect(result.fixed.isEmpty)
        #expect(result.remaining.map(\.match) == ["bangsat"])
        #expect(result.points == 0)
    }

    @Test func halfFixedScoresHalfTheForm() throws {
        // Shouting fixed, "!!!" left; the words equal the model answer's, so similarity is 1.
        let exercise = try Self.exercise("tone/01-huruf-kapital")
        let result = try Self.scorer().score(exercise, answer: "Diskon besar hari ini untuk semua anggota!!!")
        #expect(result.fixed.map(\.ruleID) == ["tone.shouting"])
        #expect(result.remaining.map(\.ruleID) == ["tone.exclamation"])
        #expect(result.points == 50)
    }

    @Test func deletingEverythingEarnsOnlyTheFixShare() throws {
        let exercise = try Self.exercise("profanity/01-umpatan-lembur")
        let result = try Self.scorer().score(exercise, answer: "...")
        #expect(result.fixed.count == 1 && result.similarity == 0)
        #expect(result.points == 60)
    }

    @Test func newProblemsCostPoints() throws {
        let exercise = try Self.exercise("profanity/01-umpatan-lembur")
        // The swear word is gone but a new one came in: 100 − 20 for a new error.
        let result = try Self.scorer().score(exercise, answer: exercise.answer + " Anjing.")
        #expect(result.fixed.map(\.match) == ["bangsat"])
        #expect(result.introduced.map(\.match) == ["Anjing"])
        let expected = Int((60 + 40 * result.similarity - 20).rounded())
        #expect(result.points == expected)
        #expect(result.points < 80)
    }

    @Test func anotherPhoneNumberIsTheSameLeak() throws {
        let exercise = try Self.exercise("pii/01-nomor-hp")
        let result = try Self.scorer().score(exercise, answer: "Hubungi kami di 0857-1111-2222 untuk pemesanan.")
        #expect(result.fixed.isEmpty)
        #expect(result.remaining.map(\.match) == ["0857-1111-2222"])
        #expect(result.introduced.isEmpty)
        #expect(result.points == 0)
    }

    @Test func blankAnswersAreSkipped() throws {
        let exercise = try Self.exercise("pii/01-nomor-hp")
        let result = try Self.scorer().score(exercise, answer: "   ")
        #expect(result.skipped && result.points == 0)
        #expect(result.remaining.count == 1)
    }

    @Test func similarityIsTheDiceCoefficientOfNormalizedTokens() {
        let similarity = TokenSimilarity(tokenizer: TestSupport.tokenizer())
        #expect(similarity.similarity("Rapat hari ini.", "rapat HARI ini!") == 1)
        #expect(similarity.similarity("kopi susu gula aren", "kopi susu teh manis") == 0.5)
        #expect(similarity.similarity("", "") == 1)
        #expect(similarity.similarity("kopi", "") == 0)
        #expect(similarity.tokens("Sale 50% di https://contoh.id 🎉!!") == ["sale", "50%", "di", "https://contoh.id"])
    }

    // MARK: the real binary

    func writeAnswers(_ lines: [String]) throws -> URL {
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("jawaban.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func scriptedSessionGivesTheExpectedScores() throws {
        // Seed 7 orders the fixtures profanity, tone, pii.
        let answers = try writeAnswers([
            "Laporan harus selesai malam ini. Terima kasih atas kerja keras tim.",
            "DISKON BESAR HARI INI untuk semua anggota!",
            "",
        ])
        let run = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--seed", "7", "--answers", answers.path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        #expect(out.hasPrefix("Latihan Santun: 3 soal (semua pelajaran), seed 7\n"))
        #expect(out.contains("Soal 1 dari 3 · Umpatan · Umpatan saat lembur"))
        #expect(out.contains("Jawaban: DISKON BESAR HARI INI untuk semua anggota!\n"))
        #expect(out.contains("Diperbaiki (1 dari 2):\n  ✓ ⟦!!!⟧ (tone.exclamation)"))
        #expect(out.contains("Masih ada (1):\n  ✗ ⟦DISKON BESAR HARI INI⟧ [warning, tone.shouting]"))
        #expect(out.contains("Mengapa tone.shouting: Tiga kata kapital atau lebih"))
        #expect(out.contains("Dilewati."))
        #expect(out.contains("""
              1. Umpatan saat lembur [profanity/01-umpatan-lembur]: 100/100
              2. Huruf kapital dan tanda seru [tone/01-huruf-kapital]: 50/100
              3. Nomor HP pribadi [pii/01-nomor-hp]: 0/100 (dilewati)
            """))
        #expect(out.contains("Per pelajaran: Umpatan 100%, Nada 50%, Data pribadi 0%\n"))
        #expect(out.hasSuffix("Skor akhir: 150 dari 300 (50%)\n"))
    }

    @Test func missingAnswersCountAsUnansweredAndExtraAnswersAreAnError() throws {
        let short = try writeAnswers(["Laporan harus selesai malam ini. Terima kasih atas kerja keras tim."])
        let run = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--seed", "7", "--answers", short.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("2 soal tidak dijawab."))
        #expect(run.stdout.contains("  3. Nomor HP pribadi [pii/01-nomor-hp]: 0/100 (tidak dijawab)\n"))
        #expect(run.stdout.hasSuffix("Skor akhir: 100 dari 300 (33%)\n"))
        #expect(!run.stdout.contains("Soal 2 dari 3"))
        let long = try writeAnswers(["a", "b", "c", "d"])
        let tooMany = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--seed", "7", "--answers", long.path])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("4 answers for 3 exercises"))
        let noSeed = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--answers", long.path])
        #expect(noSeed.status == 2)
        #expect(noSeed.stderr.contains("--answers needs --seed"))
    }

    @Test func englishSessionAndLessonFilter() throws {
        let answers = try writeAnswers(["Hubungi layanan pelanggan kami di 1500-123 untuk pemesanan."])
        let run = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--seed", "3", "--lesson", "pii",
                                       "--lang", "en", "--answers", answers.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Santun practice: 1 exercise (Personal data), seed 3\n"))
        #expect(run.stdout.contains("Exercise 1 of 1 · Personal data · A personal phone number"))
        #expect(run.stdout.contains("Point customers to the official channel, not a personal number."))
        #expect(run.stdout.hasSuffix("Final score: 100 of 100 (100%)\n"))
        let unknown = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--lesson", "gaul", "--sheet"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown lesson 'gaul'"))
    }

    @Test func worksheetListsDraftsAndTheScoringCommand() throws {
        let run = try TestSupport.run(["train", "--exercises", Self.fixtures.path, "--seed", "42", "--sheet"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  Hubungi saya di 0812-3456-7890 untuk pemesanan.\n"))
        #expect(!run.stdout.contains("Jawaban contoh"))
        #expect(run.stdout.hasSuffix("santun train --seed 42 --answers jawaban.txt --exercises \(Self.fixtures.path)\n"))
    }

    @Test func trainFindsCorporaTrainingUpward() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let training = root.appendingPathComponent("corpora/training")
        try FileManager.default.createDirectory(at: training.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures, to: training)
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let run = try TestSupport.run(["train", "--seed", "1", "--sheet"], directory: nested)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Latihan Santun: 3 soal"))
        let nowhere = try TestSupport.run(["train", "--sheet"], directory: FileManager.default.temporaryDirectory)
        #expect(nowhere.status == 2)
    }

    // MARK: a live session in a pseudo-terminal

    @Test(.timeLimit(.minutes(1)))
    func interactiveSessionInAPseudoTerminal() throws {
        let session = try PseudoTerminal.run(
            TestSupport.binary.path,
            ["train", "--exercises", Self.fixtures.path, "--seed", "7", "--color", "always"],
            answers: ["Laporan harus selesai malam ini. Terima kasih atas kerja keras tim.",
                      "Diskon besar hari ini untuk semua anggota!"],
            prompt: "Jawaban Anda: ")
        #expect(session.status == 0)
        let out = session.output
        #expect(out.contains("Tekan Enter untuk mengirim jawaban."))
        #expect(out.components(separatedBy: "Jawaban Anda: ").count == 4)  // three prompts
        // The terminal echoes what was typed; nothing is printed twice.
        #expect(out.contains("Jawaban Anda: Diskon besar hari ini untuk semua anggota!\r\n"))
        #expect(!out.contains("Jawaban: Diskon"))
        // Colour is on, and every colour doubles a word.
        #expect(out.contains("\u{1B}[32m✓\u{1B}[0m ⟦DISKON BESAR HARI INI⟧ (tone.shouting)"))
        let plain = PseudoTerminal.stripANSI(out)
        #expect(plain.contains("Diperbaiki (2 dari 2):"))
        // Ctrl-D at the third exercise ends the session; the rest counts as unanswered.
        #expect(plain.contains("1 soal tidak dijawab."))
        #expect(plain.contains("Skor akhir: 200 dari 300 (67%)"))
    }

    // MARK: the real exercises, when the repository has them

    static let corpus = TestSupport.repoRoot.appendingPathComponent("corpora/training")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// What is taught and what is checked must agree: every model answer is clean of warnings
    /// and errors and scores 100, and every draft of a lesson that a pack covers has a finding
    /// (a draft Santun sees nothing in cannot be practised).
    @Test(.enabled(if: hasCorpus, "corpora/training is not in this checkout"))
    func everyExerciseOfTheCorpusAgreesWithThePacks() throws {
        let scorer = Self.scorer()
        let covered = Set(TestSupport.builtInPacks.flatMap(\.rules).map(\.category))
        let all = try ExerciseLoader.load(directory: Self.corpus.path)
        #expect(!all.isEmpty)
        for exercise in all {
            let result = try scorer.score(exercise, answer: exercise.answer)
            #expect(result.answerFindings.filter { $0.severity >= .warning }.isEmpty,
                    "\(exercise.file): the model answer has \(result.answerFindings.map { "\($0.ruleID) “\($0.match)”" })")
            #expect(result.points == 100, "\(exercise.file): the model answer scores \(result.points)")
            if covered.contains(exercise.lesson) {
                #expect(!result.draftFindings.isEmpty, "\(exercise.file): Santun finds nothing in the draft")
            }
        }
    }
}
