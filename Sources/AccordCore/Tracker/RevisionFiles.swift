public import Foundation
public import GitStore

/// A tracker as it stands at one commit of its repository.
///
/// Files are listed once with their blob ids, so each read is a single object lookup, and
/// the derived store (``RecordStore``) keeps parsed records by path and blob id.
public struct RevisionFiles: TrackerFiles {
    /// The repository.
    public let repository: Repository
    /// The commit read.
    public let commit: ObjectID
    /// Every file accord reads at `commit` with its blob id, sorted by path.
    public let files: [(path: String, blob: ObjectID)]

    /// Lists the tracker's files at `commit`.
    public init(repository: Repository, commit: ObjectID) throws {
        self.repository = repository
        self.commit = commit
        var files: [(path: String, blob: ObjectID)] = []
        if let settings = try repository.entry(TrackerLayout.settings, at: commit), settings.kind == .blob {
            files.append((settings.path, settings.id))
        }
        for folder in TrackerLayout.folders {
            for entry in try repository.files(under: folder, at: commit) where TrackerLayout.isTracked(entry.path) {
                files.append((entry.path, entry.id))
            }
        }
        // Git lists each tree in path order already, so this sort has little to do.
        files.sort { $0.path < $1.path }
        self.files = files
    }

    public func paths() throws -> [String] { files.map(\.path) }

    /// The blob id of `path`, found by a binary search of the sorted list.
    public func blob(of path: String) -> ObjectID? {
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == path ? files[low].blob : nil
    }

    public func read(_ path: String) throws -> Data {
        guard let id = blob(of: path) else {
            throw AccordError(.io, L10n.t("{1} is not in commit {2}", path, commit.short))
        }
        return try repository.blob(id)
    }
}
