@testable import AccordCore
import Foundation
import Testing

/// What a warm read relies on when it hands the stored rows to other threads a batch at a
/// time: every batch comes back mapped once, in the order given, however long each takes
/// and however often the caller looks for what is ready.
struct BatchPipelineTests {
    /// Batches of uneven sizes, some slow to map, taken as they become ready and at the end.
    @Test(arguments: [1, 7, 40])
    func everyBatchComesBackMappedOnceInTheOrderGiven(batches: Int) {
        let mapped = LockedValue<[Int: Int]>([:])
        let pipeline = BatchPipeline<Int, Int> { value in
            // Every seventh value takes a while, so helpers finish out of order.
            if value % 7 == 0 { usleep(2_000) }
            mapped.withLock { $0[value, default: 0] += 1 }
            return value * 2
        }
        var expected: [Int] = []
        var taken: [Int] = []
        var next = 0
        for batch in 0..<batches {
            let values = Array(next..<(next + 1 + batch % 5))
            next += values.count
            expected += values.map { $0 * 2 }
            pipeline.submit(values)
            if batch % 3 == 0 { taken += pipeline.ready().flatMap { $0 } }
        }
        pipeline.submit([])
        taken += pipeline.finish().flatMap { $0 }
        #expect(taken == expected)
        #expect(mapped.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<next).map { ($0, 1) }))
        #expect(pipeline.ready().isEmpty)
    }

    /// A caller that stops taking midway (a row that does not decode) leaves nothing
    /// running: the batches in line are still mapped, by the helpers, which then stop.
    @Test func aPipelineLeftMidwayFinishesWhatWaits() async throws {
        let mapped = LockedValue(0)
        do {
            let pipeline = BatchPipeline<Int, Int> { value in
                usleep(1_000)
                mapped.withLock { $0 += 1 }
                return value
            }
            for start in stride(from: 0, to: 40, by: 4) { pipeline.submit(Array(start..<(start + 4))) }
            _ = pipeline.ready()
        }
        let deadline = Date().addingTimeInterval(10)
        while mapped.withLock({ $0 }) < 40, Date() < deadline { try await Task.sleep(nanoseconds: 5_000_000) }
        #expect(mapped.withLock { $0 } == 40)
    }
}
