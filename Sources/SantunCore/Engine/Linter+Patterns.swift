extension Linter {
    /// Runs every pattern rule over the draft's UTF-16 text line by line, then the validators and
    /// keyword windows. Each line's matching is bounded by ICU's time limit: a pattern that
    /// backtracks catastrophically costs one bounded attempt per line and is reported in
    /// `diagnostics`, never a hang.
    func patternFindings(_ context: inout LintContext) throws {
        let screen = context.ruleSet.patternScreen
        guard !screen.filters.isEmpty else { return }
        let prose = context.prose
        // Only lines that hold one of a pattern's required literals (and enough digits) can match it.
        let candidates = screen.candidateLines(prose)
        let lineRanges = prose.utf16LineRanges
        var patternIndex = -1
        for rule in context.ruleSet.rules {
            guard case let .pattern(spec) = rule.body else { continue }
            patternIndex += 1
            let regions = candidates[patternIndex].map { lineRanges[$0] }
            if regions.isEmpty { continue }
            let matcher = try matcher(for: spec.regex)
            var limited: [Range<Int>] = []
            let ranges = try prose.utf16.withUnsafeBufferPointer {
                try matcher.matches(in: $0, regions: regions, group: spec.group, limited: &limited)
            }
            for region in limited {
                let line = prose.lineIndex(ofByte: prose.byteOffset(ofUTF16: region.lowerBound)) + 1
                diagnostics.append("pattern rule \(rule.id) (\(rule.file):\(rule.line)) exceeded its time limit on line \(line); that line was not checked by it")
            }
            for range in ranges {
                let start = prose.byteOffset(ofUTF16: range.lowerBound)
                let end = prose.byteOffset(ofUTF16: range.upperBound)
                let byteRange = ByteRange(start..<end)
                let text = prose.text(byteRange)
                if let validator = spec.validator, !Validators.validate(validator, text) { continue }
                var severity = rule.severity
                if !spec.keywords.isEmpty {
                    let near = keywordNearby(spec, range, prose)
                    if !near {
                        if spec.keywordsRequired { continue }
                        severity = severity.lowered
                    }
                }
                context.add(rule, range: byteRange, severity: severity)
            }
        }
    }

    /// True when one of the rule's keywords stands as a whole word within the window.
    private func keywordNearby(_ spec: PatternSpec, _ range: Range<Int>, _ prose: SourceText) -> Bool {
        let low = max(0, range.lowerBound - spec.keywordWindow)
        let high = min(prose.utf16.count, range.upperBound + spec.keywordWindow)
        let window = String(decoding: prose.utf16[low..<high], as: UTF16.self).lowercased()
        let scalars = Array(window.unicodeScalars)
        for keyword in spec.keywords.map({ Array($0.joined(separator: " ").unicodeScalars) }) where !keyword.isEmpty {
            guard scalars.count >= keyword.count else { continue }
            for start in 0...(scalars.count - keyword.count) where scalars[start..<(start + keyword.count)].elementsEqual(keyword) {
                let before = start == 0 || !isWordScalar(scalars[start - 1])
                let after = start + keyword.count == scalars.count || !isWordScalar(scalars[start + keyword.count])
                if before && after { return true }
            }
        }
        return false
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
