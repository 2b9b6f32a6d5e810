import AccordCore
import Foundation
import Testing

/// Files written to hurt the reader: each is refused with one problem naming its line, in
/// bounded time and memory, and no value read from one can make later arithmetic trap.
@Suite struct HostileInputTests {
    let file = "Events/2019/03/sr-2019-03-26-vn-k3f9q.yaml"

    func report(_ text: String) -> ParsedFile<StatusReport> {
        StatusReport.parse(Data(text.utf8), file: file)
    }

    /// Nine levels of nine aliases: 387 million strings once expanded.
    static let laughs: String = {
        var lines = ["id: sr-2019-03-26-vn-k3f9q", "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("abcdefghi")
        for level in 1..<names.count {
            let alias = "*\(names[level - 1])"
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: alias, count: 9).joined(separator: ",") + "]")
        }
        lines.append("*i : 1")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anchorsAndAliasesAreRefusedBeforeTheyExpand() {
        let started = Date()
        let result = report(Self.laughs)
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description) == ["\(file):2: anchors and aliases are not allowed in records"])
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test(arguments: [
        "id: &x sr-1\n", "id: sr-1\nnote: *x\n", "- &m {a: 1}\n", "id: sr-1\nlist:\n  - 1\n  - &s [2]\n",
    ])
    func anAnchorAnywhereIsRefused(_ text: String) {
        #expect(report(text).diagnostics.map(\.message) == ["anchors and aliases are not allowed in records"])
    }

    @Test func nestingAMillionDeepIsRefusedWithoutRecursingIntoIt() {
        let depth = 1_000_000
        let text = TrackerFixture.report + "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let result = report(text)
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.line) == [8])
    }

    @Test func nestingPastTheLimitIsRefused() {
        let depth = 65
        let text = TrackerFixture.report + "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(report(text).diagnostics.map(\.description) == ["\(file):8: lists and mappings are nested more than 64 deep"])
    }

    @Test func ampersandsAndStarsInTextAreStillText() throws {
        let text = TrackerFixture.report.replacingOccurrences(
            of: "evidence:", with: "note: R&D *and* training, 5 * 3 & more\nevidence:")
        let result = report(text)
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.value).note == "R&D *and* training, 5 * 3 & more")
    }

    @Test func aFileOverTheLimitIsRefusedUnread() {
        let text = TrackerFixture.report + "note: " + String(repeating: "x", count: 5 * 1_048_576) + "\n"
        let result = report(text)
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description)
            == ["\(file):1: the file is \(text.utf8.count) bytes; a record file may hold at most 4 MiB"])
    }

    @Test func aNULByteIsAProblemOnItsOwnLine() {
        let result = report("id: sr-1\ntarget: tip-2005#4.1\nstatus: implemented\nnote: a\u{0}b\n")
        #expect(result.diagnostics.map(\.line) == [4])
    }

    @Test func aHugeKeyIsShortenedInTheMessage() throws {
        let key = String(repeating: "k", count: 1_000_000)
        let result = report(TrackerFixture.report + "\(key): x\n")
        let problem = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(problem.line == 8)
        #expect(problem.description.count < 400)
        #expect(problem.description.hasSuffix(": unknown field"))
    }

    @Test func unknownKeysAreReadInLinearTime() {
        // 100,000 keys took minutes when each key was compared with every earlier one.
        let text = TrackerFixture.report + (0..<100_000).map { "k\($0): x\n" }.joined()
        let started = Date()
        let result = report(text)
        #expect(result.diagnostics.count == 100_000)
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test(arguments: [
        ("review-tolerance-months: 9223372036854775807", "9223372036854775807 is more than 120"),
        ("stale-after-months: 99999999", "99999999 is more than 1200"),
        ("attachment-max-mb: 9223372036854775807", "9223372036854775807 is more than 1048576"),
    ])
    func thresholdsBeyondTheirRangeAreRefused(_ line: String, _ message: String) {
        let text = TrackerFixture.settings.replacingOccurrences(of: "languages: [en]", with: "languages: [en]\nthresholds:\n  \(line)")
        let result = TrackerSettings.parse(Data(text.utf8))
        #expect(result.diagnostics.map(\.message) == [message])
    }

    @Test func aNumberTooLargeToPrintExactlyIsRefused() {
        let text = TrackerFixture.evidence.replacingOccurrences(of: "value: 407", with: "value: 1e19")
        let result = Evidence.parse(Data(text.utf8), file: "Evidence/2016/ev-2016-review.yaml")
        #expect(result.diagnostics.map(\.message) == ["1e19 is too large (at most 1000000000000000 either way)"])
    }

    @Test func everyMonthsBeyondACenturyIsRefused() {
        let text = TrackerFixture.instrument.replacingOccurrences(of: "every-months: 12", with: "every-months: 9223372036854775807")
        let result = Instrument.parse(Data(text.utf8), file: "Agreements/tip-2005/instrument.yaml")
        #expect(!result.diagnostics.isEmpty)
        #expect(Set(result.diagnostics.map(\.message)) == ["9223372036854775807 is more than 1200"])
    }

    @Test func dateArithmeticStopsAtTheCalendarsEnds() throws {
        let date = try #require(CalendarDate("2019-01-31"))
        #expect(date.adding(months: Int.max) == CalendarDate.last)
        #expect(date.adding(months: Int.min) == CalendarDate.first)
        #expect(date.adding(months: -Int.max) == CalendarDate.first)
        #expect(date.adding(days: Int.max) == CalendarDate.last)
        #expect(date.adding(days: Int.min) == CalendarDate.first)
        #expect(CalendarDate(secondsSince1970: Int.max, offsetMinutes: Int.max) == CalendarDate.last)
        #expect(CalendarDate(secondsSince1970: Int.min, offsetMinutes: 0) == CalendarDate.first)
        #expect(CalendarDate(secondsSince1970: 0, offsetMinutes: 0).description == "1970-01-01")
    }
}
