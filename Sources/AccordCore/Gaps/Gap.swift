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
    /// The marks of what the gap is about: a gap on an illustrative commitment or review is
    /// itself illustrative.
    public var marks: [ProvenanceMark] = []

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

    /// `gaps` in report order: severity, rule, item (ids numerically), party. Each item's id
    /// is read once, not in every comparison (a decade of reporting has thousands of gaps).
    static func inReportOrder(_ gaps: [Gap]) -> [Gap] {
        gaps.map { (gap: $0, id: QualifiedID($0.item)) }.sorted { lhs, rhs in
            if lhs.gap.rule != rhs.gap.rule { return lhs.gap.rule < rhs.gap.rule }
            if lhs.gap.item != rhs.gap.item {
                if let left = lhs.id, let right = rhs.id { return left < right }
                return lhs.gap.item < rhs.gap.item
            }
            return (lhs.gap.party?.code ?? "") < (rhs.gap.party?.code ?? "")
        }.map(\.gap)
    }
}
