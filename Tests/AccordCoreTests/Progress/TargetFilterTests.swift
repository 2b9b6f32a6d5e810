import AccordCore
import Testing

/// `TargetFilter` on the small in-memory tracker at 2016-10-05, the day VN reported
/// tip-2005#4.1 implemented. Targets: tip-2005#4.1 (each party, due 2006-03-31), #4.2
/// (joint, yearly from 2007-01-31), #5.1 (VN only), plan-2017-2020#1.1 (VN lead, ends
/// 2017-06-30) and the meeting decision 2016-10-05-review#2 (due 2017-12-31).
@Suite struct TargetFilterTests {
    let state: TrackerState

    init() throws {
        let snapshot = try TrackerFixture.valid.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        state = TrackerState(snapshot, asOf: try #require(CalendarDate("2016-10-05")))
    }

    /// The ids `filter` lets through, in the state's order.
    func admitted(_ filter: TargetFilter) -> [String] {
        state.targets.filter(filter.admits).map(\.target.id.description)
    }

    func party(_ code: String) throws -> PartyCode { try #require(PartyCode(code)) }

    @Test func noFilterLetsEveryTargetThrough() {
        #expect(admitted(TargetFilter()) == state.targets.map(\.target.id.description))
        #expect(Set(admitted(TargetFilter())) == ["tip-2005#4.1", "tip-2005#4.2", "tip-2005#5.1",
                                                  "plan-2017-2020#1.1", "2016-10-05-review#2"])
    }

    @Test func anOwnerOrAnAreaKeepsTheirTargets() throws {
        #expect(Set(admitted(TargetFilter(owner: "tip-2005"))) == ["tip-2005#4.1", "tip-2005#4.2", "tip-2005#5.1"])
        let area = try #require(QualifiedID("plan-2017-2020#1"))
        #expect(admitted(TargetFilter(area: area)) == ["plan-2017-2020#1.1"])
        #expect(admitted(TargetFilter(owner: "crime-1997")).isEmpty)
    }

    @Test func withAPartyOnlyThatPartysStandingCounts() throws {
        // Without a party, any party at the status will do.
        #expect(admitted(TargetFilter(status: .implemented)) == ["tip-2005#4.1"])
        #expect(admitted(TargetFilter(status: .implemented, party: try party("VN"))) == ["tip-2005#4.1"])
        #expect(admitted(TargetFilter(status: .implemented, party: try party("KH"))).isEmpty)
        // A target that does not bind the party is left out.
        #expect(!admitted(TargetFilter(party: try party("KH"))).contains("tip-2005#5.1"))
        #expect(admitted(TargetFilter(party: try party("VN"))).contains("tip-2005#5.1"))
    }

    @Test func overdueLooksAtTheGivenPartyOnly() throws {
        // 4.1 was due 2006-03-31: VN settled it on 2016-10-05, KH never reported.
        #expect(admitted(TargetFilter(overdue: true)).contains("tip-2005#4.1"))
        #expect(admitted(TargetFilter(party: try party("KH"), overdue: true)).contains("tip-2005#4.1"))
        #expect(!admitted(TargetFilter(party: try party("VN"), overdue: true)).contains("tip-2005#4.1"))
        // Not due yet: never overdue.
        #expect(!admitted(TargetFilter(overdue: true)).contains("2016-10-05-review#2"))
    }

    @Test func agencyMatchesAPartOfTheNameInAnyCase() throws {
        #expect(admitted(TargetFilter(agency: "PUBLIC security")) == ["plan-2017-2020#1.1"])
        #expect(admitted(TargetFilter(party: try party("KH"), agency: "public security")).isEmpty)
        #expect(admitted(TargetFilter(agency: "ministry of justice")).isEmpty)
    }

    @Test func dueBeforeTakesTheFirstDueDateOrAnItemsEnd() throws {
        func due(before text: String) throws -> Set<String> {
            let date = try #require(CalendarDate(text))
            return Set(admitted(TargetFilter(dueBefore: date)))
        }
        #expect(try due(before: "2006-03-31").isEmpty)  // strictly before
        #expect(try due(before: "2006-04-01") == ["tip-2005#4.1"])
        #expect(try due(before: "2017-07-01") == ["tip-2005#4.1", "tip-2005#4.2", "plan-2017-2020#1.1"])
        #expect(try due(before: "2018-01-01") == ["tip-2005#4.1", "tip-2005#4.2", "plan-2017-2020#1.1", "2016-10-05-review#2"])
    }

    @Test func everyGivenFilterMustHold() throws {
        #expect(admitted(TargetFilter(status: .implemented, owner: "plan-2017-2020")).isEmpty)
        let date = try #require(CalendarDate("2008-01-01"))
        #expect(admitted(TargetFilter(party: try party("VN"), overdue: true, dueBefore: date, owner: "tip-2005")) == ["tip-2005#4.2"])
    }
}
