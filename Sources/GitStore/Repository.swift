public import Foundation
internal import CLibGit2

/// A git repository opened through libgit2. It owns the `git_repository` handle and frees
/// it when released. Not `Sendable`: libgit2 objects may not be used from two threads at
/// once, so each thread or task opens its own.
public final class Repository {
    let pointer: OpaquePointer
    /// The git folder (`.git` of a working copy, or the repository itself when bare).
    public let gitDirectory: URL
    /// The working folder; nil when the repository is bare.
    public let workingDirectory: URL?
    /// Whether history questions (`history(of:)`, `histories(of:)`, `changeLog`) answer from
    /// the commit index and the folder histories; on by default. Off, they walk git's objects
    /// commit by commit, as before either existed: for comparisons and benchmarks.
    public var usesCommitIndex = true
    /// Where the commit index and the folder histories are kept between runs; nil keeps them
    /// only as long as this handle.
    public var historyStore: (any HistoryStore)?
    /// The commit index as far as this handle has read or built it (see `readyCommitIndex()`).
    var commitIndex = CommitIndex()
    /// The stored commit index being read on another thread (`prefetchCommitIndex()`).
    private var prefetchedIndex: CommitIndexPrefetch?
    /// The working folder's index being read on another thread (`prefetchWorkingIndex()`).
    var workingIndexPrefetch: WorkingIndexPrefetch?
    /// The folder histories read or built through this handle, by folder (see `folderHistory`).
    private var folderHistories: [String: FolderHistory] = [:]
    /// Signs every commit this handle writes (`apply`, a sync's merge); nil writes them unsigned.
    public var commitSigner: CommitSigner?
    /// Set by `apply` when its commit stands but the working folder or the index could not
    /// be brought in line with it (a full disk): what went wrong. The next write through
    /// GitStore puts those files right; nil when the last write had no such problem.
    public internal(set) var workingFolderProblem: String?

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
        let gitPath = decodeCString(git_repository_path(pointer)) ?? "."
        gitDirectory = URL(fileURLWithPath: gitPath, isDirectory: true).standardizedFileURL
        if git_repository_is_bare(pointer) == 0, let workdir = decodeCString(git_repository_workdir(pointer)) {
            workingDirectory = URL(fileURLWithPath: workdir, isDirectory: true).standardizedFileURL
        } else {
            workingDirectory = nil
        }
    }

    deinit {
        workingIndexPrefetch?.discard()
        git_repository_free(pointer)
    }

    /// Creates a new repository whose HEAD points at the unborn `branch`. Creates the folder
    /// if needed; throws `.exists` when a repository is there already.
    public static func create(at url: URL, bare: Bool = false, branch: String = "main") throws -> Repository {
        ensureLibrary()
        if (try? open(at: url)) != nil {
            throw GitError(.exists, "a git repository exists already at \(url.path)")
        }
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var handle: OpaquePointer?
        let code = branch.withCString { name in
            options.initial_head = name
            return git_repository_init_ext(&handle, url.path, &options)
        }
        try check(code, "cannot create a repository at \(url.path)")
        guard let handle else { throw GitError(.other, "libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    /// Opens the repository at `url`, which is either a working folder or a git folder.
    /// Throws `.notARepository` otherwise.
    public static func open(at url: URL) throws -> Repository {
        try open(url, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
    }

    /// Opens the git folder at `gitDirectory` (a `.git` folder or a bare repository), as
    /// git does for `GIT_DIR`; with `workTree`, that folder is the working folder instead
    /// of the one the repository names (`GIT_WORK_TREE`). Throws `.notARepository` when
    /// `gitDirectory` is not a git folder.
    public static func open(gitDirectory: URL, workTree: URL?) throws -> Repository {
        ensureLibrary()
        var handle: OpaquePointer?
        let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_NO_DOTGIT.rawValue
        let code = git_repository_open_ext(&handle, gitDirectory.path, flags, nil)
        if code == GIT_ENOTFOUND.rawValue {
            throw GitError(.notARepository, "no git folder at \(gitDirectory.path)", code: code)
        }
        try check(code, "cannot open the repository at \(gitDirectory.path)")
        guard let handle else { throw GitError(.other, "libgit2 returned no repository") }
        if let workTree {
            // 0: the work tree is this run's, not written into the repository's config.
            let set = git_repository_set_workdir(handle, workTree.path, 0)
            if set < 0 {
                let error = GitError(code: set, context: "cannot use \(workTree.path) as the working folder")
                git_repository_free(handle)
                throw error
            }
        }
        return Repository(pointer: handle)
    }

    /// Opens the repository enclosing `url`, looking in its parent folders like git does.
    public static func discover(from url: URL) throws -> Repository {
        try open(url, flags: 0)
    }

    private static func open(_ url: URL, flags: UInt32) throws -> Repository {
        ensureLibrary()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, url.path, flags, nil)
        if code == GIT_ENOTFOUND.rawValue {
            // libgit2 1.5 answers "not found" for a repository another user owns, as git
            // refuses it too ("dubious ownership"): say which one it is.
            if let owned = foreignRepository(at: url, search: flags & GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue == 0) {
                throw GitError(.notOwned, "the repository at \(owned.path) belongs to another user (uid \(owned.owner)), "
                    + "so git refuses it (dubious ownership); if you trust it: git config --global --add safe.directory \(owned.path)",
                    code: code)
            }
            throw GitError(.notARepository, "no git repository at \(url.path)", code: code)
        }
        try check(code, "cannot open the repository at \(url.path)")
        guard let handle else { throw GitError(.other, "libgit2 returned no repository") }
        return Repository(pointer: handle)
    }

    /// The repository at `url` (or, with `search`, in a folder above it) when its git folder
    /// belongs to another user than this process's.
    private static func foreignRepository(at url: URL, search: Bool) -> (path: String, owner: UInt32)? {
        var folder = url.standardizedFileURL
        while true {
            for (candidate, shown) in [(folder.appendingPathComponent(".git"), folder), (folder, folder)] {
                var info = stat()
                let isGitFolder = FileManager.default.fileExists(atPath: candidate.appendingPathComponent("HEAD").path)
                    && FileManager.default.fileExists(atPath: candidate.appendingPathComponent("objects").path)
                if isGitFolder, stat(candidate.path, &info) == 0 {
                    return info.st_uid == geteuid() ? nil : (shown.path, info.st_uid)
                }
            }
            guard search, folder.path != "/" else { return nil }
            folder.deleteLastPathComponent()
        }
    }

    /// True when the repository has no working folder.
    public var isBare: Bool { workingDirectory == nil }

    /// The branch HEAD points at, e.g. "main"; "HEAD" when HEAD is detached.
    public var branch: String {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, pointer, "HEAD") == 0, let reference else { return "HEAD" }
        defer { git_reference_free(reference) }
        guard let target = decodeCString(git_reference_symbolic_target(reference)) else { return "HEAD" }
        return target.hasPrefix("refs/heads/") ? String(target.dropFirst("refs/heads/".count)) : target
    }

    /// The commit HEAD points at; nil while the branch is unborn (no commit yet).
    public func tip() throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "cannot read HEAD")
        return ObjectID(oid)
    }

    /// The commit a revision names: a tag, a branch, a (short) id, `HEAD~3`, `main@{1}`…
    /// Throws `.notFound` when there is no such commit.
    public func resolve(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision)
        if code < 0 {
            if code == GIT_EAMBIGUOUS.rawValue {
                throw GitError(.invalid, "revision \"\(revision)\" is ambiguous: give more digits", code: code)
            }
            throw GitError(.notFound, "revision \"\(revision)\" does not name a commit in this repository", code: code)
        }
        guard let object else { throw GitError(.notFound, "revision \"\(revision)\" does not name a commit in this repository") }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0, let commit else {
            throw GitError(.notFound, "revision \"\(revision)\" does not name a commit in this repository")
        }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// A value from git's configuration (repository, then global and system), e.g. "user.name".
    public func configString(_ key: String) -> String? {
        (try? GitConfig(of: self))?.string(key)
    }
}

