public import AccordCore
import Foundation

/// The review schedule as an RFC 5545 calendar that calendar programs import: one all-day
/// event per review, with a UID stable across runs (built from the instrument, the cycle
/// and the scheduled date), CRLF line ends, text escaped and lines folded at 75 octets.
///
/// `DTSTAMP` is required by the standard; it is the as-of date at midnight UTC, not the
/// time of the run, so the same schedule gives the same file.
public struct ICalendarRenderer: Sendable {
    /// The tracker's name, for the calendar's name.
    public var calendarName: String
    /// Party names, for the host.
    public var partyNames: [PartyCode: String]

    /// A renderer.
    public init(calendarName: String, partyNames: [PartyCode: String] = [:]) {
        self.calendarName = calendarName
        self.partyNames = partyNames
    }

    /// The calendar text.
    public func render(_ schedule: ReviewSchedule) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//accord//review schedule//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape("\(calendarName): reviews"),
        ]
        let stamp = Self.compact(schedule.asOf) + "T000000Z"
        for review in schedule.reviews {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + Self.uid(review),
                "DTSTAMP:" + stamp,
                // A review known only by its month or year spans it: iCalendar dates are days.
                "DTSTART;VALUE=DATE:" + Self.compact(review.date.firstDay),
                "DTEND;VALUE=DATE:" + Self.compact(review.date.lastDay.adding(days: 1)),
                "SUMMARY:" + Self.escape(ScheduleLayout.eventSummary(review)),
                "DESCRIPTION:" + Self.escape(ScheduleLayout.eventDescription(review, partyNames: partyNames)),
                "CATEGORIES:" + Self.escape(review.standing.rawValue),
                "STATUS:" + (review.standing == .upcoming || review.standing == .due ? "TENTATIVE" : "CONFIRMED"),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `tip-2005.annual.2019-10-10@accord`: the review's id with the separators iCalendar
    /// readers treat specially replaced.
    public static func uid(_ review: ReviewSchedule.Review) -> String {
        "\(review.instrument).\(review.cycle).\(review.date)@accord"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
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
