internal import CLibGit2

/// One commit, read out of the repository.
public struct CommitInfo: Sendable, Equatable {
    /// The commit's id.
    public let id: ObjectID
    /// Its parents, first parent first; empty for a root commit.
    public let parents: [ObjectID]
    /// The id of its root tree.
    public let tree: ObjectID
    /// Who made the change, with the date of the fact recorded.
    public let author: Signature
    /// Who wrote the commit, and when.
    public let committer: Signature
    /// The full message.
    public let message: String

    /// The first line of the message.
    public var summary: String {
        String(message.prefix { $0 != "\n" && $0 != "\r\n" })
    }
}

extension Repository {
    /// The commit with this id; `.notFound` when there is none.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        try withCommit(id) { CommitInfo($0) }
    }

    /// Looks the commit up and passes its handle to `body`; the handle is freed afterwards.
    func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        try withCommit(RawObjectID(id), body)
    }

    func withCommit<T>(_ id: RawObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var oid = id.oid
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, pointer, &oid)
        if code == GIT_ENOTFOUND.rawValue, isShallow { throw beyondShallowHistory(id.objectID) }
        try check(code, "no commit \(id.objectID.short)")
        guard let commit else { throw GitError(.notFound, "no commit \(id.objectID.short)") }
        defer { git_commit_free(commit) }
        return try body(commit)
    }

    /// Whether this is a shallow clone (`git clone --depth`): its oldest commits name
    /// parents it does not hold. libgit2 1.5 does not know shallow clones, so a walk into
    /// history stops at the first missing parent.
    var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The error for a commit a shallow clone does not hold (`id`, when known), saying what
    /// to do.
    func beyondShallowHistory(_ id: ObjectID? = nil) -> GitError {
        GitError(.notFound, "this is a shallow clone and its history stops short of "
                 + (id.map { "commit \($0.short)" } ?? "what this command reads")
                 + ": the whole history is needed; run git fetch --unshallow, then try again")
    }

    /// The root tree of a commit, passed to `body` and freed afterwards.
    func withTree<T>(of commit: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        try withCommit(commit) { handle in
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, handle), "cannot read the tree of commit \(commit.short)")
            guard let tree else { throw GitError(.notFound, "commit \(commit.short) has no tree") }
            defer { git_tree_free(tree) }
            return try body(tree)
        }
    }
}

extension CommitInfo {
    init(_ commit: OpaquePointer) {
        id = ObjectID(git_commit_id(commit))
        parents = (0..<git_commit_parentcount(commit)).compactMap { index in
            git_commit_parent_id(commit, index).map(ObjectID.init)
        }
        tree = ObjectID(git_commit_tree_id(commit))
        author = Signature(git_commit_author(commit))
        committer = Signature(git_commit_committer(commit))
        message = decodeCString(git_commit_message(commit)) ?? ""
    }
}
