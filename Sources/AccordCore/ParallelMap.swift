internal import Foundation

/// `map` over all cores, for pure work on independent values; results keep their order.
enum ParallelMap {
    /// Fewer than `perCore` inputs per core stay on fewer cores: threads cost more than tiny
    /// work (a few heavy pieces, such as one instrument's texts, can ask for one per core).
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], perCore: Int = 64,
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, max(1, inputs.count / max(1, perCore)))
        guard workers > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        // One iteration per input: dispatch hands them to whichever thread is free, so
        // uneven pieces of work still finish together.
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values()
    }
}

/// Slots written by index from several threads, each slot by exactly one. Raw memory, not
/// an array property: concurrent access to a class's array would trip exclusivity checks.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    func values() -> [Value] { (0..<count).map { slots[$0]! } }
}

extension ParallelMap {
    /// Runs `first` and `second` at the same time (on two cores when there are two) and
    /// gives both results. Each must only read what the other may read too.
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = Pair(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { pair.a = pair.first() } else { pair.b = pair.second() }
                }
                return (pair.a!, pair.b!)
            }
        }
    }
}

/// The two pieces of work of ``ParallelMap/both(_:_:)`` and their results; each result is
/// written by one thread and read after both have finished.
private final class Pair<A, B>: @unchecked Sendable {
    let first: () -> A
    let second: () -> B
    var a: A?
    var b: B?

    init(first: @escaping () -> A, second: @escaping () -> B) {
        self.first = first
        self.second = second
    }
}

/// Batches transformed on other threads while the caller makes the next one (fetching
/// rows from a database, say), so the caller's work and the transform overlap instead of
/// taking turns. Each batch is mapped in order on one thread; results come back in the
/// order the batches were given, each batch as soon as it and those before it are done.
/// As many batches as there are cores but one run on threads of their own at a time; a
/// batch given while they are all busy is mapped on the caller's own thread (which then
/// makes nothing new), so every core works and what is made is never all held at once.
final class BatchPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Input) -> Output
    private let group = DispatchGroup()
    private let room = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
    /// Batches done and not yet taken, by the order they were given in; how many were given.
    private let done = LockedValue<(batches: [Int: [Output]], given: Int)>(([:], 0))
    /// The next batch to hand back; used on the caller's thread only.
    private var next = 0

    init(_ transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
    }

    /// Hands `batch` to another thread, or maps it here when every other thread is busy.
    func submit(_ batch: [Input]) {
        guard !batch.isEmpty else { return }
        let index = done.withLock { state in
            state.given += 1
            return state.given - 1
        }
        guard room.wait(timeout: .now()) == .success else {
            let output = batch.map(transform)
            done.withLock { $0.batches[index] = output }
            return
        }
        // A thread of its own, not dispatch's pool: on Linux the pool's threads may all be
        // taken by other work waiting on something, and the batch would not start.
        group.enter()
        Thread { [self] in
            let output = batch.map(transform)
            done.withLock { $0.batches[index] = output }
            room.signal()
            group.leave()
        }.start()
    }

    /// The batches done so far that follow those already taken, in the order given.
    func ready() -> [[Output]] {
        done.withLock { state in
            var taken: [[Output]] = []
            while let batch = state.batches.removeValue(forKey: next) {
                taken.append(batch)
                next += 1
            }
            return taken
        }
    }

    /// The batches not taken yet, in the order given, once all are done.
    func finish() -> [[Output]] {
        group.wait()
        return ready()
    }
}
