import ArgumentParser
import Foundation
import SantunCore
import SantunReporters

/// Output formats of `santun check`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, line
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

extension Configuration.FailLevel: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// Options shared by the commands that read drafts.
struct DraftOptions: ParsableArguments {
    @Argument(help: "Files or folders to check, or '-' for standard input (also read when piped).")
    var paths: [String] = []

    @Option(help: "Check this text as one draft.")
    var text: String?

    @Flag(help: "Check the staged content of the git index (what will be committed).")
    var staged = false

    @Option(name: .customLong("glob"), help: "File name pattern for folders (repeatable; default *.txt, *.md, *.markdown).")
    var globs: [String] = []

    @Option(help: "Configuration file (default: .santun.yml found upward from each file).")
    var config: String?

    @Flag(help: "Ignore .santun.yml files.")
    var noConfig = false

    @Option(help: "Platform for length limits: x, instagram, linkedin, facebook.")
    var platform: String?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Option(help: "Files linted in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Stop checking an input after this many findings (0: no limit, for audits of whole archives).")
    var maxFindings: Int = 100_000

    func validate() throws {
        if let platform, !Configuration.platforms.contains(platform) {
            throw ValidationError("unknown platform '\(platform)' (x, instagram, linkedin, facebook)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFindings < 0 { throw ValidationError("--max-findings must be 0 (no limit) or more") }
        if text != nil && (staged || !paths.isEmpty) { throw ValidationError("--text checks one draft: give no paths and no --staged with it") }
        if staged && paths.contains("-") { throw ValidationError("--staged reads the git index, not standard input") }
    }

    /// The drafts named by the arguments, plus problems found while collecting them.
    func inputs() throws -> (inputs: [DraftInput], problems: [String]) {
        if let text {
            if text.isEmpty { throw ValidationFailure("--text is empty: nothing to check") }
            return ([DraftInput(origin: .text(text), displayPath: "<text>", directory: nil)], [])
        }
        if staged { return (try stagedInputs(), []) }
        var paths = self.paths
        if paths.isEmpty {
            if isatty(STDIN_FILENO) == 0 { paths = ["-"] } else {
                throw ValidationFailure("nothing to check: give files or folders, '-' for standard input, or --text")
            }
        }
        var inputs: [DraftInput] = []
        var collector = InputCollector(globs: globs)
        for path in paths {
            if path == "-" {
                inputs.append(DraftInput(origin: .standardInput, displayPath: "<stdin>", directory: nil))
            } else {
                inputs += collector.collect([path])
            }
        }
        return (inputs, collector.problems)
    }

    /// The index's version of each staged draft (never the working tree's), named by its path
    /// from the top of the repository. Paths given with `--staged` limit it, as git pathspecs.
    private func stagedInputs() throws -> [DraftInput] {
        let top: String, files: [Git.StagedFile], contents: [[UInt8]]
        do {
            // The top folder and the staged list do not depend on each other: both git calls run at once.
            let topLevel = Git.Background { try Git.topLevel() }
            let staged = Result { try Git.stagedFiles(pathspecs: paths) }
            top = try topLevel.value()
            let collector = InputCollector(globs: globs)
            files = try staged.get().filter {
                $0.isRegularFile && collector.matches(URL(fileURLWithPath: $0.path).lastPathComponent)
            }
            contents = try Git.blobs(files.map(\.blob))
        } catch let failure as Git.Failure {
            throw ValidationFailure("--staged: \(failure.description)")
        }
        return zip(files, contents).map { file, bytes in
            DraftInput(origin: .staged(bytes), displayPath: file.path,
                       directory: URL(fileURLWithPath: top).appendingPathComponent(file.path).deletingLastPathComponent().path)
        }
    }
}

/// Lints many drafts, in parallel when asked, keeping the output order stable.
enum LintRunner {
    static func run(_ options: DraftOptions, workspace: Workspace) throws -> (drafts: [LintedDraft], problems: [String]) {
        let results = ResultBox(count: 0)
        let (inputs, problems) = try lint(options, workspace: workspace, prepare: { inputs, _ in results.resize(inputs.count) },
                                          sink: { _, _ in nil }, done: { results.set($0, $1) })
        return (results.values.enumerated().map { $0.element ?? LintedDraft(input: inputs[$0.offset], error: "\(inputs[$0.offset].displayPath): not checked") }, problems)
    }

    /// Lints every input, in parallel when asked, after `prepare` has seen them and their rules
    /// have loaded. `done` receives each result (from any thread,
    /// in any order, with the input's index); `sink` may give, per input index, where a chunked
    /// input's findings go chunk by chunk instead of into its result. Returns the inputs and the
    /// problems found while collecting them.
    static func lint(_ options: DraftOptions, workspace: Workspace, prepare: (_ inputs: [DraftInput], _ problems: [String]) throws -> Void = { _, _ in },
                     sink: @escaping @Sendable (_ index: Int, _ path: String) -> DraftLinter.PieceSink?,
                     done: @escaping @Sendable (Int, LintedDraft) -> Int) throws -> (inputs: [DraftInput], problems: [String]) {
        let (inputs, problems) = try options.inputs()
        let linter = {
            var linter = DraftLinter(lossy: options.lossy, platform: options.platform)
            linter.maxFindings = options.maxFindings == 0 ? Int.max : options.maxFindings
            return linter
        }()
        // Rules per folder are loaded up front, on this thread.
        // One copy per folder, and an index per input: a rule set is a few hundred bytes held
        // inline, which over a million drafts in a few folders would be most of the memory.
        var folders: [Workspace.LoadedRules] = []
        var folderOf: [Int32] = []
        var folderIndex: [String?: Int32] = [:]
        folderOf.reserveCapacity(inputs.count)
        for input in inputs {
            if let known = folderIndex[input.directory] {
                folderOf.append(known)
            } else {
                let index = Int32(folders.count)
                folders.append(try workspace.rules(forDirectory: input.directory))
                folderIndex[input.directory] = index
                folderOf.append(index)
            }
        }
        try prepare(inputs, problems)
        let jobs = min(options.jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, inputs.count))
        let showProgress = inputs.count > 300 && isatty(STDERR_FILENO) != 0
        if jobs <= 1 {
            for (index, input) in inputs.enumerated() {
                let finished = done(index, lintOne(input, folders[Int(folderOf[index])], linter, workspace.linter, sink(index, input.displayPath)))
                if showProgress, finished % 100 == 0 { progress(finished, inputs.count) }
            }
        } else {
            let counter = Counter()
            let folders = folders, folderOf = folderOf
            let wordBreakRules = workspace.wordBreakRules
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                guard let threadLinter = try? Linter(wordBreakRules: wordBreakRules) else { return }
                while true {
                    let index = counter.next()
                    guard index < inputs.count else { break }
                    let finished = done(index, lintOne(inputs[index], folders[Int(folderOf[index])], linter, threadLinter, sink(index, inputs[index].displayPath)))
                    if showProgress, finished % 100 == 0 { progress(finished, inputs.count) }
                }
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return (inputs, problems)
    }

    /// `run`, with collection problems, skipped-file notes, engine diagnostics and input errors
    /// written to stderr; returns whether any input error occurred (exit code 2).
    static func runReportingProblems(_ options: DraftOptions, workspace: Workspace) throws -> (drafts: [LintedDraft], hadInputError: Bool) {
        let (drafts, problems) = try run(options, workspace: workspace)
        var hadInputError = !problems.isEmpty
        for problem in problems { Terminal.error(problem) }
        for draft in drafts {
            for diagnostic in draft.diagnostics { Terminal.note("\(draft.input.displayPath): \(diagnostic)") }
            if let note = draft.note { Terminal.note(note) }
            if let error = draft.error { Terminal.error(error); hadInputError = true }
        }
        return (drafts, hadInputError)
    }

    private static func lintOne(_ input: DraftInput, _ rules: Workspace.LoadedRules, _ draftLinter: DraftLinter, _ linter: Linter,
                                _ sink: DraftLinter.PieceSink?) -> LintedDraft {
        var linted = draftLinter.lint(input, rules: rules, linter: linter, sink: sink)
        // Reporters quote the text only around findings: a clean draft's text is not kept, so a
        // tree of a million drafts does not hold them all in memory until the report.
        if linted.findings.isEmpty { linted.source = nil }
        return linted
    }

    private static func progress(_ done: Int, _ total: Int) {
        FileHandle.standardError.write(Data("\rsantun: \(done)/\(total) files".utf8))
    }

    /// Results by input index, filled from several threads.
    final class ResultBox: @unchecked Sendable {
        private(set) var values: [LintedDraft?]
        private var done = 0
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func resize(_ count: Int) { values = Array(repeating: nil, count: count) }
        /// Stores a result and returns how many are stored now (for the progress line).
        func set(_ index: Int, _ value: LintedDraft) -> Int {
            lock.lock()
            defer { lock.unlock() }
            values[index] = value
            done += 1
            return done
        }
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value - 1
        }
    }
}

extension SantunCommand {
    /// `santun check`: report what could harm the company's image.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check drafts and report findings with line, column, reason and formal wording.",
            discussion: """
                Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
                2 usage, configuration or input errors.
                """)

