/// One problem in a draft: which rule, how severe, where exactly, and what to write instead.
public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var category: Category
    public var severity: Severity
    public var message: String
    /// The exact source bytes the finding covers.
    public var range: ByteRange
    public var start: SourceLocation
    /// The position just after the last character.
    public var end: SourceLocation
    /// The source text of `range`, as the user wrote it.
    public var match: String
    /// Formal wordings, best first; an empty string means "delete".
    public var suggestions: [String]
    /// True when `santun fix` may apply the first suggestion without a human.
    public var fixable: Bool

    public init(ruleID: String, category: Category, severity: Severity, message: String, range: ByteRange,
                start: SourceLocation, end: SourceLocation, match: String, suggestions: [String], fixable: Bool) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.message = message
        self.range = range
        self.start = start
        self.end = end
        self.match = match
        self.suggestions = suggestions
        self.fixable = fixable
    }

    /// Reading order, then the wider finding first, then rule id: output is always in this order.
    public static func readingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.range.offset != b.range.offset { return a.range.offset < b.range.offset }
        if a.range.length != b.range.length { return a.range.length > b.range.length }
        return a.ruleID < b.ruleID
    }
}
