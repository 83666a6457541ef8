import SantunCore

/// Writes a practice session as terminal text: the exercise, the feedback on an answer
/// (“diperbaiki / masih ada / saran” and the points) and the final score. The interactive
/// session and `--answers` print exactly the same text, except that a scripted answer is
/// echoed because nobody typed it.
public struct TrainingRenderer {
    let style: TextStyle
    let language: TrainingLanguage
    let ruleSet: RuleSet

    public init(style: TextStyle = TextStyle(), language: TrainingLanguage = .id, ruleSet: RuleSet) {
        self.style = style
        self.language = language
        self.ruleSet = ruleSet
    }

    private func t(_ indonesian: String, _ english: String) -> String { language.text(indonesian, english) }

    /// The opening lines: how many exercises, which lessons, which seed.
    public func header(_ plan: SessionPlan, lessons: [Category]) -> String {
        let count = plan.exercises.count
        var out = style.bold(t("Latihan Santun", "Santun practice")) + ": "
        out += t("\(count) soal", "\(count) exercise\(count == 1 ? "" : "s")")
        let names = lessons.isEmpty ? t("semua pelajaran", "all lessons") : lessons.map { Vocabulary.label($0, language) }.joined(separator: ", ")
        out += " (\(names)), seed \(plan.seed)\n"
        out += t("Tulis ulang setiap draf dengan bahasa yang baku dan santun, dalam satu baris.\n",
                 "Rewrite each draft in formal, courteous Indonesian, on one line.\n")
        return out
    }

    /// How to answer, for interactive sessions only.
    public func instructions() -> String {
        t("Tekan Enter untuk mengirim jawaban. Baris kosong melewati soal; Ctrl-D mengakhiri sesi.\n",
          "Press Enter to submit an answer. An empty line skips the exercise; Ctrl-D ends the session.\n")
    }

    /// One exercise before it is answered.
    public func exercise(_ exercise: Exercise, number: Int, of total: Int, draftFindings: Int) -> String {
        var out = "\n" + style.bold(t("Soal \(number) dari \(total)", "Exercise \(number) of \(total)"))
        out += " · " + Vocabulary.label(exercise.lesson, language) + " · " + language.pick(exercise.title, exercise.titleEN) + "\n"
        out += t("Draf:", "Draft:") + "\n"
        out += "  " + exercise.draft.replacingOccurrences(of: "\n", with: "\n  ") + "\n"
        if draftFindings == 0 {
            out += t("Santun tidak menemukan masalah pada draf ini dengan aturan yang aktif.\n",
                     "Santun finds no problem in this draft with the active rules.\n")
        } else {
            out += t("Santun menemukan \(draftFindings) masalah pada draf ini.\n",
                     "Santun finds \(draftFindings) problem\(draftFindings == 1 ? "" : "s") in this draft.\n")
        }
        return out
    }

    /// The prompt for an interactive answer.
    public var prompt: String { t("Jawaban Anda: ", "Your answer: ") }

    /// The answer as read from a file, shown because nobody typed it on screen.
    public func scriptedAnswer(_ answer: String?) -> String {
        t("Jawaban: ", "Answer: ") + (answer ?? "") + "\n"
    }

