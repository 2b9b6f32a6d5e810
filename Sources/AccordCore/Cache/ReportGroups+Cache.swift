/// The cache's layout of a snapshot's status reports: the reports of every group, one
/// after the other; then each group's length and heads; then a checksum of the reports.
///
/// A cached read decodes only the heads; each group keeps the span of its reports and
/// decodes them when asked (see ``ReportGroup``). Since they are decoded late, long after
/// the file was opened, the checksum is what proves their bytes are those accord wrote: a
/// damaged file is then caught while it can still be rebuilt.
extension ReportGroups {
    func write(to writer: inout CacheWriter) {
        let groups = groups
        writer.integer(groups.count)
        var lengths: [Int] = []
        lengths.reserveCapacity(groups.count)
        let body = writer.sizedInPlace { body in
            for group in groups {
                let start = body.bytes.count
                if let encoded = group.encoded {
                    // Unchanged since it was read: copied as it is, without decoding it.
                    body.raw(encoded.bytes[encoded.span])
                } else {
                    body.list(group.reports) { $1.write(to: &$0) }
                }
                lengths.append(body.bytes.count - start)
            }
        }
        let checksum = CacheChecksum.of(writer.bytes[body])
        writer.sized { part in
            for (group, length) in zip(groups, lengths) {
                part.integer(length)
                part.list(group.heads) { $1.write(to: &$0) }
            }
        }
        writer.integer(Int(bitPattern: UInt(checksum)))
    }

    /// Reads the groups of a snapshot whose targets are `targets`.
    convenience init(from reader: inout CacheReader, targets: [TrackedTarget]) throws {
        let count = try reader.integer()
        guard count == targets.reduce(1, { $0 + $1.parties.count }) else { throw CacheCorrupt() }
        let body = try reader.sizedPart()
        let headPart = try reader.sizedPart()
        let checksum = UInt64(UInt(bitPattern: try reader.integer()))
        guard CacheChecksum.of(body.bytes[body.span]) == checksum else { throw CacheCorrupt() }
        var heads = CacheReader(headPart.bytes, offset: headPart.span.lowerBound)
        var start = body.span.lowerBound
        var groups: [ReportGroup] = []
        groups.reserveCapacity(count)
        for _ in 0..<count {
            let length = try heads.integer()
            let groupHeads = try heads.list { try ReportHead(from: &$0) }
            guard length >= 0, length <= body.span.upperBound - start else { throw CacheCorrupt() }
            let span = start..<start + length
            start = span.upperBound
            groups.append(groupHeads.isEmpty ? .empty : ReportGroup(heads: groupHeads, bytes: body.bytes, span: span))
        }
        guard heads.offset == headPart.span.upperBound, start == body.span.upperBound else { throw CacheCorrupt() }
        var filed: [[ReportGroup]] = []
        filed.reserveCapacity(targets.count)
        var next = 0
        for target in targets {
            filed.append(Array(groups[next..<next + target.parties.count]))
            next += target.parties.count
        }
        self.init(filed: filed, unfiled: groups[next])
    }
}

extension ReportHead {
    func write(to writer: inout CacheWriter) {
        writer.integer(date.year * 10_000 + date.month * 100 + date.day)
        writer.integer(Status.allCases.firstIndex(of: status)!)
        writer.list(evidence) { $0.string($1.rawValue) }
    }

    init(from reader: inout CacheReader) throws {
        let day = try reader.integer()
        let status = try reader.integer()
        guard let date = CalendarDate(year: day / 10_000, month: day / 100 % 100, day: day % 100),
              Status.allCases.indices.contains(status) else { throw CacheCorrupt() }
        self.init(date: date, status: Status.allCases[status], evidence: try reader.list { try $0.valid(RecordID.init) })
    }
}

/// A 64-bit checksum of a cache part, eight bytes at a time: 25 MB in a few milliseconds.
/// Not cryptographic: it catches damage, not forgery (the cache lives in the user's own .git).
enum CacheChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
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
}
