/// The Levenshtein distance between two short strings, for "did you mean" suggestions.
///
/// Counted in Unicode scalars: ids are ASCII, and a suggestion for a typed id is looked for
/// among every id of the tracker, every status report's included, so splitting each into
/// grapheme clusters first would cost more than the comparison.
enum EditDistance {
    /// The number of single-scalar insertions, deletions and substitutions turning `a` into
    /// `b`, or nil when it exceeds `limit` (checked cheaply first by length).
    static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        between(Array(a.unicodeScalars), b, limit: limit)
    }

    /// As ``between(_:_:limit:)``, with `a` already split into scalars: what one typed id
    /// compared with many needs.
    static func between(_ a: [Unicode.Scalar], _ b: String, limit: Int) -> Int? {
        // Counted before anything is allocated: most ids differ in length by more than a typo.
        guard abs(a.count - b.unicodeScalars.count) <= limit else { return nil }
        let b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
