// santun-bench: times Santun's stages on a deterministic generated corpus and prints tables of
// medians. `swift run -c release santun-bench` reproduces the README's Performance section;
// `--peers` adds the side-by-side comparison, `--smoke` is a seconds-long run for CI.
import Foundation
import SantunBuiltInPacks
@_spi(Benchmark) import SantunCore

// MARK: options

struct Options {
    var sizes: [Int] = [0, 1_000_000, 10_000_000, 100_000_000]  // 0 = one post
    var runs = 5
    var largeRuns = 3
    var peers = false
    var smoke = false
    var build = true
    /// Runs one stage in a loop on the 1 MB sample, for a profiler (perf, callgrind).
    var profile: String?
    /// Writes the corpus of a size to a file and exits (for hyperfine command lines by hand).
    var writeCorpus: (size: Int, path: String)?
    var sections: Set<String> = ["startup", "stages", "e2e", "jobs", "scaling"]

    static let usage = """
        usage: santun-bench [--peers] [--smoke] [--runs N] [--sizes post,1MB,10MB,100MB] [--only SECTIONS] [--no-build]
          SECTIONS: startup, stages, e2e, jobs, scaling, peers (comma-separated)
          --peers     also time the peers (needs hyperfine, rg and /tmp/peers-bench; see peers/peer.py)
          --smoke     a few seconds: one post and 100 kB, one run, no hyperfine (for CI)
          --write-corpus SIZE FILE  write the generated drafts of that size to FILE and exit
          --profile STAGE  loop one stage (tokenize, normalize, match, check, patterns) on 1 MB, for perf
        """

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value for \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--peers": options.peers = true; options.sections.insert("peers")
            case "--smoke":
                options.smoke = true
                options.sizes = [0, 100_000]
                options.runs = 1
                options.largeRuns = 1
                options.sections = ["startup", "stages", "scaling"]
            case "--runs": options.runs = Int(value()) ?? options.runs; options.largeRuns = min(options.largeRuns, options.runs)
            case "--sizes": options.sizes = value().split(separator: ",").map { parseSize(String($0)) }
            case "--only": options.sections = Set(value().split(separator: ",").map(String.init))
            case "--no-build": options.build = false
            case "--profile": options.profile = value(); options.sections = []
            case "--write-corpus":
                let size = parseSize(value())
                options.writeCorpus = (size, value())
            case "-h", "--help": print(usage); exit(0)
            default: fail("unknown argument \(arguments[index])\n\(usage)")
            }
            index += 1
        }
        return options
    }

    static func parseSize(_ text: String) -> Int {
        let lower = text.lowercased()
        if lower == "post" { return 0 }
        for (suffix, factor) in [("mb", 1_000_000), ("kb", 1_000)] where lower.hasSuffix(suffix) {
            if let number = Int(lower.dropLast(suffix.count)) { return number * factor }
        }
        return Int(lower) ?? { fail("bad size \(text)") }()
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("santun-bench: \(message)\n".utf8))
    exit(2)
}

func sizeName(_ bytes: Int) -> String {
    if bytes == 0 { return "1 post" }
    if bytes >= 1_000_000 { return "\(bytes / 1_000_000) MB" }
    return "\(bytes / 1_000) kB"
}

/// Prints a Markdown table with aligned columns.
func table(_ header: [String], _ rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
    func line(_ cells: [String]) -> String {
        "| " + cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
            .joined(separator: " | ") + " |"
    }
    print(line(header))
    print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for row in rows { print(line(row)) }
    print("")
}

// MARK: setup

let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let executableDirectory = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    ?? CommandLine.arguments[0]).deletingLastPathComponent().path
let santunPath = executableDirectory + "/santun"
let workDirectory = NSTemporaryDirectory() + "santun-bench-\(getpid())"
try? FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workDirectory) }

let chunkSize = 1_000_000
/// Chunk `index` of the corpus: every size is a prefix of the same stream of 1 MB chunks.
func corpusChunk(_ index: Int) -> [UInt8] {
    var generator = DraftGenerator(seed: 0x5A47_0000 + UInt64(index))
    return generator.corpus(bytes: chunkSize)
}

