/// A review meeting that was held, or one planned (``planned``). Stored as
/// `Meetings/<id>.yaml`.
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
    /// The body whose meeting this is (`tip-2005-joint-review`, `mps-moi-annual-plan`): a
    /// slug naming the series. The previous meeting of a meeting is the previous one of the
    /// same body (see ``previous(in:)``).
    public var body: String?
    /// Who chaired it, one line each (`Lê Quý Vương, Deputy Minister of Public Security (VN)`).
    public var coChairs: [String]
    /// Each party's delegation, one line per member or agency.
    public var delegations: [PartyCode: [String]]
    /// The agenda as adopted, one line per point.
    public var agenda: [String]
    /// Who signed the minutes.
    public var minutesSignedBy: [String]
    /// The review cycles it holds.
    public var reviews: [ReviewReference]
    /// Who else attended (observers, partners), or everyone when no delegation is recorded.
    public var attendees: [String]
    /// What it decided.
    public var decisions: [Decision]
    /// Free text.
    public var note: String?
    /// Where the meeting's record comes from, and whether it is illustrative.
    public var provenance: Provenance
    /// Whether the meeting is only planned: it holds no review and decides nothing until
    /// it is recorded as held; `schedule` lists it while its date is ahead.
    public var planned: Bool

    /// Creates a meeting.
    public init(
        id: RecordID, title: String, date: CalendarDate, endDate: CalendarDate? = nil,
        venue: String? = nil, host: PartyCode? = nil, reviews: [ReviewReference] = [],
        attendees: [String] = [], decisions: [Decision] = [], note: String? = nil,
        provenance: Provenance = Provenance(), planned: Bool = false, body: String? = nil,
        coChairs: [String] = [], delegations: [PartyCode: [String]] = [:], agenda: [String] = [],
        minutesSignedBy: [String] = []
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
        self.planned = planned
        self.body = body
        self.coChairs = coChairs
        self.delegations = delegations
        self.agenda = agenda
        self.minutesSignedBy = minutesSignedBy
    }

    /// The previous meeting of the same series among `meetings`: the latest one held (not
    /// planned) before this one's date by the same body. Meetings naming no body are one
    /// series of their own, so a body's review never follows on another body's conference.
    public func previous(in meetings: [Meeting]) -> Meeting? {
        meetings.filter { $0.id != id && !$0.planned && $0.body == body && $0.date < date }
            .max { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }
    }

    /// The path of its file in the tracker.
    public var path: String { "Meetings/\(id).yaml" }
}
