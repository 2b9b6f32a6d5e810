/// One action of a plan: who leads it on each side, when, what it delivers, how it is
/// measured and which commitments it carries out.
public struct PlanItem: Sendable, Hashable, Codable {
    /// The local id (`3.1`), starting with its area's id; the full id is `<plan>#<id>`.
    public var id: String
    /// What is to be done.
    public var title: String
    /// The lead agency per party.
    public var lead: [PartyCode: String]
    /// Partner agencies per party.
    public var partners: [PartyCode: [String]]
    /// When work starts.
    public var start: CalendarDate?
    /// When it should be finished; past it, unfinished work is overdue.
    public var end: CalendarDate?
    /// What it produces.
    public var deliverables: [String]
    /// How progress is measured.
    public var indicators: [Indicator]
    /// The commitments it carries out.
    public var implements: [QualifiedID]
    /// Free text.
    public var note: String?
    /// Where the item comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a plan item.
    public init(
        id: String, title: String, lead: [PartyCode: String] = [:], partners: [PartyCode: [String]] = [:],
        start: CalendarDate? = nil, end: CalendarDate? = nil, deliverables: [String] = [],
        indicators: [Indicator] = [], implements: [QualifiedID] = [], note: String? = nil,
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.title = title
        self.lead = lead
        self.partners = partners
        self.start = start
        self.end = end
        self.deliverables = deliverables
        self.indicators = indicators
        self.implements = implements
        self.note = note
        self.provenance = provenance
    }
}
