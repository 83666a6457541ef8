import SantunCore

/// The outcome of one exercise: what Santun found in the draft and in the answer, which of the
/// draft's problems the answer fixed, which are left, which are new, and the points.
public struct ExerciseResult: Sendable {
    public var exercise: Exercise
    /// The trainee's answer; nil when the exercise was skipped or left unanswered.
    public var answer: String?
    public var draftFindings: [Finding]
    public var answerFindings: [Finding]
    /// Draft findings the answer no longer has.
    public var fixed: [Finding]
    /// Answer findings that carry on a draft finding (same rule and text, or the same
    /// non-lexicon rule, e.g. a phone number replaced by another phone number).
    public var remaining: [Finding]
    /// Answer findings with no counterpart in the draft.
    public var introduced: [Finding]
    /// Closeness to the model answer, 0…1 (see `TokenSimilarity`).
    public var similarity: Double
    /// 0…100.
    public var points: Int

    public var skipped: Bool { answer == nil }

    /// New findings that cost points: only warnings and errors, as info is advice.
    public var penalized: [Finding] { introduced.filter { $0.severity >= .warning } }
}

/// Scores an answer with the real engine, so what training rewards is exactly what `check`
/// reports. The formula is deliberately one line a trainer can explain to a room:
///
///     points = fixed share × (60 + 40 × similarity) − 20 per new error − 10 per new warning
///
/// clamped to 0…100. Fixing is the precondition: an unchanged draft scores 0 however similar it
/// is; deleting everything fixes the problems but earns only the 60; copying the model answer
/// earns 100. A draft with no findings counts as fully fixed.
public struct AnswerScorer {
    public static let fixWeight = 60.0
    public static let similarityWeight = 40.0
    public static let newErrorPenalty = 20
    public static let newWarningPenalty = 10

    let linter: Linter
    let ruleSet: RuleSet
    let options: LintOptions
    let similarity: TokenSimilarity

    public init(linter: Linter, ruleSet: RuleSet, options: LintOptions = LintOptions()) {
        self.linter = linter
        self.ruleSet = ruleSet
        self.options = options
        similarity = TokenSimilarity(tokenizer: linter.tokenizer)
    }

    /// What Santun reports on a text (suppression remarks left out: they are not the lesson).
    public func findings(_ text: String) throws -> [Finding] {
        try linter.lint(SourceText(text), ruleSet: ruleSet, options: options).filter { $0.category != .suppression }
    }

    /// Scores one answer; nil or blank means skipped (0 points, the draft's problems stay).
    public func score(_ exercise: Exercise, answer rawAnswer: String?) throws -> ExerciseResult {
        let draftFindings = try findings(exercise.draft)
        let answer = rawAnswer.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        guard let answer else {
            return ExerciseResult(exercise: exercise, answer: nil, draftFindings: draftFindings, answerFindings: [],
                                  fixed: [], remaining: draftFindings, introduced: [], similarity: 0, points: 0)
        }
        let answerFindings = try findings(answer)
        let pairing = pair(draft: draftFindings, answer: answerFindings)
        let closeness = similarity.similarity(answer, exercise.answer)
        let fixedShare = draftFindings.isEmpty ? 1 : Double(pairing.fixed.count) / Double(draftFindings.count)
        let base = fixedShare * (AnswerScorer.fixWeight + AnswerScorer.similarityWeight * closeness)
        let penalty = pairing.introduced.reduce(0) { total, finding in
            total + (finding.severity == .error ? AnswerScorer.newErrorPenalty : finding.severity == .warning ? AnswerScorer.newWarningPenalty : 0)
        }
        let points = min(100, max(0, Int((base - Double(penalty)).rounded())))
        return ExerciseResult(exercise: exercise, answer: answer, draftFindings: draftFindings, answerFindings: answerFindings,
                              fixed: pairing.fixed, remaining: pairing.remaining, introduced: pairing.introduced,
                              similarity: closeness, points: points)
    }

    /// Matches answer findings to draft findings: first by rule and text (case-folded), then,
    /// for rules that are not word lists, by rule alone (a different phone number is the same
    /// leak; a different slang word is a new problem).
    func pair(draft: [Finding], answer: [Finding]) -> (fixed: [Finding], remaining: [Finding], introduced: [Finding]) {
        var unmatchedAnswer = Array(answer.indices)
        var matchedDraft = Set<Int>()
        var remaining: [Finding] = []
        func take(_ draftIndex: Int, where accepts: (Finding) -> Bool) {
            guard !matchedDraft.contains(draftIndex),
                  let position = unmatchedAnswer.firstIndex(where: { accepts(answer[$0]) }) else { return }
            remaining.append(answer[unmatchedAnswer.remove(at: position)])
            matchedDraft.insert(draftIndex)
        }
        for (index, finding) in draft.enumerated() {
            let key = finding.match.lowercased()
            take(index) { $0.ruleID == finding.ruleID && $0.match.lowercased() == key }
        }
        for (index, finding) in draft.enumerated() where !isWordList(finding.ruleID) {
            take(index) { $0.ruleID == finding.ruleID }
        }
        let fixed = draft.indices.filter { !matchedDraft.contains($0) }.map { draft[$0] }
        return (fixed, remaining.sorted(by: Finding.readingOrder), unmatchedAnswer.map { answer[$0] })
    }

    private func isWordList(_ ruleID: String) -> Bool {
        guard let rule = ruleSet.rule(withID: ruleID) else { return false }
        switch rule.body {
        case .lexicon, .hashedLexicon: return true
        case .pattern, .metric: return false
        }
    }
}

/// The session's total: points earned out of points possible, and the share.
public struct SessionScore: Sendable, Equatable {
    public var points: Int
    public var possible: Int
    public var answered: Int
    public var percent: Int { possible == 0 ? 0 : Int((Double(points) * 100 / Double(possible)).rounded()) }

    public init(_ results: [ExerciseResult]) {
        points = results.reduce(0) { $0 + $1.points }
        possible = results.count * 100
        answered = results.filter { !$0.skipped }.count
    }
}