    /// The feedback on one answer.
    public func feedback(_ result: ExerciseResult) -> String {
        var out = ""
        if result.skipped {
            out += style.warn(t("Dilewati.", "Skipped.")) + "\n"
        } else {
            let total = result.draftFindings.count
            out += style.bold(t("Diperbaiki", "Fixed")) + " (\(result.fixed.count) " + t("dari", "of") + " \(total)):"
            out += result.fixed.isEmpty ? " " + t("belum ada", "none yet") + "\n" : "\n"
            for finding in result.fixed {
                out += "  " + style.good(style.yes) + " " + quote(finding) + " (\(finding.ruleID))\n"
            }
            out += style.bold(t("Masih ada", "Still there")) + " (\(result.remaining.count)):"
            out += result.remaining.isEmpty ? " " + t("tidak ada", "none") + "\n" : "\n"
            for finding in result.remaining { out += problem(finding) }
            out += style.bold(t("Masalah baru", "New problems")) + " (\(result.introduced.count)):"
            out += result.introduced.isEmpty ? " " + t("tidak ada", "none") + "\n" : "\n"
            for finding in result.introduced { out += problem(finding) }
            let percent = Int((result.similarity * 100).rounded())
            out += t("Kemiripan dengan jawaban contoh: \(percent)%\n", "Similarity to the model answer: \(percent)%\n")
        }
        out += style.bold(t("Saran", "Advice")) + ":\n"
        out += style.wrap(language.pick(result.exercise.hint, result.exercise.hintEN), indent: "  ") + "\n"
        var explained = Set<String>()
        for finding in result.remaining + result.introduced where explained.insert(finding.ruleID).inserted {
            guard let rule = ruleSet.rule(withID: finding.ruleID) else { continue }
            let why = TrainingRenderer.firstSentence(language.pick(rule.rationale, rule.rationaleEN))
            out += style.wrap(t("Mengapa ", "Why ") + "\(finding.ruleID): " + why, indent: "    ", firstIndent: "  ") + "\n"
            out += "    " + t("Lihat: santun explain \(finding.ruleID)", "See: santun explain \(finding.ruleID) --lang en") + "\n"
        }
        out += style.wrap(result.exercise.answer, indent: "  ", firstIndent: "  " + t("Jawaban contoh: ", "Model answer: ")) + "\n"
        out += style.bold(t("Skor soal ini: \(result.points)/100", "Score for this exercise: \(result.points)/100")) + "\n"
        return out
    }

    /// “gak” at column 12 with the engine's message and suggestion.
    func problem(_ finding: Finding) -> String {
        let mark = finding.severity == .info ? style.warn(style.bang) : style.bad(style.no)
        var out = "\(mark) " + quote(finding) + " [\(finding.severity.rawValue), \(finding.ruleID)] "
        out += LocalizedMessage.text(finding, ruleSet.rule(withID: finding.ruleID), language)
        if let suggestion = finding.suggestions.first {
            out += " " + t("Saran", "Suggestion") + ": " + (suggestion.isEmpty ? t("hapus", "delete") : suggestion) + "."
        }
        return style.wrap(out, indent: "      ", firstIndent: "  ") + "\n"
    }

    func quote(_ finding: Finding) -> String {
        let text = finding.match.count > 40 ? String(finding.match.prefix(40)) + "…" : finding.match
        return style.open + text + style.close
    }

    /// The closing table: every exercise with its points, the total, and each lesson's share.
    /// The last `unanswered` results are the exercises the session never reached.
    public func summary(_ results: [ExerciseResult], unanswered: Int = 0) -> String {
        let score = SessionScore(results)
        var out = "\n" + style.bold(t("Hasil latihan", "Session results")) + "\n"
        for (index, result) in results.enumerated() {
            let title = language.pick(result.exercise.title, result.exercise.titleEN)
            var status = result.skipped ? " (" + t("dilewati", "skipped") + ")" : ""
            if index >= results.count - unanswered { status = " (" + t("tidak dijawab", "not answered") + ")" }
            out += "  \(index + 1). \(title) [\(result.exercise.id)]: \(result.points)/100\(status)\n"
        }
        if unanswered > 0 {
            out += "  " + t("\(unanswered) soal tidak dijawab.", "\(unanswered) exercise\(unanswered == 1 ? " was" : "s were") not answered.") + "\n"
        }
        var lessons: [Category] = []
        for result in results where !lessons.contains(result.exercise.lesson) { lessons.append(result.exercise.lesson) }
        if lessons.count > 1 {
            let parts = lessons.map { lesson -> String in
                let share = SessionScore(results.filter { $0.exercise.lesson == lesson })
                return "\(Vocabulary.label(lesson, language)) \(share.percent)%"
            }
            out += t("Per pelajaran: ", "By lesson: ") + parts.joined(separator: ", ") + "\n"
        }
        out += style.bold(t("Skor akhir: \(score.points) dari \(score.possible) (\(score.percent)%)",
                            "Final score: \(score.points) of \(score.possible) (\(score.percent)%)")) + "\n"
        return out
    }

    /// Up to the first sentence end (“. ” or the end of the text).
    static func firstSentence(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if let range = flat.range(of: ". ") { return String(flat[..<range.lowerBound]) + "." }
        return flat
    }
}
