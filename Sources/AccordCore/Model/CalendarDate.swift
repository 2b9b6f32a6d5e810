/// A day in the proleptic Gregorian calendar, with no time and no time zone; or, where the
/// source gives no day, a month (`2019-10`) or a year (`2019`), kept and shown as written.
///
/// The facts accord records (a signing, a report, a due date) happen on a day as the
/// officials wrote it; converting through a time zone could move them to another day.
///
/// One rule compares partial dates, here and nowhere else (docs/formats.md, "Partial
/// dates"): a partial date stands for its whole month or year. It has happened by a day
/// once its first day has come, so it orders as its first day, before the full dates of
/// that day (`2019` < `2019-01` < `2019-01-01`); as a deadline it passes only after its
/// last day (``isPassed(on:)``, ``lastDay``). Arithmetic (months and days between dates)
/// counts from the first day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// How much of the date the source gave.
    public enum Precision: Int, Sendable, Hashable, Comparable, Codable {
        /// Only the year: `2019`.
        case year
        /// The year and month: `2019-10`.
        case month
        /// The day: `2019-10-17`.
        case day

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12; 1 when only the year is known.
    public let month: Int
    /// The day of the month, 1 to the month's length; 1 when only the year or month is known.
    public let day: Int
    /// How much of the date was written.
    public let precision: Precision

    /// Creates a date from its parts, or nil when the day does not exist (2019-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.length(ofMonth: month, in: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        precision = .day
    }

    /// A partial date: a whole year (`month` nil) or a whole month; nil when out of range.
    public init?(year: Int, month: Int?) {
        guard (1...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true else { return nil }
        self.year = year
        self.month = month ?? 1
        day = 1
        precision = month == nil ? .year : .month
    }

    /// Parses exactly `yyyy-mm-dd`, a day: what a user gives on the command line (`--date`,
    /// `--as-of`). Anything else, a partial date included, or a day that does not exist, is nil.
    public init?(_ text: String) {
        guard let date = CalendarDate(written: text), date.precision == .day else { return nil }
        self = date
    }

    /// Parses a date as a source may write it: `yyyy-mm-dd`, `yyyy-mm` or `yyyy`; nil for
    /// anything else or a day that does not exist.
    public init?(written text: String) {
        let bytes = Array(text.utf8)
        guard [4, 7, 10].contains(bytes.count) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            if range.lowerBound > 0 && bytes[range.lowerBound - 1] != UInt8(ascii: "-") { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        if bytes.count == 4 { self.init(year: year, month: nil); return }
        guard let month = number(5..<7) else { return nil }
        if bytes.count == 7 { self.init(year: year, month: month); return }
        guard let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as written: `yyyy-mm-dd`, `yyyy-mm` or `yyyy`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        switch precision {
        case .year: return pad(year, 4)
        case .month: return "\(pad(year, 4))-\(pad(month, 2))"
        case .day: return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
    }

    /// Whether the source gave no day.
    public var isPartial: Bool { precision != .day }

    /// The first day the date stands for (itself when it is a day).
    public var firstDay: CalendarDate {
        isPartial ? CalendarDate(year: year, month: month, day: 1)! : self
    }

    /// The last day the date stands for: 31 December of a year, a month's last day.
    public var lastDay: CalendarDate {
        switch precision {
        case .day: self
        case .month: CalendarDate(year: year, month: month, day: Self.length(ofMonth: month, in: year))!
        case .year: CalendarDate(year: year, month: 12, day: 31)!
        }
    }

    /// Whether all of this date is before all of `date`: its last day is before `date`'s
    /// first. How partial dates are ordered in every check: a period from 2017-03-01 may end
    /// in `2017`, not in `2016`; evidence of `2005` may support an agreement signed in 2005.
    public func isWhollyBefore(_ date: CalendarDate) -> Bool {
        lastDay < date.firstDay
    }

    /// Whether this date, read as a deadline, has passed on `date` (``isWhollyBefore(_:)``):
    /// a due date of `2019` has passed on 2020-01-01, not before.
    public func isPassed(on date: CalendarDate) -> Bool {
        isWhollyBefore(date)
    }

    /// Whether `date` (a day or a partial date) falls within the days this date stands for.
    public func contains(_ date: CalendarDate) -> Bool {
        firstDay <= date.firstDay && date.lastDay <= lastDay
    }

    /// Orders by first day; a coarser date comes before a finer one with the same first day.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.precision.rawValue) < (rhs.year, rhs.month, rhs.day, rhs.precision.rawValue)
    }

    /// The date `months` calendar months later; a day past the end of the target month
    /// becomes its last day (2019-01-31 plus one month is 2019-02-28). A month stays a
    /// month; a year stays a year when `months` is whole years, else becomes a month. Past
    /// the calendar's ends (years 1 and 9999) it stops at the first or last day, so no count
    /// of months read from a file can overflow.
    public func adding(months: Int) -> CalendarDate {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months > 0 ? Self.last : Self.first }
        if index > 9999 * 12 + 11 { return Self.last }
        if index < 12 { return Self.first }
        let newYear = index / 12
        let newMonth = index % 12 + 1
        switch precision {
        case .year where months % 12 == 0: return CalendarDate(year: newYear, month: nil) ?? self
        case .year, .month: return CalendarDate(year: newYear, month: newMonth) ?? self
        case .day:
            let newDay = min(day, Self.length(ofMonth: newMonth, in: newYear))
            return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
        }
    }

    /// The first and last days accord can write, 0001-01-01 and 9999-12-31.
    public static let first = CalendarDate(year: 1, month: 1, day: 1)!
    public static let last = CalendarDate(year: 9999, month: 12, day: 31)!

    /// The day a moment falls on, `secondsSince1970` (Unix time) read `offsetMinutes` east of
    /// UTC. Plain arithmetic on the proleptic Gregorian calendar (400-year eras of 146,097
    /// days, years counted from March so the leap day comes last): a `Calendar` per commit
    /// cost kilobytes and microseconds each over 50,000 commits.
    /// A commit's time comes from whoever made it: one outside years 1 to 9999 gives the
    /// calendar's first or last day.
    public init(secondsSince1970: Int, offsetMinutes: Int) {
        // Clamped to ±10^14 s (about three million years), beyond any date accord writes.
        let limit = 100_000_000_000_000
        let seconds = max(-limit, min(limit, secondsSince1970)) + max(-100_000, min(100_000, offsetMinutes)) * 60
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        self.init(dayNumber: days + 719_468)  // 1970-01-01 is day 719,468 since 0000-03-01
    }

    /// The day `days` after this date's first day (earlier when negative), stopping at the
    /// calendar's ends.
    public func adding(days: Int) -> CalendarDate {
        let (number, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? (days > 0 ? Self.last : Self.first) : CalendarDate(dayNumber: number)
    }

    /// The date of a ``dayNumber``, or the calendar's first or last day beyond them.
    private init(dayNumber shifted: Int) {
        if shifted < Self.first.dayNumber { self = Self.first; return }
        if shifted > Self.last.dayNumber { self = Self.last; return }
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self = CalendarDate(year: year, month: month, day: day)!
    }

    /// The number of days from this date to `other` (negative when `other` is earlier),
    /// first day to first day.
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar, for differences.
    private var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// Whether `year` has 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    public static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(written: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: L10n.english("{1} is not a date (yyyy-mm-dd, yyyy-mm or yyyy)", text))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
