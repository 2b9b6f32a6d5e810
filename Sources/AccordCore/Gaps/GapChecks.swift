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
                           why: [binding(target.target), L10n.t("no evidence"), Self.statusFact(progress)],
                           toClose: L10n.t("File evidence that supports {1} for {2}.", target.target.id, progress.party))
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
                let joint = progress.party == .joint
                let together = target.target.parties.map(\.code).joined(separator: L10n.t(" and "))
                let settle = joint
                    ? L10n.t("{1} together (--party joint) report {2} implemented (with evidence), or not-applicable with a note.",
                             together, target.target.id)
                    : L10n.t("{1} reports {2} implemented (with evidence), or not-applicable with a note.", progress.party, target.target.id)
                var gaps = progress.overduePeriods.map { period -> Gap in
                    var why: [String] = []
                    if let schedule = target.target.schedule {
                        why.append(schedule.everyMonths.map { L10n.t("due every {1} months from {2}; period due {3}", $0, schedule.first, period.due) }
                                   ?? L10n.t("due {1}", period.due))
                    }
                    if let opens = period.opens { why.append(L10n.t("period {1} to {2}: no report settled it", opens, period.due)) }
                    why.append(contentsOf: Self.statusFacts(progress, of: target))
                    why.append(Self.evidenceFact(progress))
                    let close = target.target.schedule?.everyMonths != nil
                        ? (joint ? L10n.t("{1} together (--party joint) report the period due {2} as implemented, with evidence.", together, period.due)
                                 : L10n.t("{1} reports the period due {2} as implemented, with evidence.", progress.party, period.due))
                        : settle
                    return gap(.overdue, target, party, why: why, toClose: close, since: period.due)
                }
                if let end = target.target.end, end.isPassed(on: state.asOf), !progress.status.isSettled {
                    gaps.append(gap(.overdue, target, party,
                                    why: [L10n.t("plan period ended {1}", end)] + Self.statusFacts(progress, of: target) + [Self.evidenceFact(progress)],
                                    toClose: settle,
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
                let lastActivity = max(latest, progress.evidence.lastDate ?? latest)
                guard lastActivity.adding(months: staleAfterMonths) < state.asOf else { return nil }
                let silent = lastActivity.months(until: state.asOf)
                return gap(.stale, target, progress.party,
                           why: [Self.statusFact(progress), Self.evidenceFact(progress),
                                 L10n.t("nothing new for {1} months (threshold {2})", silent, staleAfterMonths)],
                           toClose: L10n.t("{1} reports the current status of {2}, with evidence.", progress.party, target.target.id),
                           since: lastActivity.adding(months: staleAfterMonths))
            }
        }
    }

    func noOwner() -> [Gap] {
        binding.flatMap { target in
            target.parties.compactMap { progress -> Gap? in
                guard target.target.responsible[progress.party] == nil else { return nil }
                let lead = target.target.kind == .planItem
                var why = [lead ? L10n.t("no lead agency named for {1}", progress.party)
                                : L10n.t("no responsible agency named for {1}", progress.party)]
                let named = target.target.responsible.keys.sorted().map { "\($0): \(target.target.responsible[$0]!)" }
                if !named.isEmpty { why.append(L10n.t("named: {1}", named.joined(separator: "; "))) }
                return gap(.noOwner, target, progress.party, why: why,
                           toClose: lead
                               ? L10n.t("Name {1}'s lead agency for {2} in {3}.", progress.party, target.target.id, snapshot.declaringFile(of: target.target))
                               : L10n.t("Name {1}'s responsible agency for {2} in {3}.", progress.party, target.target.id, snapshot.declaringFile(of: target.target)))
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
                ? L10n.t("no action plan carries out {1}", owner)
                : L10n.t("no item of {1} implements it", carrying.joined(separator: ", "))
            return gap(.uncovered, target, nil, why: [binding(target.target), planFact],
                       toClose: L10n.t("Add a plan item that implements {1}, with a lead agency and a period.", target.target.id))
        }
    }

    func oneSided() -> [Gap] {
        binding.filter(\.target.bindsEachSeparately).flatMap { target -> [Gap] in
            let active = target.parties.filter { !$0.reports.isEmpty || !$0.evidence.isEmpty }
            guard !active.isEmpty, active.count < target.parties.count else { return [] }
            let activeFacts = active.map { progress in
                L10n.t("{1}: {2}, {3} of evidence", progress.party,
                       progress.reports.count == 1 ? L10n.t("1 report") : L10n.t("{1} reports", progress.reports.count),
                       progress.evidence.count == 1 ? L10n.t("1 piece") : L10n.t("{1} pieces", progress.evidence.count))
                    + (progress.latestDate.map { "; " + L10n.t("latest {1} {2}", $0, progress.status.rawValue) } ?? "")
            }
            return target.parties.filter { progress in !active.contains { $0.party == progress.party } }.map { silent in
                gap(.oneSided, target, silent.party,
                    why: [L10n.t("binds each party separately")] + activeFacts + [L10n.t("{1}: no report or evidence", silent.party)],
                    toClose: L10n.t("{1} reports its progress on {2}, with evidence, so both sides are on record.", silent.party, target.target.id))
            }
        }
    }

    func amendedSinceEvidence() -> [Gap] {
        amendments.filter { $0.revisionDate <= state.asOf }.compactMap { finding -> Gap? in
            guard let target = state.target(finding.commitment), snapshot.binds(target.target, on: state.asOf) else { return nil }
            let languages = finding.languages.map { "text.\($0).md" }.joined(separator: ", ")
            return gap(.amendedSinceEvidence, target, nil,
                       why: [L10n.t("clause {1} changed {2} ({3}, {4})", finding.clause, finding.revisionDate, finding.revision, languages),
                             L10n.t("latest evidence {1} ({2})", finding.latestEvidenceDate, finding.latestEvidence)],
                       toClose: L10n.t("File evidence dated after {1} that speaks to the amended clause {2}.", finding.revisionDate, finding.clause),
                       since: finding.revisionDate)
        }
    }

    /// Decisions of meetings held by the as-of date that name no due date: the action log
    /// cannot say whether they are late, and no report can be filed on them.
    func noDueDate() -> [Gap] {
        let parties = snapshot.settings?.partyCodes ?? []
        return snapshot.meetings.filter { !$0.planned && $0.date <= state.asOf }.flatMap { meeting in
            meeting.decisions.filter { $0.due == nil }.map { decision -> Gap in
                var why = [L10n.t("decided {1} by {2}", meeting.date, meeting.id), L10n.t("no due date")]
                let unnamed = decision.bound.parties(of: parties).filter { decision.responsible[$0] == nil }
                if !unnamed.isEmpty { why.append(L10n.t("no responsible agency named for {1}", unnamed.map(\.code).joined(separator: ", "))) }
                var gap = Gap(rule: .noDueDate, item: "\(meeting.id)#\(decision.id)", instrument: meeting.id.rawValue,
                              title: decision.text, party: nil, why: why,
                              toClose: L10n.t("Give the decision a due date (due:) and the agencies responsible (responsible:) in {1}.", meeting.path),
                              since: meeting.date)
                if meeting.provenance.illustrative || decision.provenance.illustrative { gap.marks = [.illustrative] }
                return gap
            }
        }
    }

    // MARK: Rules on reviews and texts

    func reviewOverdue() -> [Gap] {
        schedule.missed.map { review in
            var why = [L10n.t("scheduled {1}", review.date)]
            if let host = review.host { why.append(L10n.t("host in turn {1}", host)) }
            why.append(L10n.t("no meeting reviewed it within {1} months (by {2})", schedule.toleranceMonths, review.date.adding(months: schedule.toleranceMonths)))
            if let late = review.lateMeeting, let date = review.lateMeetingDate {
                why.append(L10n.t("reviewed late on {1} by {2}, {3} months after", date, late, review.date.months(until: date)))
            }
            return Gap(rule: .reviewOverdue, item: review.id, instrument: review.instrument.rawValue, title: review.title,
                       party: review.host, why: why,
                       toClose: L10n.t("Record the meeting that held it (reviews: [{1}]), or hold the review and record it.", "\(review.instrument)/\(review.cycle)"),
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
                           why: [L10n.t("{1} revised {2} ({3})", "text.\(finding.latestLanguage).md", finding.latestRevision, finding.revision),
                                 L10n.t("{1} last revised {2}", "text.\(lag.language).md", lag.lastRevised)],
                           toClose: L10n.t("Revise {1} to match the {2} text of {3}, in one commit.", "text.\(lag.language).md", finding.latestLanguage, finding.latestRevision),
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
        case .commitment: return L10n.t("in force since {1}", snapshot.effectiveDate(of: target).map(String.init(describing:)) ?? "?")
        case .planItem:
            let period = [target.start, target.end].map { $0.map(String.init(describing:)) ?? "?" }
            return L10n.t("plan item {1} to {2}", period[0], period[1])
        case .decision: return L10n.t("decided {1}", snapshot.effectiveDate(of: target).map(String.init(describing:)) ?? "?")
        }
    }

    /// The status fact of `progress`; for the joint progress of a joint target, also where
    /// each party's own reports stand (they do not settle it, but say what is missing).
    static func statusFacts(_ progress: PartyProgress, of target: TargetState) -> [String] {
        guard progress.party == .joint else { return [statusFact(progress)] }
        let own = target.parties.filter { !$0.reports.isEmpty }
            .map { L10n.t("{1} alone: {2} {3}", $0.party, $0.latestDate.map(String.init(describing:)) ?? "", $0.status.rawValue) }
        return [progress.latestDate.map { L10n.t("latest joint report {1} {2}", $0, progress.status.rawValue) } ?? L10n.t("no joint report")] + own
    }

    /// `latest report 2016-03-01 in-progress`, or `no status report`.
    static func statusFact(_ progress: PartyProgress) -> String {
        progress.latestDate.map { L10n.t("latest report {1} {2}", $0, progress.status.rawValue) } ?? L10n.t("no status report")
    }

    /// `latest evidence 2016-10-05 (ev-…)`; restricted evidence is named by date only.
    static func evidenceFact(_ progress: PartyProgress) -> String {
        guard let last = progress.evidence.lastHead else { return L10n.t("no evidence") }
        return last.restricted
            ? L10n.t("latest evidence {1} (restricted)", last.date)
            : L10n.t("latest evidence {1} ({2})", last.date, last.id)
    }
}