func chunks(for size: Int) -> Int { max(1, (size + chunkSize - 1) / chunkSize) }

/// Writes the first `size` bytes' worth of chunks to a file (generated on the fly, never held whole).
func writeCorpus(_ size: Int, to path: String) -> Int {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { fail("cannot write \(path)") }
    var written = 0
    if size < chunkSize {
        let bytes = Array(corpusChunk(0).prefix(size))
        let cut = (bytes.lastIndex(of: 0x0A) ?? (bytes.count - 1)) + 1
        handle.write(Data(bytes[..<cut]))
        written = cut
    } else {
        for index in 0..<chunks(for: size) {
            let bytes = corpusChunk(index)
            handle.write(Data(bytes))
            written += bytes.count
        }
    }
    try? handle.close()
    return written
}

let clock = ContinuousClock()
let wordBreakRules = try Tokenizer.compileRules()
let linter = try Linter(wordBreakRules: wordBreakRules)
let loader = PackLoader(tokenizer: linter.tokenizer)
let packs = try BuiltInPacks.all.map { try loader.load(yaml: $0.yaml, file: "rules/" + $0.name) }
let ruleSet = RuleSet(packs: packs)
let lexiconWords: [String] = packs.flatMap(\.rules).flatMap { rule -> [String] in
    guard case let .lexicon(_, entries) = rule.body else { return [] }
    return entries.map(\.written)
}
let post = DraftGenerator.post()

// MARK: environment

