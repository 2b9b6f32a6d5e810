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

    private static let field: Character = "\u{1F}"
    private static let item: Character = "\u{1E}"

    /// The stored text for the report kept in blob `blob`.
    func text(blob: ObjectID) -> String {
        let fields = [id.rawValue, target.description, party.code, date.description, status.rawValue,
                      recordedAt?.text ?? "", evidence.map(\.rawValue).joined(separator: String(Self.item)),
                      illustrative ? "1" : "0"]
        let body = fields.joined(separator: String(Self.field))
        return body + String(Self.field) + Self.checksum(body, blob: blob)
    }

    /// The head kept as `text` for blob `blob`; nil when the text is not one this type
    /// wrote for that blob.
    init?(text: String, blob: ObjectID) {
        guard let cut = text.lastIndex(of: Self.field),
              text[text.index(after: cut)...] == Self.checksum(text[..<cut], blob: blob) else { return nil }
        let fields = text[..<cut].split(separator: Self.field, omittingEmptySubsequences: false)
        guard fields.count == 8,
              let id = RecordID(String(fields[0])),
              let target = QualifiedID(String(fields[1])),
              let party = PartyCode(reportingParty: String(fields[2])),
              let date = CalendarDate(String(fields[3])),
              let status = Status(rawValue: String(fields[4])) else { return nil }
        var recordedAt: RecordingTime?
        if !fields[5].isEmpty {
            guard let time = RecordingTime(String(fields[5])) else { return nil }
            recordedAt = time
        }
        var evidence: [RecordID] = []
        if !fields[6].isEmpty {
            for part in fields[6].split(separator: Self.item, omittingEmptySubsequences: false) {
                guard let cited = RecordID(String(part)) else { return nil }
                evidence.append(cited)
            }
        }
        guard fields[7] == "0" || fields[7] == "1" else { return nil }
        self.id = id
        self.target = target
        self.party = party
        self.date = date
        self.status = status
        self.recordedAt = recordedAt
        self.evidence = evidence
        self.illustrative = fields[7] == "1"
    }

    /// FNV-1a (64 bits) of `body` then the blob id's bytes, as 16 hex digits.
    private static func checksum(_ body: Substring, blob: ObjectID) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for byte in body.utf8 { add(byte) }
        for byte in blob.hex.utf8 { add(byte) }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func checksum(_ body: String, blob: ObjectID) -> String { checksum(Substring(body), blob: blob) }
}
