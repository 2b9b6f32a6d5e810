extension ReviewSummary {
    /// Builds the summary for `meeting` (or for a review at the as-of date when nil).
    ///
    /// The period runs after `since`, else after the previous meeting (the latest one
    /// before `meeting`, or on or before the as-of date), through the as-of date.
    /// Restricted evidence is left out of the evidence list and the statistics unless
    /// `redaction` includes it; it still counts for progress and gaps, as everywhere.
    public init(
        snapshot: TrackerSnapshot, state: TrackerState, meeting: Meeting?, since: CalendarDate?,
        schedule: ReviewSchedule, gaps: GapReport, textChanges: [TextChange], redaction: Redaction
    ) {
        let asOf = state.asOf
        let previous = Self.previousMeeting(of: meeting, in: snapshot, asOf: asOf)
        let start = since ?? previous?.date
        func inPeriod(_ date: CalendarDate) -> Bool { date <= asOf && start.map { date > $0 } ?? true }

        let index = ProvenanceIndex(snapshot)
        trackerName = snapshot.settings?.name ?? "accord tracker"
        parties = snapshot.settings?.parties.map { Party(code: $0.code, name: $0.name) } ?? []
        self.meeting = meeting.map { meeting in
            var info = MeetingInfo(meeting)
            info.marks = index.marks(of: meeting.id.rawValue).ordered
            return info
        }
        self.asOf = asOf
        self.since = start
        previousMeeting = since == nil ? previous?.id : nil
        let reports = Self.reports(snapshot: snapshot, inPeriod: inPeriod)
        statusChanges = Self.statusChanges(reports, snapshot: snapshot, inPeriod: inPeriod).map { change in
            var change = change
            change.marks = index.marks(of: change.target.description).ordered
            return change
        }
        // Withdrawn evidence counts for nothing (a summary regenerated later leaves it out).
        let evidence = snapshot.evidence.filter { inPeriod($0.date) && snapshot.withdrawn[$0.id] == nil }
        newEvidence = evidence.filter { !redaction.hides($0) }.map(redaction.apply).map { item in
            var entry = EvidenceEntry(id: item.id, date: item.date, kind: item.kind.rawValue, title: item.provenance.shown("title", item.title),
                                      party: item.party, supports: item.supports)
            entry.marks = ProvenanceIndex.marks(of: item).ordered
            entry.note = item.note
            return entry
        }
        restrictedOmitted = evidence.count { redaction.hides($0) }
        let partyCodes = snapshot.settings?.partyCodes ?? []
        previousMeetingTitle = since == nil ? previous.map { "\($0.provenance.shown("title", $0.title)) (\($0.date))" } : nil
        followUp = previous.map { ActionLog.entries(of: $0, state: state, parties: partyCodes, redaction: redaction) } ?? []
        self.textChanges = textChanges
        progress = Self.progress(snapshot: snapshot, state: state, index: index)
        self.gaps = gaps
        nextReview = schedule.upcoming.first
        indicators = Self.indicators(snapshot: snapshot, asOf: asOf, redaction: redaction)
        planTargets = Self.planTargets(snapshot: snapshot, asOf: asOf, redaction: redaction, index: index)
        agenda = Self.agenda(gaps: gaps, nextReview: schedule.upcoming.first, statusChanges: statusChanges.count,
                             evidence: newEvidence.count + restrictedOmitted, textChanges: textChanges.count,
                             since: start, previous: since == nil ? previous : nil, followUp: followUp)
        actionLog = meeting.map { ActionLog.entries(of: $0, state: state, parties: partyCodes, redaction: redaction) } ?? []
        sides = Self.sides(reports: reports, evidence: newEvidence, state: state, snapshot: snapshot, parties: partyCodes)
        jointStandings = Self.jointStandings(reports: reports, state: state, snapshot: snapshot, index: index)
        registers = RequestRegister(snapshot.requests, asOf: asOf)
        var used = Set(self.meeting?.marks ?? [])
        used.formUnion(registers.marks)
        used.formUnion(followUp.flatMap(\.marks) + actionLog.flatMap(\.marks) + reports.flatMap(\.marks))
        used.formUnion(jointStandings.flatMap(\.marks))
        // A target is shown where it has a value, and on its indicator's chart.
        let charted = Set(indicators.map(\.indicator))
        used.formUnion(planTargets.filter { $0.actual != nil || charted.contains($0.indicator) }.flatMap(\.marks))
        if meeting?.decisions.contains(where: \.provenance.illustrative) == true { used.insert(.illustrative) }
        used.formUnion(statusChanges.flatMap(\.marks) + newEvidence.flatMap(\.marks) + progress.flatMap(\.marks))
        used.formUnion(gaps.gaps.flatMap(\.marks) + indicators.flatMap { $0.points.flatMap(\.marks) })
        used.formUnion((nextReview?.marks ?? []) + (nextReview?.dueBefore.flatMap(\.marks) ?? []))
        used.formUnion(textChanges.flatMap { index.marks(of: $0.instrument.rawValue) })
        let referenced = (self.meeting?.reviews ?? []) + newEvidence.flatMap { $0.supports.map(\.description) }
            + sides.flatMap { $0.evidence.flatMap { $0.supports.map(\.description) } }
        for id in referenced {
            let marks = index.marks(of: id).ordered
            if !marks.isEmpty { referenceMarks[id] = marks }
        }
        used.formUnion(referenceMarks.values.joined())
        notice = ProvenanceNotice(used)
    }

    /// The reports of `reports` (``reports(snapshot:inPeriod:)``) whose status differs from
    /// the party's previous report, by date then report id.
    static func statusChanges(_ reports: [ReportEntry], snapshot: TrackerSnapshot,
                              inPeriod: (CalendarDate) -> Bool) -> [StatusChange] {
        var changes = reports.filter { $0.status != $0.from }.map {
            StatusChange(date: $0.date, target: $0.target, summary: $0.summary, party: $0.party, from: $0.from, to: $0.status,
                         report: $0.report)
        }
        // Reports on no known target (a problem `validate` reports) still count, by target and party.
        var current: [String: Status] = [:]
        for report in snapshot.reportGroups.unfiled.count > 0 ? snapshot.reportGroups.unfiled.reports : []
        where snapshot.withdrawn[report.id] == nil {
            let key = "\(report.target) \(report.party)"
            let before = current[key] ?? .notStarted
            current[key] = report.status
            if inPeriod(report.date), before != report.status {
                changes.append(StatusChange(date: report.date, target: report.target,
                                            summary: snapshot.target(report.target)?.shownSummary ?? "", party: report.party,
                                            from: before, to: report.status, report: report.id))
            }
        }
        return changes.sorted { ($0.date, $0.report) < ($1.date, $1.report) }
    }

    /// A tally per party for each area of each plan adopted by the as-of date, then for
    /// each instrument's commitment register.
    static func progress(snapshot: TrackerSnapshot, state: TrackerState, index: ProvenanceIndex) -> [AreaProgress] {
        func marked(_ area: AreaProgress, owner: String, _ targets: [TargetState]) -> AreaProgress {
            var area = area
            area.marks = targets.reduce(index.marks(of: owner)) { $0.union($1.marks) }.ordered
            return area
        }
        func tally(_ targets: [TargetState], parties: [PartyCode]) -> [PartyTally] {
            parties.map { party in
                let progress = targets.compactMap { $0.progress(of: party) }
                // A target the party never reported on is "not reported", not "not started".
                let statuses = progress.filter { $0.latestDate != nil }.map(\.status)
                return PartyTally(party: party, statuses: Dictionary(grouping: statuses) { $0 }.mapValues(\.count),
                                  total: progress.count, notReported: progress.count - statuses.count)
            }
        }
        let parties = snapshot.settings?.partyCodes ?? []
        var areas: [AreaProgress] = []
        for plan in snapshot.plans where plan.adopted.date <= state.asOf {
            for area in plan.areas {
                let targets = area.items.compactMap { QualifiedID(owner: plan.id.rawValue, local: $0.id).flatMap(state.target) }
                areas.append(marked(AreaProgress(id: "\(plan.id)#\(area.id)", title: area.title,
                                                 parties: tally(targets, parties: parties)), owner: plan.id.rawValue, targets))
            }
        }
        let language = snapshot.settings?.languages.first ?? "en"
        for instrument in snapshot.instruments {
            let targets = state.targets.filter {
                $0.target.kind == .commitment && $0.target.id.owner == instrument.id.rawValue
                    && snapshot.binds($0.target, on: state.asOf)
            }
            guard !targets.isEmpty else { continue }
            let title = instrument.title[language] ?? instrument.title.values.sorted().first ?? instrument.id.rawValue
            areas.append(marked(AreaProgress(id: instrument.id.rawValue, title: title, parties: tally(targets, parties: parties)),
                                owner: instrument.id.rawValue, targets))
        }
        return areas
    }

    /// Indicator values of the evidence up to the as-of date, by indicator and scope in the
    /// order accord.yaml declares them; where evidence disagrees the latest gives the value
    /// and the others are kept beside it.
    static func indicators(snapshot: TrackerSnapshot, asOf: CalendarDate, redaction: Redaction) -> [IndicatorSeries] {
        struct Key: Hashable { let indicator: String; let scope: String? }
        typealias Given = (value: Double, evidence: RecordID, source: String?, ownSource: Bool, illustrative: Bool, party: PartyCode?,
                           breakdowns: [Evidence.Breakdown])
        var values: [Key: [String: [Given]]] = [:]
        for evidence in snapshot.evidence where evidence.date <= asOf && !redaction.hides(evidence) && snapshot.withdrawn[evidence.id] == nil {
            for value in redaction.apply(evidence).values {
                values[Key(indicator: value.indicator, scope: value.scope), default: [:]][value.period ?? "", default: []]
                    .append((value.value, evidence.id, value.provenance.source ?? evidence.source, value.provenance.source != nil,
                             value.provenance.illustrative || evidence.provenance.illustrative, evidence.party, value.breakdowns))
            }
        }
        let declared = snapshot.settings?.indicators ?? []
        let planIndicators = snapshot.plans.flatMap(\.items).flatMap(\.indicators)
        let scopes = snapshot.settings?.scopes ?? []
        func rank(_ key: Key) -> (Int, Int, String, String) {
            (declared.firstIndex { $0.id == key.indicator } ?? Int.max,
             key.scope.flatMap { scope in scopes.firstIndex { $0.id == scope } } ?? Int.max,
             key.indicator, key.scope ?? "")
        }
        return values.keys.sorted { rank($0) < rank($1) }.map { key in
            let indicator = declared.first { $0.id == key.indicator } ?? planIndicators.first { $0.id == key.indicator }
            let points = values[key]!.keys.sorted().map { period -> IndicatorPoint in
                let given = values[key]![period]!  // evidence order: date, then id
                // The latest figure given on the evidence's own authority; a figure carrying a
                // source of its own is a second source's count, shown beside it.
                let latest = given.last { !$0.ownSource } ?? given.last!
                let others = given.map(\.value).filter { $0 != latest.value }
                var point = IndicatorPoint(period: period, value: latest.value, evidence: latest.evidence,
                                           otherValues: Array(Set(others)).sorted())
                point.party = latest.party
                if given.count > 1 {
                    point.attributions = given.map { given in
                        var attribution = Attribution(value: given.value, source: given.source, evidence: given.evidence)
                        attribution.party = given.party
                        return attribution
                    }
                }
                point.marks = given.contains(where: \.illustrative) ? [.illustrative] : []
                point.breakdowns = given.flatMap { given in
                    given.breakdowns.map { breakdown in
                        var figure = BreakdownFigure(dimension: breakdown.dimension, parts: breakdown.parts, value: given.value,
                                                     sum: breakdown.sum, source: given.source, evidence: given.evidence)
                        figure.party = given.party
                        return figure
                    }
                }
                return point
            }
            var series = IndicatorSeries(
                indicator: key.indicator, title: indicator?.title ?? key.indicator, unit: indicator?.unit,
                scope: key.scope, scopeTitle: key.scope.flatMap { scope in scopes.first { $0.id == scope }?.title },
                points: points)
            series.totals = Self.totals(points)
            series.definition = indicator?.definition
            return series
        }
    }

    /// Every indicator of an item of a plan adopted by the as-of date that has a target,
    /// with the latest value evidence gives for it (any scope) by that date.
    static func planTargets(snapshot: TrackerSnapshot, asOf: CalendarDate, redaction: Redaction,
                            index: ProvenanceIndex) -> [PlanTarget] {
        var latest: [String: (value: Double, period: String?, scope: String?, evidence: RecordID, illustrative: Bool)] = [:]
        for evidence in snapshot.evidence where evidence.date <= asOf && !redaction.hides(evidence) && snapshot.withdrawn[evidence.id] == nil {
            for value in evidence.values {  // evidence comes in date order: the last one stays
                latest[value.indicator] = (value.value, value.period, value.scope, evidence.id,
                                           evidence.provenance.illustrative || value.provenance.illustrative)
            }
        }
        var targets: [PlanTarget] = []
        for plan in snapshot.plans where plan.adopted.date <= asOf {
            for item in plan.items {
                guard let id = QualifiedID(owner: plan.id.rawValue, local: item.id) else { continue }
                for indicator in item.indicators {
                    guard let target = indicator.target else { continue }
                    let found = latest[indicator.id]
                    let declared = snapshot.settings?.indicators.first { $0.id == indicator.id }
                    var entry = PlanTarget(item: id, indicator: indicator.id, title: indicator.title ?? declared?.title ?? indicator.id,
                                           unit: indicator.unit ?? declared?.unit, target: target, actual: found?.value,
                                           period: found?.period, evidence: found?.evidence)
                    entry.scope = found?.scope
                    var marks = index.marks(of: id.description)
                    if found?.illustrative == true { marks.insert(.illustrative) }
                    entry.marks = marks.ordered
                    targets.append(entry)
                }
            }
        }
        return targets
    }

    /// The reported totals among `points` (periods `yyyy-yyyy` or `yyyy–yyyy`), each with the sum of the
    /// yearly points of its span.
    static func totals(_ points: [IndicatorPoint]) -> [TotalCheck] {
        let yearly = Dictionary(points.filter { $0.period.count == 4 && Int($0.period) != nil }.map { ($0.period, $0.value) },
                                uniquingKeysWith: { first, _ in first })
        return points.compactMap { point -> TotalCheck? in
            let ends = point.period.split { $0 == "-" || $0 == "–" }
            guard ends.count == 2, ends.allSatisfy({ $0.count == 4 }), let first = Int(ends[0]), let last = Int(ends[1]),
                  first < last, last - first < 100 else { return nil }
            let years = (first...last).map(String.init)
            return TotalCheck(period: point.period, reported: point.value, computed: years.compactMap { yearly[$0] }.reduce(0, +),
                              missingYears: years.filter { yearly[$0] == nil })
        }
    }

    /// The meeting whose decisions a summary follows up, and after which its period starts:
    /// for a meeting, the previous one of its body (``Meeting/previous(in:)``); for a summary
    /// at a date, the latest meeting held on or before it.
    public static func previousMeeting(of meeting: Meeting?, in snapshot: TrackerSnapshot, asOf: CalendarDate) -> Meeting? {
        if let meeting { return meeting.previous(in: snapshot.meetings) }
        return snapshot.meetings.last { !$0.planned && $0.date <= asOf }
    }

    /// Every filed report in the period (withdrawn ones left out), with the party's status on
    /// its target before it (not started when none), by date then report id. A group is one
    /// party's reports on one target, oldest first: the period is found in its heads, and
    /// only the reports in it are decoded, all groups' together.
    static func reports(snapshot: TrackerSnapshot, inPeriod: (CalendarDate) -> Bool) -> [ReportEntry] {
        var wanted: [(group: ReportGroup, places: [Int])] = []
        var before: [Status] = []
        for (target, groups) in snapshot.reportGroups.filed.enumerated() {
            for (party, group) in groups.enumerated() where group.count > 0 {
                var status = Status.notStarted
                var places: [Int] = []
                // Withdrawn reports count for nothing: the status before them carries on.
                let withdrawn = snapshot.withdrawnReports(target: target, party: party)
                for (index, head) in group.heads.enumerated() where !withdrawn.contains(index) {
                    if inPeriod(head.date) {
                        places.append(index)
                        before.append(status)
                    }
                    status = head.status
                }
                if !places.isEmpty { wanted.append((group, places)) }
            }
        }
        return zip(ReportGroup.reports(at: wanted).joined(), before).map { report, before in
            var entry = ReportEntry(date: report.date, target: report.target,
                                    summary: snapshot.target(report.target)?.shownSummary ?? "", party: report.party,
                                    from: before, status: report.status, note: report.note, report: report.id,
                                    evidence: report.evidence)
            entry.marks = ProvenanceIndex.marks(of: report).ordered
            return entry
        }
        .sorted { ($0.date, $0.report) < ($1.date, $1.report) }
    }

    /// One side per party, then the parties' joint records when there are any.
    static func sides(reports: [ReportEntry], evidence: [EvidenceEntry], state: TrackerState, snapshot: TrackerSnapshot,
                      parties: [PartyCode]) -> [Side] {
        let binding = state.targets.filter { snapshot.binds($0.target, on: state.asOf) }
        var sides = parties.map { party in
            let bound = binding.compactMap { $0.progress(of: party) }
            return Side(party: party, reports: reports.filter { $0.party == party },
                        evidence: evidence.filter { $0.party == party },
                        notReported: bound.count { $0.latestDate == nil }, bound: bound.count)
        }
        let jointReports = reports.filter { !parties.contains($0.party) }
        let jointEvidence = evidence.filter { $0.party.map { !parties.contains($0) } ?? true }
        if !jointReports.isEmpty || !jointEvidence.isEmpty {
            sides.append(Side(party: .joint, reports: jointReports, evidence: jointEvidence, notReported: 0, bound: 0))
        }
        return sides
    }

    /// Targets binding several parties, each of which has reported, with a report in the period.
    static func jointStandings(reports: [ReportEntry], state: TrackerState, snapshot: TrackerSnapshot,
                               index: ProvenanceIndex) -> [JointStanding] {
        var seen = Set<QualifiedID>()
        return reports.compactMap { report -> JointStanding? in
            guard seen.insert(report.target).inserted, let target = state.target(report.target),
                  target.parties.count > 1, target.parties.allSatisfy({ $0.latestDate != nil }) else { return nil }
            let given = target.parties.map { JointStanding.Given(party: $0.party, status: $0.status, date: $0.latestDate!) }
            let agreed: Status? = target.joint.flatMap { $0.latestDate != nil ? $0.status : nil }
                ?? (Set(given.map(\.status)).count == 1 ? given[0].status : nil)
            var standing = JointStanding(target: report.target, summary: target.target.shownSummary, statuses: given, agreed: agreed)
            standing.marks = target.marks.ordered
            return standing
        }.sorted { $0.target < $1.target }
    }

    /// How many overdue items the draft agenda names.
    static let agendaOverdue = 5

    /// Opening, progress in the period, one point per overdue target and per one-sided
    /// joint commitment, the next review, other business.
    static func agenda(gaps: GapReport, nextReview: ReviewSchedule.Review?, statusChanges: Int, evidence: Int,
                       textChanges: Int, since: CalendarDate?, previous: Meeting?, followUp: [ActionLogEntry] = []) -> [AgendaItem] {
        func byItem(_ rule: GapRule) -> [(item: String, gaps: [Gap])] {
            var order: [String] = []
            var grouped: [String: [Gap]] = [:]
            for gap in gaps.gaps where gap.rule == rule {
                if grouped[gap.item] == nil { order.append(gap.item) }
                grouped[gap.item, default: []].append(gap)
            }
            return order.map { ($0, grouped[$0]!) }
        }
        func parties(_ gaps: [Gap]) -> String {
            let named = gaps.compactMap(\.party).map(\.code)
            return named.isEmpty ? L10n.t("the parties together") : named.joined(separator: ", ")
        }
        var items = [AgendaItem(title: L10n.t("Opening and adoption of the agenda"), points: [])]
        if let previous, !followUp.isEmpty {
            items.append(AgendaItem(title: L10n.t("Follow-up of the decisions of {1} ({2})", previous.provenance.shown("title", previous.title), previous.date), points: followUp.map { entry in
                "\(entry.id) — \(entry.followUp.label)" + (entry.flags.isEmpty ? "" : " (" + entry.flags.map(\.label).joined(separator: ", ") + ")")
                    + ProvenanceNotice.suffix(entry.marks)
            }))
        }
        let period = previous.map { L10n.t("since {1} ({2})", $0.provenance.shown("title", $0.title), $0.date) } ?? since.map { L10n.t("since {1}", $0) } ?? L10n.t("to date")
        items.append(AgendaItem(title: L10n.t("Progress {1}", period), points: [
            L10n.t("{1}, {2}, {3}",
                   statusChanges == 1 ? L10n.t("1 status change") : L10n.t("{1} status changes", statusChanges),
                   evidence == 1 ? L10n.t("1 new piece of evidence") : L10n.t("{1} new pieces of evidence", evidence),
                   textChanges == 1 ? L10n.t("1 text revision") : L10n.t("{1} text revisions", textChanges)),
        ]))
        // The most recently overdue first, a few of them: the gaps section lists the others.
        let overdue = byItem(.overdue).sorted { ($0.gaps.compactMap(\.since).max() ?? .first) > ($1.gaps.compactMap(\.since).max() ?? .first) }
        if !overdue.isEmpty {
            var points = overdue.prefix(agendaOverdue).map { entry in
                let since = entry.gaps.compactMap(\.since).min().map { "; " + L10n.t("due {1}", $0) } ?? ""
                return "\(entry.item) — \(entry.gaps[0].title) (" + L10n.t("overdue for {1}", parties(entry.gaps)) + "\(since))"
                    + ProvenanceNotice.suffix(entry.gaps[0].marks)
            }
            if overdue.count > agendaOverdue { points.append(L10n.t("{1} more overdue (see the gaps)", overdue.count - agendaOverdue)) }
            items.append(AgendaItem(title: L10n.t("Overdue commitments and plan items"), points: points))
        }
        let oneSided = byItem(.oneSided)
        if !oneSided.isEmpty {
            items.append(AgendaItem(title: L10n.t("Joint commitments reported by one side only"), points: oneSided.map { entry in
                "\(entry.item) — \(entry.gaps[0].title) (" + L10n.t("nothing on record from {1}", parties(entry.gaps)) + ")"
                    + ProvenanceNotice.suffix(entry.gaps[0].marks)
            }))
        }
        if let nextReview {
            let host = nextReview.host.map { ", " + L10n.t("host {1}", $0) } ?? ""
            items.append(AgendaItem(title: L10n.t("Next review:") + " \(nextReview.title), \(nextReview.date)\(host)"
                                    + ProvenanceNotice.suffix(nextReview.marks), points: [
                nextReview.dueBefore.count == 1 ? L10n.t("1 item falls due before it") : L10n.t("{1} items fall due before it", nextReview.dueBefore.count),
            ]))
        }
        items.append(AgendaItem(title: L10n.t("Any other business"), points: []))
        return items
    }
}

extension ReviewSummary.MeetingInfo {
    init(_ meeting: Meeting) {
        self.init(
            id: meeting.id, title: meeting.provenance.shown("title", meeting.title), date: meeting.date, endDate: meeting.endDate, venue: meeting.venue,
            host: meeting.host, reviews: meeting.reviews.map(\.description), attendees: meeting.attendees,
            decisions: meeting.decisions.map { decision in
                "\(decision.id): \(decision.provenance.shown("text", decision.text))" + (decision.due.map { " (" + L10n.t("due {1}", $0.first) + ")" } ?? "")
                    + ProvenanceNotice.suffix(decision.provenance.illustrative ? [.illustrative] : [])
            })
        body = meeting.body
        coChairs = meeting.coChairs
        delegations = meeting.delegations.keys.sorted().map { ReviewSummary.Delegation(party: $0, members: meeting.delegations[$0]!) }
        agenda = meeting.agenda
        minutesSignedBy = meeting.minutesSignedBy
    }
}
