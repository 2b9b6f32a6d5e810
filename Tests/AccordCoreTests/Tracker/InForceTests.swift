import AccordCore
import Foundation
import Testing

/// The tracker as it stood at a date: one rule for every command (docs/formats.md,
/// "Effect in time").
@Suite struct InForceTests {
    func stood(_ fixture: TrackerFixture, on text: String) throws -> TrackerSnapshot {
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        return snapshot.inForce(on: try #require(CalendarDate(text)))
    }

    @Test func onlyWhatWasSignedAdoptedAndHeldByThenIsThere() throws {
        let early = try stood(.valid, on: "2010-01-01")
        #expect(early.instruments.map(\.id.rawValue) == ["tip-2005"])
        #expect(early.plans.isEmpty)
        #expect(early.meetings.isEmpty)
        #expect(!early.targets.contains { $0.id.owner == "plan-2017-2020" || $0.kind == .decision })
        // The fold at that date counts the instrument's commitments only.
        let state = TrackerState(early, asOf: try #require(CalendarDate("2010-01-01")))
        #expect(state.targets.allSatisfy { $0.target.id.owner == "tip-2005" })

        let later = try stood(.valid, on: "2017-01-01")
        #expect(later.plans.map(\.id.rawValue) == ["plan-2017-2020"])
        #expect(later.meetings.map(\.id.rawValue) == ["2016-10-05-review"])
        #expect(later.targets.contains { $0.kind == .decision })
    }

    @Test func anInstrumentSignedButNotInForceShowsAsSuch() throws {
        var fixture = TrackerFixture.valid
        fixture["Agreements/tip-2005/instrument.yaml"] = TrackerFixture.instrument
            .replacingOccurrences(of: "status: in-force", with: "in-force:\n  - date: 2006-06-01\nstatus: in-force")
        let signed = try stood(fixture, on: "2006-01-01")
        #expect(signed.instruments.first?.status == .notYetInForce)
        let target = try #require(signed.targets.first { $0.id.owner == "tip-2005" })
        #expect(!signed.binds(target, on: try #require(CalendarDate("2006-01-01"))))
        #expect(try stood(fixture, on: "2006-06-01").instruments.first?.status == .inForce)
    }

    @Test func anInstrumentThatEndedBindsUntilThatDay() throws {
        var fixture = TrackerFixture.valid
        fixture["Agreements/tip-2005/instrument.yaml"] = TrackerFixture.instrument
            .replacingOccurrences(of: "status: in-force", with: "status: terminated\nended: 2015-06")
        let before = try stood(fixture, on: "2015-05-31")
        #expect(before.instruments.first?.status == .inForce)
        let target = try #require(before.targets.first { $0.id.owner == "tip-2005" })
        #expect(before.binds(target, on: try #require(CalendarDate("2015-05-31"))))
        let after = try stood(fixture, on: "2015-06-01")
        #expect(after.instruments.first?.status == .terminated)
        #expect(!after.binds(target, on: try #require(CalendarDate("2015-06-01"))))

        fixture["Agreements/tip-2005/instrument.yaml"] = TrackerFixture.instrument
            .replacingOccurrences(of: "status: in-force", with: "status: in-force\nended: 2015-06")
        #expect(try fixture.problems().contains { $0.contains("ended: 2015-06 ends an instrument whose status is in-force") })
    }

    @Test func nothingDiffersTodayAndTheSnapshotIsKept() throws {
        let snapshot = try TrackerFixture.valid.snapshot()
        let today = snapshot.inForce(on: try #require(CalendarDate("2030-01-01")))
        #expect(today.instruments == snapshot.instruments && today.targets == snapshot.targets)
        #expect(today.reportCount == snapshot.reportCount)
    }

    @Test func aPlannedMeetingIsNoMeetingHeld() throws {
        var fixture = TrackerFixture.valid
        fixture["Meetings/2030-01-15-hanoi.yaml"] = """
            id: 2030-01-15-hanoi
            title: Joint review
            date: 2030-01-15
            planned: true

            """
        let stood = try stood(fixture, on: "2029-12-01")
        #expect(!stood.meetings.contains { $0.id.rawValue == "2030-01-15-hanoi" })
        #expect(stood.plannedMeetings.map(\.id.rawValue) == ["2030-01-15-hanoi"])
        #expect(stood.reportCount == (try fixture.snapshot()).reportCount)
    }
}
