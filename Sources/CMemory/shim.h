// The C library's heap controls accord uses; only what glibc offers beyond Swift's Glibc module.
#pragma once
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
/// Returns the heap's free pages to the system (glibc's malloc_trim); 1 when some were.
static inline int accord_release_free_memory(void) { return malloc_trim(0); }
#else
static inline int accord_release_free_memory(void) { return 0; }
#endif
