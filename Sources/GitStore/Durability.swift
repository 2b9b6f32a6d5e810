internal import CLibGit2

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
    }
}