func environment() {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
    let swift = shell("swift --version 2>&1 | head -1").output.trimmingCharacters(in: .whitespacesAndNewlines)
    let commit = shell("git rev-parse --short HEAD", directory: packageRoot).output.trimmingCharacters(in: .whitespacesAndNewlines)
    let dirty = shell("git status --porcelain --untracked-files=no", directory: packageRoot).output.isEmpty ? "" : " (modified)"
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print("# santun-bench\n")
    print("- machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
          + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; load average at start \(load)")
    print("- \(swift); ICU \(ICU.version); commit \(commit)\(dirty); release build")
    print("- built-in packs: \(packs.count) packs, \(ruleSet.rules.count) rules, \(lexiconWords.count) lexicon words and phrases, "
          + "\(BenchmarkStages.lexiconKeyCount(ruleSet)) index keys")
    print("- corpus: generated drafts (one per line, seeded generator in Sources/santun-bench/Corpus.swift); "
          + "in process, sizes ≥ 1 MB are processed as 1 MB chunks (`santun check` streams files over 8 MB in 256 kB chunks)")
    print("- medians of \(options.runs) runs (\(options.largeRuns) for 10 and 100 MB; in process, 100 MB is one pass over 100 chunks); "
          + "one post: runs of 200 iterations")
    print("- the machine is shared with other builds: expect ±25 % between runs, more under load\n")
}

// MARK: startup

func startup() {
    print("## Startup: `santun check --text <post>` (\(post.unicodeScalars.count) characters)\n")
    let runs = options.smoke ? 1 : 10
    var rows: [[String]] = []
    func row(_ name: String, _ body: () throws -> Void) {
        let time = (try? Measure.median(runs: runs, body)) ?? .nan
        rows.append([name, Measure.format(seconds: time)])
    }
    row("compile break rules (first run; then cached)") { _ = try Tokenizer.compileRules() }
    row("open cached break rules") { _ = try WordBreakRules(binary: wordBreakRules.binary) }
    row("open linter (break iterator, folder)") { _ = try Linter(wordBreakRules: wordBreakRules) }
    row("read the built-in packs' archive, as santun does (patterns compile on first use)") {
        _ = try PackArchive.decode(BuiltInPacks.archive)
    }
    row("parse pack YAML only (Yams; user packs)") { for pack in BuiltInPacks.all { _ = try BenchmarkStages.parseYAML(pack.yaml) } }
    let lazyLoader = PackLoader(tokenizer: linter.tokenizer, compilesPatterns: false)
    row("load all packs from YAML, patterns compiled on first use") {
        _ = try BuiltInPacks.all.map { try lazyLoader.load(yaml: $0.yaml, file: "rules/" + $0.name) }
    }
    row("load all packs from YAML strictly, as the tests and santun-gen do") {
        _ = try BuiltInPacks.all.map { try loader.load(yaml: $0.yaml, file: "rules/" + $0.name) }
    }
    let patterns = packs.flatMap(\.rules).compactMap { rule -> String? in
        if case let .pattern(spec) = rule.body { spec.regex.pattern } else { nil }
    }
    row("  of which: compile \(patterns.count) pattern regexes") { for pattern in patterns { _ = try ICURegex(pattern, caseInsensitive: true) } }
    row("  of which: normalize \(lexiconWords.count) lexicon phrases") { for word in lexiconWords { _ = loader.normalizedWords(word) } }
    let archived = try! PackArchive.decode(BuiltInPacks.archive)
    row("build rule set from the archive, as santun does") { _ = RuleSet(packs: archived, normalize: loader.normalizedWords) }
    row("build rule set (lexicon index, prefilters)") { _ = RuleSet(packs: packs) }
    row("  of which: pattern prefilters") { _ = BenchmarkStages.buildPatternScreen(ruleSet) }
    row("  of which: lexicon index and stem filter") { _ = BenchmarkStages.buildLexicon(ruleSet) }
    row("check the post (warm)") { _ = try linter.lint(SourceText(post), ruleSet: ruleSet) }
    print("In-process parts (median of \(runs)):\n")
    table(["part", "median"], rows)

    guard !options.smoke, FileManager.default.isExecutableFile(atPath: santunPath) else { return }
    guard Hyperfine.available else { print("(hyperfine not installed: `apt-get install -y hyperfine`)\n"); return }
    let commands = [santunPath + " --version", santunPath + " check --text " + Hyperfine.quote(post)]
    // Warm the rule cache first, as every run after the first sees it.
    _ = ChildRun.run(santunPath, ["check", "--text", post])
    guard let medians = Hyperfine.medians(commands, runs: 60, warmup: 5, noShell: true) else {
        print("(hyperfine failed)\n")
        return
    }
    let check = medians[1]
    let budget = check <= 0.012 ? "goal met" : check <= 0.025 ? "within the 25 ms limit, goal 12 ms missed" : "over the 25 ms limit"
    print("Whole process, hyperfine -N, 60 runs after 5 warm-ups:\n")
    table(["command", "median", "budget"], [
        ["santun --version (process floor: Swift runtime, Foundation, ICU)", Measure.format(seconds: medians[0]), ""],
        ["santun check --text <post>, all built-in packs", Measure.format(seconds: check), "\(budget) (goal 12 ms, limit 25 ms)"],
    ])
}

// MARK: stages

struct StageTimes {
    var decode = 0.0, tokenize = 0.0, normalize = 0.0, match = 0.0, check = 0.0, fix = 0.0
    var bytes = 0, tokens = 0, findings = 0
    static func + (a: StageTimes, b: StageTimes) -> StageTimes {
        StageTimes(decode: a.decode + b.decode, tokenize: a.tokenize + b.tokenize, normalize: a.normalize + b.normalize,
                   match: a.match + b.match, check: a.check + b.check, fix: a.fix + b.fix,
                   bytes: a.bytes + b.bytes, tokens: a.tokens + b.tokens, findings: a.findings + b.findings)
    }
}

/// Each stage on its own over one text: UTF-8 decoding and line table, tokenizing (segmentation
/// and normalization), normalizing alone, lexicon matching of all packs, the whole check, fix.
func stageTimes(_ bytes: [UInt8], iterations: Int = 1, ruleSet: RuleSet = ruleSet) throws -> StageTimes {
    var times = StageTimes()
    times.bytes = bytes.count
    func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = clock.now
        for _ in 0..<iterations { try body() }
        return Measure.seconds(clock.now - start) / Double(iterations)
    }
    var source = SourceText(lossy: bytes)
    times.decode = timed { source = SourceText(lossy: bytes) }
    var tokens: [Token] = []
    times.tokenize = timed { tokens = linter.tokenizer.tokenize(source) }
    times.tokens = tokens.count
    let words = BenchmarkStages.wordBytes(tokens, in: source)
    times.normalize = timed { _ = BenchmarkStages.normalize(words) }
    times.match = timed { _ = BenchmarkStages.lexiconHits(tokens, ruleSet: ruleSet) }
    var findings: [Finding] = []
    times.check = try timed { findings = try linter.lint(SourceText(lossy: bytes), ruleSet: ruleSet) }
    times.findings = findings.count
    times.fix = timed { _ = Fixer.fix(source, findings: findings) }
    return times
}

