/// What falls due in the next days, for a desk: each deadline with the parties that owe it
/// and their responsible agencies, narrowed to one party or one agency. `accord due` prints
/// it for a cron job.
public struct DueDigest: Sendable, Hashable, Codable {
    /// One deadline.
    public struct Entry: Sendable, Hashable, Codable {
        public let target: QualifiedID
        public let kind: TrackedTarget.Kind
        public let summary: String
        public let date: CalendarDate
        /// Days from the as-of date to the due date (0: due today).
        public let daysLeft: Int
        /// The parties that owe it, each with its agency when one is named.
        public let owners: [ActionLogEntry.Owner]
        public var marks: [ProvenanceMark] = []
    }

    /// The first day of the window.
    public let asOf: CalendarDate
    /// The last day of the window.
    public let through: CalendarDate
    /// The deadlines, by date then target.
    public let entries: [Entry]
    /// The banner when any deadline is marked.
    public let notice: ProvenanceNotice?

    /// The deadlines from `state`'s as-of date through `days` days later; with `party`, only
    /// what that party owes; with `agency`, only what an agency whose name contains it
    /// (ignoring case) is responsible for.
    public init(snapshot: TrackerSnapshot, state: TrackerState, days: Int, party: PartyCode? = nil, agency: String? = nil) {
        asOf = state.asOf
        through = state.asOf.adding(days: days)
        let index = ProvenanceIndex(snapshot)
        let wanted = agency?.lowercased()
        entries = ReviewSchedule.dueItems(snapshot: snapshot, state: state, after: state.asOf.adding(days: -1), through: through)
            .compactMap { item -> Entry? in
                let responsible = state.target(item.target)?.target.responsible ?? [:]
                let owners = item.parties.filter { owner in
                    (party == nil || owner == party)
                        && (wanted.map { responsible[owner]?.lowercased().contains($0) == true } ?? true)
                }.map { ActionLogEntry.Owner(party: $0, agency: responsible[$0]) }
                guard !owners.isEmpty else { return nil }
                var entry = Entry(target: item.target, kind: item.kind, summary: item.summary, date: item.date,
                                  daysLeft: state.asOf.days(until: item.date.firstDay), owners: owners)
                entry.marks = index.marks(of: item.target.description).ordered
                return entry
            }
        notice = ProvenanceNotice(Set(entries.flatMap(\.marks)))
    }
}
