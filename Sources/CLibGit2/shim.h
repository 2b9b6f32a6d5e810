#ifndef ACCORD_CLIBGIT2_SHIM_H
#define ACCORD_CLIBGIT2_SHIM_H
#include <git2.h>
// git_repository_set_index: an index read on another thread is handed to the repository.
#include <git2/sys/repository.h>
// zlib (a dependency of libgit2) reads loose objects without libgit2, which can loop on a damaged one.
#include <zlib.h>

// git_libgit2_opts is variadic, which Swift cannot call; these wrappers fix the arguments.
static inline int accord_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
static inline int accord_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
static inline int accord_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
static inline int accord_git_set_cache_max_size(ssize_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, bytes);
}
static inline int accord_git_get_cache_max_size(ssize_t *bytes) {
    ssize_t current = 0;
    return git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, &current, bytes);
}
static inline int accord_git_set_pack_windows(size_t size, size_t limit) {
    int code = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size);
    return code ? code : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, limit);
}
// syncfs(2) is declared only under _GNU_SOURCE; the system call itself is always there.
#include <sys/syscall.h>
#include <unistd.h>
static inline int accord_syncfs(int fd) {
    return (int)syscall(SYS_syncfs, fd);
}
static inline int accord_inflate_init(z_stream *stream) {
    return inflateInit(stream);
}
#endif
