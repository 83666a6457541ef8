import Foundation
import Testing

/// Rule packs, configuration and term lists are untrusted input too: each bad one is a clear
/// `file:line:column: message` error with exit code 2, quickly, through the real binary.
@Suite struct UntrustedPackTests {
    typealias H = Hostile

    static let head = "pack: t\nlanguage: id\ndescription: d\nrules:\n"
    static let rule = "  - id: t.a\n    kind: lexicon\n    category: slang\n    severity: info\n    message: m\n    rationale: r\n    entries: [{match: a}]\n    examples: [{bad: \"⟦a⟧\"}, {good: b}]\n"
    static func patternRule(id: String = "t.p", _ pattern: String, extra: String = "") -> String {
        "  - id: \(id)\n    kind: pattern\n    category: pii\n    severity: info\n    message: m\n    rationale: r\n    pattern: '\(pattern)'\n\(extra)    examples: [{bad: \"⟦12⟧\"}, {good: b}]\n"
    }

    /// Runs `check` with a `.santun.yml` naming the given packs (name → YAML text).
    static func check(packs: [(String, String)], config: String? = nil, timeout: Double = 60) throws -> H.Result {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        for (name, yaml) in packs { try H.write(yaml, to: folder.appendingPathComponent(name)) }
        try H.write(config ?? "packs: [\(packs.map(\.0).joined(separator: ", "))]\n", to: folder.appendingPathComponent(".santun.yml"))
        try H.write("Halo semua.\n", to: folder.appendingPathComponent("draf.txt"))
        return try H.santun(["check", "draf.txt"], in: folder, timeout: timeout)
    }