extension Repository {
    /// Starts reading the commit index from ``historyStore`` on another thread, for a command that will ask
    /// history questions after other work (loading the tracker): the two then overlap. Only
    /// the store is read there, never git objects. Does nothing when the index is off or read,
    /// or there is no store.
    public func prefetchCommitIndex() {
        guard usesCommitIndex, !commitIndex.loadedStore, prefetchedIndex == nil, let historyStore else { return }
        prefetchedIndex = CommitIndexPrefetch(store: historyStore)
    }

    /// Takes over the prefetched index, waiting for it if need be; called before the index
    /// answers anything.
    func readyCommitIndex() {
        guard let prefetch = prefetchedIndex else { return }
        prefetchedIndex = nil
        let loaded = prefetch.wait()
        if !commitIndex.loadedStore, commitIndex.commits.isEmpty { commitIndex = loaded }
    }
}

/// A commit index read from its store on a global queue; `wait()` hands it over.
private final class CommitIndexPrefetch: @unchecked Sendable {
    private let group = DispatchGroup()
    private var index = CommitIndex()

    init(store: any HistoryStore) {
        DispatchQueue.global().async(group: group) { [self] in
            index.load(from: store)
        }
    }

    func wait() -> CommitIndex {
        group.wait()
        return index
    }
}

