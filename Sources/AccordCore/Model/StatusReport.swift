/// A party's statement that a commitment, plan item or decision stands at a status from a
/// date on. Stored as `Events/<yyyy>/<mm>/<id>.yaml`; append-only.
public struct StatusReport: Sendable, Hashable, Codable {
    /// The id, equal to the file name.
    public var id: RecordID
    /// The commitment, plan item or decision reported on.
    public var target: QualifiedID
    /// The status.
    public var status: Status
    /// The day the status is true from.
    public var date: CalendarDate
    /// The party reporting, whose progress this is.
    public var party: PartyCode
    /// Who wrote it, as `Name <email>`; becomes the commit's author.
    public var reporter: String?
    /// Free text; required for `not-applicable`.
    public var note: String?
    /// Evidence ids backing it.
    public var evidence: [RecordID]
    /// Where the report comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a status report.
    public init(
        id: RecordID, target: QualifiedID, status: Status, date: CalendarDate, party: PartyCode,
        reporter: String? = nil, note: String? = nil, evidence: [RecordID] = [],
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.target = target
        self.status = status
        self.date = date
        self.party = party
        self.reporter = reporter
        self.note = note
        self.evidence = evidence
        self.provenance = provenance
    }

    /// The path of its file in the tracker.
    public var path: String { Self.path(id: id.rawValue, date: date) }

    /// The path of the report `id` dated `date`: `Events/<yyyy>/<mm>/<id>.yaml`.
    static func path(id: String, date: CalendarDate) -> String {
        let text = date.description
        return "Events/\(text.prefix(4))/\(text.dropFirst(5).prefix(2))/\(id).yaml"
    }
}