    static func expectError(_ result: H.Result, _ location: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.timedOut && !result.signalled, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.status == 2, "exit \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(location), "expected \(location) in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "expected \(message) in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count <= 2, "one clear message: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func malformedYAMLNamesFileAndLine() throws {
        let result = try UntrustedPackTests.check(packs: [("rusak.yml", UntrustedPackTests.head + "  - id: t.a\n    kind: [lexicon\n")])
        UntrustedPackTests.expectError(result, "rusak.yml:7:", "invalid YAML")
        let tabs = try UntrustedPackTests.check(packs: [("tab.yml", UntrustedPackTests.head + "\t- id: t.a\n")])
        UntrustedPackTests.expectError(tabs, "tab.yml:5:", "invalid YAML")
    }

    @Test func wrongKeysAndTypesNameFileLineAndKey() throws {
        let unknown = try UntrustedPackTests.check(packs: [("a.yml", UntrustedPackTests.head + UntrustedPackTests.rule.replacingOccurrences(of: "    rationale: r\n", with: "    rationale: r\n    sevrity: info\n"))])
        UntrustedPackTests.expectError(unknown, "a.yml:11:", "unknown key 'rules[0].sevrity'")
        let type = try UntrustedPackTests.check(packs: [("b.yml", UntrustedPackTests.head + UntrustedPackTests.rule.replacingOccurrences(of: "severity: info", with: "severity: [info]"))])
        UntrustedPackTests.expectError(type, "b.yml:8:", "severity: expected a string")
    }

    @Test func catastrophicRegularExpressionIsRejectedAtLoad() throws {
        for (name, pattern) in [("a.yml", "(a+)+$"), ("b.yml", "(\\d+)+x"), ("c.yml", "(\\w+\\s?)*$"), ("d.yml", "(x|xx)+y")] {
            let result = try UntrustedPackTests.check(packs: [(name, UntrustedPackTests.head + UntrustedPackTests.patternRule(pattern))], timeout: 30)
            UntrustedPackTests.expectError(result, "\(name):11:", "backtracks catastrophically")
        }
    }

    @Test func invalidRegularExpressionUnknownValidatorAndMetric() throws {
        let regex = try UntrustedPackTests.check(packs: [("r.yml", UntrustedPackTests.head + UntrustedPackTests.patternRule("(\\d+"))])
        UntrustedPackTests.expectError(regex, "r.yml:11:", "invalid regular expression")
        let validator = try UntrustedPackTests.check(packs: [("v.yml", UntrustedPackTests.head + UntrustedPackTests.patternRule("\\d+", extra: "    validator: ktp\n"))])
        UntrustedPackTests.expectError(validator, "v.yml:12:", "unknown value 'ktp' (known: nik, npwp, luhn, phone-id, email)")
    }

    @Test func duplicateRuleAndPackIds() throws {
        let within = try UntrustedPackTests.check(packs: [("dua.yml", UntrustedPackTests.head + UntrustedPackTests.rule + UntrustedPackTests.rule)])
        UntrustedPackTests.expectError(within, "dua.yml:13:", "duplicate rule id 't.a' (first at line 5)")
        // A rule id outside its pack's name space would let one pack shadow another's rules.
        let across = try UntrustedPackTests.check(packs: [
            ("satu.yml", UntrustedPackTests.head + UntrustedPackTests.rule),
            ("tiru.yml", UntrustedPackTests.head.replacingOccurrences(of: "pack: t", with: "pack: t2") + UntrustedPackTests.rule),
        ])
        UntrustedPackTests.expectError(across, "tiru.yml:5:", "rule id 't.a' must be 't2.<name>'")
        let samePack = try UntrustedPackTests.check(packs: [("satu.yml", UntrustedPackTests.head + UntrustedPackTests.rule),
                                                           ("dua.yml", UntrustedPackTests.head + UntrustedPackTests.rule)])
        UntrustedPackTests.expectError(samePack, "dua.yml:1:", "pack id 't' is already used by")
        let builtIn = try UntrustedPackTests.check(packs: [("tone.yml", UntrustedPackTests.head.replacingOccurrences(of: "pack: t", with: "pack: tone")
            + UntrustedPackTests.rule.replacingOccurrences(of: "t.a", with: "tone.a"))])
        UntrustedPackTests.expectError(builtIn, "tone.yml:1:", "pack id 'tone' is already used by rules/tone.yml")
    }

    @Test func aliasBombIsRejectedQuickly() throws {
        var lines = [UntrustedPackTests.head.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\nrules:", with: ""),
                     "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...8 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        lines.append("rules: [*a8]")
        let result = try UntrustedPackTests.check(packs: [("bom.yml", lines.joined(separator: "\n") + "\n")], timeout: 60)
        UntrustedPackTests.expectError(result, "bom.yml:", "the YAML expands to more than")
    }

    @Test func aHugePackLoadsAndWorks() throws {
        // 20 000 lexicon entries (about 1 MB of YAML): loaded, checked against its examples, used.
        var yaml = UntrustedPackTests.head + "  - id: t.kode\n    kind: lexicon\n    category: confidential\n    severity: error\n    message: m\n    rationale: r\n    entries:\n"
        for index in 0..<20_000 { yaml += "      - match: kodeproyek\(index)\n" }
        yaml += "    examples: [{bad: \"Rapat ⟦kodeproyek19999⟧ besok.\"}, {good: Rapat besok.}]\n"
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        try H.write(yaml, to: folder.appendingPathComponent("besar.yml"))
        try H.write("packs: [besar.yml]\n", to: folder.appendingPathComponent(".santun.yml"))
        let result = try H.santun(["check", "--format", "line", "--text", "Bahas kodeproyek12345 nanti."], in: folder, timeout: 300)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("<text>:1:7: error: t.kode"))
    }

    @Test func packAndConfigFilesThatAreNotTextAreRefused() throws {
        // A pack that is a device (endless zeros), an oversized (sparse) file, not UTF-8, missing.
        let zero = try UntrustedPackTests.check(packs: [], config: "packs: [/dev/zero]\n", timeout: 30)
        UntrustedPackTests.expectError(zero, "/dev/zero", "the rule pack is not a regular file")
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let huge = folder.appendingPathComponent("raksasa.yml")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        #expect(truncate(huge.path, 65 << 20) == 0)
        try H.write("packs: [raksasa.yml]\n", to: folder.appendingPathComponent(".santun.yml"))
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder, timeout: 30), "raksasa.yml", "is larger than 64 MB")
        try H.write(Array("pack: t\nlanguage: id\ndescription: caf".utf8) + [0xE9] + Array("\nrules: []\n".utf8), to: huge)
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), "raksasa.yml:3:", "not valid UTF-8 (byte offset 37)")
        try H.write("packs: [tidak-ada.yml]\n", to: folder.appendingPathComponent(".santun.yml"))
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), "tidak-ada.yml", "not found")
    }

    @Test func badConfigurationNamesFileAndLine() throws {
        let folder = try H.folder()
        defer { H.cleanup(folder) }
        let config = folder.appendingPathComponent(".santun.yml")
        try H.write("platform: x\nfail-on: [error\n", to: config)
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), ".santun.yml:3:", "invalid YAML")
        try H.write("platform: x\ndisabel: [tone]\n", to: config)
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), ".santun.yml:2:", "unknown key 'disabel'")
        try H.write("platform: x\ndisable: [tone.shoutin]\n", to: config)
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), ".santun.yml:2:", "unknown rule, pack or category 'tone.shoutin'")
        try H.write("platform: tiktok\n", to: config)
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), ".santun.yml:1:", "unknown platform 'tiktok'")
        try H.write("confidential-terms: [kode.txt]\n", to: config)
        try H.write("# istilah\nProyek Garuda\nsha256:abc:5\n", to: folder.appendingPathComponent("kode.txt"))
        UntrustedPackTests.expectError(try H.santun(["check", "--text", "halo"], in: folder), "kode.txt:3:", "expected sha256:<64 hex digits>:<length>")
    }
}