        @OptionGroup var draftOptions: DraftOptions

        @Option(help: "Output format: text, json, sarif, github or line.")
        var format: OutputFormat = .text

        @Option(help: "Show findings at or above this severity: info, warning or error.")
        var minSeverity: Severity?

        @Option(help: "Exit 1 when a finding reaches this level: error, warning, info or never (default error).")
        var failOn: Configuration.FailLevel?

        @Flag(inversion: .prefixedNo, help: "Mask personal and confidential matches (default: on for json, sarif and github, and for every format when CI is set).")
        var redact: Bool?

        @Option(help: "Colour: auto, always or never (NO_COLOR also turns it off).")
        var color: ColorChoice = .auto

        @Option(help: "Hide findings recorded in this baseline file; show only new ones.")
        var baseline: String?

        @Option(help: "Record the current findings in this baseline file.")
        var writeBaseline: String?

        /// Formats that are read by machines and end up in logs and dashboards: masked by default.
        static let redactedFormats: Set<OutputFormat> = [.json, .sarif, .github]

        func run() throws {
            let workspace = try Workspace(config: draftOptions.config, useConfigFiles: !draftOptions.noConfig)
            let redacting = redact ?? (Check.redactedFormats.contains(format) || Terminal.isContinuousIntegration)
            if baseline == nil && writeBaseline == nil, let reporter = Formats.streaming(format, color: Terminal.useColor(color)) {
                try stream(workspace, reporter: reporter, redact: redacting)
                return
            }
            let (drafts, hadInputError) = try LintRunner.runReportingProblems(draftOptions, workspace: workspace)
            let (minimum, failLevel) = try levels(workspace)

            // Every finding counts for the baseline and for --fail-on; --min-severity only hides.
            var files: [FileReport] = drafts.filter { $0.error == nil && $0.note == nil }.map {
                FileReport(path: $0.input.displayPath, findings: $0.findings, source: $0.source)
            }
            if let writeBaseline {
                let entries = Baseline.entries(for: files.map { ($0.path, $0.findings, $0.source) })
                try Baseline(entries: entries).text.write(toFile: writeBaseline, atomically: true, encoding: .utf8)
                Terminal.note("wrote \(entries.count) findings to \(writeBaseline)")
            }
            if let baseline {
                let text = try TextFile.read(baseline, what: "the baseline file")
                let known = try Baseline.parse(text, file: baseline)
                files = files.map { file in
                    var copy = file
                    copy.findings = known.filter(file.findings, path: file.path, source: file.source)
                    return copy
                }
            }
            let failing = files.flatMap(\.findings).filter { failLevel.fails($0.severity) }
            let shown = files.map { file in
                var copy = file
                copy.findings = file.findings.filter { $0.severity >= minimum }
                return copy
            }
            let packs = try workspace.rules(forDirectory: nil).packs
            var report = Report(files: shown, rules: Workspace.ruleInfos(packs), toolVersion: SantunVersion.current)
            if redacting { report = Redactor.redact(report) }
            Terminal.output(Formats.render(report, format: format, color: Terminal.useColor(color)))
            try finish(failing: failing.count, hidden: failing.filter { $0.severity < minimum }.count,
                       hadInputError: hadInputError, minimum: minimum, failLevel: failLevel)
        }

