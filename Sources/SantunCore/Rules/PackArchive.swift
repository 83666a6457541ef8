/// Loaded rule packs written out as a flat list of tokens, so packs that are already known to be
/// valid (the built-in ones, compiled into the binary by `santun-gen`) load without parsing YAML,
/// normalizing every lexicon phrase or reading the pattern syntax again at every start.
///
/// The archive holds the packs as `PackLoader` leaves them: lexicon words already normalized by
/// the tokenizer, keywords lowercased, line numbers for messages, plus what a rule set derives
/// from the packs (the words the packs hold to be right, the pattern prefilters, the index keys
/// `LexiconMatcher.derivedKeys` derives from lexicon entries). Patterns compile
/// on first use, as for any pack loaded without `compilesPatterns`.
///
/// Format: one token per line. `i<number>` an integer, `s<count>:<UTF-8 bytes>` a string (the count
/// is in bytes, so strings may hold anything, newlines too), `-` no value. Lists are their count
/// followed by their items. The first token is the format version.
public enum PackArchive {
    static let version = 13

    // MARK: writing

    /// The archive of `packs`. `normalize` gives the words the tokenizer reads in a phrase
    /// (`PackLoader.normalizedWords`), for the packs' known words.
    public static func encode(_ packs: [RulePack], normalize: (String) -> [String]) -> String {
        var writer = Writer()
        writer.int(version)
        writer.int(packs.count)
        for pack in packs {
            writer.string(pack.id)
            writer.string(pack.language)
            writer.string(pack.description)
            writer.optional(pack.descriptionEN)
            writer.string(pack.file)
            writer.strings(RuleSet.knownWords(of: pack.rules, normalize: normalize).sorted())
            writer.int(pack.rules.count)
            for rule in pack.rules { writer.rule(rule) }
        }
        return writer.text
    }

    struct Writer {
        var text = ""

        mutating func int(_ value: Int) { text += "i\(value)\n" }
        mutating func bool(_ value: Bool) { int(value ? 1 : 0) }
        mutating func string(_ value: String) { text += "s\(value.utf8.count):\(value)\n" }
        mutating func optional(_ value: String?) {
            if let value { string(value) } else { text += "-\n" }
        }
        mutating func strings(_ values: [String]) {
            int(values.count)
            for value in values { string(value) }
        }
        mutating func phrases(_ values: [[String]]) {
            int(values.count)
            for value in values { strings(value) }
        }

