import ArgumentParser
import Foundation
import SantunCore

extension SantunCommand {
    /// `santun hash`: makes a hashed entry for a confidential phrase, so the rules file leaks nothing.
    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash",
            abstract: "Print a hashed-lexicon entry for a confidential phrase (salted SHA-256).")

        @Argument(help: "The phrase, e.g. \"Proyek Garuda\".")
        var phrase: String

        @Option(help: "The salt of your hashed-lexicon rule or term list.")
        var salt: String

        @Option(help: "yaml (an entry for a hashed-lexicon rule) or line (for a confidential term list).")
        var format: HashFormat = .yaml

        enum HashFormat: String, ExpressibleByArgument, CaseIterable { case yaml, line }

        func run() throws {
            let rules = try RuleCache.wordBreakRules()
            let loader = PackLoader(tokenizer: try Tokenizer(rules: rules))
            let key = HashedTerm.key(normalizedWords: loader.normalizedWords(phrase))
            if key.isEmpty { throw ValidationFailure("the phrase has no letters or digits") }
            let hex = HashedTerm.hex(HashedTerm.digest(salt: salt, key: key))
            switch format {
            case .yaml: Terminal.output("      - sha256: \(hex)\n        length: \(key.utf8.count)\n")
            case .line: Terminal.output("sha256:\(hex):\(key.utf8.count)\n")
            }
        }
    }

    /// `santun init`: writes a commented starter `.santun.yml`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a commented starter .santun.yml here.")

        @Flag(help: "Overwrite an existing .santun.yml.")
        var force = false

        func run() throws {
            let path = ".santun.yml"
            if FileManager.default.fileExists(atPath: path) && !force {
                throw ValidationFailure("\(path) already exists (use --force to overwrite)")
            }
            try Configuration.starter.write(toFile: path, atomically: true, encoding: .utf8)
            Terminal.note("wrote \(path)")
        }
    }
}
