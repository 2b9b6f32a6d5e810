/// One period of a commitment or decision with a due date: the window in which the report
/// settling it is due, and the report that settled it, if any.
///
/// A one-off due date is one period, open from the start. A recurring one (`every-months`)
/// has a period per occurrence; each opens the day after the one before falls due. Each
/// period needs its own settling report (implemented or not-applicable): such a report
/// settles the earliest period still unsettled that has opened by its date, so a late
/// report settles one period only, and says by how many days it was late.
///
/// For a one-off due date, the latest report decides: a report that does not settle,
/// after one that did, opens the period again (a correction). For a recurring one, a report
/// that does not settle changes no period: it tells of work on the next one.
public struct ReportingPeriod: Sendable, Hashable {
    /// The day the settling report is due by.
    public let due: CalendarDate
    /// The first day of the window; nil for a first period, open from the start.
    public let opens: CalendarDate?
    /// The date of the report that settled it.
    public private(set) var settledOn: CalendarDate?
    /// Where that report is among the party's reports (``PartyProgress/reports``).
    public private(set) var settlingReport: Int?

    /// Whether a report settled it.
    public var isSettled: Bool { settlingReport != nil }

    /// How many days after the due date (its last day, for a month or a year) the settling
    /// report's date is; nil when on time or not settled.
    public var lateDays: Int? {
        guard let settledOn else { return nil }
        let days = due.lastDay.days(until: settledOn)
        return days > 0 ? days : nil
    }

    /// Whether its due date has passed on `date` with no report settling it.
    public func isOverdue(on date: CalendarDate) -> Bool { !isSettled && due.isPassed(on: date) }

    /// The periods of `schedule` up to the first one due after `asOf`, settled by the
    /// reports whose heads are `heads` (in report order, dated by `asOf`).
    static func fold(_ heads: [ReportHead], schedule: DueSchedule, asOf: CalendarDate) -> [ReportingPeriod] {
        let dues = schedule.dates(through: asOf) + [schedule.next(after: asOf)].compactMap { $0 }
        var periods = dues.enumerated().map { index, due in
            ReportingPeriod(due: due, opens: index == 0 ? nil : dues[index - 1].lastDay.adding(days: 1))
        }
        let recurring = schedule.everyMonths != nil
        for (index, head) in heads.enumerated() {
            if head.status.isSettled {
                guard let open = periods.firstIndex(where: { !$0.isSettled && ($0.opens ?? head.date) <= head.date }) else { continue }
                periods[open].settledOn = head.date
                periods[open].settlingReport = index
            } else if !recurring, !periods.isEmpty {
                periods[0].settledOn = nil
                periods[0].settlingReport = nil
            }
        }
        return periods
    }
}
