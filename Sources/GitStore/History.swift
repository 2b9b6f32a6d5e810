internal import CLibGit2

extension Repository {
    /// Commits reachable from `start` (default HEAD), newest first by commit date, like
    /// `git log`. Empty while the branch is unborn.
    public func log(from start: ObjectID? = nil, limit: Int? = nil) throws -> [CommitInfo] {
        guard let start = try start ?? tip() else { return [] }
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue), "cannot walk history")
        var startOID = start.oid
        try check(git_revwalk_push(walk, &startOID), "cannot walk history from \(start.short)")
        var result: [CommitInfo] = []
        var oid = git_oid()
        while limit.map({ result.count < $0 }) ?? true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
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
    /// commit's entry id at `path` is compared with its parents'. A commit whose entry equals
    /// one parent's is left out, and only that parent (the first such) is followed; a commit
    /// that differs from every parent is listed, and all its parents are followed. A root
    /// commit is listed when the path exists in it. On linear history this is exactly the
    /// list of commits where the entry changed. (Without `--full-history`, git does the same.)
    public func history(of path: String, from start: ObjectID? = nil, limit: Int? = nil) throws -> [CommitInfo] {
        guard let start = try start ?? tip() else { return [] }
        let path = Self.normalized(path)
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
    struct Node {
        let time: Int64
        let parents: [ObjectID]
        /// The id of the path's tree entry; nil when the path is absent.
        let entry: ObjectID?
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
            var entry: ObjectID?
            if path.isEmpty {
                entry = ObjectID(git_commit_tree_id(commit))
            } else {
                var tree: OpaquePointer?
                try check(git_commit_tree(&tree, commit), "cannot read the tree of \(id.short)")
                defer { git_tree_free(tree) }
                var treeEntry: OpaquePointer?
                let code = git_tree_entry_bypath(&treeEntry, tree, path)
                if code != GIT_ENOTFOUND.rawValue {
                    try check(code, "cannot look up \"\(path)\" in \(id.short)")
                    defer { git_tree_entry_free(treeEntry) }
                    entry = ObjectID(git_tree_entry_id(treeEntry))
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
