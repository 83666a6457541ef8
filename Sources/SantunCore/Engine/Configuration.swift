/// The settings of a `.santun.yml`, read strictly: unknown keys and bad values are errors that
/// name the file, line and key. Paths in it are relative to the file's folder; the engine does
/// not read them (the command line does), it only records them.
public struct Configuration: Sendable {
    /// Extra rule packs: YAML files or folders of them (a company's own packs).
    public var packs: [String] = []
    /// Confidential term lists: one term a line, or `sha256:<hex>:<length>` lines after `salt: …`.
    public var confidentialTerms: [String] = []
    public var settings = RuleSet.Settings()
    public var platform: String?
    public var failOn: FailLevel?
    public var minSeverity: Severity?
    /// The file this came from, for messages.
    public var file: String?

    public init() {}

    /// The level at which `check` exits 1.
    public enum FailLevel: String, Sendable, CaseIterable {
        case error, warning, info, never

        public func fails(_ severity: Severity) -> Bool {
            switch self {
            case .never: false
            case .error: severity == .error
            case .warning: severity >= .warning
            case .info: true
            }
        }
    }

    static let keys: Set<String> = [
        "packs", "disable", "enable", "severity", "confidential-terms", "allow", "platform", "fail-on", "min-severity",
    ]
    public static let platforms = ["x", "instagram", "linkedin", "facebook"]

    public static func parse(yaml: String, file: String) throws -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return configuration }
        let root = try YAMLValue.parse(yaml, file: file)
        let keys = try root.mapping(allowed: keys)
        configuration.packs = try keys["packs"]?.strings() ?? []
        configuration.confidentialTerms = try keys["confidential-terms"]?.strings() ?? []
        configuration.settings.disabled = Set(try keys["disable"]?.strings() ?? [])
        configuration.settings.enabled = Set(try keys["enable"]?.strings() ?? [])
        configuration.settings.allow = try keys["allow"]?.strings() ?? []
        if let severity = keys["severity"] {
            guard case let .mapping(mapping) = severity.node else { throw severity.error("expected a mapping of rule, pack or category to a severity") }
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? ""
                let value = severity.child(valueNode, key)
                configuration.settings.severities[key] = try value.enumValue(Severity.self)
            }
        }
        if let platform = keys["platform"] {
            let value = try platform.string()
            guard platforms.contains(value) else { throw platform.error("unknown platform '\(value)' (x, instagram, linkedin, facebook)") }
            configuration.platform = value
        }
        configuration.failOn = try keys["fail-on"]?.enumValue(FailLevel.self)
        configuration.minSeverity = try keys["min-severity"]?.enumValue(Severity.self)
        return configuration
    }

    /// Checks that every rule, pack or category named in the settings exists, so a typo in
    /// `disable:` does not silently leave a rule on.
    public func validateNames(against packs: [RulePack], yaml: String) throws {
        var known: Set<String> = ["all"]
        for pack in packs {
            known.insert(pack.id)
            for rule in pack.rules { known.insert(rule.id) }
        }
        for category in Category.allCases { known.insert(category.rawValue) }
        known.insert("confidential.company-term")
        let names = settings.disabled.union(settings.enabled).union(settings.severities.keys)
        for name in names.sorted() where !known.contains(name) {
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains(name) }.map { $0 + 1 } ?? 1
            throw LoadError(file: file ?? ".santun.yml", line: line, message: "unknown rule, pack or category '\(name)'")
        }
    }

    /// A commented starter file for `santun init`.
    public static let starter = """
        # Santun configuration. Santun looks for .santun.yml from the linted file's folder upward.
        # Every key is optional; unknown keys are errors.

        # Extra rule packs (YAML files or folders), e.g. your company's own words:
        # packs:
        #   - santun/perusahaan.yml

        # Confidential terms: one term a line, or hashed lines made with `santun hash`.
        # confidential-terms:
        #   - santun/kode-proyek.txt

        # Switch packs, rules or categories off (or back on):
        # disable: [foreign-terms, tone.emoji-count]
        # enable: []

        # Change severities (error, warning, info) by rule, pack or category:
        # severity:
        #   slang: info
        #   tone.shouting: error

        # Never flagged: brand and product names, and the company's own contacts, which look
        # like personal data (an official WhatsApp number, a payment account, a shop mailbox).
        # allow: [Kopi Senja, "+62 811-1234-5678", halo.kopisenja@gmail.com]

        # Default platform for length limits: x, instagram, linkedin or facebook.
        platform: x

        # Exit code 1 when a finding reaches this level: error, warning, info or never.
        fail-on: error

        """
}

extension Configuration {
    /// Builds the lexicon rule of a company's confidential term list.
    public static func confidentialTermRule(terms: [(String, Int)], hashed: [(salt: String, entries: [HashedEntry])],
                                            file: String, loader: PackLoader) -> [Rule] {
        var rules: [Rule] = []
        let message = "“{match}” ada di daftar istilah rahasia perusahaan; jangan sebut di media sosial."
        let rationale = "Nama proyek, kode internal dan istilah rahasia yang bocor ke publik dapat merugikan perusahaan dan melanggar perjanjian kerahasiaan (UU 30/2000 tentang Rahasia Dagang)."
        if !terms.isEmpty {
            let entries = terms.map { term, _ in
                LexiconEntry(words: loader.normalizedWords(term), written: term, suggestions: [], likelihood: .likely,
                             severity: nil, unless: [], note: nil, variants: [], formalSuffix: "kan", active: nil)
            }.filter { !$0.words.isEmpty }
            rules.append(Rule(id: "confidential.company-term", category: .confidential, severity: .error, message: message,
                              messageEN: nil, rationale: rationale, rationaleEN: nil, fixable: false, examples: [],
                              body: .lexicon(morphology: .none, entries: entries), packID: "confidential", file: file,
                              line: terms.first?.1 ?? 1))
        }
        for (salt, entries) in hashed where !entries.isEmpty {
            rules.append(Rule(id: "confidential.company-term", category: .confidential, severity: .error, message: message,
                              messageEN: nil, rationale: rationale, rationaleEN: nil, fixable: false, examples: [],
                              body: .hashedLexicon(salt: salt, entries: entries), packID: "confidential", file: file, line: 1))
        }
        return rules
    }

    /// Reads a term list: `# comments`, blank lines, plain terms, `salt: …` and `sha256:<hex>:<length>`.
    public static func parseTermList(_ text: String, file: String) throws -> (terms: [(String, Int)], hashed: [(salt: String, entries: [HashedEntry])]) {
        var terms: [(String, Int)] = []
        var hashed: [(salt: String, entries: [HashedEntry])] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("salt:") {
                hashed.append((String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces), []))
            } else if line.hasPrefix("sha256:") {
                let parts = line.split(separator: ":")
                guard parts.count == 3, parts[1].count == 64, let digest = HashedTerm.bytes(fromHex: parts[1].lowercased()),
                      let length = Int(parts[2]), length > 0 else {
                    throw LoadError(file: file, line: index + 1, message: "expected sha256:<64 hex digits>:<length>")
                }
                guard !hashed.isEmpty else { throw LoadError(file: file, line: index + 1, message: "a 'salt: …' line must come before hashed terms") }
                hashed[hashed.count - 1].entries.append(HashedEntry(digest: digest, length: length))
            } else {
                terms.append((line, index + 1))
            }
        }
        return (terms, hashed)
    }
}

import Foundation
import Yams

extension Node {
    var string: String? { if case let .scalar(scalar) = self { return scalar.string } else { return nil } }
}
