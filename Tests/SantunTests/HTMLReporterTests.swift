import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SantunCore
@testable import SantunReporters
import SantunTraining

/// The HTML report: well-formed (it parses as XML), self-contained, hostile text stays text,
/// every finding is highlighted and listed, personal data is masked unless asked otherwise.
@Suite struct HTMLReporterTests {
    static let drafts: [(path: String, text: String)] = [
        ("promo.txt", "PROMO HARI INI SAJA!!! Hubungi 0812-3456-7890 ya, bangsat 😀\nProduk sebelah kalah jauh."),
        ("<img src=x onerror=alert(1)>.txt", "<script>alert('santun')</script> & \"kutip\" 'tunggal' anjing </textarea>]]>"),
        ("bersih.txt", "Selamat Hari Raya Idulfitri bagi seluruh pelanggan."),
        ("ganda.txt", "JANGAN SAMPAI KEHABISAN, ANJING!!!"),
    ]

    static func report() -> Report {
        let files = drafts.map { draft in
            FileReport(path: draft.path, findings: TestSupport.lint(draft.text), source: SourceText(draft.text))
        }
        var rules: [String: RuleInfo] = [:]
        for rule in TestSupport.builtInPacks.flatMap(\.rules) {
            rules[rule.id] = RuleInfo(id: rule.id, category: rule.category.rawValue, severity: rule.severity,
                                      summary: "", rationale: rule.rationale)
        }
        return Report(files: files, rules: rules, toolVersion: "0.0.0-test")
    }

    static func render(redact: Bool = false, language: HTMLReporter.UILanguage = .id) -> String {
        HTMLReporter(categoryLabels: Vocabulary.categoryLabels(language == .en ? .en : .id), language: language, redact: redact)
            .render(report())
    }

