internal import CLibGit2
internal import Foundation

/// libgit2 is set up once per process, before any repository opens: `git_libgit2_init`,
/// then fsync of everything written to the git folder (off by default in libgit2; nothing
/// acknowledged may be lost on power failure, see ``Durability``). A global `let` runs this
/// exactly once, thread-safely.
///
/// Objects read are not hashed again to check them against their ids, as git does not
/// either: with SHA-1 collision detection, libgit2's default, that hashing dominated walks
/// over many trees. Looking for damage is ``ObjectCheck``'s work, which hashes every object
/// it reads itself.
///
/// Packs are mapped into memory in small windows, the least recently used unmapped first
/// (libgit2 maps whole packs by default). Every mapped page read counts in the process's
/// resident memory, and small windows cost no measurable time (Benchmarks/README.md).
let libraryReady: Bool = {
    git_libgit2_init()
    _ = accord_git_enable_strict_hash_verification(0)
    _ = accord_git_set_pack_windows(4 << 20, 16 << 20)
    return accord_git_enable_fsync(1) == 0
}()

/// Makes sure libgit2 is initialised. Every entry point that touches libgit2 calls it.
@inline(__always)
func ensureLibrary() {
    _ = libraryReady
}

/// Runs `body` with libgit2's object cache turned off, process-wide (libgit2 keeps the limit
/// globally), then restores the limit when the last such walk in the process ends. For walks
/// over every commit, which keep the trees they need themselves: the cache's constant
/// eviction then costs time and memory (Benchmarks/README.md).
func withoutObjectCache<T>(_ body: () throws -> T) rethrows -> T {
    objectCacheSuspension.withLock { state in
        if state.walks == 0 {
            var limit = 0
            state.savedLimit = accord_git_get_cache_max_size(&limit) == 0 && accord_git_set_cache_max_size(0) == 0 ? limit : nil
        }
        state.walks += 1
    }
    defer {
        objectCacheSuspension.withLock { state in
            state.walks -= 1
            if state.walks == 0, let limit = state.savedLimit { _ = accord_git_set_cache_max_size(limit) }
        }
    }
    return try body()
}

/// How many walks run without the object cache, and the limit to restore after the last.
private let objectCacheSuspension = LockedState(walks: 0, savedLimit: nil)

/// `@unchecked`: every access to `state` goes through `lock`.
private final class LockedState: @unchecked Sendable {
    struct State {
        var walks: Int
        var savedLimit: Int?
    }

    private let lock = NSLock()
    private var state: State

    init(walks: Int, savedLimit: Int?) {
        state = State(walks: walks, savedLimit: savedLimit)
    }

    func withLock(_ body: (inout State) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body(&state)
    }
}
