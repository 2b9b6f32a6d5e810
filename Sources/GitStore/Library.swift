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
