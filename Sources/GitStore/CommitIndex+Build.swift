internal import CLibGit2
internal import Foundation

extension CommitIndex {
    /// A commit read from git for the index, before it is compared with its parents.
    private struct WalkedCommit {
        var id: RawObjectID
        var time: Int64
        var parents: [RawObjectID]
        var tree: RawObjectID
    }

    /// Makes the index hold every commit reachable from `start` and returns its position.
    ///
    /// Reads what `store` holds (once per index), then walks from `start` through the index;
    /// a commit found there is not read again, one that is not is read from git and compared
    /// with its parents, and those commits are given to `store`. Throws only what git throws;
    /// storing is best effort.
    mutating func cover(_ start: RawObjectID, in repository: Repository, store: (any HistoryStore)?) throws -> Int32 {
        if coveredStarts.contains(start), let found = position(of: start) { return found }
        return try withoutObjectCache { try extend(toCover: start, in: repository, store: store) }
    }

    /// Reads what `store` holds, unless read already. Reads no git object, so it may run on
    /// another thread.
    mutating func load(from store: (any HistoryStore)?) {
        guard !loadedStore, let store else { return }
        loadedStore = true
        if let table = store.storedCommitTable(touching: scope) {
            try? append(table)
        } else {
            scope = nil
            try? append(store.storedCommitChanges())
        }
    }

    private mutating func extend(toCover start: RawObjectID, in repository: Repository, store: (any HistoryStore)?) throws -> Int32 {
        load(from: store)
        // Child first along first parents, so each commit's parent is compared next and its
        // trees are still loaded.
        var walked: [WalkedCommit] = []
        var walkedIDs: Set<RawObjectID> = []
        var visited: [Bool] = []
        // Commits in the index are followed by position; the others by id.
        var stack: [(id: RawObjectID, position: Int32)] = [(start, -1)]
        while let (id, known) = stack.popLast() {
            if let found = known >= 0 ? known : position(of: id) {
                if visited.count < commits.count { visited += repeatElement(false, count: commits.count - visited.count) }
                if visited[Int(found)] { continue }
                visited[Int(found)] = true
                for index in parentRange(of: found).reversed() {
                    stack.append((parents[index], parentPositions[index]))
                }
                continue
            }
            if walkedIDs.contains(id) { continue }
            walkedIDs.insert(id)
            let commit = try repository.withCommit(id) { commit in
                WalkedCommit(id: id, time: Int64(git_commit_time(commit)),
                             parents: (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(RawObjectID.init) },
                             tree: RawObjectID(git_commit_tree_id(commit)))
            }
            walked.append(commit)
            stack.append(contentsOf: commit.parents.reversed().map { ($0, -1) })
        }
        if !walked.isEmpty {
            let added = try Self.compare(walked, gitDirectory: repository.gitDirectory)
            do {
                try append(added)
            } catch {
                throw GitError(.other, "the commit index could not take the commits it read")
            }
            store?.addCommitChanges(added)
        }
        guard let found = position(of: start) else { throw GitError(.other, "the commit index lost \(start.objectID.short)") }
        coveredStarts.insert(start)
        return found
    }

    /// Each walked commit's changes against each parent (against nothing for a root), on
    /// all cores: most of building the index of a long history. Each core compares one run
    /// of consecutive commits (child first, so the trees it loaded for a commit serve its
    /// parent next) through a repository handle of its own, since libgit2 objects may not
    /// be shared between threads.
    private static func compare(_ walked: [WalkedCommit], gitDirectory: URL) throws -> StoredCommitChanges {
        let walkedTrees = Dictionary(walked.map { ($0.id, $0.tree) }, uniquingKeysWith: { first, _ in first })
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, walked.count / 8))
        let size = (walked.count + workers - 1) / workers
        let runs = stride(from: 0, to: walked.count, by: size).map { $0..<min($0 + size, walked.count) }
        let results = ComparedRuns(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { run in
            results.set(run, Result {
                let trees = try TreeComparison(repository: try Repository.open(at: gitDirectory))
                return try walked[runs[run]].map { commit in
                    var lists: [[RawPathChange]] = []
                    if commit.parents.isEmpty { lists.append(try trees.changes(from: nil, to: commit.tree)) }
                    for parent in commit.parents {
                        let parentTree = try walkedTrees[parent] ?? trees.rootTree(ofCommit: parent)
                        lists.append(try trees.changes(from: parentTree, to: commit.tree))
                    }
                    trees.endStep()
                    return lists
                }
            })
        }
        let compared = try results.all().flatMap { try $0.get() }
        // Each path numbered once, in the order first met.
        var added = StoredCommitChanges()
        var numbers: [String: Int32] = [:]
        func number(_ path: String) -> Int32 {
            if let number = numbers[path] { return number }
            numbers[path] = Int32(added.paths.count)
            added.paths.append(path)
            return Int32(added.paths.count - 1)
        }
        added.commits.reserveCapacity(walked.count)
        for (commit, lists) in zip(walked, compared) {
            added.commits.append(StoredCommit(id: commit.id, time: commit.time, parents: commit.parents, changes: lists.map { list in
                list.map { StoredChange(path: number($0.path), kind: $0.kind, oldID: $0.oldID, newID: $0.newID) }
            }))
        }
        return added
    }
}

/// The comparisons of each run, set by the thread that made them.
private final class ComparedRuns: @unchecked Sendable {
    private var runs: [Result<[[[RawPathChange]]], any Error>?]
    private let lock = NSLock()

    init(count: Int) { runs = Array(repeating: nil, count: count) }

    func set(_ run: Int, _ result: Result<[[[RawPathChange]]], any Error>) {
        lock.withLock { runs[run] = result }
    }

    func all() -> [Result<[[[RawPathChange]]], any Error>] {
        lock.withLock { runs.map { $0 ?? .failure(GitError(.other, "a comparison did not run")) } }
    }
}
