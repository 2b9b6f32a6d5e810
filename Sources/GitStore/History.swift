internal import CLibGit2

/// One commit of `Repository.changeLog`: the commit and the files it changed.
public struct CommitChanges: Sendable, Equatable {
    /// The commit.
    public let commit: CommitInfo
    /// The files it changed against its first parent, by path.
    public let changes: [PathChange]
}

extension Repository {
    /// Commits reachable from `start` (default HEAD), newest first by commit date, like
    /// `git log`, and never a parent before its child: commits made in the same second (a
    /// bulk import) keep their order. Empty while the branch is unborn.
    public func log(from start: ObjectID? = nil, limit: Int? = nil) throws -> [CommitInfo] {
        guard let start = try start ?? tip() else { return [] }
        return try walk(from: start, hiding: nil, limit: limit)
    }

    /// The commits reachable from `tip` but not from `known` (`git log known..tip`), in
    /// `log`'s order: what a sync would bring in. All of `tip`'s history when `known` is nil.
    public func commits(from tip: ObjectID, notIn known: ObjectID?) throws -> [CommitInfo] {
        try walk(from: tip, hiding: known, limit: nil)
    }

    private func walk(from start: ObjectID, hiding hidden: ObjectID?, limit: Int?) throws -> [CommitInfo] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "cannot walk history")
        var startOID = start.oid
        try check(git_revwalk_push(walk, &startOID), "cannot walk history from \(start.short)")
        if let hidden {
            var hiddenOID = hidden.oid
            try check(git_revwalk_hide(walk, &hiddenOID), "cannot walk history from \(hidden.short)")
        }
        var result: [CommitInfo] = []
        var oid = git_oid()
        while limit.map({ result.count < $0 }) ?? true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            if code == GIT_ENOTFOUND.rawValue, isShallow { throw beyondShallowHistory() }
            try check(code, "cannot walk history")
            result.append(try commit(ObjectID(oid)))
        }
        return result
    }

    /// The commits that changed `path` (a file or a folder; `""` is the whole tree), newest
    /// first, as `git log --format=%H -- PATH` lists them.
    ///
    /// libgit2 has no path-limited walk, so this is git's default history simplification
    /// done by hand: commits come out by commit date (ties first-in first-out), and each
    /// commit's entry at `path` (id and mode) is compared with its parents'. A commit whose entry equals
    /// one parent's is left out, and only that parent (the first such) is followed; a commit
    /// that differs from every parent is listed, and all its parents are followed. A root
    /// commit is listed when the path exists in it. On linear history this is exactly the
    /// list of commits where the entry changed. (Without `--full-history`, git does the same.)
    ///
    /// The comparisons come from the commit index (a commit's entry at `path` equals a
    /// parent's when none of the files it changed against that parent lie at or under
    /// `path`), kept in ``historyStore``; when the index cannot be had, each commit's tree
    /// is looked up in git.
    public func history(of path: String, from start: ObjectID? = nil, limit: Int? = nil) throws -> [CommitInfo] {
        guard let start = try start ?? tip() else { return [] }
        let path = Self.normalized(path)
        readyCommitIndex()
        if usesCommitIndex, let position = try? commitIndex.cover(RawObjectID(start), in: self, store: historyStore) {
            let matches = commitIndex.pathsAt(path)
            return try commitIndex.history(matching: matches, from: position, limit: limit).map { position in
                try commit(commitIndex.commits[Int(position)].id.objectID)
            }
        }
        return try walkHistory(of: path, from: start, limit: limit)
    }

    /// `history(of:from:)` of each of `paths`, in order. When they all lie in one top-level
    /// folder (every instrument's `Agreements/<id>`), from that folder's history
    /// (`FolderHistory`: each commit and its root tree, far less to read than the commit
    /// index); else in one pass over the commit index when the history is a single line of
    /// commits (the usual tracker's), else one walk per path. The answers are the same
    /// every way.
    public func histories(of paths: [String], from start: ObjectID? = nil) throws -> [[CommitInfo]] {
        guard let start = try start ?? tip() else { return paths.map { _ in [] } }
        let normalized = paths.map(Self.normalized)
        if usesCommitIndex, let folder = Self.sharedFolder(of: normalized) {
            let tip = RawObjectID(start)
            let answers = try knownPathHistories(normalized, folder: folder, from: tip) ?? {
                let history = try folderHistory(folder, from: start)
                let found = try normalized.map { path in
                    try history.history(inside: { try entry(at: path, inFolder: folder, version: $0) }).map { history.ids[Int($0)] }
                }
                historyStore?.addPathHistories(found, paths: normalized, folder: folder, tip: tip)
                return found
            }()
            return try answers.map { ids in try ids.map { try commit($0.objectID) } }
        }
        readyCommitIndex()
        if usesCommitIndex, paths.count > 1, let position = try? commitIndex.cover(RawObjectID(start), in: self, store: historyStore),
           let found = commitIndex.linearHistories(matching: paths.map { commitIndex.pathsAt(Self.normalized($0)) }, from: position) {
            return try found.map { positions in try positions.map { try commit(commitIndex.commits[Int($0)].id.objectID) } }
        }
        return try paths.map { try history(of: $0, from: start) }
    }

    /// The commits reachable from `start` (default HEAD) in `log`'s order, each with the files
    /// it changed against its first parent (every file for a root commit), as
    /// `changes(from:to:)` gives them. With `relevant`, only the changes whose path it accepts
    /// are kept, and commits left with none are skipped; `limit` counts the commits returned.
    public func changeLog(from start: ObjectID? = nil, limit: Int? = nil,
                          touching relevant: PathSelection? = nil) throws -> [CommitChanges] {
        var result: [CommitChanges] = []
        try changeLog(from: start, limit: limit, touching: relevant) { result.append($0) }
        return result
    }

    /// ``changeLog(from:limit:touching:)`` handed to `each` one commit at a time, newest
    /// first, so a caller that keeps less than each commit (a history of 50,000 commits keeps
    /// a line for each, not its message and changes) never holds them all.
    public func changeLog(from start: ObjectID? = nil, limit: Int? = nil, touching relevant: PathSelection? = nil,
                          _ each: (CommitChanges) throws -> Void) throws {
        guard let start = try start ?? tip() else { return }
        readyCommitIndex()
        // A few files' log, asked before anything else read the index: the stored index is
        // read with those files' changes alone (a decade's 120,000 changes are most of its
        // reading), into an index of this question's own that nothing else asks.
        var chosen = CommitIndex()
        chosen.scope = relevant
        let choosing = relevant != nil && historyStore != nil && !commitIndex.loadedStore && commitIndex.commits.isEmpty
        let covered = !usesCommitIndex ? nil
            : choosing ? try? chosen.cover(RawObjectID(start), in: self, store: historyStore)
            : try? commitIndex.cover(RawObjectID(start), in: self, store: historyStore)
        if let position = covered {
            let index = choosing ? chosen : commitIndex
            guard let reachable = index.reachable(from: position) else {
                return try changeLogWalkingGit(from: start, limit: limit, touching: relevant, each)
            }
            // Each path is matched once (1 kept, 2 not); most commits of a long history touch
            // nothing kept and are passed over without copying their changes.
            var relevance = [UInt8](repeating: 0, count: relevant == nil ? 0 : index.pathCount)
            func isKept(_ change: CommitIndex.Change) -> Bool {
                guard let relevant else { return true }
                let path = Int(change.path)
                if relevance[path] == 0 { relevance[path] = relevant.contains(bytes: index.pathBytes(change.path)) ? 1 : 2 }
                return relevance[path] == 1
            }
            var count = 0
            // Each commit is read once: libgit2's cache would keep every commit it read
            // until the command ends.
            try withoutObjectCache {
                for position in index.logOrder(from: position, reachable: reachable) {
                    if let limit, count >= limit { break }
                    var changes = index.changes(of: position, against: 0)
                    if relevant != nil {
                        guard changes.contains(where: isKept) else { continue }
                        changes = changes.filter(isKept)[...]
                    }
                    let pathChanges = changes.map { change in
                        RawPathChange(path: index.path(change.path), kind: change.kind, oldID: change.oldID, newID: change.newID).pathChange
                    }
                    try each(CommitChanges(commit: try commit(index.commits[Int(position)].id.objectID), changes: pathChanges))
                    count += 1
                }
            }
            return
        }
        try changeLogWalkingGit(from: start, limit: limit, touching: relevant, each)
    }

    /// ``changeLog(from:limit:touching:_:)`` without the commit index: each commit compared
    /// with its first parent in git.
    private func changeLogWalkingGit(from start: ObjectID, limit: Int?, touching relevant: PathSelection?,
                                     _ each: (CommitChanges) throws -> Void) throws {
        var count = 0
        for info in try log(from: start) {
            if let limit, count >= limit { break }
            var changes = try self.changes(from: info.parents.first, to: info.id)
            if let relevant {
                changes = changes.filter { relevant.contains($0.path) }
                if changes.isEmpty { continue }
            }
            try each(CommitChanges(commit: info, changes: changes))
            count += 1
        }
    }

    /// The top-level folder every one of `paths` lies in or is; nil when they do not share
    /// one (or one is the whole tree).
    static func sharedFolder(of paths: [String]) -> String? {
        guard let first = paths.first?.split(separator: "/", maxSplits: 1).first else { return nil }
        let folder = String(first)
        return paths.allSatisfy({ $0 == folder || $0.hasPrefix(folder + "/") }) ? folder : nil
    }

    /// How many commits back from a tip its histories inside a folder are looked for in the
    /// history store: a command after a few records were logged or synced finds them.
    static let pathHistorySteps = 32

    /// The histories of `paths` inside `folder` from `tip`, as the history store holds them
    /// for `tip`, or for a commit `tip` comes from through a line of commits that each have
    /// one parent and leave `folder` as it was (each changes no path inside it, and `git log
    /// -- PATH` passes over it), at most ``pathHistorySteps`` back; nil otherwise. Found
    /// for an earlier commit, they are stored for `tip` too. A commit git cannot give (a
    /// shallow clone's edge) ends the search: the history is then read as without answers.
    private func knownPathHistories(_ paths: [String], folder: String, from tip: RawObjectID) -> [[RawObjectID]]? {
        guard let store = historyStore else { return nil }
        var current = tip
        for _ in 0...Self.pathHistorySteps {
            if let found = store.storedPathHistories(paths, folder: folder, tip: current) {
                if current != tip { store.addPathHistories(found, paths: paths, folder: folder, tip: tip) }
                return found
            }
            guard let parent = (try? parentLeaving(folder, asIn: current)) ?? nil else { return nil }
            current = parent
        }
        return nil
    }

    /// The one parent of `commit`, when `commit` has one and its root tree holds the same
    /// entry for `folder` (id and mode, or none) as the parent's; nil otherwise.
    private func parentLeaving(_ folder: String, asIn commit: RawObjectID) throws -> RawObjectID? {
        let (parent, entry) = try withCommit(commit) { pointer -> (RawObjectID?, FolderHistory.Entry?) in
            guard git_commit_parentcount(pointer) == 1, let id = git_commit_parent_id(pointer, 0) else { return (nil, nil) }
            return (RawObjectID(id), try FolderHistory.entry(of: folder, inCommit: pointer, id: commit))
        }
        guard let parent else { return nil }
        return try withCommit(parent) { try FolderHistory.entry(of: folder, inCommit: $0, id: parent) } == entry ? parent : nil
    }

    /// The entry at `path` (`folder` itself or a path inside it) in one version of `folder`.
    private func entry(at path: String, inFolder folder: String, version: FolderHistory.Entry) throws -> FolderHistory.Entry? {
        if path == folder { return version }
        guard version.mode == GIT_FILEMODE_TREE.rawValue else { return nil }
        var oid = version.id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "cannot read the tree \(version.id.objectID.short) of \(folder)")
        defer { git_tree_free(tree) }
        var found: OpaquePointer?
        let code = git_tree_entry_bypath(&found, tree, String(path.dropFirst(folder.count + 1)))
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot look up \"\(path)\"")
        defer { git_tree_entry_free(found) }
        return FolderHistory.Entry(id: RawObjectID(git_tree_entry_id(found)), mode: git_tree_entry_filemode(found).rawValue)
    }

    /// `history(of:)` without the commit index: each commit's tree looked up in git.
    private func walkHistory(of path: String, from start: ObjectID, limit: Int?) throws -> [CommitInfo] {
        var walk = PathWalk(repository: self, path: path)
        var queue: [(time: Int64, order: Int, id: ObjectID)] = []
        var order = 0
        var queued: Set<ObjectID> = [start]
        queue.append((try walk.node(start).time, order, start))
        var result: [CommitInfo] = []

        while let next = queue.indices.max(by: { a, b in
            queue[a].time != queue[b].time ? queue[a].time < queue[b].time : queue[a].order > queue[b].order
        }) {
            let id = queue.remove(at: next).id
            let node = try walk.node(id)
            var follow = node.parents
            var listed = true
            if node.parents.isEmpty {
                listed = node.entry != nil
            } else {
                for parent in node.parents where try walk.node(parent).entry == node.entry {
                    follow = [parent]
                    listed = false
                    break
                }
            }
            if listed {
                result.append(try commit(id))
                if let limit, result.count >= limit { break }
            }
            for parent in follow where queued.insert(parent).inserted {
                order += 1
                queue.append((try walk.node(parent).time, order, parent))
            }
            walk.forget(id)
        }
        return result
    }
}

