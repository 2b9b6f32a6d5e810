import Foundation
@testable import AccordReports
import Testing

@Suite struct ICalendarTests {
    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "DESCRIPTION:" + String(repeating: "Hiệp định về hợp tác song phương ក្រសួងមហាផ្ទៃ ", count: 6)
        let folded = ICalendarRenderer.fold(line)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding gives back the line exactly: no byte was lost or split.
        #expect(lines.first! + lines.dropFirst().map { String($0.dropFirst()) }.joined() == line)
    }

    @Test func escapesTextValues() {
        #expect(ICalendarRenderer.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    }

    /// A separator carrying a combining mark is one Character, but a calendar reads the
    /// separator; CR LF is one line break, a lone CR stays.
    @Test func escapesSeparatorsCarryingACombiningMarkAndCRLFOnce() {
        #expect(ICalendarRenderer.escape("a,\u{301} b;\u{300} c\\\u{323}") == "a\\,\u{301} b\\;\u{300} c\\\\\u{323}")
        #expect(ICalendarRenderer.escape("one\r\ntwo\nthree\rfour") == "one\\ntwo\\nthree\rfour")
        #expect(ICalendarRenderer.escape("Hà Nội — ភ្នំពេញ") == "Hà Nội — ភ្នំពេញ")
    }
}
