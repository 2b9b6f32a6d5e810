internal import Foundation
internal import CLibGit2
#if canImport(Glibc)
internal import Glibc
#endif

extension Repository {
    /// How many times `apply` rebuilds on a moved tip before it gives up with `.lostRace`.
    static let maximumAttempts = 100

    /// Commits `changes` on the current branch as one commit and returns its id.
    ///
    /// The author is `author` with its (possibly past) date, the committer the same person
    /// now. The new tree is built from the tip's tree; the branch then moves only by
    /// compare-and-swap on the tip it was built on. When another writer moved it first, the
    /// commit is rebuilt on the new tip, after a short random pause, up to
    /// `maximumAttempts` times; then `.lostRace`. All of it runs under `WriteLock`.
    ///
    /// In a repository with a working folder, the written and removed files and the index
    /// then match the new commit, so `git status` stays clean for them. When that fails after
    /// the branch moved (a full disk), the commit stands and is returned, and
    /// `workingFolderProblem` says what failed: throwing then would have a caller retry a
    /// write that was made. The paths are noted in the git folder before the branch moves,
    /// so the next write (or a sync) brings them in line with the branch even when this
    /// process was killed in between.
    ///
    /// Throws `.exists`, committing nothing, when a path written with `ChangeSet.create`
    /// is already in the tree. Throws `.invalid` for an empty change set, an unsafe path (see `RepositoryPath`) or a
    /// write onto a folder.
    ///
    /// `verify`, when given, is shown each commit built (and the tip it was built on) before
    /// the branch moves to it; whatever it throws stops the write with the branch unmoved.
    /// `whileLocked`, when given, runs once the branch has moved, still under the write lock,
    /// so what it does (a tag naming the commit) is seen by the next writer together with the
    /// commit; it may only call methods that take a `whileHoldingWriteLock` flag, with `true`.
    @discardableResult
    public func apply(_ changes: ChangeSet, message: String, author: Signature,
                      verify: ((_ commit: ObjectID, _ base: ObjectID?) throws -> Void)? = nil,
                      whileLocked: ((_ commit: ObjectID) throws -> Void)? = nil) throws -> ObjectID {
        let message = CommitMessage.clean(message)
        guard !changes.isEmpty else { throw GitError(.invalid, "nothing to commit: the change set is empty") }
        for path in changes.paths {
            if let problem = RepositoryPath.problem(with: path) { throw GitError(.invalid, problem) }
        }
        let branch = branch
        guard branch != "HEAD" else { throw GitError(.invalid, "HEAD is detached: check out a branch before writing") }
        let referenceName = "refs/heads/\(branch)"

        // Blobs are content-addressed, so they can be written before taking the lock.
        var updates: [(path: String, blob: ObjectID?)] = []
        for (path, operation) in changes.operations {
            switch operation {
            case .write(let data): updates.append((path, try writeBlob(data)))
            case .remove: updates.append((path, nil))
            }
        }

        let lock = try WriteLock(gitDirectory: gitDirectory)
        try beginWrite(under: lock, referenceName, paths: updates.map(\.path))
        var moved = false
        defer { if !moved { forgetPendingPaths() } }
        var committer = author
        committer.date = Date()
        committer.timeZoneOffsetMinutes = author.timeZoneOffsetMinutes

        for attempt in 1...Self.maximumAttempts {
            let base = try referenceTarget(referenceName)
            let commitID = try makeCommit(on: base, updates: updates, mustBeNew: changes.mustBeNew, message: message,
                                          author: author, committer: committer)
            try verify?(commitID, base)
            let code = moveBranch(referenceName, from: base, to: commitID, log: "commit: \(message.prefix { $0 != "\n" })")
            if code == 0 {
                moved = true
                do {
                    try updateWorkingFolder(updates)
                    forgetPendingPaths()
                } catch {
                    workingFolderProblem = "the commit \(commitID.short) was made, but the working folder could not "
                        + "be updated (\(error)); the next write puts it right"
                }
                try whileLocked?(commitID)
                return commitID
            }
            try waitAfterLostRace(code, attempt: attempt, branch: branch)
        }
        throw GitError(.lostRace, "other writers kept moving branch \(branch); \(Self.maximumAttempts) attempts failed, nothing was committed")
    }

    /// One commit of a series written by ``applySeries(_:)``.
    public struct SeriesCommit: Sendable {
        /// The files the commit writes and removes.
        public var changes: ChangeSet
        /// Its message.
        public var message: String
        /// Its author, with the (possibly past) date; the committer is the same person now.
        public var author: Signature

