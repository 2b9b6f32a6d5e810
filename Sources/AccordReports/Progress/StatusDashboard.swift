public import AccordCore

/// `accord status`: per instrument, per plan area and for meeting decisions, how many
/// targets stand at each status for each party, how many are overdue, how many have
/// evidence, and when the next review is.
public struct StatusDashboard: Codable, Sendable {
    /// Counts for one party in one group.
    public struct PartyCounts: Codable, Sendable, Hashable {
        public let party: String
        /// The group's targets that bind this party: what its counts are out of.
        public let targets: Int
        /// Targets per status; every status is present, zero included.
        public let counts: [String: Int]
        /// Targets overdue for this party (a joint one: overdue for the parties together).
        public let overdue: Int
    }

    /// An instrument's commitments, a plan area's items, or the decisions of meetings.
    public struct Group: Codable, Sendable, Hashable {
        public let id: String
        /// `instrument`, `plan-area` or `decisions`.
        public let kind: String
        public let title: String
        public let targets: Int
        /// Targets with any party overdue.
        public let overdue: Int
        /// Targets with at least one piece of evidence dated by the as-of date.
        public let withEvidence: Int
        /// `withEvidence / targets`, 0 when there are no targets.
        public let evidenceCoverage: Double
        public let parties: [PartyCounts]
        /// The next review the instrument or plan calls for.
        public let nextReview: ReviewCalendar.Review?
        /// The marks of the instrument or plan and of the targets counted.
        public let marks: [ProvenanceMark]
    }

    public let asOf: CalendarDate
    public let groups: [Group]
    /// The first review after the as-of date, across all instruments and plans.
    public let nextReview: ReviewCalendar.Review?
    /// The banner when any group counts marked records.
    public let notice: ProvenanceNotice?
    /// How long the parties take to answer each other's requests (see `RequestRegister`).
    public let registers: RequestRegister

