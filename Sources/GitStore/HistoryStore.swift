internal import Foundation

/// Where a repository handle keeps, between runs, what it learned of history: each commit's
/// parents, time and changed files (the commit index), and a top-level folder's entry in
/// each commit (a folder history). The caller provides it (`Repository.historyStore`);
/// GitStore knows nothing of where or how it is kept.
///
/// Everything is keyed by commit ids, which never change meaning, so nothing stored can be
/// stale: a store only ever gains commits. Nothing in it is required either: a store that
/// answers nothing, or loses what it was given, only makes the next question slower. A
/// store must give back only whole additions: every commit it returns has each of its
/// parents returned too, or it returns none of what that addition held.
public protocol HistoryStore: AnyObject, Sendable {
    /// Every commit stored with its changes.
    func storedCommitChanges() -> StoredCommitChanges
    /// Every commit stored, in one table, with only the changes of the paths `selection`
    /// holds (every change without one; the table's paths are those of its changes, at
    /// least); nil when the store cannot, and the caller reads ``storedCommitChanges()``.
    func storedCommitTable(touching selection: PathSelection?) -> StoredCommitTable?
    /// Stores `commits`, whose parents are stored already or among them; best effort.
    func addCommitChanges(_ commits: StoredCommitChanges)
    /// Every commit stored with its entry for the top-level `folder`.
    func storedFolderCommits(_ folder: String) -> [StoredFolderCommit]
    /// Stores `commits` with their entries for `folder`, whose parents are stored already
    /// or among them; best effort.
    func addFolderCommits(_ commits: [StoredFolderCommit], folder: String)
    /// The commits that changed each of `paths` (inside the top-level `folder`) in the
    /// history of `tip`, newest first, when stored for that tip; nil otherwise.
    func storedPathHistories(_ paths: [String], folder: String, tip: RawObjectID) -> [[RawObjectID]]?
    /// Stores the answer of ``storedPathHistories(_:folder:tip:)``; best effort. A store may
    /// keep the answers of a few tips only: each later tip's is found from them.
    func addPathHistories(_ histories: [[RawObjectID]], paths: [String], folder: String, tip: RawObjectID)
}

extension HistoryStore {
    /// A store that hands over its commits as ``StoredCommitChanges`` only.
    public func storedCommitTable(touching selection: PathSelection?) -> StoredCommitTable? { nil }

    /// A store that keeps no answers.
    public func storedPathHistories(_ paths: [String], folder: String, tip: RawObjectID) -> [[RawObjectID]]? { nil }
    public func addPathHistories(_ histories: [[RawObjectID]], paths: [String], folder: String, tip: RawObjectID) {}
}

/// Commits with the files each changed, every path given once.
public struct StoredCommitChanges: Sendable {
    /// The paths the changes name by number (their index here).
    public var paths: [String]
    /// The commits, in any order.
    public var commits: [StoredCommit]

    /// Commits whose changes name the paths of `paths` by their index.
    public init(paths: [String] = [], commits: [StoredCommit] = []) {
        self.paths = paths
        self.commits = commits
    }
}

/// A commit as the commit index holds it.
public struct StoredCommit: Sendable {
    /// The commit.
    public var id: RawObjectID
    /// Its committer time (seconds since 1970).
    public var time: Int64
    /// Its parents, in order.
    public var parents: [RawObjectID]
    /// The files it changed against each parent in turn; one list, against the empty tree,
    /// for a root commit.
    public var changes: [[StoredChange]]

    /// A commit with its changes against each parent.
    public init(id: RawObjectID, time: Int64, parents: [RawObjectID], changes: [[StoredChange]]) {
        self.id = id
        self.time = time
        self.parents = parents
        self.changes = changes
    }
}

/// One file a commit changed against one parent.
public struct StoredChange: Sendable, Equatable {
    /// The path's number in ``StoredCommitChanges/paths``.
    public var path: Int32
    /// Added, modified or deleted.
    public var kind: PathChange.Kind
    /// The blob before; ``RawObjectID/none`` when added.
    public var oldID: RawObjectID
    /// The blob after; ``RawObjectID/none`` when deleted.
    public var newID: RawObjectID

