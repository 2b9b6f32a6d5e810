import AccordCore
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["2019-02-30", "2019-13-01", "2019-00-10", "2019-2-3", "19-02-03", "2019/02/03", " 2019-02-03", "2019-02-03T00:00"])
    func rejectsWhatIsNotADay(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func acceptsLeapDaysOnlyInLeapYears() {
        #expect(CalendarDate("2020-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2019-02-29") == nil)
    }

    @Test func printsWhatItParses() {
        #expect(CalendarDate("2005-10-10")?.description == "2005-10-10")
    }

    @Test func ordersByDay() throws {
        let early = try #require(CalendarDate("2012-09-28"))
        let late = try #require(CalendarDate("2013-01-01"))
        #expect(early < late)
        #expect(early.days(until: late) == 95)
    }

    @Test func addingMonthsKeepsTheDayOrTheMonthEnd() throws {
        let date = try #require(CalendarDate("2019-01-31"))
        #expect(date.adding(months: 1).description == "2019-02-28")
        #expect(date.adding(months: 13).description == "2020-02-29")
        #expect(date.adding(months: 12).description == "2020-01-31")
    }

    @Test func recurrencesCountFromTheFirstDate() throws {
        let schedule = DueSchedule(first: try #require(CalendarDate("2019-01-31")), everyMonths: 1,
                                   until: CalendarDate("2019-04-30"))
        let dates = schedule.dates(through: try #require(CalendarDate("2030-01-01"))).map(\.description)
        #expect(dates == ["2019-01-31", "2019-02-28", "2019-03-31", "2019-04-30"])
    }
}

@Suite struct IdentifierTests {
    @Test func qualifiedIDsParseAndPrint() throws {
        let id = try #require(QualifiedID("tip-2005#7.2"))
        #expect(id.owner == "tip-2005")
        #expect(id.local == "7.2")
        #expect(id.description == "tip-2005#7.2")
    }

    @Test(arguments: ["tip-2005", "Tip-2005#7", "tip-2005#", "#7", "tip-2005#7..2", "tip 2005#7", "tip-2005#7#2",
                      "tip-2005#\u{301}7", "tỉp-2005#7", "tip-2005#7\u{301}", ""])
    func malformedQualifiedIDsAreRejected(_ text: String) {
        #expect(QualifiedID(text) == nil)
    }

    @Test func localIDsSortNumerically() throws {
        let ids = ["tip-2005#10", "tip-2005#2.1", "tip-2005#2", "tip-2005#2.10", "tip-2005#2.9"].compactMap(QualifiedID.init)
        #expect(ids.sorted().map(\.local) == ["2", "2.1", "2.9", "2.10", "10"])
    }

    @Test func partiesAreTwoCapitals() {
        #expect(PartyCode("VN") != nil)
        #expect(PartyCode("vn") == nil)
        #expect(PartyCode("VNM") == nil)
    }

    /// The day of a moment, by arithmetic, agrees with Foundation's Gregorian calendar in
    /// the moment's own zone: across leap days, year ends, negative and positive offsets,
    /// before 1970, and every 7 hours 13 minutes over fifty years.
    @Test func theDayOfAMomentAgreesWithFoundation() {
        let offsets = [-720, -300, 0, 330, 420, 840]
        var moments = [-86_401, -1, 0, 1, 951_782_399, 951_782_400, 1_582_934_400, 1_709_164_800, 4_102_444_799]
        moments += Array(stride(from: 0, to: 1_600_000_000, by: 25_980))
        for seconds in moments {
            for offset in offsets {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(secondsFromGMT: offset * 60)!
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
                let expected = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
                let computed = CalendarDate(secondsSince1970: seconds, offsetMinutes: offset)
                guard computed == expected else {
                    Issue.record("\(seconds) at \(offset) min: \(computed) but Foundation says \(String(describing: expected))")
                    return
                }
            }
        }
    }

    /// Adding days walks the calendar one day at a time: month ends, leap days (2000 and
    /// 2024 are leap years, 1900 and 2100 are not), year ends, and back again.
    @Test func addingDaysWalksTheCalendar() throws {
        func nextDay(_ date: CalendarDate) -> CalendarDate {
            if date.day < CalendarDate.length(ofMonth: date.month, in: date.year) {
                return CalendarDate(year: date.year, month: date.month, day: date.day + 1)!
            }
            return date.month < 12 ? CalendarDate(year: date.year, month: date.month + 1, day: 1)! : CalendarDate(year: date.year + 1, month: 1, day: 1)!
        }
        for start in ["1899-12-20", "1999-12-20", "2023-12-20", "2099-12-20"] {
            let first = try #require(CalendarDate(start))
            var expected = first
            for days in 0...800 {
                #expect(first.adding(days: days) == expected, "\(start) + \(days)")
                #expect(expected.adding(days: -days) == first, "\(expected) - \(days)")
                #expect(first.days(until: expected) == days)
                expected = nextDay(expected)
            }
        }
    }
}

@Suite struct PartialDateTests {
    @Test(arguments: ["2019", "2019-10", "2019-10-17", "2020-02"])
    func keepsWhatWasWritten(_ text: String) throws {
        let date = try #require(CalendarDate(written: text))
        #expect(date.description == text)
        #expect(date.isPartial == (text.count < 10))
    }

    @Test(arguments: ["2019", "2019-10"])
    func aDayIsRequiredWhereAUserGivesOne(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test(arguments: ["201", "2019-1", "2019-13", "2019-00", "2019-10-", "2019/10", "20191"])
    func refusesWhatIsNoDate(_ text: String) {
        #expect(CalendarDate(written: text) == nil)
    }

    @Test func standsForItsWholePeriod() throws {
        let year = try #require(CalendarDate(written: "2019"))
        let february = try #require(CalendarDate(written: "2020-02"))
        #expect(year.firstDay.description == "2019-01-01" && year.lastDay.description == "2019-12-31")
        #expect(february.firstDay.description == "2020-02-01" && february.lastDay.description == "2020-02-29")
        #expect(year.contains(try #require(CalendarDate("2019-06-30"))))
        #expect(!year.contains(try #require(CalendarDate("2020-01-01"))))
    }

    @Test func happensByItsFirstDayAndPassesAfterItsLast() throws {
        let year = try #require(CalendarDate(written: "2019"))
        let newYear = try #require(CalendarDate("2019-01-01"))
        let lastDay = try #require(CalendarDate("2019-12-31"))
        // Ordered as its first day, before the full dates of that day.
        #expect(year < newYear && year <= lastDay && !(year > newYear))
        #expect(try #require(CalendarDate(written: "2019-01")) > year)
        #expect(try #require(CalendarDate("2018-12-31")) < year)
        // As a deadline it has passed only once its last day is over.
        #expect(!year.isPassed(on: lastDay))
        #expect(year.isPassed(on: try #require(CalendarDate("2020-01-01"))))
        #expect(year != newYear)
    }

    @Test func recurrencesKeepThePrecision() throws {
        let schedule = DueSchedule(first: try #require(CalendarDate(written: "2019")), everyMonths: 12,
                                   until: CalendarDate(written: "2021"))
        #expect(schedule.dates(through: try #require(CalendarDate("2030-01-01"))).map(\.description) == ["2019", "2020", "2021"])
        #expect(try #require(CalendarDate(written: "2019-11")).adding(months: 3).description == "2020-02")
    }

    @Test func codesAsWrittenInJSON() throws {
        let dates = try ["2019", "2019-10", "2019-10-17"].map { try #require(CalendarDate(written: $0)) }
        let data = try JSONEncoder().encode(dates)
        #expect(String(decoding: data, as: UTF8.self) == #"["2019","2019-10","2019-10-17"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == dates)
    }

    /// A period ends before it starts only when all of its end is before all of its start:
    /// a plan item from 2017-03-01 may end in `2017`, not in `2016`.
    @Test func aPeriodEndsBeforeItStartsOnlyWhenAllOfItsEndIsBefore() throws {
        func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(written: text)) }
        #expect(try !date("2017").isWhollyBefore(date("2017-03-01")))
        #expect(try !date("2017-03").isWhollyBefore(date("2017-03-31")))
        #expect(try !date("2017-01-31").isWhollyBefore(date("2017")))
        #expect(try date("2016").isWhollyBefore(date("2017-03-01")))
        #expect(try date("2017-02").isWhollyBefore(date("2017-03-01")))
        #expect(try date("2017-02-28").isWhollyBefore(date("2017-03-01")) && !date("2017-03-01").isWhollyBefore(date("2017-03-01")))

        var fixture = TrackerFixture.valid
        let plan = try #require(fixture["Plans/plan-2017-2020.yaml"])
        fixture["Plans/plan-2017-2020.yaml"] = plan.replacingOccurrences(of: "start: 2017-01-01", with: "start: 2017-03-01")
            .replacingOccurrences(of: "end: 2017-06-30", with: "end: \"2017\"")
        #expect(fixture["Plans/plan-2017-2020.yaml"] != plan)
        #expect(try fixture.problems() == [])
        fixture["Plans/plan-2017-2020.yaml"] = plan.replacingOccurrences(of: "end: 2017-06-30", with: "end: \"2016\"")
        #expect(try fixture.problems().contains { $0.contains("the item ends before it starts") })
    }
}
