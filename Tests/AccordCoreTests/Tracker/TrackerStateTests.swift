import AccordCore
import Foundation
import Testing

@Suite struct TrackerStateTests {
    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    func state(_ asOf: String, adding reports: [(String, String)] = []) throws -> TrackerState {
        var fixture = TrackerFixture.valid
        for (path, text) in reports { fixture[path] = text }
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        return TrackerState(snapshot, asOf: try date(asOf))
    }

    func progress(_ state: TrackerState, _ target: String, _ party: String) throws -> PartyProgress {
        let id = try #require(QualifiedID(target))
        let code = try #require(PartyCode(party))
        let target = try #require(state.target(id))
        return try #require(target.progress(of: code))
    }

    @Test func aReportCountsFromItsDateOn() throws {
        let before = try progress(try state("2016-10-04"), "tip-2005#4.1", "VN")
        #expect(before.status == .notStarted)
        #expect(before.reports.isEmpty)
        #expect(before.evidence.isEmpty)
        #expect(before.isOverdue)  // due 2006-03-31
        let after = try progress(try state("2016-10-05"), "tip-2005#4.1", "VN")
        #expect(after.status == .implemented)
        #expect(after.evidence.map(\.id.rawValue) == ["ev-2016-review"])
        #expect(!after.isOverdue)
        // Cambodia has not reported: still overdue for KH.
        #expect(try progress(try state("2016-10-05"), "tip-2005#4.1", "KH").isOverdue)
    }

    @Test func theLatestReportWinsAndTiesGoByID() throws {
        let reports = [
            TrackerFixture.report("sr-b", target: "tip-2005#5.1", status: "blocked", date: "2017-03-01", party: "VN"),
            TrackerFixture.report("sr-a", target: "tip-2005#5.1", status: "in-progress", date: "2017-03-01", party: "VN"),
            TrackerFixture.report("sr-c", target: "tip-2005#5.1", status: "partial", date: "2017-02-01", party: "VN"),
        ]
        let vn = try progress(try state("2018-01-01", adding: reports), "tip-2005#5.1", "VN")
        #expect(vn.status == .blocked)
        #expect(vn.reports.map(\.id.rawValue) == ["sr-c", "sr-a", "sr-b"])
    }

    @Test func dueDatesRecurUpToTheAsOfDate() throws {
        let vn = try progress(try state("2010-06-01"), "tip-2005#4.2", "VN")
        #expect(vn.dueDates.map(\.description) == ["2007-01-31", "2008-01-31", "2009-01-31", "2010-01-31"])
        #expect(vn.nextDue?.description == "2011-01-31")
    }

    @Test func aRecurringCommitmentNeedsAReportEachPeriod() throws {
        // tip-2005#4.2 is joint, due every 31 January from 2007: joint reports settle it.
        func joint(_ id: String, _ date: String) -> (String, String) {
            let (path, text) = TrackerFixture.report(id, target: "tip-2005#4.2", status: "implemented", date: date, party: "joint")
            return (path, text + "parties: [VN, KH]\n")
        }
        func together(_ asOf: String, _ reports: [(String, String)]) throws -> PartyProgress {
            let id = try #require(QualifiedID("tip-2005#4.2"))
            return try #require(try state(asOf, adding: reports).target(id)?.joint)
        }
        let onTime = [joint("sr-a", "2007-01-20"), joint("sr-b", "2008-01-15")]
        #expect(try !together("2008-02-01", onTime).isOverdue)
        // A late report settles the earliest open period only, late by its days.
        let late = [joint("sr-late", "2007-02-10")]
        let periods = try together("2008-02-05", late).periods
        #expect(periods.map(\.due.description) == ["2007-01-31", "2008-01-31", "2009-01-31"])
        #expect(periods.map(\.isSettled) == [true, false, false])
        #expect(periods.first?.lateDays == 10)
        #expect(try together("2008-02-05", late).isOverdue)
        // Two reports in one window settle two periods in turn: the second one the next.
        let twice = [joint("sr-x", "2007-02-10"), joint("sr-y", "2007-03-01")]
        #expect(try together("2008-02-05", twice).periods.map(\.isSettled) == [true, true, false])
        #expect(try !together("2008-02-05", twice).isOverdue)
    }

    @Test func aJointCommitmentIsTrackedPerPartyAndShowsDisagreement() throws {
        let reports = [
            TrackerFixture.report("sr-vn", target: "tip-2005#4.2", status: "implemented", date: "2007-01-10", party: "VN"),
            TrackerFixture.report("sr-kh", target: "tip-2005#4.2", status: "partial", date: "2007-01-12", party: "KH"),
        ]
        let state = try state("2007-02-01", adding: reports)
        let id = try #require(QualifiedID("tip-2005#4.2"))
        let target = try #require(state.target(id))
        #expect(target.target.isJoint)
        #expect(target.parties.map(\.party.code) == ["VN", "KH"])
        #expect(target.parties.map(\.status) == [.implemented, .partial])
        #expect(target.partiesDisagree)
        // Each party's own reports show its view; only a joint report settles it.
        #expect(target.progress(of: PartyCode("KH")!)?.isOverdue == false)
        #expect(target.progress(of: PartyCode("VN")!)?.isOverdue == false)
        #expect(target.joint?.isOverdue == true)
        #expect(target.isOverdue)
    }

    @Test func aPlanItemIsOverdueAfterItsEnd() throws {
        #expect(try !progress(try state("2017-06-30"), "plan-2017-2020#1.1", "KH").isOverdue)
        #expect(try progress(try state("2017-07-01"), "plan-2017-2020#1.1", "KH").isOverdue)
        let na = TrackerFixture.report("sr-na", target: "plan-2017-2020#1.1", status: "not-applicable",
                                       date: "2017-05-01", party: "KH", note: "No ministry to name.")
        #expect(try !progress(try state("2018-01-01", adding: [na]), "plan-2017-2020#1.1", "KH").isOverdue)
    }

    @Test func aDecisionWithADueDateIsTracked() throws {
        let decision = try progress(try state("2018-01-01"), "2016-10-05-review#2", "VN")
        #expect(decision.dueDates.map(\.description) == ["2017-12-31"])
        #expect(decision.isOverdue)
        #expect(try state("2018-01-01").target(QualifiedID("2016-10-05-review#1")!) == nil)
    }

    @Test func aCommitmentBindingOnePartyHasOneEntry() throws {
        let state = try state("2018-01-01")
        let target = try #require(state.target(QualifiedID("tip-2005#5.1")!))
        #expect(target.parties.map(\.party.code) == ["VN"])
        #expect(!target.isOverdue)  // no due date
    }
}
