/// A diff that does not fit the text it is applied to.
public struct InstrumentDiffError: AccordFailure, Sendable, Hashable {
    /// The text the diff was applied to.
    public var file: String
    /// The part that does not match, e.g. `article 7`, `clause 7.2`, `the title`.
    public var part: String

    /// An error naming the file and the part that does not match.
    public init(file: String, part: String) {
        self.file = file
        self.part = part
    }

    /// A data error (65) naming the file and the part.
    public var accordError: AccordError {
        AccordError(.data, L10n.t("the diff does not apply: {1} differs from the diff's old text", part), file: file)
    }
}
