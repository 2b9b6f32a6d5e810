/// The cache's layout of a snapshot's status reports: each group's length, report count and
/// heads (sized, so a reader steps over them); then
/// the reports of every group, one after the other; then a checksum of both; then the table
/// of report ids (``ReportIDs``) and its checksum.
///
/// A cached read decodes no report: each group keeps the spans of its heads and its reports
/// and decodes them when asked (see ``ReportGroup``); a command that reads every target
/// decodes all the heads up front. Since they are decoded late, long after
/// the file was opened, the checksum (of the heads and the reports) is what proves their
/// bytes are those accord wrote: a damaged file is then caught while it can still be
/// rebuilt.
extension ReportGroups {
    func write(to writer: inout CacheWriter) throws {
        let groups = groups
        // The lengths go first, then the reports: a group read from the cache has its bytes
        // already; a new one is encoded here, once, on all cores (a cold read files every
        // report in a new group).
        let fresh = ParallelMap.map(groups) { group -> [UInt8]? in
            guard group.encoded == nil else { return nil }
            var part = CacheWriter()
            part.list(group.reports) { $1.write(to: &$0) }
            return part.bytes
        }
        let lengths = zip(groups, fresh).map { group, fresh in fresh?.count ?? group.encoded!.span.count }
        var headPart = CacheWriter()
        for (group, length) in zip(groups, lengths) {
            headPart.integer(length)
            headPart.integer(group.count)
            if let encoded = group.encodedHeads, !group.headsAreDecoded {
                headPart.integer(encoded.span.count)
                headPart.raw(encoded.bytes[encoded.span])
            } else {
                headPart.sized { writer in group.heads.forEach { $0.write(to: &writer) } }
            }
        }
        writer.integer(groups.count)
        writer.integer(headPart.bytes.count)
        writer.raw(headPart.bytes[...])
        // One checksum covers the heads and every group's reports.
        var checksum = CacheChecksum.combine(CacheChecksum.seed, CacheChecksum.of(headPart.bytes[...]))
        for (group, fresh) in zip(groups, fresh) {
            let start = writer.bytes.count
            if let fresh {
                writer.raw(fresh[...])
            } else if let encoded = group.encoded {
                // Unchanged since it was read: copied as it is, without decoding it.
                writer.raw(encoded.bytes[encoded.span])
            }
            checksum = CacheChecksum.combine(checksum, CacheChecksum.of(writer.bytes[start...]))
            try writer.spill()
        }
        writer.integer(Int(bitPattern: UInt(checksum)))
        writer.integer(ids.bytes.count)
        writer.raw(ids.bytes[...])
        writer.integer(Int(bitPattern: UInt(CacheChecksum.of(ids.bytes[...]))))
    }

    /// The groups as stored, in order (each target's parties, then the unfiled group),
    /// and the id table: all of it read and checked without knowing the targets, so it can
    /// be read while the rest of the snapshot is.
    struct Stored: Sendable {
        let groups: [ReportGroup]
        let ids: ReportIDs
    }

    /// Files the stored groups under `targets`.
    convenience init(_ stored: Stored, targets: [TrackedTarget]) throws {
        let groups = stored.groups
        guard groups.count == targets.reduce(1, { $0 + $1.reportingParties.count }) else { throw CacheCorrupt() }
        var filed: [[ReportGroup]] = []
        filed.reserveCapacity(targets.count)
        var next = 0
        for target in targets {
            filed.append(Array(groups[next..<next + target.reportingParties.count]))
            next += target.reportingParties.count
        }
        self.init(filed: filed, unfiled: groups[next], ids: stored.ids)
    }

    /// Reads the stored groups and id table; with `decodingHeads`, decodes every group's
    /// heads too (for a command that reads every target).
    static func stored(from reader: inout CacheReader, decodingHeads: Bool = true) throws -> Stored {
        let count = try reader.integer()
        guard count >= 1 else { throw CacheCorrupt() }
        let headPart = try reader.sizedPart()
        var heads = CacheReader(headPart.bytes, offset: headPart.span.lowerBound)
        var shapes: [(length: Int, count: Int, heads: Range<Int>)] = []
        shapes.reserveCapacity(count)
        for _ in 0..<count {
            let length = try heads.integer(), reports = try heads.integer()
            guard length >= 0, reports >= 0 else { throw CacheCorrupt() }
            shapes.append((length, reports, try heads.sizedPart().span))
        }
        guard heads.offset == headPart.span.upperBound else { throw CacheCorrupt() }
        let body = try reader.skip(shapes.reduce(0) { $0 + $1.length })
        let bytes = reader.allBytes
        var start = body.lowerBound
        var checksum = CacheChecksum.combine(CacheChecksum.seed, CacheChecksum.of(headPart.bytes[headPart.span]))
        var groups: [ReportGroup] = []
        groups.reserveCapacity(count)
        for shape in shapes {
            let span = start..<start + shape.length
            start = span.upperBound
            checksum = CacheChecksum.combine(checksum, CacheChecksum.of(bytes[span]))
            groups.append(shape.count == 0 ? .empty : ReportGroup(count: shape.count, heads: shape.heads, bytes: bytes, span: span))
        }
        guard checksum == UInt64(UInt(bitPattern: try reader.integer())) else { throw CacheCorrupt() }
        if decodingHeads { groups.forEach { _ = $0.heads } }
        let idPart = try reader.sizedPart()
        let idBytes = Array(idPart.bytes[idPart.span])
        guard CacheChecksum.of(idBytes[...]) == UInt64(UInt(bitPattern: try reader.integer())),
              let ids = ReportIDs(checking: idBytes, groupSizes: groups.map(\.count)), ids.count == groups.reduce(0, { $0 + $1.count }) else { throw CacheCorrupt() }
        return Stored(groups: groups, ids: ids)
    }
}

extension ReportHead {
    func write(to writer: inout CacheWriter) {
        writer.integer(date.year * 10_000 + date.month * 100 + date.day)
        // The status's place, plus 16 for an illustrative report: one integer for both.
        writer.integer(Status.allCases.firstIndex(of: status)! + (illustrative ? 16 : 0))
        writer.list(evidence) { $0.string($1.rawValue) }
    }

    init(from reader: inout CacheReader) throws {
        let day = try reader.integer()
        let coded = try reader.integer()
        let status = coded % 16
        guard let date = CalendarDate(year: day / 10_000, month: day / 100 % 100, day: day % 100),
              Status.allCases.indices.contains(status), coded < 32 else { throw CacheCorrupt() }
        self.init(date: date, status: Status.allCases[status], evidence: try reader.list { try $0.valid(RecordID.init) },
                  illustrative: coded >= 16)
    }
}

/// A 64-bit checksum of a cache part, eight bytes at a time: 25 MB in a few milliseconds.
/// Not cryptographic: it catches damage, not forgery (the cache lives in the user's own .git).
enum CacheChecksum {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    /// A checksum of parts, in order, from theirs.
    static func combine(_ running: UInt64, _ part: UInt64) -> UInt64 {
        var hash = (running ^ part) &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 31
        return hash
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0) }
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash
    }
}
