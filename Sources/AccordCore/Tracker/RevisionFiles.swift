public import Foundation
public import GitStore

/// A tracker as it stands at one commit of its repository.
///
/// Files are listed once with their blob ids, so each read is a single object lookup, and
/// ``RecordCache`` keys parsed records by blob id.
public struct RevisionFiles: TrackerFiles {
    /// The repository.
    public let repository: Repository
    /// The commit read.
    public let commit: ObjectID
    /// The blob id of every file accord reads at `commit`, by path.
    public let blobs: [String: ObjectID]

    /// Lists the tracker's files at `commit`.
    public init(repository: Repository, commit: ObjectID) throws {
        self.repository = repository
        self.commit = commit
        var blobs: [String: ObjectID] = [:]
        if let settings = try repository.entry(TrackerLayout.settings, at: commit), settings.kind == .blob {
            blobs[settings.path] = settings.id
        }
        for folder in TrackerLayout.folders {
            for entry in try repository.files(under: folder, at: commit) where TrackerLayout.isTracked(entry.path) {
                blobs[entry.path] = entry.id
            }
        }
        self.blobs = blobs
    }

    public func paths() throws -> [String] { blobs.keys.sorted() }

    public func read(_ path: String) throws -> Data {
        guard let id = blobs[path] else {
            throw TrackerReadError(path: path, reason: "is not in commit \(commit.short)")
        }
        return try repository.blob(id)
    }
}
