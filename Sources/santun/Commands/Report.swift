import ArgumentParser
import Foundation
import SantunCore
import SantunReporters
import SantunTraining

extension SantunCommand {
    /// `santun report --html`: a page to project or share, from the same findings as `check`.
    /// (Named `ReportCommand` so it does not shadow `SantunReporters.Report` in the other commands.)
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a self-contained HTML report of drafts with their findings highlighted.",
            discussion: """
                The page needs no network: inline styles and charts, system fonts. Personal data and \
                confidential matches are masked unless --no-redact is given. \
                Exit codes: 0 report written (whatever the findings); 2 usage, configuration or input errors.
                """)

        @OptionGroup var draftOptions: DraftOptions

        @Option(help: "Write the HTML report to this file ('-' for standard output).")
        var html: String

        @Option(help: "The page's title (default: Laporan Santun / Santun report).")
        var title: String?

        @Option(help: "Language of the page's own words: id (default) or en.")
        var lang: TrainingLanguage = .id

        @Option(help: "Show findings at or above this severity: info, warning or error.")
        var minSeverity: Severity?

        @Flag(inversion: .prefixedNo, help: "Mask personal and confidential matches (default: on).")
        var redact = true

        func run() throws {
            let workspace = try Workspace(config: draftOptions.config, useConfigFiles: !draftOptions.noConfig)
            let (drafts, hadInputError) = try LintRunner.runReportingProblems(draftOptions, workspace: workspace)
            let rules = try workspace.rules(forDirectory: nil)
            let minimum = minSeverity ?? rules.configuration.minSeverity ?? .info
            let files = drafts.filter { $0.error == nil && $0.note == nil }.map {
                FileReport(path: $0.input.displayPath, findings: $0.findings.filter { $0.severity >= minimum }, source: $0.source)
            }
            let report = Report(files: files, rules: ruleInfos(rules.packs), toolVersion: SantunVersion.current)
            let reporter = HTMLReporter(title: title, categoryLabels: Vocabulary.categoryLabels(lang),
                                        language: lang == .en ? .en : .id, redact: redact)
            let page = reporter.render(report)
            if html == "-" {
                Terminal.output(page)
            } else {
                do {
                    try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
                } catch {
                    throw ValidationFailure("\(html): cannot write the report: \(error.localizedDescription)")
                }
                let count = report.allFindings.count
                Terminal.note("wrote \(html): \(files.count) draft\(files.count == 1 ? "" : "s"), \(count) finding\(count == 1 ? "" : "s")")
            }
            if hadInputError { throw ExitCode(2) }
        }

        /// Rule facts with the rationale in the page's language.
        func ruleInfos(_ packs: [RulePack]) -> [String: RuleInfo] {
            var infos = Workspace.ruleInfos(packs)
            guard lang == .en else { return infos }
            for pack in packs {
                for rule in pack.rules { infos[rule.id]?.rationale = lang.pick(rule.rationale, rule.rationaleEN) }
            }
            return infos
        }
    }
}