    /// Builds the dashboard of `state` (of `snapshot`).
    public init(snapshot: TrackerSnapshot, state: TrackerState) {
        asOf = state.asOf
        let calendar = ReviewCalendar(snapshot)
        let index = ProvenanceIndex(snapshot)
        var groups: [Group] = []
        func group(_ id: String, _ kind: String, _ title: String, _ states: [TargetState], review: ReviewCalendar.Review?,
                   owner: String? = nil) -> Group {
            var parties: [PartyCode] = []
            for state in states { for party in state.target.parties where !parties.contains(party) { parties.append(party) } }
            let counts = parties.map { party -> PartyCounts in
                var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, 0) })
                var overdue = 0, binding = 0
                for state in states {
                    guard let progress = state.progress(of: party) else { continue }
                    binding += 1
                    counts[progress.status.rawValue, default: 0] += 1
                    if progress.isOverdue || state.joint?.isOverdue == true { overdue += 1 }
                }
                return PartyCounts(party: party.code, targets: binding, counts: counts, overdue: overdue)
            }
            let withEvidence = states.filter { $0.parties.contains { !$0.evidence.isEmpty } }.count
            return Group(id: id, kind: kind, title: title, targets: states.count,
                         overdue: states.filter(\.isOverdue).count, withEvidence: withEvidence,
                         evidenceCoverage: states.isEmpty ? 0 : Double(withEvidence) / Double(states.count),
                         parties: counts, nextReview: review,
                         marks: states.reduce(owner.map(index.marks(of:)) ?? []) { $0.union($1.marks) }.ordered)
        }
        let byOwner = Dictionary(grouping: state.targets, by: { $0.target.id.owner })
        for instrument in snapshot.instruments {
            groups.append(group(instrument.id.rawValue, "instrument", instrument.title.preferred,
                                byOwner[instrument.id.rawValue] ?? [],
                                review: calendar.next(after: state.asOf, owner: instrument.id.rawValue),
                                owner: instrument.id.rawValue))
        }
        for plan in snapshot.plans {
            let review = calendar.next(after: state.asOf, owner: plan.id.rawValue)
            let states = byOwner[plan.id.rawValue] ?? []
            for area in plan.areas {
                let prefix = area.id + "."
                let inArea = states.filter { $0.target.id.local.hasPrefix(prefix) }
                groups.append(group("\(plan.id)#\(area.id)", "plan-area", area.title, inArea, review: review,
                                    owner: plan.id.rawValue))
            }
        }
        let decisions = state.targets.filter { $0.target.kind == .decision }
        if !decisions.isEmpty {
            groups.append(group("decisions", "decisions", L10n.t("Meeting decisions"), decisions, review: nil))
        }
        self.groups = groups
        nextReview = calendar.next(after: state.asOf)
        registers = RequestRegister(snapshot.requests, asOf: state.asOf)
        notice = ProvenanceNotice(Set(groups.flatMap { $0.marks + ($0.nextReview?.marks ?? []) } + (nextReview?.marks ?? []))
                                    .union(registers.marks))
    }

    /// The dashboard as terminal tables made to fit 80 columns in every language: the
    /// counts under short headings (on two lines where a language needs them), the marks
    /// every group carries said once after the heading and a group's other marks under its
    /// id, and each group's next review in a second table, its title clipped to the line.
    public func renderTerminal(style: TerminalStyle) -> String {
        let shown = groups.filter { !$0.parties.isEmpty }
        let common = shown.dropFirst().reduce(Set(shown.first?.marks ?? [])) { $0.intersection($1.marks) }
        var table = TextTable([
            .init(L10n.t("id")), .init(L10n.t("party")), .init(L10n.t("done", context: "status column"), .right),
            .init(L10n.t("in\nprogress", context: "column"), .right), .init(L10n.t("not\nstarted", context: "column"), .right),
            .init(L10n.t("blocked", context: "column"), .right), .init(L10n.t("overdue", context: "status column"), .right),
            .init(L10n.t("evidence", context: "status column"), .right),
        ])
        var reviews = TextTable([.init(L10n.t("id")), .init(L10n.t("next review")), .init(L10n.t("title", context: "column"))])
        var reviewed: [(id: String, date: String, title: String)] = []
        for group in shown {
            let marks = ProvenanceNotice.tags(group.marks.filter { !common.contains($0) })
            let rows = group.parties.count + (group.parties.count < 2 && !marks.isEmpty ? 1 : 0)
            for index in 0..<rows {
                let id = index == 0 ? group.id : index == 1 && !marks.isEmpty ? "  " + marks : ""
                guard index < group.parties.count else { table.add([id]); continue }
                let party = group.parties[index]
                let done = (party.counts["implemented"] ?? 0) + (party.counts["not-applicable"] ?? 0)
                let working = (party.counts["in-progress"] ?? 0) + (party.counts["partial"] ?? 0)
                table.add([
                    id,
                    party.party,
                    "\(done)/\(party.targets)",
                    "\(working)",
                    "\(party.counts["not-started"] ?? 0)",
                    "\(party.counts["blocked"] ?? 0)",
                    party.overdue > 0 ? style.red("\(party.overdue)") : "0",
                    index == 0 ? Percentage.text(group.withEvidence, of: group.targets) : "",
                ])
            }
            if let review = group.nextReview {
                reviewed.append((group.id, review.date.description, ProgressStyle.marked(review.title, review.marks)))
            }
        }
        // The title gets what the id and the date leave of 80 columns.
        let idWidth = ([L10n.t("id")] + reviewed.map(\.id)).map(DisplayWidth.of).max() ?? 0
        let dateWidth = ([L10n.t("next review")] + reviewed.map(\.date)).map(DisplayWidth.of).max() ?? 0
        let titleWidth = max(20, 80 - idWidth - dateWidth - 4)
        for review in reviewed { reviews.add([review.id, review.date, ProgressStyle.clip(review.title, titleWidth)]) }
        // The notice's prose wrapped to the terminal's 80 columns, as the notes below.
        let banner = ProgressStyle.banner(notice, style: style)
        var text = (banner.isEmpty ? "" : ProgressStyle.wrap(String(banner.dropLast(2))) + "\n\n") + style.bold(L10n.t("Status as of {1}", asOf))
            + ProvenanceNotice.suffix(ProvenanceMark.allCases.filter(common.contains)) + "\n\n"
            + table.render(style: style) + (reviews.rows.isEmpty ? "" : "\n" + reviews.render(style: style))
        text += "\n" + ProgressStyle.wrap(L10n.t("done: implemented or not applicable; evidence: targets with at least one piece of evidence")) + "\n"
        if let nextReview {
            // One line of 80 columns: the title is clipped, its mark and the cycle's name kept.
            let line = { (title: String) in
                L10n.t("next review: {1}", "\(nextReview.date) \(title) (\(nextReview.owner)/\(nextReview.cycle))")
            }
            let room = max(20, 80 - DisplayWidth.of(line("")))
            text += line(ProgressStyle.clip(ProgressStyle.marked(nextReview.title, nextReview.marks), room)) + "\n"
        }
        if !registers.isEmpty {
            text += "\n" + registerTable(style: style) + "\n" + ProgressStyle.wrap(RegisterLayout.explanation(registers)) + "\n"
        }
        return text
    }

    /// The registers' heading and table, made to fit an 80-column terminal in every language:
    /// the columns of ``RegisterLayout`` under short lowercase headings, as in the table
    /// above; the marks every row carries said once, after the heading; and the oldest open
    /// request of each row with one in a second table under the first.
    private func registerTable(style: TerminalStyle) -> String {
        let common = registers.rows.dropFirst().reduce(Set(registers.rows.first?.marks ?? [])) { $0.intersection($1.marks) }
        var table = TextTable([
            .init(L10n.t("request", context: "column")), .init(L10n.t("from → to", context: "column")),
            .init(L10n.t("year", context: "column"), .right), .init(L10n.t("sent", context: "column"), .right),
            .init(L10n.t("answered", context: "column"), .right), .init(L10n.t("median", context: "column"), .right),
            .init(L10n.t("open", context: "column"), .right),
        ])
        var waiting = TextTable([
            .init(L10n.t("request", context: "column")), .init(L10n.t("from → to", context: "column")),
            .init(L10n.t("year", context: "column"), .right), .init(L10n.t("oldest open", context: "column"), .right),
            .init(L10n.t("sent", context: "column")), .init(L10n.t("reference", context: "column")),
        ])
        for row in registers.rows {
            let request = ProgressStyle.marked(row.kind.label, row.marks.filter { !common.contains($0) })
            let parties = "\(row.from) → \(row.to)"
            table.add([request, parties, "\(row.year)", "\(row.sent)", "\(row.answered)", row.medianDays?.text ?? "—", "\(row.open)"])
            if let oldest = row.oldestOpen {
                waiting.add([request, parties, "\(row.year)", L10n.t("{1} days", oldest.days.text), "\(oldest.sent)", oldest.reference])
            }
        }
        let heading = style.bold(RegisterLayout.heading) + ProvenanceNotice.suffix(ProvenanceMark.allCases.filter(common.contains))
        return heading + "\n\n" + table.render(style: style)
            + (waiting.rows.isEmpty ? "" : "\n" + waiting.render(style: style))
    }
}

extension Dictionary where Key == String, Value == String {
    /// The title in the run's language, else the English one, else the first by language
    /// tag; for a reader of Vietnamese or Khmer a title in another language is followed by
    /// the tag of its language (`Agreement on … [en]`), as the summary marks what is
    /// untranslated. Output for programs is English and shows no tag.
    var preferred: String {
        let language = L10n.language.rawValue
        if let own = self[language] { return own }
        guard let (tag, title) = self["en"].map({ ("en", $0) }) ?? sorted(by: { $0.key < $1.key }).first.map({ ($0.key, $0.value) }) else {
            return ""
        }
        return L10n.language == .english ? title : "\(title) [\(tag)]"
    }
}