    /// A change of the path numbered `path`.
    public init(path: Int32, kind: PathChange.Kind, oldID: RawObjectID, newID: RawObjectID) {
        self.path = path
        self.kind = kind
        self.oldID = oldID
        self.newID = newID
    }
}

/// A commit as a folder history holds it: its parents, its time and the folder's entry in
/// its root tree.
public struct StoredFolderCommit: Sendable, Equatable {
    /// The commit.
    public var id: RawObjectID
    /// Its committer time (seconds since 1970).
    public var time: Int64
    /// Its parents, in order.
    public var parents: [RawObjectID]
    /// The folder's entry (a tree, or whatever else git holds under that name); nil when
    /// the commit has no such entry.
    public var entry: RawObjectID?
    /// The entry's mode as git stores it; 0 when there is no entry.
    public var mode: UInt32

    /// A commit with the folder's entry in it.
    public init(id: RawObjectID, time: Int64, parents: [RawObjectID], entry: RawObjectID?, mode: UInt32) {
        self.id = id
        self.time = time
        self.parents = parents
        self.entry = entry
        self.mode = mode
    }
}

/// A ``HistoryStore`` that keeps everything in memory, for as long as it lives: for a caller
/// with nowhere to write, and for tests.
public final class MemoryHistoryStore: HistoryStore, @unchecked Sendable {
    private let lock = NSLock()
    private var commitChanges = StoredCommitChanges()
    private var folders: [String: [StoredFolderCommit]] = [:]

    /// An empty store.
    public init() {}

    public func storedCommitChanges() -> StoredCommitChanges {
        lock.withLock { commitChanges }
    }

    public func storedCommitTable(touching selection: PathSelection?) -> StoredCommitTable? {
        StoredCommitTable(storedCommitChanges(), keeping: selection)
    }

    /// The number of each path held.
    private var pathNumbers: [String: Int32] = [:]

    /// Adds the commits not held yet, each path numbered once; a commit held is kept as it
    /// is (as a database keyed by commit id and path keeps its rows), even when what it
    /// holds does not add up.
    public func addCommitChanges(_ added: StoredCommitChanges) {
        lock.withLock {
            let numbers = added.paths.map { path -> Int32 in
                if let number = pathNumbers[path] { return number }
                commitChanges.paths.append(path)
                pathNumbers[path] = Int32(commitChanges.paths.count - 1)
                return Int32(commitChanges.paths.count - 1)
            }
            let held = Set(commitChanges.commits.map(\.id))
            commitChanges.commits += added.commits.filter { !held.contains($0.id) }.map { commit in
                var commit = commit
                commit.changes = commit.changes.map { list in list.map { change in
                    // A number out of range stays so, as a damaged row would.
                    var change = change
                    change.path = numbers.indices.contains(Int(change.path)) ? numbers[Int(change.path)] : .max
                    return change
                } }
                return commit
            }
        }
    }

    public func storedFolderCommits(_ folder: String) -> [StoredFolderCommit] {
        lock.withLock { folders[folder] ?? [] }
    }

    public func addFolderCommits(_ commits: [StoredFolderCommit], folder: String) {
        lock.withLock { folders[folder, default: []] += commits }
    }

    /// The answers kept, by folder, tip and paths.
    private var answers: [String: [[RawObjectID]]] = [:]

    public func storedPathHistories(_ paths: [String], folder: String, tip: RawObjectID) -> [[RawObjectID]]? {
        lock.withLock { answers[Self.key(paths, folder, tip)] }
    }

    public func addPathHistories(_ histories: [[RawObjectID]], paths: [String], folder: String, tip: RawObjectID) {
        lock.withLock { answers[Self.key(paths, folder, tip)] = histories }
    }

    private static func key(_ paths: [String], _ folder: String, _ tip: RawObjectID) -> String {
        ([folder, tip.objectID.hex] + paths).joined(separator: "\u{1F}")
    }

    /// Forgets everything, as a store that was lost would.
    public func removeAll() {
        lock.withLock {
            commitChanges = StoredCommitChanges()
            pathNumbers = [:]
            folders = [:]
            answers = [:]
        }
    }
}