        /// One commit of `changes` by `author`.
        public init(changes: ChangeSet, message: String, author: Signature) {
            self.changes = changes
            self.message = message
            self.author = author
        }
    }

    /// Commits `series` on the current branch, one commit each, in order, each on the one
    /// before, and returns their ids; the branch moves once, from its tip to the last of
    /// them, so another reader sees all of them or none.
    ///
    /// As ``apply(_:message:author:verify:whileLocked:)`` does for one commit: under
    /// `WriteLock`, by compare-and-swap on the tip the series was built on (rebuilt on a
    /// moved tip, up to `maximumAttempts` times), every object written before the branch
    /// moves (and flushed as the process's ``Durability`` says), `.exists` when a path
    /// created by one commit is in the tree it is built on (the tip's, or an earlier commit
    /// of the series). The working folder and its index are brought in line once, at the
    /// end, for every path of the series: updating a large index is what costs most, and
    /// once is enough for `git status` to be clean.
    @discardableResult
    public func applySeries(_ series: [SeriesCommit]) throws -> [ObjectID] {
        guard !series.isEmpty else { return [] }
        let branch = branch
        guard branch != "HEAD" else { throw GitError(.invalid, "HEAD is detached: check out a branch before writing") }
        let referenceName = "refs/heads/\(branch)"
        var steps: [(updates: [(path: String, blob: ObjectID?)], mustBeNew: (String) -> Bool, message: String, author: Signature)] = []
        steps.reserveCapacity(series.count)
        // The blobs are flushed to disk with the commits' objects (below), before the branch moves.
        let full = Durability.current == .full
        if full { _ = accord_git_enable_fsync(0) }
        defer { if full { _ = accord_git_enable_fsync(1) } }
        for item in series {
            guard !item.changes.isEmpty else { throw GitError(.invalid, "nothing to commit: the change set is empty") }
            var updates: [(path: String, blob: ObjectID?)] = []
            for (path, operation) in item.changes.operations {
                if let problem = RepositoryPath.problem(with: path) { throw GitError(.invalid, problem) }
                switch operation {
                case .write(let data): updates.append((path, try writeBlob(data)))
                case .remove: updates.append((path, nil))
                }
            }
            steps.append((updates, item.changes.mustBeNew, CommitMessage.clean(item.message), item.author))
        }
        if full { _ = accord_git_enable_fsync(1) }
        // What the working folder gets at the end: each path as the last commit touching it leaves it.
        var last: [String: ObjectID?] = [:]
        for step in steps { for update in step.updates { last[update.path] = update.blob } }
        let finalUpdates = last.map { (path: $0.key, blob: $0.value) }.sorted { $0.path < $1.path }

        let lock = try WriteLock(gitDirectory: gitDirectory)
        try beginWrite(under: lock, referenceName, paths: finalUpdates.map(\.path))
        var moved = false
        defer { if !moved { forgetPendingPaths() } }
        let now = Date()

        for attempt in 1...Self.maximumAttempts {
            let base = try referenceTarget(referenceName)
            // Thousands of objects: flushed to disk together, before the branch moves, rather
            // than one fsync each.
            let commits = try Durability.flushingOnce(in: gitDirectory) {
                var tip = base
                var commits: [ObjectID] = []
                commits.reserveCapacity(steps.count)
                for step in steps {
                    var committer = step.author
                    committer.date = now
                    committer.timeZoneOffsetMinutes = step.author.timeZoneOffsetMinutes
                    let commit = try makeCommit(on: tip, updates: step.updates, mustBeNew: step.mustBeNew, message: step.message,
                                                author: step.author, committer: committer)
                    commits.append(commit)
                    tip = commit
                }
                return commits
            }
            let code = moveBranch(referenceName, from: base, to: commits[commits.count - 1],
                                  log: "commit: \(commits.count) commits, \(steps[steps.count - 1].message.prefix { $0 != "\n" })")
            if code == 0 {
                moved = true
                do {
                    try updateWorkingFolder(finalUpdates)
                    forgetPendingPaths()
                } catch {
                    workingFolderProblem = "the commits up to \(commits[commits.count - 1].short) were made, but the working "
                        + "folder could not be updated (\(error)); the next write puts it right"
                }
                return commits
            }
            try waitAfterLostRace(code, attempt: attempt, branch: branch)
        }
        throw GitError(.lostRace, "other writers kept moving branch \(branch); \(Self.maximumAttempts) attempts failed, nothing was committed")
    }

