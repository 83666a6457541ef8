import Foundation
import Testing

/// Bad inputs through the real binary, one test per row of the reliability table
/// (docs-reliability.md): what each gets, and that it never crashes, hangs or loses text.
@Suite struct BadInputTests {
    typealias H = Hostile

    /// No crash and no hang: the process exited by itself with one of Santun's exit codes.
    static func expectOrderly(_ result: H.Result, _ codes: Set<Int32> = [0, 1, 2], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut, "timed out", sourceLocation: sourceLocation)
        #expect(!result.signalled, "killed by signal \(result.status)\n\(result.stderr)", sourceLocation: sourceLocation)
        #expect(codes.contains(result.status), "exit \(result.status)\n\(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: invalid UTF-8

    @Test func invalidUTF8IsAnErrorWithItsByteOffsetOrRepairedWithLossy() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.write(Array("Halo ".utf8) + [0xFF, 0xFE] + Array(" anjing\n".utf8), to: folder.appendingPathComponent("bad.txt"))
        let strict = try H.santun(["check", "--format", "line", "bad.txt"], in: folder)
        BadInputTests.expectOrderly(strict, [2])
        #expect(strict.stderr.contains("bad.txt: invalid UTF-8 at byte offset 5 (use --lossy"))
        #expect(!strict.stdout.contains("anjing"))

        // --lossy: each bad byte becomes one U+FFFD, so the word after them is at column 9.
        let lossy = try H.santun(["check", "--lossy", "--format", "line", "bad.txt"], in: folder)
        BadInputTests.expectOrderly(lossy, [1])
        #expect(lossy.stdout.contains("bad.txt:1:9: error: profanity-id.strong"), "\(lossy.stdout)")

