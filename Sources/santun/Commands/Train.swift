import ArgumentParser
import Foundation
import SantunCore
import SantunTraining

extension SantunCommand {
    /// `santun train`: a practice session on the exercises in corpora/training, scored by the
    /// same engine `check` uses.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Practise rewriting casual drafts formally; Santun checks and scores each answer.",
            discussion: """
                Shows each draft from corpora/training, reads your rewrite (one line), lints it and \
                shows what is fixed, what is left and why, with a score per exercise and at the end. \
                --answers FILE scores answers written beforehand (one a line, in the order of the \
                session; an empty line skips an exercise); it needs --seed so the order is known. \
                --sheet prints the exercises without answers, to hand out on paper. \
                Score per exercise: fixed share × (60 + 40 × similarity to the model answer), \
                minus 20 per new error and 10 per new warning, from 0 to 100. \
                Exit codes: 0 session done; 2 usage, configuration or exercise-file errors.
                """)

        @Option(help: "Folder of exercises (default: corpora/training found upward from here).")
        var exercises: String?

        @Option(help: "Only exercises of this lesson (a category: slang, pii, tone…; repeatable).")
        var lesson: [String] = []

        @Option(help: "Read the answers from this file, one a line ('-': standard input), instead of asking.")
        var answers: String?

        @Option(help: "Seed for the order of the exercises (the same seed gives the same order).")
        var seed: UInt64?

        @Option(help: "At most this many exercises.")
        var count: Int?

        @Flag(help: "Print the exercises without answers (a worksheet) and exit.")
        var sheet = false

        @OptionGroup var teaching: TeachingOptions

        @Option(help: "Configuration file whose packs to include (default: .santun.yml found upward from here).")
        var config: String?

        func validate() throws {
            if let count, count < 1 { throw ValidationError("--count must be at least 1") }
            if answers != nil && seed == nil {
                throw ValidationError("--answers needs --seed N: the order the answers were written in (see --sheet)")
            }
            if answers != nil && sheet { throw ValidationError("--answers and --sheet cannot be combined") }
        }

        func run() throws {
            let lessons = try parsedLessons()
            let directory = try exerciseDirectory()
            let all: [Exercise]
            do {
                all = try ExerciseLoader.load(directory: directory)
            } catch let failure as ExerciseLoader.Failure {
                throw ValidationFailure(failure.description)
            }
            let plan = SessionPlan(exercises: all, lessons: lessons, seed: seed ?? UInt64.random(in: 1...999_999), count: count)
            if plan.exercises.isEmpty {
                let available = Set(all.map(\.lesson.rawValue)).sorted().joined(separator: ", ")
                throw ValidationFailure("no exercises for that lesson in \(directory) (lessons: \(available.isEmpty ? "none" : available))")
            }
            let workspace = try Workspace(config: config)
            let rules = try workspace.rules(forDirectory: nil)
            let scorer = AnswerScorer(linter: workspace.linter, ruleSet: rules.ruleSet)
            let renderer = TrainingRenderer(style: teaching.style(), language: teaching.lang, ruleSet: rules.ruleSet)

            Terminal.output(renderer.header(plan, lessons: lessons))
            if sheet {
                try printSheet(plan, scorer: scorer, renderer: renderer)
                return
            }
            var source = try AnswerSource(file: answers)
            if let lines = source.scriptedCount, lines > plan.exercises.count {
                throw ValidationFailure("\(answers ?? "-"): \(lines) answers for \(plan.exercises.count) exercises")
            }
            if source.isInteractive { Terminal.output(renderer.instructions()) }
            var results: [ExerciseResult] = []
            var unanswered = 0
            for (index, exercise) in plan.exercises.enumerated() {
                guard !source.exhausted else {
                    results.append(try scorer.score(exercise, answer: nil))
                    unanswered += 1
                    continue
                }
                let draftFindings = try scorer.findings(exercise.draft)
                Terminal.output(renderer.exercise(exercise, number: index + 1, of: plan.exercises.count, draftFindings: draftFindings.count))
                if source.isInteractive { Terminal.output(renderer.prompt) }
                guard let answer = source.next() else {
                    if source.isInteractive { Terminal.output("\n") }
                    results.append(try scorer.score(exercise, answer: nil))
                    unanswered += 1
                    continue
                }
                if source.echoes { Terminal.output(renderer.scriptedAnswer(answer)) }
                let result = try scorer.score(exercise, answer: answer)
                results.append(result)
                Terminal.output(renderer.feedback(result))
            }
            Terminal.output(renderer.summary(results, unanswered: unanswered))
        }

        func parsedLessons() throws -> [Category] {
            try lesson.map { name in
                guard let category = Category(rawValue: name.lowercased()), category != .suppression else {
                    let known = Category.allCases.filter { $0 != .suppression }.map(\.rawValue).joined(separator: ", ")
                    throw ValidationFailure("unknown lesson '\(name)' (one of: \(known))")
                }
                return category
            }
        }

        func exerciseDirectory() throws -> String {
            if let exercises { return exercises }
            guard let found = ExerciseLoader.findDefaultDirectory(from: FileManager.default.currentDirectoryPath) else {
                throw ValidationFailure("no corpora/training folder here or above; give one with --exercises DIR")
            }
            return found
        }

        /// The worksheet: every draft with its number, and how to score the answers later.
        func printSheet(_ plan: SessionPlan, scorer: AnswerScorer, renderer: TrainingRenderer) throws {
            for (index, exercise) in plan.exercises.enumerated() {
                let findings = try scorer.findings(exercise.draft)
                Terminal.output(renderer.exercise(exercise, number: index + 1, of: plan.exercises.count, draftFindings: findings.count))
            }
            var command = "santun train --seed \(plan.seed) --answers jawaban.txt"
            for name in lesson { command += " --lesson \(name)" }
            if let count { command += " --count \(count)" }
            if let exercises { command += " --exercises \(exercises)" }
            let text = teaching.lang == .en
                ? "\nWrite one answer a line, in this order, then score them with:\n  \(command)\n"
                : "\nTulis satu jawaban per baris sesuai urutan ini, lalu nilai dengan:\n  \(command)\n"
            Terminal.output(text)
        }
    }
}

/// Where answers come from: lines typed at the terminal, or lines of a file written earlier.
/// The two paths share everything else, so a scripted session is a faithful test of a live one.
struct AnswerSource {
    private var lines: [String]?
    private var position = 0
    private(set) var finished = false
    /// True when the trainee types at the terminal (prompts are shown).
    let isInteractive: Bool
    /// True when the answer is not on screen already (a file, or piped input) and must be printed.
    let echoes: Bool

    init(file: String?) throws {
        guard let file else {
            lines = nil
            isInteractive = true
            echoes = isatty(STDIN_FILENO) == 0
            return
        }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw ValidationFailure("\(file): cannot read the answers file")
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ValidationFailure("\(file): not UTF-8") }
        var split = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if split.last == "" { split.removeLast() }
        lines = split
        isInteractive = false
        echoes = true
    }

    /// True when no answer is left: a file's lines are used up, or the terminal reached its end.
    var exhausted: Bool {
        if let lines { return position >= lines.count }
        return finished
    }

    /// Lines in the answers file (nil when interactive).
    var scriptedCount: Int? { lines?.count }

    /// The next answer ("" skips), or nil at the end of the answers.
    mutating func next() -> String? {
        if let lines {
            guard position < lines.count else { finished = true; return nil }
            position += 1
            return lines[position - 1]
        }
        guard let line = readLine(strippingNewline: true) else { finished = true; return nil }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