func stages() throws {
    print("## Stages, in process, one core\n")
    var columns: [(name: String, times: StageTimes)] = []
    for size in options.sizes {
        var runs: [StageTimes] = []
        // 100 MB in process is one run: its 100 chunks are already 100 samples.
        let runCount = size >= 100_000_000 ? 1 : size >= 10_000_000 ? options.largeRuns : options.runs
        for _ in 0..<runCount {
            if size == 0 {
                runs.append(try stageTimes(Array(post.utf8), iterations: options.smoke ? 20 : 200))
            } else if size < chunkSize {
                let bytes = Array(corpusChunk(0).prefix(size))
                runs.append(try stageTimes(Array(bytes[...(bytes.lastIndex(of: 0x0A) ?? bytes.count - 1)])))
            } else {
                var total = StageTimes()
                for index in 0..<chunks(for: size) { total = total + (try stageTimes(corpusChunk(index))) }
                runs.append(total)
            }
        }
        func med(_ key: KeyPath<StageTimes, Double>) -> Double { Measure.median(runs.map { $0[keyPath: key] }) }
        var median = runs[0]
        median.decode = med(\.decode); median.tokenize = med(\.tokenize); median.normalize = med(\.normalize)
        median.match = med(\.match); median.check = med(\.check); median.fix = med(\.fix)
        columns.append((sizeName(size), median))
        FileHandle.standardError.write(Data("santun-bench: stages \(sizeName(size)) done\n".utf8))
    }
    let stages: [(String, KeyPath<StageTimes, Double>)] = [
        ("decode (UTF-8 check, UTF-16 copy, lines)", \.decode), ("tokenize (ICU + classify + normalize)", \.tokenize),
        ("normalize words alone", \.normalize), ("match lexicon, all packs", \.match),
        ("whole check (decode → findings)", \.check), ("fix (apply findings)", \.fix),
    ]
    var rows: [[String]] = []
    for (name, key) in stages {
        rows.append([name] + columns.map { column in
            let time = column.times[keyPath: key]
            return column.times.bytes < chunkSize / 10 && column.name == "1 post" ? Measure.format(seconds: time)
                : "\(Measure.format(seconds: time)) (\(Measure.format(megabytesPerSecond: column.times.bytes, time)))"
        })
    }
    rows.append(["tokens / findings"] + columns.map { "\($0.times.tokens) / \($0.times.findings)" })
    table(["stage"] + columns.map(\.name), rows)
    if let large = columns.last(where: { $0.times.bytes >= 10_000_000 }) {
        let rate = Double(large.times.bytes) / 1e6 / large.times.check
        let verdict = rate >= 50 ? "goal met" : rate >= 30 ? "limit met, goal missed" : "budget missed"
        print(String(format: "Whole-check throughput on %@: %.1f MB/s on one core: %@ (goal 50 MB/s, limit 30 MB/s).\n",
                     large.name, rate, verdict))
    }
    // Where the whole check spends its time on the 1 MB sample.
    if !options.smoke {
        let source = SourceText(lossy: corpusChunk(0))
        var perStage: [String: [Double]] = [:]
        var order: [String] = []
        for _ in 0..<options.runs {
            for (stage, time) in try BenchmarkStages.lintStages(linter, source, ruleSet: ruleSet) {
                if perStage[stage] == nil { order.append(stage) }
                perStage[stage, default: []].append(Measure.seconds(time))
            }
        }
        print("Whole check on 1 MB, by step (median of \(options.runs)):\n")
        table(["step", "median"], order.map { [$0, Measure.format(seconds: Measure.median(perStage[$0]!))] })
        let patterns = try BenchmarkStages.patternTimes(linter, source, ruleSet: ruleSet)
        print("Pattern prefilters (a line is matched only if it holds one literal and enough digits):\n")
        table(["rule", "required literals", "min digits"], BenchmarkStages.patternPrefilters(ruleSet).map { filter in
            let literals = filter.literals.map { $0.count <= 4 ? $0.joined(separator: ", ") : "\($0.count): \($0.prefix(4).joined(separator: ", "))…" } ?? "–"
            return [filter.rule, literals, String(filter.minimumDigits)]
        })
        let candidates = BenchmarkStages.patternCandidateLines(source, ruleSet: ruleSet)
        print("Pattern rules on 1 MB (\(source.lineCount) lines; one run each, screen included), slowest first:\n")
        table(["rule", "time", "lines it runs on"], patterns.sorted { $0.time > $1.time }.prefix(8).map {
            [$0.rule, Measure.format(seconds: Measure.seconds($0.time)), String(candidates[$0.rule] ?? 0)]
        })
    }
}

