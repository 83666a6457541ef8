import ArgumentParser
import Foundation
import SantunCore
import SantunReporters

extension SantunCommand {
    /// `santun rules`: lists the rules in effect, or verifies every pack's examples.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the rules in effect, or verify every pack's examples (--verify).",
            discussion: "With --verify, exits 1 when an example fails and prints file:line: rule: problem for each.")

        @Option(help: "Only this pack.")
        var pack: String?

        @Option(help: "Output format: text or json.")
        var format: TokenFormat = .text

        @Flag(help: "Run every rule's examples and report the failures.")
        var verify = false

        @Option(help: "Also load this pack file (repeatable), e.g. to test a company pack before adding it.")
        var file: [String] = []

        @Option(help: "Configuration file (default: .santun.yml found upward from here).")
        var config: String?

        func run() throws {
            let workspace = try Workspace(config: config)
            var packs: [RulePack]
            if verify {
                packs = try workspace.builtInPacks()
            } else {
                packs = try workspace.rules(forDirectory: nil).packs
            }
            for path in file {
                let text = try TextFile.read(path, what: "the rule pack")
                packs.append(try workspace.loader.load(yaml: text, file: path))
            }
            if let pack {
                packs = packs.filter { $0.id == pack }
                if packs.isEmpty { throw ValidationFailure("no pack named '\(pack)'") }
            }
            if verify {
                let verifier = ExampleVerifier(linter: workspace.linter)
                var failures: [ExampleVerifier.Failure] = []
                var examples = 0
                for pack in packs {
                    examples += pack.rules.reduce(0) { $0 + $1.examples.count }
                    failures += verifier.verify(pack)
                }
                for failure in failures { Terminal.output(failure.description + "\n") }
                let rules = packs.reduce(0) { $0 + $1.rules.count }
                Terminal.output("\(failures.isEmpty ? "✓" : "✗") \(examples) examples of \(rules) rules in \(packs.count) packs: \(failures.count) failing\n")
                if !failures.isEmpty { throw ExitCode(1) }
                return
            }
            switch format {
            case .text:
                var out = ""
                for pack in packs {
                    out += "\(pack.id) (\(pack.language)) — \(pack.description.trimmingCharacters(in: .whitespacesAndNewlines))\n"
                    for rule in pack.rules {
                        var entries = ""
                        if case let .lexicon(_, list) = rule.body { entries = ", \(list.count) entries" }
                        out += "  \(rule.id)  \(rule.category.rawValue)  \(rule.severity.rawValue)  \(rule.kindName)\(entries)\(rule.fixable ? ", fixable" : "")\n"
                    }
                }
                Terminal.output(out)
            case .json:
                var items: [[String: Any]] = []
                for pack in packs {
                    for rule in pack.rules {
                        var item: [String: Any] = [
                            "id": rule.id, "pack": pack.id, "category": rule.category.rawValue, "severity": rule.severity.rawValue,
                            "kind": rule.kindName, "fixable": rule.fixable, "message": rule.message, "rationale": rule.rationale,
                        ]
                        if case let .lexicon(_, list) = rule.body { item["entries"] = list.count }
                        items.append(item)
                    }
                }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                Terminal.output(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }
}