/// The little that `history(of:)` needs of each commit, looked up once and cached until the
/// commit has been handled.
private struct PathWalk {
    /// A mode change alone is a change, as for git (`git log -- PATH` lists it).
    struct Entry: Equatable {
        let id: RawObjectID
        let mode: UInt32
    }

    struct Node {
        let time: Int64
        let parents: [ObjectID]
        /// The id and mode of the path's tree entry; nil when the path is absent.
        let entry: Entry?
    }

    let repository: Repository
    let path: String
    private var cache: [ObjectID: Node] = [:]

    init(repository: Repository, path: String) {
        self.repository = repository
        self.path = path
    }

    mutating func node(_ id: ObjectID) throws -> Node {
        if let node = cache[id] { return node }
        let path = path
        let node = try repository.withCommit(id) { commit in
            let parents = (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map(ObjectID.init) }
            var entry: Entry?
            if path.isEmpty {
                entry = Entry(id: RawObjectID(git_commit_tree_id(commit)), mode: GIT_FILEMODE_TREE.rawValue)
            } else {
                var tree: OpaquePointer?
                try check(git_commit_tree(&tree, commit), "cannot read the tree of \(id.short)")
                defer { git_tree_free(tree) }
                var treeEntry: OpaquePointer?
                let code = git_tree_entry_bypath(&treeEntry, tree, path)
                if code != GIT_ENOTFOUND.rawValue {
                    try check(code, "cannot look up \"\(path)\" in \(id.short)")
                    defer { git_tree_entry_free(treeEntry) }
                    entry = Entry(id: RawObjectID(git_tree_entry_id(treeEntry)), mode: git_tree_entry_filemode(treeEntry).rawValue)
                }
            }
            return Node(time: Int64(git_commit_time(commit)), parents: parents, entry: entry)
        }
        cache[id] = node
        return node
    }

    /// Drops a handled commit; its children are done with it too (they come out earlier).
    mutating func forget(_ id: ObjectID) {
        cache[id] = nil
    }
}
