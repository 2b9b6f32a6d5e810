/// One token of a text as a reader splits it: a word, a run of white space, or punctuation.
///
/// Tokens come from ``WordSegmenter``; concatenated in order they give back the text.
public struct TextToken: Sendable, Hashable {
    /// What a token is.
    public enum Kind: Sendable, Hashable {
        /// A word in any script, a number, or a dictionary word of a script without spaces.
        case word
        /// A run of spaces or a line break.
        case space
        /// Anything else: punctuation, symbols, Markdown markers.
        case punctuation
    }

    /// The token's text, never splitting a grapheme cluster.
    public var text: String
    /// Whether the token is a word, space or punctuation.
    public var kind: Kind

    /// A token of the given text and kind.
    public init(_ text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}
