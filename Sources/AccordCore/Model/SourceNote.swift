/// Where a fact comes from. Sources that disagree are each kept as a note, so the tracker
/// can show both (the extradition treaty's signing: 23 or 26 December 2013).
public struct SourceNote: Sendable, Hashable, Codable {
    /// The field the note is about, such as `signed.date`; may be empty for the whole record.
    public var about: String?
    /// What the source says.
    public var says: String?
    /// The source itself.
    public var source: String

    /// Creates a note.
    public init(about: String? = nil, says: String? = nil, source: String) {
        self.about = about
        self.says = says
        self.source = source
    }
}
