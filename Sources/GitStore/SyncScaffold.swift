internal import CLibGit2
public import Foundation

// TEMPORARY: a stand-in for the `Repository` the `gitstore` branch is building, so the sync
// code can compile and be tested before that branch lands. Delete this file when merging
// `gitstore`; the sync files use only `handle`, `gitDirectory`, `workingDirectory`,
// `withWriteLock` and `check`.

private let libgit2Ready: Bool = {
    git_libgit2_init()
    _ = accord_git_enable_fsync(1)
    return true
}()

/// A git repository holding a tracker (temporary stand-in, see the file comment).
public final class Repository {
    let pointer: OpaquePointer

    /// The `.git` folder.
    public let gitDirectory: URL
    /// The folder with the checked-out files, or nil for a bare repository.
    public let workingDirectory: URL?

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
        gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(pointer)))
        workingDirectory = git_repository_workdir(pointer).map { URL(fileURLWithPath: String(cString: $0)) }
    }

    deinit { git_repository_free(pointer) }

    /// Opens the repository at `url` (its working folder or its `.git` folder).
    public static func open(at url: URL) throws -> Repository {
        try open(url, flags: UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue))
    }

    /// Opens the repository enclosing `url`.
    public static func discover(from url: URL) throws -> Repository {
        try open(url, flags: 0)
    }

    private static func open(_ url: URL, flags: UInt32) throws -> Repository {
        _ = libgit2Ready
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, url.path, flags, nil)
        if code == GIT_ENOTFOUND.rawValue { throw GitError(.notARepository, "no tracker at \(url.path)") }
        try check(code, "cannot open the repository at \(url.path)")
        return Repository(pointer: pointer!)
    }

    /// Runs `body` holding accord's kernel write lock on this repository.
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        let folder = gitDirectory.appendingPathComponent("accord")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fd = Foundation.open(folder.appendingPathComponent("write.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw GitError(.io, "cannot open the write lock in \(folder.path)") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw GitError(.io, "cannot take the write lock in \(folder.path)") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

/// Turns a negative libgit2 return code into a `GitError`, reading `git_error_last()` at once.
@discardableResult
func check(_ code: Int32, _ action: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    let last = git_error_last()
    let detail = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
    let errorClass = last.map { $0.pointee.klass } ?? 0
    let kind: GitError.Kind
    switch code {
    case GIT_ENOTFOUND.rawValue: kind = .notFound
    case GIT_EEXISTS.rawValue: kind = .exists
    case GIT_EMODIFIED.rawValue: kind = .lostRace
    case GIT_ELOCKED.rawValue: kind = .locked
    case GIT_ECONFLICT.rawValue, GIT_EMERGECONFLICT.rawValue: kind = .conflict
    case GIT_EINVALIDSPEC.rawValue, GIT_EINVALID.rawValue: kind = .invalid
    default: kind = .other
    }
    throw GitError(kind, "\(action()): \(detail)", code: code, errorClass: errorClass)
}
