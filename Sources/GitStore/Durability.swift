internal import CLibGit2

/// Whether what libgit2 writes into a git folder is flushed to disk (fsync) before a write
/// is acknowledged.
///
/// accord's commands always run with ``full``: nothing they acknowledge may be lost on a
/// power failure. ``relaxed`` exists for bulk loading only — the benchmark generator writes
/// 50,000 commits into a fresh bare repository it can simply make again. Correctness is the
/// same either way (compare-and-swap, write lock, atomic renames); only what survives a
/// crash differs.
public enum Durability: Sendable {
    /// fsync of objects, refs and the index (the default).
    case full
    /// No fsync: several times faster, and a crash may lose the last writes.
    case relaxed

    /// Sets the durability of every repository this process writes. libgit2 keeps the
    /// setting process-wide, so it is a process-wide switch here too.
    public static func setForProcess(_ durability: Durability) {
        ensureLibrary()
        _ = accord_git_enable_fsync(durability == .full ? 1 : 0)
    }
}
