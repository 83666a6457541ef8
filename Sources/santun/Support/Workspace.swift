import Foundation
import SantunBuiltInPacks
import SantunCore
import SantunReporters

/// Everything a command needs to lint: the compiled break rules, a linter for this thread,
/// and the rule sets of the configuration files that apply (found upward from each file).
final class Workspace {
    let wordBreakRules: WordBreakRules
    let linter: Linter
    let loader: PackLoader
    private var ruleSets: [String: LoadedRules] = [:]
    private var configByDirectory: [String: String?] = [:]
    private let explicitConfig: String?
    private let useConfigFiles: Bool

    /// A configuration with its packs and compiled rules.
    struct LoadedRules {
        var configuration: Configuration
        var packs: [RulePack]
        var ruleSet: RuleSet
    }

    init(config: String? = nil, useConfigFiles: Bool = true) throws {
        wordBreakRules = try RuleCache.wordBreakRules()
        linter = try Linter(wordBreakRules: wordBreakRules)
        loader = PackLoader(tokenizer: linter.tokenizer)
        explicitConfig = config
        self.useConfigFiles = useConfigFiles
        // A command makes one workspace and exits soon after: freeing its thousands of rule strings
        // and arrays one by one at the end would cost about a millisecond, so it lives until exit.
        _ = Unmanaged.passRetained(self)
    }

    /// The built-in packs, read from the archive `santun-gen` compiled into the binary: no YAML to
    /// parse and no phrase to normalize at start. They were loaded strictly and their examples
    /// verified when the archive was made (and the tests check it is fresh); their patterns
    /// compile on first use, so a short draft that no pattern's prefilter lets through never pays
    /// for compiling them.
    func builtInPacks() throws -> [RulePack] {
        try PackArchive.decode(BuiltInPacks.archive)
    }

    /// The rules that apply to a file in `directory` (nil: the current directory).
    func rules(forDirectory directory: String?) throws -> LoadedRules {
        let configPath: String?
        if let explicitConfig {
            configPath = explicitConfig
        } else if useConfigFiles {
            // Looked up once per folder: a tree of a million drafts has far fewer folders.
            let start = directory ?? FileManager.default.currentDirectoryPath
            if let known = configByDirectory[start] {
                configPath = known
            } else {
                configPath = Workspace.findConfig(from: start)
                configByDirectory[start] = .some(configPath)
            }
        } else {
            configPath = nil
        }
        let key = configPath ?? "<none>"
        if let cached = ruleSets[key] { return cached }
        let loaded = try load(configPath: configPath)
        ruleSets[key] = loaded
        return loaded
    }

    static func findConfig(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(".santun.yml").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    private func load(configPath: String?) throws -> LoadedRules {
        var configuration = Configuration()
        var yaml = ""
        var base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let configPath {
            let text = try TextFile.read(configPath, what: "the configuration file")
            yaml = text
            configuration = try Configuration.parse(yaml: text, file: configPath)
            base = URL(fileURLWithPath: configPath).deletingLastPathComponent()
        }
        var packs = try builtInPacks()
        let verifier = ExampleVerifier(linter: linter)
        for entry in configuration.packs {
            let url = URL(fileURLWithPath: entry, relativeTo: base)
            for file in try Workspace.yamlFiles(at: url, named: entry) {
                let text = try TextFile.read(file, what: "the rule pack")
                let pack = try loader.load(yaml: text, file: file)
                if let clash = packs.first(where: { $0.id == pack.id }) {
                    throw LoadError(file: file, line: 1, message: "pack id '\(pack.id)' is already used by \(clash.file)")
                }
                let known = Set(packs.flatMap { $0.rules.map(\.id) })
                if let duplicate = pack.rules.first(where: { known.contains($0.id) }) {
                    throw LoadError(file: file, line: duplicate.line, message: "rule id '\(duplicate.id)' is already defined")
                }
                if let failure = verifier.verify(pack).first { throw failure }
                packs.append(pack)
            }
        }
        var extraRules: [Rule] = []
        for entry in configuration.confidentialTerms {
            let path = URL(fileURLWithPath: entry, relativeTo: base).path
            let text = try TextFile.read(path, what: "the confidential term list")
            let (terms, hashed) = try Configuration.parseTermList(text, file: path)
            extraRules += Configuration.confidentialTermRule(terms: terms, hashed: hashed, file: path, loader: loader)
        }
        if !extraRules.isEmpty {
            packs.append(RulePack(id: "company-terms-list", language: "id", description: "Istilah rahasia perusahaan.",
                                  descriptionEN: nil, rules: extraRules, file: configPath ?? ""))
        }
        try configuration.validateNames(against: packs, yaml: yaml)
        let ruleSet = RuleSet(packs: packs, settings: configuration.settings, normalize: loader.normalizedWords)
        return LoadedRules(configuration: configuration, packs: packs, ruleSet: ruleSet)
    }

    static func yamlFiles(at url: URL, named: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ValidationFailure("rule pack '\(named)' not found (\(url.path))")
        }
        if !isDirectory.boolValue { return [url.path] }
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { url.appendingPathComponent($0).path }
    }

    /// Plain facts about every rule, for reporters.
    static func ruleInfos(_ packs: [RulePack]) -> [String: RuleInfo] {
        var infos: [String: RuleInfo] = [:]
        for pack in packs {
            for rule in pack.rules {
                infos[rule.id] = RuleInfo(id: rule.id, category: rule.category.rawValue, severity: rule.severity,
                                          summary: pack.description, rationale: rule.rationale)
            }
        }
        return infos
    }
}
