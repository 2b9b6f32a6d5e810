@testable import AccordCore
import Foundation
import Testing

/// Every record can say where it comes from and whether it is illustrative; an instrument
/// says which of its texts are authentic. Read, checked, written back and cached alike.
@Suite struct ProvenanceTests {
    static let instrument = """
        id: ext-2013
        kind: treaty
        title:
          en: Treaty on extradition
        parties: [VN, KH]
        signed:
          date: 2013-12-23
        status: in-force
        languages: [en, vi, km]
        texts:
          en:
            authentic: false
            source: Summary of the Vietnamese text
            url: https://example.org/vi
          km:
            authentic: true
          vi:
            authentic: true
        prevails: en
        review-cycles:
          - id: annual
            title: Annual review
            every-months: 12
            from: 2015-01-01
            illustrative: true
        commitments:
          - id: "1.1"
            summary: Extradite.
            source: Article 1 of the authentic text
            url: https://example.org/vi#1
          - id: "11.3"
            summary: Issue guidance.
            due: 2015-04-09
            illustrative: true
        source: Notice 71/2014/TB-LPQT
        url: https://example.org/notice
        illustrative: true

        """

    static let report = """
        id: sr-2016-10-05-vn-ab12c
        target: ext-2013#11.3
        status: implemented
        date: 2016-10-05
        party: VN
        reporter: Example reporter, MPS (VN) <example-mps@accord.invalid>
        note: Guidance issued.
        source: Written for the example
        illustrative: true

        """

    static let evidence = """
        id: ev-2016-statistics
        kind: statistics
        title: Statistics
        date: 2016-12-31
        source: The study
        url: https://doi.org/10.13187/rjps.2020.1.3
        illustrative: true
        values:
          - indicator: cases
            period: "2016"
            value: 354
          - indicator: cases
            period: "2016"
            value: 383
            source: The ministry, as reported by VnExpress
            url: https://example.org/vnexpress

        """

    static let meeting = """
        id: 2019-12-01-review
        title: Joint review
        date: 2019-12-01
        decisions:
          - id: "1"
            text: Prepare the final review.
            due: 2020-12-31
            illustrative: true
        source: CAND, 2019
        url: https://example.org/cand
        illustrative: true

        """

    static let plan = """
        id: plan-2017-2020
        kind: plan
        title:
          en: Joint plan
        parties: [VN, KH]
        adopted:
          date: 2016-10-05
        areas:
          - id: "1"
            title: Coordination
            items:
              - id: "1.1"
                title: Name focal points
                illustrative: true
        source: IOM Viet Nam
        url: https://example.org/iom

        """

    @Test func everyRecordReadsItsProvenance() throws {
        let instrument = try #require(Instrument.parse(Data(Self.instrument.utf8), file: "i.yaml").value)
        #expect(instrument.provenance == Provenance(source: "Notice 71/2014/TB-LPQT", url: "https://example.org/notice", illustrative: true))
        #expect(instrument.texts["en"]?.authentic == false)
        #expect(instrument.texts["en"]?.provenance.url == "https://example.org/vi")
        #expect(instrument.texts["vi"]?.authentic == true)
        #expect(instrument.prevails == "en")
        #expect(instrument.marks == [.illustrative, .workingSummary])
        #expect(instrument.marks(of: "vi") == [.illustrative])
        #expect(instrument.reviewCycles[0].provenance.illustrative)
        #expect(instrument.commitments[0].provenance == Provenance(source: "Article 1 of the authentic text", url: "https://example.org/vi#1"))
        #expect(instrument.commitments[1].provenance.illustrative)

        let report = try #require(StatusReport.parse(Data(Self.report.utf8), file: "r.yaml").value)
        #expect(report.provenance == Provenance(source: "Written for the example", illustrative: true))
        let evidence = try #require(Evidence.parse(Data(Self.evidence.utf8), file: "e.yaml").value)
        #expect(evidence.provenance.illustrative && evidence.source == "The study")
        #expect(evidence.values[1].provenance.source == "The ministry, as reported by VnExpress")
        let meeting = try #require(Meeting.parse(Data(Self.meeting.utf8), file: "m.yaml").value)
        #expect(meeting.provenance.illustrative && meeting.decisions[0].provenance.illustrative)
        let plan = try #require(ActionPlan.parse(Data(Self.plan.utf8), file: "p.yaml").value)
        #expect(plan.provenance.source == "IOM Viet Nam" && plan.items[0].provenance.illustrative)
    }

