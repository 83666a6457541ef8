extension Linter {
    /// Runs every pattern rule over the draft's UTF-16 text, then the validators and keyword
    /// windows. Each match is bounded by ICU's time limit; a pattern that exceeds it is an error
    /// of the pack, reported with the pattern, never a hang.
    func patternFindings(_ context: inout LintContext) throws {
        for rule in context.ruleSet.rules {
            guard case let .pattern(spec) = rule.body else { continue }
            let matcher = try matcher(for: spec.regex)
            let prose = context.prose
            let ranges = try prose.utf16.withUnsafeBufferPointer { try matcher.matches(in: $0, group: spec.group) }
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
