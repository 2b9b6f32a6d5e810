internal import CMemory

/// The process heap, set up for what accord does: read a large snapshot on every core, once.
public enum Heap {
    /// Call once, first thing. Threads' heaps then grow in large steps instead of a page or
    /// so at a time (see `CMemory/shim.h`); a warm read of a large tracker spent about a
    /// tenth of its time in those small steps.
    public static func prepare() {
        accord_grow_heap_in_large_steps()
    }
}
