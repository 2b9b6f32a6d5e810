import AccordCore
import Foundation
import GitStore
import Testing

/// The revisions computed from plain commit values, and the checks built on them.
@Suite struct TextRevisionsTests {
    static let v1 = "# Agreement\n\n## Article 1. Purpose\n\n1. Each party names a focal agency.\n2. The agencies meet once a year.\n"
    static let v2 = "# Agreement\n\n## Article 1. Purpose\n\n1. Each party names a focal agency.\n2. The agencies meet twice a year.\n"
    static let vi1 = "# Hiệp định\n\n## Điều 1. Mục đích\n\n1. Mỗi bên chỉ định một cơ quan đầu mối.\n2. Các cơ quan họp mỗi năm một lần.\n"

    /// A blob id made up from a number; the bytes come from `blobs`.
    static func id(_ n: Int) -> ObjectID { ObjectID(hex: String(format: "%040d", n))! }
    static let blobs: [ObjectID: String] = [id(1): v1, id(2): v2, id(3): vi1]

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    /// 2005: en and vi; 2008: only instrument.yaml; 2012: en revised (clause 1.2).
    func revisions() throws -> TextRevisions {
        let commits = [
            TextCommit(id: Self.id(11), date: try date("2005-10-10"), message: "Add", tags: ["tip-2005@2005-10-10"],
                       texts: ["en": Self.id(1), "vi": Self.id(3)]),
            TextCommit(id: Self.id(12), date: try date("2008-01-01"), message: "Register", texts: ["en": Self.id(1), "vi": Self.id(3)]),
            TextCommit(id: Self.id(13), date: try date("2012-09-28"), message: "Amend", tags: ["tip-2005@2012-09-28"],
                       texts: ["en": Self.id(2), "vi": Self.id(3)]),
        ]
        return try TextRevisions(instrument: try #require(InstrumentID("tip-2005")), languages: ["en", "vi"], commits: commits) {
            Data(Self.blobs[$0]!.utf8)
        }
    }

    @Test func revisionsAreTheCommitsThatChangedATextWithWhatChanged() throws {
        let revisions = try revisions()
        #expect(revisions.revisions.map(\.date.description) == ["2005-10-10", "2012-09-28"])
        let amendment = try #require(revisions.revisions.last)
        #expect(amendment.tag == "tip-2005@2012-09-28")
        #expect(amendment.languages.map(\.language) == ["en"])
        #expect(amendment.change(of: "en")?.provisions == ["1", "1.2"])
        #expect(amendment.change(of: "en")?.previousDate == (try date("2005-10-10")))
        #expect(amendment.unrevised == [UnrevisedLanguage(language: "vi", since: try date("2005-10-10"))])
        #expect(revisions.inForce(on: try date("2012-09-27"))?.tag == "tip-2005@2005-10-10")
        #expect(revisions.inForce(on: try date("2012-09-28"))?.tag == "tip-2005@2012-09-28")
        #expect(revisions.inForce(on: try date("2000-01-01")) == nil)
    }

    @Test func languagesOutOfStepNamesTheLanguageLeftBehind() throws {
        let step = try #require(LanguagesOutOfStep.find(in: try revisions()))
        #expect(step.latestLanguage == "en")
        #expect(step.lagging.map(\.language) == ["vi"])
        #expect(LanguagesOutOfStep.find(in: try revisions(), asOf: try date("2010-01-01")) == nil)
    }

    func instrument() throws -> Instrument {
        Instrument(id: try #require(InstrumentID("tip-2005")), kind: .agreement, title: ["en": "Agreement"],
                   parties: [try #require(PartyCode("VN")), try #require(PartyCode("KH"))],
                   signed: Signing(date: try date("2005-10-10")), status: .inForce, languages: ["en", "vi"],
                   commitments: [Commitment(id: "1.1", summary: "Focal agencies"), Commitment(id: "1.2", summary: "Meetings")])
    }

    func evidence(_ id: String, _ date: String, supports: String) throws -> Evidence {
        Evidence(id: try #require(RecordID(id)), kind: .minutes, title: id, date: try self.date(date),
                 supports: [try #require(QualifiedID(supports))])
    }

    @Test func aCommitmentWhoseClauseChangedAfterItsEvidenceIsFlagged() throws {
        let old = try evidence("ev-2010-meeting", "2010-05-01", supports: "tip-2005#1.2")
        let findings = AmendedSinceEvidence.find(instrument: try instrument(), revisions: try revisions(), evidence: [old])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.commitment.description == "tip-2005#1.2")
        #expect(finding.clause == "1.2")
        #expect(finding.revisionDate == (try date("2012-09-28")))
        #expect(finding.latestEvidenceDate == (try date("2010-05-01")))
        #expect(finding.languages == ["en"])
    }

    @Test func newerEvidenceOrAnUnchangedClauseIsNotFlagged() throws {
        let newer = try evidence("ev-2013-meeting", "2013-01-10", supports: "tip-2005#1.2")
        let older = try evidence("ev-2010-meeting", "2010-05-01", supports: "tip-2005#1.2")
        let unchanged = try evidence("ev-2010-focal", "2010-05-01", supports: "tip-2005#1.1")
        let findings = AmendedSinceEvidence.find(instrument: try instrument(), revisions: try revisions(),
                                                 evidence: [older, newer, unchanged])
        #expect(findings.isEmpty)
        // As of before the amendment, nothing had changed yet.
        #expect(AmendedSinceEvidence.find(instrument: try instrument(), revisions: try revisions(), evidence: [older],
                                          asOf: try date("2012-01-01")).isEmpty)
    }
}
