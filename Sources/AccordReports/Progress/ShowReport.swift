public import AccordCore
public import GitStore
import Foundation

/// A commit that revised a file, for the revisions of a text.
public struct RevisionView: Codable, Sendable, Hashable {
    public let commit: String
    public let date: CalendarDate
    public let author: String
    public let summary: String

    /// The view of `commit`.
    public init(_ commit: CommitInfo) {
        let entry = HistoryEntry(commit: commit, changes: [], snapshot: TrackerSnapshot(records: []))
        self.commit = commit.id.hex
        date = entry.date
        author = commit.author.name
        summary = commit.summary
    }
}

/// `accord show ID`: everything about one thing. `kind` says which of the other keys is
/// present.
public struct ShowReport: Codable, Sendable {
    /// An instrument or plan.
    public struct InstrumentDetail: Codable, Sendable {
        public let id: String
        public let kind: String
        public let title: String
        public let parties: [String]
        public let date: CalendarDate
        public let status: String
        public let languages: [String]
        /// `7 Purpose` per article of the primary text.
        public let articles: [String]
        public let targets: [TargetRow]
        public let revisions: [RevisionView]
        public let reviews: [ReviewCalendar.Review]
        /// Per language: `authentic` or `working-summary`, where the instrument says which.
        public let texts: [String: String]
        /// The language that prevails where the texts differ, if the instrument names one.
        public let prevails: String?
        /// Where the record comes from.
        public let source: String?
        public let url: String?
        /// Per-field source notes; sources that disagree are each listed.
        public let sources: [SourceNote]
    }

    /// An article or clause of a text, with the commitments resting on it.
    public struct ProvisionDetail: Codable, Sendable {
        public let id: String
        public let heading: String?
        public let text: String
        public let file: String
        public let line: Int
        public let commitments: [TargetRow]
        /// Those of `commitments` whose clause changed after their latest evidence.
        public let amendedSinceEvidence: [AmendedSinceEvidence]
    }

    /// A commitment, plan item or decision.
    public struct TargetDetail: Codable, Sendable {
        public let row: TargetRow
        /// The clause's text (commitments), or the decision's text.
        public let text: String?
        public let responsible: [String: String]
        public let partners: [String: [String]]
        public let schedule: Schedule?
        public let start: CalendarDate?
        public let end: CalendarDate?
        public let timeline: [StatusReportView]
        /// The reporting periods of each party (or of the parties jointly), oldest first.
        public let periods: [PeriodView]
        public let evidence: [EvidenceView]
        /// Plan items implementing a commitment, or the commitments a plan item implements.
        public let linked: [String]
        /// Commits that changed the file holding its text.
        public let revisions: [RevisionView]
        /// A commitment's clause changed by a revision later than its latest evidence; nil
        /// when not (and for plan items and decisions, which have no clause).
        public let amendedSinceEvidence: AmendedSinceEvidence?

        public struct Schedule: Codable, Sendable, Hashable {
            public let first: CalendarDate
            public let everyMonths: Int?
            public let until: CalendarDate?
        }
    }

    /// A meeting with its decisions.
    public struct MeetingDetail: Codable, Sendable {
        public let id: String
        public let title: String
        public let date: CalendarDate
        public let endDate: CalendarDate?
        public let venue: String?
        public let host: String?
        public let attendees: [String]
        public let reviews: [String]
        public let decisions: [Decision]

        public let source: String?
        public let url: String?

        public struct Decision: Codable, Sendable, Hashable {
            public let id: String
            public let text: String
            public let tracked: TargetRow?
            public let marks: [ProvenanceMark]
        }
    }

    public let asOf: CalendarDate
    /// What `id` names (see `IDResolver.Kind`).
    public let kind: String
    public let id: String
    public let instrument: InstrumentDetail?
    public let provision: ProvisionDetail?
    public let target: TargetDetail?
    public let planArea: [TargetRow]?
    public let evidence: EvidenceView?
    public let meeting: MeetingDetail?
    public let report: StatusReportView?
    /// The records shown that are not signed by their party, by id, with how they are
    /// signed (`SignatureStatus`); nil when accord.yaml lists no signers.
    public var unverified: [String: String]?

