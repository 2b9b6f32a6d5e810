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
        // Evidence by position in the snapshot: copying 20,000 records into two tables,
        // then freeing them, was a fifth of a warm `status`. For a few owners, only their
        // evidence and the evidence their reports cite are decoded and indexed.
        let positions = owners.map { owners in allTargets.indices.filter { owners.contains(allTargets[$0].id.owner) } }
            ?? Array(allTargets.indices)
        // Positions below are in `allEvidence`, which keeps the snapshot's order.
        let allEvidence: [Evidence]
        if let owners {
            let cited = Set(positions.flatMap { position in
                groups[snapshot.targetPosition(allTargets[position].id) ?? position].flatMap { group in
                    group.heads[..<group.count(through: asOf)].flatMap(\.evidence)
                }
            })
            var found = Dictionary(snapshot.evidence(supportingTargetsOf: owners).map { ($0.position, $0.evidence) },
                                   uniquingKeysWith: { first, _ in first })
            for id in cited {
                if let position = snapshot.evidenceStore.position(of: id), found[position] == nil {
                    found[position] = snapshot.evidenceStore.evidence(at: position)
                }
            }
            allEvidence = found.sorted { $0.key < $1.key }.map(\.value)
        } else {
            allEvidence = snapshot.evidence
        }
        var evidenceByTarget: [QualifiedID: [Int]] = [:]
        var evidenceByID: [RecordID: Int] = [:]
        evidenceByID.reserveCapacity(allEvidence.count)
        for (position, item) in allEvidence.enumerated() where item.date <= asOf {
            if evidenceByID[item.id] == nil { evidenceByID[item.id] = position }
            for target in item.supports.count == 1 ? item.supports : Array(Set(item.supports)) {
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
            let parties = target.parties.map { party in
                let group = allTargets[filed].parties.firstIndex(of: party).map { groups[filed][$0] } ?? .empty
                let own = ReportList(group, count: group.count(through: asOf))
                let cited = own.heads.flatMap(\.evidence).compactMap { evidenceByID[$0] }
                let relevant = supporting.filter { allEvidence[$0].party == nil || allEvidence[$0].party == party } + cited
                // Positions follow the snapshot's order (date, then id): sorted, they are in
                // order. An id given twice (a problem `validate` reports) is shown once.
                var seen = Set<RecordID>()
                let evidence = Set(relevant).sorted().map { allEvidence[$0] }.filter { seen.insert($0.id).inserted }
                return PartyProgress(party: party, target: target, reports: own, evidence: evidence, asOf: asOf)
            }
            return TargetState(target: target, parties: parties)
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

    /// The progress of `party`, if the target binds it.
    public func progress(of party: PartyCode) -> PartyProgress? {
        parties.first { $0.party == party }
    }

    /// Whether any party is overdue.
    public var isOverdue: Bool { parties.contains(where: \.isOverdue) }

    /// What a reader must be told about the target as it stands: the target's own marks,
    /// and illustrative when a party's current status, or evidence counted for it, comes
    /// from an illustrative record.
    public var marks: Set<ProvenanceMark> {
        var marks = target.marks
        let usesIllustrative = parties.contains { progress in
            progress.reports.heads.last?.illustrative == true || progress.evidence.contains { $0.provenance.illustrative }
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
    /// The party.
    public let party: PartyCode
    /// The latest report's status (latest by date, ties broken by id), or not-started.
    public let status: Status
    /// The date of the latest report, if any.
    public let latestDate: CalendarDate?
    /// This party's reports on the target, oldest first (decoded when first read).
    public let reports: ReportList
    /// Evidence supporting the target for this party (evidence naming no party counts for
    /// all), and evidence its reports cite; oldest first.
    public let evidence: [Evidence]
    /// The due dates up to the as-of date, recurrences expanded, oldest first.
    public let dueDates: [CalendarDate]
    /// The next due date after the as-of date.
    public let nextDue: CalendarDate?
    /// The report the status comes from, if any (decodes this party's reports).
    public var latest: StatusReport? { reports.last }

    /// Whether a due date or the plan item's end has passed without the work being settled
    /// (implemented or not applicable). For a recurring commitment the settling report must
    /// be dated after the occurrence before the one that passed: each period needs its own.
    public let isOverdue: Bool

    init(party: PartyCode, target: TrackedTarget, reports: ReportList, evidence: [Evidence], asOf: CalendarDate) {
        self.party = party
        self.reports = reports
        self.evidence = evidence
        // Reports arrive sorted by date then id, so the last is the latest.
        let latest = reports.heads.last
        latestDate = latest?.date
        status = latest?.status ?? .notStarted
        dueDates = target.schedule?.dates(through: asOf) ?? []
        nextDue = target.schedule?.next(after: asOf)
        let passedDue = dueDates.filter { $0.isPassed(on: asOf) }
        var overdue = false
        if !passedDue.isEmpty {
            if let latest, latest.status.isSettled {
                let previous = target.schedule?.everyMonths == nil ? nil : passedDue.dropLast().last
                overdue = previous.map { latest.date <= $0 } ?? false
            } else {
                overdue = true
            }
        }
        if let end = target.end, end.isPassed(on: asOf), !status.isSettled { overdue = true }
        isOverdue = overdue
    }
}
