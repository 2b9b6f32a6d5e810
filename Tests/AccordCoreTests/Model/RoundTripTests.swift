@testable import AccordCore
import Foundation
import Testing

/// Writing a record and reading it back gives the same record, for every record type.
@Suite struct RoundTripTests {
    func roundTrip<Value: Equatable>(
        _ text: String, parse: (Data, String) -> ParsedFile<Value>, write: (Value) -> String
    ) throws {
        let first = parse(Data(text.utf8), "first")
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        let value = try #require(first.value)
        let written = write(value)
        let second = parse(Data(written.utf8), "second")
        #expect(second.diagnostics.isEmpty, "\(second.diagnostics)\n\(written)")
        #expect(second.value == value, "\(written)")
        // Writing again changes nothing: the layout is stable.
        #expect(second.value.map(write) == written)
    }

    @Test func settings() throws {
        try roundTrip(TrackerFixture.settings, parse: { TrackerSettings.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func instrument() throws {
        let text = TrackerFixture.instrument + """
            signatories:
              - party: VN
                name: Government of Viet Nam
            in-force:
              - date: 2005-10-10
              - date: 2006-01-02
                party: KH
            amends: crime-1997
            amendments:
              - date: 2012-09-28
                place: Ho Chi Minh City
                title: "Agreement amending: the 2005 agreement"
                signatories:
                  - party: KH
                    name: Minister of Women's Affairs
                reason: the 2005 text lacked detailed rules
            sources:
              - about: signed.date
                says: 2013-12-23
                source: 'press report # one'
              - source: "a source\\nover two lines"
            note: |
              Free text
              on two lines.

            """
        try roundTrip(text, parse: { Instrument.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func partialDatesAreKeptAsWritten() throws {
        let text = TrackerFixture.instrument.replacingOccurrences(of: "date: 2005-10-10", with: "date: \"2005\"") + """
            in-force:
              - date: 2006-01
            amendments:
              - date: 2012-09
            """
        let parsed = Instrument.parse(Data(text.utf8), file: "instrument.yaml")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let instrument = try #require(parsed.value)
        #expect(instrument.signed.date.description == "2005")
        #expect(instrument.inForce.first?.date.description == "2006-01")
        #expect(instrument.yamlText().contains("date: 2012-09\n"))
        #expect(instrument.yamlText().contains("date: \"2005\"\n"))
        try roundTrip(text, parse: { Instrument.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func aStatusReportNeedsADay() throws {
        let text = "id: sr-2019-03-26-vn-k3f9q\ntarget: tip-2005#3.1\nstatus: implemented\ndate: 2019-03\nparty: VN\n"
        let parsed = StatusReport.parse(Data(text.utf8), file: "Events/2019/03/sr-2019-03-26-vn-k3f9q.yaml")
        #expect(parsed.value == nil)
        #expect(parsed.diagnostics.map(\.message) == ["2019-03 is not a day: a status report is dated yyyy-mm-dd"])
    }

    @Test func plan() throws {
        let item = """
                  - id: "1.2"
                    title: "3 trainings: VN, KH"
                    lead:
                      VN: Ministry of Public Security
                      KH: Ministry of Interior
                    partners:
                      VN: [Border Guard Command, "Ministry of Labour, Invalids and Social Affairs"]
                    deliverables:
                      - Named focal points exchanged in writing
                      - "yes"
                    indicators:
                      - id: focal-points-named
                        title: Focal points named
                        unit: ministries
                        target: 4.5
                      - id: cases
                    note: free text
            review-cycles:
              - id: mid-term
                title: Mid-term review
                on: 2019-03-31
            sources:
              - source: study

            """
        try roundTrip(TrackerFixture.plan + item, parse: { ActionPlan.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func evidence() throws {
        let text = TrackerFixture.evidence + """
            recorded: 2016-10-20
            party: VN
            source: Joint conference minutes, Sihanoukville
            url: https://example.org/minutes?id=1#top
            sensitivity: restricted
            attachment:
              name: minutes.pdf
              blob: 3b18e512dba79e4c8300dd08aeb37f8e728b8dad
              size: 20481
            note: "Sources disagree: 23 or 26 December"

            """
        try roundTrip(text, parse: { Evidence.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func statusReport() throws {
        let text = TrackerFixture.report + "note: \"Khmer: ការប្រឆាំងការជួញដូរមនុស្ស, \\\"quoted\\\"\"\n"
        try roundTrip(text, parse: { StatusReport.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func meeting() throws {
        let text = TrackerFixture.meeting + """
            attendees:
              - Ministry of Public Security (VN)
              - IOM
            note: null

            """
        try roundTrip(text, parse: { Meeting.parse($0, file: $1) }, write: { $0.yamlText() })
    }

    @Test func writtenLayoutIsTheDocumentedOne() throws {
        let report = try #require(StatusReport.parse(Data(TrackerFixture.report.utf8), file: "r").value)
        #expect(report.yamlText() == """
            id: sr-2016-10-05-vn
            target: tip-2005#4.1
            status: implemented
            date: 2016-10-05
            party: VN
            reporter: Nguyen Van An <an@example.gov.vn>
            evidence: [ev-2016-review]

            """)
        let instrument = try #require(Instrument.parse(Data(TrackerFixture.instrument.utf8), file: "i").value)
        #expect(instrument.yamlText().contains("""
            commitments:
              - id: "4.1"
                summary: Inform communities at risk.
                bound: each
                due: 2006-03-31
            """))
    }

    @Test(arguments: ["yes", "No", "null", "~", "3.1", "-1", "2019-02-03", "a: b", "x #y", "[list]", "'quoted'",
                      " padded ", "", "line\nbreak", "tab\there", "ends:", "@at", "Việt Nam ប្រទេសកម្ពុជា"])
    func awkwardTextReadsBackUnchanged(_ text: String) throws {
        let report = StatusReport(
            id: try #require(RecordID("sr-1")), target: try #require(QualifiedID("tip-2005#1")),
            status: .inProgress, date: try #require(CalendarDate("2019-01-01")), party: try #require(PartyCode("VN")),
            reporter: "someone", note: text)
        let back = StatusReport.parse(Data(report.yamlText().utf8), file: "r")
        #expect(back.value == report, "\(report.yamlText())")
    }
}
