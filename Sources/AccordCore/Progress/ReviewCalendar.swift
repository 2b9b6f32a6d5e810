/// The reviews the instruments and plans call for, from their review cycles.
///
/// A small computation for the dashboard: the next scheduled date of each cycle after a
/// day. The full schedule (meetings held against cycles, tolerance, iCalendar) builds on it.
public struct ReviewCalendar: Sendable {
    /// One scheduled review.
    public struct Review: Sendable, Hashable, Codable {
        /// The instrument or plan calling for it.
        public let owner: String
        /// The cycle's id within it.
        public let cycle: String
        /// The cycle's title.
        public let title: String
        /// When it is due.
        public let date: CalendarDate
        /// `illustrative` when the cycle, or the instrument or plan calling for it, was
        /// written for illustration.
        public let marks: [ProvenanceMark]
    }

    /// Every instrument's and plan's cycles, with their owners.
    public let cycles: [(owner: String, cycle: ReviewCycle)]

    /// The cycles of every instrument and plan of `snapshot`; a cycle of an illustrative
    /// instrument or plan is illustrative too.
    public init(_ snapshot: TrackerSnapshot) {
        func marked(_ cycle: ReviewCycle, _ ownerIllustrative: Bool) -> ReviewCycle {
            var cycle = cycle
            cycle.provenance.illustrative = cycle.provenance.illustrative || ownerIllustrative
            return cycle
        }
        cycles = snapshot.instruments.flatMap { instrument in
            instrument.reviewCycles.map { (instrument.id.rawValue, marked($0, instrument.provenance.illustrative)) }
        } + snapshot.plans.flatMap { plan in plan.reviewCycles.map { (plan.id.rawValue, marked($0, plan.provenance.illustrative)) } }
    }

    /// The next review of each cycle after `date`, soonest first (ties by owner and cycle).
    public func upcoming(after date: CalendarDate, owner: String? = nil) -> [Review] {
        cycles.filter { owner == nil || $0.owner == owner }.compactMap { entry in
            entry.cycle.schedule.next(after: date).map {
                Review(owner: entry.owner, cycle: entry.cycle.id, title: entry.cycle.title, date: $0,
                       marks: entry.cycle.provenance.illustrative ? [.illustrative] : [])
            }
        }.sorted { ($0.date, $0.owner, $0.cycle) < ($1.date, $1.owner, $1.cycle) }
    }

    /// The first review after `date`, of `owner`'s cycles or of all.
    public func next(after date: CalendarDate, owner: String? = nil) -> Review? {
        upcoming(after: date, owner: owner).first
    }
}
