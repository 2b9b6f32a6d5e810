internal import Foundation
internal import GitStore

/// What the derived store keeps beside a status report's bytes so that a read can file the
/// report and fold the state without parsing it: its id, target, party, date, status, time
/// recorded, cited evidence and whether it is illustrative (column `head` of the `record`
/// table; ``StoredHeadText`` is its form).
struct StoredReportHead: Sendable, Equatable {
    let id: RecordID
    let target: QualifiedID
    let party: PartyCode
    let date: CalendarDate
    let status: Status
    let recordedAt: RecordingTime?
    let evidence: [RecordID]
    let illustrative: Bool
}

extension StoredReportHead {
    init(_ report: StatusReport) {
        self.init(id: report.id, target: report.target, party: report.party, date: report.date, status: report.status,
                  recordedAt: report.recordedAt, evidence: report.evidence, illustrative: report.provenance.illustrative)
    }

    /// The stored text for the report kept in blob `blob`.
    func text(blob: ObjectID) -> String {
        StoredHeadText.sealed([id.rawValue, "\(target.owner)#\(target.local)", party.code, date.description, status.rawValue,
                               recordedAt?.text ?? "", StoredHeadText.list(evidence.map(\.rawValue)), StoredHeadText.flag(illustrative)],
                              blob: blob)
    }

    /// The head kept as `text` for the blob whose id is `blobHex`; nil when the text is not
    /// one this type wrote for that blob. Read byte by byte: a read of a large tracker
    /// takes 100,000 of them.
    init?(text: String, blobHex: String) {
        var text = text
        guard let head = text.withUTF8({ bytes -> StoredReportHead? in
            guard let fields = StoredHeadText.fields(bytes, blobHex: blobHex, count: 8) else { return nil }
            guard let target = StoredHeadText.target(fields[1]), let day = StoredHeadText.date(fields[3]),
                  let status = Status(rawValue: StoredHeadText.string(fields[4])),
                  let illustrative = StoredHeadText.flag(fields[7]) else { return nil }
            let party = StoredHeadText.string(fields[2])
            let recorded = fields[5]
            return StoredReportHead(
                id: RecordID(unchecked: StoredHeadText.string(fields[0])),
                target: target,
                party: party == PartyCode.joint.code ? .joint : PartyCode(unchecked: party),
                date: day, status: status,
                recordedAt: recorded.isEmpty ? nil : RecordingTime(unchecked: StoredHeadText.string(recorded)),
                evidence: StoredHeadText.ids(fields[6]), illustrative: illustrative)
        }) else { return nil }
        self = head
    }
}

/// What the derived store keeps beside a piece of evidence's bytes so that a read can file
/// it by date, id and the targets it supports, and fold the state, without parsing it: its
/// id, date, party, the targets it supports, and whether it is illustrative, restricted or
/// sealed (column `head` of the `record` table; ``StoredHeadText`` is its form).
struct StoredEvidenceHead: Sendable, Hashable {
    let id: RecordID
    let date: CalendarDate
    let party: PartyCode?
    let supports: [QualifiedID]
    let illustrative: Bool
    let restricted: Bool
    let sealed: Bool
}

extension StoredEvidenceHead {
    init(_ evidence: Evidence) {
        self.init(id: evidence.id, date: evidence.date, party: evidence.party, supports: evidence.supports,
                  illustrative: evidence.provenance.illustrative, restricted: evidence.sensitivity == .restricted,
                  sealed: evidence.sealed != nil)
    }

    /// The stored text for the evidence kept in blob `blob`.
    func text(blob: ObjectID) -> String {
        StoredHeadText.sealed([id.rawValue, date.description, party?.code ?? "",
                               StoredHeadText.list(supports.map { "\($0.owner)#\($0.local)" }),
                               StoredHeadText.flag(illustrative), StoredHeadText.flag(restricted), StoredHeadText.flag(sealed)],
                              blob: blob)
    }

