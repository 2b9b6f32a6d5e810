import AccordCore
import AccordReports
import Foundation
import GitStore

/// The tracker as one request reads it: the branch tip, every record of it, and the
/// tracker as it stood at the page's as-of date, taken from the server's memory of the
/// tip (read again only when the tip has moved). The repository handle is the request's
/// own: libgit2 handles are not shared between threads.
struct TrackerReading {
    let repository: Repository
    let commit: ObjectID
    /// Every record of the commit, whatever its date: what a write is checked against.
    let whole: TrackerSnapshot
    /// The tracker as it stood at `asOf` (`TrackerSnapshot.inForce`).
    let snapshot: TrackerSnapshot
    let asOf: CalendarDate
    /// What the visitor may see of restricted evidence (`Site.redaction(for:)`); hidden
    /// unless set.
    var redaction = Redaction(includeRestricted: false)
    private let dated: TrackerMemory.Dated
    private let memory: TrackerMemory

    var state: TrackerState { dated.state.value }
    var resolver: IDResolver { dated.resolver.value }

    init(memory: TrackerMemory, repositoryPath: String, asOf: CalendarDate, fresh: Bool = true) throws {
        let (whole, dated) = try memory.reading(asOf: asOf, fresh: fresh)
        repository = try TrackerLocation.openTracker(explicit: repositoryPath, environment: [:],
                                                     currentDirectory: URL(fileURLWithPath: repositoryPath))
        commit = dated.commit
        self.whole = whole
        snapshot = dated.snapshot
        self.asOf = asOf
        self.dated = dated
        self.memory = memory
    }

    /// Commits one new record through `RecordWriter` as `author`, then tells the server's
    /// memory what was added.
    func write(author: Signature, _ make: () throws -> (files: [String: Data], message: String)) throws -> ObjectID {
        var written: [String: Data] = [:]
        let commit = try RecordWriter(repository: repository, snapshot: whole, base: self.commit).commit(author: author) {
            let made = try make()
            written = made.files
            return made
        }
        memory.advance(to: commit, adding: written)
        return commit
    }

    /// Commits a series of new records through `RecordWriter` (`record` is handed the
    /// writer and returns what it recorded, each with its commit), then tells the server's
    /// memory what was added.
    func writeSeries(_ record: (RecordWriter) throws -> [(report: StatusReport, commit: ObjectID)]) throws -> [(report: StatusReport, commit: ObjectID)] {
        let recorded = try record(RecordWriter(repository: repository, snapshot: whole, base: commit))
        if let last = recorded.last?.commit {
            memory.advance(to: last, adding: Dictionary(recorded.map { ($0.report.path, Data($0.report.yamlText().utf8)) },
                                                        uniquingKeysWith: { first, _ in first }))
        }
        return recorded
    }

    /// The template value `key` names, made by `make` once per tip and date and then
    /// remembered (for values that depend only on the tracker and on `key`).
    func remembered(_ key: String, make: () throws -> [String: Any]) rethrows -> [String: Any] {
        try dated.pageValues.value(key, make: make)
    }

    /// The review schedule at the as-of date.
    func schedule() -> ReviewSchedule {
        dated.schedule.value
    }

    /// Every gap at the as-of date that `filter` keeps, as `accord gaps` finds them.
    func gaps(filter: GapReport.Filter = .init()) throws -> GapReport {
        let all = try memory.allGaps(dated)
        guard filter != GapReport.Filter() else { return all }
        return GapReport(asOf: all.asOf, parties: all.parties, gaps: all.gaps.filter(filter.keeps))
    }

    /// What `accord show ID` reports about `id`.
    func show(_ id: String) throws -> ShowReport {
        let resolved = try resolver.resolve(id)
        let revisions = try ShowReport.revisedFile(of: resolved, in: snapshot).map {
            try memory.history(of: $0, from: commit, in: repository).map(RevisionView.init)
        } ?? []
        let amended = try ShowReport.amendableInstrument(of: resolved).map {
            try TextHistory(snapshot: snapshot, repository: repository, commit: commit, only: [$0])
                .amendedSinceEvidence(snapshot: snapshot, asOf: asOf)
        } ?? []
        return ShowReport(resolved: resolved, snapshot: snapshot, state: state, redaction: redaction,
                          revisions: revisions, amendedSinceEvidence: amended)
    }

    /// The review summary of `meeting`, as `accord summary --meeting` writes it (at the
    /// meeting's date when this reading is at that date).
    func summary(of meeting: Meeting) throws -> ReviewSummary {
        let history = try TextHistory(snapshot: snapshot, repository: repository, commit: commit)
        let schedule = schedule()
        let gaps = try self.gaps()
        let previous = snapshot.meetings.last { $0.id != meeting.id && $0.date < meeting.date }
        return ReviewSummary(snapshot: snapshot, state: state, meeting: meeting, since: nil, schedule: schedule, gaps: gaps,
                             textChanges: try history.changes(after: previous?.date, through: asOf), redaction: redaction)
    }

    /// The change log, newest first, as `accord history` lists it.
    func history(limit: Int) throws -> ProgressHistory {
        try ProgressHistory(repository: repository, from: commit, snapshot: snapshot, id: nil, relevant: nil, limit: limit)
    }
}
