import Foundation

/// A meeting as typed on the command line, checked against the tracker before anything
/// is written: the host is a party, each review cycle exists, each decision parses, and no
/// meeting has the id yet.
public struct MeetingDraft: Sendable {
    /// The error for a meeting `id` that is in the tracker already (exit 73). Other refusals
    /// of a draft are data errors (65) naming the value.
    public static func exists(_ id: RecordID) -> AccordError {
        AccordError(.cannotCreate, L10n.t("meeting {1} exists already (Meetings/{1}.yaml); give another --slug", id))
    }

    public var date: CalendarDate
    public var endDate: CalendarDate?
    public var venue: String
    public var host: PartyCode
    public var title: String?
    public var slug: String?
    public var cycles: [String]
    public var attendees: [String]
    public var decisions: [String]
    public var note: String?
    /// Whether the meeting is planned rather than held: then it must lie ahead and has no decisions.
    public var planned: Bool
    /// The body whose meeting it is (a slug; see ``Meeting/body``).
    public var body: String?
    /// The co-chairs, one line each.
    public var coChairs: [String] = []
    /// Delegation members as `PARTY=NAME`.
    public var delegates: [String] = []
    /// The agenda's points.
    public var agenda: [String] = []
    /// Who signed the minutes.
    public var minutesSignedBy: [String] = []

    /// Creates a draft.
    public init(date: CalendarDate, endDate: CalendarDate? = nil, venue: String, host: PartyCode, title: String? = nil,
                slug: String? = nil, cycles: [String] = [], attendees: [String] = [], decisions: [String] = [], note: String? = nil,
                planned: Bool = false) {
        self.date = date
        self.endDate = endDate
        self.venue = venue
        self.host = host
        self.title = title
        self.slug = slug
        self.cycles = cycles
        self.attendees = attendees
        self.decisions = decisions
        self.note = note
        self.planned = planned
    }

    /// The meeting, or the first problem found. A meeting held lies on or before `today`
    /// (see ``FactDate``); a planned one after it, with no decisions yet.
    public func meeting(in snapshot: TrackerSnapshot, today: CalendarDate = .today()) throws(AccordError) -> Meeting {
        func bad(_ message: String) -> AccordError { AccordError(.data, message) }
        if planned {
            guard date > today else {
                throw bad(L10n.t("--planned is for a meeting still ahead, and {1} is not after today ({2}): record it as held without --planned", date, today))
            }
            guard decisions.isEmpty else { throw bad(L10n.t("a planned meeting has decided nothing yet: record its decisions once it is held")) }
        } else {
            do {
                try FactDate.requireReached(date, today: today, what: L10n.t("a meeting"), instead: L10n.t("give --planned to record a meeting still ahead"))
            } catch { throw bad(error.message) }
        }
        let parties = snapshot.settings?.partyCodes ?? []
        guard parties.contains(host) else {
            throw bad(L10n.t("unknown host party {1}: accord.yaml lists {2}", host, parties.map(\.code).joined(separator: ", ")))
        }
        if let endDate, endDate.isWhollyBefore(date) { throw bad(L10n.t("--end-date {1} is before --date {2}", endDate, date)) }
        if let body, !InstrumentID.isSlug(body) {
            throw bad(L10n.t("--body '{1}' is not a slug: use lowercase letters, digits and single hyphens (such as tip-2005-joint-review)", body))
        }
        var delegations: [PartyCode: [String]] = [:]
        for delegate in delegates {
            let pair = delegate.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[1].isEmpty, let party = PartyCode(pair[0]), parties.contains(party) else {
                throw bad(L10n.t("--delegate '{1}' is not PARTY=NAME with a party of accord.yaml", delegate))
            }
            delegations[party, default: []].append(pair[1])
        }
        let venue = venue.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !venue.isEmpty else { throw bad(L10n.t("--venue is empty")) }
        let slugText = slug ?? Self.slug(venue)
        guard let id = RecordID("\(date)-\(slugText)") else {
            throw bad(L10n.t("'{1}' cannot be part of a meeting id: use lowercase letters, digits and single hyphens", slugText))
        }
        guard !snapshot.meetings.contains(where: { $0.id == id }) else {
            throw Self.exists(id)
        }
        let reviews = try cycles.map { text throws(AccordError) in try Self.cycle(text, in: snapshot) }
        let decisions = try decisions.enumerated().map { index, text throws(AccordError) in
            try Self.decision(text, id: String(index + 1), parties: parties)
        }
        return Meeting(id: id, title: title ?? "Review meeting in \(venue)", date: date, endDate: endDate, venue: venue,
                       host: host, reviews: reviews, attendees: attendees, decisions: decisions, note: note, planned: planned,
                       body: body, coChairs: coChairs, delegations: delegations, agenda: agenda, minutesSignedBy: minutesSignedBy)
    }

