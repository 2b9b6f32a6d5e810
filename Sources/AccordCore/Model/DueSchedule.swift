/// When something falls due: once, or every so many months from a first date, optionally
/// until an end date. Used by commitments, decisions and review cycles.
public struct DueSchedule: Sendable, Hashable, Codable {
    /// The first (or only) due date.
    public var first: CalendarDate
    /// The recurrence in months, or nil when it falls due once.
    public var everyMonths: Int?
    /// The last day a recurrence may fall on.
    public var until: CalendarDate?

    /// Creates a schedule.
    public init(first: CalendarDate, everyMonths: Int? = nil, until: CalendarDate? = nil) {
        self.first = first
        self.everyMonths = everyMonths
        self.until = until
    }

    /// The due dates on or before `date`, oldest first. Each occurrence is counted from
    /// `first` (not from the previous one) so month-end dates do not drift.
    public func dates(through date: CalendarDate) -> [CalendarDate] {
        var result: [CalendarDate] = []
        var index = 0
        while let next = occurrence(index), next <= date {
            result.append(next)
            index += 1
        }
        return result
    }

    /// The first due date after `date`, if any.
    public func next(after date: CalendarDate) -> CalendarDate? {
        var index = 0
        while let candidate = occurrence(index) {
            if candidate > date { return candidate }
            index += 1
        }
        return nil
    }

    /// The occurrence number `index` (0 is `first`), or nil past the end.
    private func occurrence(_ index: Int) -> CalendarDate? {
        guard index == 0 || everyMonths != nil else { return nil }
        let date = first.adding(months: index * (everyMonths ?? 0))
        if let until, until.isPassed(on: date) { return nil }
        return date
    }
}