    /// Under `lock`, held by the caller until its write ends: clears what a killed writer left
    /// (stale locks, temporary files, an interrupted working-folder update) and notes `paths`
    /// as pending until the working folder has them.
    private func beginWrite(under lock: borrowing WriteLock, _ referenceName: String, paths: [String]) throws {
        lock.removeStaleLocks(["\(referenceName).lock", "HEAD.lock", "index.lock"], in: gitDirectory)
        // Tags are made under this lock too (`whileLocked`): a tag lock now is a killed writer's.
        lock.removeStaleLocks(under: "refs/tags", in: gitDirectory)
        lock.removeStaleTemporaryFiles(in: gitDirectory)
        try? repairInterruptedWrite()
        workingFolderProblem = nil
        if workingDirectory != nil { try notePendingPaths(paths) }
    }

    /// Moves `referenceName` from `base` (or creates it when nil) to `new` by
    /// compare-and-swap; libgit2's code, 0 when it moved.
    private func moveBranch(_ referenceName: String, from base: ObjectID?, to new: ObjectID, log: String) -> Int32 {
        var newOID = new.oid
        var reference: OpaquePointer?
        defer { git_reference_free(reference) }
        guard let base else {
            return git_reference_create_matching(&reference, pointer, referenceName, &newOID, 0, nil, log)
        }
        var oldOID = base.oid
        return git_reference_create_matching(&reference, pointer, referenceName, &newOID, 1, &oldOID, log)
    }

    /// After a branch move that failed with `code`: throws unless another writer moved the
    /// branch first, then waits a little (longer with each attempt) before the next one.
    private func waitAfterLostRace(_ code: Int32, attempt: Int, branch: String) throws {
        let lostRace = code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue || code == GIT_EEXISTS.rawValue
        guard lostRace else { try check(code, "cannot move branch \(branch)"); return }
        if attempt < Self.maximumAttempts {
            usleep(UInt32.random(in: 1_000...UInt32(min(50, 2 * attempt) * 1_000)))
        }
    }

