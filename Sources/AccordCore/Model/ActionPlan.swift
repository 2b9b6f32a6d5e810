/// A joint action plan carrying out one or more instruments. Stored as `Plans/<id>.yaml`.
public struct ActionPlan: Sendable, Hashable, Codable {
    /// The id, equal to the file name.
    public var id: InstrumentID
    /// The title per language tag.
    public var title: [String: String]
    /// The parties.
    public var parties: [PartyCode]
    /// When and where it was adopted.
    public var adopted: Signing
    /// The first day of the plan's period.
    public var start: CalendarDate?
    /// The last day of the plan's period.
    public var end: CalendarDate?
    /// The instruments it carries out.
    public var implements: [InstrumentID]
    /// Whether it has effect now.
    public var status: Instrument.Standing
    /// Where facts come from.
    public var sources: [SourceNote]
    /// The reviews it calls for.
    public var reviewCycles: [ReviewCycle]
    /// The key areas with their items.
    public var areas: [PlanArea]
    /// Free text.
    public var note: String?
    /// Where the plan's record comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a plan.
    public init(
        id: InstrumentID, title: [String: String], parties: [PartyCode], adopted: Signing,
        start: CalendarDate? = nil, end: CalendarDate? = nil, implements: [InstrumentID] = [],
        status: Instrument.Standing = .inForce, sources: [SourceNote] = [],
        reviewCycles: [ReviewCycle] = [], areas: [PlanArea] = [], note: String? = nil,
        provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.title = title
        self.parties = parties
        self.adopted = adopted
        self.start = start
        self.end = end
        self.implements = implements
        self.status = status
        self.sources = sources
        self.reviewCycles = reviewCycles
        self.areas = areas
        self.note = note
        self.provenance = provenance
    }

    /// Every item of every area, in order.
    public var items: [PlanItem] { areas.flatMap(\.items) }
}