extension Repository {
    /// The history of the top-level `folder` from `start`: the one this handle keeps when it
    /// is `start`'s, else read or built now (`FolderHistory.load`).
    func folderHistory(_ folder: String, from start: ObjectID) throws -> FolderHistory {
        let tip = RawObjectID(start)
        if let kept = folderHistories[folder], kept.ids.first == tip { return kept }
        let built = try FolderHistory.load(folder, from: tip, in: self, store: historyStore)
        folderHistories[folder] = built
        return built
    }

    /// Keeps the folder histories `other` (a handle on the same repository) has read or
    /// built, so this handle does not read or walk them again: what a command gets from a
    /// read made on another thread, which matters most when the history store cannot be
    /// written. `other` must no longer be in use on another thread. A history is used only
    /// for the tip it starts from, and a commit id fixes all its ancestors.
    public func keepFolderHistories(of other: Repository) {
        guard other.gitDirectory == gitDirectory else { return }
        folderHistories.merge(other.folderHistories) { _, theirs in theirs }
    }
}

extension Repository {
    /// Starts reading the working folder's index on another thread, for a write to come
    /// (``apply(_:message:author:verify:whileLocked:)`` adds its files to it): in a large
    /// tracker, reading the index is much of a write's time, and the caller reads the
    /// tracker meanwhile. Nothing for a bare repository.
    public func prefetchWorkingIndex() {
        guard workingDirectory != nil, workingIndexPrefetch == nil else { return }
        workingIndexPrefetch = WorkingIndexPrefetch(path: gitDirectory.appendingPathComponent("index").path)
    }

    /// Hands the prefetched index, if any, to the repository, waiting for it if need be. The
    /// index is read again if its file changed since (`git_index_read` without force).
    func takePrefetchedWorkingIndex() {
        guard let prefetch = workingIndexPrefetch else { return }
        workingIndexPrefetch = nil
        guard let index = prefetch.take() else { return }
        git_repository_set_index(pointer, index)
        git_index_free(index)
    }
}

/// An index file read on a global queue into an index of its own, not tied to any
/// repository handle, so the thread touches nothing the caller's thread uses.
final class WorkingIndexPrefetch: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the reading task alone, read after waiting for it.
    private var index: OpaquePointer?

    init(path: String) {
        DispatchQueue.global().async(group: group) { [self] in
            var opened: OpaquePointer?
            if git_index_open(&opened, path) == 0 { index = opened }
        }
    }

    /// The index read (the caller frees it); nil when it could not be read.
    func take() -> OpaquePointer? {
        group.wait()
        defer { index = nil }
        return index
    }

    /// Frees the index once read, when it was never taken.
    func discard() {
        if let index = take() { git_index_free(index) }
    }
}
