extension Linter {
    /// Clitics that may follow a codename (`Proyek Garuda-nya`).
    static let codenameTails = ["nya", "lah", "kah", "pun", "ku", "mu"]

    /// Finds phrases whose salted SHA-256 matches a hashed-lexicon entry. Only phrases whose key
    /// length equals an entry's length are hashed, so the cost stays small.
    func hashedFindings(_ context: inout LintContext) {
        for rule in context.ruleSet.rules {
            guard case let .hashedLexicon(salt, entries) = rule.body else { continue }
            let lengths = Set(entries.map(\.length))
            let digests = Set(entries.map(\.digest))
            let maxLength = lengths.max() ?? 0
            func check(_ key: String, _ range: ByteRange) -> Bool {
                guard lengths.contains(key.utf8.count) else { return false }
                if digests.contains(HashedTerm.digest(salt: salt, key: key)) {
                    context.add(rule, range: range)
                    return true
                }
                return false
            }
            func scan(_ tokens: [Token]) {
                // Each word's key once; nil for tokens that end a phrase.
                let pieces: [String?] = tokens.map {
                    $0.kind == .word || $0.kind == .number ? HashedTerm.key(normalizedWords: [$0.normalized]) : nil
                }
                var index = 0
                while index < tokens.count {
                    // A phrase starts at a word with something to hash (not at 々々 or ーー).
                    guard let first = pieces[index], !first.isEmpty else { index += 1; continue }
                    var key = ""
                    var matchedEnd: Int? = nil
                    var last = index
                    while last < tokens.count, let piece = pieces[last] {
                        // Words with nothing to hash add no length, so the run is also bounded in
                        // tokens; otherwise a long run of them would be rescanned from every start.
                        if last - index > maxLength + 3 { break }
                        let range = ByteRange(tokens[index].range.offset..<tokens[last].range.end)
                        if key.utf8.count + piece.utf8.count > maxLength + 3 { break }
                        if check(key + piece, range) { matchedEnd = last; break }
                        for tail in Linter.codenameTails where piece.hasSuffix(tail) && piece.count > tail.count {
                            if check(key + piece.dropLast(tail.count), range) { matchedEnd = last; break }
                        }
                        if matchedEnd != nil { break }
                        key += piece
                        if key.utf8.count > maxLength { break }
                        last += 1
                    }
                    index = (matchedEnd ?? index) + 1
                }
            }
            scan(context.tokens)
            for token in context.tokens where token.kind == .hashtag {
                let whole = HashedTerm.key(normalizedWords: [token.normalized])
                if check(whole, token.range) { continue }
                scan(token.parts.map { Token(kind: .word, range: $0.range, utf16Range: 0..<0, normalized: $0.normalized) })
            }
        }
    }
}
