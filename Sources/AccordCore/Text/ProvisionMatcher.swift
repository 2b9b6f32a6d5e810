internal import Foundation

/// Pairs the provisions (articles, or clauses of one article) of two versions of a text.
///
/// Provisions with the same number and text are paired first, then those with the same
/// text under another number. What is left is an assignment: every pair of an old and a
/// new provision gets a similarity (``WordBags/similarity(old:new:sameNumber:)``), and the pairs are
/// chosen to make the sum of the similarities of the pairs as large as it can be
/// (the Hungarian method), counting only pairs at or above ``floor``. Below the floor two
/// provisions are not the same one, whatever their numbers. Equal similarities are decided
/// by the titles, then by the nearer position, then by the earlier old provision, so the
/// same texts always give the same pairs.
///
/// For clauses inside a matched article, a clause left over on both sides with the same
/// number is then the same clause rewritten (`sameNumberFallback`); articles left so are
/// not: their change is shown as a replacement.
struct ProvisionMatcher {
    /// The least similarity at which two provisions are the same one.
    static let floor = 0.4
    /// How much of the similarity the titles make when both provisions have one.
    static let titleWeight = 0.35
    /// How much the share of the smaller provision found in the larger one counts, against
    /// the Dice coefficient, for an article that grew or shrank much.
    static let containmentWeight = 0.75
    /// The least likeness of two titles (Dice coefficient) at which the share of the
    /// smaller provision found in the larger counts at all.
    static let containmentTitleFloor = 0.25
    /// What a shared number adds: a weak signal, enough to decide between near-equals.
    static let sameNumberBonus = 0.04

    /// A provision as the matcher sees it: its id, its title (empty for a clause) and its
    /// normalised text (with the title).
    struct Item {
        var id: String
        var title: String = ""
        var text: String
    }

    /// A pair of old and new indexes, or an old (removed) or new (added) index alone.
    struct Pair: Equatable {
        var old: Int?
        var new: Int?
    }