// MARK: end to end

func buildSantun() {
    guard options.build else { return }
    FileHandle.standardError.write(Data("santun-bench: swift build -c release --product santun\n".utf8))
    let result = shell("swift build -c release --product santun 2>&1", directory: packageRoot)
    if result.status != 0 { FileHandle.standardError.write(Data("santun-bench: build failed:\n\(result.output)\n".utf8)) }
}

func endToEnd() {
    guard FileManager.default.isExecutableFile(atPath: santunPath) else { print("(no santun binary at \(santunPath))\n"); return }
    print("## `santun check FILE --jobs 1`: whole process, one core\n")
    var rows: [[String]] = []
    var largest: (size: Int, kilobytes: Int)?
    for size in options.sizes where size >= 1_000_000 {
        let path = workDirectory + "/corpus-\(size).txt"
        let bytes = writeCorpus(size, to: path)
        let runCount = size >= 10_000_000 ? options.largeRuns : options.runs
        let arguments = ["check", "--jobs", "1", "--fail-on", "never", "--max-findings", "0", "--format", "line", path]
        var runs: [ChildRun] = []
        for _ in 0..<runCount { runs.append(ChildRun.run(santunPath, arguments)) }
        let time = Measure.median(runs.map(\.seconds))
        // One more run under /usr/bin/time for the memory (see ChildRun.peakMemory).
        let memory = ChildRun.peakMemory(santunPath, arguments)
        if let memory { largest = (size, memory) }
        rows.append([sizeName(size), Measure.format(seconds: time), Measure.format(megabytesPerSecond: bytes, time),
                     memory.map { String(format: "%.0f MB", Double($0) / 1024) } ?? "(no /usr/bin/time)",
                     runs.allSatisfy { $0.status == 0 } ? "" : "exit \(runs[0].status)"])
        try? FileManager.default.removeItem(atPath: path)
        FileHandle.standardError.write(Data("santun-bench: e2e \(sizeName(size)) done\n".utf8))
    }
    table(["input", "median", "throughput", "peak memory (max RSS)", ""], rows)
    if let largest {
        let megabytes = Double(largest.kilobytes) / 1024
        print("Peak memory on \(sizeName(largest.size)): " + String(format: "%.0f MB", megabytes) + ": "
              + (megabytes <= 50 ? "goal met" : megabytes <= 100 ? "limit met, goal missed" : "budget missed")
              + " (goal 50 MB, limit 100 MB).\n")
    }
}

// MARK: jobs

