import AccordReports
import Testing

@Suite struct PercentageTests {
    @Test func roundsHalfUpInWholePercent() {
        #expect(Percentage.rounded(1, of: 6) == 17)   // 16.67
        #expect(Percentage.rounded(1, of: 8) == 13)   // 12.5: half goes up
        #expect(Percentage.rounded(1, of: 200) == 1)  // 0.5
        #expect(Percentage.rounded(1, of: 201) == 0)  // 0.497
        #expect(Percentage.rounded(2, of: 3) == 67)
        #expect(Percentage.rounded(5, of: 5) == 100)
        #expect(Percentage.rounded(0, of: 7) == 0)
    }

    @Test func nothingToCountIsZero() {
        #expect(Percentage.rounded(0, of: 0) == 0)
        #expect(Percentage.text(0, of: 0) == "0%")
    }

    @Test func writtenWithoutASpace() {
        #expect(Percentage.text(1, of: 6) == "17%")
        #expect(Percentage.text(60) == "60%")
    }
}
