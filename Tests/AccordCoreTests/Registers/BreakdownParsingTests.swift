import AccordCore
import Foundation
import Testing

/// Breakdowns of an indicator figure as evidence files write them.
@Suite struct BreakdownParsingTests {
    static func parse(_ breakdown: String) -> ParsedFile<Evidence> {
        let text = """
            id: ev-stats
            kind: statistics
            title: Figures
            date: 2017-01-31
            values:
              - indicator: victims
                period: "2016"
                value: 100
                breakdown:
            \(breakdown)

            """
        return Evidence.parse(Data(text.utf8), file: "Evidence/2017/ev-stats.yaml")
    }

    @Test func aBreakdownReadsBackInTheOrderWritten() throws {
        let parsed = Self.parse("      age:\n        under-18: 30\n        18-and-over: 70")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let evidence = try #require(parsed.value)
        let breakdown = try #require(evidence.values.first?.breakdowns.first)
        #expect(breakdown.dimension == .age)
        #expect(breakdown.parts.map(\.category) == ["under-18", "18-and-over"] && breakdown.sum == 100)
        let again = Evidence.parse(Data(evidence.yamlText().utf8), file: "Evidence/2017/ev-stats.yaml")
        #expect(again.value == evidence)
    }

    @Test func anUnknownDimensionOrABadCategoryIsNamedByLineAndField() {
        let problems = Self.parse("      colour:\n        red: 3\n      sex:\n        Women and girls: 70").diagnostics.map(\.description)
        #expect(problems.contains("Evidence/2017/ev-stats.yaml:10: values[1].breakdown.colour: unknown field"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("Evidence/2017/ev-stats.yaml:13: values[1].breakdown.sex.Women and girls: ")
                                    && $0.contains("is not a category name") }, "\(problems)")
    }
}
