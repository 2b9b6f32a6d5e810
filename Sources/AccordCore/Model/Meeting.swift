/// A review meeting that was held. Stored as `Meetings/<id>.yaml`.
public struct Meeting: Sendable, Hashable, Codable {
    /// A review cycle a meeting holds: `<instrument>/<cycle>`.
    public struct ReviewReference: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The instrument or plan.
        public var instrument: InstrumentID
        /// The cycle's id within it.
        public var cycle: String

        /// Creates a reference.
        public init(instrument: InstrumentID, cycle: String) {
            self.instrument = instrument
            self.cycle = cycle
        }

        /// Parses `<instrument>/<cycle>`.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let instrument = InstrumentID(String(parts[0])),
                  InstrumentID.isSlug(String(parts[1])) else { return nil }
            self.init(instrument: instrument, cycle: String(parts[1]))
        }

        public var description: String { "\(instrument)/\(cycle)" }
    }

    /// The id, `<yyyy-mm-dd>-<slug>`, equal to the file name.
    public var id: RecordID
    /// What the meeting was.
    public var title: String
    /// The first day.
    public var date: CalendarDate
    /// The last day, when it ran over several.
    public var endDate: CalendarDate?
    /// Where it was held.
    public var venue: String?
    /// The hosting party.
    public var host: PartyCode?
    /// The review cycles it holds.
    public var reviews: [ReviewReference]
    /// Who attended.
    public var attendees: [String]
    /// What it decided.
    public var decisions: [Decision]
    /// Free text.
    public var note: String?
    /// Where the meeting's record comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a meeting.
    public init(
        id: RecordID, title: String, date: CalendarDate, endDate: CalendarDate? = nil,
        venue: String? = nil, host: PartyCode? = nil, reviews: [ReviewReference] = [],
        attendees: [String] = [], decisions: [Decision] = [], note: String? = nil,
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.endDate = endDate
        self.venue = venue
        self.host = host
        self.reviews = reviews
        self.attendees = attendees
        self.decisions = decisions
        self.note = note
        self.provenance = provenance
    }

    /// The path of its file in the tracker.
    public var path: String { "Meetings/\(id).yaml" }
}
