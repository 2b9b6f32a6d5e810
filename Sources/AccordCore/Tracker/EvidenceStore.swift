/// A snapshot's evidence, by date then id (positions below count in that order).
///
/// Read from the record cache, each record stays encoded until it is asked for: `show` and
/// `history` of one plan item need the few pieces of evidence on it, found through an
/// index of the owners each piece supports and a table of ids, not 20,000 decoded records.
/// The whole list is decoded, on all cores, the first time it is asked for.
final class EvidenceStore: Sendable {
    let count: Int
    private let decoded: Lazy<[Evidence]>
    private let encoded: Encoded?
    /// Positions of the evidence supporting a target of each owner, ascending.
    private let byOwner: Lazy<[String: [Int]]>
    /// The positions of each id; only for evidence in memory (the encoded form has a table).
    private let byID: Lazy<[RecordID: [Int]]>

    /// The records as the cache holds them: each one's start in `bytes`, and the positions
    /// sorted by id (then position), to search by id without decoding.
    private struct Encoded: Sendable {
        let bytes: CacheBytes
        /// `count + 1` record starts, then `count` positions sorted by id, as 4-byte words.
        let table: Range<Int>
        let records: Range<Int>

        func word(_ index: Int) -> Int {
            let at = table.lowerBound + 4 * index
            return Int(UInt32(littleEndian: UnsafeRawBufferPointer(bytes[at..<at + 4]).loadUnaligned(as: UInt32.self)))
        }

        func start(_ position: Int) -> Int { records.lowerBound + word(position) }

        func record(_ position: Int) -> Evidence {
            var reader = CacheReader(bytes, offset: start(position))
            guard let evidence = try? Evidence(from: &reader), reader.offset == start(position + 1) else {
                CacheCorrupt.stopAfterChecksumMatched()
            }
            return evidence
        }

        /// The id at `position`: a record starts with its id.
        func id(_ position: Int) -> UnsafeBufferPointer<UInt8> {
            var reader = CacheReader(bytes, offset: start(position))
            let length = (try? reader.integer()) ?? 0
            return bytes[reader.offset..<reader.offset + length]
        }
    }

    /// Evidence already in memory, sorted by date then id.
    init(_ evidence: [Evidence]) {
        count = evidence.count
        decoded = Lazy { evidence }
        encoded = nil
        byOwner = Lazy { Self.owners(of: evidence.indices.lazy.map { (position: $0, supports: evidence[$0].supports) }) }
        byID = Lazy { Dictionary(grouping: evidence.indices, by: { evidence[$0].id }) }
    }

    /// Evidence read from the cache: `owners` is the index of ``positions(supporting:)``.
    private init(encoded: Encoded, count: Int, owners: [String: [Int]]) {
        self.count = count
        self.encoded = encoded
        decoded = Lazy {
            // In pieces on all cores: the whole list is what `status` and `gaps` read.
            let pieces = stride(from: 0, to: count, by: 128).map { $0..<min($0 + 128, count) }
            return ParallelMap.map(pieces) { $0.map(encoded.record) }.flatMap { $0 }
        }
        byOwner = Lazy { owners }
        byID = Lazy { [:] }
    }

    /// Every piece of evidence, by date then id.
    var all: [Evidence] { decoded.value }

    /// Whether the whole list has been decoded (or was never encoded).
    var isDecoded: Bool { decoded.isMade }

    /// The evidence at `position`; only that record is decoded.
    func evidence(at position: Int) -> Evidence {
        if let encoded, !decoded.isMade { return encoded.record(position) }
        return decoded.value[position]
    }

    /// The positions of the evidence with `id`, ascending: one, unless the id is repeated
    /// (a problem `validate` reports). Found without decoding any record.
    func positions(of id: RecordID) -> [Int] {
        guard let encoded else { return byID.value[id] ?? [] }
        let wanted = Array(id.rawValue.utf8)
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if encoded.id(encoded.word(count + 1 + middle)).lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < count, case let position = encoded.word(count + 1 + low), encoded.id(position).elementsEqual(wanted) {
            found.append(position)
            low += 1
        }
        return found
    }

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

// MARK: - The cache's layout

/// `count`; the owners index (sized: a list of owner, positions); the table (sized: record
/// starts and id order, 4-byte words); a checksum of the records; the records (sized, one
/// after the other, each as ``Evidence/write(to:)`` writes it).
extension EvidenceStore {
    func write(to writer: inout CacheWriter) {
        let evidence = all
        var records = CacheWriter()
        var starts: [Int] = []
        starts.reserveCapacity(evidence.count + 1)
        for item in evidence {
            starts.append(records.bytes.count)
            item.write(to: &records)
        }
        starts.append(records.bytes.count)
        let byID = evidence.indices.sorted { first, second in
            let a = evidence[first].id.rawValue, b = evidence[second].id.rawValue
            return a == b ? first < second : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
        writer.integer(evidence.count)
        let owners = byOwner.value
        writer.sized { writer in
            writer.list(owners.keys.sorted()) { writer, owner in
                writer.string(owner)
                writer.list(owners[owner]!) { $0.integer($1) }
            }
        }
        var table: [UInt8] = []
        table.reserveCapacity(4 * (starts.count + byID.count))
        for word in starts + byID { withUnsafeBytes(of: UInt32(word).littleEndian) { table.append(contentsOf: $0) } }
        writer.integer(table.count)
        writer.raw(table[...])
        writer.integer(Int(bitPattern: UInt(CacheChecksum.of(records.bytes[...]))))
        writer.integer(records.bytes.count)
        writer.raw(records.bytes[...])
    }

    /// Reads the index and table and checks the records' checksum; decodes no record.
    convenience init(from reader: inout CacheReader) throws {
        let count = try reader.integer()
        guard count >= 0 else { throw CacheCorrupt() }
        let owners = try reader.sized { reader in
            try reader.list { reader in (try reader.string(), try reader.list { reader -> Int in
                let position = try reader.integer()
                guard position >= 0, position < count else { throw CacheCorrupt() }
                return position
            }) }
        }
        let table = try reader.sizedPart()
        guard table.span.count == 4 * (2 * count + 1) else { throw CacheCorrupt() }
        let checksum = UInt64(UInt(bitPattern: try reader.integer()))
        let records = try reader.sizedPart()
        let encoded = Encoded(bytes: table.bytes, table: table.span, records: records.span)
        guard CacheChecksum.of(records.bytes[records.span]) == checksum, encoded.word(0) == 0,
              encoded.word(count) == records.span.count,
              (0..<count).allSatisfy({ encoded.word($0) <= encoded.word($0 + 1) && encoded.word(count + 1 + $0) < count })
        else { throw CacheCorrupt() }
        self.init(encoded: encoded, count: count,
                  owners: try Dictionary(owners, uniquingKeysWith: { _, _ in throw CacheCorrupt() }))
    }
}
