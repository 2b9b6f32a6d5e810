@testable import AccordCore
import Foundation
import Testing

/// The record cache's hand-written layouts of instruments and plans give back exactly what
/// they were given. Every field is filled, with more than one entry in each list and table,
/// so a field the layout forgets makes a value come back different.
@Suite struct CacheCodingTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
    func party(_ code: String) -> PartyCode { PartyCode(code)! }

    func roundTrip<T>(_ value: T, write: (T, inout CacheWriter) -> Void, read: (inout CacheReader) throws -> T) throws -> T {
        var writer = CacheWriter()
        write(value, &writer)
        var reader = CacheReader(writer.bytes)
        let decoded = try read(&reader)
        #expect(reader.isAtEnd)
        return decoded
    }

    var schedule: DueSchedule { DueSchedule(first: date("2018-03-31"), everyMonths: 6, until: date("2020-12-31")) }
    var cycles: [ReviewCycle] {
        [ReviewCycle(id: "annual", title: "Annual review", schedule: schedule, hosts: [party("VN"), party("KH")]),
         ReviewCycle(id: "final", title: "Final review", schedule: DueSchedule(first: date("2021-01-15")))]
    }
    var sources: [SourceNote] {
        [SourceNote(about: "article 7", says: "signed in Hanoi", source: "Working summary"), SourceNote(source: "Second note")]
    }

    @Test func anInstrumentWithEveryFieldComesBackTheSame() throws {
        let instrument = Instrument(
            id: InstrumentID("tip-2005")!, kind: .agreement, title: ["en": "Agreement", "vi": "Hiệp định", "km": "កិច្ចព្រមព្រៀង"],
            parties: [party("VN"), party("KH")], signed: Signing(date: date("2005-10-10"), place: "Hanoi"),
            signatories: [Signatory(party: party("VN"), name: "A"), Signatory(party: party("KH"), name: "B")],
            inForce: [Instrument.EntryIntoForce(date: date("2006-01-01"), party: party("VN")),
                      Instrument.EntryIntoForce(date: date("2006-02-01"))],
            status: .superseded, languages: ["en", "vi", "km"], amends: InstrumentID("pc-1997")!,
            supersedes: InstrumentID("old-2001")!,
            amendments: [Instrument.Amendment(signing: Signing(date: date("2012-07-01"), place: "Phnom Penh"), title: "Amendment",
                                              signatories: [Signatory(party: party("KH"), name: "C")], reason: "scope"),
                         Instrument.Amendment(signing: Signing(date: date("2013-01-01")))],
            sources: sources, reviewCycles: cycles,
            commitments: [
                Commitment(id: "7.1", clause: "7", summary: "Exchange information", bound: .joint,
                           responsible: [party("VN"): "Ministry of Public Security", party("KH"): "Ministry of Interior"],
                           due: schedule, indicators: ["cases", "victims"], note: "a note"),
                Commitment(id: "8.1", summary: "Repatriate victims", bound: .party(party("KH"))),
                Commitment(id: "9.1", summary: "Train officials", bound: .each),
            ],
            note: "working summary")
        #expect(try roundTrip(instrument, write: { $0.write(to: &$1) }, read: { try Instrument(from: &$0) }) == instrument)
    }

    @Test func aPlanWithEveryFieldComesBackTheSame() throws {
        let item = PlanItem(
            id: "1.1", title: "Hotline", lead: [party("VN"): "MOLISA", party("KH"): "MOSVY"],
            partners: [party("VN"): ["IOM", "UNODC"], party("KH"): ["NGO"]], start: date("2017-01-01"), end: date("2018-12-31"),
            deliverables: ["hotline", "report"],
            indicators: [Indicator(id: "calls", title: "Calls", unit: "calls", target: 1_250.5), Indicator(id: "cases"),
                         Indicator(id: "negative", target: -0.25)],
            implements: [QualifiedID("tip-2005#7.1")!, QualifiedID("tip-2005#8.1")!], note: "item note")
        let plan = ActionPlan(
            id: InstrumentID("plan-2017-2020")!, title: ["en": "Joint plan", "vi": "Kế hoạch"], parties: [party("VN"), party("KH")],
            adopted: Signing(date: date("2016-12-20"), place: "Siem Reap"), start: date("2017-01-01"), end: date("2020-12-31"),
            implements: [InstrumentID("tip-2005")!, InstrumentID("ext-2013")!], status: .expired, sources: sources,
            reviewCycles: cycles,
            areas: [PlanArea(id: "1", title: "Prevention", items: [item, PlanItem(id: "1.2", title: "Campaign")]),
                    PlanArea(id: "2", title: "Protection")],
            note: "plan note")
        #expect(try roundTrip(plan, write: { $0.write(to: &$1) }, read: { try ActionPlan(from: &$0) }) == plan)
    }

    @Test func aJointReportAndAWithdrawalComeBackTheSame() throws {
        let report = StatusReport(
            id: RecordID("sr-2019-01-02-joint-abcde")!, target: QualifiedID("tip-2005#7.1")!, status: .implemented,
            date: date("2019-01-02"), party: .joint, reporter: "A <a@example.org>", note: "together",
            evidence: [RecordID("ev-1")!], parties: [party("VN"), party("KH")],
            recordedAt: RecordingTime("2019-01-02T03:04:05.678Z")!)
        #expect(try roundTrip(report, write: { $0.write(to: &$1) }, read: { try StatusReport(from: &$0) }) == report)
        let withdrawal = Withdrawal(
            id: RecordID("wd-2019-01-03-abcde")!, withdraws: RecordID("sr-2019-01-02-vn-xxxxx")!, date: date("2019-01-03"),
            reason: "a mistake", replacedBy: RecordID("sr-2019-01-03-vn-yyyyy")!, reporter: "B",
            recordedAt: RecordingTime("2019-01-03T00:00:00.000Z")!)
        #expect(try roundTrip(withdrawal, write: { $0.write(to: &$1) }, read: { try Withdrawal(from: &$0) }) == withdrawal)
    }

    @Test func aTruncatedRecordIsRefused() throws {
        let plan = ActionPlan(id: InstrumentID("plan-1")!, title: ["en": "Plan"], parties: [party("VN")],
                              adopted: Signing(date: date("2016-12-20")), areas: [PlanArea(id: "1", title: "Area")])
        var writer = CacheWriter()
        plan.write(to: &writer)
        var reader = CacheReader(Array(writer.bytes.dropLast()))
        #expect(throws: CacheCorrupt.self) { try ActionPlan(from: &reader) }
    }
}
