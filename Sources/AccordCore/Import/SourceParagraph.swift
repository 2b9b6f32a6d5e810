/// One paragraph (or, for plain text and PDF, one line) of a source document, as its
/// author laid it out.
public struct SourceParagraph: Sendable, Hashable {
    /// The text, without the line end.
    public var text: String
    /// Whether the author set it apart as a heading: a heading or title style, or every
    /// word of it bold. Plain text and PDF carry no such mark.
    public var emphasised: Bool
    /// Whether a blank line (or, in a Word document, a paragraph end) separates it from
    /// the paragraph before.
    public var startsParagraph: Bool

    /// Creates a paragraph.
    public init(text: String, emphasised: Bool = false, startsParagraph: Bool = true) {
        self.text = text
        self.emphasised = emphasised
        self.startsParagraph = startsParagraph
    }
}
