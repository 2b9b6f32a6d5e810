/// Pairs the provisions (articles, or clauses of one article) of two versions of a text.
///
/// A provision keeps its number when its content is similar; a provision whose number
/// changed is found by content; what is left with the same number on both sides is the
/// same provision rewritten. So an article renumbered from 6 to 7 is reported as renumbered,
/// not as removed and added, and a new article 7 does not pass for the old one.
///
/// Provisions with the same number and text are paired first, then those with the same
/// text under another number. Similarity is the Dice coefficient of the two word multisets: twice the words in common
/// over the words in both. Two provisions with at least ``threshold`` of their words in
/// common are candidates; the best-scoring candidates are paired first, a shared number
/// adding ``sameNumberBonus`` and a nearer position breaking ties.
struct ProvisionMatcher {
    /// The least similarity at which two provisions can be the same one renumbered.
    static let threshold = 0.5
    /// What a shared number adds to a candidate's similarity.
    static let sameNumberBonus = 0.25

    /// A provision as the matcher sees it: its id and its normalised text.
    struct Item {
        var id: String
        var text: String
    }

    /// A pair of old and new indexes, or an old (removed) or new (added) index alone.
    struct Pair: Equatable {
        var old: Int?
        var new: Int?
    }

    /// For each new item, the index of the old item it continues, or nil.
    static func match(old: [Item], new: [Item], interner: inout TokenInterner) -> [Int?] {
        var newToOld = [Int?](repeating: nil, count: new.count)
        var oldTaken = [Bool](repeating: false, count: old.count)
        let oldByID = Dictionary(old.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Same number, same text: certain, and by far the commonest case.
        for (n, item) in new.enumerated() {
            if let o = oldByID[item.id], old[o].text == item.text {
                newToOld[n] = o
                oldTaken[o] = true
            }
        }

        // The same text under another number: renumbered, certainly, and common when a
        // provision is inserted near the start. Paired in order.
        var unmatchedOldByText: [String: [Int]] = [:]
        for o in old.indices.reversed() where !oldTaken[o] { unmatchedOldByText[old[o].text, default: []].append(o) }
        for n in new.indices where newToOld[n] == nil {
            if let o = unmatchedOldByText[new[n].text]?.popLast() {
                newToOld[n] = o
                oldTaken[o] = true
            }
        }

        // Words are only needed for what is left, usually a small part.
        func words(_ item: Item) -> [Int] {
            WordSegmenter.tokens(item.text).filter { $0.kind == .word }.map { interner.id($0.text) }.sorted()
        }
        let oldWords = old.indices.map { oldTaken[$0] ? [] : words(old[$0]) }
        let newWords = new.indices.map { newToOld[$0] != nil ? [] : words(new[$0]) }
        var candidates: [(score: Double, distance: Int, old: Int, new: Int)] = []
        for n in new.indices where newToOld[n] == nil {
            for o in old.indices where !oldTaken[o] {
                let (a, b) = (oldWords[o], newWords[n])
                // The best Dice possible for these lengths; skips most hopeless pairs cheaply.
                guard a.count + b.count == 0 || Double(2 * min(a.count, b.count)) / Double(a.count + b.count) >= threshold
                else { continue }
                let similarity = dice(a, b)
                guard similarity >= threshold else { continue }
                let bonus = old[o].id == new[n].id ? sameNumberBonus : 0
                candidates.append((similarity + bonus, abs(o - n), o, n))
            }
        }
        candidates.sort {
            ($0.score, -$0.distance, -$0.old, -$0.new) > ($1.score, -$1.distance, -$1.old, -$1.new)
        }
        for candidate in candidates where newToOld[candidate.new] == nil && !oldTaken[candidate.old] {
            newToOld[candidate.new] = candidate.old
            oldTaken[candidate.old] = true
        }

        // The same number left on both sides: one provision, rewritten.
        for (n, item) in new.enumerated() where newToOld[n] == nil {
            if let o = oldByID[item.id], !oldTaken[o] {
                newToOld[n] = o
                oldTaken[o] = true
            }
        }
        return newToOld
    }

    /// Pairs in the new order, each removed old item placed after the nearest old item
    /// before it that kept its place (moved items, given in `moved`, are no landmark).
    static func aligned(newToOld: [Int?], oldCount: Int, moved: Set<Int> = []) -> [Pair] {
        var matchedOld = [Bool](repeating: false, count: oldCount)
        for case let o? in newToOld { matchedOld[o] = true }
        var removedAfter: [Int: [Int]] = [:]  // old index (or -1 for the start) → removed old indexes
        var previous = -1
        for o in 0..<oldCount {
            if !matchedOld[o] {
                removedAfter[previous, default: []].append(o)
            } else if !moved.contains(o) {
                previous = o
            }
        }
        var pairs = (removedAfter[-1] ?? []).map { Pair(old: $0, new: nil) }
        for (n, o) in newToOld.enumerated() {
            pairs.append(Pair(old: o, new: n))
            if let o { pairs += (removedAfter[o] ?? []).map { Pair(old: $0, new: nil) } }
        }
        return pairs
    }

    /// The old indexes of the pairs whose order changed: those outside a longest run of
    /// pairs that keeps the old order.
    static func moved(newToOld: [Int?]) -> Set<Int> {
        let olds = newToOld.compactMap { $0 }
        // Longest increasing subsequence, patience style, O(n log n).
        var tails: [Int] = []  // indexes into olds
        var parent = [Int](repeating: -1, count: olds.count)
        for (index, value) in olds.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if olds[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { parent[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var kept = Set<Int>()
        var index = tails.last ?? -1
        while index >= 0 {
            kept.insert(olds[index])
            index = parent[index]
        }
        return Set(olds).subtracting(kept)
    }

    /// Twice the common words over all words of two sorted multisets.
    static func dice(_ a: [Int], _ b: [Int]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var (i, j, common) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                common += 1; i += 1; j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * common) / Double(a.count + b.count)
    }
}
