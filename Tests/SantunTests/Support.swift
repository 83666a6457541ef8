import Foundation
import SantunBuiltInPacks
@testable import SantunCore

/// Shared fixtures: paths in the repository, compiled rules, and a way to run the real binary.
enum TestSupport {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let wordBreakRules: WordBreakRules = try! Tokenizer.compileRules()

    /// A tokenizer for this test (ICU iterators are per thread; tests run in parallel).
    static func tokenizer() -> Tokenizer { try! Tokenizer(rules: wordBreakRules) }
    static func linter() -> Linter { try! Linter(wordBreakRules: wordBreakRules) }

    static let builtInPacks: [RulePack] = {
        let loader = PackLoader(tokenizer: tokenizer())
        return BuiltInPacks.all.map { try! loader.load(yaml: $0.yaml, file: "rules/" + $0.name) }
    }()

    /// Built as `santun` builds it: the known words (good examples, fixes, suggestions) split
    /// into words by the tokenizer, so stretched-word choices match the real binary's.
    static let builtInRuleSet = RuleSet(packs: builtInPacks, normalize: PackLoader(tokenizer: tokenizer()).normalizedWords)

    static func lint(_ text: String, ruleSet: RuleSet = builtInRuleSet, options: LintOptions = LintOptions()) -> [Finding] {
        try! linter().lint(SourceText(text), ruleSet: ruleSet, options: options)
    }

    static func pack(_ yaml: String, file: String = "test.yml") throws -> RulePack {
        try PackLoader(tokenizer: tokenizer()).load(yaml: yaml, file: file)
    }

    // MARK: the real binary

    static var binary: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            products.appendingPathComponent("santun"),
            products.deletingLastPathComponent().appendingPathComponent("santun"),
            repoRoot.appendingPathComponent(".build/debug/santun"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// Runs `santun` with arguments and optional stdin, in `directory`, with a private cache.
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Like a local shell: CI (set by .ci/run) turns redaction on for every format.
        env["CI"] = nil
        env["GITHUB_ACTIONS"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errorHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    /// One scratch folder per test process, removed when the process exits: the suite makes a
    /// few hundred folders per run, and one per test left in the temporary folder added up.
    static let scratchRoot: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("santun-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)  // a crashed earlier run with the same pid
        atexit { try? FileManager.default.removeItem(atPath: TestSupport.scratchRoot.path) }
        return root
    }()

    static func temporaryDirectory() throws -> URL {
        let url = scratchRoot.appendingPathComponent("santun-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
