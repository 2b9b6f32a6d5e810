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
///
/// Given batches wait in line for as many helper threads as there are cores but one; a
/// helper takes the next in line as soon as it is done with one, so the helpers stay busy
/// while the caller makes more. When more than ``waitingLimit`` wait, the caller maps the
/// oldest itself before making more: every core works, and what is made is never all held
/// at once. ``finish()`` maps what still waits on the caller's thread too.
final class BatchPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (Input) -> Output
    private let helpers = max(0, ProcessInfo.processInfo.activeProcessorCount - 1)
    /// How many batches may wait before the caller maps one itself.
    private let waitingLimit = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Guards what follows, and is signalled when a helper stops.
    private let condition = NSCondition()
    private var waiting: [(index: Int, batch: [Input])] = []
    private var done: [Int: [Output]] = [:]
    private var given = 0
    /// Helper threads running; each stops when nothing waits, and a later batch starts one.
    private var running = 0
    /// The next batch to hand back; used on the caller's thread only.
    private var next = 0

    init(_ transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
    }

    /// Puts `batch` in line for a helper; maps the oldest waiting batch here when too many wait.
    func submit(_ batch: [Input]) {
        guard !batch.isEmpty else { return }
        condition.lock()
        waiting.append((given, batch))
        given += 1
        if running < helpers {
            running += 1
            // A thread of its own, not dispatch's pool: on Linux the pool's threads may all
            // be taken by other work waiting on something, and the batch would not start.
            Thread { [self] in help() }.start()
        }
        let own = waiting.count > waitingLimit ? waiting.removeFirst() : nil
        condition.unlock()
        if let own { map(own) }
    }

    private func map(_ item: (index: Int, batch: [Input])) {
        let output = item.batch.map(transform)
        condition.withLock { done[item.index] = output }
    }

    /// A helper's work: the batches in line, one after another, until none waits.
    private func help() {
        while let item = condition.withLock({ waiting.isEmpty ? nil : waiting.removeFirst() }) { map(item) }
        condition.withLock {
            running -= 1
            condition.broadcast()
        }
    }

    /// The batches done so far that follow those already taken, in the order given.
    func ready() -> [[Output]] {
        condition.withLock {
            var taken: [[Output]] = []
            while let batch = done.removeValue(forKey: next) {
                taken.append(batch)
                next += 1
            }
            return taken
        }
    }

    /// The batches not taken yet, in the order given, once all are done.
    func finish() -> [[Output]] {
        while let item = condition.withLock({ waiting.isEmpty ? nil : waiting.removeFirst() }) { map(item) }
        condition.withLock {
            while running > 0 { condition.wait() }
        }
        return ready()
    }
}
