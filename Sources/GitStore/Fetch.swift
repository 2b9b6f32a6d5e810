internal import CLibGit2

extension Repository {
    /// Downloads what `remote` has into its remote-tracking branches (`refs/remotes/NAME/*`),
    /// using the remote's configured fetch refspecs. Local branches, the index and the working
    /// tree are not touched.
    ///
    /// Throws `.notFound` for an unknown remote and `.io`, naming the URL, when the remote
    /// cannot be reached or read.
    public func fetch(from remoteName: String, progress: ((TransferProgress) -> Void)? = nil) throws {
        let remote = try lookUpRemote(remoteName)
        defer { git_remote_free(remote) }
        let session = RemoteSession(url: git_remote_url(remote).map { String(cString: $0) } ?? remoteName,
                                    progress: progress)
        var options = git_fetch_options()
        git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
        options.callbacks = session.callbacks()
        let code = withExtendedLifetime(session) {
            git_remote_fetch(remote, nil, &options, "accord sync: fetch from \(remoteName)")
        }
        if code < 0 { throw session.transferError(code, doing: "fetch from") }
    }
}
