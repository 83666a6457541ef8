/// What one lint run needs to know besides the rules.
public struct LintOptions: Sendable {
    /// What counts as one draft for whole-draft metrics (length, emoji and hashtag counts).
    public enum DraftBoundary: String, Sendable {
        /// The whole text is one draft (a file).
        case document
        /// Each line is a draft (drafts piped one per line).
        case line
    }

    /// x, instagram, linkedin or facebook: selects the length limit. Without a platform the
    /// length of a draft is not judged (a long LinkedIn post is fine, a long X post is not).
    public var platform: String?
    public var draftBoundary: DraftBoundary = .document
    /// Treat the text as Markdown: front matter, code, link targets and comments are not prose.
    public var markdown: Bool = false

    public init(platform: String? = nil, draftBoundary: DraftBoundary = .document, markdown: Bool = false) {
        self.platform = platform
        self.draftBoundary = draftBoundary
        self.markdown = markdown
    }
}
