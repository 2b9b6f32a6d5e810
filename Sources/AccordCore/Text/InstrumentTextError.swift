/// A text file that cannot be read as an instrument text, with the file and line to fix.
public struct InstrumentTextError: AccordFailure, Sendable, Hashable, Codable {
    /// What is wrong.
    public enum Reason: Sendable, Hashable, Codable {
        /// The bytes are not UTF-8.
        case notUTF8
        /// An article number appears a second time; the first was on the given line.
        case duplicateArticle(id: String, firstLine: Int)
        /// A clause number appears a second time in its article.
        case duplicateClause(id: String, firstLine: Int)
        /// A second `# ` title, or a title after the first `## ` heading.
        case misplacedTitle
        /// The file is larger than ``InstrumentText/maximumBytes``.
        case tooLarge(bytes: Int)
    }

    /// The file, as given to ``InstrumentText/parse(_:file:)``.
    public var file: String
    /// The 1-based line at fault.
    public var line: Int
    /// What is wrong there.
    public var reason: Reason

    /// An error at the given file and line.
    public init(file: String, line: Int, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// A data error (65) read as `<file>:<line>: <what is wrong>`, one lowercase sentence.
    public var accordError: AccordError {
        let what = switch reason {
        case .notUTF8:
            L10n.t("the text is not valid UTF-8")
        case .duplicateArticle(let id, let first):
            L10n.t("article {1} appears twice (first at line {2}); to keep both, end this heading with an id of its own, e.g. {#{1}-2}", id, first)
        case .duplicateClause(let id, let first):
            L10n.t("clause {1} appears twice (first at line {2})", id, first)
        case .misplacedTitle:
            L10n.t("a `# ` title may appear only once, before the first `## ` heading")
        case .tooLarge(let bytes):
            L10n.t("the text is {1} bytes; an instrument text may hold at most {2} MiB", bytes, InstrumentText.maximumBytes / 1_048_576)
        }
        return AccordError(.data, what, file: file, line: line)
    }
}
