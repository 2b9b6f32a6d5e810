internal import Foundation

/// What history questions need of every commit reachable from a tip: its parents, its commit
/// time, and the files it changed against each parent (against the empty tree for a root).
/// Built from git once, kept by the caller's ``HistoryStore`` (keyed by commit ids), extended
/// by the commits added since (`CommitIndex+Build.swift`).
///
/// Everything is held in flat arrays of plain values, and paths once each per addition as
/// bytes, so that asking about a few paths among 50,000 commits costs milliseconds.
struct CommitIndex {
    struct Commit {
        var id: RawObjectID
        /// The committer time, which orders `git log`.
        var time: Int64
        /// Its parents are `parents[firstParent ..< firstParent + parentCount]`.
        var firstParent: Int32
        var parentCount: Int32
        /// Its change lists are `lists[firstList ...]`: one per parent, or one for a root.
        var firstList: Int32

        var listCount: Int32 { max(parentCount, 1) }
    }

    /// A change's path is a number in the index's path table.
    typealias Change = StoredChange

    private(set) var commits: [Commit] = []
    /// Parent ids, and the position of each in `commits` (-1 while not loaded).
    private(set) var parents: [RawObjectID] = []
    private(set) var parentPositions: [Int32] = []
    /// List `k` is `changes[listStarts[k] ..< listStarts[k + 1]]`.
    private(set) var listStarts: [Int32] = [0]
    private(set) var changes: [Change] = []
    /// Path `k` is the UTF-8 bytes `pathBytes[pathStarts[k] ..< pathStarts[k + 1]]`.
    private(set) var pathStarts: [Int32] = [0]
    private(set) var pathBytes: [UInt8] = []
    /// Commit positions by id: the table an addition to an empty index made to find parents
    /// (`append`), or one built on demand (`position(of:)`) for an index that grew from git
    /// a few commits at a time, whose questions mostly need only the newest commit.
    private var lookup: [RawObjectID: Int32]?
    private var lookupMisses = 0
    /// Whether what the store holds has been read (see `cover`).
    var loadedStore = false
    /// When set, what the store holds is read with the changes of these paths alone
    /// (``HistoryStore/storedCommitTable(touching:)``): every commit is there, and the index
    /// answers questions about these paths only. Cleared when the store gives everything.
    var scope: PathSelection?
    /// The starts whose whole history is known to be here.
    var coveredStarts: Set<RawObjectID> = []

    var pathCount: Int { pathStarts.count - 1 }

    func path(_ index: Int32) -> String {
        String(decoding: pathBytes(index), as: UTF8.self)
    }

    func pathBytes(_ index: Int32) -> ArraySlice<UInt8> {
        pathBytes[Int(pathStarts[Int(index)])..<Int(pathStarts[Int(index) + 1])]
    }

    func parentRange(of position: Int32) -> Range<Int> {
        let commit = commits[Int(position)]
        return Int(commit.firstParent)..<Int(commit.firstParent + commit.parentCount)
    }

    func changes(of position: Int32, against parent: Int) -> ArraySlice<Change> {
        let list = Int(commits[Int(position)].firstList) + parent
        return changes[Int(listStarts[list])..<Int(listStarts[list + 1])]
    }

    // MARK: - Adding

    /// The counts before an append, to undo one that failed half-way.
    struct Mark {
        let commits: Int, parents: Int, lists: Int, changes: Int, paths: Int, pathBytes: Int
    }

    var mark: Mark {
        Mark(commits: commits.count, parents: parents.count, lists: listStarts.count, changes: changes.count,
             paths: pathStarts.count, pathBytes: pathBytes.count)
    }

    mutating func rollBack(to mark: Mark) {
        commits.removeLast(commits.count - mark.commits)
        parents.removeLast(parents.count - mark.parents)
        parentPositions.removeLast(parentPositions.count - mark.parents)
        listStarts.removeLast(listStarts.count - mark.lists)
        changes.removeLast(changes.count - mark.changes)
        pathStarts.removeLast(pathStarts.count - mark.paths)
        pathBytes.removeLast(pathBytes.count - mark.pathBytes)
    }

