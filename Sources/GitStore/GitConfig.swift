internal import CLibGit2

/// A read-only snapshot of git's configuration, as `git config` reads it: the repository's
/// own file, then the user's (`~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`) and the
/// system's. Values set later in that order lose to earlier ones, as in git. Not
/// `Sendable`: it owns a libgit2 handle.
public final class GitConfig {
    private let pointer: OpaquePointer

    private init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_config_free(pointer) }

    /// The configuration `repository` sees (its own file first).
    public convenience init(of repository: Repository) throws {
        var snapshot: OpaquePointer?
        try check(git_repository_config_snapshot(&snapshot, repository.pointer), "cannot read the repository's git configuration")
        guard let snapshot else { throw GitError(.other, "libgit2 returned no configuration") }
        self.init(pointer: snapshot)
    }

    /// The user's and the system's configuration, for a command run outside any repository.
    public static func user() throws -> GitConfig {
        ensureLibrary()
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "cannot read the git configuration")
        guard let config else { throw GitError(.other, "libgit2 returned no configuration") }
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "cannot read the git configuration")
        guard let snapshot else { throw GitError(.other, "libgit2 returned no configuration") }
        return GitConfig(pointer: snapshot)
    }

    /// The value of `key` (`user.name`, `core.pager`), or nil when it is not set.
    public func string(_ key: String) -> String? {
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, pointer, key) == 0 else { return nil }
        return decodeCString(value)
    }
}
