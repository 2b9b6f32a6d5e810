internal import Foundation

/// How long the parties take to answer each other's requests (``CooperationRequest``): per
/// kind of request, party asked and year sent, how many were sent and answered, the median
/// days to answer, how many are still open and the oldest of them, at one date.
///
/// A date given only as a month or a year makes a request's days to answer a range (see
/// ``CooperationRequest/daysToAnswer``). The median is then a range too, and an exact one:
/// the median of the fewest days and the median of the most bound the true median. Open
/// requests count apart: their wait is not an answer time, and leaving them out of the
/// median is said beside it.
public struct RequestRegister: Sendable, Hashable, Codable {
    /// A number of days known within bounds (equal when the dates were days).
    public struct Days: Sendable, Hashable, Codable {
        /// The fewest days the dates allow.
        public let fewest: Double
        /// The most days the dates allow.
        public let most: Double

        /// Creates a range of days.
        public init(fewest: Double, most: Double) {
            self.fewest = fewest
            self.most = most
        }

        /// Whether the dates were exact enough to give one number.
        public var isExact: Bool { fewest == most }

        /// `41`, `40.5`, or `30–58` when the dates allow a range.
        public var text: String {
            func number(_ value: Double) -> String {
                value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
            }
            return isExact ? number(fewest) : "\(number(fewest))–\(number(most))"
        }
    }

    /// The oldest request still open in a row.
    public struct OpenRequest: Sendable, Hashable, Codable {
        /// Its id.
        public let id: RecordID
        /// The sending authority's reference.
        public let reference: String
        /// When it was sent.
        public let sent: CalendarDate
        /// How long it has waited on the register's date.
        public let days: Days
    }

    /// One kind of request, one party asked, one year sent.
    public struct Row: Sendable, Hashable, Codable {
        /// What was asked.
        public let kind: CooperationRequest.Kind
        /// The party that sent the requests.
        public let from: PartyCode
        /// The party asked, whose answers are measured.
        public let to: PartyCode
        /// The year they were sent.
        public let year: Int
        /// How many were sent.
        public let sent: Int
        /// How many were answered by the register's date.
        public let answered: Int
        /// The median days to answer, over the answered ones; nil when none was answered.
        public let medianDays: Days?
        /// How many answered ones have a month or year for a date (their days are a range).
        public let approximate: Int
        /// How many are still open.
        public let open: Int
        /// The one that has waited longest, when any is open.
        public let oldestOpen: OpenRequest?
        /// How many answers had each outcome, by outcome name.
        public let outcomes: [String: Int]
        /// The marks of its requests (illustrative when any of them is).
        public let marks: [ProvenanceMark]
    }

    /// The date the register stands at.
    public let asOf: CalendarDate
    /// The rows, by kind, party asked, party asking and year.
    public let rows: [Row]
    /// How many requests were sent by the date, in all.
    public let total: Int

    /// The register of `requests` on `date`: requests sent after it are left out, and an
    /// answer dated after it does not count yet.
    public init(_ requests: [CooperationRequest], asOf date: CalendarDate) {
        asOf = date
        let sent = requests.filter { $0.sent.firstDay <= date }
        total = sent.count
        struct Key: Hashable, Comparable {
            let kind: Int, to: PartyCode, from: PartyCode, year: Int
            static func < (a: Key, b: Key) -> Bool { (a.kind, a.to, a.from, a.year) < (b.kind, b.to, b.from, b.year) }
        }
        let kinds = CooperationRequest.Kind.allCases
        let groups = Dictionary(grouping: sent) {
            Key(kind: kinds.firstIndex(of: $0.kind)!, to: $0.to, from: $0.from, year: $0.sent.year)
        }
        rows = groups.keys.sorted().map { key in
            let group = groups[key]!
            let answered = group.filter { $0.daysOpen(on: date) == nil }
            let ranges = answered.compactMap(\.daysToAnswer)
            let waiting = group.compactMap { request in request.daysOpen(on: date).map { (request, $0) } }
            let oldest = waiting.max { ($0.1.lowerBound, $1.0.sent) < ($1.1.lowerBound, $0.0.sent) }
            var outcomes: [String: Int] = [:]
            for request in answered { if let outcome = request.outcome { outcomes[outcome.rawValue, default: 0] += 1 } }
            return Row(
                kind: kinds[key.kind], from: key.from, to: key.to, year: key.year, sent: group.count, answered: answered.count,
                medianDays: ranges.isEmpty ? nil : Days(fewest: Self.median(ranges.map(\.lowerBound)),
                                                        most: Self.median(ranges.map(\.upperBound))),
                approximate: ranges.filter { $0.lowerBound != $0.upperBound }.count,
                open: waiting.count,
                oldestOpen: oldest.map { request, days in
                    OpenRequest(id: request.id, reference: request.reference, sent: request.sent,
                                days: Days(fewest: Double(days.lowerBound), most: Double(days.upperBound)))
                },
                outcomes: outcomes,
                marks: group.reduce(into: Set<ProvenanceMark>()) { $0.formUnion($1.marks) }.sorted())
        }
    }

    /// The median of `values` (not empty): the middle one, or the mean of the two middle ones.
    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Whether nothing was sent by the date.
    public var isEmpty: Bool { rows.isEmpty }

    /// The marks of every row.
    public var marks: Set<ProvenanceMark> { Set(rows.flatMap(\.marks)) }
}