    /// A store's commits whose numbers do not add up (a path or a change list that is not
    /// there): the whole addition is left out.
    struct DamagedAddition: Error {}

    /// Adds `added`'s commits not held yet, with their paths, and finds each parent's place.
    /// On any inconsistency the index is left as it was.
    ///
    /// Each commit's parents and changes are let go of as soon as they are copied: a store
    /// holding a decade's 50,000 commits is then never held twice, in its form and the index's.
    mutating func append(_ added: consuming StoredCommitChanges) throws(DamagedAddition) {
        var added = added
        let mark = self.mark
        let pathBase = Int32(pathCount)
        let addedPaths = added.paths.count
        pathStarts.reserveCapacity(pathStarts.count + addedPaths)
        for path in added.paths {
            pathBytes.append(contentsOf: path.utf8)
            pathStarts.append(Int32(pathBytes.count))
        }
        added.paths = []
        // Room for all at once: an array doubling as it grows holds its old and new copies.
        var addedParents = 0, addedLists = 0, addedChanges = 0
        for commit in added.commits {
            addedParents += commit.parents.count
            addedLists += commit.changes.count
            for list in commit.changes { addedChanges += list.count }
        }
        commits.reserveCapacity(commits.count + added.commits.count)
        parents.reserveCapacity(parents.count + addedParents)
        parentPositions.reserveCapacity(parentPositions.count + addedParents)
        listStarts.reserveCapacity(listStarts.count + addedLists)
        changes.reserveCapacity(changes.count + addedChanges)
        // The added commits' positions by id: their parents are found here first (a store's
        // commits are mostly each other's parents), and an index read whole from a store
        // keeps it as its lookup table.
        var placed: [RawObjectID: Int32] = [:]
        placed.reserveCapacity(added.commits.count)
        for index in added.commits.indices {
            let id = added.commits[index].id, time = added.commits[index].time
            let commitParents = added.commits[index].parents, lists = added.commits[index].changes
            added.commits[index].parents = []
            added.commits[index].changes = []
            guard lists.count == max(commitParents.count, 1) else {
                rollBack(to: mark)
                throw DamagedAddition()
            }
            guard placed[id] == nil, lookup?[id] == nil else { continue }
            placed[id] = Int32(commits.count)
            commits.append(Commit(id: id, time: time, firstParent: Int32(parents.count),
                                  parentCount: Int32(commitParents.count), firstList: Int32(listStarts.count - 1)))
            parents.append(contentsOf: commitParents)
            parentPositions.append(contentsOf: repeatElement(-1, count: commitParents.count))
            for list in lists {
                for change in list {
                    guard change.path >= 0, Int(change.path) < addedPaths else {
                        rollBack(to: mark)
                        throw DamagedAddition()
                    }
                    var change = change
                    change.path += pathBase
                    changes.append(change)
                }
                listStarts.append(Int32(changes.count))
            }
        }
        if mark.commits == 0, lookup == nil {
            lookup = placed
        } else if lookup != nil {
            for (id, position) in placed { lookup?[id] = position }
        }
        for index in parentPositions.indices where parentPositions[index] < 0 {
            parentPositions[index] = placed[parents[index]] ?? position(of: parents[index]) ?? -1
        }
    }

    /// Adds a store's table. An empty index takes its arrays as they are, and the table of
    /// positions it makes to find parents as its lookup; any other adds each commit as
    /// ``append(_:)-(StoredCommitChanges)`` does. A table that repeats a commit is left out
    /// whole.
    mutating func append(_ table: consuming StoredCommitTable) throws(DamagedAddition) {
        let table = table.grouped()
        guard commits.isEmpty, lookup == nil else { return try append(table.storedCommitChanges) }
        var placed: [RawObjectID: Int32] = [:]
        placed.reserveCapacity(table.commitCount)
        var added: [Commit] = []
        added.reserveCapacity(table.commitCount)
        for position in 0..<table.commitCount {
            let id = table.ids[position], firstParent = table.parentStarts[position]
            guard placed.updateValue(Int32(position), forKey: id) == nil else { throw DamagedAddition() }
            added.append(Commit(id: id, time: table.times[position], firstParent: firstParent,
                                parentCount: table.parentStarts[position + 1] - firstParent, firstList: table.firstLists[position]))
        }
        commits = added
        parents = table.parents
        parentPositions = table.parents.map { placed[$0] ?? -1 }
        listStarts = table.listStarts
        changes = table.changes
        pathStarts = table.pathStarts
        pathBytes = table.pathBytes
        lookup = placed
    }

