internal import CLibGit2

/// libgit2 is set up once per process, before any repository opens: `git_libgit2_init`,
/// then fsync of everything written to the git folder (off by default in libgit2; nothing
/// accord acknowledges may be lost on power failure). A global `let` runs this exactly once,
/// thread-safely.
let libraryReady: Bool = {
    git_libgit2_init()
    return accord_git_enable_fsync(1) == 0
}()

/// Makes sure libgit2 is initialised. Every entry point that touches libgit2 calls it.
@inline(__always)
func ensureLibrary() {
    _ = libraryReady
}

/// Runs `body` with libgit2's object cache turned off, process-wide (libgit2 keeps the limit
/// globally), then restores the limit. For walks over every commit, which keep the trees they
/// need themselves: at full benchmark size the cache's constant eviction made the commit
/// index build take 14 s and 347 MB instead of 10 s and 163 MB.
func withoutObjectCache<T>(_ body: () throws -> T) rethrows -> T {
    var limit = 0
    guard accord_git_get_cache_max_size(&limit) == 0, accord_git_set_cache_max_size(0) == 0 else { return try body() }
    defer { _ = accord_git_set_cache_max_size(limit) }
    return try body()
}
