public import Foundation
public import GitStore

/// Writes new append-only records (a status report, a piece of evidence, a withdrawal),
/// each write one commit, through GitStore.
///
/// A write checks the tracker with the new files first, and is refused when a problem lies
/// in one of them; problems elsewhere are not this write's doing and do not block it (one
/// bad record arriving by sync must not stop a border post from recording progress).
/// Record files are created, never overwritten; attachments are content-addressed, so the
/// same bytes again are the same file. A lost race on the branch is retried inside
/// GitStore; a record name another writer took meanwhile is retried here with a fresh one.
public struct RecordWriter {
    /// How often a write asks for a fresh name before it gives up.
    public static let attempts = 5

    /// The repository written to.
    public let repository: Repository
    /// Every record of `base`, whatever its date: what new files are checked against.
    public let snapshot: TrackerSnapshot
    /// The commit read. The branch may have moved on since: a record is written on the tip.
    public let base: ObjectID

    /// A writer of records checked against `base`, whose records are `snapshot`.
    public init(repository: Repository, snapshot: TrackerSnapshot, base: ObjectID) {
        self.repository = repository
        self.snapshot = snapshot
        self.base = base
    }

    /// Throws ``InvalidTrackerData`` (65, every problem listed) when the files `new`
    /// (path → content) would add a problem in any of `new`'s own files.
    public func requireValid(adding new: [String: Data]) throws {
        let problems = try snapshot.problems(adding: new, repository: repository, commit: base)
        if !problems.isEmpty { throw InvalidTrackerData(problems) }
    }

    /// Commits one new record as `author`: `make` builds its files (path → content) and the
    /// commit message, and is asked again, at most ``attempts`` times, when another writer
    /// took one of the names meanwhile. Returns the new commit, which `accord undo` may
    /// take back (``LastWrite``).
    /// `replacing` names files that exist and are written anew (a request's answer); every
    /// other file must be new.
    public func commit(author: Signature, replacing: Set<String> = [],
                       _ make: () throws -> (files: [String: Data], message: String)) throws -> ObjectID {
        var lastError: GitError?
        for _ in 0..<Self.attempts {
            let (files, message) = try make()
            try requireValid(adding: files)
            var changes = ChangeSet()
            for (path, data) in files {
                if TrackerLayout.isAttachment(path) || replacing.contains(path) { changes.write(path, data) } else { changes.create(path, data) }
            }
            do {
                let new = try repository.apply(changes, message: message, author: author)
                // The next command then finds this revision in the derived store.
                snapshot.storeAppended(files, repository: repository, parent: base, commit: new)
                if let path = files.keys.filter({ !TrackerLayout.isAttachment($0) }).sorted().first {
                    LastWrite.remember(new, record: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                                       in: repository)
                }
                return new
            } catch let error as GitError where error.kind == .exists {
                lastError = error
            }
        }
        throw lastError.map(AccordError.init) ?? AccordError(.internal, L10n.t("no attempt to write the record was made"))
    }

    /// One record of a series (``commitSeries(_:)``): its files (path → content, all new),
    /// its commit message and author.
    public struct SeriesRecord {
        /// The record's files, path → content; every one must be new.
        public var files: [String: Data]
        /// The commit message.
        public var message: String
        /// The author, with the date of the fact recorded.
        public var author: Signature

        /// A record of `files`, committed with `message` as `author`.
        public init(files: [String: Data], message: String, author: Signature) {
            self.files = files
            self.message = message
            self.author = author
        }
    }

    /// Commits many new append-only records (status reports, evidence), one commit each, in
    /// order: what ``commit(author:replacing:_:)`` would make for each in turn, written
    /// together. The files of all of them are checked at once against the snapshot (each
    /// other included: no two may share an id), and the branch moves once to the last
    /// commit, so a reader sees all of them or none. `make` is asked again, at most
    /// ``attempts`` times, when another writer took one of the names meanwhile. Returns
    /// the commits in order; `accord undo` may take back the last.
    public func commitSeries(_ make: () throws -> [SeriesRecord]) throws -> [ObjectID] {
        var lastError: GitError?
        for _ in 0..<Self.attempts {
            let records = try make()
            guard !records.isEmpty else { return [] }
            var all: [String: Data] = [:]
            for record in records { all.merge(record.files) { first, _ in first } }
            try requireValid(adding: all)
            let series = records.map { record in
                var changes = ChangeSet()
                for (path, data) in record.files {
                    if TrackerLayout.isAttachment(path) { changes.write(path, data) } else { changes.create(path, data) }
                }
                return Repository.SeriesCommit(changes: changes, message: record.message, author: record.author)
            }
            do {
                let commits = try repository.applySeries(series)
                snapshot.storeAppended(all, repository: repository, parent: base, series: commits)
                if let last = commits.last,
                   let path = records[records.count - 1].files.keys.filter({ !TrackerLayout.isAttachment($0) }).sorted().first {
                    LastWrite.remember(last, record: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                                       in: repository)
                }
                return commits
            } catch let error as GitError where error.kind == .exists {
                lastError = error
            }
        }
        throw lastError.map(AccordError.init) ?? AccordError(.internal, "no attempt to write the records was made")
    }
}
