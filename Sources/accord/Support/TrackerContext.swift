import AccordCore
import Foundation
import GitStore

/// Everything a command reading the tracker needs, loaded once: the repository, the
/// snapshot at the revision asked for, the state at the as-of date, the id resolver and
/// the redaction policy.
///
/// Reads go on when the tracker has a few bad records (from a sync, a hand edit): the
/// problems are announced on standard error as `accord: warning: N problems, run accord
/// validate` and the valid records are used. Writes are checked separately: a write is
/// refused when the record it adds has a problem (see `requireValid(adding:)`).
struct TrackerContext {
    let repository: Repository
    /// The commit read.
    let commit: ObjectID
    let snapshot: TrackerSnapshot
    let asOf: CalendarDate
    let state: TrackerState
    let resolver: IDResolver
    let redaction: Redaction

    /// Opens the tracker named by `repository` options and reads it as `read` asks.
    static func open(_ repository: RepositoryOptions, _ read: ReadOptions) throws -> TrackerContext {
        try open(repository, revision: read.revision, asOf: read.date, redaction: read.redaction)
    }

    /// Opens the tracker at `revision` (default HEAD), evaluated at `asOf`.
    static func open(_ options: RepositoryOptions, revision: String? = nil, asOf: CalendarDate = .today(),
                     redaction: Redaction = Redaction(includeRestricted: false), warn: Bool = true) throws -> TrackerContext {
        let repository = try options.openTracker()
        let commit = try repository.resolve(revision ?? "HEAD")
        let snapshot = try TrackerSnapshot.load(RevisionFiles(repository: repository, commit: commit))
        if warn && !snapshot.isValid {
            let count = snapshot.diagnostics.count
            FileHandle.standardError.write(Data(
                "accord: warning: \(count) \(count == 1 ? "problem" : "problems") in the tracker, run accord validate\n".utf8))
        }
        return TrackerContext(repository: repository, commit: commit, snapshot: snapshot, asOf: asOf,
                              state: TrackerState(snapshot, asOf: asOf), resolver: IDResolver(snapshot),
                              redaction: redaction)
    }

    /// Resolves an id typed by the user (see `IDResolver`).
    func resolve(_ text: String) throws -> IDResolver.Resolved {
        try resolver.resolve(text)
    }
}
