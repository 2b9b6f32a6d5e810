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

    /// `gaps` in report order: severity, rule, item (ids numerically), party. Each gap's
    /// rule rank and id segments are worked out once, not in every comparison (a decade of
    /// reporting has thousands of gaps).
    static func inReportOrder(_ gaps: [Gap]) -> [Gap] {
        let ranks = Dictionary(uniqueKeysWithValues: GapRule.allCases.sorted().enumerated().map { ($1, $0) })
        typealias Segment = (number: Int?, text: Substring)
        let keyed = gaps.map { gap -> (gap: Gap, rank: Int, id: (owner: String, local: [Segment])?) in
            let id = QualifiedID(gap.item).map { id in
                (id.owner, id.local.split(separator: ".").map { (number: Int($0), text: $0) })
            }
            return (gap, ranks[gap.rule] ?? 0, id)
        }
        // As ``QualifiedID``'s order: owner, then the local id segment by segment, numeric
        // segments as numbers.
        func precedes(_ left: [Segment], _ right: [Segment]) -> Bool {
            for (a, b) in zip(left, right) where a.text != b.text {
                if let x = a.number, let y = b.number { return x < y }
                return a.text < b.text
            }
            return left.count < right.count
        }
        return keyed.sorted { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.gap.item != rhs.gap.item {
                if let left = lhs.id, let right = rhs.id {
                    return left.owner != right.owner ? left.owner < right.owner : precedes(left.local, right.local)
                }
                return lhs.gap.item < rhs.gap.item
            }
            return (lhs.gap.party?.code ?? "") < (rhs.gap.party?.code ?? "")
        }.map(\.gap)
    }
}
