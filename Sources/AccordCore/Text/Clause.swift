/// A numbered clause of an article: a list item `2. `, `2) ` or `(2) ` at the start of a line.
public struct Clause: Sendable, Hashable, Codable {
    /// The clause id inside the instrument, `<article>.<number>` with ASCII digits, e.g. `7.2`.
    public var id: String
    /// The list marker as written and normalised, e.g. `2.`, `(2)` or `(២)`.
    public var marker: String
    /// The clause's normalised text, without its marker (see ``InstrumentText``).
    public var text: String
    /// The 1-based line of the marker in the source file.
    public var line: Int

    /// A clause with the given id, marker, normalised text and source line.
    public init(id: String, marker: String, text: String, line: Int) {
        self.id = id
        self.marker = marker
        self.text = text
        self.line = line
    }
}