    /// The ids of the records shown (evidence, status reports, a meeting), to look up
    /// their signatures.
    public var recordIDs: [String] {
        [evidence?.id, report?.id, meeting?.id].compactMap { $0 }
            + (target?.timeline.map(\.id) ?? []) + (target?.evidence.map(\.id) ?? [])
    }
    /// The marks of what `id` names (see ``ProvenanceMark``).
    public let marks: [ProvenanceMark]
    /// The banner when anything shown is marked.
    public private(set) var notice: ProvenanceNotice?
    /// The marks of the marked records the report refers to by id (the plan items a
    /// commitment is linked to, the targets a piece of evidence supports, the review cycles
    /// a meeting held), so a reference shows its mark like the record itself.
    public private(set) var referenceMarks: [String: [ProvenanceMark]] = [:]

    private init(asOf: CalendarDate, resolved: IDResolver.Resolved, marks: Set<ProvenanceMark>,
                 instrument: InstrumentDetail? = nil,
                 provision: ProvisionDetail? = nil, target: TargetDetail? = nil, planArea: [TargetRow]? = nil,
                 evidence: EvidenceView? = nil, meeting: MeetingDetail? = nil, report: StatusReportView? = nil) {
        self.asOf = asOf
        kind = resolved.kind.rawValue
        id = resolved.id
        self.instrument = instrument
        self.provision = provision
        self.target = target
        self.planArea = planArea
        self.evidence = evidence
        self.meeting = meeting
        self.report = report
        self.marks = marks.ordered
        // Everything shown: the thing itself, and each row, report and piece of evidence in it.
        var shown = marks
        for rows in [instrument?.targets, provision?.commitments, planArea, target.map { [$0.row] }] {
            shown.formUnion((rows ?? []).flatMap(\.marks))
        }
        shown.formUnion((instrument?.reviews ?? []).flatMap(\.marks))
        shown.formUnion((target?.timeline ?? []).flatMap(\.marks))
        shown.formUnion(((target?.evidence ?? []) + (evidence.map { [$0] } ?? [])).flatMap(\.marks))
        shown.formUnion((meeting?.decisions ?? []).flatMap(\.marks))
        shown.formUnion(report?.marks ?? [])
        notice = ProvenanceNotice(shown)
    }

    /// The file whose commits are the revisions of what `resolved` names, if any: the
    /// primary text of an instrument or of a commitment's instrument, a plan's file, a
    /// meeting's file.
    public static func revisedFile(of resolved: IDResolver.Resolved, in snapshot: TrackerSnapshot) -> String? {
        let owner = resolved.qualifiedID?.owner ?? resolved.id
        if let instrument = InstrumentID(owner).flatMap(snapshot.instrument) {
            return snapshot.primaryText(of: instrument)?.file
        }
        if let plan = InstrumentID(owner).flatMap(snapshot.plan) { return "Plans/\(plan.id).yaml" }
        if let meeting = snapshot.meetings.first(where: { $0.id.rawValue == owner }) { return meeting.path }
        return nil
    }

    /// The instrument whose text history says whether what `resolved` names was amended
    /// since its evidence: that of a commitment, article or clause; nil for other kinds.
    public static func amendableInstrument(of resolved: IDResolver.Resolved) -> InstrumentID? {
        switch resolved.kind {
        case .commitment, .article, .clause: resolved.qualifiedID.flatMap { InstrumentID($0.owner) }
        default: nil
        }
    }

