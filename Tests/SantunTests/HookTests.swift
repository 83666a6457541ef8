import Foundation
import Testing

/// The pre-commit hook end to end: `santun hook install` run by the binary under test (so the
/// hook calls that binary by its absolute path), then real `git commit`s.
@Suite struct HookTests {
    static let bad = StagedCheckTests.bad
    static let clean = StagedCheckTests.clean

    static func installed() throws -> GitRepo {
        let repo = try GitRepo()
        let result = try repo.santun("hook", "install")
        guard result.status == 0 else { throw GitRepo.GitError(description: "hook install: \(result.stderr)") }
        return repo
    }

    @Test func cleanCommitPassesAndAnErrorIsBlockedReadably() throws {
        let repo = try Self.installed()
        defer { repo.remove() }
        try repo.write("promo.md", Self.clean)
        try repo.git("add", ".")
        let passed = try repo.commit("clean draft")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try repo.commitCount() == 1)

        try repo.write("promo.md", Self.bad)
        try repo.git("add", ".")
        let blocked = try repo.commit("bad draft")
        #expect(blocked.status != 0)
        #expect(try repo.commitCount() == 1)
        // Git sends the hook's output to stderr: the finding, then why the commit stopped.
        #expect(blocked.stderr.contains("promo.md\n  1:18  error  profanity-id.strong  “anjing” adalah umpatan"), "\(blocked.stderr)")
        #expect(blocked.stderr.contains("santun: commit blocked: fix the findings above and stage the fix (git add), or skip the check with git commit --no-verify"))
        // Nothing was lost or changed: the draft is still staged, the working tree untouched.
        #expect(try repo.stagedNames() == ["promo.md"])
        #expect(try repo.read("promo.md") == Self.bad)

