import SantunCore

/// How close a trainee's rewrite is to the model answer, from 0 to 1: the Dice coefficient of
/// the two bags of normalized tokens (words, numbers, amounts, links; punctuation and emoji
/// left out). Word order is ignored on purpose: there are many good ways to order a formal
/// sentence, and what matters for a trainer is whether the formal words are there.
///
/// Tokens come from Santun's own tokenizer, so case, elongation (`bangeeet`) and look-alike
/// letters are folded the same way the linter folds them.
public struct TokenSimilarity {
    let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    static let counted: Set<TokenKind> = [.word, .number, .money, .percent, .url, .email, .mention, .hashtag]

    /// The normalized content tokens of a text.
    public func tokens(_ text: String) -> [String] {
        tokenizer.tokenize(SourceText(text)).filter { TokenSimilarity.counted.contains($0.kind) }.map(\.normalized)
    }

    /// 2 × shared tokens ÷ (tokens in a + tokens in b); 1 for two texts without tokens.
    public func similarity(_ a: String, _ b: String) -> Double {
        TokenSimilarity.dice(tokens(a), tokens(b))
    }

    static func dice(_ a: [String], _ b: [String]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var counts: [String: Int] = [:]
        for token in a { counts[token, default: 0] += 1 }
        var shared = 0
        for token in b where counts[token, default: 0] > 0 {
            counts[token]! -= 1
            shared += 1
        }
        return Double(2 * shared) / Double(a.count + b.count)
    }
}
