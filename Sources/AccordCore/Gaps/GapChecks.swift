/// The gap rules, one function each, over one tracker state. ``gaps(of:)`` is the table
/// from rule to check; every gap carries the dated facts behind it and a sentence on what
/// would close it.
struct GapChecks {
    let snapshot: TrackerSnapshot
    let state: TrackerState
    let schedule: ReviewSchedule
    let amendments: [AmendedSinceEvidence]
    let languageLags: [LanguagesOutOfStep]
    let staleAfterMonths: Int

    /// The targets binding at the as-of date.
    private var binding: [TargetState] {
        state.targets.filter { snapshot.binds($0.target, on: state.asOf) }
    }

    /// The gaps one rule finds.
    func gaps(of rule: GapRule) -> [Gap] {
        switch rule {
        case .noEvidence: noEvidence()
        case .overdue: overdue()
        case .stale: stale()
        case .noOwner: noOwner()
        case .uncovered: uncovered()
        case .oneSided: oneSided()
        case .amendedSinceEvidence: amendedSinceEvidence()
        case .reviewOverdue: reviewOverdue()
        case .languagesOutOfStep: languagesOutOfStep()
        case .noDueDate: noDueDate()
        }
    }

    // MARK: Rules on commitments, plan items and decisions

    func noEvidence() -> [Gap] {
        binding.flatMap { target in
            target.parties.compactMap { progress -> Gap? in
                guard progress.evidence.isEmpty, progress.status != .notApplicable else { return nil }
                if let start = target.target.start, start > state.asOf { return nil }
                return gap(.noEvidence, target, progress.party,
                           why: [binding(target.target), "no evidence", Self.statusFact(progress)],
                           toClose: "File evidence that supports \(target.target.id) for \(progress.party).")
            }
        }
    }

    /// One gap per period due and unsettled (see ``ReportingPeriod``), and one per plan item
    /// whose period ended unsettled. A joint target's gaps are the parties' together.
    func overdue() -> [Gap] {
        binding.flatMap { target in
            target.settling.flatMap { progress -> [Gap] in
                guard progress.isOverdue else { return [] }
                let party = progress.party == .joint ? nil : progress.party
                let who = progress.party == .joint
                    ? target.target.parties.map(\.code).joined(separator: " and ") + " together (--party joint)"
                    : "\(progress.party)"
                let reports = progress.party == .joint ? "report" : "reports"
                var gaps = progress.overduePeriods.map { period -> Gap in
                    var why: [String] = []
                    if let schedule = target.target.schedule {
                        why.append(schedule.everyMonths.map { "due every \($0) months from \(schedule.first); period due \(period.due)" }
                                   ?? "due \(period.due)")
                    }
                    if let opens = period.opens { why.append("period \(opens) to \(period.due): no report settled it") }
                    why.append(contentsOf: Self.statusFacts(progress, of: target))
                    why.append(Self.evidenceFact(progress))
                    let close = target.target.schedule?.everyMonths != nil
                        ? "\(who) \(reports) the period due \(period.due) as implemented, with evidence."
                        : "\(who) \(reports) \(target.target.id) implemented (with evidence), or not-applicable with a note."
                    return gap(.overdue, target, party, why: why, toClose: close, since: period.due)
                }
                if let end = target.target.end, end.isPassed(on: state.asOf), !progress.status.isSettled {
                    gaps.append(gap(.overdue, target, party,
                                    why: ["plan period ended \(end)"] + Self.statusFacts(progress, of: target) + [Self.evidenceFact(progress)],
                                    toClose: "\(who) \(reports) \(target.target.id) implemented (with evidence), or not-applicable with a note.",
                                    since: end))
                }
                return gaps
            }
        }
    }

    func stale() -> [Gap] {
        binding.flatMap { target in
            target.parties.compactMap { progress -> Gap? in
                guard progress.status == .inProgress || progress.status == .partial, let latest = progress.latestDate else { return nil }
                let lastActivity = max(latest, progress.evidence.last?.date ?? latest)
                guard lastActivity.adding(months: staleAfterMonths) < state.asOf else { return nil }
                let silent = lastActivity.months(until: state.asOf)
                return gap(.stale, target, progress.party,
                           why: [Self.statusFact(progress), Self.evidenceFact(progress),
                                 "nothing new for \(silent) months (threshold \(staleAfterMonths))"],
                           toClose: "\(progress.party) reports the current status of \(target.target.id), with evidence.",
                           since: lastActivity.adding(months: staleAfterMonths))
            }
        }
    }

