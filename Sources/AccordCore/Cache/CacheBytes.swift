internal import Foundation

/// The bytes a ``CacheReader`` reads: a copy of an array, or part of a cache file mapped
/// into memory. Shared, never copied; the memory lives as long as any `CacheBytes` of it.
///
/// The snapshot part of a large tracker's file is tens of megabytes. Read into an array,
/// every command paid for fresh pages and a copy; mapped, the pages already in the system's
/// file cache are used as they are.
struct CacheBytes: @unchecked Sendable {
    private let memory: Memory
    let count: Int

    /// A copy of `array`.
    init(_ array: [UInt8]) {
        memory = Memory(copying: array)
        count = array.count
    }

    private init(memory: Memory, count: Int) {
        self.memory = memory
        self.count = count
    }

    /// `count` bytes of the open file `descriptor` from `offset`, mapped read-only; nil when
    /// the file is shorter than that or cannot be mapped. The descriptor may be closed after.
    static func map(_ descriptor: Int32, offset: Int, count: Int) -> CacheBytes? {
        var status = stat()
        guard count > 0, offset >= 0, fstat(descriptor, &status) == 0,
              Int(status.st_size) >= offset + count else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = offset - offset % page
        let length = count + (offset - start)
        // Populated at once where the system can: the whole part is read (its checksum is
        // verified on opening).
        #if os(Linux)
        let flags = MAP_PRIVATE | Int32(MAP_POPULATE)
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let mapping = mmap(nil, length, PROT_READ, flags, descriptor, off_t(start)),
              mapping != MAP_FAILED else { return nil }
        let memory = Memory(mapping: mapping, length: length, skip: offset - start)
        return CacheBytes(memory: memory, count: count)
    }

    subscript(index: Int) -> UInt8 {
        assert(index >= 0 && index < count)
        return memory.base[index]
    }

    /// The bytes at `range`, valid while this value is alive.
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        assert(range.lowerBound >= 0 && range.upperBound <= count)
        return UnsafeBufferPointer(start: memory.base + range.lowerBound, count: range.count)
    }
}

/// Memory that frees itself: an allocated copy, or a mapping.
private final class Memory {
    let base: UnsafePointer<UInt8>
    private let release: () -> Void

    init(copying array: [UInt8]) {
        let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, array.count))
        array.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { copy.initialize(from: from, count: source.count) }
        }
        base = UnsafePointer(copy)
        release = { copy.deallocate() }
    }

    init(mapping: UnsafeMutableRawPointer, length: Int, skip: Int) {
        base = UnsafePointer(mapping.advanced(by: skip).assumingMemoryBound(to: UInt8.self))
        release = { munmap(mapping, length) }
    }

    deinit { release() }
}
