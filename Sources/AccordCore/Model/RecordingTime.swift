public import Foundation

/// When accord wrote a record, to the millisecond in UTC: `2026-12-05T02:51:03.120Z`.
///
/// A status report's date is the day its status is true from, and several reports may share
/// a day (a mistake, then its correction). Their order is the order they were recorded in,
/// which this gives without reading the repository's history: the text sorts as the time does.
public struct RecordingTime: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The time as written, `yyyy-mm-ddThh:mm:ss.sssZ`.
    public let text: String

    /// Accepts exactly `yyyy-mm-ddThh:mm:ss.sssZ` with a real day and time; else nil.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22]
        let marks: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")]
        guard bytes.count == 24, digits.allSatisfy({ (48...57).contains(bytes[$0]) }),
              marks.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }),
              CalendarDate(String(text.prefix(10))) != nil else { return nil }
        func number(_ at: Int) -> Int { Int(bytes[at] - 48) * 10 + Int(bytes[at + 1] - 48) }
        guard number(11) < 24, number(14) < 60, number(17) < 60 else { return nil }
        self.text = text
    }

    /// A time known to be well formed (read back from what accord wrote and checked).
    init(unchecked text: String) { self.text = text }

    /// The time of `date` (its milliseconds, in UTC).
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        text = "\(pad(parts.year!, 4))-\(pad(parts.month!, 2))-\(pad(parts.day!, 2))T"
            + "\(pad(parts.hour!, 2)):\(pad(parts.minute!, 2)):\(pad(parts.second!, 2)).\(pad(milliseconds, 3))Z"
    }

    /// The time as a `Date`.
    public var date: Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    /// The time one millisecond later.
    public var next: RecordingTime { RecordingTime(date.addingTimeInterval(0.001)) }

    public var description: String { text }

    public static func < (lhs: RecordingTime, rhs: RecordingTime) -> Bool { lhs.text < rhs.text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = RecordingTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: L10n.english("{1} is not a recording time", text))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
