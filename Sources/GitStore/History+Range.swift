internal import CLibGit2

extension Repository {
    /// The commits reachable from `tip` but not from `known` (`git log known..tip`), newest
    /// first: what a sync would bring in. All of `tip`'s history when `known` is nil.
    public func commits(from tip: ObjectID, notIn known: ObjectID?) throws -> [CommitInfo] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "cannot walk history")
        var start = tip.oid
        try check(git_revwalk_push(walk, &start), "cannot walk history from \(tip.short)")
        if let known {
            var hidden = known.oid
            try check(git_revwalk_hide(walk, &hidden), "cannot walk history from \(known.short)")
        }
        var result: [CommitInfo] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            if code == GIT_ENOTFOUND.rawValue, isShallow { throw beyondShallowHistory() }
            try check(code, "cannot walk history")
            result.append(try commit(ObjectID(oid)))
        }
        return result
    }

    /// The files commit `commit` itself changed: against its parent, or for a merge the
    /// files whose content differs from every parent's (what the merge decided, not what
    /// it brought in from one side). Every file of a root commit.
    public func ownChanges(of commit: CommitInfo) throws -> [PathChange] {
        guard let first = commit.parents.first else { return try changes(from: nil, to: commit.id) }
        var changed = try changes(from: first, to: commit.id)
        for parent in commit.parents.dropFirst() {
            let differing = Set(try changes(from: parent, to: commit.id).map(\.path))
            changed.removeAll { !differing.contains($0.path) }
        }
        return changed
    }
}
