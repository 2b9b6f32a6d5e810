#ifndef ACCORD_CLIBGIT2_SHIM_H
#define ACCORD_CLIBGIT2_SHIM_H
#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call; these wrappers fix the arguments.
static inline int accord_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
static inline int accord_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}
#endif