    func noOwner() -> [Gap] {
        binding.flatMap { target in
            target.parties.compactMap { progress -> Gap? in
                guard target.target.responsible[progress.party] == nil else { return nil }
                let role = target.target.kind == .planItem ? "lead" : "responsible"
                var why = ["no \(role) agency named for \(progress.party)"]
                let named = target.target.responsible.keys.sorted().map { "\($0): \(target.target.responsible[$0]!)" }
                if !named.isEmpty { why.append("named: " + named.joined(separator: "; ")) }
                return gap(.noOwner, target, progress.party, why: why,
                           toClose: "Name \(progress.party)'s \(role) agency for \(target.target.id) in \(snapshot.declaringFile(of: target.target)).")
            }
        }
    }

    func uncovered() -> [Gap] {
        let plans = snapshot.plans.filter { $0.adopted.date <= state.asOf }
        let implemented = Set(plans.flatMap(\.items).flatMap(\.implements))
        return binding.compactMap { target -> Gap? in
            guard target.target.kind == .commitment, !implemented.contains(target.target.id),
                  !target.settling.allSatisfy({ $0.status.isSettled }) else { return nil }
            let owner = target.target.id.owner
            let carrying = plans.filter { $0.implements.contains { $0.rawValue == owner } }.map(\.id.rawValue)
            let planFact = carrying.isEmpty
                ? "no action plan carries out \(owner)"
                : "no item of \(carrying.joined(separator: ", ")) implements it"
            return gap(.uncovered, target, nil, why: [binding(target.target), planFact],
                       toClose: "Add a plan item that implements \(target.target.id), with a lead agency and a period.")
        }
    }

    func oneSided() -> [Gap] {
        binding.filter(\.target.bindsEachSeparately).flatMap { target -> [Gap] in
            let active = target.parties.filter { !$0.reports.isEmpty || !$0.evidence.isEmpty }
            guard !active.isEmpty, active.count < target.parties.count else { return [] }
            let activeFacts = active.map { progress in
                "\(progress.party): \(Self.count(progress.reports.count, "report")), \(Self.count(progress.evidence.count, "piece", "pieces")) of evidence"
                    + (progress.latestDate.map { "; latest \($0) \(progress.status.rawValue)" } ?? "")
            }
            return target.parties.filter { progress in !active.contains { $0.party == progress.party } }.map { silent in
                gap(.oneSided, target, silent.party,
                    why: ["binds each party separately"] + activeFacts + ["\(silent.party): no report or evidence"],
                    toClose: "\(silent.party) reports its progress on \(target.target.id), with evidence, so both sides are on record.")
            }
        }
    }

    func amendedSinceEvidence() -> [Gap] {
        amendments.filter { $0.revisionDate <= state.asOf }.compactMap { finding -> Gap? in
            guard let target = state.target(finding.commitment), snapshot.binds(target.target, on: state.asOf) else { return nil }
            let languages = finding.languages.map { "text.\($0).md" }.joined(separator: ", ")
            return gap(.amendedSinceEvidence, target, nil,
                       why: ["clause \(finding.clause) changed \(finding.revisionDate) (\(finding.revision), \(languages))",
                             "latest evidence \(finding.latestEvidenceDate) (\(finding.latestEvidence))"],
                       toClose: "File evidence dated after \(finding.revisionDate) that speaks to the amended clause \(finding.clause).",
                       since: finding.revisionDate)
        }
    }

    /// Decisions of meetings held by the as-of date that name no due date: the action log
    /// cannot say whether they are late, and no report can be filed on them.
    func noDueDate() -> [Gap] {
        let parties = snapshot.settings?.partyCodes ?? []
        return snapshot.meetings.filter { !$0.planned && $0.date <= state.asOf }.flatMap { meeting in
            meeting.decisions.filter { $0.due == nil }.map { decision -> Gap in
                var why = ["decided \(meeting.date) by \(meeting.id)", "no due date"]
                let unnamed = decision.bound.parties(of: parties).filter { decision.responsible[$0] == nil }
                if !unnamed.isEmpty { why.append("no responsible agency named for \(unnamed.map(\.code).joined(separator: ", "))") }
                var gap = Gap(rule: .noDueDate, item: "\(meeting.id)#\(decision.id)", instrument: meeting.id.rawValue,
                              title: decision.text, party: nil, why: why,
                              toClose: "Give the decision a due date (due:) and the agencies responsible (responsible:) in \(meeting.path).",
                              since: meeting.date)
                if meeting.provenance.illustrative || decision.provenance.illustrative { gap.marks = [.illustrative] }
                return gap
            }
        }
    }