    /// Builds the report of `resolved`; `revisions` are the commits of `revisedFile`, and
    /// `amendedSinceEvidence` the findings of `amendableInstrument`'s text history at the
    /// as-of date (``TextHistory/amendedSinceEvidence(snapshot:asOf:)``).
    public init(resolved: IDResolver.Resolved, snapshot: TrackerSnapshot, state: TrackerState,
                redaction: Redaction, revisions: [RevisionView], amendedSinceEvidence: [AmendedSinceEvidence]) {
        let asOf = state.asOf
        let owner = resolved.qualifiedID?.owner ?? resolved.id
        let local = resolved.qualifiedID?.local
        let index = ProvenanceIndex(snapshot)
        let ownerMarks = index.marks(of: owner)
        switch resolved.kind {
        case .instrument, .plan:
            let rows = state.targets.filter { $0.target.id.owner == owner }.map(TargetRow.init)
            let reviews = ReviewCalendar(snapshot).upcoming(after: asOf, owner: owner)
            if let instrument = InstrumentID(owner).flatMap(snapshot.instrument) {
                let articles = snapshot.primaryText(of: instrument)?.articles.map { "\($0.id) \($0.title)" } ?? []
                self.init(asOf: asOf, resolved: resolved, marks: ownerMarks, instrument: InstrumentDetail(
                    id: owner, kind: instrument.kind.rawValue, title: instrument.title.preferred,
                    parties: instrument.parties.map(\.code), date: instrument.signed.date, status: instrument.status.rawValue,
                    languages: instrument.languages, articles: articles, targets: rows, revisions: revisions, reviews: reviews,
                    texts: instrument.texts.mapValues { $0.authentic ? "authentic" : ProvenanceMark.workingSummary.rawValue },
                    prevails: instrument.prevails, source: instrument.provenance.source, url: instrument.provenance.url,
                    sources: instrument.sources))
            } else {
                let plan = InstrumentID(owner).flatMap(snapshot.plan)
                self.init(asOf: asOf, resolved: resolved, marks: ownerMarks, instrument: InstrumentDetail(
                    id: owner, kind: "plan", title: plan?.title.preferred ?? "", parties: plan?.parties.map(\.code) ?? [],
                    date: plan?.adopted.date ?? asOf, status: plan?.status.rawValue ?? "",
                    languages: [], articles: plan?.areas.map { "\($0.id) \($0.title)" } ?? [], targets: rows,
                    revisions: revisions, reviews: reviews, texts: [:], prevails: nil,
                    source: plan?.provenance.source, url: plan?.provenance.url, sources: plan?.sources ?? []))
            }
        case .article, .clause:
            let instrument = InstrumentID(owner).flatMap(snapshot.instrument)
            let text = instrument.flatMap(snapshot.primaryText)
            let article = text?.article(local ?? "")
            let clause = text?.clause(local ?? "")
            let resting = state.targets.filter { state in
                guard state.target.id.owner == owner,
                      let commitment = instrument?.commitments.first(where: { $0.id == state.target.id.local }) else { return false }
                let clauseID = commitment.clauseID
                return clauseID == local || (article != nil && clauseID.hasPrefix((local ?? "") + "."))
            }.map(TargetRow.init)
            let amended = amendedSinceEvidence.filter { finding in resting.contains { $0.id == finding.commitment.description } }
            self.init(asOf: asOf, resolved: resolved, marks: ownerMarks, provision: ProvisionDetail(
                id: resolved.id, heading: article?.heading, text: article?.fullText ?? clause?.text ?? "",
                file: text?.file ?? "", line: clause?.line ?? article?.line ?? 0, commitments: resting,
                amendedSinceEvidence: amended))
        case .planArea:
            let rows = state.targets.filter { $0.target.id.owner == owner && $0.target.id.local.hasPrefix((local ?? "") + ".") }
                .map(TargetRow.init)
            self.init(asOf: asOf, resolved: resolved, marks: Set(rows.flatMap(\.marks)).union(ownerMarks), planArea: rows)
        case .commitment, .planItem, .decision:
            if let id = resolved.qualifiedID, let targetState = state.target(id) {
                self.init(asOf: asOf, resolved: resolved, marks: targetState.marks,
                          target: Self.target(targetState, asOf: asOf, snapshot: snapshot, redaction: redaction, revisions: revisions,
                                              amended: amendedSinceEvidence.first { $0.commitment == id }))
            } else {
                // An untracked decision: shown with its meeting.
                self.init(asOf: asOf, resolved: resolved, marks: ownerMarks,
                          meeting: Self.meeting(owner, snapshot: snapshot, state: state, index: index))
            }
        case .meeting:
            self.init(asOf: asOf, resolved: resolved, marks: ownerMarks,
                      meeting: Self.meeting(owner, snapshot: snapshot, state: state, index: index))
        case .evidence:
            let item = RecordID(resolved.id).flatMap(snapshot.evidence)
            self.init(asOf: asOf, resolved: resolved, marks: item.map(ProvenanceIndex.marks(of:)) ?? [],
                      evidence: item.map { EvidenceView($0, redaction: redaction, withdrawal: snapshot.withdrawal(of: $0.id)) })
        case .report:
            let item = snapshot.report(resolved.id)
            self.init(asOf: asOf, resolved: resolved, marks: item.map(ProvenanceIndex.marks(of:)) ?? [],
                      report: item.map { StatusReportView($0, withdrawal: snapshot.withdrawal(of: $0.id)) })
        }
        let referenced = (target?.linked ?? []) + (evidence?.supports ?? []) + (meeting?.reviews ?? [])
        for id in referenced {
            let marks = index.marks(of: id).ordered
            if !marks.isEmpty { referenceMarks[id] = marks }
        }
        if !referenceMarks.isEmpty {
            notice = ProvenanceNotice(Set(notice?.marks ?? []).union(referenceMarks.values.joined()))
        }
    }

