public import AccordCore

/// `accord list …`: instruments, targets, evidence or meetings, one row each.
public struct ProgressList: Codable, Sendable {
    /// An instrument or plan with its counts.
    public struct InstrumentRow: Codable, Sendable, Hashable {
        public let id: String
        /// The instrument's kind, or `plan`.
        public let kind: String
        public let title: String
        public let parties: [String]
        /// Signed, or adopted for a plan.
        public let date: CalendarDate
        public let status: String
        public let targets: Int
        public let overdue: Int
        public let marks: [ProvenanceMark]
    }

    /// A meeting held.
    public struct MeetingRow: Codable, Sendable, Hashable {
        public let id: String
        public let title: String
        public let date: CalendarDate
        /// The last day of a meeting held over several days.
        public let end: CalendarDate?
        public let venue: String?
        public let host: String?
        public let decisions: Int
        public let reviews: [String]
        public let marks: [ProvenanceMark]
    }

    public let asOf: CalendarDate
    /// `instruments`, `commitments`, `items`, `evidence` or `meetings`.
    public let kind: String
    public let instruments: [InstrumentRow]?
    public let targets: [TargetRow]?
    public let evidence: [EvidenceView]?
    public let meetings: [MeetingRow]?
    /// The banner when any row, or any record a row refers to, is marked.
    public private(set) var notice: ProvenanceNotice?
    /// The marks of the marked records the rows refer to by id (the targets a piece of
    /// evidence supports, the review cycles a meeting held).
    public private(set) var referenceMarks: [String: [ProvenanceMark]] = [:]

    /// The list with the marks of the records its rows refer to.
    private func marking(references ids: [String], in snapshot: TrackerSnapshot) -> ProgressList {
        let index = ProvenanceIndex(snapshot)
        var list = self
        for id in ids {
            let marks = index.marks(of: id).ordered
            if !marks.isEmpty { list.referenceMarks[id] = marks }
        }
        if !list.referenceMarks.isEmpty {
            list.notice = ProvenanceNotice(Set(notice?.marks ?? []).union(list.referenceMarks.values.joined()))
        }
        return list
    }

    private init(asOf: CalendarDate, kind: String, instruments: [InstrumentRow]?, targets: [TargetRow]?,
                 evidence: [EvidenceView]?, meetings: [MeetingRow]?) {
        self.asOf = asOf
        self.kind = kind
        self.instruments = instruments
        self.targets = targets
        self.evidence = evidence
        self.meetings = meetings
        let marks = (instruments ?? []).flatMap(\.marks) + (targets ?? []).flatMap(\.marks)
            + (evidence ?? []).flatMap(\.marks) + (meetings ?? []).flatMap(\.marks)
        notice = ProvenanceNotice(Set(marks))
    }

    /// The instruments and plans.
    public static func instruments(snapshot: TrackerSnapshot, state: TrackerState) -> ProgressList {
        let byOwner = Dictionary(grouping: state.targets, by: { $0.target.id.owner })
        let index = ProvenanceIndex(snapshot)
        let rows = snapshot.instruments.map { instrument in
            InstrumentRow(id: instrument.id.rawValue, kind: instrument.kind.rawValue, title: instrument.title.preferred,
                          parties: instrument.parties.map(\.code), date: instrument.signed.date,
                          status: instrument.status.rawValue, targets: byOwner[instrument.id.rawValue]?.count ?? 0,
                          overdue: byOwner[instrument.id.rawValue]?.filter(\.isOverdue).count ?? 0,
                          marks: index.marks(of: instrument.id.rawValue).ordered)
        } + snapshot.plans.map { plan in
            InstrumentRow(id: plan.id.rawValue, kind: "plan", title: plan.title.preferred, parties: plan.parties.map(\.code),
                          date: plan.adopted.date, status: plan.status.rawValue,
                          targets: byOwner[plan.id.rawValue]?.count ?? 0,
                          overdue: byOwner[plan.id.rawValue]?.filter(\.isOverdue).count ?? 0,
                          marks: index.marks(of: plan.id.rawValue).ordered)
        }
        return ProgressList(asOf: state.asOf, kind: "instruments", instruments: rows, targets: nil, evidence: nil, meetings: nil)
    }

    /// The commitments (`kinds` [.commitment, .decision]) or plan items passing `filter`.
    public static func targets(state: TrackerState, kinds: Set<TrackedTarget.Kind>, filter: TargetFilter, name: String) -> ProgressList {
        let rows = state.targets.filter { kinds.contains($0.target.kind) && filter.admits($0) }.map(TargetRow.init)
        return ProgressList(asOf: state.asOf, kind: name, instruments: nil, targets: rows, evidence: nil, meetings: nil)
    }

