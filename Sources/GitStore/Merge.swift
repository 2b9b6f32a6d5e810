internal import CLibGit2
internal import Foundation

/// What bringing a remote branch into a local one takes.
enum MergePlan {
    /// Both sides hold the same commit, or the remote has nothing the local branch lacks.
    case upToDate
    /// The local branch contains the remote one and has more: only a push is needed.
    case localAhead
    /// The remote branch contains the local one: move the local branch forward to it.
    case fastForward(ObjectID)
    /// Both sides moved on and their changes combine cleanly into this new merge commit,
    /// which no reference points at yet.
    case merged(ObjectID)
    /// Both sides changed these files in ways a three-way merge cannot combine.
    case conflict([String])
    /// The two sides have no commit in common: not two copies of one repository.
    case unrelated
}

extension Repository {
    /// Works out how to combine `local` with `remote` (either may be absent) and, when both
    /// moved on, makes the merge commit (`git_merge_commits` over their merge base).
    ///
    /// Records are add-only files with unique names, so two sides that each added records
    /// merge as a plain union; texts and registers merge line by line. Only a true conflict
    /// (both sides changed the same lines differently, or added the same path with different
    /// content) is reported, with the paths concerned. Nothing here moves a reference.
    func planMerge(local localID: ObjectID?, remote remoteID: ObjectID?, message: String,
                   author: Signature? = nil) throws -> MergePlan {
        guard let remoteID else { return localID == nil ? .upToDate : .localAhead }
        guard let localID else { return .fastForward(remoteID) }
        if localID == remoteID { return .upToDate }
        var local = localID.oid, remote = remoteID.oid
        if try check(git_graph_descendant_of(pointer, &local, &remote), "cannot compare the two histories") == 1 {
            return .localAhead
        }
        if try check(git_graph_descendant_of(pointer, &remote, &local), "cannot compare the two histories") == 1 {
            return .fastForward(remoteID)
        }
        // git_merge_commits would join unrelated histories over an empty base without a word.
        guard try haveCommonHistory(localID, remoteID) else { return .unrelated }

        var ours: OpaquePointer?, theirs: OpaquePointer?
        try check(git_commit_lookup(&ours, pointer, &local), "cannot read the local commit")
        defer { git_commit_free(ours) }
        try check(git_commit_lookup(&theirs, pointer, &remote), "cannot read the remote commit")
        defer { git_commit_free(theirs) }

        if let tree = try mergeSeparateChanges(ours: ours!, theirs: theirs!) {
            return .merged(try createMergeCommit(tree: tree, parents: [ours!, theirs!], message: message, author: author))
        }

        var options = git_merge_options()
        git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION))
        var index: OpaquePointer?
        try check(git_merge_commits(&index, pointer, ours, theirs, &options), "cannot merge the two histories")
        defer { git_index_free(index) }

        if git_index_has_conflicts(index) != 0 { return .conflict(try conflictingPaths(in: index!)) }

        var tree = git_oid()
        try check(git_index_write_tree_to(&tree, index, pointer), "cannot write the merged tree")
        return .merged(try createMergeCommit(tree: tree, parents: [ours!, theirs!], message: message, author: author))
    }

    /// The merged tree when the two sides changed separate files since their one merge base
    /// and the remote only added or changed files (records are added, not removed): the
    /// remote's changes written over the local tree, which rewrites only the folders on
    /// their paths. That is the tree a three-way merge makes of such changes, without
    /// reading every entry of the three trees into an index as `git_merge_commits` does.
    /// Nil when the fast way does not apply (a file or a folder both sides touched, a
    /// removal on the remote side, several merge bases): the caller then merges in full.
    private func mergeSeparateChanges(ours: OpaquePointer, theirs: OpaquePointer) throws -> git_oid? {
        var bases = git_oidarray()
        var one = git_commit_id(ours).pointee, other = git_commit_id(theirs).pointee
        guard git_merge_bases(&bases, pointer, &one, &other) == 0 else { return nil }
        defer { git_oidarray_dispose(&bases) }
        guard bases.count == 1, let base = bases.ids else { return nil }
        let trees = try TreeComparison(repository: self)
        let baseTree = try trees.rootTree(ofCommit: RawObjectID(base))
        let localChanges = try trees.changes(from: baseTree, to: RawObjectID(git_commit_tree_id(ours)))
        let remoteChanges = try trees.changes(from: baseTree, to: RawObjectID(git_commit_tree_id(theirs)))
        guard !remoteChanges.isEmpty else { return nil }
        // Every path the local side changed, and every folder above one.
        var touched = Set<Substring>()
        for change in localChanges {
            var path = Substring(change.path)
            touched.insert(path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                guard touched.insert(path).inserted else { break }
            }
        }
        let localFiles = Set(localChanges.map { Substring($0.path) })
        for change in remoteChanges {
            guard change.kind != .deleted, !touched.contains(Substring(change.path)) else { return nil }
            // A file the remote changed where the local side changed a file in place of one
            // of its folders.
            var path = Substring(change.path)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                if localFiles.contains(path) { return nil }
            }
        }
        let paths = remoteChanges.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var updates = zip(remoteChanges, paths).map { change, path in
            git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: change.newID.oid,
                            filemode: git_filemode_t(rawValue: change.newMode), path: UnsafePointer(path))
        }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, ours), "cannot read the local tree")
        defer { git_tree_free(tree) }
        var merged = git_oid()
        try check(git_tree_create_updated(&merged, pointer, tree, updates.count, &updates), "cannot write the merged tree")
        return merged
    }

    /// The paths with conflict entries in a merged index, sorted, each once.
    private func conflictingPaths(in index: OpaquePointer) throws -> [String] {
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index), "cannot list the conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var paths = Set<String>()
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let code = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "cannot list the conflicts")
            for entry in [ours, theirs, ancestor] {
                if let path = entry?.pointee.path { paths.insert(String(cString: path)) }
            }
        }
        return paths.sorted()
    }

    /// Writes a commit object with two parents (signed as `writeCommit` signs); no reference
    /// is moved. The author and committer are `author`, else git's configured identity
    /// (`user.name`, `user.email`), else `sync <sync@localhost>`.
    private func createMergeCommit(tree treeID: git_oid, parents: [OpaquePointer], message: String,
                                   author: Signature?) throws -> ObjectID {
        var treeID = treeID
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &treeID), "cannot read the merged tree")
        defer { git_tree_free(tree) }
        guard let tree else { throw GitError(.other, "libgit2 returned no tree") }
        func write(_ signature: UnsafeMutablePointer<git_signature>) throws -> ObjectID {
            try writeCommit(tree: tree, parents: parents, author: signature, committer: signature, message: CommitMessage.clean(message))
        }
        if let author { return try author.withGitSignature { try write($0) } }
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, pointer) < 0 {
            try check(git_signature_now(&signature, "sync", "sync@localhost"), "cannot make a signature")
        }
        defer { git_signature_free(signature) }
        guard let signature else { throw GitError(.other, "libgit2 returned no signature") }
        return try write(signature)
    }
}
