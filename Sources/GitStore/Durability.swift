internal import CLibGit2
internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// Whether what libgit2 writes into a git folder is flushed to disk (fsync) before a write
/// is acknowledged.
///
/// ``full`` is the default: nothing acknowledged may be lost on a power failure. ``relaxed``
/// is for data that can simply be made again: bulk loading into a fresh repository, and test
/// fixtures. Correctness is the same either way (compare-and-swap, write lock, atomic
/// renames); only what survives a crash differs.
public enum Durability: Sendable {
    /// fsync of objects, refs and the index (the default).
    case full
    /// No fsync: faster, and a crash may lose the last writes.
    case relaxed

    /// Sets the durability of every repository this process writes. libgit2 keeps the
    /// setting process-wide, so it is a process-wide switch here too.
    public static func setForProcess(_ durability: Durability) {
        ensureLibrary()
        _ = accord_git_enable_fsync(durability == .full ? 1 : 0)
        current = durability
    }

    /// What ``setForProcess(_:)`` last set: `.full` until then. Set once at start-up, before
    /// any thread writes.
    nonisolated(unsafe) public private(set) static var current = Durability.full

    /// Runs `write` with libgit2's flush of each object it writes turned off, then flushes
    /// the file system holding `gitDirectory` once, as one fsync per object would have
    /// done for each: for writes of many objects before one reference moves. Under
    /// `.relaxed` it just runs `write`.
    static func flushingOnce<T>(in gitDirectory: URL, _ write: () throws -> T) throws -> T {
        guard current == .full else { return try write() }
        _ = accord_git_enable_fsync(0)
        let result: T
        do {
            result = try write()
        } catch {
            _ = accord_git_enable_fsync(1)
            throw error
        }
        _ = accord_git_enable_fsync(1)
        let folder = open(gitDirectory.appendingPathComponent("objects").path, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { throw GitError(.io, "cannot open \(gitDirectory.path)/objects to flush it: \(String(cString: strerror(errno)))") }
        defer { close(folder) }
        guard accord_syncfs(folder) == 0 else {
            throw GitError(.io, "cannot flush the objects written to disk: \(String(cString: strerror(errno)))")
        }
        return result
    }
}
