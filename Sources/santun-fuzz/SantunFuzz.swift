// santun-fuzz: feeds arbitrary bytes to where untrusted input enters Santun — the UTF-8
// reader, the tokenizer, the whole lint (plain, Markdown, one draft per line), the fixer, the
// rule-pack loader and the configuration parser — and checks invariants that must hold for
// every input. A broken invariant stops the process (fatalError), which libFuzzer reports as
// a crash and saves as an input to keep.
//
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DSANTUN_FUZZ` (see .ci/fuzz.sh) it is a
// libFuzzer binary. In a normal build it replays files: `santun-fuzz [file or folder…]`,
// by default corpora/fuzz/, where every crash the fuzzer found is kept; a test runs it.
import Foundation
import SantunBuiltInPacks
import SantunCore

/// The first byte of an input chooses what the rest is fed to.
enum FuzzMode: UInt8, CaseIterable {
    case draft, markdown, lines, pack, configuration
}

/// Everything built once per process: compiling break rules and loading packs is slow.
final class FuzzHarness {
    let linter: Linter
    let loader: PackLoader
    let ruleSet: RuleSet

    /// The test suite's made-up pack, which exercises every rule kind the built-in packs use
    /// and the ones they do not (hashed terms, colloquial morphology on invented words). Read from
    /// the checkout, like the seeds: the fuzzer always runs inside it.
    static let fixturePack = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/SantunTests/Fixtures/xx.yml")

    /// The one metric neither the built-in packs nor the fixture use.
    static let capsRatioPack = """
        pack: fuzz
        language: id
        description: Aturan untuk fuzzing.
        rules:
          - id: fuzz.ratio
            kind: metric
            category: tone
            severity: info
            message: m
            rationale: r
            metric: caps-ratio
            threshold: 0.9
            examples: [{bad: "⟦ABCDEFGHIJ KLMNOPQRSTUV⟧"}, {good: "abcdefghij klmnopqrstuv"}]
        """

    init() {
        do {
            let linter = try Linter(wordBreakRules: Tokenizer.compileRules())
            let loader = PackLoader(tokenizer: linter.tokenizer)
            self.linter = linter
            self.loader = loader
            var packs = try BuiltInPacks.all.map { try loader.load(yaml: $0.yaml, file: "rules/" + $0.name) }
            packs.append(try loader.load(yaml: String(contentsOf: FuzzHarness.fixturePack, encoding: .utf8), file: "xx.yml"))
            packs.append(try loader.load(yaml: FuzzHarness.capsRatioPack, file: "fuzz.yml"))
            ruleSet = RuleSet(packs: packs)
        } catch {
            fatalError("santun-fuzz: cannot set up: \(error)")
        }
    }

    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("santun-fuzz: invariant broken: \(message())") }
    }

    func run(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let mode = FuzzMode.allCases[Int(first) % FuzzMode.allCases.count]
        let body = Array(data.dropFirst())
        switch mode {
        case .draft: lint(body, LintOptions())
        case .markdown: lint(body, LintOptions(markdown: true))
        case .lines: lint(body, LintOptions(platform: "x", draftBoundary: .line))
        case .pack: pack(body)
        case .configuration: configuration(body)
        }
    }

    /// Reading: strict and lossy agree on validity; the lossy text is valid UTF-8 whose UTF-16
    /// copy matches Swift's own decoding; every position maps back and forth.
    func source(_ bytes: [UInt8]) -> SourceText {
        let bad = SourceText.firstInvalidByte(in: bytes)
        do {
            _ = try SourceText(validating: bytes)
            FuzzHarness.require(bad == nil, "strict reading accepted an invalid byte at \(bad ?? -1)")
        } catch let error as InvalidUTF8 {
            FuzzHarness.require(error.offset == bad, "strict reading: offset \(error.offset), first invalid \(bad ?? -1)")
        } catch {
            FuzzHarness.require(false, "strict reading threw \(error)")
        }
        let source = SourceText(lossy: bytes)
        FuzzHarness.require(SourceText.firstInvalidByte(in: source.bytes) == nil, "lossy text is not valid UTF-8")
        if bad == nil { FuzzHarness.require(source.bytes == bytes, "valid input changed by lossy reading") }
        let text = String(decoding: source.bytes, as: UTF8.self)
        FuzzHarness.require(source.utf16 == Array(text.utf16), "UTF-16 copy differs from Swift's decoding")
        FuzzHarness.require(source.lineStarts.first == 0 && zip(source.lineStarts, source.lineStarts.dropFirst()).allSatisfy { $0 < $1 }
                                && (source.lineStarts.last ?? 0) <= source.bytes.count, "line starts out of order")
        // Every scalar boundary: the location from the index equals a walk from the start.
        var line = 1, column = 1, utf16Column = 1, utf16 = 0, index = 0
        let bytes = source.bytes
        while true {
            let location = source.location(ofByte: index)
            FuzzHarness.require(location.line == line && location.column == column && location.utf16Column == utf16Column,
                                "location of byte \(index): \(location), walked \(line):\(column):\(utf16Column)")
            FuzzHarness.require(source.byteOffset(ofUTF16: utf16) == index, "byte offset of UTF-16 \(utf16)")
            guard index < bytes.count else { break }
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let value = String(decoding: bytes[index..<(index + width)], as: UTF8.self).unicodeScalars.first!.value
            index += width
            utf16 += width == 4 ? 2 : 1
            if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) || value == 0x2028 || value == 0x2029 || value == 0x85 {
                line += 1; column = 1; utf16Column = 1
            } else {
                column += 1; utf16Column += width == 4 ? 2 : 1
            }
        }
        return source
    }

    func isBoundary(_ bytes: [UInt8], _ offset: Int) -> Bool {
        offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }

    /// Tokens are in order, disjoint, on character boundaries, and their UTF-16 ranges match.
    func tokens(_ source: SourceText) {
        let tokens = linter.tokenizer.tokenize(source)
        var previousEnd = 0
        for token in tokens {
            let range = token.range
            FuzzHarness.require(range.offset >= previousEnd && range.length > 0 && range.end <= source.bytes.count,
                                "token \(range) after \(previousEnd) in \(source.bytes.count) bytes")
            FuzzHarness.require(isBoundary(source.bytes, range.offset) && isBoundary(source.bytes, range.end), "token \(range) splits a character")
            let units = String(decoding: source.bytes[range.range], as: UTF8.self).utf16.count
            FuzzHarness.require(token.utf16Range.count == units && source.byteOffset(ofUTF16: token.utf16Range.lowerBound) == range.offset,
                                "token \(range) has UTF-16 range \(token.utf16Range)")
            for part in token.parts {
                FuzzHarness.require(range.contains(part.range), "hashtag part \(part.range) outside \(range)")
            }
            previousEnd = range.end
        }
    }

    func lint(_ bytes: [UInt8], _ options: LintOptions) {
        let source = self.source(bytes)
        tokens(source)
        if options.markdown {
            FuzzHarness.require(MarkdownMasker.mask(source).bytes.count == source.bytes.count, "Markdown masking changed the length")
        }
        let findings: [Finding]
        do {
            findings = try linter.lint(source, ruleSet: ruleSet, options: options)
        } catch {
            FuzzHarness.require(false, "lint threw \(error)")
            return
        }
        for (finding, next) in zip(findings, findings.dropFirst()) {
            FuzzHarness.require(!Finding.readingOrder(next, finding), "findings out of reading order")
        }
        for finding in findings {
            let range = finding.range
            FuzzHarness.require(range.offset >= 0 && range.end <= source.bytes.count, "\(finding.ruleID) at \(range) outside the text")
            FuzzHarness.require(isBoundary(source.bytes, range.offset) && isBoundary(source.bytes, range.end), "\(finding.ruleID) at \(range) splits a character")
            FuzzHarness.require(finding.start == source.location(ofByte: range.offset) && finding.end == source.location(ofByte: range.end),
                                "\(finding.ruleID) at \(range): wrong line or column")
            FuzzHarness.require(finding.match == source.text(range), "\(finding.ruleID): match is not the source text")
        }
        // The fixer keeps the text valid and never touches line ends (N lines in, N lines out).
        let fixed = Fixer.fix(source, findings: findings)
        FuzzHarness.require(SourceText.firstInvalidByte(in: fixed.text) == nil, "fixed text is not valid UTF-8")
        func lineEnds(_ bytes: [UInt8]) -> [UInt8] { bytes.filter { $0 == 0x0A || $0 == 0x0D } }
        FuzzHarness.require(lineEnds(fixed.text) == lineEnds(source.bytes), "the fixer changed line ends")
        for (a, b) in zip(fixed.applied, fixed.applied.dropFirst()) {
            FuzzHarness.require(!a.range.overlaps(b.range), "overlapping fixes applied")
        }
        if fixed.applied.isEmpty { FuzzHarness.require(fixed.text == source.bytes, "nothing applied but the text changed") }
    }

    /// A pack either loads or fails with a LoadError naming a line inside the file.
    func pack(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        // YAML ends a line at LF, CR, CRLF, NEL, LS and PS (a lone CR counts: found by the fuzzer).
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }.count + 1
        do {
            let pack = try loader.load(yaml: text, file: "fuzz-pack.yml")
            _ = ExampleVerifier(linter: linter).verify(pack)
            _ = try linter.lint(SourceText("Halo semua, ini draf uji 081234567890 #KerjaCerdas anjing."), ruleSet: RuleSet(packs: [pack]))
        } catch let error as LoadError {
            FuzzHarness.require(error.file == "fuzz-pack.yml" && error.line >= 1 && error.line <= lines + 1, "load error outside the file: \(error)")
        } catch {
            FuzzHarness.require(false, "pack loading threw \(error)")
        }
    }

    func configuration(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let configuration = try Configuration.parse(yaml: text, file: ".santun.yml")
            try? configuration.validateNames(against: ruleSet.packs, yaml: text)
            _ = try? Configuration.parseTermList(text, file: "istilah.txt")
        } catch is LoadError {
        } catch {
            FuzzHarness.require(false, "configuration parsing threw \(error)")
        }
    }
}

nonisolated(unsafe) let harness = FuzzHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func santunFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    harness.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if SANTUN_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point under the name `<module>_main` (and defines `main`
/// as that symbol), so libFuzzer's own `main` is never linked in: this entry hands the command
/// line to libFuzzer's driver instead.
@_cdecl("santun_fuzz_main")
public func santunFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in santunFuzzOneInput(data, size) }
}
#else
/// Without libFuzzer: replays the given files and folders (default corpora/fuzz/).
@main
enum Replay {
    static func main() {
        var paths = Array(CommandLine.arguments.dropFirst())
        if paths.isEmpty { paths = ["corpora/fuzz"] }
        var count = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("santun-fuzz: \(path): no such file or folder\n".utf8))
                exit(2)
            }
            var files = [path]
            if isDirectory.boolValue {
                let names = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
                files = names.sorted().map { path + "/" + $0 }.filter {
                    var folder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue
                        && !$0.hasSuffix("README.md")
                }
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                harness.run([UInt8](data))
                count += 1
            }
        }
        print("santun-fuzz: replayed \(count) inputs, no invariant broken")
    }
}
#endif
