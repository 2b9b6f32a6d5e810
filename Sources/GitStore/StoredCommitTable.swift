/// Commits and their changes in flat arrays: how a store that keeps a long history hands it
/// over in bulk (``HistoryStore/storedCommitTable(touching:)``), with no array per commit
/// and no string per path. An index read whole from it takes its arrays as they are.
///
/// Filled in three steps: the paths (``addPath(_:)``), the commits (``addCommit(id:time:parents:)``),
/// then the changes in any order (``addChange(commit:list:_:)``), each list keeping the
/// order its changes were added in; ``grouped()`` then hands over the table with its
/// changes grouped by list.
public struct StoredCommitTable: Sendable {
    /// The commits, in any order.
    private(set) var ids: [RawObjectID] = []
    private(set) var times: [Int64] = []
    /// Commit `k`'s parents are `parents[parentStarts[k] ..< parentStarts[k + 1]]`.
    private(set) var parentStarts: [Int32] = [0]
    private(set) var parents: [RawObjectID] = []
    /// Commit `k`'s change lists, one per parent (one for a root), are the lists numbered
    /// from `firstLists[k]`; list `l` is `changes[listStarts[l] ..< listStarts[l + 1]]`.
    private(set) var firstLists: [Int32] = [0]
    private(set) var listStarts: [Int32] = [0]
    private(set) var changes: [StoredChange] = []
    /// Path `p` is the UTF-8 bytes `pathBytes[pathStarts[p] ..< pathStarts[p + 1]]`.
    private(set) var pathStarts: [Int32] = [0]
    private(set) var pathBytes: [UInt8] = []
    /// The changes added, each with its list's number, until they are grouped.
    private var added: [(list: Int32, change: StoredChange)] = []

    /// An empty table.
    public init() {}

    public var commitCount: Int { ids.count }
    public var pathCount: Int { pathStarts.count - 1 }

    /// Adds a path; its number is the count of paths before it.
    public mutating func addPath(_ bytes: UnsafeRawBufferPointer) {
        pathBytes.append(contentsOf: bytes)
        pathStarts.append(Int32(pathBytes.count))
    }

    public mutating func addPath(_ path: String) {
        pathBytes.append(contentsOf: path.utf8)
        pathStarts.append(Int32(pathBytes.count))
    }

    /// Adds a commit with its parents' ids, 20 bytes each, one after another; its position
    /// is the count of commits before it. Bytes that are not whole ids add nothing and throw.
    public mutating func addCommit(id: RawObjectID, time: Int64, parents joined: UnsafeRawBufferPointer) throws(Mismatch) {
        guard joined.count % 20 == 0 else { throw Mismatch() }
        var offset = 0
        while offset + 20 <= joined.count {
            parents.append(RawObjectID(bytes: joined.baseAddress! + offset))
            offset += 20
        }
        placeCommit(id: id, time: time)
    }

    public mutating func addCommit(id: RawObjectID, time: Int64, parents: [RawObjectID]) {
        self.parents += parents
        placeCommit(id: id, time: time)
    }

    private mutating func placeCommit(id: RawObjectID, time: Int64) {
        let parentCount = parents.count - Int(parentStarts[parentStarts.count - 1])
        ids.append(id)
        times.append(time)
        parentStarts.append(Int32(parents.count))
        firstLists.append(firstLists[firstLists.count - 1] + Int32(max(parentCount, 1)))
    }

    /// Parents that are not whole ids, or a change whose commit, list or path is not in the
    /// table.
    public struct Mismatch: Error {}

    /// Adds a change of the commit at `position` against its parent number `list` (0 for a
    /// root); its path is a number of this table's.
    public mutating func addChange(commit position: Int, list: Int, _ change: StoredChange) throws(Mismatch) {
        guard position >= 0, position < ids.count, list >= 0, list < Int(firstLists[position + 1] - firstLists[position]),
              change.path >= 0, Int(change.path) < pathCount else { throw Mismatch() }
        added.append((firstLists[position] + Int32(list), change))
    }

    /// The table with its changes grouped by list, each list's in the order they were added
    /// (all added before it is grouped).
    public consuming func grouped() -> StoredCommitTable {
        let listCount = Int(firstLists[firstLists.count - 1])
        guard !added.isEmpty || listStarts.count != listCount + 1 else { return self }
        var counts = [Int32](repeating: 0, count: listCount + 1)
        for item in added { counts[Int(item.list) + 1] += 1 }
        for list in 0..<listCount { counts[list + 1] += counts[list] }
        listStarts = counts
        var next = counts
        changes = [StoredChange](repeating: StoredChange(path: 0, kind: .added, oldID: .none, newID: .none), count: added.count)
        for item in added {
            changes[Int(next[Int(item.list)])] = item.change
            next[Int(item.list)] += 1
        }
        added = []
        return self
    }

    /// The same commits as ``StoredCommitChanges`` (the table grouped first).
    public var storedCommitChanges: StoredCommitChanges {
        let table = grouped()
        var result = StoredCommitChanges()
        result.paths = (0..<table.pathCount).map { path in
            String(decoding: table.pathBytes[Int(table.pathStarts[path])..<Int(table.pathStarts[path + 1])], as: UTF8.self)
        }
        result.commits = table.ids.indices.map { commit in
            StoredCommit(id: table.ids[commit], time: table.times[commit],
                         parents: Array(table.parents[Int(table.parentStarts[commit])..<Int(table.parentStarts[commit + 1])]),
                         changes: (table.firstLists[commit]..<table.firstLists[commit + 1]).map { list in
                             Array(table.changes[Int(table.listStarts[Int(list)])..<Int(table.listStarts[Int(list) + 1])])
                         })
        }
        return result
    }

    /// The commits of `stored`, with only the changes of the paths `selection` holds (all
    /// without one); nil when a change names a path or list `stored` does not have.
    init?(_ stored: StoredCommitChanges, keeping selection: PathSelection?) {
        var places = [Int32](repeating: -1, count: stored.paths.count)
        for (number, path) in stored.paths.enumerated() where selection?.contains(path) ?? true {
            places[number] = Int32(pathCount)
            addPath(path)
        }
        for commit in stored.commits {
            addCommit(id: commit.id, time: commit.time, parents: commit.parents)
            guard commit.changes.count == max(commit.parents.count, 1) else { return nil }
        }
        for (position, commit) in stored.commits.enumerated() {
            for (list, changes) in commit.changes.enumerated() {
                for change in changes {
                    guard places.indices.contains(Int(change.path)) else { return nil }
                    guard places[Int(change.path)] >= 0 else { continue }
                    var change = change
                    change.path = places[Int(change.path)]
                    guard (try? addChange(commit: position, list: list, change)) != nil else { return nil }
                }
            }
        }
    }
}
