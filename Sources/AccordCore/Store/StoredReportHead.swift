internal import Foundation
internal import GitStore

/// What the derived store keeps beside a status report's bytes so that a read can file the
/// report and fold the state without parsing it: its id, target, party, date, status, time
/// recorded, cited evidence and whether it is illustrative (column `head` of the `record`
/// table).
///
/// Kept as one line of text, its fields separated by U+001F and the evidence ids by
/// U+001E (neither can be part of an id), ending in a 64-bit FNV-1a checksum of the rest
/// and of the file's blob id: a head damaged on disk, or copied beside other bytes, is not
/// taken (the bytes themselves are checked against the blob id).
struct StoredReportHead: Sendable, Equatable {
    let id: RecordID
    let target: QualifiedID
    let party: PartyCode
    let date: CalendarDate
    let status: Status
    let recordedAt: RecordingTime?
    let evidence: [RecordID]
    let illustrative: Bool

    init(_ report: StatusReport) {
        id = report.id
        target = report.target
        party = report.party
        date = report.date
        status = report.status
        recordedAt = report.recordedAt
        evidence = report.evidence
        illustrative = report.provenance.illustrative
    }

    private static let field: UInt8 = 0x1F
    private static let item: UInt8 = 0x1E

    /// The stored text for the report kept in blob `blob`.
    func text(blob: ObjectID) -> String {
        var body = ""
        body.reserveCapacity(128)
        body += id.rawValue
        body += "\u{1F}"; body += target.owner; body += "#"; body += target.local
        body += "\u{1F}"; body += party.code
        body += "\u{1F}"; body += date.description
        body += "\u{1F}"; body += status.rawValue
        body += "\u{1F}"; body += recordedAt?.text ?? ""
        body += "\u{1F}"
        for (index, cited) in evidence.enumerated() {
            if index > 0 { body += "\u{1E}" }
            body += cited.rawValue
        }
        body += "\u{1F}"; body += illustrative ? "1" : "0"
        let sum = Self.checksum(body.utf8, blobHex: blob.hex)
        body += "\u{1F}"; body += sum
        return body
    }

    /// The head kept as `text` for the blob whose id is `blobHex`; nil when the text is not
    /// one this type wrote for that blob. Read byte by byte: a read of a large tracker
    /// takes 100,000 of them.
    init?(text: String, blobHex: String) {
        var text = text
        guard let head = text.withUTF8({ Self.decode($0, blobHex: blobHex) }) else { return nil }
        self = head
    }

    private init(id: RecordID, target: QualifiedID, party: PartyCode, date: CalendarDate, status: Status,
                 recordedAt: RecordingTime?, evidence: [RecordID], illustrative: Bool) {
        self.id = id
        self.target = target
        self.party = party
        self.date = date
        self.status = status
        self.recordedAt = recordedAt
        self.evidence = evidence
        self.illustrative = illustrative
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, blobHex: String) -> StoredReportHead? {
        // The values were checked when the report was parsed; the checksum says these are
        // the bytes written then, so they are taken as they are.
        guard let cut = bytes.lastIndex(of: field), bytes.count - cut == 17,
              hexValue(bytes[(cut + 1)...]) == checksumValue(bytes[..<cut], blobHex: blobHex) else { return nil }
        var starts: [Int] = [0]
        starts.reserveCapacity(9)
        for index in 0..<cut where bytes[index] == field { starts.append(index + 1) }
        starts.append(cut + 1)
        guard starts.count == 9 else { return nil }
        func part(_ number: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[starts[number]..<(starts[number + 1] - 1)] }
        func string(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: UnsafeBufferPointer(rebasing: slice), as: UTF8.self) }
        let target = part(1)
        guard let hash = target.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        let date = part(3)
        guard date.count == 10 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 * 10 + Int(date[date.startIndex + from + $1] &- 48) }
        }
        guard let day = CalendarDate(year: number(0, 4), month: number(5, 2), day: number(8, 2)),
              let status = Status(rawValue: string(part(4))) else { return nil }
        let party = string(part(2))
        let recorded = part(5)
        var evidence: [RecordID] = []
        let cited = part(6)
        if !cited.isEmpty {
            evidence = cited.split(separator: item, omittingEmptySubsequences: false).map { RecordID(unchecked: string($0)) }
        }
        let flag = part(7)
        guard flag.count == 1, flag.first == UInt8(ascii: "0") || flag.first == UInt8(ascii: "1") else { return nil }
        return StoredReportHead(
            id: RecordID(unchecked: string(part(0))),
            target: QualifiedID(uncheckedOwner: string(target[..<hash]), local: string(target[(hash + 1)...])),
            party: party == PartyCode.joint.code ? .joint : PartyCode(unchecked: party),
            date: day, status: status,
            recordedAt: recorded.isEmpty ? nil : RecordingTime(unchecked: string(recorded)),
            evidence: evidence, illustrative: flag.first == UInt8(ascii: "1"))
    }

    /// FNV-1a (64 bits) of `body` then the blob id's hex digits, as 16 hex digits.
    private static func checksum<Bytes: Collection<UInt8>>(_ body: Bytes, blobHex: String) -> String {
        let digits = String(checksumValue(body, blobHex: blobHex), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func checksumValue<Bytes: Collection<UInt8>>(_ body: Bytes, blobHex: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for byte in blobHex.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The number written in `digits` as lowercase hexadecimal, as ``checksum(_:blobHex:)``
    /// writes it; nil for any other byte. Compared as a number: a read checks 100,000 heads.
    private static func hexValue(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }
}
