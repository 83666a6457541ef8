import Foundation
import Testing
@testable import SantunCore
@testable import SantunReporters

/// Every reporter renders one fixed report to a golden file. The report holds what reporters
/// must get right: an emoji before a match (UTF-16 columns differ from scalar columns), a span
/// over a line break, an empty suggestion (delete), a fixable finding, a rule without info, a
/// path with a space and one with a comma and a colon (escaped in workflow commands), quotes
/// and a percent sign in a message, and a clean file.
@Suite struct ReporterGoldenTests {
    static func finding(_ rule: String, _ category: SantunCore.Category, _ severity: Severity, _ match: String, in source: SourceText,
                        message: String, suggestions: [String] = [], fixable: Bool = false) -> Finding {
        let text = String(decoding: source.bytes, as: UTF8.self)
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: match)!.lowerBound)
        let range = ByteRange(offset: start, length: match.utf8.count)
        return Finding(ruleID: rule, category: category, severity: severity, message: message, range: range,
                       start: source.location(ofByte: range.offset), end: source.location(ofByte: range.end),
                       match: match, suggestions: suggestions, fixable: fixable)
    }

    static let report: Report = {
        let promo = SourceText("Promo 🎉 hari ini, anjing banget murahnya!\nHubungi 081234567890 ya.\nSampai jumpa.\n")
        let notes = SourceText("Kita bakal IPO, siap-siap ya.\n")
        let promoFindings = [
            finding("profanity-id.strong", .profanity, .error, "anjing", in: promo,
                    message: "“anjing” adalah umpatan atau kata vulgar; hapus dari unggahan.", suggestions: [""]),
            finding("nonstandard.banget", .nonstandard, .info, "banget", in: promo,
                    message: "“banget” tidak baku; gunakan “sangat”.", suggestions: ["sangat", "amat"], fixable: true),
            finding("pii.phone", .pii, .warning, "081234567890", in: promo,
                    message: "“081234567890” tampak seperti nomor HP pribadi."),
            finding("tone.length", .tone, .warning, "ya.\nSampai", in: promo,
                    message: "Teks melebihi batas karakter platform; bagian “ya.\nSampai” akan terpotong."),
        ]
        let notesFindings = [
            finding("confidential.corporate-action", .confidential, .error, "IPO", in: notes,
                    message: "“IPO” belum diumumkan: 100% \"rahasia\", jangan diunggah.", suggestions: ["rencana perusahaan"]),
        ]
        let rules: [String: RuleInfo] = [
            "profanity-id.strong": RuleInfo(id: "profanity-id.strong", category: "profanity", severity: .error,
                                            summary: "Umpatan berbahasa Indonesia.", rationale: "Umpatan merusak citra perusahaan."),
            "pii.phone": RuleInfo(id: "pii.phone", category: "pii", severity: .warning,
                                  summary: "Data pribadi.", rationale: "Nomor HP adalah data pribadi (UU 27/2022)."),
            "tone.length": RuleInfo(id: "tone.length", category: "tone", severity: .warning,
                                    summary: "Nada tidak profesional.", rationale: "Teks yang terpotong tampak ceroboh."),
            "confidential.corporate-action": RuleInfo(id: "confidential.corporate-action", category: "confidential", severity: .error,
                                                      summary: "Informasi rahasia.", rationale: "Aksi korporasi yang bocor melanggar aturan pasar modal."),
        ]
        return Report(files: [
            FileReport(path: "drafts/promo ramadan.md", findings: promoFindings, source: promo),
            FileReport(path: "catatan,rapat:1.txt", findings: notesFindings, source: notes),
            FileReport(path: "bersih.txt", findings: [], source: SourceText("Selamat pagi.\n")),
        ], rules: rules, toolVersion: "0.0.0-test")
    }()

    /// The JSON writer copies text in runs between the bytes it escapes; on every scalar of the
    /// first planes, alone and between letters, the result is what escaping scalar by scalar
    /// gives, and Foundation's parser reads the original text back.
    @Test func jsonEscapeAgreesWithScalarEscaping() throws {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                    out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var values = Array(UInt32(0)...0x3100)
        values += [0x1F389, 0xFEFF, 0xFFFD]
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "a\(scalar)b", "\(scalar)\(scalar)"] {
                let escaped = JSONWriter.escape(text)
                #expect(escaped == reference(text), "U+\(String(value, radix: 16))")
            }
        }
        let mixed = "kutip \" garis \\ tab\t baris\n\u{2028}\u{2029}\u{1} — “anjing” 🎉"
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + JSONWriter.escape(mixed) + "]").utf8)) as? [String]
        #expect(parsed == [mixed])
    }

    /// The byte scan that lets most text through unchanged agrees with the replacement itself on
    /// every scalar of the first planes, alone and between letters.
    @Test func printableScanAgreesWithTheReplacement() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a\(Character(scalar))b"] {
                #expect(Printable.needsReplacing(text) == (Printable.replacing(text) != text), "U+\(String(value, radix: 16))")
            }
        }
        #expect(Printable.line("saran: “di sini” 👍") == "saran: “di sini” 👍")
        #expect(Printable.line("a\u{1B}[31mb\u{2028}") == "a\u{FFFD}[31mb⏎")
    }

    @Test func text() { GoldenFile.check(TextReporter().render(Self.report), "reporter-text.txt") }
    @Test func textWithColor() { GoldenFile.check(TextReporter(style: .init(color: true)).render(Self.report), "reporter-text-color.txt") }
    @Test func json() { GoldenFile.check(JSONReporter().render(Self.report), "reporter.json") }
    @Test func sarif() { GoldenFile.check(SARIFReporter().render(Self.report), "reporter.sarif") }
    @Test func github() { GoldenFile.check(GitHubReporter().render(Self.report), "reporter-github.txt") }
    @Test func line() { GoldenFile.check(LineReporter().render(Self.report), "reporter-line.txt") }
    @Test func redactedJSON() { GoldenFile.check(JSONReporter().render(Redactor.redact(Self.report)), "reporter-redacted.json") }
    /// Every protected text is masked wherever it appears in a message or suggestion, the longest
    /// one where two start at the same place; other text stays byte for byte.
    @Test func scrubberMasksEverySecretLongestFirst() {
        let scrubber = Redactor.Scrubber(secrets: ["0812", "0812-3456-7890", "rina@mail.id", "", "0812"])
        #expect(scrubber.scrub("Hubungi 0812-3456-7890 atau 0812, bukan “rina@mail.id”.")
                == "Hubungi 0••••••••••••• atau ••••, bukan “r•••••••••••”.")
        #expect(scrubber.scrub("Tidak ada yang dirahasiakan 🎉.") == "Tidak ada yang dirahasiakan 🎉.")
        #expect(Redactor.Scrubber(secrets: []).scrub("0812") == "0812")
    }

    @Test func redactedText() { GoldenFile.check(TextReporter().render(Redactor.redact(Self.report)), "reporter-redacted-text.txt") }

    /// A file handed in as several pieces (a large input checked in chunks), with an empty piece
    /// among them, renders to the same bytes as the file in one piece: the golden files hold.
    @Test(arguments: ["text", "json", "github", "line"])
    func piecesJoinIntoTheWholeReport(format: String) {
        func reporter() -> any StreamingReporter {
            switch format {
            case "text": TextReporter()
            case "json": JSONReporter()
            case "github": GitHubReporter()
            default: LineReporter()
            }
        }
        var streamed = reporter()
        var out = streamed.begin()
        for file in Self.report.files {
            let findings = file.findings
            let cut = findings.count / 2
            let pieces = [Array(findings[..<cut]), [], Array(findings[cut...])]
            for (index, piece) in pieces.enumerated() {
                out += streamed.piece(FileReport(path: file.path, findings: piece, source: file.source),
                                      first: index == 0, last: index == pieces.count - 1)
            }
        }
        out += streamed.end()
        #expect(out == reporter().render(Self.report))
    }

    @Test func emptyReport() {
        let empty = Report(files: [], rules: [:], toolVersion: "0.0.0-test")
        #expect(TextReporter().render(empty) == "✓ no findings in 0 files\n")
        #expect(LineReporter().render(empty) == "")
        #expect(GitHubReporter().render(empty) == "")
        #expect(JSONReporter().render(empty) == "{\n  \"version\": 1,\n  \"files\": []\n}\n")
    }

    /// Identical findings on identical lines get distinct fingerprints; the same finding moved
    /// to another line keeps its fingerprint.
    @Test func fingerprintsAreStableAndDistinct() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let source = SourceText(text)
            var findings: [Finding] = []
            var from = text.startIndex
            while let range = text.range(of: "anjing", range: from..<text.endIndex) {
                let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                let byteRange = ByteRange(offset: offset, length: 6)
                findings.append(Finding(ruleID: "p.x", category: .profanity, severity: .error, message: "m", range: byteRange,
                                        start: source.location(ofByte: offset), end: source.location(ofByte: offset + 6),
                                        match: "anjing", suggestions: [], fixable: false))
                from = range.upperBound
            }
            let report = Report(files: [FileReport(path: "a.txt", findings: findings, source: source)], rules: [:], toolVersion: "0")
            let json = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8)) as! [String: Any]
            let results = ((json["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
            return results.map { ($0["partialFingerprints"] as! [String: String])["santunFinding/v1"]! }
        }
        let twice = try fingerprints("dasar anjing\ndasar anjing\n")
        #expect(twice.count == 2 && twice[0] != twice[1])
        let moved = try fingerprints("Baris baru di atas.\n\ndasar anjing\ndasar anjing\n")
        #expect(moved == twice)
    }

    @Test func sarifURIs() {
        #expect(SARIFReporter.uri("drafts/promo ramadan.md") == "drafts/promo%20ramadan.md")
        #expect(SARIFReporter.uri("./draf/é.txt") == "draf/%C3%A9.txt")
        #expect(SARIFReporter.uri("/tmp/a b.md") == "file:///tmp/a%20b.md")
    }
}