        /// The report written while the drafts are checked (every format but SARIF, whose
        /// document lists the rules that fired before the results, and no baseline, which
        /// needs every finding first): memory stays flat with the number and size of drafts.
        private func stream(_ workspace: Workspace, reporter: any StreamingReporter, redact: Bool) throws {
            /// Made once every input's rules have loaded (their errors come first), before any is linted.
            final class Holder: @unchecked Sendable { var output: ReportStream? }
            let holder = Holder()
            let (_, problems) = try LintRunner.lint(draftOptions, workspace: workspace,
                                                    prepare: { _, problems in
                                                        for problem in problems { Terminal.error(problem) }
                                                        let (minimum, failLevel) = try levels(workspace)
                                                        holder.output = ReportStream(reporter: reporter, shaping: .init(minimum: minimum, failLevel: failLevel, redact: redact),
                                                                                     write: Terminal.output)
                                                    },
                                                    sink: { index, path in { findings in holder.output?.piece(index, path: path, findings) } },
                                                    done: { holder.output?.finish($0, $1) ?? 0 })
            guard let output = holder.output else { return }
            output.end()
            try finish(failing: output.failing, hidden: output.hiddenFailing, hadInputError: output.hadInputError || !problems.isEmpty,
                       minimum: output.shaping.minimum, failLevel: output.shaping.failLevel)
        }

