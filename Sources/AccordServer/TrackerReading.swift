import AccordCore
import AccordReports
import Foundation
import GitStore

/// The tracker as one page reads it: the branch tip, every record of it, and the tracker
/// as it stood at the page's as-of date, loaded as the command line loads it (through the
/// derived store, so a revision read before costs no parsing). One per request: libgit2
/// handles are not shared between threads.
struct TrackerReading {
    let repository: Repository
    let commit: ObjectID
    /// Every record of the commit, whatever its date: what a write is checked against.
    let whole: TrackerSnapshot
    /// The tracker as it stood at `asOf` (`TrackerSnapshot.inForce`).
    let snapshot: TrackerSnapshot
    let asOf: CalendarDate
    /// The server never holds an age identity: restricted evidence stays sealed and
    /// hidden on every page, whoever reads it.
    let redaction = Redaction(includeRestricted: false)
    private let lazyState: Lazy<TrackerState>

    var state: TrackerState { lazyState.value }
    var resolver: IDResolver { IDResolver(snapshot) }

    init(repositoryPath: String, asOf: CalendarDate) throws {
        repository = try TrackerLocation.openTracker(explicit: repositoryPath, environment: [:],
                                                     currentDirectory: URL(fileURLWithPath: repositoryPath))
        commit = try repository.resolve("HEAD")
        whole = try TrackerSnapshot.load(repository: repository, commit: commit)
        let stood = try whole.inForce(on: asOf, repository: repository, commit: commit)
        snapshot = stood
        self.asOf = asOf
        lazyState = Lazy { TrackerState(stood, asOf: asOf) }
    }

    /// The review schedule at the as-of date.
    func schedule(months: Int = 18) -> ReviewSchedule {
        ReviewSchedule(snapshot: snapshot, state: state, horizonMonths: months)
    }

    /// Every gap at the as-of date that `filter` keeps, as `accord gaps` finds them.
    func gaps(filter: GapReport.Filter = .init()) throws -> GapReport {
        let history = try TextHistory(snapshot: snapshot, repository: repository, commit: commit)
        return GapReport(snapshot: snapshot, state: state, schedule: schedule(),
                         amendedSinceEvidence: history.amendedSinceEvidence(snapshot: snapshot, asOf: asOf),
                         languagesOutOfStep: history.languagesOutOfStep(asOf: asOf), filter: filter)
    }

    /// What `accord show ID` reports about `id`.
    func show(_ id: String) throws -> ShowReport {
        let resolved = try resolver.resolve(id)
        let revisions = try ShowReport.revisedFile(of: resolved, in: snapshot).map {
            try repository.history(of: $0, from: commit).map(RevisionView.init)
        } ?? []
        let amended = try ShowReport.amendableInstrument(of: resolved).map {
            try TextHistory(snapshot: snapshot, repository: repository, commit: commit, only: [$0])
                .amendedSinceEvidence(snapshot: snapshot, asOf: asOf)
        } ?? []
        let owner = resolved.qualifiedID?.owner ?? resolved.id
        let state = TrackerState(snapshot, asOf: asOf, owners: [owner])
        return ShowReport(resolved: resolved, snapshot: snapshot, state: state, redaction: redaction,
                          revisions: revisions, amendedSinceEvidence: amended)
    }

    /// The review summary of `meeting`, as `accord summary --meeting` writes it (at the
    /// meeting's date when this reading is at that date).
    func summary(of meeting: Meeting) throws -> ReviewSummary {
        let history = try TextHistory(snapshot: snapshot, repository: repository, commit: commit)
        let schedule = schedule()
        let gaps = GapReport(snapshot: snapshot, state: state, schedule: schedule,
                             amendedSinceEvidence: history.amendedSinceEvidence(snapshot: snapshot, asOf: asOf),
                             languagesOutOfStep: history.languagesOutOfStep(asOf: asOf))
        let previous = snapshot.meetings.last { $0.id != meeting.id && $0.date < meeting.date }
        return ReviewSummary(snapshot: snapshot, state: state, meeting: meeting, since: nil, schedule: schedule, gaps: gaps,
                             textChanges: try history.changes(after: previous?.date, through: asOf), redaction: redaction)
    }

    /// The change log, newest first, as `accord history` lists it.
    func history(limit: Int) throws -> ProgressHistory {
        try ProgressHistory(repository: repository, from: commit, snapshot: snapshot, id: nil, relevant: nil, limit: limit)
    }
}
