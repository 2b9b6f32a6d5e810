import Foundation

/// Names for new append-only records. Each carries a random part so that two copies of
/// the tracker adding records at once never pick the same file name.
public enum RecordName {
    /// Lowercase base32 (RFC 4648 letters, lowercased, and digits 2–7): ids stay slugs.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// `count` random base32 characters.
    public static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// `wd-<date>-<5 random>`: a withdrawal's id.
    public static func withdrawal(date: CalendarDate) -> RecordID {
        RecordID("wd-\(date)-\(random(5))")!
    }

    /// `sr-<date>-<party>-<5 random>`: a status report's id.
    public static func statusReport(date: CalendarDate, party: PartyCode) -> RecordID {
        RecordID("sr-\(date)-\(party.code.lowercased())-\(random(5))")!
    }

    /// The date a status report's id starts with, when it is named as ``statusReport(date:party:)``
    /// names them (a report written by hand may be named otherwise, or dated another day).
    static func statusReportDate(of id: String) -> CalendarDate? {
        guard id.hasPrefix("sr-") else { return nil }
        return CalendarDate(String(id.dropFirst(3).prefix(10)))
    }

    /// `ev-<date>-<up to four words of the title>-<4 random>`: a piece of evidence's id,
    /// readable enough to type its start (ids resolve from a unique prefix).
    public static func evidence(date: CalendarDate, title: String) -> RecordID {
        // Vietnamese folds to ASCII, Khmer becomes a short hash (RecordSlug); the random
        // part keeps the id unique.
        let slug = RecordSlug.make(title, words: 4, length: 40)
        return RecordID("ev-\(date)\(slug.isEmpty ? "" : "-\(slug)")-\(random(4))")!
    }
}

extension RecordName {
    /// `rq-<sent>-<5 random>`: a register request's id.
    public static func request(sent: CalendarDate) -> RecordID {
        RecordID("rq-\(sent)-\(random(5))")!
    }
}