func jobs() {
    guard FileManager.default.isExecutableFile(atPath: santunPath) else { return }
    let directory = workDirectory + "/many"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // 400 files of about 25 kB (10 MB): a folder of drafts, as a pre-commit run over a repo sees it.
    var total = 0
    for chunk in 0..<10 {
        let bytes = corpusChunk(chunk)
        var start = 0
        for part in 0..<40 {
            var end = min(bytes.count, start + bytes.count / 40)
            while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
            if part == 39 { end = bytes.count }
            _ = FileManager.default.createFile(atPath: directory + String(format: "/draft-%02d-%02d.txt", chunk, part),
                                           contents: Data(bytes[start..<end]))
            total += end - start
            start = end
        }
    }
    var times: [Int: Double] = [:]
    for jobs in [1, 2] {
        let runs = (0..<options.runs).map { _ in
            ChildRun.run(santunPath, ["check", "--jobs", String(jobs), "--fail-on", "never", "--format", "line", directory]).seconds
        }
        times[jobs] = Measure.median(runs)
    }
    try? FileManager.default.removeItem(atPath: directory)
    let speedup = times[1]! / times[2]!
    let verdict = speedup >= 1.9 ? "goal met" : speedup >= 1.6 ? "limit met, goal missed" : "budget missed"
    print("## `--jobs` on 400 files (\(total / 1_000_000) MB), whole process\n")
    table(["jobs", "median", "throughput", "speed-up"], [
        ["1", Measure.format(seconds: times[1]!), Measure.format(megabytesPerSecond: total, times[1]!), "1.00×"],
        ["2", Measure.format(seconds: times[2]!), Measure.format(megabytesPerSecond: total, times[2]!),
         String(format: "%.2f× (%@; goal 1.9×, limit 1.6×)", speedup, verdict)],
    ])
}

// MARK: lexicon scaling

/// A pack of `factor` × the built-in lexicon words: the real words once, then made-up variants.
func scaledPackYAML(factor: Int) -> String {
    var yaml = "pack: scaled\nlanguage: id\ndescription: bench\nrules:\n"
    yaml += "  - id: scaled.words\n    kind: lexicon\n    category: profanity\n    severity: warning\n"
    yaml += "    message: \"{match}\"\n    rationale: bench\n    morphology: true\n"
    yaml += "    examples:\n      - bad: \"⟦zzqx⟧\"\n      - good: \"baik\"\n    entries:\n"
    let letters = Array("bcdfghjklmnpqrstvwxyz")
    for copy in 0..<factor {
        for word in lexiconWords {
            var written = word
            if copy > 0 { written += "q" + String(letters[copy % letters.count]) + String(letters[(copy / letters.count) % letters.count]) }
            yaml += "      - match: \"\(written.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"\n"
        }
    }
    return yaml
}

func scaling() throws {
    print("## Cost per token against lexicon size (1 MB sample, matching one scaled pack)\n")
    let sample = SourceText(lossy: options.smoke ? Array(corpusChunk(0).prefix(100_000)) : corpusChunk(0))
    let tokens = linter.tokenizer.tokenize(sample)
    var rows: [[String]] = []
    var base = 0.0
    for factor in options.smoke ? [1, 10] : [1, 10, 100] {
        let pack = try loader.load(yaml: scaledPackYAML(factor: factor), file: "scaled.yml")
        let scaled = RuleSet(packs: [pack])
        let time = Measure.median(runs: options.runs) { _ = BenchmarkStages.lexiconHits(tokens, ruleSet: scaled) }
        let perToken = time / Double(tokens.count) * 1e9
        if factor == 1 { base = perToken }
        rows.append(["\(factor)×", "\(lexiconWords.count * factor)", "\(BenchmarkStages.lexiconKeyCount(scaled))",
                     String(format: "%.0f ns", perToken), String(format: "%.2f×", perToken / base)])
    }
    table(["pack size", "words", "index keys", "match cost per token", "vs 1×"], rows)
}

// MARK: peers

