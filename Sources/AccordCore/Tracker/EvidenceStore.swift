/// A snapshot's evidence, by date then id (positions below count in that order), found by
/// id and by the owners each piece supports: `show` and `history` of one plan item need
/// the few pieces of evidence on it.
final class EvidenceStore: Sendable {
    let count: Int
    /// Every piece of evidence, by date then id.
    let all: [Evidence]
    /// Positions of the evidence supporting a target of each owner, ascending.
    private let byOwner: Lazy<[String: [Int]]>
    /// The positions of each id.
    private let byID: Lazy<[RecordID: [Int]]>

    /// Evidence sorted by date then id.
    init(_ evidence: [Evidence]) {
        count = evidence.count
        all = evidence
        byOwner = Lazy { Self.owners(of: evidence.indices.lazy.map { (position: $0, supports: evidence[$0].supports) }) }
        byID = Lazy { Dictionary(grouping: evidence.indices, by: { evidence[$0].id }) }
    }

    /// The evidence at `position`.
    func evidence(at position: Int) -> Evidence { all[position] }

    /// The positions of the evidence with `id`, ascending: one, unless the id is repeated
    /// (a problem `validate` reports).
    func positions(of id: RecordID) -> [Int] { byID.value[id] ?? [] }

    /// The first position of the evidence with `id`.
    func position(of id: RecordID) -> Int? { positions(of: id).first }

    func contains(_ id: RecordID) -> Bool { position(of: id) != nil }

    /// The positions of the evidence supporting a target of `owner`, ascending.
    func positions(supporting owner: String) -> [Int] { byOwner.value[owner] ?? [] }

    private static func owners(of evidence: some Sequence<(position: Int, supports: [QualifiedID])>) -> [String: [Int]] {
        var owners: [String: [Int]] = [:]
        for item in evidence {
            for owner in Set(item.supports.map(\.owner)) { owners[owner, default: []].append(item.position) }
        }
        return owners
    }
}
