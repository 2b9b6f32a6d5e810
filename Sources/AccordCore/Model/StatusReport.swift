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
    /// The party reporting, whose progress this is; ``PartyCode/joint`` for a report the
    /// parties of a joint commitment made together.
    public var party: PartyCode
    /// The parties who made a joint report together; empty for any other report.
    public var parties: [PartyCode]
    /// Who wrote it, as `Name <email>`; becomes the commit's author.
    public var reporter: String?
    /// Free text; required for `not-applicable`.
    public var note: String?
    /// Evidence ids backing it.
    public var evidence: [RecordID]
    /// Where the report comes from, and whether it is illustrative.
    public var provenance: Provenance
    /// When accord wrote it; orders the reports of one day (absent in reports written before
    /// accord recorded it, which come first on their day).
    public var recordedAt: RecordingTime?

    /// Creates a status report.
    public init(
        id: RecordID, target: QualifiedID, status: Status, date: CalendarDate, party: PartyCode,
        reporter: String? = nil, note: String? = nil, evidence: [RecordID] = [],
        provenance: Provenance = Provenance(), parties: [PartyCode] = [], recordedAt: RecordingTime? = nil
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
        self.parties = parties
        self.recordedAt = recordedAt
    }

    /// Whether this report comes before `other` among reports: by date, then by when they
    /// were recorded (reports without that time first), then by id. The state's latest
    /// report is the last in this order.
    public func precedes(_ other: StatusReport) -> Bool {
        Self.precedes((date, recordedAt, id), (other.date, other.recordedAt, other.id))
    }

    /// Report order on the fields that decide it (what a report left unparsed still has).
    static func precedes(_ one: (date: CalendarDate, recordedAt: RecordingTime?, id: RecordID),
                         _ other: (date: CalendarDate, recordedAt: RecordingTime?, id: RecordID)) -> Bool {
        if one.date != other.date { return one.date < other.date }
        if one.recordedAt != other.recordedAt {
            guard let mine = one.recordedAt else { return true }
            guard let theirs = other.recordedAt else { return false }
            return mine < theirs
        }
        return one.id < other.id
    }

    /// The path of its file in the tracker.
    public var path: String { Self.path(id: id.rawValue, date: date) }

    /// The path of the report `id` dated `date`: `Events/<yyyy>/<mm>/<id>.yaml`.
    static func path(id: String, date: CalendarDate) -> String {
        let text = date.description
        return "Events/\(text.prefix(4))/\(text.dropFirst(5).prefix(2))/\(id).yaml"
    }
}