func peers() {
    // 100 kB: better-profanity censors a line in about 80 ms with the packs' words added (each
    // word and its look-alike variants are tried at every position), so 1 MB would take minutes a run.
    let sample = 100_000
    print("## Side by side on the same 100 kB of drafts (hyperfine, whole process, 3 runs)\n")
    let venvPython = "/tmp/peers-bench/bin/python"
    let script = packageRoot + "/Sources/santun-bench/peers/peer.py"
    guard Hyperfine.available else { print("(hyperfine not installed)\n"); return }
    let file = workDirectory + "/peers-100kB.txt"
    let bytes = writeCorpus(sample, to: file)
    let words = workDirectory + "/lexicon-words.txt"
    _ = FileManager.default.createFile(atPath: words, contents: Data((lexiconWords.joined(separator: "\n") + "\n").utf8))
    var commands: [(String, String)] = [
        ("santun check --jobs 1 (all built-in packs)", "\(santunPath) check --jobs 1 --fail-on never --format line \(file)"),
    ]
    let hasPython = FileManager.default.isExecutableFile(atPath: venvPython)
    if hasPython {
        commands.append(("indoNLP 0.3.4 (elongation + slang normalizer, Python)", "\(venvPython) \(script) indonlp \(file)"))
        commands.append(("better-profanity 0.7.0 + pack words (Python)", "\(venvPython) \(script) better-profanity \(file) \(words)"))
    }
    if shell("command -v rg").status == 0 {
        commands.append(("rg -F -i -w -f <\(lexiconWords.count) pack words> (ripgrep)", "rg -F -i -w -f \(words) \(file)"))
    }
    guard let medians = Hyperfine.medians(commands.map(\.1), runs: 3, warmup: 0, noShell: true) else {
        print("(hyperfine failed)\n")
        return
    }
    let santun = medians[0]
    table(["tool", "median", "throughput", "time vs santun"], zip(commands, medians).map { command, time in
        [command.0, Measure.format(seconds: time), Measure.format(megabytesPerSecond: bytes, time),
         String(format: "%.2f×", time / santun)]
    })
    if !hasPython { print("(Python peers skipped: create /tmp/peers-bench as peers/peer.py says)\n") }
}

// MARK: profile

func profile(_ stage: String) throws {
    let bytes = corpusChunk(0)
    let source = SourceText(lossy: bytes)
    let tokens = linter.tokenizer.tokenize(source)
    let words = BenchmarkStages.wordBytes(tokens, in: source)
    let start = clock.now
    var rounds = 0
    while Measure.seconds(clock.now - start) < 10 {
        switch stage {
        case "tokenize": _ = linter.tokenizer.tokenize(source)
        case "normalize": _ = BenchmarkStages.normalize(words)
        case "match": _ = BenchmarkStages.lexiconHits(tokens, ruleSet: ruleSet)
        case "check": _ = try linter.lint(source, ruleSet: ruleSet)
        case "patterns": _ = try BenchmarkStages.patternTimes(linter, source, ruleSet: ruleSet)
        case "analysed":
            let counts = BenchmarkStages.analysedWords(tokens, ruleSet: ruleSet)
            print("\(counts.values.reduce(0, +)) of \(tokens.count) tokens analysed; most common:")
            for (word, count) in counts.sorted(by: { $0.value > $1.value }).prefix(30) { print("  \(count) \(word)") }
            return
        default: fail("unknown stage \(stage)")
        }
        rounds += 1
    }
    print("\(stage): \(rounds) rounds in 10 s")
}

// MARK: run

if let (size, path) = options.writeCorpus {
    print("wrote \(writeCorpus(size, to: path)) bytes to \(path)")
    exit(0)
}
if let stage = options.profile {
    try profile(stage)
    exit(0)
}
environment()
if options.sections.contains("e2e") || options.sections.contains("jobs") || options.sections.contains("peers")
    || (options.sections.contains("startup") && !options.smoke) {
    buildSantun()
}
if options.sections.contains("startup") { startup() }
if options.sections.contains("stages") { try stages() }
if options.sections.contains("e2e") { endToEnd() }
if options.sections.contains("jobs") { jobs() }
if options.sections.contains("scaling") { try scaling() }
if options.sections.contains("peers") { peers() }