        let skipped = try repo.commit("bad draft", "--no-verify")
        #expect(skipped.status == 0)
        #expect(try repo.commitCount() == 2)
    }

    /// A fix that is staged while the working tree is dirty again passes (and the reverse is
    /// blocked): the hook reads the index. Both working-tree versions survive untouched.
    @Test func stagedContentDecidesNotTheWorkingTree() throws {
        let repo = try Self.installed()
        defer { repo.remove() }
        try repo.write("promo.md", Self.bad)
        try repo.write("catatan.txt", "Catatan awal.\n")
        try repo.git("add", ".")
        try repo.git("commit", "-q", "--no-verify", "-m", "drafts")

        try repo.write("promo.md", Self.clean)
        try repo.git("add", "promo.md")
        let dirty = "Promo ini murah, anjing! Belum selesai.\n"
        try repo.write("promo.md", dirty)
        try repo.write("catatan.txt", "Catatan awal, anjing.\n")  // unstaged, not part of the commit
        let passed = try repo.commit("fixed")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try repo.git("show", "HEAD:promo.md").stdout == Self.clean)
        #expect(try repo.read("promo.md") == dirty)
        #expect(try repo.read("catatan.txt") == "Catatan awal, anjing.\n")

        try repo.write("promo.md", Self.bad)
        try repo.git("add", "promo.md")
        try repo.write("promo.md", Self.clean)
        let blocked = try repo.commit("broken again")
        #expect(blocked.status != 0)
        #expect(try repo.read("promo.md") == Self.clean)
        #expect(try repo.git("diff", "--cached", "--name-only").stdout == "promo.md\n")
    }

    /// `git commit -a` and `git commit <path>` commit through a temporary index: the hook sees
    /// what those commits will contain.
    @Test func commitAllAndPartialCommits() throws {
        let repo = try Self.installed()
        defer { repo.remove() }
        try repo.write("a.md", Self.clean)
        try repo.write("b.md", Self.clean)
        try repo.git("add", ".")
        #expect(try repo.commit("start").status == 0)
        try repo.write("a.md", Self.bad)
        #expect(try repo.commit("all", "-a").status != 0)
        // Only b.md is committed; the bad a.md stays staged and out of this commit.
        try repo.git("add", "a.md")
        try repo.write("b.md", "Selamat siang, semua.\n")
        let partial = try repo.commit("only b", "b.md")
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(try repo.git("show", "HEAD:b.md").stdout == "Selamat siang, semua.\n")
        #expect(try repo.stagedNames() == ["a.md"])
    }

    @Test func renamedDeletedAndUnusualNames() throws {
        let repo = try Self.installed()
        defer { repo.remove() }
        try repo.write("lama.md", Self.bad)
        try repo.write("hapus.md", Self.bad)
        try repo.git("add", ".")
        try repo.git("commit", "-q", "--no-verify", "-m", "drafts")

        try repo.git("rm", "-q", "hapus.md")
        let deleted = try repo.commit("remove a draft")
        #expect(deleted.status == 0, "a deleted draft is not linted: \(deleted.stderr)")

        let name = "unggahan baru/promo ramadhan ü 日本.md"
        try FileManager.default.createDirectory(at: repo.root.appendingPathComponent("unggahan baru"), withIntermediateDirectories: true)
        try repo.git("mv", "lama.md", name)
        let renamed = try repo.commit("rename")
        #expect(renamed.status != 0)
        #expect(renamed.stderr.contains(name + "\n  1:18  error  profanity-id.strong"), "\(renamed.stderr)")

        try repo.write(name, Self.clean)
        try repo.git("add", ".")
        #expect(try repo.commit("rename and fix").status == 0)
    }

    @Test func installRefusesForeignHooksAndUninstallRestoresThem() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let hooks = repo.root.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let foreign = "#!/bin/sh\necho other hook\n"
        try repo.write(".git/hooks/pre-commit", foreign)

        let refused = try repo.santun("hook", "install")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("was not written by santun; left alone"))
        #expect(try repo.read(".git/hooks/pre-commit") == foreign)
        #expect(try repo.santun("hook", "uninstall").status == 2)
        #expect(try repo.read(".git/hooks/pre-commit") == foreign)

        let forced = try repo.santun("hook", "install", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try repo.read(".git/hooks/pre-commit.before-santun") == foreign)
        let script = try repo.read(".git/hooks/pre-commit")
        #expect(script.contains("\n# santun-hook: pre-commit v1\n"))
        #expect(script.contains("installed='\(TestSupport.binary.path)'"))
        #expect(FileManager.default.isExecutableFile(atPath: hooks.appendingPathComponent("pre-commit").path))
        // Installing again replaces Santun's own hook without --force.
        #expect(try repo.santun("hook", "install").status == 0)

        #expect(try repo.santun("hook", "uninstall").status == 0)
        #expect(try repo.read(".git/hooks/pre-commit") == foreign)
        #expect(!FileManager.default.fileExists(atPath: hooks.appendingPathComponent("pre-commit.before-santun").path))
        try FileManager.default.removeItem(at: hooks.appendingPathComponent("pre-commit"))
        let none = try repo.santun("hook", "uninstall")
        #expect(none.status == 0 && none.stderr.contains("nothing to remove"))
    }

    @Test func respectsCoreHooksPathAndWorksFromASubfolder() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        try repo.git("config", "core.hooksPath", "githooks")
        try repo.write("docs/drafts/promo.md", Self.bad)
        let install = try repo.santun("hook", "install", in: "docs")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("githooks/pre-commit").path))
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent(".git/hooks/pre-commit").path))
        try repo.git("add", ".")
        let blocked = try repo.run(["git", "commit", "-q", "-m", "from a subfolder"], in: "docs/drafts")
        #expect(blocked.status != 0)
        #expect(blocked.stderr.contains("docs/drafts/promo.md\n"))
        #expect(try repo.santun("hook", "uninstall", in: "docs").status == 0)
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("githooks/pre-commit").path))
    }

    /// Installed through a link that later disappears, the hook falls back to `santun` on PATH;
    /// with neither, it blocks and says how to go on.
    @Test func fallsBackToSantunOnPath() throws {
        let repo = try GitRepo()
        defer { repo.remove() }
        let bin = repo.root.appendingPathComponent(".tools/bin")
        let other = repo.root.appendingPathComponent(".tools/path")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let link = bin.appendingPathComponent("santun")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: TestSupport.binary.path)
        #expect(try repo.run([link.path, "hook", "install"]).status == 0)
        #expect(try repo.read(".git/hooks/pre-commit").contains("installed='\(link.path)'"))
        try FileManager.default.removeItem(at: link)
        try repo.write(".gitignore", ".tools/\n")
        try repo.write("promo.md", Self.bad)
        try repo.git("add", ".")

        let path = "/usr/bin:/bin"
        let missing = try repo.run(["git", "commit", "-q", "-m", "x"], environment: ["PATH": path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("santun is neither at \(link.path) nor on PATH"), "\(missing.stderr)")

        try FileManager.default.createSymbolicLink(atPath: other.appendingPathComponent("santun").path, withDestinationPath: TestSupport.binary.path)
        let found = try repo.run(["git", "commit", "-q", "-m", "x"], environment: ["PATH": other.path + ":" + path])
        #expect(found.status != 0)
        #expect(found.stderr.contains("profanity-id.strong"), "\(found.stderr)")
    }
}
