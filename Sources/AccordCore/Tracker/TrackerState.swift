/// Where every commitment, plan item and decision stands at a date: a fold over the
/// records of one snapshot dated on or before that date.
///
/// Nothing here is stored: overdue, for instance, is computed from due dates and plan
/// periods each time, so the state at a past date is as it was then.
public struct TrackerState: Sendable {
    /// The date the state is evaluated at.
    public let asOf: CalendarDate
    /// Every target, by id.
    public let targets: [TargetState]

    private let index: [QualifiedID: Int]

    /// Folds the records of `snapshot` dated on or before `asOf`; given `owners`, only for
    /// the targets of those instruments, plans and meetings (what `accord show` of one of
    /// them needs), the others left out.
    public init(_ snapshot: TrackerSnapshot, asOf: CalendarDate, owners: Set<String>? = nil) {
        self.asOf = asOf
        // Reports come filed by target and party, oldest first (see ``ReportGroups``): the
        // state reads their heads and leaves the reports themselves to whoever needs them.
        let allTargets = snapshot.targets
        let groups = snapshot.reportGroups.filed
        // Evidence by position in the snapshot, known by its heads: no piece is parsed here.
        // For a few owners, only their evidence and the evidence their reports cite count.
        let store = snapshot.evidenceStore
        let positions = owners.map { owners in allTargets.indices.filter { owners.contains(allTargets[$0].id.owner) } }
            ?? Array(allTargets.indices)
        let candidates: [Int]
        if let owners {
            var found = Set(owners.flatMap(store.positions(supporting:)))
            for position in positions {
                for group in groups[snapshot.targetPosition(allTargets[position].id) ?? position] {
                    for id in group.heads[..<group.count(through: asOf)].flatMap(\.evidence) {
                        if let cited = store.position(of: id) { found.insert(cited) }
                    }
                }
            }
            candidates = found.sorted()
        } else {
            candidates = Array(0..<store.count)
        }
        var evidenceByTarget: [QualifiedID: [Int]] = [:]
        var evidenceByID: [RecordID: Int] = [:]
        evidenceByID.reserveCapacity(candidates.count)
        for position in candidates {
            let head = store.heads[position]
            guard head.date <= asOf, snapshot.withdrawn[head.id] == nil else { continue }
            if evidenceByID[head.id] == nil { evidenceByID[head.id] = position }
            for target in head.supports.count == 1 ? head.supports : Array(Set(head.supports)) {
                evidenceByTarget[target, default: []].append(position)
            }
        }
        // Each target stands alone from here: folded on all cores.
        targets = ParallelMap.map(positions) { [evidenceByTarget, evidenceByID] position in
            let target = allTargets[position]
            let supporting = evidenceByTarget[target.id] ?? []
            // Reports were filed under the first target with the id (a repeated id is a
            // problem `validate` reports; the state still shows what it can).
            let filed = snapshot.targetPosition(target.id) ?? position
            func progress(_ party: PartyCode, settles: Bool) -> PartyProgress {
                let slot = allTargets[filed].reportingParties.firstIndex(of: party)
                let group = slot.map { groups[filed][$0] } ?? .empty
                let own = ReportList(group, count: group.count(through: asOf),
                                     withdrawn: slot.map { snapshot.withdrawnReports(target: filed, party: $0) } ?? [])
                let cited = own.heads.flatMap(\.evidence).compactMap { evidenceByID[$0] }
                let relevant = supporting.filter { store.heads[$0].party == nil || store.heads[$0].party == party } + cited
                // Positions follow the snapshot's order (date, then id): sorted, they are in
                // order. An id given twice (a problem `validate` reports) is shown once.
                var seen = Set<RecordID>()
                let evidence = Set(relevant).sorted().filter { seen.insert(store.heads[$0].id).inserted }
                return PartyProgress(party: party, target: target, reports: own, evidence: EvidenceList(store, positions: evidence),
                                     asOf: asOf, settles: settles)
            }
            // A joint target is settled by the parties' joint reports; each party's own
            // reports still show where it stands, without settling anything.
            let parties = target.parties.map { progress($0, settles: !target.isJoint) }
            return TargetState(target: target, parties: parties, joint: target.isJoint ? progress(.joint, settles: true) : nil)
        }
        index = Dictionary(targets.enumerated().map { ($1.target.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The state of the target with `id`.
    public func target(_ id: QualifiedID) -> TargetState? {
        index[id].map { targets[$0] }
    }
}

/// One target at the as-of date, with the progress of each party it binds.
public struct TargetState: Sendable {
    /// The commitment, plan item or decision.
    public let target: TrackedTarget
    /// One entry per bound party, in the target's party order.
    public let parties: [PartyProgress]
    /// For a joint target, the reports the parties made together, which alone settle it.
    public let joint: PartyProgress?

    init(target: TrackedTarget, parties: [PartyProgress], joint: PartyProgress? = nil) {
        self.target = target
        self.parties = parties
        self.joint = joint
    }

    /// The progress that settles the target: the joint one for a joint target, else each
    /// party's.
    public var settling: [PartyProgress] { joint.map { [$0] } ?? parties }

    /// The progress of `party`, if the target binds it.
    public func progress(of party: PartyCode) -> PartyProgress? {
        parties.first { $0.party == party }
    }

    /// Whether any party is overdue (for a joint target: the parties together).
    public var isOverdue: Bool { settling.contains(where: \.isOverdue) }

    /// What a reader must be told about the target as it stands: the target's own marks,
    /// and illustrative when a party's current status, or evidence counted for it, comes
    /// from an illustrative record.
    public var marks: Set<ProvenanceMark> {
        var marks = target.marks
        let usesIllustrative = parties.contains { progress in
            progress.reports.lastHead?.illustrative == true || progress.evidence.includesIllustrative
        }
        if usesIllustrative { marks.insert(.illustrative) }
        return marks
    }

    /// Whether the parties' latest reports give different statuses; on a joint commitment
    /// this is the disagreement a review meeting wants to see.
    public var partiesDisagree: Bool { Set(parties.map(\.status)).count > 1 }
}

/// One party's progress on one target at the as-of date.
public struct PartyProgress: Sendable {
    /// The party (``PartyCode/joint`` for the joint reports of a joint target).
    public let party: PartyCode
    /// The latest report's status (latest in report order, see ``StatusReport/precedes(_:)``),
    /// or not-started.
    public let status: Status
    /// The date of the latest report, if any.
    public let latestDate: CalendarDate?
    /// This party's reports on the target that count (not withdrawn), oldest first (decoded
    /// when first read).
    public let reports: ReportList
    /// Evidence supporting the target for this party (evidence naming no party counts for
    /// all), and evidence its reports cite; oldest first (parsed when looked at).
    public let evidence: EvidenceList
    /// The due dates up to the as-of date, recurrences expanded, oldest first.
    public let dueDates: [CalendarDate]
    /// The next due date after the as-of date.
    public let nextDue: CalendarDate?
    /// The reporting periods of a target with a due date, up to the first one due after the
    /// as-of date, oldest first (see ``ReportingPeriod``); empty for a party whose reports
    /// do not settle the target (a party's own view of a joint target).
    public let periods: [ReportingPeriod]
    /// The report the status comes from, if any (decodes this party's reports).
    public var latest: StatusReport? { reports.last }

    /// Whether a period's due date or the plan item's end has passed without the work being
    /// settled (implemented or not applicable). Each period needs its own settling report.
    public let isOverdue: Bool

    /// The periods whose due date has passed unsettled, oldest first.
    public var overduePeriods: [ReportingPeriod] { periods.filter { $0.isOverdue(on: asOf) } }

    private let asOf: CalendarDate

    init(party: PartyCode, target: TrackedTarget, reports: ReportList, evidence: EvidenceList, asOf: CalendarDate,
         settles: Bool = true) {
        self.party = party
        self.reports = reports
        self.evidence = evidence
        self.asOf = asOf
        // Reports arrive in report order, so the last is the latest.
        let heads = reports.heads
        let latest = heads.last
        latestDate = latest?.date
        status = latest?.status ?? .notStarted
        dueDates = target.schedule?.dates(through: asOf) ?? []
        nextDue = target.schedule?.next(after: asOf)
        periods = settles ? target.schedule.map { ReportingPeriod.fold(heads, schedule: $0, asOf: asOf) } ?? [] : []
        var overdue = periods.contains { $0.isOverdue(on: asOf) }
        if settles, let end = target.end, end.isPassed(on: asOf), !status.isSettled { overdue = true }
        isOverdue = overdue
    }
}
