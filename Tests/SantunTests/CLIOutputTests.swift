import Foundation
import Testing
@testable import SantunCore

/// What `santun check` prints, through the real binary: masking of protected matches, Markdown
/// spans in the original file, front matter platforms, stable order under --jobs, and colour.
@Suite struct CLIOutputTests {
    // MARK: redaction

    /// Every marked span of every pii and confidential example in the built-in packs, one draft
    /// a file. The secrets must never appear in json, sarif or github output (redacted by
    /// default), and must appear with --no-redact (so the check is not vacuous).
    @Test func protectedMatchesNeverLeakFromMachineFormats() throws {
        var files: [String: String] = [:]
        var secrets: Set<String> = []
        for rule in TestSupport.builtInPacks.flatMap(\.rules) where [.pii, .confidential].contains(rule.category) {
            for (index, example) in rule.examples.enumerated() where example.kind == .bad {
                files["\(rule.id)-\(index).txt"] = example.text
                let source = SourceText(example.text)
                for range in example.expectedRanges { secrets.insert(source.text(range)) }
            }
        }
        #expect(secrets.count > 20)
        let folder = try CLI.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }

        for format in ["json", "sarif", "github"] {
            let run = try CLI.run(["check", ".", "--no-config", "--format", format, "--fail-on", "never"], in: folder)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            var output = run.stdout
            if format == "sarif" {
                // Only the results: the rules' help texts name secrets' kinds ("IPO", "memo internal") on purpose.
                let runs = try CLI.json(run.stdout)["runs"] as! [[String: Any]]
                output = String(decoding: try JSONSerialization.data(withJSONObject: runs[0]["results"]!, options: [.withoutEscapingSlashes]), as: UTF8.self)
                #expect(output.contains("partialFingerprints"))
            }
            for secret in secrets { #expect(!output.contains(secret), "\(format) leaks “\(secret)”") }
        }
        let ci = try CLI.run(["check", ".", "--no-config", "--format", "text", "--fail-on", "never"], in: folder,
                             environment: ["CI": "true"])
        for secret in secrets { #expect(!ci.stdout.contains(secret), "text in CI leaks “\(secret)”") }

        let plain = try CLI.run(["check", ".", "--no-config", "--format", "json", "--no-redact", "--fail-on", "never"], in: folder)
        let matches = Set(try CLI.findings(plain.stdout).map { $0.finding["match"] as! String })
        #expect(secrets.subtracting(matches).isEmpty, "not reported: \(secrets.subtracting(matches))")
    }

    @Test func redactionDefaults() throws {
        let draft = "Hubungi 081234567890 ya."
        func output(_ arguments: [String], ci: Bool = false) throws -> String {
            try CLI.run(["check", "--no-config", "--text", draft] + arguments, environment: ci ? ["CI": "true"] : [:]).stdout
        }
        #expect(try output(["--format", "text"]).contains("081234567890"))
        #expect(try output(["--format", "line"]).contains("081234567890"))
        #expect(try !output(["--format", "text"], ci: true).contains("081234567890"))
        #expect(try !output(["--format", "line", "--redact"]).contains("081234567890"))
        #expect(try output(["--format", "json", "--no-redact"]).contains("081234567890"))
        #expect(try output(["--format", "text", "--no-redact"], ci: true).contains("081234567890"))
        // Masked scalar for scalar: the quoted line keeps its columns.
        #expect(try output(["--format", "text", "--redact"]).contains("    1 | Hubungi 0••••••••••• ya.\n      |         ^^^^^^^^^^^^\n"))
    }

    // MARK: Markdown

    /// Front matter, inline code, link and image targets, fenced code and HTML comments are not
    /// prose; the findings that remain point at the exact bytes, lines and columns of the file.
    @Test func markdownSpansPointIntoTheOriginalFile() throws {
        let run = try CLI.run(["check", "drafts/promo.md", "--no-config", "--format", "json", "--no-redact"], in: CLI.fixtures)
        let bytes = [UInt8](try Data(contentsOf: CLI.fixtures.appendingPathComponent("drafts/promo.md")))
        let source = SourceText(String(decoding: bytes, as: UTF8.self))
        let findings = try CLI.findings(run.stdout).map(\.finding)
        #expect(findings.map { "\($0["line"]!):\($0["column"]!) \($0["rule"]!)" }
                == ["7:18 profanity-id.strong", "7:34 pii.phone", "15:50 profanity-id.strong"])
        for finding in findings {
            let offset = finding["offset"] as! Int, length = finding["length"] as! Int
            #expect(String(decoding: bytes[offset..<(offset + length)], as: UTF8.self) == finding["match"] as! String)
            let start = source.location(ofByte: offset), end = source.location(ofByte: offset + length)
            #expect([start.line, start.column, end.line, end.column]
                    == [finding["line"], finding["column"], finding["endLine"], finding["endColumn"]].map { $0 as! Int })
        }
    }

    @Test func frontMatterPlatformSelectsTheLengthLimit() throws {
        let body = String(repeating: "Kami mengundang seluruh pelanggan setia untuk hadir di peluncuran layanan baru. ", count: 4)
        let folder = try CLI.folder([
            "x.md": "---\nplatform: x\n---\n\(body)\n",
            "instagram.md": "---\ntitle: \"Peluncuran\"\nplatform: instagram\n---\n\(body)\n",
            "none.md": "\(body)\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        func lengthFindings(_ arguments: [String]) throws -> [String] {
            let run = try CLI.run(["check", "--no-config", "--format", "json"] + arguments, in: folder)
            return try CLI.findings(run.stdout).filter { $0.finding["rule"] as! String == "tone.length" }.map(\.path)
        }
        // The front matter itself never counts towards the length; without a platform the
        // length is not judged.
        #expect(try lengthFindings(["x.md", "instagram.md", "none.md"]) == ["x.md"])
        #expect(try lengthFindings(["none.md", "--platform", "x"]) == ["none.md"])
        #expect(try lengthFindings(["x.md", "instagram.md", "--platform", "linkedin"]) == [])
        #expect(try lengthFindings(["instagram.md", "--platform", "x"]) == ["instagram.md"])
    }

    // MARK: --jobs

    @Test func parallelOutputMatchesSerialOutput() throws {
        let drafts = ["Promo ini murah, anjing!", "Selamat pagi.", "Hubungi 081234567890 ya.", "Kualitas kami jelas beda kelas.",
                      "Selamat Tahun Baru Cina!!!", "Info dari atasan: kita bakal IPO tahun depan."]
        var files: [String: String] = [:]
        for index in 0..<48 {
            files["folder\(index % 5)/draft-\(index).txt"] = (0...(index % 4)).map { drafts[($0 + index) % drafts.count] }.joined(separator: "\n")
        }
        let folder = try CLI.folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let serial = try CLI.run(["check", ".", "--no-config", "--format", "json", "--jobs", "1"], in: folder)
        #expect(serial.status == 1)
        #expect(try CLI.json(serial.stdout)["files"].map { ($0 as! [Any]).count } == 48)
        for jobs in ["2", "7"] {
            let parallel = try CLI.run(["check", ".", "--no-config", "--format", "json", "--jobs", jobs], in: folder)
            #expect(parallel.stdout == serial.stdout, "--jobs \(jobs) changed the output")
        }
        let paths = (try CLI.json(serial.stdout)["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(paths == paths.sorted(), "folders are read in name order")
    }

    // MARK: colour

    @Test func colourFollowsTheFlagAndNoColor() throws {
        let draft = ["check", "--no-config", "--text", "Promo ini murah, anjing!"]
        #expect(try CLI.run(draft).stdout.contains("\u{1B}[") == false)
        #expect(try CLI.run(draft + ["--color", "always"]).stdout.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(try CLI.run(draft + ["--color", "never"], environment: ["NO_COLOR": ""]).stdout.contains("\u{1B}[") == false)
    }

    #if os(Linux)
    /// On a terminal (a pseudo-terminal from util-linux `script`), `auto` colours unless NO_COLOR is set.
    @Test func colourOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        func onTerminal(noColor: String) throws -> String {
            let command = "'\(TestSupport.binary.path)' check --no-config --text 'Promo ini murah, anjing!'"
            return try CLI.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"],
                                      environment: ["NO_COLOR": noColor, "TERM": "xterm"])
        }
        #expect(try onTerminal(noColor: "").contains("\u{1B}[1;31merror"))
        #expect(try !onTerminal(noColor: "1").contains("\u{1B}["))
    }
    #endif
}

extension CLI {
    /// Runs any program with the test environment (no CI variables) and returns its stdout.
    static func runProgram(_ path: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CI"] = nil
        env["GITHUB_ACTIONS"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
