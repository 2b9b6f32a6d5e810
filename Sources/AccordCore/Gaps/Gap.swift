/// One gap: what is missing or late, for whom, the dated facts that show it, and what
/// would close it.
public struct Gap: Sendable, Hashable, Codable {
    /// The rule that found it.
    public let rule: GapRule
    /// Its severity (the rule's).
    public let severity: GapSeverity
    /// What it is about: a target id (`tip-2005#12.1`), a review
    /// (`tip-2005/annual@2018-10-10`) or a text (`tip-2005 text.vi.md`).
    public let item: String
    /// The instrument, plan or meeting the item belongs to, for filtering.
    public let instrument: String
    /// The item in words: the commitment's summary, the review's title.
    public let title: String
    /// The party concerned, or nil when the gap is the parties' together.
    public let party: PartyCode?
    /// Why: the facts with their dates, e.g. `due 2015-04-09`, `no evidence`.
    public let why: [String]
    /// One sentence on what would close the gap.
    public let toClose: String
    /// The day the gap opened, when one is known (the due date passed, the review missed).
    public let since: CalendarDate?

    /// Creates a gap with the rule's severity.
    public init(
        rule: GapRule, item: String, instrument: String, title: String, party: PartyCode?,
        why: [String], toClose: String, since: CalendarDate? = nil
    ) {
        self.rule = rule
        self.severity = rule.severity
        self.item = item
        self.instrument = instrument
        self.title = title
        self.party = party
        self.why = why
        self.toClose = toClose
        self.since = since
    }

    /// Report order: severity, rule, item (ids numerically), party.
    static func reportOrder(_ lhs: Gap, _ rhs: Gap) -> Bool {
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.item != rhs.item {
            if let left = QualifiedID(lhs.item), let right = QualifiedID(rhs.item) { return left < right }
            return lhs.item < rhs.item
        }
        return (lhs.party?.code ?? "") < (rhs.party?.code ?? "")
    }
}
