internal import CLibGit2
internal import Foundation

extension CommitIndex {
    /// A chain of more segments than this is rewritten as one.
    static let compactionDepth = 8
    /// At most this many segment files are kept; the oldest go first.
    static let maximumFiles = 24

    /// A commit read from git for the index, before it is compared with its parents.
    private struct WalkedCommit {
        var id: RawObjectID
        var time: Int64
        var parents: [RawObjectID]
        var tree: RawObjectID
    }

    /// Makes the index hold every commit reachable from `start` and returns its position.
    ///
    /// Reads the stored segments it needs (the one named `start`, else the newest), then walks
    /// from `start` through the index; a commit found neither there nor in any stored segment
    /// is read from git and compared with its parents, and those commits are stored as a new
    /// segment named after the newest of them, whose bases are the segments holding their
    /// parents. Throws only what git throws; storing is best effort.
    mutating func cover(_ start: RawObjectID, in repository: Repository) throws -> Int32 {
        if coveredStarts.contains(start), let found = position(of: start) { return found }
        return try withoutObjectCache { try extend(toCover: start, in: repository) }
    }

    /// Reads the stored segment `name` and the segments it rests on, skipping those in
    /// `tried` (and adding every one it tries there). A damaged segment is left out.
    mutating func load(_ name: RawObjectID, from folder: CacheFolder, tried: inout Set<RawObjectID>) {
        var pending = [name]
        while let next = pending.popLast() {
            guard tried.insert(next).inserted, let data = folder.read(next) else { continue }
            if let bases = try? data.withUnsafeBytes({ try appendSegment($0, name: next) }) { pending += bases }
        }
    }

    /// The newest stored segment and those it rests on: what a question about the tip
    /// usually needs. Reads files only (no git object), so it may run on another thread.
    static func newestStored(in folder: CacheFolder) -> CommitIndex {
        var index = CommitIndex()
        var tried: Set<RawObjectID> = []
        if let newest = folder.names().first { index.load(newest, from: folder, tried: &tried) }
        return index
    }

    private mutating func extend(toCover start: RawObjectID, in repository: Repository) throws -> Int32 {
        let folder = CacheFolder.commitIndex(gitDirectory: repository.gitDirectory)
        let stored = folder.names()
        var tried = Set(segments.map(\.name))
        func load(_ name: RawObjectID) { self.load(name, from: folder, tried: &tried) }
        if position(of: start) == nil, stored.contains(start) { load(start) }
        if segments.isEmpty, let newest = stored.first { load(newest) }

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
            if let unread = stored.first(where: { !tried.contains($0) }) {
                load(stored.contains(id) && !tried.contains(id) ? id : unread)
                stack.append((id, -1))
                continue
            }
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
            try addWalked(walked, reachableFrom: start, in: repository, folder: folder, stored: stored)
        }
        guard let found = position(of: start) else { throw GitError(.other, "the commit index lost \(start.objectID.short)") }
        coveredStarts.insert(start)
        return found
    }

    /// Compares the walked commits with their parents and adds them as a segment named after
    /// the first (the newest: `start` itself unless only older commits were missing); compacts
    /// the chain into one segment named `start` when it has grown too deep.
    private mutating func addWalked(_ walked: [WalkedCommit],
                                    reachableFrom start: RawObjectID, in repository: Repository,
                                    folder: CacheFolder, stored: [RawObjectID]) throws {
        let name = walked[0].id
        let compared = try Self.compare(walked, gitDirectory: repository.gitDirectory)
        var built = NewSegment()
        built.commits.reserveCapacity(walked.count)
        for (commit, lists) in zip(walked, compared) {
            built.commits.append(NewCommit(id: commit.id, time: commit.time, parents: commit.parents,
                                           lists: lists.map { $0.map { built.change($0) } }))
        }
        var bases: [RawObjectID] = []
        var depth = 1
        for parent in built.commits.flatMap(\.parents) {
            guard let found = position(of: parent), let segment = segment(containing: found),
                  !bases.contains(segment.name) else { continue }
            bases.append(segment.name)
            depth = max(depth, segment.depth + 1)
        }
        let bytes = Self.encodeSegment(built, bases: bases, depth: depth)
        built = NewSegment()
        do {
            _ = try bytes.withUnsafeBytes { try appendSegment($0, name: name) }
        } catch {
            throw GitError(.other, "the commit index could not read the segment it wrote")
        }
        guard depth > Self.compactionDepth, let tip = position(of: start), let reachable = reachable(from: tip) else {
            folder.write(bytes, as: name)
            prune(folder, keeping: name, stored: stored)
            return
        }
        // One segment for the whole history of `start`; the segments it replaces all lie in it.
        folder.write(Self.encodeSegment(newSegment(of: reachable), bases: [], depth: 1), as: start)
        let inChain = Set(reachable)
        for segment in segments where segment.name != start {
            if let segmentTip = position(of: segment.name), inChain.contains(segmentTip) { folder.remove(segment.name) }
        }
        prune(folder, keeping: start, stored: stored)
    }

    /// Each walked commit's changes against each parent (against nothing for a root), on
    /// all cores: most of building the index of a long history. Each core compares one run
    /// of consecutive commits (child first, so the trees it loaded for a commit serve its
    /// parent next) through a repository handle of its own, since libgit2 objects may not
    /// be shared between threads.
    private static func compare(_ walked: [WalkedCommit], gitDirectory: URL) throws -> [[[RawPathChange]]] {
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
        return try results.all().flatMap { try $0.get() }
    }

    /// Keeps the folder small: the oldest files beyond `maximumFiles` go.
    private func prune(_ folder: CacheFolder, keeping name: RawObjectID, stored: [RawObjectID]) {
        let others = stored.filter { $0 != name }
        guard others.count >= Self.maximumFiles else { return }
        for old in others.dropFirst(Self.maximumFiles - 1) { folder.remove(old) }
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