    /// Where the commit `id` is; nil when it is not in the index. The first few questions scan
    /// from the newest commits (the usual question is about a tip), then a table is built.
    mutating func position(of id: RawObjectID) -> Int32? {
        if let lookup { return lookup[id] }
        if lookupMisses < 64 {
            lookupMisses += 1
            return commits.lastIndex { $0.id == id }.map(Int32.init)
        }
        var table: [RawObjectID: Int32] = [:]
        table.reserveCapacity(commits.count)
        for (position, commit) in commits.enumerated() where table[commit.id] == nil {
            table[commit.id] = Int32(position)
        }
        lookup = table
        return table[id]
    }

    // MARK: - Questions

    /// `history(matching:from:limit:)` for several paths at once, in one pass, when the
    /// history from `start` is a single line of commits (no merge: each commit's entry at a
    /// path equals its parent's or not, and the walk is the same for every path); nil when
    /// it holds a merge, or a commit not in the index.
    func linearHistories(matching masks: [[Bool]], from start: Int32) -> [[Int32]]? {
        var results = [[Int32]](repeating: [], count: masks.count)
        var position = start
        var steps = 0
        while true {
            let parentIndices = parentRange(of: position)
            guard parentIndices.count <= 1, steps <= commits.count else { return nil }
            steps += 1
            for (number, mask) in masks.enumerated() where changes(of: position, against: 0).contains(where: { mask[Int($0.path)] }) {
                results[number].append(position)
            }
            guard let index = parentIndices.first else { return results }
            let parent = parentPositions[index]
            guard parent >= 0 else { return nil }
            position = parent
        }
    }

    /// The commits reachable from `start`, as positions; nil when some are not in the index.
    func reachable(from start: Int32) -> [Int32]? {
        var seen = [Bool](repeating: false, count: commits.count)
        var result: [Int32] = []
        var stack = [start]
        seen[Int(start)] = true
        while let position = stack.popLast() {
            result.append(position)
            for index in parentRange(of: position) {
                let parent = parentPositions[index]
                if parent < 0 { return nil }
                if !seen[Int(parent)] {
                    seen[Int(parent)] = true
                    stack.append(parent)
                }
            }
        }
        return result
    }

    /// The commits reachable from `start` in the order `Repository.log` gives: libgit2 1.5's
    /// topological sort with its time-ordered heap, ties included (see `LogHeap`).
    func logOrder(from start: Int32, reachable: [Int32]) -> [Int32] {
        var inDegree = [Int32](repeating: 0, count: commits.count)
        for position in reachable { inDegree[Int(position)] = 1 }
        for position in reachable {
            for index in parentRange(of: position) where inDegree[Int(parentPositions[index])] != 0 {
                inDegree[Int(parentPositions[index])] += 1
            }
        }
        var heap = LogHeap(times: commits.map(\.time))
        heap.insert(start)
        var result: [Int32] = []
        result.reserveCapacity(reachable.count)
        while let next = heap.pop() {
            for index in parentRange(of: next) {
                let parent = Int(parentPositions[index])
                if inDegree[parent] == 0 { continue }
                inDegree[parent] -= 1
                if inDegree[parent] == 1 { heap.insert(Int32(parent)) }
            }
            inDegree[Int(next)] = 0
            result.append(next)
        }
        return result
    }