    private func writeBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        let code = data.withUnsafeBytes { bytes in
            git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, bytes.count)
        }
        try check(code, "cannot store file content")
        return ObjectID(oid)
    }

    /// The commit a reference points at; nil when it does not exist (an unborn branch).
    func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(name)")
        return ObjectID(oid)
    }

    /// Writes the tree of `base` with `updates` applied, and a commit of it whose parent is `base`.
    private func makeCommit(on base: ObjectID?, updates: [(path: String, blob: ObjectID?)], mustBeNew: (String) -> Bool, message: String,
                            author: Signature, committer: Signature) throws -> ObjectID {
        var parent: OpaquePointer?
        var baseTree: OpaquePointer?
        defer {
            git_tree_free(baseTree)
            git_commit_free(parent)
        }
        if let base {
            var oid = base.oid
            try check(git_commit_lookup(&parent, pointer, &oid), "cannot read commit \(base.short)")
            try check(git_commit_tree(&baseTree, parent), "cannot read the tree of \(base.short)")
        }

        // Removing an absent path would fail in libgit2; it is a no-op here. A write onto a
        // folder is refused: the tree builder does not turn folders into files.
        var effective: [(path: String, blob: ObjectID?)] = []
        for update in updates {
            let existing = try baseTree.flatMap { try Self.entry(update.path, in: $0) }
            if update.blob == nil, existing == nil { continue }
            if existing != nil, mustBeNew(update.path) {
                throw GitError(.exists, "cannot create \"\(update.path)\": it exists already")
            }
            if update.blob != nil, existing?.kind == .tree {
                throw GitError(.invalid, "cannot write \"\(update.path)\": it is a folder")
            }
            effective.append(update)
        }
        var treeOID = git_oid()
        let paths = effective.map { strdup($0.path) }
        defer { paths.forEach { free($0) } }
        var gitUpdates = zip(effective, paths).map { update, path in
            var entry = git_tree_update()
            entry.action = update.blob == nil ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT
            if let blob = update.blob { entry.id = blob.oid }
            entry.filemode = GIT_FILEMODE_BLOB
            entry.path = UnsafePointer(path)
            return entry
        }
        try check(git_tree_create_updated(&treeOID, pointer, baseTree, gitUpdates.count, &gitUpdates),
                  "cannot build the new tree")
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &treeOID), "cannot read the new tree")
        defer { git_tree_free(tree) }
        guard let tree else { throw GitError(.other, "libgit2 returned no tree") }

        return try author.withGitSignature { authorSignature in
            try committer.withGitSignature { committerSignature in
                try writeCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: authorSignature,
                                committer: committerSignature, message: message)
            }
        }
    }

    /// Writes a file of the working folder through the lock's scratch folder and a rename,
    /// so a writer killed midway leaves no half file and no stray temporary file in the
    /// working folder (the next writer clears the scratch folder). Only call while holding
    /// the write lock.
    func writeWorkingFile(_ data: Data, to url: URL) throws {
        let scratch = WriteLock.scratchFolder(in: gitDirectory)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let temporary = scratch.appendingPathComponent("\(getpid())-\(url.lastPathComponent)")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) != 0 else { return }
        let failure = errno
        try? FileManager.default.removeItem(at: temporary)
        // A working folder on another file system than its git folder: written in place.
        guard failure == EXDEV else {
            throw GitError(.io, "cannot write \(url.path): \(String(cString: strerror(failure)))")
        }
        try data.write(to: url, options: .atomic)
    }

    /// The file that lists the paths a write is bringing in line with its commit, while it does.
    private var pendingPathsFile: URL { StateFolder.url(in: gitDirectory).appendingPathComponent("pending-paths") }

    /// Notes `paths` as about to be written, with any still noted from an earlier write
    /// that could not be repaired. Only call while holding the write lock.
    func notePendingPaths(_ paths: [String]) throws {
        let earlier = (try? String(contentsOf: pendingPathsFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let all = Array(Set(earlier + paths)).sorted()
        do {
            try Data(all.joined(separator: "\n").utf8).write(to: pendingPathsFile, options: .atomic)
        } catch {
            throw GitError(.io, "cannot write \(pendingPathsFile.path): \(error.localizedDescription)")
        }
    }

    func forgetPendingPaths() {
        try? FileManager.default.removeItem(at: pendingPathsFile)
    }

    /// Brings the paths a killed or failed write left noted (see `apply`) in line with the
    /// branch, in the working folder and the index. Only call while holding the write lock.
    func repairInterruptedWrite() throws {
        guard workingDirectory != nil, let text = try? String(contentsOf: pendingPathsFile, encoding: .utf8) else { return }
        let head = try? tip()
        var updates: [(path: String, blob: ObjectID?)] = []
        for path in text.split(separator: "\n").map(String.init) where RepositoryPath.problem(with: path) == nil {
            let entry = try head.flatMap { try self.entry(path, at: $0) }
            if let entry, entry.kind != .blob { continue }
            updates.append((path, entry?.id))
        }
        try updateWorkingFolder(updates)
        forgetPendingPaths()
    }

    /// Brings the working folder and the index in line with the commit just made, for the
    /// paths it touched.
    private func updateWorkingFolder(_ updates: [(path: String, blob: ObjectID?)]) throws {
        guard let workingDirectory else { return }
        do {
            takePrefetchedWorkingIndex()
            var index: OpaquePointer?
            try check(git_repository_index(&index, pointer), "cannot open the index")
            defer { git_index_free(index) }
            // Opening the index read it already; force would parse all of it a second time.
            try check(git_index_read(index, 0), "cannot read the index")
            let files = FileManager.default
            for update in updates {
                let url = workingDirectory.appendingPathComponent(update.path)
                if let blob = update.blob {
                    try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try writeWorkingFile(try self.blob(blob), to: url)
                    try check(git_index_add_bypath(index, update.path), "cannot add \"\(update.path)\" to the index")
                } else {
                    if files.fileExists(atPath: url.path) { try files.removeItem(at: url) }
                    let code = git_index_remove_bypath(index, update.path)
                    if code != GIT_ENOTFOUND.rawValue { try check(code, "cannot remove \"\(update.path)\" from the index") }
                    try check(git_index_remove_directory(index, update.path, 0), "cannot remove \"\(update.path)\" from the index")
                    removeEmptyFolders(above: url, upTo: workingDirectory)
                }
            }
            try check(git_index_write(index), "cannot write the index")
        } catch {
            throw GitError(.io, "\(error)")
        }
    }

    private func removeEmptyFolders(above url: URL, upTo root: URL) {
        var folder = url.deletingLastPathComponent().standardizedFileURL
        let rootPath = root.standardizedFileURL.path
        while folder.path.count > rootPath.count, folder.path.hasPrefix(rootPath),
              (try? FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty) == true {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
