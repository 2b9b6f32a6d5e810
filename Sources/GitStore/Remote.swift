internal import CLibGit2
import Foundation

/// A named remote of a repository: another copy of the tracker that sync exchanges commits with.
public struct Remote: Sendable, Equatable, Codable {
    /// The remote's name, e.g. `origin` or `hub`.
    public let name: String
    /// Where it lives: a folder path, `file://`, `git://`, `https://` or `ssh://` URL, or `user@host:path`.
    public let url: String

    /// Creates a remote value.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}

extension Repository {
    /// The remotes configured in this repository, sorted by name.
    public func remotes() throws -> [Remote] {
        var names = git_strarray()
        try check(git_remote_list(&names, pointer), "cannot list remotes")
        defer { git_strarray_dispose(&names) }
        var result: [Remote] = []
        for index in 0..<names.count {
            guard let cName = names.strings[index] else { continue }
            result.append(try remote(named: String(cString: cName)))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The remote called `name`; throws `.notFound` naming it when there is none.
    public func remote(named name: String) throws -> Remote {
        let remote = try lookUpRemote(name)
        defer { git_remote_free(remote) }
        return Remote(name: name, url: git_remote_url(remote).map { String(cString: $0) } ?? "")
    }

    /// Adds a remote with git's default fetch refspec (`+refs/heads/*:refs/remotes/NAME/*`).
    ///
    /// Throws `.exists` when a remote of that name is already there and `.invalid` for a
    /// name git would not accept. A relative folder path is stored as an absolute one, so the
    /// remote still works from another folder.
    @discardableResult
    public func addRemote(named name: String, url: String) throws -> Remote {
        var valid: Int32 = 0
        try check(git_remote_name_is_valid(&valid, name), "cannot check the remote name '\(name)'")
        guard valid == 1 else { throw GitError(.invalid, "'\(name)' is not a valid remote name") }
        if (try? remote(named: name)) != nil {
            throw GitError(.exists, "a remote called '\(name)' exists already")
        }
        let stored = Remote.storedURL(url)
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, pointer, name, stored), "cannot add the remote '\(name)'")
        git_remote_free(remote)
        return Remote(name: name, url: stored)
    }

    /// Points the remote `name` at a new URL (a drive mounted elsewhere, a host that moved),
    /// stored as `addRemote` stores it. Throws `.notFound` when there is no such remote.
    @discardableResult
    public func setRemoteURL(named name: String, url: String) throws -> Remote {
        _ = try remote(named: name)
        let stored = Remote.storedURL(url)
        try check(git_remote_set_url(pointer, name, stored), "cannot change the URL of the remote '\(name)'")
        return Remote(name: name, url: stored)
    }

    /// Removes the remote `name`, its configuration and its remote-tracking branches.
    public func removeRemote(named name: String) throws {
        _ = try remote(named: name)
        try check(git_remote_delete(pointer, name), "cannot remove the remote '\(name)'")
    }

    /// Looks up a remote pointer; the caller frees it.
    func lookUpRemote(_ name: String) throws -> OpaquePointer {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            throw GitError(.notFound, "there is no remote called '\(name)'", code: code)
        }
        try check(code, "cannot look up the remote '\(name)'")
        return remote!
    }
}

extension Remote {
    /// A URL as it should be stored: relative folder paths become absolute; URLs and
    /// scp-like `user@host:path` addresses are kept as typed.
    static func storedURL(_ url: String) -> String {
        if url.contains("://") || Remote.isScpLike(url) { return url }
        let path = (url as NSString).expandingTildeInPath
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL.path }
        let cwd = FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
            .standardizedFileURL.path
    }

    /// The folder of a remote reached through the file system (a path or a `file://` URL);
    /// nil for network remotes.
    static func folderPath(of url: String) -> String? {
        if url.hasPrefix("file://") { return String(url.dropFirst("file://".count)) }
        if url.contains("://") || isScpLike(url) { return nil }
        return url
    }

    /// True for git's `[user@]host:path` form: a colon before any slash.
    static func isScpLike(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let slash = url.firstIndex(of: "/") ?? url.endIndex
        return colon < slash
    }
}
