/// The reviews the instruments and plans call for, around an as-of date: each past one
/// held (by the meeting that reviewed it) or missed, and each upcoming one within the
/// horizon with what falls due before it.
///
/// A meeting holds a scheduled review when it lists the cycle in `reviews:` and its date
/// is within `review-tolerance-months` of the scheduled date; each meeting holds at most
/// one occurrence, the closest. A review not held is missed once its date plus the
/// tolerance has passed; until then it is `due`.
public struct ReviewSchedule: Sendable, Hashable, Codable {
    /// Where a scheduled review stands at the as-of date.
    public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
        /// A meeting held it.
        case held
        /// Its date and the tolerance passed without a meeting holding it.
        case missed
        /// Its date passed, but a meeting may still hold it within the tolerance.
        case due
        /// After the as-of date, within the horizon.
        case upcoming
    }

    /// Something that falls due between the as-of date (or the previous upcoming review)
    /// and an upcoming review.
    public struct DueItem: Sendable, Hashable, Codable {
        /// The commitment, plan item or decision.
        public let target: QualifiedID
        /// What kind of target it is.
        public let kind: TrackedTarget.Kind
        /// Its summary or title.
        public let summary: String
        /// The due date, or the plan item's end.
        public let date: CalendarDate
        /// The parties that owe it (for a one-off target, those not yet settled).
        public let parties: [PartyCode]
        /// The target's marks.
        public var marks: [ProvenanceMark] = []
    }

    /// One scheduled review.
    public struct Review: Sendable, Hashable, Codable {
        /// Stable across runs: `<instrument>/<cycle>@<date>`; the iCalendar UID is built from it.
        public let id: String
        /// The instrument or plan.
        public let instrument: InstrumentID
        /// Its title in the tracker's first language.
        public let instrumentTitle: String
        /// The cycle's id.
        public let cycle: String
        /// The cycle's title.
        public let title: String
        /// The scheduled date.
        public let date: CalendarDate
        /// The host in turn, when the cycle names hosts.
        public let host: PartyCode?
        /// Where it stands.
        public let standing: Standing
        /// The meeting that held it.
        public let meeting: RecordID?
        /// That meeting's first day.
        public let meetingDate: CalendarDate?
        /// A meeting that reviewed the cycle after a missed date, beyond the tolerance.
        public let lateMeeting: RecordID?
        /// That meeting's first day.
        public let lateMeetingDate: CalendarDate?
        /// For an upcoming review: what falls due after the previous upcoming review (or
        /// the as-of date) and on or before this one.
        public var dueBefore: [DueItem]
        /// `illustrative` when the cycle, its instrument or plan, or the meeting that held it
        /// was written for illustration.
        public var marks: [ProvenanceMark] = []
    }

    /// A meeting planned within the horizon (`accord meeting add --planned`).
    public struct PlannedMeeting: Sendable, Hashable, Codable {
        /// The meeting's id.
        public let id: RecordID
        /// What it is to be.
        public let title: String
        /// Its first day.
        public let date: CalendarDate
        /// Where it is to be held.
        public let venue: String?
        /// The hosting party.
        public let host: PartyCode?
        /// The review cycles it is to hold.
        public let reviews: [String]
    }

    /// The date evaluated at.
    public let asOf: CalendarDate
    /// How far ahead upcoming reviews are listed, in months.
    public let horizonMonths: Int
    /// The tolerance from accord.yaml.
    public let toleranceMonths: Int
    /// Every review up to the horizon, by date then id.
    public let reviews: [Review]
    /// The banner when any review or item due is marked.
    public let notice: ProvenanceNotice?
    /// The meetings planned after the as-of date and up to the horizon, by date.
    public let planned: [PlannedMeeting]

    /// The reviews that have not happened yet, nearest first.
    public var upcoming: [Review] { reviews.filter { $0.standing == .upcoming } }

    /// The reviews missed.
    public var missed: [Review] { reviews.filter { $0.standing == .missed } }

    /// Builds the schedule of `state`'s snapshot at its as-of date.
    public init(snapshot: TrackerSnapshot, state: TrackerState, horizonMonths: Int = 18) {
        let asOf = state.asOf
        let tolerance = snapshot.settings?.thresholds.reviewToleranceMonths ?? TrackerSettings.Thresholds().reviewToleranceMonths
        let horizon = asOf.adding(months: horizonMonths)
        let language = snapshot.settings?.languages.first ?? "en"
        let meetings = snapshot.meetings.filter { $0.date <= asOf && !$0.planned }

        var sources: [(id: InstrumentID, title: [String: String], since: CalendarDate, active: Bool, cycles: [ReviewCycle])] = []
        for instrument in snapshot.instruments {
            sources.append((instrument.id, instrument.title, instrument.signed.date,
                            instrument.status == .inForce || instrument.status == .notYetInForce, instrument.reviewCycles))
        }
        for plan in snapshot.plans {
            sources.append((plan.id, plan.title, plan.adopted.date,
                            plan.status == .inForce || plan.status == .notYetInForce, plan.reviewCycles))
        }

        var reviews: [Review] = []
        for source in sources where source.since <= asOf {
            let title = source.title[language] ?? source.title.values.sorted().first ?? source.id.rawValue
            for cycle in source.cycles {
                let dates = cycle.schedule.dates(through: source.active ? horizon : asOf)
                let holding = meetings.filter { meeting in
                    meeting.reviews.contains { $0.instrument == source.id && $0.cycle == cycle.id }
                }
                let matched = Self.match(dates: dates.filter { $0 <= asOf }, meetings: holding, tolerance: tolerance)
                for (index, date) in dates.enumerated() {
                    let host = cycle.hosts.isEmpty ? nil : cycle.hosts[index % cycle.hosts.count]
                    let held = matched.held[date]
                    let late = matched.late[date]
                    let standing: Standing = date > asOf ? .upcoming
                        : held != nil ? .held
                        : date.adding(months: tolerance).isPassed(on: asOf) ? .missed : .due
                    reviews.append(Review(
                        id: "\(source.id)/\(cycle.id)@\(date)", instrument: source.id, instrumentTitle: title,
                        cycle: cycle.id, title: cycle.title, date: date, host: host, standing: standing,
                        meeting: held?.id, meetingDate: held?.date,
                        lateMeeting: standing == .held ? nil : late?.id, lateMeetingDate: standing == .held ? nil : late?.date,
                        dueBefore: []))
                }
            }
        }
        reviews.sort { ($0.date, $0.id) < ($1.date, $1.id) }

        // What falls due before each upcoming review, each item under the first review it precedes.
        // Everything due up to the last upcoming review is listed once, then shared out:
        // listing it per review walked every target's due dates again for each review.
        var previous = asOf
        let last = reviews.last { $0.standing == .upcoming }?.date ?? asOf
        let allDue = last > asOf ? Self.dueItems(snapshot: snapshot, state: state, after: asOf, through: last) : []
        reviews = reviews.map { review in
            guard review.standing == .upcoming else { return review }
            let due = allDue.filter { $0.date > previous && $0.date <= review.date }
            previous = review.date
            return review.with(dueBefore: due)
        }
        let index = ProvenanceIndex(snapshot)
        reviews = reviews.map { review in
            var review = review
            var marks = index.marks(of: "\(review.instrument)/\(review.cycle)")
            for meeting in [review.meeting, review.lateMeeting].compactMap({ $0 }) { marks.formUnion(index.marks(of: meeting.rawValue)) }
            review.marks = marks.ordered
            review.dueBefore = review.dueBefore.map { item in
                var item = item
                item.marks = index.marks(of: item.target.description).ordered
                return item
            }
            return review
        }
        self.asOf = asOf
        self.horizonMonths = horizonMonths
        self.toleranceMonths = tolerance
        self.reviews = reviews
        notice = ProvenanceNotice(Set(reviews.flatMap { $0.marks + $0.dueBefore.flatMap(\.marks) }))
        planned = snapshot.plannedMeetings.filter { $0.date > asOf && $0.date <= horizon }.map { meeting in
            PlannedMeeting(id: meeting.id, title: meeting.title, date: meeting.date, venue: meeting.venue,
                           host: meeting.host, reviews: meeting.reviews.map(\.description))
        }
    }

    /// Pairs scheduled dates with the meetings that held them: for each date in order, the
    /// closest unused meeting within the tolerance. A meeting left over that came after a
    /// date not held (and before the next date) is noted as a late review of it.
    static func match(dates: [CalendarDate], meetings: [Meeting], tolerance: Int)
        -> (held: [CalendarDate: Meeting], late: [CalendarDate: Meeting]) {
        var used = Set<RecordID>()
        var held: [CalendarDate: Meeting] = [:]
        for date in dates {
            let window = date.adding(months: -tolerance)...date.adding(months: tolerance)
            let candidates = meetings.filter { !used.contains($0.id) && window.contains($0.date) }
            let closest = candidates.min { lhs, rhs in
                (abs(lhs.date.days(until: date)), lhs.date) < (abs(rhs.date.days(until: date)), rhs.date)
            }
            if let closest {
                held[date] = closest
                used.insert(closest.id)
            }
        }
        var late: [CalendarDate: Meeting] = [:]
        for (index, date) in dates.enumerated() where held[date] == nil {
            let next = index + 1 < dates.count ? dates[index + 1] : nil
            late[date] = meetings.first { meeting in
                !used.contains(meeting.id) && meeting.date > date && next.map { meeting.date < $0 } ?? true
            }
            if let meeting = late[date] { used.insert(meeting.id) }
        }
        return (held, late)
    }

    /// The targets binding at the as-of date that fall due in `(after, through]`, by date
    /// then target.
    public static func dueItems(snapshot: TrackerSnapshot, state: TrackerState, after: CalendarDate, through: CalendarDate) -> [DueItem] {
        var items: [DueItem] = []
        for target in state.targets where snapshot.binds(target.target, on: state.asOf) {
            let unsettled = target.parties.filter { !$0.status.isSettled }.map(\.party)
            if let schedule = target.target.schedule {
                let recurring = schedule.everyMonths != nil
                for date in schedule.dates(through: through) where date > after {
                    let owing = recurring ? target.target.parties : unsettled
                    if !owing.isEmpty {
                        items.append(DueItem(target: target.target.id, kind: target.target.kind,
                                             summary: target.target.summary, date: date, parties: owing))
                    }
                }
            }
            if let end = target.target.end, end > after, end <= through, !unsettled.isEmpty {
                items.append(DueItem(target: target.target.id, kind: target.target.kind,
                                     summary: target.target.summary, date: end, parties: unsettled))
            }
        }
        return items.sorted { ($0.date, $0.target) < ($1.date, $1.target) }
    }
}

extension ReviewSchedule.Review {
    func with(dueBefore: [ReviewSchedule.DueItem]) -> Self {
        var review = self
        review.dueBefore = dueBefore
        return review
    }
}
