/// Runs a rule's examples: a bad example must be reported at exactly its marked spans and fix
/// to its `fix` text; a good example must not be reported at all. A pack with a failing example
/// does not load, and `santun rules --verify` lists the failures.
public struct ExampleVerifier {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var ruleID: String
        public var problem: String
        public var description: String { "\(file):\(line):1: \(ruleID): \(problem)" }
    }

    let linter: Linter

    public init(linter: Linter) { self.linter = linter }

    public func verify(_ pack: RulePack) -> [Failure] { pack.rules.flatMap(verify) }

    public func verify(_ rule: Rule) -> [Failure] {
        let ruleSet = RuleSet(rules: [rule])
        var failures: [Failure] = []
        for example in rule.examples {
            func fail(_ problem: String) { failures.append(Failure(file: rule.file, line: example.line, ruleID: rule.id, problem: problem)) }
            let source = SourceText(example.text)
            let findings: [Finding]
            do {
                // Examples are read as X posts, the strictest platform.
                findings = try linter.lint(source, ruleSet: ruleSet, options: LintOptions(platform: "x")).filter { $0.ruleID == rule.id }
            } catch {
                fail("the example could not be checked: \(error)")
                continue
            }
            switch example.kind {
            case .good:
                if !findings.isEmpty {
                    fail("good example is reported: " + findings.map { "“\($0.match)”" }.joined(separator: ", "))
                }
            case .bad:
                let found = findings.map(\.range).sorted()
                let expected = example.expectedRanges.sorted()
                if found != expected {
                    let show = { (ranges: [ByteRange]) in
                        ranges.isEmpty ? "nothing" : ranges.map { "⟦\(source.text($0))⟧@\($0.offset)" }.joined(separator: " ")
                    }
                    fail("bad example: expected \(show(expected)), found \(show(found))")
                    continue
                }
                if let expectedFix = example.fix {
                    let fixed = String(decoding: Fixer.fix(source, findings: findings).text, as: UTF8.self)
                    if fixed != expectedFix { fail("fix: expected “\(expectedFix)”, got “\(fixed)”") }
                }
            }
        }
        return failures
    }
}
