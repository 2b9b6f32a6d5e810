/// A meeting's decisions as an action log: each with its owners (party and agency), its due
/// date, and where it stands at a date — done, in progress, late or no news — with the
/// reports and evidence that say so.
///
/// The status is not stored in the meeting: a decision with a due date is tracked like a
/// commitment (`<meeting>#<id>`), so the parties' status reports and evidence on it give
/// its standing at any date, as for every other target.
public struct ActionLogEntry: Sendable, Hashable, Codable {
    /// Where a decision stands at the date the log is read.
    public enum FollowUp: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every party it binds (or the parties together, for a joint decision) settled it.
        case done
        /// Something was reported or filed, and it is not late.
        case inProgress = "in-progress"
        /// The due date passed and it is not settled.
        case late
        /// Nothing on record since the meeting.
        case noNews = "no-news"

        /// The words a summary shows: `done`, `in progress`, `late`, `no news`.
        public var label: String {
            switch self {
            case .done: L10n.t("done", context: "follow-up")
            case .inProgress: L10n.t("in progress", context: "follow-up")
            case .late: L10n.t("late", context: "follow-up")
            case .noNews: L10n.t("no news", context: "follow-up")
            }
        }
    }

    /// A party bound by the decision, with its responsible agency when the minutes name one.
    public struct Owner: Sendable, Hashable, Codable {
        public let party: PartyCode
        public let agency: String?
    }

    /// The latest report of one party (or of the parties together, `joint`) on the decision.
    public struct News: Sendable, Hashable, Codable {
        public let party: PartyCode
        public let status: Status
        public let date: CalendarDate
        public let report: RecordID
        /// The report's own note: what the party said it did.
        public let note: String?
        public var marks: [ProvenanceMark] = []
    }

    /// A piece of evidence filed on the decision.
    public struct EvidenceNote: Sendable, Hashable, Codable {
        public let id: RecordID
        public let date: CalendarDate
        public let title: String
        public let party: PartyCode?
        public let note: String?
        public var marks: [ProvenanceMark] = []
    }

    /// What the action log flags about the decision as recorded.
    public enum Flag: String, Sendable, Hashable, Codable, CaseIterable {
        /// No due date: nothing says when it is to be done, and it cannot be tracked.
        case noDueDate = "no-due-date"
        /// No responsible agency named for a party it binds.
        case noOwner = "no-owner"

        /// `no due date`, `no owner`.
        public var label: String {
            switch self {
            case .noDueDate: L10n.t("no due date", context: "follow-up")
            case .noOwner: L10n.t("no owner", context: "follow-up")
            }
        }
    }

    /// The meeting that took the decision.
    public let meeting: RecordID
    /// The decision's id in its meeting (`2`); `<meeting>#<id>` is its tracked id.
    public let decision: String
    public let text: String
    /// The parties bound, each with its agency.
    public let owners: [Owner]
    /// Whether the parties carry it out together.
    public let joint: Bool
    /// The first due date, if any.
    public let due: CalendarDate?
    public let followUp: FollowUp
    /// The latest report of each party that reported, in party order (joint last).
    public let news: [News]
    /// Evidence filed on it, oldest first (restricted evidence left out unless shown).
    public let evidence: [EvidenceNote]
    /// What is missing from the decision as recorded.
    public let flags: [Flag]
    /// `illustrative` when the meeting or decision, or a report or evidence shown, is.
    public var marks: [ProvenanceMark] = []

    /// `2019-12-01-joint-review-2017-2019#2`.
    public var id: String { "\(meeting)#\(decision)" }
}

/// Builds action logs from the tracker.
public enum ActionLog {
    /// The decisions of `meeting` as they stand in `state` (at its as-of date), in the
    /// meeting's order. `parties` are the tracker's, for decisions binding each party.
    public static func entries(
        of meeting: Meeting, state: TrackerState, parties: [PartyCode], redaction: Redaction
    ) -> [ActionLogEntry] {
        meeting.decisions.map { decision in
            let bound = decision.bound.parties(of: parties)
            let owners = bound.map { ActionLogEntry.Owner(party: $0, agency: decision.responsible[$0]) }
            var flags: [ActionLogEntry.Flag] = []
            if decision.due == nil { flags.append(.noDueDate) }
            if owners.isEmpty || owners.contains(where: { $0.agency == nil }) { flags.append(.noOwner) }
            var marks: Set<ProvenanceMark> = meeting.provenance.illustrative || decision.provenance.illustrative ? [.illustrative] : []
            let target = QualifiedID(owner: meeting.id.rawValue, local: decision.id).flatMap(state.target)
            var news: [ActionLogEntry.News] = []
            var evidence: [ActionLogEntry.EvidenceNote] = []
            var followUp = ActionLogEntry.FollowUp.noNews
            if let target {
                for progress in target.parties + (target.joint.map { [$0] } ?? []) {
                    guard let report = progress.latest else { continue }
                    var item = ActionLogEntry.News(party: progress.party, status: report.status, date: report.date,
                                                   report: report.id, note: report.note)
                    item.marks = ProvenanceIndex.marks(of: report).ordered
                    news.append(item)
                }
                var seen = Set<RecordID>()
                for item in (target.parties + (target.joint.map { [$0] } ?? [])).flatMap(\.evidence)
                    .sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) where seen.insert(item.id).inserted && !redaction.hides(item) {
                    var note = ActionLogEntry.EvidenceNote(id: item.id, date: item.date, title: item.title, party: item.party,
                                                           note: item.note)
                    note.marks = ProvenanceIndex.marks(of: item).ordered
                    evidence.append(note)
                }
                if target.settling.allSatisfy({ $0.status.isSettled }) && !target.settling.isEmpty && target.settling.allSatisfy({ !$0.reports.isEmpty }) {
                    followUp = .done
                } else if target.isOverdue {
                    followUp = .late
                } else if !news.isEmpty || !evidence.isEmpty {
                    followUp = .inProgress
                }
            }
            marks.formUnion(news.flatMap(\.marks) + evidence.flatMap(\.marks))
            var entry = ActionLogEntry(
                meeting: meeting.id, decision: decision.id, text: decision.provenance.shown("text", decision.text), owners: owners,
                joint: decision.bound == .joint, due: decision.due?.first, followUp: followUp, news: news,
                evidence: evidence, flags: flags)
            entry.marks = marks.ordered
            return entry
        }
    }
}
