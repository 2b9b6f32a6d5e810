internal import CLibGit2
import Foundation

/// Moving the checked-out branch to a commit that came from a remote, keeping the index
/// and the working tree in step with it.
extension Repository {
    /// The full name of the branch HEAD points at (`refs/heads/main`), born or not.
    func checkedOutBranch() throws -> String {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "cannot read HEAD")
        defer { git_reference_free(head) }
        guard let target = git_reference_symbolic_target(head).map({ String(cString: $0) }),
              target.hasPrefix("refs/heads/") else {
            throw GitError(.invalid, "HEAD is detached; check out the tracker's branch (git switch main) and sync again")
        }
        return target
    }

    /// Sets `name` to `id` unconditionally, or deletes it when `id` is nil. For
    /// remote-tracking branches only, which record what a remote had and nothing else.
    func setReference(_ name: String, to id: ObjectID?, message: String) throws {
        if let id {
            var reference: OpaquePointer?
            var oid = id.oid
            try check(git_reference_create(&reference, pointer, name, &oid, 1, message), "cannot update \(name)")
            git_reference_free(reference)
        } else {
            var reference: OpaquePointer?
            let code = git_reference_lookup(&reference, pointer, name)
            if code == GIT_ENOTFOUND.rawValue { return }
            try check(code, "cannot read \(name)")
            defer { git_reference_free(reference) }
            try check(git_reference_delete(reference), "cannot delete \(name)")
        }
    }

    /// Checks, without writing anything, that the working tree can move from `old` to
    /// `new`: no file the move would rewrite has uncommitted changes. Throws `.conflict`
    /// naming those files.
    func checkWorkingTreeCanMove(from old: ObjectID?, to new: ObjectID) throws {
        // libgit2 reads and locks the index even for a dry run: under the write lock, so it
        // never meets a writer's index write, and a writer's stale-lock cleanup never meets it.
        let lock = try WriteLock(gitDirectory: gitDirectory)
        lock.removeStaleLocks(["index.lock"], in: gitDirectory)
        // Files a killed sync or writer left ahead of the branch would count as changes here.
        try? repairInterruptedWrite()
        try checkOut(new, baseline: old, dryRun: true)
    }

    /// Moves `branch` from `old` to `new` under the write lock, by compare-and-swap, with the
    /// working tree and index following when the branch is checked out.
    ///
    /// The files are rewritten first (libgit2 checks every file before writing any) and the
    /// branch moved second; if the branch had moved meanwhile, the files go back and the
    /// answer is false so the caller can start again from the new tip.
    func advanceBranch(_ branch: String, from old: ObjectID?, to new: ObjectID, message: String) throws -> Bool {
        let lock = try WriteLock(gitDirectory: gitDirectory)
        // Holding the write lock, a lock file libgit2 left behind is stale (DESIGN: stale locks).
        lock.removeStaleLocks(["\(branch).lock", "HEAD.lock", "index.lock"], in: gitDirectory)
        lock.removeStaleTemporaryFiles(in: gitDirectory)
        guard try referenceTarget(branch) == old else { return false }
        let followsWorkingTree = workingDirectory != nil && (try? checkedOutBranch()) == branch
        if followsWorkingTree {
            try? repairInterruptedWrite()
            // Killed between this checkout and the branch's move, the working folder and the
            // index would hold `new` over a branch at `old`: noted, the next write or sync
            // puts those paths back in line with the branch.
            try notePendingPaths(try changes(from: old, to: new).map(\.path))
            do {
                try checkOut(new, baseline: old, dryRun: false)
            } catch let error as GitError where error.kind != .conflict {
                // A checkout cut short (a full disk) may have left files half written: the
                // files it touched go back to `old`, so nothing asks to be committed later.
                restoreFiles(changedFrom: old, to: new)
                throw error
            }
        }
        var reference: OpaquePointer?
        var target = new.oid
        let code: Int32
        if var expected = old?.oid {
            code = git_reference_create_matching(&reference, pointer, branch, &target, 1, &expected, message)
        } else {
            code = git_reference_create(&reference, pointer, branch, &target, 0, message)
        }
        git_reference_free(reference)
        if code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue || code == GIT_EEXISTS.rawValue {
            if followsWorkingTree, let old {
                if (try? checkOut(old, baseline: new, dryRun: false)) != nil { forgetPendingPaths() }
            }
            return false
        }
        try check(code, "cannot move \(branch)")
        if followsWorkingTree { forgetPendingPaths() }
        return true
    }

    /// Checks out the tree of `commitID` over the tree of `baseline`: files that differ
    /// between the two are rewritten, others are left alone, and any rewritten file whose
    /// working copy differs from `baseline` stops the whole checkout before it writes.
    private func checkOut(_ commitID: ObjectID, baseline baselineID: ObjectID?, dryRun: Bool) throws {
        let target = try tree(of: commitID)
        defer { git_tree_free(target) }
        let baseline = try baselineID.map { try tree(of: $0) }
        defer { if let baseline { git_tree_free(baseline) } }

        final class Blocked { var paths: [String] = [] }
        let blocked = Blocked()
        var options = git_checkout_options()
        git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION))
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
            | (dryRun ? GIT_CHECKOUT_DRY_RUN.rawValue | GIT_CHECKOUT_DONT_WRITE_INDEX.rawValue : 0)
        options.baseline = baseline
        options.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT.rawValue
        options.notify_payload = Unmanaged.passUnretained(blocked).toOpaque()
        options.notify_cb = { _, path, _, _, _, payload in
            if let path, let payload {
                Unmanaged<Blocked>.fromOpaque(payload).takeUnretainedValue().paths.append(String(cString: path))
            }
            return 0
        }
        // Only the paths that differ between the two trees: libgit2 then looks at those files
        // alone, not at every file of the working folder (as git does for a fast-forward).
        var limited: [UnsafeMutablePointer<CChar>?] = []
        if let baselineID {
            limited = try changes(from: baselineID, to: commitID).map { strdup($0.path) }
            if limited.isEmpty { return }
            options.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
        }
        defer { limited.forEach { free($0) } }
        let code = limited.withUnsafeMutableBufferPointer { paths in
            if !paths.isEmpty { options.paths = git_strarray(strings: paths.baseAddress, count: paths.count) }
            return withExtendedLifetime(blocked) { git_checkout_tree(pointer, target, &options) }
        }
        if code == GIT_ECONFLICT.rawValue || !blocked.paths.isEmpty {
            let files = blocked.paths.isEmpty ? "some files" : blocked.paths.sorted().joined(separator: ", ")
            throw GitError(.conflict, "the working tree has uncommitted changes to \(files); "
                           + "commit or discard them, then sync again", code: code)
        }
        try check(code, "cannot update the working tree")
    }

    /// Puts back the version of `old` of every file that differs between `old` and `new`
    /// (removing those `old` lacks), in the working folder only: after a checkout that
    /// failed part-way, before the index was written. Best effort: a full disk may refuse
    /// this too, and the next sync's check then names the files.
    private func restoreFiles(changedFrom old: ObjectID?, to new: ObjectID) {
        guard let workingDirectory, let changes = try? self.changes(from: old, to: new) else { return }
        for change in changes {
            let url = workingDirectory.appendingPathComponent(change.path)
            if let oldID = change.oldID, let data = try? blob(oldID) {
                try? writeWorkingFile(data, to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    private func tree(of commitID: ObjectID) throws -> OpaquePointer {
        var id = commitID.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &id), "cannot read commit")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, commit), "cannot read the tree of a commit")
        return tree!
    }
}