    /// Which paths are `path` or lie under it (all for `""`), by path index.
    func pathsAt(_ path: String) -> [Bool] {
        let wanted = Array(path.utf8)
        return (0..<pathCount).map { index in
            let start = Int(pathStarts[index]), end = Int(pathStarts[index + 1])
            if wanted.isEmpty { return true }
            guard end - start >= wanted.count, pathBytes[start..<start + wanted.count].elementsEqual(wanted) else { return false }
            return end - start == wanted.count || pathBytes[start + wanted.count] == UInt8(ascii: "/")
        }
    }

    /// The commits that changed the path `matches` marks, newest first, with git's default
    /// history simplification (see `Repository.history(of:from:limit:)`).
    func history(matching matches: [Bool], from start: Int32, limit: Int?) -> [Int32] {
        func differs(_ position: Int32, against parent: Int) -> Bool {
            changes(of: position, against: parent).contains { matches[Int($0.path)] }
        }
        var queue = HistoryQueue()
        var queued = [Bool](repeating: false, count: commits.count)
        queued[Int(start)] = true
        queue.insert(start, time: commits[Int(start)].time)
        var result: [Int32] = []
        while let position = queue.pop() {
            let parentIndices = parentRange(of: position)
            var follow = parentIndices.map { parentPositions[$0] }
            var listed = true
            if parentIndices.isEmpty {
                listed = differs(position, against: 0)
            } else {
                for (number, index) in parentIndices.enumerated() where !differs(position, against: number) {
                    follow = [parentPositions[index]]
                    listed = false
                    break
                }
            }
            if listed {
                result.append(position)
                if let limit, result.count >= limit { break }
            }
            for parent in follow where !queued[Int(parent)] {
                queued[Int(parent)] = true
                queue.insert(parent, time: commits[Int(parent)].time)
            }
        }
        return result
    }
}

/// libgit2 1.5's priority queue as its revision walk uses it (`pqueue.c`, a binary heap
/// ordered by commit time, newest first): reproduced step for step, because commits with
/// equal times come out in the order this heap gives them, and `log` must match.
private struct LogHeap {
    let times: [Int64]
    private var items: [Int32] = []

    init(times: [Int64]) {
        self.times = times
    }

    /// libgit2's `git_commit_list_time_cmp`: negative when `a` is newer.
    private func compare(_ a: Int32, _ b: Int32) -> Int {
        let timeA = times[Int(a)], timeB = times[Int(b)]
        return timeA < timeB ? 1 : timeA > timeB ? -1 : 0
    }

    mutating func insert(_ item: Int32) {
        items.append(item)
        var index = items.count - 1
        while index > 0 {
            let parent = (index - 1) >> 1
            if compare(items[parent], item) <= 0 { break }
            items[index] = items[parent]
            index = parent
        }
        items[index] = item
    }

    mutating func pop() -> Int32? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        var index = 0
        while true {
            var kid = 2 * index + 1
            if kid >= items.count { break }
            if kid + 1 < items.count && compare(items[kid], items[kid + 1]) > 0 { kid += 1 }
            if compare(last, items[kid]) <= 0 { break }
            items[index] = items[kid]
            index = kid
        }
        items[index] = last
        return top
    }
}

/// The queue of `Repository.history(of:)`: latest commit time first, and among equal times
/// the one queued first.
private struct HistoryQueue {
    private var items: [(time: Int64, order: Int, position: Int32)] = []
    private var order = 0

    private static func before(_ a: (time: Int64, order: Int, position: Int32), _ b: (time: Int64, order: Int, position: Int32)) -> Bool {
        a.time != b.time ? a.time > b.time : a.order < b.order
    }

    mutating func insert(_ position: Int32, time: Int64) {
        order += 1
        items.append((time, order, position))
        var index = items.count - 1
        while index > 0, Self.before(items[index], items[(index - 1) >> 1]) {
            items.swapAt(index, (index - 1) >> 1)
            index = (index - 1) >> 1
        }
    }

    mutating func pop() -> Int32? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var index = 0
            while true {
                var best = index
                for kid in [2 * index + 1, 2 * index + 2] where kid < items.count && Self.before(items[kid], items[best]) {
                    best = kid
                }
                if best == index { break }
                items.swapAt(index, best)
                index = best
            }
        }
        return top.position
    }
}
