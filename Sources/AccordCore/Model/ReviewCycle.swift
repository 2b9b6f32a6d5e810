/// A review an instrument or plan calls for: recurring (`every-months` from a date) or
/// once (`on` a date).
public struct ReviewCycle: Sendable, Hashable, Codable {
    /// Unique within its instrument; referred to as `<instrument>/<id>`.
    public var id: String
    /// What the review is called.
    public var title: String
    /// When it is due: `everyMonths` nil means a single review on `first`.
    public var schedule: DueSchedule
    /// The hosts in turn, when the parties alternate.
    public var hosts: [PartyCode]
    /// Where the cycle comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a review cycle.
    public init(id: String, title: String, schedule: DueSchedule, hosts: [PartyCode] = [],
                provenance: Provenance = Provenance()) {
        self.id = id
        self.title = title
        self.schedule = schedule
        self.hosts = hosts
        self.provenance = provenance
    }
}
