extension Linter {
    /// Runs every pattern rule over the draft's UTF-16 text line by line, then the validators and
    /// keyword windows. Each line's matching is bounded by ICU's time limit (in proportion to
    /// the line's length): a pattern that backtracks catastrophically costs a few bounded
    /// attempts per draft and is reported in `diagnostics`, never a hang.
    func patternFindings(_ context: inout LintContext) throws {
        let screen = context.ruleSet.patternScreen
        guard !screen.filters.isEmpty else { return }
        let prose = context.prose
        // Only lines that hold one of a pattern's required literals (and enough digits), one of
        // the pack's declared prefilter strings and, when keywords are required, a keyword on the
        // line or next to it, can give a finding.
        let candidates = screen.candidateLines(prose)
        let lineRanges = prose.utf16LineRanges
        var patternIndex = -1
        for rule in context.ruleSet.rules {
            guard case let .pattern(spec) = rule.body else { continue }
            patternIndex += 1
            let regions = candidates[patternIndex].map { lineRanges[$0] }
            if regions.isEmpty { continue }
            let matcher = try matcher(for: spec.regex)
            let outcome = try prose.utf16.withUnsafeBufferPointer {
                try matcher.matches(in: $0, regions: regions, group: spec.group)
            }
            func line(_ unit: Int) -> Int { prose.lineIndex(ofByte: prose.byteOffset(ofUTF16: unit)) + 1 }
            for region in outcome.limited {
                diagnostics.append("pattern rule \(rule.id) (\(rule.file):\(rule.line)) exceeded its time limit on line \(line(region.lowerBound)); that line was not checked by it")
            }
            if let skipped = outcome.skipped {
                diagnostics.append("pattern rule \(rule.id) (\(rule.file):\(rule.line)) ran out of time \(RegexMatcher.limitHitsBeforeGivingUp) times; lines \(line(skipped.lowerBound))–\(line(max(skipped.lowerBound, skipped.upperBound - 1))) were not checked by it")
            }
            let ranges = outcome.ranges
            // The phrases as scalars once per rule, not once per match.
            let keywords = ranges.isEmpty ? [] : Linter.scalars(of: spec.keywords)
            let cancelling = ranges.isEmpty ? [] : Linter.scalars(of: rule.cancelKeywords)
            for (position, range) in ranges.enumerated() {
                let start = prose.byteOffset(ofUTF16: range.lowerBound)
                let end = prose.byteOffset(ofUTF16: range.upperBound)
                let byteRange = ByteRange(start..<end)
                let text = prose.text(byteRange)
                if let validator = spec.validator, !Validators.validate(validator, text) { continue }
                if context.ruleSet.isAllowed(match: text) { continue }
                var severity = rule.severity
                let previousMatchEnd = position > 0 ? ranges[position - 1].upperBound : nil
                if !keywords.isEmpty {
                    let near = phraseNearby(keywords, spec, range, prose, previousMatchEnd: previousMatchEnd)
                    if !near {
                        if spec.keywordsRequired { continue }
                        severity = severity.lowered
                    }
                }
                // After the keywords, which drop most numbers of a rule that needs them. A phrase
                // that cancels names the holder of one number: the one before it when
                // there is one (`rek BCA 123 a.n. PT Sinar, rek BNI 456 a.n. Budi`: the company
                // holds the first account), else the one after it (`a.n. PT Sinar: BCA 123`).
                if !cancelling.isEmpty {
                    let low = previousMatchEnd.map { $0 > range.lowerBound - spec.keywordWindow ? range.lowerBound : 0 } ?? 0
                    let high = position + 1 < ranges.count ? ranges[position + 1].lowerBound : prose.utf16.count
                    if phraseNearby(cancelling, spec, range, prose, previousMatchEnd: previousMatchEnd, within: low..<high) { continue }
                }
                context.add(rule, range: byteRange, severity: severity)
            }
        }
    }

    /// True when one of `phrases` (the rule's keywords, or those that cancel a match) stands as
    /// a whole word within the keyword window. A rule
    /// whose keywords label a number (`keyword-scope: label`) counts them on the match's line,
    /// or on a line before it (`Rekening BCA:` above the number) but not on or before the line
    /// of an earlier match of the rule (that number is what it names); a keyword on a later
    /// line introduces what follows it: a tracking number above `Rekening BCA 123 456 7890` is
    /// no account.
    /// `within` bounds the window further (for cancelling phrases: the stretch between the
    /// neighbouring matches).
    private func phraseNearby(_ phrases: [[Unicode.Scalar]], _ spec: PatternSpec, _ range: Range<Int>, _ prose: SourceText,
                              previousMatchEnd: Int?, within: Range<Int>? = nil) -> Bool {
        let units = prose.utf16
        func isLineEnd(_ unit: UInt16) -> Bool { unit == 0x0A || unit == 0x0D }
        var low = max(0, range.lowerBound - spec.keywordWindow, within?.lowerBound ?? 0)
        var high = min(units.count, range.upperBound + spec.keywordWindow, within?.upperBound ?? units.count)
        if spec.keywordsLabel {
            if let lineEnd = units[range.upperBound..<high].firstIndex(where: isLineEnd) { high = lineEnd }
            if let previousMatchEnd, previousMatchEnd > low,
               let previousLineEnd = units[previousMatchEnd..<range.lowerBound].firstIndex(where: isLineEnd) { low = previousLineEnd }
        }
        let window = String(decoding: prose.utf16[low..<high], as: UTF16.self).lowercased()
        let scalars = Array(window.unicodeScalars)
        for keyword in phrases {
            guard scalars.count >= keyword.count else { continue }
            for start in 0...(scalars.count - keyword.count) where scalars[start..<(start + keyword.count)].elementsEqual(keyword) {
                let before = start == 0 || !isWordScalar(scalars[start - 1])
                let after = start + keyword.count == scalars.count || !isWordScalar(scalars[start + keyword.count])
                if before && after { return true }
            }
        }
        return false
    }

    /// Phrases as the scalars `phraseNearby` compares, empty ones left out.
    static func scalars(of phrases: [[String]]) -> [[Unicode.Scalar]] {
        phrases.map { Array($0.joined(separator: " ").unicodeScalars) }.filter { !$0.isEmpty }
    }

    private func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