    /// For each new item, the index of the old item it continues, or nil.
    static func match(old: [Item], new: [Item], sameNumberFallback: Bool = false, interner: inout TokenInterner) -> [Int?] {
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
        // provision is inserted near the start. Paired in order; a text of a word or two
        // ("(repealed)") is no evidence.
        var unmatchedOldByText: [String: [Int]] = [:]
        for o in old.indices.reversed() where !oldTaken[o] { unmatchedOldByText[old[o].text, default: []].append(o) }
        for n in new.indices where newToOld[n] == nil && new[n].text.utf8.count(where: { $0 == 0x20 }) >= 2 {
            if let o = unmatchedOldByText[new[n].text]?.popLast() {
                newToOld[n] = o
                oldTaken[o] = true
            }
        }

        let restOld = old.indices.filter { !oldTaken[$0] }
        let restNew = new.indices.filter { newToOld[$0] == nil }
        if !restOld.isEmpty && !restNew.isEmpty {
            let bags = WordBags(old: restOld.map { old[$0] }, new: restNew.map { new[$0] }, allOld: old, allNew: new,
                                interner: &interner)
            var scores = [[Double]](repeating: [Double](repeating: 0, count: restNew.count), count: restOld.count)
            for (i, o) in restOld.enumerated() {
                for (j, n) in restNew.enumerated() {
                    let sameNumber = old[o].id == new[n].id
                    // A provision of a word or two ("(repealed)") says nothing of which it is:
                    // only its number can pair it.
                    guard sameNumber || (bags.isSubstantial(old: i) && bags.isSubstantial(new: j)) else { continue }
                    let score = bags.similarity(old: i, new: j, sameNumber: sameNumber)
                    guard score >= floor else { continue }
                    // Ties: the same title first, then the nearer place, then the earlier old
                    // provision; each a step far below any difference of similarity.
                    let sameTitle = !old[o].title.isEmpty && old[o].title == new[n].title
                    scores[i][j] = score + (sameTitle ? 1e-7 : 0) - 1e-10 * Double(abs(o - n)) + 1e-6
                }
            }
            for (i, j) in Assignment.maximal(scores) where scores[i][j] > 0 {
                newToOld[restNew[j]] = restOld[i]
                oldTaken[restOld[i]] = true
            }
        }

        if sameNumberFallback {
            for (n, item) in new.enumerated() where newToOld[n] == nil {
                if let o = oldByID[item.id], !oldTaken[o] {
                    newToOld[n] = o
                    oldTaken[o] = true
                }
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

}

/// The words of the provisions left to pair, weighted by how rare they are among all the
/// provisions of both versions (inverse document frequency), so that the boilerplate every
/// provision of a law repeats ("the Parties shall") counts for little and the words that
/// say what a provision is about count for much.
struct WordBags {
    /// One provision's words: its distinct word ids, ascending, each with its count.
    private struct Bag {
        var ids: [Int32] = []
        var counts: [Int32] = []
        /// The sum of the words' weights, each counted as often as it occurs.
        var weight = 0.0
        /// How many words, repeats included.
        var size = 0
    }

    private var oldText: [Bag] = []
    private var newText: [Bag] = []
    private var oldTitle: [Bag] = []
    private var newTitle: [Bag] = []
    /// Each word's weight, by its interned id; a word in no provision weighs 1.
    private var idf: [Double] = []

    init(old: [ProvisionMatcher.Item], new: [ProvisionMatcher.Item], allOld: [ProvisionMatcher.Item],
         allNew: [ProvisionMatcher.Item], interner: inout TokenInterner) {
        var known: [String: [Int]] = [:]
        func words(_ text: String) -> [Int] {
            if let list = known[text] { return list }
            let list = WordSegmenter.tokens(text).filter { $0.kind == .word }.map { interner.id($0.text.lowercased()) }.sorted()
            known[text] = list
            return list
        }
        let allOldWords = allOld.map { words($0.text) }, allNewWords = allNew.map { words($0.text) }
        let oldWords = old.map { words($0.text) }, newWords = new.map { words($0.text) }
        let oldTitles = old.map { words($0.title) }, newTitles = new.map { words($0.title) }
        let size = interner.count
        // How common a word is: the larger share of the provisions holding it in either
        // version. Counted per version, so a word both versions of one provision share is
        // not made common by that alone (a text of one article weighs all words alike).
        func shares(_ lists: [[Int]]) -> [Double] {
            var documents = [Int32](repeating: 0, count: size)
            for list in lists {
                var previous = -1
                for word in list where word != previous {
                    documents[word] += 1
                    previous = word
                }
            }
            let count = Double(max(1, lists.count))
            return documents.map { Double($0) / count }
        }
        let oldShares = shares(allOldWords), newShares = shares(allNewWords)
        // A word in every provision weighs little but not nothing.
        idf = (0..<size).map { word in
            let share = max(oldShares[word], newShares[word])
            return share > 0 ? -log(share) + 0.05 : 1
        }
        oldText = oldWords.map(bag)
        newText = newWords.map(bag)
        oldTitle = oldTitles.map(bag)
        newTitle = newTitles.map(bag)
    }

    private func bag(_ sorted: [Int]) -> Bag {
        var bag = Bag()
        for word in sorted {
            if bag.ids.last == Int32(word) {
                bag.counts[bag.counts.count - 1] += 1
            } else {
                bag.ids.append(Int32(word))
                bag.counts.append(1)
            }
        }
        for (word, count) in zip(bag.ids, bag.counts) { bag.weight += Double(count) * idf[Int(word)] }
        bag.size = sorted.count
        return bag
    }

    /// The similarity of old provision `old` and new provision `new`, from 0 to about 1:
    /// the weighted Dice coefficient of their words (twice the weight in common over the
    /// weight of both), or, when both have a title and it makes the score higher, that
    /// blended with the Dice coefficient of their titles (a kept title raises a reworded
    /// article, a new title does not sink a moved one); plus a small bonus for the same
    /// number.
    func similarity(old: Int, new: Int, sameNumber: Bool) -> Double {
        let (a, b) = (oldText[old], newText[new])
        let bonus = sameNumber ? ProvisionMatcher.sameNumberBonus : 0
        let titled = !oldTitle[old].ids.isEmpty && !newTitle[new].ids.isEmpty
        // An article reduced to its heading (its text left out of a consolidation) is known
        // by its heading alone.
        if titled && (a.weight <= oldTitle[old].weight + 1e-9 || b.weight <= newTitle[new].weight + 1e-9) {
            return dice(oldTitle[old], newTitle[new]) + bonus
        }
        let shared = common(a, b)
        let wordDice = a.ids.isEmpty && b.ids.isEmpty ? 1 : 2 * shared / (a.weight + b.weight)
        let titleDice = titled ? dice(oldTitle[old], newTitle[new]) : 0
        // An article that grew or shrank much (a sentence become a page) keeps most of the
        // smaller version: the weight in common over the smaller weight, discounted. Not
        // when both have titles and these are unlike (sharing a word such as "of" at most):
        // a long article (the definitions, the transitional provisions) holds the words of
        // many short ones, which are not its predecessors for that.
        let smaller = min(a.weight, b.weight)
        let containment = smaller > 0 && (!titled || titleDice >= ProvisionMatcher.containmentTitleFloor)
            ? shared / smaller : 0
        var score = max(wordDice, ProvisionMatcher.containmentWeight * containment)
        if titled {
            score = max(score, (1 - ProvisionMatcher.titleWeight) * score + ProvisionMatcher.titleWeight * titleDice)
        }
        return score + bonus
    }

    /// True when the provision has at least three words.
    func isSubstantial(old: Int) -> Bool { oldText[old].size >= 3 }

    /// True when the provision has at least three words.
    func isSubstantial(new: Int) -> Bool { newText[new].size >= 3 }

    /// The weight of the words two provisions share, each counted as often as it occurs in
    /// both. The pairwise scores are most of the matcher's work, hence the raw buffers.
    private func common(_ a: Bag, _ b: Bag) -> Double {
        a.ids.withUnsafeBufferPointer { aIDs in
            b.ids.withUnsafeBufferPointer { bIDs in
                a.counts.withUnsafeBufferPointer { aCounts in
                    b.counts.withUnsafeBufferPointer { bCounts in
                        idf.withUnsafeBufferPointer { weights in
                            var (i, j, common) = (0, 0, 0.0)
                            while i < aIDs.count, j < bIDs.count {
                                let (x, y) = (aIDs[i], bIDs[j])
                                if x == y {
                                    common += Double(min(aCounts[i], bCounts[j])) * weights[Int(x)]
                                    i += 1
                                    j += 1
                                } else if x < y {
                                    i += 1
                                } else {
                                    j += 1
                                }
                            }
                            return common
                        }
                    }
                }
            }
        }
    }

    private func dice(_ a: Bag, _ b: Bag) -> Double {
        if a.ids.isEmpty && b.ids.isEmpty { return 1 }
        return 2 * common(a, b) / (a.weight + b.weight)
    }
}
