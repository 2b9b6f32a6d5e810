import AccordCore
import Testing

/// Each gap rule on a fixture where it fires and one where it does not.
@Suite struct GapRuleTests {
    func gaps(_ fixture: TrackerFixture, at date: String, rule: GapRule,
              amended: [AmendedSinceEvidence] = []) throws -> [String] {
        let snapshot = try fixture.snapshot()
        let state = TrackerState(snapshot, asOf: CalendarDate(date)!)
        let schedule = ReviewSchedule(snapshot: snapshot, state: state)
        let report = GapReport(snapshot: snapshot, state: state, schedule: schedule, amendedSinceEvidence: amended,
                               filter: .init(rules: [rule]))
        #expect(report.gaps.allSatisfy { !$0.why.isEmpty && !$0.toClose.isEmpty && $0.severity == rule.severity })
        return report.gaps.map { "\($0.item) \($0.party?.code ?? "both")" }
    }

    func with(_ reports: [(String, String)]) -> TrackerFixture {
        var fixture = TrackerFixture.valid
        for (path, text) in reports { fixture[path] = text }
        return fixture
    }

    @Test func overdueFiresForThePartyThatHasNotSettled() throws {
        let found = try gaps(.valid, at: "2017-01-01", rule: .overdue)
        #expect(found.contains("tip-2005#4.1 KH"))
        #expect(!found.contains("tip-2005#4.1 VN"))  // implemented 2016-10-05
    }

    @Test func noEvidenceFiresWithoutAnyEvidence() throws {
        let found = try gaps(.valid, at: "2017-01-01", rule: .noEvidence)
        #expect(found.contains("tip-2005#5.1 VN"))
        #expect(!found.contains { $0.hasPrefix("tip-2005#4.1 ") })  // evidence naming no party counts for both
    }

    @Test func staleFiresAfterTheThreshold() throws {
        let fixture = with([TrackerFixture.report("sr-2010-01-01-vn", target: "tip-2005#5.1", status: "in-progress",
                                                  date: "2010-01-01", party: "VN")])
        #expect(try gaps(fixture, at: "2011-06-01", rule: .stale) == ["tip-2005#5.1 VN"])
        #expect(try gaps(fixture, at: "2010-06-01", rule: .stale).isEmpty)
    }

    @Test func noOwnerFiresPerPartyWithoutAnAgency() throws {
        let found = try gaps(.valid, at: "2017-01-01", rule: .noOwner)
        #expect(found.contains("plan-2017-2020#1.1 KH"))
        #expect(!found.contains("plan-2017-2020#1.1 VN"))  // lead named
    }

    @Test func uncoveredFiresForCommitmentsNoPlanItemImplements() throws {
        let found = try gaps(.valid, at: "2017-01-01", rule: .uncovered)
        #expect(found.contains("tip-2005#5.1 both"))
        #expect(!found.contains("tip-2005#4.1 both"))  // plan-2017-2020#1.1 implements it
    }

    @Test func oneSidedFiresWhenOnlyOnePartyReportsOnACommitmentBindingEach() throws {
        #expect(try gaps(.valid, at: "2017-01-01", rule: .oneSided).isEmpty)
        // The 2016 decision binds each party: KH is silent. tip-2005#4.2 is joint: not one-sided.
        let fixture = with([
            TrackerFixture.report("sr-2016-11-01-vn", target: "2016-10-05-review#2", status: "in-progress", date: "2016-11-01", party: "VN"),
            TrackerFixture.report("sr-2008-01-02-vn", target: "tip-2005#4.2", status: "in-progress", date: "2008-01-02", party: "VN"),
        ])
        #expect(try gaps(fixture, at: "2017-01-01", rule: .oneSided) == ["2016-10-05-review#2 KH"])
    }

    @Test func amendedSinceEvidenceFiresOnceTheRevisionIsPast() throws {
        let finding = AmendedSinceEvidence(
            commitment: QualifiedID("tip-2005#4.1")!, clause: "4.1", revisionDate: CalendarDate("2018-01-01")!,
            revision: "tip-2005@2018-01-01", languages: ["en"], latestEvidenceDate: CalendarDate("2016-10-05")!,
            latestEvidence: RecordID("ev-2016-review")!)
        #expect(try gaps(.valid, at: "2018-06-01", rule: .amendedSinceEvidence, amended: [finding]) == ["tip-2005#4.1 both"])
        #expect(try gaps(.valid, at: "2017-06-01", rule: .amendedSinceEvidence, amended: [finding]).isEmpty)
    }

    @Test func reviewOverdueFiresForMissedReviewsOnly() throws {
        let found = try gaps(.valid, at: "2017-01-01", rule: .reviewOverdue)
        #expect(found.contains("tip-2005/annual@2007-10-10 both"))
        #expect(!found.contains { $0.hasPrefix("tip-2005/annual@2016-10-10") })  // held by 2016-10-05-review
        #expect(!found.contains { $0.hasPrefix("tip-2005/annual@2016-") })
    }

    @Test func scheduleHoldsWithinToleranceAndListsWhatFallsDue() throws {
        let snapshot = try TrackerFixture.valid.snapshot()
        let state = TrackerState(snapshot, asOf: CalendarDate("2017-01-01")!)
        let schedule = ReviewSchedule(snapshot: snapshot, state: state, horizonMonths: 12)
        let held = schedule.reviews.first { $0.id == "tip-2005/annual@2016-10-10" }
        #expect(held?.standing == .held)
        #expect(held?.meeting?.rawValue == "2016-10-05-review")
        let next = schedule.upcoming.first
        #expect(next?.date == CalendarDate("2017-10-10"))
        #expect(next?.dueBefore.contains { $0.target.description == "tip-2005#4.2" && $0.date == CalendarDate("2017-01-31") } == true)
        #expect(next?.dueBefore.contains { $0.target.description == "plan-2017-2020#1.1" } == true)
    }

    @Test func failOnComparesSeverities() throws {
        let snapshot = try TrackerFixture.valid.snapshot()
        let state = TrackerState(snapshot, asOf: CalendarDate("2017-01-01")!)
        let report = GapReport(snapshot: snapshot, state: state, schedule: ReviewSchedule(snapshot: snapshot, state: state),
                               filter: .init(rules: [.uncovered]))
        #expect(report.hasGap(atLeast: .low))
        #expect(!report.hasGap(atLeast: .medium))
    }
}
