internal import CLibGit2
public import Foundation

extension Repository {
    /// Downloads what `remote` has into its remote-tracking branches (`refs/remotes/NAME/*`),
    /// using the remote's configured fetch refspecs, and removes those of branches the remote
    /// no longer has. Local branches, the index and the working tree are not touched.
    ///
    /// With `tagsInto`, the remote's tags are also fetched, as references under that prefix
    /// (`refs/tags/X` becomes `PREFIX/X`), so the caller decides which of them to adopt; the
    /// local `refs/tags/` is never touched. `stallTimeout` seconds without progress end the
    /// fetch (nil or 0: no limit). `login` answers a remote that asks for a user and password.
    ///
    /// Throws `.notFound` for an unknown remote or a folder remote whose folder is not there
    /// (a drive that is not connected), `.timedOut` when the watchdog ended it, and `.io`,
    /// naming the URL, when the remote cannot be reached or read.
    public func fetch(from remoteName: String, tagsInto tagPrefix: String? = nil,
                      progress: ((TransferProgress) -> Void)? = nil, stallTimeout: TimeInterval? = nil,
                      login: RemoteLogin? = nil) throws {
        let remote = try lookUpRemote(remoteName)
        defer { git_remote_free(remote) }
        let url = git_remote_url(remote).map { String(cString: $0) } ?? remoteName
        try requireFolderRemote(named: remoteName, url: url)

        var refspecs: [String] = []
        var configured = git_strarray()
        try check(git_remote_get_fetch_refspecs(&configured, remote), "cannot read the fetch refspecs of '\(remoteName)'")
        for index in 0..<configured.count {
            if let spec = decodeCString(configured.strings[index]) { refspecs.append(spec) }
        }
        git_strarray_dispose(&configured)
        if let tagPrefix { refspecs.append("+refs/tags/*:\(tagPrefix)/*") }

        let session = RemoteSession(url: url, progress: progress, stallTimeout: stallTimeout, login: login)
        var options = git_fetch_options()
        git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
        options.callbacks = session.callbacks()
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        // A branch deleted on the remote must disappear here too, or it would look unchanged.
        options.prune = GIT_FETCH_PRUNE
        let code = withExtendedLifetime(session) {
            defer { session.finish() }
            return withStringArray(refspecs) { specs in
                git_remote_fetch(remote, specs, &options, "fetch from \(remoteName)")
            }
        }
        if code < 0 { throw session.transferError(code, doing: "fetch from") }
    }

    /// Throws `.notFound` when `url` names a folder that does not exist: a drive that is not
    /// connected, or mounted elsewhere. libgit2 would say "unsupported URL protocol".
    func requireFolderRemote(named name: String, url: String) throws {
        guard let path = Remote.folderPath(of: url), !FileManager.default.fileExists(atPath: path) else { return }
        throw GitError(.notFound, "the remote '\(name)' is not found at \(path): is the drive connected? "
                       + "(if it is mounted elsewhere, point the remote there)")
    }
}
