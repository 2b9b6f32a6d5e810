internal import CLibGit2
import Foundation

/// What the remote said to a push.
enum PushOutcome: Equatable {
    /// The remote branch now points at the pushed commit (or no branch was pushed); the
    /// remote refused the tags named, if any (a host that protects tags).
    case accepted(refusedTags: [String])
    /// The remote refused because its branch moved on (not a fast-forward), with its reason.
    case rejected(String)
}

extension Repository {
    /// Pushes each `(source, destination)` pair of references to the remote, never forcing,
    /// in one exchange. A remote whose branch moved on is `.rejected`, not an error; any
    /// other failure throws (`.io` naming the URL, `.timedOut` when no progress was made for
    /// `stallTimeout` seconds). On success libgit2 also moves the matching remote-tracking
    /// branches.
    ///
    /// A folder remote whose HEAD names a branch that does not exist (a hub made with `git
    /// init --bare`, whose HEAD says `master`) gets its HEAD pointed at the first destination
    /// branch, so that a `git clone` of it checks that branch out.
    func push(_ updates: [(source: String, destination: String)], remote remoteName: String,
              progress: ((TransferProgress) -> Void)?, stallTimeout: TimeInterval?, login: RemoteLogin?) throws -> PushOutcome {
        let remote = try lookUpRemote(remoteName)
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? remoteName
        try requireFolderRemote(named: remoteName, url: url)
        let session = RemoteSession(url: url, progress: progress, stallTimeout: stallTimeout, login: login)
        var options = git_push_options()
        git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION))
        options.callbacks = session.callbacks()
        let refspecs = updates.map { "\($0.source):\($0.destination)" }
        let branch = updates.first { $0.destination.hasPrefix("refs/heads/") }?.destination
        let code = withFolderRemoteLock(url, updating: updates.map(\.destination)) { hub in
            let code = withExtendedLifetime(session) {
                defer { session.finish() }
                return withStringArray(refspecs) { refspecs in git_remote_push(remote, refspecs, &options) }
            }
            if code == 0, let hub, let branch, session.rejectedReferences[branch] == nil {
                pointUnbornHead(ofHubAt: hub, at: branch)
            }
            return code
        }
        // libgit2 checks fast-forward itself before sending (GIT_ENONFASTFORWARD); a remote that
        // moved between listing and updating answers through push_update_reference instead.
        if code == GIT_ENONFASTFORWARD.rawValue { return .rejected("the remote branch moved on") }
        if code < 0 { throw session.transferError(code, doing: "push to") }
        // Only a refused branch means the remote moved on; a refused tag is reported, not retried.
        var refusedTags: [String] = []
        for update in updates {
            guard let reason = session.rejectedReferences[update.destination] else { continue }
            guard update.destination.hasPrefix("refs/tags/") else { return .rejected(reason) }
            refusedTags.append(String(update.destination.dropFirst("refs/tags/".count)))
        }
        return .accepted(refusedTags: refusedTags)
    }
}

/// Points the HEAD of the git folder at `path` at `branch` when HEAD names a branch that does
/// not exist there. Best effort: a hub that cannot be opened or written keeps its HEAD.
private func pointUnbornHead(ofHubAt path: String, at branch: String) {
    var hub: OpaquePointer?
    guard git_repository_open_bare(&hub, path) == 0, let hub else { return }
    defer { git_repository_free(hub) }
    var head: OpaquePointer?
    guard git_reference_lookup(&head, hub, "HEAD") == 0, let head else { return }
    defer { git_reference_free(head) }
    guard let current = decodeCString(git_reference_symbolic_target(head)), current != branch else { return }
    var resolved: OpaquePointer?
    let code = git_reference_lookup(&resolved, hub, current)
    git_reference_free(resolved)
    guard code == GIT_ENOTFOUND.rawValue else { return }
    _ = git_repository_set_head(hub, branch)
}

/// Calls `body` with a `git_strarray` view of `strings`, valid only during the call.
func withStringArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) -> T) -> T {
    var cStrings: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { cStrings.forEach { free($0) } }
    return cStrings.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}

/// Runs `body` holding the write lock of a folder remote (`write.lock` in the hub's
/// ``StateFolder``, the same file GitStore locks in any repository it writes), passing the hub's git folder; or
/// without a lock, passing nil, for network remotes, whose servers compare-and-swap the
/// branch themselves.
///
/// libgit2's local transport lists the hub's branches, then overwrites the branch without
/// checking it still holds what was listed; two syncs pushing to one shared folder at once
/// could otherwise drop the first one's commits from the hub (they would come back on its
/// next sync, but the hub would lack them meanwhile).
///
/// Holding the hub's lock, a lock file of one of the `references` about to be updated was left
/// by a push that was killed (libgit2 never removes it, and every later push would fail on
/// it): it is removed first.
private func withFolderRemoteLock<T>(_ url: String, updating references: [String], _ body: (String?) -> T) -> T {
    guard let path = Remote.folderPath(of: url) else { return body(nil) }
    // Only a git folder itself (a bare hub, or a .git folder) gets the lock file; never a
    // working tree, where it would show up as an untracked folder.
    let files = FileManager.default
    guard files.fileExists(atPath: path + "/HEAD"), files.fileExists(atPath: path + "/objects") else { return body(nil) }
    let lockFolder = StateFolder.url(in: URL(fileURLWithPath: path))
    try? FileManager.default.createDirectory(at: lockFolder, withIntermediateDirectories: true)
    let descriptor = open(lockFolder.appendingPathComponent("write.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    // A hub we cannot lock (read-only drive) is pushed to unlocked; the push reports the real problem.
    guard descriptor >= 0 else { return body(path) }
    defer { close(descriptor) }
    flock(descriptor, LOCK_EX)
    defer { flock(descriptor, LOCK_UN) }
    for reference in references {
        try? files.removeItem(atPath: path + "/" + reference + ".lock")
    }
    // A hub that syncs itself (a relay) fetches under its sync lock, not this one: only a
    // temporary pack old enough to be abandoned is removed.
    WriteLock.removeInterruptedPackFiles(in: URL(fileURLWithPath: path), olderThan: WriteLock.abandonedObjectAge)
    return body(path)
}
