/// The shortest edit script between two sequences of token ids (Myers, 1986), in linear
/// space: the middle snake splits the problem in two until one side is empty.
///
/// The bisection follows the well-tried formulation of Neil Fraser's diff-match-patch.
enum MyersDiff {
    /// What an edit does to the old sequence.
    enum Operation: Sendable {
        case equal, delete, insert
    }

    /// A run of `count` elements with the same operation.
    struct Edit: Sendable, Equatable {
        var operation: Operation
        var count: Int
    }

    /// The runs that turn `old` into `new`, adjacent runs of one operation merged.
    static func edits(_ old: [Int], _ new: [Int]) -> [Edit] {
        var script: [Edit] = []
        old.withUnsafeBufferPointer { a in
            new.withUnsafeBufferPointer { b in
                diff(a, 0..<a.count, b, 0..<b.count, into: &script)
            }
        }
        return script
    }

    private static func append(_ operation: Operation, _ count: Int, to script: inout [Edit]) {
        guard count > 0 else { return }
        if script.last?.operation == operation {
            script[script.count - 1].count += count
        } else {
            script.append(Edit(operation: operation, count: count))
        }
    }

    private static func diff(
        _ a: UnsafeBufferPointer<Int>, _ aRange: Range<Int>,
        _ b: UnsafeBufferPointer<Int>, _ bRange: Range<Int>,
        into script: inout [Edit]
    ) {
        var (aLow, aHigh, bLow, bHigh) = (aRange.lowerBound, aRange.upperBound, bRange.lowerBound, bRange.upperBound)
        var prefix = 0
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            aLow += 1; bLow += 1; prefix += 1
        }
        var suffix = 0
        while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
            aHigh -= 1; bHigh -= 1; suffix += 1
        }
        append(.equal, prefix, to: &script)
        if aLow == aHigh {
            append(.insert, bHigh - bLow, to: &script)
        } else if bLow == bHigh {
            append(.delete, aHigh - aLow, to: &script)
        } else if let (x, y) = middleSnake(a, aLow..<aHigh, b, bLow..<bHigh) {
            diff(a, aLow..<aLow + x, b, bLow..<bLow + y, into: &script)
            diff(a, aLow + x..<aHigh, b, bLow + y..<bHigh, into: &script)
        } else {
            append(.delete, aHigh - aLow, to: &script)
            append(.insert, bHigh - bLow, to: &script)
        }
        append(.equal, suffix, to: &script)
    }

    /// Where a shortest path crosses the middle diagonal band, relative to the ranges'
    /// starts; nil when the two ranges have nothing in common.
    private static func middleSnake(
        _ a: UnsafeBufferPointer<Int>, _ aRange: Range<Int>,
        _ b: UnsafeBufferPointer<Int>, _ bRange: Range<Int>
    ) -> (Int, Int)? {
        let n = aRange.count, m = bRange.count
        let a0 = aRange.lowerBound, b0 = bRange.lowerBound
        let maxD = (n + m + 1) / 2
        let offset = maxD
        let length = 2 * maxD + 2
        var forward = [Int](repeating: -1, count: length)
        var backward = [Int](repeating: -1, count: length)
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        let frontMeets = delta % 2 != 0
        var (k1Start, k1End, k2Start, k2End) = (0, 0, 0, 0)

        for d in 0..<maxD {
            var k1 = -d + k1Start
            while k1 <= d - k1End {
                let k1Offset = offset + k1
                var x1 = (k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1]))
                    ? forward[k1Offset + 1] : forward[k1Offset - 1] + 1
                var y1 = x1 - k1
                while x1 < n, y1 < m, a[a0 + x1] == b[b0 + y1] { x1 += 1; y1 += 1 }
                forward[k1Offset] = x1
                if x1 > n {
                    k1End += 2
                } else if y1 > m {
                    k1Start += 2
                } else if frontMeets {
                    let k2Offset = offset + delta - k1
                    if k2Offset >= 0, k2Offset < length, backward[k2Offset] != -1, x1 >= n - backward[k2Offset] {
                        return split(x1, y1, n, m)
                    }
                }
                k1 += 2
            }
            var k2 = -d + k2Start
            while k2 <= d - k2End {
                let k2Offset = offset + k2
                var x2 = (k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1]))
                    ? backward[k2Offset + 1] : backward[k2Offset - 1] + 1
                var y2 = x2 - k2
                while x2 < n, y2 < m, a[a0 + n - x2 - 1] == b[b0 + m - y2 - 1] { x2 += 1; y2 += 1 }
                backward[k2Offset] = x2
                if x2 > n {
                    k2End += 2
                } else if y2 > m {
                    k2Start += 2
                } else if !frontMeets {
                    let k1Offset = offset + delta - k2
                    if k1Offset >= 0, k1Offset < length, forward[k1Offset] != -1 {
                        let x1 = forward[k1Offset]
                        let y1 = offset + x1 - k1Offset
                        if x1 >= n - x2 { return split(x1, y1, n, m) }
                    }
                }
                k2 += 2
            }
        }
        return nil
    }

    /// A split point, refused when it would not make the problem smaller.
    private static func split(_ x: Int, _ y: Int, _ n: Int, _ m: Int) -> (Int, Int)? {
        (x == 0 && y == 0) || (x == n && y == m) ? nil : (x, y)
    }
}