    private static func target(_ state: TargetState, asOf: CalendarDate, snapshot: TrackerSnapshot, redaction: Redaction,
                               revisions: [RevisionView], amended: AmendedSinceEvidence?) -> TargetDetail {
        let target = state.target
        var text: String?
        var partners: [String: [String]] = [:]
        var linked: [String] = []
        switch target.kind {
        case .commitment:
            if let instrument = InstrumentID(target.id.owner).flatMap(snapshot.instrument),
               let commitment = instrument.commitments.first(where: { $0.id == target.id.local }) {
                let primary = snapshot.primaryText(of: instrument)
                text = primary?.clause(commitment.clauseID)?.text ?? primary?.article(commitment.clauseID)?.fullText
            }
            linked = snapshot.plans.flatMap { plan in
                plan.items.filter { $0.implements.contains(target.id) }.map { "\(plan.id)#\($0.id)" }
            }
        case .planItem:
            if let item = InstrumentID(target.id.owner).flatMap(snapshot.plan)?.items.first(where: { $0.id == target.id.local }) {
                partners = Dictionary(uniqueKeysWithValues: item.partners.map { ($0.key.code, $0.value) })
                linked = item.implements.map(\.description)
            }
        case .decision:
            text = target.readerSummary
        }
        let evidence = state.parties.flatMap(\.evidence).reduce(into: [Evidence]()) { list, item in
            if !list.contains(where: { $0.id == item.id }) { list.append(item) }
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        // Every report up to the as-of date, the withdrawn ones too (marked as such).
        let timeline = snapshot.reports(onTargets: { $0 == target.id }).filter { $0.date <= asOf }
        return TargetDetail(
            row: TargetRow(state), text: text,
            responsible: Dictionary(uniqueKeysWithValues: target.responsible.map { ($0.key.code, $0.value) }),
            partners: partners,
            schedule: target.schedule.map { TargetDetail.Schedule(first: $0.first, everyMonths: $0.everyMonths, until: $0.until) },
            start: target.start, end: target.end, timeline: timeline.map { StatusReportView($0, withdrawal: snapshot.withdrawal(of: $0.id)) },
            periods: state.settling.flatMap { PeriodView.all($0, asOf: asOf) },
            evidence: evidence.map { EvidenceView($0, redaction: redaction) }, linked: linked, revisions: revisions,
            amendedSinceEvidence: amended)
    }

    private static func meeting(_ id: String, snapshot: TrackerSnapshot, state: TrackerState,
                                index: ProvenanceIndex) -> MeetingDetail? {
        guard let meeting = snapshot.meetings.first(where: { $0.id.rawValue == id }) else { return nil }
        return MeetingDetail(
            id: id, title: meeting.provenance.forReader("title", meeting.title), date: meeting.date, endDate: meeting.endDate, venue: meeting.venue,
            host: meeting.host?.code, attendees: meeting.attendees, reviews: meeting.reviews.map(\.description),
            decisions: meeting.decisions.map { decision in
                let tracked = QualifiedID(owner: id, local: decision.id).flatMap(state.target).map(TargetRow.init)
                let marks = index.marks(of: id).union(decision.provenance.illustrative ? [.illustrative] : [])
                    .union(tracked?.marks ?? [])
                return MeetingDetail.Decision(id: decision.id, text: decision.provenance.forReader("text", decision.text), tracked: tracked, marks: marks.ordered)
            }, source: meeting.provenance.source, url: meeting.provenance.url)
    }
}
