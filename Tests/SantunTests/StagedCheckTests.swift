import Foundation
import Testing

/// `santun check --staged` in real repositories: the index's content, never the working tree's;
/// paths from the top of the repository from any folder; renamed files under their new names;
/// deleted files, symbolic links and other kinds of file left out; names with spaces and
/// non-ASCII letters exactly as written, whatever core.quotePath says.
@Suite struct StagedCheckTests {
    static let bad = "Promo ini murah, anjing!\n"
    static let clean = "Selamat pagi, semua.\n"

    /// The `path:line:col: rule` of each finding in `check --staged --format line` output.
    static func lines(_ result: GitRepo.Result) -> [String] {
        result.stdout.split(separator: "\n").map { line in
            let parts = line.components(separatedBy: ": ")
            return parts[0] + " " + parts[2]
        }
    }

    @Test func lintsTheIndexNotTheWorkingTree() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("fixed.md", Self.bad)
        try repo.write("broken.md", Self.clean)
        try repo.git("add", ".")
        try repo.write("fixed.md", Self.clean)   // fixed only in the working tree
        try repo.write("broken.md", Self.bad)    // broken only in the working tree
        let result = try repo.santun("check", "--staged", "--format", "line")
        #expect(result.status == 1)
        #expect(Self.lines(result) == ["fixed.md:1:18 profanity-id.strong"])
        #expect(try repo.read("fixed.md") == Self.clean && repo.read("broken.md") == Self.bad)
    }

    @Test func pathsAreFromTheTopInAnyFolder() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("docs/drafts/promo ramadan.md", Self.bad)
        try repo.write("other/a.txt", Self.bad)
        try repo.git("add", ".")
        let fromSubfolder = try repo.santun("check", "--staged", "--format", "line", in: "docs/drafts")
        #expect(fromSubfolder.status == 1, "\(fromSubfolder.stderr)")
        #expect(Self.lines(fromSubfolder) == ["docs/drafts/promo ramadan.md:1:18 profanity-id.strong", "other/a.txt:1:18 profanity-id.strong"])
        // Paths given with --staged are pathspecs, relative to the current folder as in git.
        let limited = try repo.santun("check", "--staged", "--format", "line", ".", in: "docs")
        #expect(Self.lines(limited) == ["docs/drafts/promo ramadan.md:1:18 profanity-id.strong"])
        // diff.relative in the repository's configuration changes nothing.
        try repo.git("config", "diff.relative", "true")
        #expect(Self.lines(try repo.santun("check", "--staged", "--format", "line", in: "docs")) == Self.lines(fromSubfolder))
    }

    @Test func renamedDeletedAndOtherKindsOfFile() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.write("lama.md", Self.bad)
        try repo.write("hapus.md", Self.bad)
        try repo.write("tetap.md", Self.bad)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "--no-verify", "-m", "drafts")
        try repo.git("mv", "lama.md", "baru.md")
        try repo.git("rm", "-q", "hapus.md")
        // A link whose target names a swear word, and a file outside the default globs.
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("tautan.md").path, withDestinationPath: "anjing.md")
        try repo.write("catatan.csv", Self.bad)
        try repo.git("add", ".")
        let result = try repo.santun("check", "--staged", "--format", "line")
        #expect(Self.lines(result) == ["baru.md:1:18 profanity-id.strong"], "\(result.stdout)\(result.stderr)")
        // --glob widens what is checked, as for folders.
        let csv = try repo.santun("check", "--staged", "--format", "line", "--glob", "*.csv")
        #expect(Self.lines(csv) == ["catatan.csv:1:18 profanity-id.strong"])
    }

    @Test func namesWithSpacesQuotesAndNonASCIILetters() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let names = ["draf rapat/catatan \"final\".md", "unggahan/ramadhan-ü-é-日本.md", "tab\there.txt"]
        for name in names { try repo.write(name, Self.bad) }
        try repo.git("add", ".")
        try repo.git("config", "core.quotePath", "true")
        let result = try repo.santun("check", "--staged", "--format", "json", "--no-redact")
        #expect(result.status == 1)
        let paths = try CLI.findings(result.stdout).map(\.path)
        #expect(paths.sorted() == names.sorted())
    }

    @Test func nothingStagedAndOutsideARepository() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let empty = try repo.santun("check", "--staged")
        #expect(empty.status == 0)
        #expect(empty.stdout == "✓ no findings in 0 files\n")
        let outside = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: outside) }
        let result = try repo.run([TestSupport.binary.path, "check", "--staged"], in: "../" + outside.lastPathComponent)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--staged: git rev-parse"))
    }
}
