import Foundation
import Testing
@testable import SantunCore

/// `santun fix`: the rewrite rules of the issue, properties over the corpora, and safe `--write`.
@Suite struct FixTests {
    func fix(_ text: String) -> String {
        let source = SourceText(text)
        return String(decoding: Fixer.fix(source, findings: TestSupport.lint(text)).text, as: UTF8.self)
    }

    @Test(arguments: [
        ("udah makan", "sudah makan"), ("Udah makan", "Sudah makan"), ("UDAH MAKAN", "SUDAH MAKAN"),
        ("Kami hal2 kecil.", "Kami hal-hal kecil."), ("Ini anak2nya.", "Ini anak-anaknya."),
        ("Tolong gunain aplikasinya.", "Tolong gunakan aplikasinya."), ("Jangan dirubah.", "Jangan diubah."),
        ("Produknya bagus sih, hehehe.", "Produknya bagus."), ("Mending beli sekarang.", "Lebih baik beli sekarang."),
        ("Tunggu disini ya.", "Tunggu di sini ya."), ("Tapiiiii jangan lupa.", "Tetapi jangan lupa."),
        ("Selamaaat pagi semuaaa.", "Selamat pagi semua."),
        ("Tolong nyariin berkasnya.", "Tolong mencarikan berkasnya."), ("Udahnya gimana?", "Sudahnya bagaimana?"),
    ])
    func rewrites(input: String, expected: String) {
        #expect(fix(input) == expected)
    }

    @Test func bytesOutsideTheSpansStay() {
        let text = "😀 Cek https://contoh.id/udah #UdahBisa @udah_official\r\nudah `kode`\r\nakhir tanpa baris baru"
        let fixed = fix(text)
        #expect(fixed == "😀 Cek https://contoh.id/udah #UdahBisa @udah_official\r\nsudah `kode`\r\nakhir tanpa baris baru")
    }

    static let corpusDrafts: [String] = CorpusTests.drafts

    /// Over every draft of the corpora: fix is idempotent, leaves nothing fixable, keeps the line
    /// count, and changes only bytes inside the findings it applied.
    @Test func propertiesOverTheCorpus() throws {
        for path in FixTests.corpusDrafts {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let source = SourceText(text)
            let result = Fixer.fix(source, findings: TestSupport.lint(text))
            let once = String(decoding: result.text, as: UTF8.self)
            #expect(fix(once) == once, "idempotent: \(path)")
            #expect(TestSupport.lint(once).filter(\.fixable).isEmpty, "nothing fixable left: \(path)")
            #expect(once.split(separator: "\n", omittingEmptySubsequences: false).count
                    == text.split(separator: "\n", omittingEmptySubsequences: false).count, "lines kept: \(path)")
            // Every byte outside the applied spans (and the spaces/commas a deletion takes) survives in order.
            var kept: [UInt8] = []
            var index = 0
            for finding in result.applied.sorted(by: { $0.range.offset < $1.range.offset }) {
                kept += source.bytes[index..<finding.range.offset]
                index = finding.range.end
            }
            kept += source.bytes[index...]
            let removable: Set<UInt8> = [0x20, 0x2C]
            var output = result.text.makeIterator()
            var matched = true
            for byte in kept where !removable.contains(byte) {
                var found = false
                while let next = output.next() { if next == byte { found = true; break } }
                if !found { matched = false; break }
            }
            #expect(matched, "bytes outside the spans kept: \(path)")
        }
    }

    @Test func cliStdinDiffAndWrite() throws {
        let folder = try CLI.folder(["a.txt": "Udah gak usah dirubah.\n", "clean.txt": "Selamat pagi.\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try CLI.run(["fix", "-"], stdin: Data("Udah gak usah dirubah.\nkalo bisa\n".utf8))
        #expect(piped.stdout == "Sudah tidak usah diubah.\nkalau bisa\n")
        let diff = try CLI.run(["fix", "--diff", "a.txt"], in: folder)
        #expect(diff.stdout.contains("-Udah gak usah dirubah.\n+Sudah tidak usah diubah.\n"))
        let file = folder.appendingPathComponent("a.txt").path
        let clean = folder.appendingPathComponent("clean.txt").path
        chmod(file, 0o640)
        let before = try FileManager.default.attributesOfItem(atPath: clean)[.modificationDate] as! Date
        Thread.sleep(forTimeInterval: 0.01)
        let write = try CLI.run(["fix", "--write", "a.txt", "clean.txt"], in: folder)
        #expect(write.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Sudah tidak usah diubah.\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as! NSNumber).intValue == 0o640)
        #expect(try FileManager.default.attributesOfItem(atPath: clean)[.modificationDate] as! Date == before, "untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("santun-") }
        #expect(leftovers.isEmpty, "no temporary files left")
    }

    @Test func remainingFindingsGoToStderr() throws {
        let run = try CLI.run(["fix", "-"], stdin: Data("Dasar goblok, udah telat.\n".utf8))
        #expect(run.stdout == "Dasar goblok, sudah terlambat.\n")
        #expect(run.stderr.contains("profanity-id.strong: “goblok” perlu diperbaiki sendiri"))
        #expect(run.status == 1, "an error is left for a person")
    }

    /// Found by the fuzzer: a phrase wrapped onto the next line ("di⏎baca") was rewritten into
    /// one line, so fewer lines came out than went in.
    @Test func aPhraseAcrossALineEndIsReportedButNeverJoined() {
        let text = "Surat itu sudah di\nbaca oleh tim.\n"
        let findings = TestSupport.lint(text).filter { $0.ruleID == "nonstandard.prefix-di" }
        #expect(findings.map(\.match) == ["di\nbaca"])
        #expect(findings.first?.fixable == false, "a person decides where the line should break")
        let fixed = Fixer.fix(SourceText(text), findings: TestSupport.lint(text))
        #expect(String(decoding: fixed.text, as: UTF8.self) == text)
        // One draft per line: the phrase would join two drafts, so it is not a phrase at all.
        #expect(TestSupport.lint(text, options: LintOptions(draftBoundary: .line)).allSatisfy { $0.ruleID != "nonstandard.prefix-di" })
    }
}
