/// The assignment problem: pairs of rows and columns, each used at most once, whose
/// scores add up to the largest total.
///
/// Solved with the Hungarian method (Kuhn and Munkres, in the potentials form of Jonker
/// and Volgenant) on each connected group of rows and columns that have a positive score
/// between them: texts usually leave a few small groups, so the cubic method runs on
/// small matrices.
enum Assignment {
    /// The (row, column) pairs of a maximal assignment over `scores` (rows × columns, all
    /// rows the same length); only pairs with a positive score are returned.
    static func maximal(_ scores: [[Double]]) -> [(Int, Int)] {
        let rows = scores.count
        guard rows > 0, let columns = scores.first?.count, columns > 0 else { return [] }
        // Union-find over rows (0..<rows) and columns (rows..<rows+columns).
        var parent = Array(0..<(rows + columns))
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for r in 0..<rows {
            for c in 0..<columns where scores[r][c] > 0 {
                let (a, b) = (root(r), root(rows + c))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: (rows: [Int], columns: [Int])] = [:]
        for r in 0..<rows { groups[root(r), default: ([], [])].rows.append(r) }
        for c in 0..<columns { groups[root(rows + c), default: ([], [])].columns.append(c) }
        var pairs: [(Int, Int)] = []
        for key in groups.keys.sorted() {
            guard let group = groups[key], !group.rows.isEmpty, !group.columns.isEmpty else { continue }
            let sub = group.rows.map { r in group.columns.map { scores[r][$0] } }
            for (r, c) in hungarian(sub) where sub[r][c] > 0 {
                pairs.append((group.rows[r], group.columns[c]))
            }
        }
        return pairs.sorted { $0 < $1 }
    }

    /// A maximal assignment of a dense matrix.
    private static func hungarian(_ scores: [[Double]]) -> [(Int, Int)] {
        let transposed = scores.count > scores[0].count
        let matrix = transposed ? (0..<scores[0].count).map { c in scores.map { $0[c] } } : scores
        let n = matrix.count, m = matrix[0].count  // n <= m
        // Minimise the cost -score; index 0 is the algorithm's sentinel.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: m + 1)
        var rowOf = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            rowOf[0] = i
            var j0 = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = rowOf[j0]
                var delta = Double.infinity, j1 = 0
                for j in 1...m where !used[j] {
                    let current = -matrix[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minimum[j] {
                        minimum[j] = current
                        way[j] = j0
                    }
                    if minimum[j] < delta {
                        delta = minimum[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[rowOf[j]] += delta
                        v[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while rowOf[j0] != 0
            repeat {
                let j1 = way[j0]
                rowOf[j0] = rowOf[j1]
                j0 = j1
            } while j0 != 0
        }
        var pairs: [(Int, Int)] = []
        for j in 1...m where rowOf[j] != 0 {
            pairs.append(transposed ? (j - 1, rowOf[j] - 1) : (rowOf[j] - 1, j - 1))
        }
        return pairs
    }
}