    // MARK: Rules on reviews and texts

    func reviewOverdue() -> [Gap] {
        schedule.missed.map { review in
            var why = ["scheduled \(review.date)"]
            if let host = review.host { why.append("host in turn \(host)") }
            why.append("no meeting reviewed it within \(schedule.toleranceMonths) months (by \(review.date.adding(months: schedule.toleranceMonths)))")
            if let late = review.lateMeeting, let date = review.lateMeetingDate {
                why.append("reviewed late on \(date) by \(late), \(review.date.months(until: date)) months after")
            }
            return Gap(rule: .reviewOverdue, item: review.id, instrument: review.instrument.rawValue, title: review.title,
                       party: review.host, why: why,
                       toClose: "Record the meeting that held it (reviews: [\(review.instrument)/\(review.cycle)]), or hold the review and record it.",
                       since: review.date.adding(months: schedule.toleranceMonths))
        }
    }

    func languagesOutOfStep() -> [Gap] {
        languageLags.filter { $0.latestRevision <= state.asOf }.flatMap { finding in
            finding.lagging.map { lag in
                let instrument = snapshot.instrument(finding.instrument)
                let title = instrument?.title[lag.language] ?? instrument?.title.values.sorted().first ?? finding.instrument.rawValue
                return Gap(rule: .languagesOutOfStep, item: "\(finding.instrument) text.\(lag.language).md",
                           instrument: finding.instrument.rawValue, title: title, party: nil,
                           why: ["text.\(finding.latestLanguage).md revised \(finding.latestRevision) (\(finding.revision))",
                                 "text.\(lag.language).md last revised \(lag.lastRevised)"],
                           toClose: "Revise text.\(lag.language).md to match the \(finding.latestLanguage) text of \(finding.latestRevision), in one commit.",
                           since: finding.latestRevision)
            }
        }
    }

    // MARK: Facts

    private func gap(_ rule: GapRule, _ target: TargetState, _ party: PartyCode?, why: [String], toClose: String,
                     since: CalendarDate? = nil) -> Gap {
        Gap(rule: rule, item: target.target.id.description, instrument: target.target.id.owner,
            title: target.target.summary, party: party, why: why, toClose: toClose, since: since)
    }

    /// `in force since 2005-10-10`, `plan item 2017-01-01 to 2017-06-30`, `decided 2016-10-04`.
    private func binding(_ target: TrackedTarget) -> String {
        switch target.kind {
        case .commitment: return "in force since \(snapshot.effectiveDate(of: target).map(String.init(describing:)) ?? "?")"
        case .planItem:
            let period = [target.start, target.end].map { $0.map(String.init(describing:)) ?? "?" }
            return "plan item \(period[0]) to \(period[1])"
        case .decision: return "decided \(snapshot.effectiveDate(of: target).map(String.init(describing:)) ?? "?")"
        }
    }

    /// The status fact of `progress`; for the joint progress of a joint target, also where
    /// each party's own reports stand (they do not settle it, but say what is missing).
    static func statusFacts(_ progress: PartyProgress, of target: TargetState) -> [String] {
        guard progress.party == .joint else { return [statusFact(progress)] }
        let own = target.parties.filter { !$0.reports.isEmpty }
            .map { "\($0.party) alone: \($0.latestDate.map(String.init(describing:)) ?? "") \($0.status.rawValue)" }
        return [progress.latestDate.map { "latest joint report \($0) \(progress.status.rawValue)" } ?? "no joint report"] + own
    }

    /// `latest report 2016-03-01 in-progress`, or `no status report`.
    static func statusFact(_ progress: PartyProgress) -> String {
        progress.latestDate.map { "latest report \($0) \(progress.status.rawValue)" } ?? "no status report"
    }

    /// `latest evidence 2016-10-05 (ev-…)`; restricted evidence is named by date only.
    static func evidenceFact(_ progress: PartyProgress) -> String {
        guard let last = progress.evidence.last else { return "no evidence" }
        return last.sensitivity == .restricted
            ? "latest evidence \(last.date) (restricted)"
            : "latest evidence \(last.date) (\(last.id))"
    }

    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