        /// `--min-severity` and `--fail-on`, else the configuration's, else info and error.
        private func levels(_ workspace: Workspace) throws -> (Severity, Configuration.FailLevel) {
            let defaults = try workspace.rules(forDirectory: nil).configuration
            return (minSeverity ?? defaults.minSeverity ?? .info, failOn ?? defaults.failOn ?? .error)
        }

        private func finish(failing: Int, hidden: Int, hadInputError: Bool, minimum: Severity, failLevel: Configuration.FailLevel) throws {
            if hidden > 0 {
                Terminal.note("\(hidden) finding\(hidden == 1 ? "" : "s") below --min-severity \(minimum.rawValue) reach --fail-on \(failLevel.rawValue)")
            }
            if hadInputError { throw ExitCode(2) }
            if failing > 0 { throw ExitCode(1) }
        }
    }
}

/// Chooses the reporter for a format.
enum Formats {
    /// The reporter that can write a format piece by piece (all but SARIF).
    static func streaming(_ format: OutputFormat, color: Bool) -> (any StreamingReporter)? {
        switch format {
        case .text: TextReporter(style: .init(color: color))
        case .json: JSONReporter()
        case .github: GitHubReporter()
        case .line: LineReporter()
        case .sarif: nil
        }
    }

    static func render(_ report: Report, format: OutputFormat, color: Bool) -> String {
        switch format {
        case .text: TextReporter(style: .init(color: color)).render(report)
        case .json: JSONReporter().render(report)
        case .sarif: SARIFReporter().render(report)
        case .github: GitHubReporter().render(report)
        case .line: LineReporter().render(report)
        }
    }
}

/// Where output and messages go, and whether they get colour.
enum Terminal {
    static func output(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data("santun: error: \(text)\n".utf8)) }
    static func note(_ text: String) { FileHandle.standardError.write(Data("santun: \(text)\n".utf8)) }

    /// True in CI jobs (GitHub Actions, GitLab and most others set `CI`), whose logs are kept and
    /// shared: every format is masked there unless `--no-redact` is given.
    static var isContinuousIntegration: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let ci = environment["CI"], !ci.isEmpty, ci.lowercased() != "false", ci != "0" { return true }
        return environment["GITHUB_ACTIONS"] == "true"
    }

    static func useColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }
}
