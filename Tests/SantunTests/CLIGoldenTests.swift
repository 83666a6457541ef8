import Foundation
import Testing

/// The real binary on the fixture drafts (Fixtures/cli/drafts: Markdown with front matter, code,
/// link targets, a comment and an image; a .txt name with a space), one golden per format.
/// json, sarif and github are redacted by default, so their goldens show the masking.
@Suite struct CLIGoldenTests {
    @Test(arguments: [
        ("text", "check-text.txt"), ("json", "check.json"), ("sarif", "check.sarif"),
        ("github", "check-github.txt"), ("line", "check-line.txt"),
    ])
    func format(_ format: String, golden: String) throws {
        let run = try CLI.run(["check", "drafts", "--no-config", "--format", format], in: CLI.fixtures)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        GoldenFile.check(run.stdout, golden)
    }

    @Test func help() throws {
        let run = try CLI.run(["check", "--help"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        GoldenFile.check(run.stdout, "check-help.txt")
    }
}
