internal import CLibGit2
import Foundation

/// Taking back the last commit of the checked-out branch while no other copy can have it.
extension Repository {
    /// The remote-tracking references (`refs/remotes/…`) that hold `commit`: it is their
    /// target or one of its ancestors. A commit none holds has not reached a remote through
    /// a fetch or a push made here.
    public func remoteReferences(holding commit: ObjectID) throws -> [String] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, "refs/remotes/*"), "cannot list remote-tracking branches")
        defer { git_reference_iterator_free(iterator) }
        var holding: [String] = []
        var name: UnsafePointer<CChar>?
        while true {
            let code = git_reference_next_name(&name, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "cannot list remote-tracking branches")
            guard let name, let text = decodeCString(name) else { continue }
            var target = git_oid()
            // A symbolic one (refs/remotes/origin/HEAD) names another, listed in its own right.
            guard git_reference_name_to_id(&target, pointer, text) == 0 else { continue }
            var wanted = commit.oid
            if git_oid_equal(&target, &wanted) != 0 {
                holding.append(text)
                continue
            }
            let descends = git_graph_descendant_of(pointer, &target, &wanted)
            try check(descends < 0 ? descends : 0, "cannot compare \(text) with \(commit.short)")
            if descends == 1 { holding.append(text) }
        }
        return holding
    }

    /// Moves the checked-out branch from `tip`, its last commit, back to that commit's only
    /// parent, the index and working tree following; returns the parent. Refuses with
    /// `.invalid` when the commit is not the tip any more, is a merge or the first commit,
    /// or a remote-tracking branch holds it (it may be in another copy: only a new commit
    /// can take it back then), and with `.conflict` when the working tree has uncommitted
    /// changes to its files.
    public func removeUnpublishedTip(_ tip: ObjectID) throws -> ObjectID {
        let branch = try checkedOutBranch()
        guard try referenceTarget(branch) == tip else {
            throw GitError(.invalid, "\(tip.short) is no longer the last commit of \(branch)")
        }
        let parents = try commit(tip).parents
        guard parents.count == 1, let parent = parents.first else {
            throw GitError(.invalid, "\(tip.short) is \(parents.isEmpty ? "the first commit" : "a merge"); it cannot be taken back")
        }
        let holding = try remoteReferences(holding: tip)
        guard holding.isEmpty else {
            throw GitError(.invalid, "\(tip.short) has reached a remote (\(holding.joined(separator: ", ")))")
        }
        guard try advanceBranch(branch, from: tip, to: parent, message: "undo: back to \(parent.short)") else {
            throw GitError(.lostRace, "another writer moved \(branch) meanwhile; nothing was undone")
        }
        return parent
    }
}
