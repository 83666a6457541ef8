import Foundation
import Testing

/// Exit codes through the real binary: 0 nothing at or above --fail-on, 1 findings at or above
/// it, 2 usage, configuration and input errors. --min-severity only hides; it never changes
/// what fails.
@Suite struct CLIExitCodeTests {
    static let clean = "Selamat pagi, semua."
    static let error = "Promo ini murah, anjing!"
    static let warning = "Kualitas kami jelas beda kelas."
    static let info = "Selamat Tahun Baru Cina untuk semua."

    static let findingCases: [([String], Int32)] = [
        ([clean], 0),
        ([error], 1),
        ([warning], 0),
        ([warning, "--fail-on", "warning"], 1),
        ([info, "--fail-on", "warning"], 0),
        ([info, "--fail-on", "info"], 1),
        ([error, "--fail-on", "never"], 0),
        // Hidden by --min-severity, still failing by --fail-on.
        ([warning, "--min-severity", "error", "--fail-on", "warning"], 1),
        // Shown by --min-severity, not failing.
        ([info, "--min-severity", "info"], 0),
    ]

    @Test(arguments: findingCases)
    func findings(_ arguments: [String], status: Int32) throws {
        let run = try CLI.run(["check", "--no-config", "--format", "line", "--text"] + arguments)
        #expect(run.status == status, "\(arguments): \(run.stdout) \(run.stderr)")
    }

    @Test func minSeverityHidesWithoutChangingTheExitCode() throws {
        let shown = try CLI.run(["check", "--no-config", "--text", Self.warning])
        #expect(shown.status == 0 && shown.stdout.contains("tone.competitor-jab"))
        let hidden = try CLI.run(["check", "--no-config", "--min-severity", "error", "--fail-on", "warning", "--text", Self.warning])
        #expect(hidden.status == 1)
        #expect(hidden.stdout == "✓ no findings in 1 file\n")
        #expect(hidden.stderr.contains("1 finding below --min-severity error reach --fail-on warning"))
    }

    /// An input stops being checked at --max-findings (and says so); 0 lifts the limit.
    @Test func maxFindingsStopsAndZeroLiftsTheLimit() throws {
        let drafts = Data(String(repeating: "udah gak usah gimana lagi\n", count: 40).utf8)
        let capped = try CLI.run(["check", "--no-config", "--format", "line", "--fail-on", "never", "--max-findings", "10", "-"], stdin: drafts)
        #expect(capped.status == 0)
        #expect(capped.stdout.split(separator: "\n").count == 10)
        #expect(capped.stderr.contains("stopped after 10 findings"), "\(capped.stderr)")
        let one = try CLI.run(["check", "--no-config", "--format", "line", "--fail-on", "never", "--text", "udah gak usah gimana lagi"])
        let perDraft = one.stdout.split(separator: "\n").count
        #expect(perDraft >= 3)
        let all = try CLI.run(["check", "--no-config", "--format", "line", "--fail-on", "never", "--max-findings", "0", "-"], stdin: drafts)
        #expect(all.stdout.split(separator: "\n").count == 40 * perDraft, "\(all.stdout.prefix(300))")
        #expect(!all.stderr.contains("stopped after"))
    }

    static let usageCases: [[String]] = [
        ["check", "--format", "xml", "--text", "a"],
        ["check", "--fail-on", "sometimes", "--text", "a"],
        ["check", "--min-severity", "fatal", "--text", "a"],
        ["check", "--jobs", "0", "--text", "a"],
        ["check", "--platform", "tiktok", "--text", "a"],
        ["check", "--max-findings=-1", "--text", "a"],
        ["check", "--color", "rainbow", "--text", "a"],
        ["check", "--no-such-flag"],
        ["check", "--text", ""],
        ["check", "--text", "a", "b.txt"],
        ["check", "--staged", "-"],
        ["no-such-command"],
        ["hook"],
        ["hook", "reinstall"],
    ]

    @Test(arguments: usageCases)
    func usageErrors(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("santun: "), "\(arguments): \(run.stderr)")
    }

    @Test func inputAndConfigurationErrors() throws {
        let folder = try CLI.folder([
            "bad.santun.yml": "fail-on: sometimes\n",
            "unknown-key.santun.yml": "colour: red\n",
            "draft.txt": "Promo ini murah, anjing!\n",
            "latin1.txt": "caf\u{E9}",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("latin1.txt"))
        for arguments in [
            ["check", "missing.txt"],
            ["check", "latin1.txt"],
            ["check", "--config", "missing.yml", "draft.txt"],
            ["check", "--config", "bad.santun.yml", "draft.txt"],
            ["check", "--config", "unknown-key.santun.yml", "draft.txt"],
            ["check", "--baseline", "missing-baseline.txt", "draft.txt"],
            // An input error wins over findings in the other files.
            ["check", "draft.txt", "missing.txt"],
        ] {
            let run = try CLI.run(arguments, in: folder)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("santun: "), "\(arguments): \(run.stderr)")
        }
        // --lossy reads the Latin-1 file instead of failing.
        #expect(try CLI.run(["check", "--lossy", "latin1.txt"], in: folder).status == 0)
    }

    @Test func helpAndVersionExitZero() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout.first?.isNumber == true)
        #expect(try CLI.run(["--help"]).status == 0)
        #expect(try CLI.run(["hook", "install", "--help"]).status == 0)
    }

    @Test func standardInput() throws {
        let piped = try CLI.run(["check", "--format", "line", "--no-config"], stdin: Data("Promo ini murah, anjing!\n".utf8))
        #expect(piped.status == 1)
        #expect(piped.stdout.hasPrefix("<stdin>:1:18: error: profanity-id.strong: "))
        let dash = try CLI.run(["check", "-", "--no-config"], stdin: Data("Selamat pagi.\n".utf8))
        #expect(dash.status == 0)
    }
}