        // Standard input, and a truncated sequence at the very end.
        let piped = try H.santun(["check", "-"], stdin: Data(Array("Halo semua ".utf8) + [0xE2, 0x80]))
        BadInputTests.expectOrderly(piped, [2])
        #expect(piped.stderr.contains("<stdin>: invalid UTF-8 at byte offset 11"))
    }

    @Test func invalidUTF8DeepInAStreamedFileIsReportedAtItsAbsoluteOffset() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        // 300 KB of lines with multi-byte letters, then one bad byte; chunks of 4 KB.
        var bytes = Array(String(repeating: "Kafé dan warung kopi buka setiap hari. 日本\n", count: 6_000).utf8)
        let bad = bytes.count + 7
        bytes += Array("Halo ké".utf8) + [0xC3, 0x28] + Array(" lagi\n".utf8)
        #expect(Array("Halo ké".utf8).count == 8)
        try H.write(bytes, to: folder.appendingPathComponent("big.txt"))
        let result = try H.santun(["check", "big.txt"], in: folder, environment: ["SANTUN_CHUNK_SIZE": "4096"])
        BadInputTests.expectOrderly(result, [2])
        #expect(result.stderr.contains("big.txt: invalid UTF-8 at byte offset \(bad + 1)"), "\(result.stderr)")
    }

    // MARK: binary files, NUL bytes, empty files

    @Test func binaryFilesAreSkippedWithANoteAndTheRestIsChecked() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array("anjing".utf8),
                    to: folder.appendingPathComponent("gambar.txt"))
        try H.write("Dasar anjing.\n", to: folder.appendingPathComponent("draf.txt"))
        // A NUL after the first 8 KB does not make a file binary: it is an ordinary control character.
        try H.write(Array(String(repeating: "Kami buka setiap hari.\n", count: 400).utf8) + [0x00] + Array(" anjing\n".utf8),
                    to: folder.appendingPathComponent("panjang.txt"))
        let result = try H.santun(["check", "--format", "line", "."], in: folder)
        BadInputTests.expectOrderly(result, [1])
        #expect(result.stderr.contains("gambar.txt: skipped: binary file (it contains NUL bytes)"))
        #expect(result.stdout.contains("draf.txt:1:7: error: profanity-id.strong"))
        #expect(result.stdout.contains("panjang.txt:401:3: error: profanity-id.strong"), "\(result.stdout)")
        #expect(!result.stdout.contains("gambar.txt"))

        // The same from standard input: a note, exit 0.
        let piped = try H.santun(["check", "-"], stdin: Data([0x00, 0x01, 0x02] + Array("anjing".utf8)))
        BadInputTests.expectOrderly(piped, [0])
        #expect(piped.stderr.contains("<stdin>: skipped: binary file"))
    }

    @Test func emptyInputsAreCleanAndNeverRewritten() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let empty = folder.appendingPathComponent("kosong.txt")
        try H.write("", to: empty)
        let before = try FileManager.default.attributesOfItem(atPath: empty.path)[.modificationDate] as? Date
        let check = try H.santun(["check", "kosong.txt"], in: folder)
        BadInputTests.expectOrderly(check, [0])
        #expect(check.stderr.contains("kosong.txt: empty: nothing to check"), "\(check.stderr)")
        let fix = try H.santun(["fix", "kosong.txt"], in: folder)
        BadInputTests.expectOrderly(fix, [0])
        #expect(fix.stdout.isEmpty)
        BadInputTests.expectOrderly(try H.santun(["fix", "--write", "kosong.txt"], in: folder), [0])
        let after = try FileManager.default.attributesOfItem(atPath: empty.path)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try Data(contentsOf: empty).isEmpty)
        let piped = try H.santun(["check", "-"], stdin: Data())
        BadInputTests.expectOrderly(piped, [0])
        #expect(piped.stderr.contains("<stdin>: empty: nothing to check"), "\(piped.stderr)")
    }

    // MARK: large inputs

    /// Drafts of several kinds of line: short and long (cut mid-line into chunks), multi-byte
    /// letters and emoji at chunk edges, LF, CRLF and lone CR. No phrase of several words: a
    /// line longer than a chunk is cut at a space, which can split one (documented).
    static func mixedDraft(lines: Int) -> String {
        var generator = H.Generator(state: 2024)
        let words = ["Halo", "semua", "anjing", "kami", "hubungi", "081234567890", "bangsat", "Ké", "日本語", "kata",
                     "𝐛𝐚𝐧𝐠𝐬𝐚𝐭", "tim", "fuck", "3174055208900012", "😀"]
        let ends = ["\n", "\r\n", "\r"]
        var text = ""
        for index in 0..<lines {
            let count = index % 40 == 0 ? 1_500 : generator.next(25)
            text += (0..<count).map { _ in words[generator.next(words.count)] }.joined(separator: " ")
            text += ends[generator.next(ends.count)]
        }
        return text
    }

    struct Located: Hashable { var rule: String; var line: Int; var column: Int; var endLine: Int; var endColumn: Int; var offset: Int; var match: String }

    static func findings(_ json: String) throws -> [Located] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let files = object?["files"] as? [[String: Any]] ?? []
        return files.flatMap { file in
            (file["findings"] as? [[String: Any]] ?? []).map {
                Located(rule: $0["rule"] as? String ?? "", line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0,
                        endLine: $0["endLine"] as? Int ?? 0, endColumn: $0["endColumn"] as? Int ?? 0,
                        offset: $0["offset"] as? Int ?? -1, match: $0["match"] as? String ?? "")
            }
        }
    }

    /// Rules that count over a whole draft: in a chunked input each chunk is a draft of its own.
    static let wholeDraftRules: Set<String> = ["tone.emoji-count", "tone.hashtags", "tone.laughter", "tone.length"]

    @Test func largeInputsAreLintedInChunksWithExactPositions() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let text = BadInputTests.mixedDraft(lines: 200)
        try H.write(text, to: folder.appendingPathComponent("campur.txt"))
        // Whole (under the threshold) and in 2 KB chunks (threshold 16 KB), from a file and a pipe.
        let whole = try H.santun(["check", "--no-redact", "--format", "json", "campur.txt"], in: folder)
        let chunked = try H.santun(["check", "--no-redact", "--format", "json", "campur.txt"], in: folder,
                                   environment: ["SANTUN_CHUNK_SIZE": "2048"])
        BadInputTests.expectOrderly(whole, [1])
        BadInputTests.expectOrderly(chunked, [1])
        let expected = try BadInputTests.findings(whole.stdout).filter { !BadInputTests.wholeDraftRules.contains($0.rule) }
        let actual = try BadInputTests.findings(chunked.stdout).filter { !BadInputTests.wholeDraftRules.contains($0.rule) }
        #expect(expected.count > 300)
        #expect(Set(expected).subtracting(actual).isEmpty, "lost in chunks: \(Set(expected).subtracting(actual).prefix(5))")
        #expect(Set(actual).subtracting(expected).isEmpty, "only in chunks: \(Set(actual).subtracting(expected).prefix(5))")

        // Standard input is streamed the same way (each line a draft there, so compare pipe with pipe).
        let pipedWhole = try H.santun(["check", "--no-redact", "--format", "json", "-"], stdin: Data(text.utf8))
        let pipedChunked = try H.santun(["check", "--no-redact", "--format", "json", "-"], stdin: Data(text.utf8),
                                        environment: ["SANTUN_CHUNK_SIZE": "2048"])
        let pipedExpected = Set(try BadInputTests.findings(pipedWhole.stdout).filter { !BadInputTests.wholeDraftRules.contains($0.rule) })
        let pipedActual = Set(try BadInputTests.findings(pipedChunked.stdout).filter { !BadInputTests.wholeDraftRules.contains($0.rule) })
        #expect(pipedExpected.count > 300)
        #expect(pipedExpected.subtracting(pipedActual).isEmpty, "lost: \(pipedExpected.subtracting(pipedActual).prefix(5))")
        #expect(pipedActual.subtracting(pipedExpected).isEmpty, "added: \(pipedActual.subtracting(pipedExpected).prefix(5))")
    }

    /// Peak resident memory (KB) of a run under /usr/bin/time.
    static func peakKilobytes(_ result: H.Result) -> Int? {
        result.stderr.split(separator: "\n").last { $0.hasPrefix("maxrss=") }.flatMap { Int($0.dropFirst(7)) }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func aLargeFileIsStreamedInBoundedMemory() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        // 4 MB in chunks of 64 KB. Read whole, it would cost at least 16 MB more than a tiny
        // draft (the bytes, their UTF-16 copy, a lowered copy); streamed, it costs a few chunks.
        // (A 200 MB file, measured by hand in a release build, is in the README.)
        let url = folder.appendingPathComponent("besar.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let block = Data(String(repeating: String(repeating: " ", count: 4095) + "\n", count: 256).utf8)
        for _ in 0..<4 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("Dasar anjing.\n".utf8))
        try handle.close()
        try H.write("Dasar anjing.\n", to: folder.appendingPathComponent("kecil.txt"))
        let time = ["/usr/bin/time", "-f", "maxrss=%M"]
        let environment = ["SANTUN_CHUNK_SIZE": "65536"]
        let small = try H.santun(["check", "--format", "line", "kecil.txt"], in: folder, environment: environment, wrapper: time)
        let large = try H.santun(["check", "--format", "line", "besar.txt"], in: folder, environment: environment, wrapper: time, timeout: 300)
        BadInputTests.expectOrderly(large, [1])
        #expect(large.stdout.contains("besar.txt:1025:7: error: profanity-id.strong"), "\(large.stdout)")
        let base = try #require(BadInputTests.peakKilobytes(small))
        let peak = try #require(BadInputTests.peakKilobytes(large))
        #expect(peak < base + 6_000, "peak memory \(peak) KB for a 4 MB file, \(base) KB for a tiny one")
    }

    /// Tens of thousands of findings in a large input are written as each chunk is checked, not
    /// gathered for the end: memory stays flat with the number of findings, in every streamed format.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func manyFindingsInALargeFileAreStreamedInBoundedMemory() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        // 1 MB of chat, five findings a line (gak, udah, banget, aja, wkwk): over 200,000
        // findings, about 100 MB of JSON. Gathered for the end, they would need well over 100 MB.
        let url = folder.appendingPathComponent("obrolan.txt")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let line = "gak udah banget aja wkwk\n"
        let linesPerBlock = 65536 / line.utf8.count
        let block = Data(String(repeating: line, count: linesPerBlock).utf8)
        for _ in 0..<16 { try handle.write(contentsOf: block) }
        try handle.close()
        try H.write(line, to: folder.appendingPathComponent("kecil.txt"))
        let time = ["/usr/bin/time", "-f", "maxrss=%M"]
        let environment = ["SANTUN_CHUNK_SIZE": "65536"]
        let small = try H.santun(["check", "--format", "line", "kecil.txt"], in: folder, environment: environment, wrapper: time)
        let base = try #require(BadInputTests.peakKilobytes(small))
        for format in ["line", "json"] {
            let large = try H.santun(["check", "--format", format, "--max-findings", "0", "--fail-on", "never", "obrolan.txt"],
                                     in: folder, environment: environment, wrapper: time, timeout: 300)
            #expect(large.status == 0, "\(large.stderr)")
            if format == "line" {
                // Five a line, plus the laughter count once per chunk (a chunk is a draft of its own).
                let findings = large.stdout.split(separator: "\n").count
                #expect(findings == 5 * 16 * linesPerBlock + 16)
            } else {
                #expect(large.stdout.hasSuffix("\n      ]\n    }\n  ]\n}\n"))
                #expect(large.stdout.contains("\"line\": \(16 * linesPerBlock),"))
            }
            let peak = try #require(BadInputTests.peakKilobytes(large))
            #expect(peak < base + 40_000, "\(format): peak memory \(peak) KB for 1 MB with 200,000 findings, \(base) KB for a tiny draft")
        }
    }

    @Test func aMegabyteOnOneLineIsCheckedToTheEnd() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        // A pasted base64 blob: one line, no spaces for a megabyte, then words.
        var generator = H.Generator(state: 99)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var line = [UInt8]()
        line.reserveCapacity(1 << 20)
        for _ in 0..<(1 << 20) { line.append(alphabet[generator.next(alphabet.count)]) }
        line += Array(" dasar anjing, hubungi 081234567890 ya".utf8)
        try H.write(line, to: folder.appendingPathComponent("satu-baris.txt"))
        let result = try H.santun(["check", "--format", "line", "satu-baris.txt"], in: folder, timeout: 300)
        BadInputTests.expectOrderly(result, [1])
        let column = (1 << 20) + 8
        #expect(result.stdout.contains("satu-baris.txt:1:\(column): error: profanity-id.strong"), "\(result.stdout)")
        #expect(result.stdout.contains("satu-baris.txt:1:\(column + 16): warning: pii.phone"), "\(result.stdout)")
        #expect(!result.stderr.contains("time limit"), "\(result.stderr)")
    }

    // MARK: many files, links, permissions, vanishing paths

    @Test func twentyThousandTinyFilesInATree() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        var expected: [String] = []
        for directory in 0..<20 {
            let sub = folder.appendingPathComponent("d\(directory)/e\(directory % 3)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            for file in 0..<1_000 {
                let name = String(format: "f%04d.txt", file)
                if file == 500 + directory {
                    try H.write("Dasar anjing.\n", to: sub.appendingPathComponent(name))
                    expected.append("d\(directory)/e\(directory % 3)/\(name):1:7: error: profanity-id.strong")
                } else {
                    try H.write("Terima kasih atas kunjungan Anda.\n", to: sub.appendingPathComponent(name))
                }
            }
        }
        let result = try H.santun(["check", "--format", "line", "--jobs", "2", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7",
                                   "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19"],
                                  in: folder, timeout: 600)
        BadInputTests.expectOrderly(result, [1])
        let lines = result.stdout.split(separator: "\n").map { String($0.split(separator: ":").prefix(3).joined(separator: ":")) }
        #expect(lines.count == 20)
        #expect(lines == expected.map { String($0.split(separator: ":").prefix(3).joined(separator: ":")) }, "in argument order")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func symbolicLinkLoopsAreReportedNotFollowedForever() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let drafts = folder.appendingPathComponent("draf")
        try FileManager.default.createDirectory(at: drafts.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try H.write("Dasar anjing.\n", to: drafts.appendingPathComponent("sub/a.txt"))
        try FileManager.default.createSymbolicLink(atPath: drafts.appendingPathComponent("sub/ulang").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: drafts.appendingPathComponent("x.txt").path, withDestinationPath: "y.txt")
        try FileManager.default.createSymbolicLink(atPath: drafts.appendingPathComponent("y.txt").path, withDestinationPath: "x.txt")
        try FileManager.default.createSymbolicLink(atPath: drafts.appendingPathComponent("hilang.txt").path, withDestinationPath: "tidak-ada.txt")
        let result = try H.santun(["check", "--format", "line", "draf"], in: folder, timeout: 60)
        BadInputTests.expectOrderly(result, [2])
        #expect(result.stdout.components(separatedBy: "a.txt:1:7: error").count == 2, "reported once: \(result.stdout)")
        #expect(result.stderr.contains("draf/sub/ulang: skipped, a symbolic link loops back to a folder already read"))
        #expect(result.stderr.contains("draf/x.txt: skipped, a symbolic link loop"))
        #expect(result.stderr.contains("draf/hilang.txt: broken symbolic link"))

        // Named directly, a looping link is an error too.
        let direct = try H.santun(["check", "draf/x.txt"], in: folder, timeout: 60)
        BadInputTests.expectOrderly(direct, [2])
        #expect(direct.stderr.contains("draf/x.txt: Too many levels of symbolic links"), "\(direct.stderr)")
    }

    @Test func unreadableFilesAndFoldersAreErrorsAndTheRestIsChecked() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.write("Dasar anjing.\n", to: folder.appendingPathComponent("boleh.txt"))
        try H.write("Rahasia.\n", to: folder.appendingPathComponent("terkunci.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tertutup"), withIntermediateDirectories: true)
        try H.write("Isi.\n", to: folder.appendingPathComponent("tertutup/isi.txt"))
        chmod(folder.appendingPathComponent("terkunci.txt").path, 0o000)
        chmod(folder.appendingPathComponent("tertutup").path, 0o000)
        // As root, permissions are not checked: run as nobody (see Hostile.asUnprivileged).
        let result = try H.santun(["check", "--format", "line", "."], in: folder, wrapper: H.asUnprivileged, timeout: 60)
        BadInputTests.expectOrderly(result, [2])
        #expect(result.stdout.contains("boleh.txt:1:7: error: profanity-id.strong"))
        #expect(result.stderr.contains("terkunci.txt: cannot read: permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("tertutup: cannot read the folder (Permission denied)"), "\(result.stderr)")
    }

    @Test func aFileThatVanishesWhileBeingCheckedIsReported() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.write("Dasar anjing.\n", to: folder.appendingPathComponent("a.txt"))
        try H.write("Dasar bangsat.\n", to: folder.appendingPathComponent("c.txt"))
        let pipe = folder.appendingPathComponent("b.fifo")
        #expect(mkfifo(pipe.path, 0o644) == 0)
        // Santun reads a.txt, then blocks on the pipe; while it waits c.txt is deleted, so when
        // it gets there the path it collected is gone.
        let feeder = Thread {
            let descriptor = open(pipe.path, O_WRONLY)  // returns once Santun opens the pipe
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("c.txt"))
            _ = "Halo.\n".withCString { write(descriptor, $0, 6) }
            close(descriptor)
        }
        feeder.start()
        let result = try H.santun(["check", "--format", "line", "--jobs", "1", "a.txt", "b.fifo", "c.txt"], in: folder, timeout: 60)
        BadInputTests.expectOrderly(result, [2])
        #expect(result.stdout.contains("a.txt:1:7: error: profanity-id.strong"))
        #expect(result.stderr.contains("c.txt: cannot read: no such file (it may have been moved or deleted)"), "\(result.stderr)")
        // Named but missing from the start: the same exit code.
        let missing = try H.santun(["check", "tidak-ada.txt"], in: folder)
        BadInputTests.expectOrderly(missing, [2])
        #expect(missing.stderr.contains("tidak-ada.txt: No such file or directory"), "\(missing.stderr)")
    }

    // MARK: line ends and invisible characters

    @Test func mixedAndLoneCRLineEndsKeepPositionsAndBytes() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.installFakePack(in: folder)
        let text = "Halo\rgue bikin\r\nitu\nanjing\r\rbikin lagi\r"
        try H.write(text, to: folder.appendingPathComponent("cr.txt"))
        let check = try H.santun(["check", "--format", "line", "cr.txt"], in: folder)
        BadInputTests.expectOrderly(check, [1])
        let positions = check.stdout.split(separator: "\n").map { $0.split(separator: ":").prefix(3).joined(separator: ":") + ":" + ($0.split(separator: ":")[4].trimmingCharacters(in: .whitespaces)) }
        // The built-in slang rules read "gue" and "bikin" before the test pack does (same category,
        // same span: the first rule's finding is kept).
        #expect(positions == ["cr.txt:2:1:slang.pronoun", "cr.txt:2:5:slang.casual-form", "cr.txt:4:1:profanity-id.strong",
                              "cr.txt:4:1:xx.word", "cr.txt:6:1:slang.casual-form"],
                "\(check.stdout)")
        let fixed = try H.santun(["fix", "cr.txt"], in: folder)
        #expect(fixed.stdout == "Halo\rsaya membuat\r\nitu\nanjing\r\rmembuat lagi\r")
        BadInputTests.expectOrderly(try H.santun(["fix", "--write", "cr.txt"], in: folder), [0, 1])
        #expect(try String(contentsOf: folder.appendingPathComponent("cr.txt"), encoding: .utf8) == "Halo\rsaya membuat\r\nitu\nanjing\r\rmembuat lagi\r")
    }

    @Test func bidirectionalOverridesAreFlaggedAsHidingText() throws {
        for (character, name) in [("\u{202E}", "U+202E"), ("\u{202D}", "U+202D"), ("\u{2067}", "U+2067"), ("\u{2066}", "U+2066")] {
            let result = try H.santun(["check", "--format", "line", "--text", "Harga 😀 \(character)000.05 pR saja."])
            BadInputTests.expectOrderly(result, [0])
            #expect(result.stdout.contains("<text>:1:9: warning: tone.hidden-characters:"), "\(name): \(result.stdout)")
            #expect(result.stdout.contains("(\(name))"))
        }
        #expect(try H.santun(["check", "--format", "line", "--fail-on", "warning", "--text", "a\u{202E}b"]).status == 1)
        // Left-to-right and right-to-left marks do not reorder text: not flagged.
        #expect(try H.santun(["check", "--format", "line", "--text", "Halo\u{200E} semua\u{200F}."]).stdout.isEmpty)
    }

    @Test func zeroWidthCharactersInsideWordsDoNotHideThem() throws {
        for joiner in ["\u{200D}", "\u{200B}", "\u{00AD}", "\u{2060}", "\u{FEFF}"] {
            let word = "anj\(joiner)ing"
            let result = try H.santun(["check", "--no-redact", "--format", "json", "--text", "Dasar \(word)."])
            BadInputTests.expectOrderly(result, [1])
            let found = try BadInputTests.findings(result.stdout)
            #expect(found.map(\.rule) == ["profanity-id.strong"], "U+\(String(joiner.unicodeScalars.first!.value, radix: 16))")
            #expect(found.first?.match == word, "the span covers the word as written")
            #expect(found.first?.column == 7 && found.first?.endColumn == 7 + word.unicodeScalars.count)
        }
    }
}