    /// The evidence dated by the as-of date, supporting a target of `owner` or supplied by
    /// `party` when given, newest first.
    public static func evidence(snapshot: TrackerSnapshot, asOf: CalendarDate, redaction: Redaction,
                                party: PartyCode?, owner: String?, supporting: QualifiedID? = nil) -> ProgressList {
        let rows = snapshot.evidence.filter { item in
            item.date <= asOf
                && (party == nil || item.party == party || item.party == nil)
                && (owner == nil || item.supports.contains { $0.owner == owner })
                && (supporting == nil || item.supports.contains(supporting!))
        }.reversed().map { EvidenceView($0, redaction: redaction, withdrawal: snapshot.withdrawal(of: $0.id)) }
        return ProgressList(asOf: asOf, kind: "evidence", instruments: nil, targets: nil, evidence: Array(rows), meetings: nil)
            .marking(references: rows.flatMap(\.supports), in: snapshot)
    }

    /// The meetings held by the as-of date.
    public static func meetings(snapshot: TrackerSnapshot, asOf: CalendarDate) -> ProgressList {
        let rows = snapshot.meetings.filter { $0.date <= asOf }.map { meeting in
            MeetingRow(id: meeting.id.rawValue, title: meeting.provenance.forReader("title", meeting.title), date: meeting.date, end: meeting.endDate, venue: meeting.venue,
                       host: meeting.host?.code, decisions: meeting.decisions.count, reviews: meeting.reviews.map(\.description),
                       marks: meeting.provenance.illustrative ? [.illustrative] : [])
        }
        return ProgressList(asOf: asOf, kind: "meetings", instruments: nil, targets: nil, evidence: nil, meetings: rows)
            .marking(references: rows.flatMap(\.reviews), in: snapshot)
    }

    /// The list as a terminal table.
    public func renderTerminal(style: TerminalStyle) -> String {
        var table: TextTable
        if let instruments {
            table = TextTable([.init(L10n.t("id", context: "column")), .init(L10n.t("kind", context: "column")), .init(L10n.t("date", context: "column")), .init(L10n.t("status", context: "column")), .init(L10n.t("targets", context: "column"), .right),
                               .init(L10n.t("overdue", context: "column"), .right), .init(L10n.t("title", context: "column"))])
            for row in instruments {
                table.add([row.id, row.kind, "\(row.date)", row.status, "\(row.targets)",
                           row.overdue > 0 ? style.red("\(row.overdue)") : "0",
                           ProgressStyle.marked(ProgressStyle.clip(row.title, 60), row.marks)])
            }
        } else if let targets {
            table = TextTable([.init(L10n.t("id", context: "column")), .init(L10n.t("due", context: "column")), .init(L10n.t("status", context: "column")), .init(L10n.t("summary", context: "column"))])
            for row in targets {
                table.add([row.id, row.due.map(\.description) ?? "", ProgressStyle.parties(row.parties, style: style),
                           ProgressStyle.marked(ProgressStyle.clip(row.summary, 60), row.marks)])
            }
        } else if let evidence {
            table = TextTable([.init(L10n.t("id", context: "column")), .init(L10n.t("date", context: "column")), .init(L10n.t("kind", context: "column")), .init(L10n.t("party", context: "column")), .init(L10n.t("title", context: "column"))])
            for row in evidence {
                let title = row.redacted ? style.dim(L10n.t("(restricted)")) : ProgressStyle.clip(row.title, 60)
                table.add([row.id, "\(row.date)", row.kind, row.party ?? "",
                           ProgressStyle.marked(row.withdrawn.map { style.yellow("[\($0.displayKind)]") + " " + title } ?? title, row.marks)])
            }
        } else {
            table = TextTable([.init(L10n.t("id", context: "column")), .init(L10n.t("date", context: "column")), .init(L10n.t("venue", context: "column")), .init(L10n.t("decisions", context: "column"), .right), .init(L10n.t("title", context: "column"))])
            for row in meetings ?? [] {
                table.add([row.id, "\(row.date)", row.venue ?? "", "\(row.decisions)",
                           ProgressStyle.marked(ProgressStyle.clip(row.title, 50), row.marks)])
            }
        }
        let count = (instruments?.count ?? 0) + (targets?.count ?? 0) + (evidence?.count ?? 0) + (meetings?.count ?? 0)
        return ProgressStyle.banner(notice, style: style) + table.render(style: style)
            + style.dim(countLine(count)) + "\n"
    }

    /// `12 meetings as of 2026-12-05`, in the run's language.
    private func countLine(_ count: Int) -> String {
        switch kind {
        case "instruments": L10n.t("{1} instruments and plans as of {2}", count, asOf)
        case "evidence": L10n.t("{1} pieces of evidence as of {2}", count, asOf)
        case "meetings": L10n.t("{1} meetings as of {2}", count, asOf)
        default: L10n.t("{1} targets as of {2}", count, asOf)
        }
    }
}
