public import Foundation
public import GitStore

/// The one write path for append-only records (status reports, evidence, withdrawals),
/// shared by the command line and the web UI so both check, lock and commit alike.
extension TrackerSnapshot {
    /// Refuses (exit 65, every problem listed) when the files `new` would add a problem
    /// in any of `new`'s own files. Problems elsewhere are not this write's doing and do
    /// not block it: one bad record arriving by sync must not stop a border post from
    /// recording progress. This snapshot is every record of `commit`, whatever its date.
    public func requireValid(adding new: [String: Data], repository: Repository, commit: ObjectID) throws {
        let problems = try problems(adding: new, repository: repository, commit: commit)
        if !problems.isEmpty { throw InvalidTrackerData(problems) }
    }

    /// Commits one new append-only record on top of `commit` (the revision this snapshot
    /// holds every record of): `make` builds the files (created, never overwritten) and the
    /// message; when another writer took the same name meanwhile, it is asked again for a
    /// fresh name, at most five times. Returns the new commit and the files it wrote.
    public func commitRecord(in repository: Repository, at commit: ObjectID, author: Signature,
                             _ make: () throws -> (files: [String: Data], message: String))
        throws -> (commit: ObjectID, files: [String: Data]) {
        var lastError: (any Error)?
        for _ in 0..<5 {
            let (files, message) = try make()
            try requireValid(adding: files, repository: repository, commit: commit)
            var changes = ChangeSet()
            for (path, data) in files {
                // Attachments are content-addressed: the same bytes again is the same file.
                if path.hasPrefix("Evidence/attachments/") { changes.write(path, data) } else { changes.create(path, data) }
            }
            do {
                let new = try repository.apply(changes, message: message, author: author)
                // The next read then finds this revision in the record cache.
                storeAppended(files, repository: repository, parent: commit, commit: new)
                return (new, files)
            } catch let error as GitError where error.kind == .exists {
                lastError = error
            }
        }
        throw lastError!
    }
}