        mutating func rule(_ rule: Rule) {
            string(rule.id)
            string(rule.category.rawValue)
            string(rule.severity.rawValue)
            string(rule.message)
            optional(rule.messageEN)
            string(rule.rationale)
            optional(rule.rationaleEN)
            bool(rule.fixable)
            int(rule.examples.count)
            for example in rule.examples {
                string(example.kind.rawValue)
                string(example.text)
                int(example.expectedRanges.count)
                for range in example.expectedRanges {
                    int(range.offset)
                    int(range.length)
                }
                optional(example.fix)
                int(example.line)
            }
            phrases(rule.contextWords)
            int(rule.contextWindow)
            bool(rule.codeMixing)
            phrases(rule.cancelKeywords)
            string(rule.packID)
            string(rule.file)
            int(rule.line)
            switch rule.body {
            case let .lexicon(mode, entries):
                string("lexicon")
                string(mode.rawValue)
                int(entries.count)
                for entry in entries {
                    strings(entry.words)
                    string(entry.written)
                    strings(entry.suggestions)
                    string(entry.likelihood.rawValue)
                    optional(entry.severity?.rawValue)
                    phrases(entry.unless)
                    optional(entry.note)
                    strings(entry.variants)
                    string(entry.formalSuffix)
                    optional(entry.active)
                    phrases(entry.unlessNear)
                    bool(entry.doubles)
                    bool(entry.initialism)
                    bool(entry.opensClause != nil)
                    phrases(entry.opensClause ?? [])
                    phrases(entry.onlyIn)
                }
            case let .pattern(spec):
                string("pattern")
                string(spec.regex.pattern)
                bool(spec.regex.caseInsensitive)
                strings(spec.prefilter)
                optional(spec.validator?.rawValue)
                phrases(spec.keywords)
                int(spec.keywordWindow)
                bool(spec.keywordsRequired)
                bool(spec.keywordsLabel)
                int(spec.group)
                let screen = spec.screen ?? PatternPrefilter(pattern: spec.regex.pattern)
                if let literals = screen.literals {
                    strings(literals.map { String(decoding: $0, as: UTF8.self) })
                } else {
                    text += "-\n"
                }
                int(screen.minimumDigits)
            case let .metric(spec):
                string("metric")
                string(spec.metric.rawValue)
                string("\(spec.threshold)")
                strings(spec.exclude.sorted())
                int(spec.limits.count)
                for (platform, limit) in spec.limits.sorted(by: { $0.key < $1.key }) {
                    string(platform)
                    int(limit)
                }
                strings(spec.affixedBases.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })  // word, base, …
            case let .hashedLexicon(salt, entries):
                string("hashed-lexicon")
                string(salt)
                int(entries.count)
                for entry in entries {
                    string(HashedTerm.hex(entry.digest))
                    int(entry.length)
                }
            }
            let derived = rule.derivedKeys ?? LexiconMatcher.derivedKeys(of: rule)
            int(derived.count)
            for (mechanism, keys) in derived.sorted(by: { $0.key < $1.key }) {
                string(mechanism)
                int(keys.count)
                for entryKeys in keys { strings(entryKeys) }
            }
        }
    }

    // MARK: reading

    /// A malformed archive: only possible when it was not written by `encode` of this version.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var offset: Int
        public var description: String { "malformed pack archive at byte \(offset)" }
    }

    /// The packs in an archive made by `encode`, with their known words.
    public static func decode(_ archive: String) throws -> [RulePack] {
        var text = archive
        return try text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            guard try reader.int() == version else { throw Malformed(offset: 0) }
            var packs: [RulePack] = []
            let count = try reader.int()
            packs.reserveCapacity(count)
            for _ in 0..<count {
                let id = try reader.string()
                let language = try reader.string()
                let description = try reader.string()
                let descriptionEN = try reader.optional()
                let file = try reader.string()
                let knownWords = try reader.strings()
                let ruleCount = try reader.int()
                var rules: [Rule] = []
                rules.reserveCapacity(ruleCount)
                for _ in 0..<ruleCount { rules.append(try reader.rule()) }
                var pack = RulePack(id: id, language: language, description: description, descriptionEN: descriptionEN,
                                    rules: rules, file: file)
                pack.knownWords = Set(knownWords)
                packs.append(pack)
            }
            guard reader.index == bytes.count else { throw Malformed(offset: reader.index) }
            return packs
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var malformed: Malformed { Malformed(offset: index) }

        mutating func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else { throw malformed }
            index += 1
        }

        /// Digits (with an optional minus) up to `terminator`.
        mutating func number(until terminator: UInt8) throws -> Int {
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var value = 0
            var digits = 0
            while index < bytes.count, bytes[index] != terminator {
                let digit = Int(bytes[index]) - 0x30
                guard digit >= 0, digit <= 9, digits < 18 else { throw malformed }
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw malformed }
            try expect(terminator)
            return negative ? -value : value
        }

        mutating func int() throws -> Int {
            try expect(UInt8(ascii: "i"))
            return try number(until: 0x0A)
        }

        mutating func bool() throws -> Bool { try int() != 0 }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "s"))
            let count = try number(until: UInt8(ascii: ":"))
            guard count >= 0, index + count < bytes.count else { throw malformed }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]), as: UTF8.self)
            index += count
            try expect(0x0A)
            return value
        }

        /// True (and consumed) when the next token is `-`, no value.
        mutating func isAbsent() throws -> Bool {
            guard index < bytes.count else { throw malformed }
            guard bytes[index] == UInt8(ascii: "-") else { return false }
            index += 1
            try expect(0x0A)
            return true
        }

        mutating func optional() throws -> String? { try isAbsent() ? nil : try string() }

        mutating func strings() throws -> [String] {
            let count = try int()
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try string()) }
            return values
        }

        mutating func phrases() throws -> [[String]] {
            let count = try int()
            var values: [[String]] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try strings()) }
            return values
        }

        mutating func value<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw malformed }
            return value
        }

        mutating func optionalValue<T: RawRepresentable>(_ type: T.Type) throws -> T? where T.RawValue == String {
            try isAbsent() ? nil : try value(type)
        }

        mutating func rule() throws -> Rule {
            let id = try string()
            let category = try value(Category.self)
            let severity = try value(Severity.self)
            let message = try string()
            let messageEN = try optional()
            let rationale = try string()
            let rationaleEN = try optional()
            let fixable = try bool()
            let exampleCount = try int()
            var examples: [RuleExample] = []
            examples.reserveCapacity(exampleCount)
            for _ in 0..<exampleCount {
                let kind = try value(RuleExample.Kind.self)
                let text = try string()
                let rangeCount = try int()
                var ranges: [ByteRange] = []
                for _ in 0..<rangeCount { ranges.append(ByteRange(offset: try int(), length: try int())) }
                let fix = try optional()
                examples.append(RuleExample(kind: kind, text: text, expectedRanges: ranges, fix: fix, line: try int()))
            }
            let contextWords = try phrases()
            let contextWindow = try int()
            let codeMixing = try bool()
            let cancelKeywords = try phrases()
            let packID = try string()
            let file = try string()
            let line = try int()
            let body: RuleBody
            switch try string() {
            case "lexicon":
                let mode = try value(MorphologyMode.self)
                let count = try int()
                var entries: [LexiconEntry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    var entry = LexiconEntry(
                        words: try strings(), written: try string(), suggestions: try strings(),
                        likelihood: try value(Likelihood.self), severity: try optionalValue(Severity.self),
                        unless: try phrases(), note: try optional(), variants: try strings(), formalSuffix: try string(),
                        active: try optional())
                    entry.unlessNear = try phrases()
                    entry.doubles = try bool()
                    entry.initialism = try bool()
                    let opensClause = try bool()
                    let subjects = try phrases()
                    entry.opensClause = opensClause ? subjects : nil
                    entry.onlyIn = try phrases()
                    entries.append(entry)
                }
                body = .lexicon(morphology: mode, entries: entries)
            case "pattern":
                let regex = ICURegex(lazy: try string(), caseInsensitive: try bool())
                let prefilter = try strings()
                let validator = try optionalValue(Validator.self)
                let keywords = try phrases()
                let window = try int()
                let required = try bool()
                let label = try bool()
                let group = try int()
                let literals = try isAbsent() ? nil : try strings().map { Array($0.utf8) }
                var spec = PatternSpec(regex: regex, validator: validator, keywords: keywords, keywordWindow: window,
                                       keywordsRequired: required, group: group)
                spec.keywordsLabel = label
                spec.prefilter = prefilter
                spec.screen = PatternPrefilter(literals: literals, minimumDigits: try int())
                body = .pattern(spec)
            case "metric":
                let metric = try value(Metric.self)
                guard let threshold = Double(try string()) else { throw malformed }
                let exclude = Set(try strings())
                var limits: [String: Int] = [:]
                for _ in 0..<(try int()) { limits[try string()] = try int() }
                var spec = MetricSpec(metric: metric, threshold: threshold, exclude: exclude, limits: limits)
                let pairs = try strings()
                guard pairs.count % 2 == 0 else { throw malformed }
                for index in stride(from: 0, to: pairs.count, by: 2) { spec.affixedBases[pairs[index]] = pairs[index + 1] }
                body = .metric(spec)
            case "hashed-lexicon":
                let salt = try string()
                var entries: [HashedEntry] = []
                for _ in 0..<(try int()) {
                    guard let digest = HashedTerm.bytes(fromHex: try string()) else { throw malformed }
                    entries.append(HashedEntry(digest: digest, length: try int()))
                }
                body = .hashedLexicon(salt: salt, entries: entries)
            default:
                throw malformed
            }
            var rule = Rule(id: id, category: category, severity: severity, message: message, messageEN: messageEN,
                            rationale: rationale, rationaleEN: rationaleEN, fixable: fixable, examples: examples, body: body,
                            packID: packID, file: file, line: line)
            rule.contextWords = contextWords
            rule.contextWindow = contextWindow
            rule.codeMixing = codeMixing
            rule.cancelKeywords = cancelKeywords
            var derived: [String: [[String]]] = [:]
            for _ in 0..<(try int()) { derived[try string()] = try phrases() }
            rule.derivedKeys = derived
            return rule
        }
    }
}
