public import AccordCore
import Foundation

/// The review schedule as an RFC 5545 calendar that calendar programs import: one all-day
/// event per review and one per deadline falling due before an upcoming review, with UIDs
/// stable across runs (built from the review or target and its date, in `uidDomain`), CRLF
/// line ends, text escaped and lines folded at 75 octets.
///
/// Upcoming reviews carry an alarm ``reviewAlarmDays`` before, deadlines ``deadlineAlarmDays``
/// before; a missed review is `STATUS:CANCELLED`. `DTSTAMP` and `LAST-MODIFIED` are the
/// as-of date at midnight UTC, not the time of the run, so the same schedule gives the same
/// file; `SEQUENCE` is the number of days from 2000-01-01 to the as-of date, so a calendar
/// program that imported an earlier file takes a later one's events as updates.
public struct ICalendarRenderer: Sendable {
    /// The tracker's name, for the calendar's name.
    public var calendarName: String
    /// Party names, for the host.
    public var partyNames: [PartyCode: String]
    /// The domain the UIDs end in (`mps.gov.vn`): one the tracker's keepers control, so
    /// UIDs never collide with another calendar's.
    public var uidDomain: String

    /// How many days before a review, and before a deadline, the alarm goes off.
    public static let reviewAlarmDays = 30, deadlineAlarmDays = 14
    /// The domain when none is given: reserved, so it never names anyone else's host.
    public static let defaultDomain = "accord.invalid"

    /// A renderer.
    public init(calendarName: String, partyNames: [PartyCode: String] = [:], uidDomain: String = ICalendarRenderer.defaultDomain) {
        self.calendarName = calendarName
        self.partyNames = partyNames
        self.uidDomain = uidDomain
    }

    /// The calendar text.
    public func render(_ schedule: ReviewSchedule) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//accord//review schedule//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("\(calendarName): reviews and deadlines"),
        ]
        // What the marks in the events' titles mean, for a reader of the calendar.
        if let notice = schedule.notice { lines.append("X-WR-CALDESC:" + Self.escape(notice.text)) }
        let stamp = Self.compact(schedule.asOf) + "T000000Z"
        let sequence = String(max(0, CalendarDate(year: 2000, month: 1, day: 1)!.days(until: schedule.asOf)))
        func alarm(days: Int, _ text: String) -> [String] {
            ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(days)D", "DESCRIPTION:" + Self.escape(text), "END:VALARM"]
        }
        for review in schedule.reviews {
            let ahead = review.standing == .upcoming || review.standing == .due
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid(review),
                "DTSTAMP:" + stamp,
                "LAST-MODIFIED:" + stamp,
                "SEQUENCE:" + sequence,
                // A review known only by its month or year spans it: iCalendar dates are days.
                "DTSTART;VALUE=DATE:" + Self.compact(review.date.firstDay),
                "DTEND;VALUE=DATE:" + Self.compact(review.date.lastDay.adding(days: 1)),
                "SUMMARY:" + Self.escape(ScheduleLayout.eventSummary(review)),
                "DESCRIPTION:" + Self.escape(ScheduleLayout.eventDescription(review, partyNames: partyNames)),
                "CATEGORIES:" + Self.escape(review.standing.rawValue),
                "STATUS:" + (review.standing == .missed ? "CANCELLED" : ahead ? "TENTATIVE" : "CONFIRMED"),
                "TRANSP:TRANSPARENT",
            ]
            if review.standing == .upcoming {
                lines += alarm(days: Self.reviewAlarmDays, L10n.t("In {1} days: {2}", Self.reviewAlarmDays, ScheduleLayout.eventSummary(review)))
            }
            lines.append("END:VEVENT")
        }
        // Each deadline once, though several reviews may list it.
        var seen = Set<String>()
        for item in schedule.upcoming.flatMap(\.dueBefore) where seen.insert(uid(item)).inserted {
            let summary = L10n.t("Due: {1} {2}", item.target, item.summary) + ProvenanceNotice.suffix(item.marks)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + uid(item),
                "DTSTAMP:" + stamp,
                "LAST-MODIFIED:" + stamp,
                "SEQUENCE:" + sequence,
                "DTSTART;VALUE=DATE:" + Self.compact(item.date.firstDay),
                "DTEND;VALUE=DATE:" + Self.compact(item.date.lastDay.adding(days: 1)),
                "SUMMARY:" + Self.escape(summary),
                "DESCRIPTION:" + Self.escape(L10n.t("{1} falls due on {2} for {3}.", item.target, item.date,
                                                    item.parties.map { party in partyNames[party].map { "\($0) (\(party))" } ?? party.code }.joined(separator: ", "))),
                "CATEGORIES:deadline",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
            ] + alarm(days: Self.deadlineAlarmDays, L10n.t("In {1} days: {2}", Self.deadlineAlarmDays, summary)) + ["END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `tip-2005.annual.2019-10-10@accord.invalid`: the review's id with the separators
    /// iCalendar readers treat specially replaced.
    public func uid(_ review: ReviewSchedule.Review) -> String {
        "\(review.instrument).\(review.cycle).\(review.date)@\(uidDomain)"
    }

    /// `deadline.plan-2017-2020.3.2.2020-06-30@accord.invalid`.
    public func uid(_ item: ReviewSchedule.DueItem) -> String {
        "deadline.\(item.target.description.replacingOccurrences(of: "#", with: ".")).\(item.date)@\(uidDomain)"
    }

    /// Whether `text` can end a UID: a host name of letters, digits, hyphens and dots.
    public static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        // By scalars: a comma or semicolon carrying a combining mark is one Character, yet a
        // calendar reads the separator.
        // Scalars go in one at a time: the view's `append(contentsOf:)` copies all it holds.
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": "\\\\".unicodeScalars.forEach { result.append($0) }
            case ";": "\\;".unicodeScalars.forEach { result.append($0) }
            case ",": "\\,".unicodeScalars.forEach { result.append($0) }
            case "\n": "\\n".unicodeScalars.forEach { result.append($0) }
            // CR LF is one line break, written by its LF.
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Folds a content line (RFC 5545 3.1): at most 75 octets per line, continuation
    /// lines starting with a space, never splitting a UTF-8 sequence (nor a character).
    static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            let limit = lines.isEmpty ? 75 : 74  // the leading space of a continuation counts
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    static func compact(_ date: CalendarDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}