    /// `Ho Chi Minh City` → `ho-chi-minh-city`; `Đà Nẵng` → `da-nang`; `Phnom Penh (ពេញ)` →
    /// `phnom-penh`; a venue in Khmer only → its hash (see `RecordSlug`).
    static func slug(_ text: String) -> String {
        let slug = RecordSlug.make(text)
        return slug.isEmpty ? "meeting" : slug
    }

    /// `plan-2017-2020/final`, or `final` when only one instrument or plan has that cycle.
    static func cycle(_ text: String, in snapshot: TrackerSnapshot) throws(AccordError) -> Meeting.ReviewReference {
        let declared: [Meeting.ReviewReference] =
            snapshot.instruments.flatMap { instrument in instrument.reviewCycles.map { Meeting.ReviewReference(instrument: instrument.id, cycle: $0.id) } }
            + snapshot.plans.flatMap { plan in plan.reviewCycles.map { Meeting.ReviewReference(instrument: plan.id, cycle: $0.id) } }
        let matches = text.contains("/") ? declared.filter { $0.description == text } : declared.filter { $0.cycle == text }
        guard matches.count == 1 else {
            let known = declared.map(\.description).joined(separator: ", ")
            throw AccordError(.data, matches.isEmpty
                            ? L10n.t("unknown review cycle '{1}': the tracker declares {2}", text, known.isEmpty ? "none" : known)
                            : L10n.t("review cycle '{1}' is ambiguous: give one of {2}", text, matches.map(\.description).joined(separator: ", ")))
        }
        return matches[0]
    }

    /// `TEXT[::due=DATE][::bound=B][::every=N][::PARTY=AGENCY]`.
    static func decision(_ text: String, id: String, parties: [PartyCode]) throws(AccordError) -> Decision {
        func bad(_ message: String) -> AccordError { AccordError(.data, L10n.t("--decision {1}: {2}", id, message)) }
        let parts = text.components(separatedBy: "::")
        let statement = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !statement.isEmpty else { throw bad(L10n.t("the decision's text is empty")) }
        var due: CalendarDate?, every: Int?, bound = Commitment.Bound.each
        var responsible: [PartyCode: String] = [:]
        for option in parts.dropFirst() {
            let pair = option.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[1].isEmpty else { throw bad(L10n.t("'{1}' is not KEY=VALUE", option)) }
            switch pair[0] {
            case "due":
                guard let date = CalendarDate(pair[1]) else { throw bad(L10n.t("due={1} is not a date (yyyy-mm-dd)", pair[1])) }
                due = date
            case "every":
                guard let months = Int(pair[1]), (1...1200).contains(months) else { throw bad(L10n.t("every={1} is not a number of months", pair[1])) }
                every = months
            case "bound":
                guard let value = Commitment.Bound(pair[1]), value.parties(of: parties).allSatisfy(parties.contains) else {
                    throw bad(L10n.t("bound={1} is not each, joint or a party of accord.yaml", pair[1]))
                }
                bound = value
            default:
                guard let party = PartyCode(pair[0]), parties.contains(party) else {
                    throw bad(L10n.t("unknown option '{1}': use due, every, bound or a party code", pair[0]))
                }
                responsible[party] = pair[1]
            }
        }
        // Agencies may be named without a date: the action log flags the missing due date.
        if due == nil && (every != nil || bound != .each) {
            throw bad(L10n.t("every= and bound= need due=DATE: only a decision with a due date is tracked"))
        }
        return Decision(id: id, text: statement, due: due.map { DueSchedule(first: $0, everyMonths: every) },
                        bound: bound, responsible: responsible)
    }
}
