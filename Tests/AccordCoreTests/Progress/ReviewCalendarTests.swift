import AccordCore
import Foundation
import Testing

/// `ReviewCalendar` on the small in-memory tracker: tip-2005 has an annual review from
/// 2006-10-10 and (added here) a one-off on 2010-10-10; the plan (added here) a mid-term
/// review on 2019-03-31 and a half-yearly one from 2017-06-30 until 2018-06-30.
@Suite struct ReviewCalendarTests {
    let calendar: ReviewCalendar

    init() throws {
        var fixture = TrackerFixture.valid
        fixture["Agreements/tip-2005/instrument.yaml"] = TrackerFixture.instrument.replacingFirst(
            "commitments:", with: """
              - id: special
                title: Special review
                on: 2010-10-10
            commitments:
            """)
        fixture["Plans/plan-2017-2020.yaml"] = TrackerFixture.plan.replacingFirst(
            "areas:", with: """
            review-cycles:
              - id: mid-term
                title: Mid-term review
                on: 2019-03-31
              - id: half-yearly
                title: Half-yearly review
                every-months: 6
                from: 2017-06-30
                until: 2018-06-30
            areas:
            """)
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        calendar = ReviewCalendar(snapshot)
    }

    func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    /// `owner/cycle@date` of each review.
    func names(_ reviews: [ReviewCalendar.Review]) -> [String] { reviews.map { "\($0.owner)/\($0.cycle)@\($0.date)" } }

    @Test func everyCycleOfInstrumentsAndPlansIsKnown() {
        #expect(calendar.cycles.map { "\($0.owner)/\($0.cycle.id)" }
            == ["tip-2005/annual", "tip-2005/special", "plan-2017-2020/mid-term", "plan-2017-2020/half-yearly"])
    }

    @Test func upcomingListsEachCyclesNextDateSoonestFirst() throws {
        #expect(names(calendar.upcoming(after: try date("2010-01-01")))
            == ["tip-2005/annual@2010-10-10", "tip-2005/special@2010-10-10", "plan-2017-2020/half-yearly@2017-06-30",
                "plan-2017-2020/mid-term@2019-03-31"])
        let review = try #require(calendar.upcoming(after: try date("2010-01-01")).first)
        #expect(review.title == "Annual review")
    }

    @Test func theNextDateIsStrictlyAfterTheDay() throws {
        // On the day of a review it is not upcoming any more.
        #expect(calendar.next(after: try date("2010-10-09"), owner: "tip-2005")?.date.description == "2010-10-10")
        #expect(calendar.next(after: try date("2010-10-10"), owner: "tip-2005")?.date.description == "2011-10-10")
    }

    @Test func aOneOffOrAFinishedCycleDropsOutOnceItsDatesPass() throws {
        #expect(names(calendar.upcoming(after: try date("2018-01-01"), owner: "plan-2017-2020"))
            == ["plan-2017-2020/half-yearly@2018-06-30", "plan-2017-2020/mid-term@2019-03-31"])
        #expect(names(calendar.upcoming(after: try date("2018-06-30"), owner: "plan-2017-2020"))
            == ["plan-2017-2020/mid-term@2019-03-31"])
        #expect(calendar.upcoming(after: try date("2019-03-31"), owner: "plan-2017-2020").isEmpty)
        #expect(calendar.next(after: try date("2019-03-31"), owner: "plan-2017-2020") == nil)
        // The annual cycle has no end.
        #expect(calendar.next(after: try date("2050-01-01"))?.date.description == "2050-10-10")
    }

    @Test func anOwnerWithoutCyclesHasNoReview() throws {
        #expect(calendar.upcoming(after: try date("2010-01-01"), owner: "2016-10-05-review").isEmpty)
        #expect(ReviewCalendar(try TrackerFixture([:]).snapshot()).next(after: try date("2010-01-01")) == nil)
    }
}

extension String {
    /// The text with the first `target` replaced by `replacement`.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
