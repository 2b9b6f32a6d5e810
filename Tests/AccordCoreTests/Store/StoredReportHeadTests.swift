@testable import AccordCore
import Foundation
import GitStore
import Testing

/// The head the derived store keeps of a status report gives back the report's filing
/// fields, and is refused when any byte of it differs from what was written for that blob.
@Suite struct StoredReportHeadTests {
    static let blob = ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")!
    static let other = ObjectID(hex: "0123456789abcdef0123456789abcdef01234568")!

    static func report(_ yaml: String) throws -> StatusReport {
        try #require(StatusReport.parse(Data(yaml.utf8), file: "Events/2019/04/sr-2019-04-01-vn.yaml").value)
    }

    static let cited = """
        id: sr-2019-04-01-vn
        target: tip-2005#4.1
        status: in-progress
        date: 2019-04-01
        party: VN
        recorded-at: 2019-04-02T02:30:00.000Z
        evidence: [ev-2019-03-01-a, ev-2019-03-02-b]
        illustrative: true

        """

    @Test(arguments: [cited, "id: sr-2019-04-01-vn\ntarget: tip-2005#4.1\nstatus: implemented\ndate: 2019-04-01\nparty: VN\n"])
    func itGivesBackTheFilingFields(_ yaml: String) throws {
        let report = try Self.report(yaml)
        let head = StoredReportHead(report)
        let text = head.text(blob: Self.blob)
        #expect(StoredReportHead(text: text, blobHex: Self.blob.hex) == head)
        #expect(head.id == report.id && head.target == report.target && head.party == report.party)
        #expect(head.date == report.date && head.status == report.status && head.evidence == report.evidence)
        #expect(head.recordedAt == report.recordedAt && head.illustrative == report.provenance.illustrative)
    }

    @Test func anyByteChangedOrAnotherBlobIsRefused() throws {
        let text = StoredReportHead(try Self.report(Self.cited)).text(blob: Self.blob)
        #expect(StoredReportHead(text: text, blobHex: Self.other.hex) == nil)
        let bytes = Array(text.utf8)
        for index in bytes.indices {
            for replacement: UInt8 in [0x1F, 0x1E, UInt8(ascii: "0"), UInt8(ascii: "f"), UInt8(ascii: "x")] where replacement != bytes[index] {
                var changed = bytes
                changed[index] = replacement
                #expect(StoredReportHead(text: String(decoding: changed, as: UTF8.self), blobHex: Self.blob.hex) == nil,
                        "byte \(index) made \(replacement)")
            }
        }
        for length in [0, 1, bytes.count - 17, bytes.count - 1] {
            #expect(StoredReportHead(text: String(decoding: bytes.prefix(length), as: UTF8.self), blobHex: Self.blob.hex) == nil)
        }
        #expect(StoredReportHead(text: text + "0", blobHex: Self.blob.hex) == nil)
        #expect(StoredReportHead(text: text.uppercased(), blobHex: Self.blob.hex) == nil)
    }
}

/// The head the derived store keeps of a piece of evidence gives back what the state reads
/// of it, and is refused when any byte of it differs from what was written for that blob.
@Suite struct StoredEvidenceHeadTests {
    static func evidence(_ yaml: String) throws -> Evidence {
        try #require(Evidence.parse(Data(yaml.utf8), file: "Evidence/2019/ev-2019-03-01-a.yaml").value)
    }

    static let full = """
        id: ev-2019-03-01-a
        kind: minutes
        title: Minutes of the border meeting
        date: 2019-03-01
        party: KH
        sensitivity: restricted
        supports: [tip-2005#4.1, plan-2017-2020#1.2]
        illustrative: true

        """

    @Test(arguments: [full, "id: ev-2019-03-01-a\nkind: report\ntitle: A report\ndate: 2019-03-01\n",
                      // Dated by its month or its year alone.
                      "id: ev-2019-03-01-a\nkind: report\ntitle: A report\ndate: 2019-03\n",
                      "id: ev-2019-03-01-a\nkind: report\ntitle: A report\ndate: 2019\n"])
    func itGivesBackWhatTheStateReads(_ yaml: String) throws {
        let evidence = try Self.evidence(yaml)
        let head = StoredEvidenceHead(evidence)
        #expect(StoredEvidenceHead(text: head.text(blob: StoredReportHeadTests.blob), blobHex: StoredReportHeadTests.blob.hex) == head)
        #expect(head.id == evidence.id && head.date == evidence.date && head.party == evidence.party)
        #expect(head.supports == evidence.supports && head.illustrative == evidence.provenance.illustrative)
        #expect(head.restricted == (evidence.sensitivity == .restricted) && head.sealed == (evidence.sealed != nil))
    }

    @Test func anyByteChangedOrAnotherBlobIsRefused() throws {
        let blob = StoredReportHeadTests.blob
        let text = StoredEvidenceHead(try Self.evidence(Self.full)).text(blob: blob)
        #expect(StoredEvidenceHead(text: text, blobHex: StoredReportHeadTests.other.hex) == nil)
        let bytes = Array(text.utf8)
        for index in bytes.indices {
            for replacement: UInt8 in [0x1F, 0x1E, UInt8(ascii: "0"), UInt8(ascii: "x")] where replacement != bytes[index] {
                var changed = bytes
                changed[index] = replacement
                #expect(StoredEvidenceHead(text: String(decoding: changed, as: UTF8.self), blobHex: blob.hex) == nil,
                        "byte \(index) made \(replacement)")
            }
        }
        #expect(StoredEvidenceHead(text: String(decoding: bytes.prefix(bytes.count - 1), as: UTF8.self), blobHex: blob.hex) == nil)
        // A report's head is not taken for evidence's, nor the other way round.
        let report = StoredReportHead(try StoredReportHeadTests.report(StoredReportHeadTests.cited)).text(blob: blob)
        #expect(StoredEvidenceHead(text: report, blobHex: blob.hex) == nil)
        #expect(StoredReportHead(text: text, blobHex: blob.hex) == nil)
    }
}
