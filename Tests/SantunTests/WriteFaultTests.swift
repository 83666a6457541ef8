import Foundation
import Testing

/// `santun fix --write` when writing fails: a full disk, a file size limit, a read-only
/// folder. In every case the original draft is intact byte for byte, no temporary file is left
/// behind (it would hold the draft's text), the message says what happened, and the exit code
/// is 2.
@Suite(.serialized) struct WriteFaultTests {
    typealias H = Hostile

    /// A draft with fixable words (the fake pack), about `size` bytes.
    static func draft(size: Int) -> String {
        var text = ""
        var line = 0
        while text.utf8.count < size {
            line += 1
            text += "Baris \(line): tolong bikin laporan dan kasih tau tim hari ini.\n"
        }
        return text
    }

    static func expectIntact(_ folder: URL, _ name: String, _ original: String, _ result: H.Result,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(!result.timedOut && !result.signalled, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == original,
                "the original changed", sourceLocation: sourceLocation)
        #expect(H.files(in: folder, containing: ".santun-").isEmpty, "temporary file left: \(H.files(in: folder, containing: ".santun-"))",
                sourceLocation: sourceLocation)
        #expect(result.stderr.contains("\(name): not rewritten:"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("the original is unchanged"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: Hostile.canMountTmpfs, "needs root and permission to mount a tmpfs"))
    func aFullDiskLeavesTheOriginalIntact() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(try H.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.path]).status == 0)
        defer { _ = try? H.run("/bin/umount", [disk.path]) }
        try H.installFakePack(in: disk)
        let original = WriteFaultTests.draft(size: 40_000)
        try H.write(original, to: disk.appendingPathComponent("draf.txt"))
        // Fill the disk, leaving less room than the rewritten draft needs.
        let filler = disk.appendingPathComponent("pengisi.bin")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
        try? handle.close()
        let result = try H.santun(["fix", "--write", "draf.txt"], in: disk)
        try WriteFaultTests.expectIntact(disk, "draf.txt", original, result)
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        // With room again, the same command succeeds.
        try FileManager.default.removeItem(at: filler)
        let retry = try H.santun(["fix", "--write", "draf.txt"], in: disk)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try String(contentsOf: disk.appendingPathComponent("draf.txt"), encoding: .utf8).contains("tolong membuat laporan dan beri tahu"))
    }

    @Test func aFileSizeLimitLeavesTheOriginalIntact() throws {
        // `ulimit -f` makes the kernel send SIGXFSZ past the limit, which kills a process by
        // default and would leave a half-written temporary file; Santun ignores the signal.
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.installFakePack(in: folder)
        let original = WriteFaultTests.draft(size: 20_000)
        try H.write(original, to: folder.appendingPathComponent("draf.txt"))
        let result = try H.santun(["fix", "--write", "draf.txt"], in: folder, wrapper: ["/usr/bin/env", "--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -f 8; exec \"$@\"", "sh"])
        try WriteFaultTests.expectIntact(folder, "draf.txt", original, result)
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
    }

    @Test func aReadOnlyFolderLeavesTheOriginalIntact() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let locked = folder.appendingPathComponent("terkunci")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try H.installFakePack(in: locked)
        let original = WriteFaultTests.draft(size: 2_000)
        try H.write(original, to: locked.appendingPathComponent("draf.txt"))
        if H.isRoot {
            // Root writes anywhere: the folder belongs to nobody, and Santun runs as nobody.
            _ = try H.run("/bin/chown", ["-R", "65534:65534", locked.path])
        }
        chmod(locked.path, 0o555)
        let result = try H.santun(["fix", "--write", "draf.txt"], in: locked, wrapper: H.asUnprivileged)
        try WriteFaultTests.expectIntact(locked, "draf.txt", original, result)
        #expect(result.stderr.contains("cannot create a temporary file in"), "\(result.stderr)")
        #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.installFakePack(in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("asli"), withIntermediateDirectories: true)
        try H.write("Tolong bikin laporan.\n", to: folder.appendingPathComponent("asli/draf.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("tautan.txt").path, withDestinationPath: "asli/draf.txt")
        chmod(folder.appendingPathComponent("asli/draf.txt").path, 0o640)
        let result = try H.santun(["fix", "--write", "tautan.txt"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("tautan.txt").path)
        #expect(link == "asli/draf.txt")
        #expect(try String(contentsOf: folder.appendingPathComponent("asli/draf.txt"), encoding: .utf8) == "Tolong membuat laporan.\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("asli/draf.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "permissions kept")
        #expect(H.files(in: folder, containing: ".santun-").isEmpty)
    }

    @Test func aDraftTooLargeToRewriteIsRefusedBeforeItIsRead() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.installFakePack(in: folder)
        let original = WriteFaultTests.draft(size: 40_000)
        try H.write(original, to: folder.appendingPathComponent("draf.txt"))
        // Chunks of 1 KB: anything over 8 KB is rewritten by nobody.
        let result = try H.santun(["fix", "--write", "draf.txt"], in: folder, environment: ["SANTUN_CHUNK_SIZE": "1024"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("draf.txt: too large to rewrite in one piece"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("draf.txt"), encoding: .utf8) == original)
    }
}