    /// Elements by tag, with attributes and text, from an XML parse of the page.
    final class Collector: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var text: String }
        var elements: [Element] = []
        private var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, text: ""))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func all(_ name: String, class wanted: String? = nil) -> [Element] {
            elements.filter { element in
                element.name == name && (wanted.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) } ?? true)
            }
        }
    }

    static func parse(_ html: String) throws -> Collector {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        return collector
    }

    @Test func isWellFormedAndListsEveryFinding() throws {
        let report = Self.report()
        let html = Self.render()
        let page = try Self.parse(html)
        let findings = report.files.map { $0.findings.sorted(by: Finding.readingOrder) }
        #expect(findings.joined().count >= 10)
        let notes = page.all("li", class: "note")
        #expect(notes.count == findings.joined().count)
        var draftNumber = 0
        for (index, file) in report.files.enumerated() where !file.findings.isEmpty {
            draftNumber += 1
            let card = try #require(page.elements.first { $0.attributes["id"] == "draft-\(draftNumber)" })
            #expect(card.text.contains(file.path), "card \(draftNumber) is not \(file.path)")
            for (number, finding) in findings[index].enumerated() {
                let note = try #require(notes.first { $0.attributes["id"] == "n\(draftNumber)-\(number + 1)" })
                #expect(note.text.contains(finding.message))
                #expect(note.text.contains(finding.ruleID))
                #expect(page.elements.contains { $0.name == "sup" && $0.attributes["id"] == "r\(draftNumber)-\(number + 1)" })
            }
            // The marked pieces of a draft cover exactly the bytes its findings cover.
            let draftElement = try #require(page.all("div", class: "draft").dropFirst(draftNumber - 1).first)
            #expect(draftElement.text.hasPrefix(file.source!.text(ByteRange(offset: 0, length: 4))))
        }
        let marked = page.all("mark").filter { $0.attributes["data-tip"] != nil }.map(\.text).joined()
        for finding in findings.joined() where finding.range.length > 0 {
            #expect(marked.contains(finding.match) || finding.match.unicodeScalars.allSatisfy { marked.unicodeScalars.contains($0) },
                    "\(finding.match) is not highlighted")
        }
        #expect(page.all("div", class: "clean").first?.text.contains("bersih.txt") == true)
    }

    @Test func overlappingFindingsAreAllHighlighted() throws {
        let page = try Self.parse(Self.render())
        // "ANJING" sits inside a shouting run: both messages are in its tooltip.
        let mark = try #require(page.all("mark").first { $0.text == "ANJING" })
        #expect(mark.attributes["class"]?.contains("cat-profanity") == true)
        #expect(mark.attributes["class"]?.contains("multi") == true)
        let tip = try #require(mark.attributes["data-tip"])
        #expect(tip.contains("profanity") || tip.contains("Umpatan"))
        #expect(tip.contains("huruf kapital"))
    }

    @Test func hostileTextStaysText() throws {
        let html = Self.render()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("</textarea>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;santun&#39;)&lt;/script&gt; &amp; &quot;kutip&quot;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
        let page = try Self.parse(html)
        #expect(page.all("script").isEmpty && page.all("img").isEmpty)
        #expect(page.all("div", class: "draft").contains { $0.text.contains("<script>alert('santun')</script> & \"kutip\"") })
    }

    @Test func controlCharactersCannotBreakThePage() throws {
        let text = "Tes\u{0}\u{7}\u{1B}[31m anjing\u{FFFF}"
        let report = Report(files: [FileReport(path: "c.txt", findings: TestSupport.lint(text), source: SourceText(text))],
                            rules: [:], toolVersion: "t")
        let page = try Self.parse(HTMLReporter(redact: false).render(report))
        #expect(page.all("li", class: "note").count == 1)
    }

    @Test func isSelfContained() {
        let html = Self.render()
        for banned in ["<script", "<link", "@import", "url(", "src=\"", "href=\"http", "@font-face"] {
            #expect(!html.lowercased().contains(banned), "\(banned)")
        }
        let external = html.components(separatedBy: "http").dropFirst().filter {
            !$0.hasPrefix("://www.w3.org/") && !$0.hasPrefix("-equiv")
        }
        #expect(external.isEmpty, "\(external.map { String($0.prefix(40)) })")
        #expect(html.contains("@media print"))
    }

    @Test func chartsSummaryAndLegendCarryWordsAndNumbers() throws {
        let report = Self.report()
        let page = try Self.parse(Self.render())
        let charts = page.all("svg")
        #expect(charts.count == 2)
        let byCategory = charts[0].text
        for category in Category.allCases where category != .suppression {
            let count = report.allFindings.filter { $0.category == category }.count
            #expect(byCategory.contains(Vocabulary.label(category, .id) + "\(count)"), "\(category)")
        }
        let bySeverity = charts[1].text
        #expect(bySeverity.contains("error (kesalahan)\(report.count(.error))"))
        #expect(page.elements.contains { $0.name == "desc" && $0.text.contains("Data pribadi: 1") })
        let legend = try #require(page.all("div", class: "legend").first)
        #expect(legend.text.contains("garis putus-putus"))
        let words = try #require(page.all("div", class: "top-words").first).text
        #expect(words.contains("bangsat") || words.contains("anjing"))
    }

    @Test func personalDataIsMaskedByDefault() throws {
        let masked = HTMLReporter(categoryLabels: Vocabulary.categoryLabels(.id)).render(Self.report())
        #expect(!masked.contains("0812-3456-7890"))
        #expect(!masked.contains("3456"))
        #expect(masked.contains("••••-••••-••••"))
        let page = try Self.parse(masked)
        #expect(page.all("li", class: "note").count == Self.report().allFindings.count)
        #expect(Self.render(redact: false).contains("0812-3456-7890"))
    }

    @Test func englishPageAndDeterminism() throws {
        let english = Self.render(language: .en)
        #expect(english.contains("<html lang=\"en\""))
        #expect(english.contains("Findings by category") && english.contains("Personal data"))
        #expect(Self.render() == Self.render())
    }

    @Test func emptyReportSaysAllClean() throws {
        let text = "Selamat pagi."
        let report = Report(files: [FileReport(path: "a.txt", findings: [], source: SourceText(text))], rules: [:], toolVersion: "t")
        let page = try Self.parse(HTMLReporter().render(report))
        #expect(page.all("p", class: "all-clean").count == 1)
        #expect(page.all("li", class: "note").isEmpty)
    }

    // MARK: the command

    @Test func reportCommandWritesThePage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for draft in Self.drafts where !draft.path.contains("<") {
            try draft.text.write(to: directory.appendingPathComponent(draft.path), atomically: true, encoding: .utf8)
        }
        let out = directory.appendingPathComponent("laporan.html")
        let run = try TestSupport.run(["report", "--html", out.path, "--title", "Uji <b>", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("3 drafts"))
        let html = try String(contentsOf: out, encoding: .utf8)
        let page = try Self.parse(html)
        #expect(page.all("h1").first?.text == "Uji <b>")
        #expect(!html.contains("0812-3456-7890"))
        let stdout = try TestSupport.run(["report", "--html", "-", "--no-redact", "--lang", "en", directory.path])
        #expect(stdout.status == 0)
        #expect(stdout.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(stdout.stdout.contains("0812-3456-7890"))
        #expect(stdout.stdout.contains("Why it matters"))
        let missing = try TestSupport.run(["report", "--html", out.path, directory.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2)
        let noHTML = try TestSupport.run(["report", directory.path])
        #expect(noHTML.status == 2)
    }

    // MARK: a real browser

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Headless Chromium parses the page as a browser does: the hostile draft must come out as
    /// text in the DOM (no script ran, no element was injected) and the screenshot is not blank.
    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install -y chromium)"), .timeLimit(.minutes(2)))
    func chromiumRendersTheReport() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try Self.render().write(to: page, atomically: true, encoding: .utf8)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(directory.path)/profile"]
        let dom = try Self.runBrowser(common + ["--dump-dom", page.absoluteString])
        #expect(dom.contains("&lt;script&gt;alert('santun')&lt;/script&gt;"))
        #expect(!dom.lowercased().contains("<script"))
        #expect(dom.contains("data-tip="))
        let shot = directory.appendingPathComponent("report.png")
        _ = try Self.runBrowser(common + ["--screenshot=\(shot.path)", "--window-size=1280,1600", page.absoluteString])
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1280×1600 page compresses to a few kilobytes; text, charts and colour do not.
        #expect(png.count > 40_000, "screenshot is \(png.count) bytes")
    }

    static func runBrowser(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