    /// The head kept as `text` for the blob whose id is `blobHex`; nil when the text is not
    /// one this type wrote for that blob.
    init?(text: String, blobHex: String) {
        var text = text
        guard let head = text.withUTF8({ bytes -> StoredEvidenceHead? in
            guard let fields = StoredHeadText.fields(bytes, blobHex: blobHex, count: 7),
                  let day = StoredHeadText.date(fields[1]), let illustrative = StoredHeadText.flag(fields[4]),
                  let restricted = StoredHeadText.flag(fields[5]), let sealed = StoredHeadText.flag(fields[6]) else { return nil }
            var supports: [QualifiedID] = []
            for item in StoredHeadText.items(fields[3]) {
                guard let target = StoredHeadText.target(item) else { return nil }
                supports.append(target)
            }
            let party = StoredHeadText.string(fields[2])
            return StoredEvidenceHead(id: RecordID(unchecked: StoredHeadText.string(fields[0])), date: day,
                                      party: party.isEmpty ? nil : PartyCode(unchecked: party), supports: supports,
                                      illustrative: illustrative, restricted: restricted, sealed: sealed)
        }) else { return nil }
        self = head
    }
}

/// The form of a stored head: one line of text, its fields separated by U+001F and the items
/// of a list field by U+001E (neither can be part of an id or a date), ending in a 64-bit
/// FNV-1a checksum of the rest and of the file's blob id: a head damaged on disk, or copied
/// beside other bytes, is not taken (the bytes themselves are checked against the blob id).
enum StoredHeadText {
    typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    private static let field: UInt8 = 0x1F
    private static let item: UInt8 = 0x1E

    /// `fields` joined and sealed with their checksum for blob `blob`.
    static func sealed(_ fields: [String], blob: ObjectID) -> String {
        var body = fields.joined(separator: "\u{1F}")
        let digits = String(checksumValue(body.utf8, blobHex: blob.hex), radix: 16)
        body += "\u{1F}" + String(repeating: "0", count: 16 - digits.count) + digits
        return body
    }

    /// A list field's text.
    static func list(_ items: [String]) -> String { items.joined(separator: "\u{1E}") }

    /// A yes-or-no field's text.
    static func flag(_ value: Bool) -> String { value ? "1" : "0" }

    /// The `count` fields of `bytes` when they are a text ``sealed(_:blob:)`` wrote for the
    /// blob whose id is `blobHex`; nil otherwise. The values were checked when the record was
    /// parsed; the checksum says these are the bytes written then, so they are taken as they are.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, blobHex: String, count: Int) -> [Field]? {
        guard let cut = bytes.lastIndex(of: field), bytes.count - cut == 17,
              hexValue(bytes[(cut + 1)...]) == checksumValue(bytes[..<cut], blobHex: blobHex) else { return nil }
        var fields: [Field] = []
        fields.reserveCapacity(count)
        var start = 0
        for index in 0..<cut where bytes[index] == field {
            fields.append(bytes[start..<index])
            start = index + 1
        }
        fields.append(bytes[start..<cut])
        return fields.count == count ? fields : nil
    }

    static func string(_ field: Field) -> String { String(decoding: UnsafeBufferPointer(rebasing: field), as: UTF8.self) }

    /// The items of a list field.
    static func items(_ field: Field) -> [Field] {
        field.isEmpty ? [] : field.split(separator: item, omittingEmptySubsequences: false)
    }

    /// The ids of a list field.
    static func ids(_ field: Field) -> [RecordID] { items(field).map { RecordID(unchecked: string($0)) } }

    /// A target (`owner#local`): only a target holds a `#`.
    static func target(_ field: Field) -> QualifiedID? {
        guard let hash = field.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        return QualifiedID(uncheckedOwner: string(field[..<hash]), local: string(field[(hash + 1)...]))
    }

    /// A date field: `yyyy-mm-dd`, or a piece of evidence's month (`yyyy-mm`) or year
    /// (`yyyy`) when its source gives no day.
    static func date(_ field: Field) -> CalendarDate? {
        func number(_ from: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 * 10 + Int(field[field.startIndex + from + $1] &- 48) }
        }
        switch field.count {
        case 10: return CalendarDate(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        case 7: return CalendarDate(year: number(0, 4), month: number(5, 2))
        case 4: return CalendarDate(year: number(0, 4), month: nil)
        default: return nil
        }
    }

    /// A yes-or-no field.
    static func flag(_ field: Field) -> Bool? {
        guard field.count == 1, let byte = field.first, byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else { return nil }
        return byte == UInt8(ascii: "1")
    }

    /// FNV-1a (64 bits) of `body` then the blob id's hex digits.
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

    /// The number written in `digits` as lowercase hexadecimal, as ``sealed(_:blob:)``
    /// writes it; nil for any other byte. Compared as a number: a read checks 100,000 heads.
    private static func hexValue(_ digits: Field) -> UInt64? {
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
