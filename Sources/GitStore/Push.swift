internal import CLibGit2
import Foundation

/// What the remote said to a push.
enum PushOutcome: Equatable {
    /// The remote branch now points at the pushed commit.
    case accepted
    /// The remote refused because its branch moved on (not a fast-forward), with its reason.
    case rejected(String)
}

extension Repository {
    /// Pushes the commit `source` names (a reference) to `destination` on the remote, never
    /// forcing. A remote that moved on is `.rejected`, not an error; any other failure throws
    /// `.io` naming the URL. On success libgit2 also moves the matching remote-tracking branch.
    func push(_ source: String, to destination: String, remote remoteName: String,
              progress: ((TransferProgress) -> Void)?) throws -> PushOutcome {
        let remote = try lookUpRemote(remoteName)
        defer { git_remote_free(remote) }
        let session = RemoteSession(url: git_remote_url(remote).map { String(cString: $0) } ?? remoteName,
                                    progress: progress)
        var options = git_push_options()
        git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION))
        options.callbacks = session.callbacks()
        let refspec = "\(source):\(destination)"
        let code = withFolderRemoteLock(session.url) {
            withExtendedLifetime(session) {
                withStringArray([refspec]) { refspecs in git_remote_push(remote, refspecs, &options) }
            }
        }
        // libgit2 checks fast-forward itself before sending (GIT_ENONFASTFORWARD); a remote that
        // moved between listing and updating answers through push_update_reference instead.
        if code == GIT_ENONFASTFORWARD.rawValue { return .rejected("the remote branch moved on") }
        if code < 0 { throw session.transferError(code, doing: "push to") }
        if let reason = session.rejectedReferences[destination] { return .rejected(reason) }
        return .accepted
    }
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

/// Runs `body` holding the write lock of a folder remote (`<hub>/accord/write.lock`, the
/// same file GitStore locks in any repository it writes), or without a lock for network
/// remotes, whose servers compare-and-swap the branch themselves.
///
/// libgit2's local transport lists the hub's branches, then overwrites the branch without
/// checking it still holds what was listed; two syncs pushing to one shared folder at once
/// could otherwise drop the first one's commits from the hub (they would come back on its
/// next sync, but the hub would lack them meanwhile).
private func withFolderRemoteLock<T>(_ url: String, _ body: () -> T) -> T {
    let path: String
    if url.hasPrefix("file://") {
        path = String(url.dropFirst("file://".count))
    } else if !url.contains("://"), !Remote.isScpLike(url) {
        path = url
    } else {
        return body()
    }
    // Only a git folder itself (a bare hub, or a .git folder) gets the lock file; never a
    // working tree, where it would show up as an untracked folder.
    let files = FileManager.default
    guard files.fileExists(atPath: path + "/HEAD"), files.fileExists(atPath: path + "/objects") else { return body() }
    let lockFolder = URL(fileURLWithPath: path).appendingPathComponent("accord")
    try? FileManager.default.createDirectory(at: lockFolder, withIntermediateDirectories: true)
    let descriptor = open(lockFolder.appendingPathComponent("write.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    // A hub we cannot lock (read-only drive) is pushed to unlocked; the push reports the real problem.
    guard descriptor >= 0 else { return body() }
    defer { close(descriptor) }
    flock(descriptor, LOCK_EX)
    defer { flock(descriptor, LOCK_UN) }
    return body()
}
