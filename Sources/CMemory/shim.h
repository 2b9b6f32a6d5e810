// The C library's heap controls accord uses; only what glibc offers beyond Swift's Glibc module.
#pragma once
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
/// Returns the heap's free pages to the system (glibc's malloc_trim); 1 when some were.
static inline int accord_release_free_memory(void) { return malloc_trim(0); }
/// Lets each heap grow 64 MB at a time. glibc grows a thread's heap a page or so at a time
/// by default, one mprotect call each: a warm read of a large tracker made some 2,500 of
/// them. Address space only: pages still count once touched.
static inline void accord_grow_heap_in_large_steps(void) { mallopt(M_TOP_PAD, 64 << 20); }
#else
static inline int accord_release_free_memory(void) { return 0; }
static inline void accord_grow_heap_in_large_steps(void) {}
#endif
