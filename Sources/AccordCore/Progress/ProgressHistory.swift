public import GitStore
import Foundation

/// One commit of the tracker's history, said in the domain's words.
///
/// A decade's history holds 50,000 entries until its table is measured, so an entry is kept
/// narrow: the commit as its id's bytes, the files as one text, and the author's name and
/// address shared with the entries before (``ProgressHistory``).
public struct HistoryEntry: Codable, Sendable, Hashable {
    private let commitID: ObjectID
    /// The author date's day: the day of the fact recorded.
    public let date: CalendarDate
    public let author: String
    public let email: String
    /// `status-report`, `evidence`, `withdrawal`, `text-revised`, `register-edited`, `plan-edited`,
    /// `meeting-recorded`, `settings-edited` or `other` (the first that applies).
    public let kind: String
    /// `VN reported implemented on tip-2005#7.2`, `evidence ev-… added`, …
    public let summary: String
    /// The paths joined by NUL, which no git path holds.
    private let pathList: String
    /// `illustrative` when a record the commit added or changed was written for illustration.
    public let marks: [ProvenanceMark]

    /// The commit's id in hex.
    public var commit: String { commitID.hex }

    /// The files the commit changed against its first parent.
    public var paths: [String] {
        pathList.isEmpty ? [] : pathList.utf8.split(separator: 0, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// Classifies `commit` by the files `changes` touched; `snapshot` names the records, and
    /// `report` and `evidence` give the record at a path, if known. `shared` gives a text
    /// seen before in its place (a name held once for all its entries), or the text itself.
    public init(commit: CommitInfo, changes: [PathChange], snapshot: TrackerSnapshot,
                report reportAt: (String) -> ReportOutline? = { _ in nil },
                evidence evidenceAt: (String) -> Evidence? = { _ in nil },
                index: ProvenanceIndex? = nil, shared: (String) -> String = { $0 }) {
        commitID = commit.id
        date = commit.author.calendarDate
        author = shared(commit.author.name)
        email = shared(commit.author.email)
        pathList = changes.lazy.map(\.path).joined(separator: "\0")
        var kinds: [String] = [], summaries: [String] = []
        var marks: Set<ProvenanceMark> = []
        func note(_ kind: String, _ summary: String) {
            if !kinds.contains(kind) { kinds.append(kind) }
            summaries.append(summary)
        }
        for change in changes {
            let path = change.path
            // Kept in English (the history's JSON, the derived store) and translated where the
            // table shows it (`L10n.shown`).
            let verb = change.kind == .added ? L10n.english("added") : change.kind == .deleted ? L10n.english("removed") : L10n.english("edited")
            if path.hasPrefix("Events/") {
                if change.kind == .added, let report = reportAt(path) {
                    note("status-report", L10n.english("{1} reported {2} on {3}", report.party, report.status.rawValue, report.target))
                    if report.illustrative { marks.insert(.illustrative) }
                } else {
                    note("status-report", L10n.english("status report {1} {2}", Self.stem(path), verb))
                }
            } else if path.hasPrefix("Evidence/attachments/") {
                continue
            } else if path.hasPrefix("Evidence/") {
                if let item = evidenceAt(path) {
                    // The evidence, and the targets the sentence names.
                    marks.formUnion(ProvenanceIndex.marks(of: item))
                    for target in item.supports { marks.formUnion(index?.marks(of: target.description) ?? []) }
                }
                let supports = evidenceAt(path).map { $0.supports.map(\.description).joined(separator: ", ") } ?? ""
                note("evidence", supports.isEmpty ? L10n.english("evidence {1} {2}", Self.stem(path), verb)
                    : L10n.english("evidence {1} {2} for {3}", Self.stem(path), verb, supports))
            } else if path.hasPrefix("Agreements/"), path.hasSuffix(".md") {
                let folder = path.split(separator: "/").dropFirst().first.map(String.init) ?? path
                marks.formUnion(index?.marks(of: folder) ?? [])
                note("text-revised", change.kind == .added ? L10n.english("text of {1} added ({2})", folder, Self.stem(path))
                    : L10n.english("text of {1} revised ({2})", folder, Self.stem(path)))
            } else if path.hasPrefix("Agreements/") {
                let folder = path.split(separator: "/").dropFirst().first.map(String.init) ?? path
                marks.formUnion(index?.marks(of: folder) ?? [])
                note("register-edited", change.kind == .added ? L10n.english("instrument {1} recorded", folder) : L10n.english("register of {1} {2}", folder, verb))
            } else if path.hasPrefix("Plans/") {
                marks.formUnion(index?.marks(of: Self.stem(path)) ?? [])
                note("plan-edited", change.kind == .added ? L10n.english("plan {1} adopted", Self.stem(path)) : L10n.english("plan {1} {2}", Self.stem(path), verb))
            } else if path.hasPrefix("Meetings/") {
                marks.formUnion(index?.marks(of: Self.stem(path)) ?? [])
                note("meeting-recorded", change.kind == .added ? L10n.english("meeting {1} recorded", Self.stem(path)) : L10n.english("meeting {1} {2}", Self.stem(path), verb))
            } else if path.hasPrefix("Withdrawals/") {
                let stem = Self.stem(path)
                let withdrawal = snapshot.withdrawals.first { $0.id.rawValue == stem }
                let what = withdrawal.map { withdrawal in
                    withdrawal.replacedBy.map { L10n.english("{1} superseded by {2}", withdrawal.withdraws, $0) } ?? L10n.english("{1} retracted", withdrawal.withdraws)
                }
                note("withdrawal", what ?? L10n.english("withdrawal {1} {2}", stem, verb))
            } else if path == TrackerSettings.fileName {
                note("settings-edited", L10n.english("settings {1}", verb))
            }
        }
        let order = ["status-report", "evidence", "withdrawal", "text-revised", "register-edited", "plan-edited", "meeting-recorded", "settings-edited"]
        kind = order.first { kinds.contains($0) } ?? "other"
        self.marks = marks.ordered
        summary = summaries.isEmpty ? commit.summary : summaries.prefix(3).joined(separator: "; ")
            + (summaries.count > 3 ? "; " + L10n.english("and {1} more", summaries.count - 3) : "")
    }

    /// The name of the record at `path` (``TrackerLayout/recordName(ofPath:)``).
    static func stem(_ path: String) -> String { TrackerLayout.recordName(ofPath: path) }

    private enum CodingKeys: String, CodingKey {
        case commit, date, author, email, kind, summary, paths, marks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hex = try container.decode(String.self, forKey: .commit)
        guard let id = ObjectID(hex: hex) else {
            throw DecodingError.dataCorruptedError(forKey: .commit, in: container, debugDescription: "not a commit id: \(hex)")
        }
        commitID = id
        date = try container.decode(CalendarDate.self, forKey: .date)
        author = try container.decode(String.self, forKey: .author)
        email = try container.decode(String.self, forKey: .email)
        kind = try container.decode(String.self, forKey: .kind)
        summary = try container.decode(String.self, forKey: .summary)
        pathList = try container.decode([String].self, forKey: .paths).joined(separator: "\0")
        marks = try container.decode([ProvenanceMark].self, forKey: .marks)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(date, forKey: .date)
        try container.encode(author, forKey: .author)
        try container.encode(email, forKey: .email)
        try container.encode(kind, forKey: .kind)
        try container.encode(summary, forKey: .summary)
        try container.encode(paths, forKey: .paths)
        try container.encode(marks, forKey: .marks)
    }
}

/// `accord history [ID]`: what changed, when and by whom.
public struct ProgressHistory: Codable, Sendable {
    /// The id asked about, when one was.
    public let id: String?
    /// Newest first.
    public let entries: [HistoryEntry]
    /// The marks of what `id` names.
    public let marks: [ProvenanceMark]
    /// The banner when any entry is marked.
    public let notice: ProvenanceNotice?

    /// The history of the paths `relevant` selects (all, when nil), newest first, at
    /// most `limit` entries: each commit of the log with the files it changed against its
    /// first parent (``Repository/changeLog(from:limit:touching:)``, from the commit index).
    ///
    /// `reports`, when given, are the only status reports the history can name (those of
    /// ``RecordPaths``): the snapshot's others are then not decoded.
    public init(repository: Repository, from commit: ObjectID, snapshot: TrackerSnapshot, id: String?,
                relevant: PathSelection?, limit: Int?, reports known: [StatusReport]? = nil) throws {
        self.id = id
        // Reports in brief, from the id table, without decoding them: without an id every
        // report is named, and 100,000 decoded reports were the largest thing it held.
        // Given `known` (an id's reports), those alone.
        let outlines = known.map { Dictionary($0.map { ($0.id.rawValue, ReportOutline($0)) }, uniquingKeysWith: { first, _ in first }) }
        func report(at path: String) -> ReportOutline? {
            let id = HistoryEntry.stem(path)
            let outline = if let outlines { outlines[id] } else { snapshot.reportOutline(id) }
            return outline.flatMap { $0.path == path ? $0 : nil }
        }
        // A piece of evidence is found by its id, its file's name; an entry asks for the
        // same file twice in a row.
        var lastEvidence: (path: String, evidence: Evidence?)?
        func evidence(at path: String) -> Evidence? {
            if let lastEvidence, lastEvidence.path == path { return lastEvidence.evidence }
            let found = RecordID(HistoryEntry.stem(path)).flatMap { id in snapshot.evidence(withID: id).first { $0.path == path } }
            lastEvidence = (path, found)
            return found
        }
        let index = ProvenanceIndex(snapshot)
        // One commit at a time: each is told in a line and let go (its message, its changes),
        // so the history of a decade's 50,000 commits never holds them all.
        var entries: [HistoryEntry] = []
        // A few people write a decade's commits: each name and address is held once.
        var people: Set<String> = []
        try repository.changeLog(from: commit, limit: limit, touching: relevant) { logged in
            entries.append(HistoryEntry(commit: logged.commit, changes: logged.changes, snapshot: snapshot,
                                        report: report(at:), evidence: evidence(at:), index: index,
                                        shared: { people.insert($0).memberAfterInsert }))
        }
        self.entries = entries
        marks = id.map { index.marks(of: $0).ordered } ?? []
        notice = ProvenanceNotice(Set(entries.flatMap(\.marks) + marks))
    }
}
