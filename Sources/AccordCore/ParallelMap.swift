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