    @Test func provenanceRoundTripsThroughTheWriter() throws {
        func check<Value: Equatable>(_ text: String, _ parse: (Data, String) -> ParsedFile<Value>, _ write: (Value) -> String) throws {
            let value = try #require(parse(Data(text.utf8), "first").value)
            let written = write(value)
            let again = parse(Data(written.utf8), "second")
            #expect(again.diagnostics.isEmpty, "\(again.diagnostics)\n\(written)")
            #expect(again.value == value, "\(written)")
        }
        try check(Self.instrument, Instrument.parse, { $0.yamlText() })
        try check(Self.report, StatusReport.parse, { $0.yamlText() })
        try check(Self.evidence, Evidence.parse, { $0.yamlText() })
        try check(Self.meeting, Meeting.parse, { $0.yamlText() })
        try check(Self.plan, ActionPlan.parse, { $0.yamlText() })
    }

    @Test func badProvenanceNamesFileLineAndField() {
        let text = Self.instrument
            .replacingOccurrences(of: "prevails: en", with: "prevails: fr")
            .replacingOccurrences(of: "url: https://example.org/notice", with: "url: example.org/notice")
            .replacingOccurrences(of: "    illustrative: true\nsource: Notice", with: "    illustrative: yes\nsource: Notice")
            .replacingOccurrences(of: "  km:\n    authentic: true", with: "  th:\n    authentic: true")
        let parsed = Instrument.parse(Data(text.utf8), file: "Agreements/ext-2013/instrument.yaml")
        let messages = parsed.diagnostics.map { "\($0.file):\($0.line): \($0.field): \($0.message)" }
        #expect(parsed.value == nil)
        #expect(messages.contains("Agreements/ext-2013/instrument.yaml:19: prevails: fr is not one of the instrument's languages"))
        #expect(messages.contains("Agreements/ext-2013/instrument.yaml:36: url: example.org/notice is not a web address (http:// or https://, no spaces)"))
        #expect(messages.contains("Agreements/ext-2013/instrument.yaml:16: texts.th: th is not one of the instrument's languages"))
        #expect(messages.contains("Agreements/ext-2013/instrument.yaml:34: commitments[2].illustrative: yes is not true or false"), "\(messages)")
        let report = StatusReport.parse(Data(Self.report.replacingOccurrences(of: "illustrative: true", with: "illustrative: maybe").utf8),
                                        file: "Events/2016/10/sr.yaml")
        #expect(report.diagnostics.map(\.description).contains { $0.contains(":9: illustrative: maybe is not true or false") })
    }

    @Test func theDerivedStoreKeepsEveryProvenanceField() throws {
        func roundTrip<T: Codable & Equatable>(_ value: T) throws {
            let body = try #require(DerivedStore.encode(value))
            #expect(DerivedStore.decode(T.self, from: body) == value)
        }
        try roundTrip(try #require(Instrument.parse(Data(Self.instrument.utf8), file: "i.yaml").value))
        try roundTrip(try #require(ActionPlan.parse(Data(Self.plan.utf8), file: "p.yaml").value))
        try roundTrip(try #require(StatusReport.parse(Data(Self.report.utf8), file: "r.yaml").value))
        try roundTrip(try #require(Evidence.parse(Data(Self.evidence.utf8), file: "e.yaml").value))
    }
}
