internal import Foundation

/// A snapshot's evidence, by date then id (positions below count in that order), found by
/// id and by the owners each piece supports: `show` and `history` of one plan item need
/// the few pieces of evidence on it.
///
/// Each piece is known by its head (``StoredEvidenceHead``: id, date, party, the targets it
/// supports, its marks), which is all the state needs. Evidence read from the derived store
/// keeps its file's bytes (checked against its blob id when read) and is parsed only when a
/// command looks at it; ``all`` parses every piece at once, on all cores.
final class EvidenceStore: Sendable {
    var count: Int { heads.count }
    /// The head of every piece, by date then id.
    let heads: [StoredEvidenceHead]
    private let sources: [Source]
    /// Every piece of evidence, by date then id.
    var all: [Evidence] { parsed.value }
    private let parsed: Lazy<[Evidence]>
    /// Whether every piece has been parsed (``all`` was asked for).
    var isParsed: Bool { parsed.isMade }
    /// Positions of the evidence supporting a target of each owner, ascending.
    private let byOwner: Lazy<[String: [Int]]>
    /// The positions of each id.
    private let byID: Lazy<[RecordID: [Int]]>

    /// Where a piece of evidence is had.
    enum Source: Sendable {
        /// Parsed already. Boxed: a piece held inline would make every source its size.
        indirect case parsed(Evidence)
        /// Parsed from the bytes of its file at `path` when looked at.
        case stored(bytes: Data, path: String)
    }

    /// A piece of evidence as a read hands it over: its head, and where it is had.
    typealias Entry = (head: StoredEvidenceHead, source: Source)

    /// The evidence `entries` hold, in any order: sorted here by date then id.
    init(_ entries: [Entry]) {
        // Positions sorted, then each head and source copied once into its place.
        let order = entries.indices.sorted { (entries[$0].head.date, entries[$0].head.id) < (entries[$1].head.date, entries[$1].head.id) }
        let heads = order.map { entries[$0].head }
        let sources = order.map { entries[$0].source }
        self.heads = heads
        self.sources = sources
        parsed = Lazy { ParallelMap.map(Array(zip(heads, sources)), perCore: 256) { Self.evidence($0.0, $0.1) } }
        byOwner = Lazy { Self.owners(of: heads) }
        byID = Lazy { Dictionary(grouping: heads.indices, by: { heads[$0].id }) }
    }

    /// Parsed evidence, in any order.
    convenience init(_ evidence: [Evidence]) {
        self.init(evidence.map { (StoredEvidenceHead($0), .parsed($0)) })
    }

    /// The same evidence with `new` added.
    func inserting(_ new: [Evidence]) -> EvidenceStore {
        EvidenceStore(zip(heads, sources).map { Entry($0, $1) } + new.map { Entry(StoredEvidenceHead($0), .parsed($0)) })
    }

    /// The evidence at `position`: parsed now unless every piece has been.
    func evidence(at position: Int) -> Evidence {
        parsed.isMade ? parsed.value[position] : Self.evidence(heads[position], sources[position])
    }

    /// The positions of the evidence with `id`, ascending: one, unless the id is repeated
    /// (a problem `validate` reports).
    func positions(of id: RecordID) -> [Int] { byID.value[id] ?? [] }

    /// The first position of the evidence with `id`.
    func position(of id: RecordID) -> Int? { positions(of: id).first }

    func contains(_ id: RecordID) -> Bool { position(of: id) != nil }

    /// The positions of the evidence supporting a target of `owner`, ascending.
    func positions(supporting owner: String) -> [Int] { byOwner.value[owner] ?? [] }

    /// The latest sealed piece of evidence (what a key is tried on), if any.
    var lastSealed: Evidence? { heads.lastIndex(where: \.sealed).map(evidence(at:)) }

    private static func owners(of heads: [StoredEvidenceHead]) -> [String: [Int]] {
        var owners: [String: [Int]] = [:]
        for (position, head) in heads.enumerated() {
            for owner in Set(head.supports.map(\.owner)) { owners[owner, default: []].append(position) }
        }
        return owners
    }

    /// The evidence `source` gives. Bytes read from the store were checked against their blob
    /// id and gave this very head when they were stored, so they parse; should they not, the
    /// piece is made from what the head holds rather than stopping the command.
    private static func evidence(_ head: StoredEvidenceHead, _ source: Source) -> Evidence {
        switch source {
        case .parsed(let evidence):
            return evidence
        case .stored(let bytes, let path):
            if let evidence = Evidence.parse(bytes, file: path).value { return evidence }
            return Evidence(id: head.id, kind: .other, title: head.id.rawValue, date: head.date, party: head.party,
                            sensitivity: head.restricted ? .restricted : .public, supports: head.supports,
                            illustrative: head.illustrative)
        }
    }
}

/// The evidence counted for one party on one target (see ``PartyProgress/evidence``), oldest
/// first: what the state needs is read from the pieces' heads, and a piece is parsed only
/// when looked at.
public struct EvidenceList: RandomAccessCollection, Sendable {
    private let store: EvidenceStore
    /// Positions in the store, ascending.
    private let positions: [Int]

    init(_ store: EvidenceStore, positions: [Int]) {
        self.store = store
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(index: Int) -> Evidence { store.evidence(at: positions[index]) }

    /// The ids of the pieces, in order.
    public var ids: [RecordID] { positions.map { store.heads[$0].id } }
    /// The date of the latest piece.
    public var lastDate: CalendarDate? { lastHead?.date }
    /// The head of the latest piece.
    var lastHead: StoredEvidenceHead? { positions.last.map { store.heads[$0] } }
    /// Whether a piece was written for illustration.
    public var includesIllustrative: Bool { positions.contains { store.heads[$0].illustrative } }
}
