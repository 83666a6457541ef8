/// Entry points for `santun-bench` into stages that are internal to the engine, so each stage can
/// be timed on its own. Not API: `@_spi(Benchmark) import SantunCore` to reach them.
@_spi(Benchmark) public enum BenchmarkStages {
    /// The lowercase bytes of every word token, as the tokenizer hands them to the normalizer.
    public static func wordBytes(_ tokens: [Token], in source: SourceText) -> [[UInt8]] {
        tokens.filter { $0.kind == .word && !$0.flags.contains(.lookAlike) }.map { token in
            source.bytes[token.range.range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        }
    }

    /// Normalizes each word as the tokenizer does (leetspeak, elongation, reduplication);
    /// returns a checksum so the work cannot be optimized away.
    public static func normalize(_ words: [[UInt8]]) -> Int {
        var checksum = 0
        for word in words {
            let result = WordNormalizer.normalize(word, flags: [])
            checksum &+= result.normalized.utf8.count &+ (result.base == nil ? 0 : 1)
        }
        return checksum
    }

    /// Every lexicon hit of every enabled rule in a token sequence (before context, `unless` and
    /// overlap handling); returns the number of hits.
    public static func lexiconHits(_ tokens: [Token], ruleSet: RuleSet) -> Int {
        ruleSet.lexicon.hits(in: tokens).count
    }

    /// The number of lexicon keys (exact and stem) in a rule set's index.
    public static func lexiconKeyCount(_ ruleSet: RuleSet) -> Int {
        ruleSet.lexicon.exact.count + ruleSet.lexicon.stems.count
    }

    /// One lint run, timed per stage: the same steps as `Linter.lint`, in the same order.
    public static func lintStages(_ linter: Linter, _ source: SourceText, ruleSet: RuleSet,
                                  options: LintOptions = LintOptions()) throws -> [(stage: String, time: Duration)] {
        let clock = ContinuousClock()
        var stages: [(String, Duration)] = []
        var start = clock.now
        func lap(_ name: String) {
            let now = clock.now
            stages.append((name, now - start))
            start = now
        }
        let prose = options.markdown ? MarkdownMasker.mask(source) : source
        let tokens = linter.tokenizer.tokenize(prose)
        lap("tokenize")
        var context = LintContext(source: source, prose: prose, tokens: tokens, ruleSet: ruleSet, options: options)
        linter.lexiconFindings(&context)
        lap("lexicon")
        try linter.patternFindings(&context)
        lap("patterns")
        linter.metricFindings(&context)
        lap("metrics")
        linter.hashedFindings(&context)
        lap("hashed")
        var findings = linter.resolveOverlaps(context.findings, ruleSet: ruleSet)
        findings = Suppression.apply(to: findings, in: source, ruleSet: ruleSet)
        _ = findings.sorted(by: Finding.readingOrder)
        lap("overlaps+suppression")
        return stages
    }

    /// Time spent by each pattern rule over a text, to find the expensive ones.
    /// How many lines of the source each pattern rule still runs on after the screen.
    public static func patternCandidateLines(_ source: SourceText, ruleSet: RuleSet) -> [String: Int] {
        let rules = ruleSet.rules.filter { if case .pattern = $0.body { true } else { false } }
        let lines = ruleSet.patternScreen.candidateLines(source)
        return Dictionary(uniqueKeysWithValues: zip(rules.map(\.id), lines.map(\.count)))
    }

    public static func patternTimes(_ linter: Linter, _ source: SourceText, ruleSet: RuleSet) throws -> [(rule: String, time: Duration)] {
        let clock = ContinuousClock()
        var result: [(String, Duration)] = []
        for rule in ruleSet.rules {
            guard case .pattern = rule.body else { continue }
            let single = RuleSet(rules: [rule])
            let tokens = linter.tokenizer.tokenize(source)
            var context = LintContext(source: source, prose: source, tokens: tokens, ruleSet: single, options: LintOptions())
            let start = clock.now
            try linter.patternFindings(&context)
            result.append((rule.id, clock.now - start))
        }
        return result
    }
}

@_spi(Benchmark) extension BenchmarkStages {
    /// Parses a YAML document into nodes only (no pack validation); returns the top-level key count.
    public static func parseYAML(_ yaml: String) throws -> Int {
        let value = try YAMLValue.parse(yaml, file: "bench")
        if case let .mapping(mapping) = value.node { return mapping.count }
        return 0
    }
}

@_spi(Benchmark) extension BenchmarkStages {
    /// The words that pass the stem filter and so get a morphological analysis, with counts.
    public static func analysedWords(_ tokens: [Token], ruleSet: RuleSet) -> [String: Int] {
        var counts: [String: Int] = [:]
        for token in tokens where token.kind == .word && ruleSet.lexicon.exact[token.normalized] == nil
            && ruleSet.lexicon.stemFilter.mayFindStem(in: token.matchKey) {
            counts[token.matchKey, default: 0] += 1
        }
        return counts
    }
}

@_spi(Benchmark) extension BenchmarkStages {
    /// Each pattern rule's prefilter: the required literals (nil: none) and minimum digits.
    public static func patternPrefilters(_ ruleSet: RuleSet) -> [(rule: String, literals: [String]?, minimumDigits: Int)] {
        let rules = ruleSet.rules.filter { if case .pattern = $0.body { true } else { false } }
        return zip(rules, ruleSet.patternScreen.filters).map { rule, filter in
            (rule.id, filter.literals?.map { String(decoding: $0, as: UTF8.self) }, filter.minimumDigits)
        }
    }
}

@_spi(Benchmark) extension BenchmarkStages {
    /// Builds the pattern prefilters of a rule set again (to time it).
    public static func buildPatternScreen(_ ruleSet: RuleSet) -> Int { RuleSet.screen(ruleSet.rules).filters.count }
    /// Builds the lexicon index of a rule set again (to time it).
    public static func buildLexicon(_ ruleSet: RuleSet) -> Int { LexiconMatcher(rules: ruleSet.rules).exact.count }
}
