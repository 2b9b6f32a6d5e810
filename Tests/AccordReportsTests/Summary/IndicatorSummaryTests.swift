import AccordCore
import AccordReports
import Foundation
import TestSupport
import Testing

/// Indicators in the summary: breakdowns next to their figure and source, a warning where
/// the parts do not add up, and a chart line per party with plan targets.
@Suite struct IndicatorSummaryTests {
    struct Files: TrackerFiles {
        let files: [String: String]
        func paths() throws -> [String] { files.keys.sorted() }
        func read(_ path: String) throws -> Data { Data(files[path]!.utf8) }
    }

    static let settings = SmallTracker.settings("""
        indicators:
          - id: victims
            title: Victims identified
            unit: persons
            definition: Persons the police identified as victims in the year
        scopes:
          - id: border
            title: Border provinces

        """)

    static func evidence(_ id: String, party: String, date: String, values: String) -> String {
        "id: \(id)\nkind: statistics\ntitle: Figures\ndate: \(date)\nparty: \(party)\nsource: Statistics office of \(party)\nvalues:\n\(values)\n"
    }

    static func summary() throws -> ReviewSummary {
        let snapshot = try TrackerSnapshot.load(Files(files: [
            "accord.yaml": settings,
            "Evidence/2016/ev-vn-2015.yaml": evidence("ev-vn-2015", party: "VN", date: "2016-01-31", values: """
                  - indicator: victims
                    scope: border
                    period: "2015"
                    value: 80
                """),
            "Evidence/2017/ev-vn-2016.yaml": evidence("ev-vn-2016", party: "VN", date: "2017-01-31", values: """
                  - indicator: victims
                    scope: border
                    period: "2016"
                    value: 100
                    breakdown:
                      sex:
                        female: 70
                        male: 30
                      exploitation:
                        sexual: 50
                        forced-labour: 40
                """),
            "Evidence/2017/ev-kh-2016.yaml": evidence("ev-kh-2016", party: "KH", date: "2017-02-28", values: """
                  - indicator: victims
                    scope: border
                    period: "2016"
                    value: 110
                """),
        ]))
        #expect(snapshot.diagnostics.isEmpty, "\(snapshot.diagnostics)")
        let state = TrackerState(snapshot, asOf: CalendarDate("2017-12-31")!)
        let schedule = ReviewSchedule(snapshot: snapshot, state: state)
        return ReviewSummary(snapshot: snapshot, state: state, meeting: nil, since: nil, schedule: schedule,
                             gaps: GapReport(snapshot: snapshot, state: state, schedule: schedule), textChanges: [],
                             redaction: Redaction(includeRestricted: false))
    }

    @Test func breakdownsStandNextToTheirFigureAndAWarningWhereThePartsDoNotAddUp() throws {
        let summary = try Self.summary()
        let point = try #require(summary.indicators.first?.points.first { $0.period == "2016" })
        #expect(point.breakdowns.map(\.dimension) == [.sex, .exploitation])
        #expect(point.breakdowns.map(\.agrees) == [true, false])
        #expect(point.breakdowns.allSatisfy { $0.party?.code == "VN" && $0.evidence.rawValue == "ev-vn-2016" })

        let markdown = SummaryMarkdownRenderer().render(summary)
        #expect(markdown.contains("- 2016, Border provinces: 100 by sex: female 70, male 30 (VN, Statistics office of VN)"), "\(markdown)")
        #expect(markdown.contains("- Warning: 2016, Border provinces: 100 by form of exploitation: sexual 50, forced-labour 40; "
                                  + "the parts add up to 90, not 100 (VN, Statistics office of VN)"), "\(markdown)")
    }

    @Test func theChartDrawsALinePerPartyWithItsDescription() throws {
        let html = SummaryHTMLRenderer().render(try Self.summary())
        let svg = try #require(html.range(of: "<svg").map { String(html[$0.lowerBound...]) })
        #expect(svg.contains("<desc>Victims identified, by year, as each party&#39;s evidence gives it: "
                             + "Border provinces (KH): 2016 110; Border provinces (VN): 2015 80, 2016 100</desc>"), "\(svg.prefix(2000))")
        #expect(svg.contains(">Border provinces (VN)</text>") && svg.contains(">Border provinces (KH)</text>"))
        #expect(html.contains("dashed lines are plan targets"))
    }

    @Test func eachIndicatorStandsWithItsDefinitionInEveryFormat() throws {
        let summary = try Self.summary()
        let line = "Definition: Persons the police identified as victims in the year"
        #expect(SummaryMarkdownRenderer().render(summary).contains("### Victims identified (persons)\n\n" + line), "\(SummaryMarkdownRenderer().render(summary))")
        #expect(SummaryHTMLRenderer().render(summary).contains("<h3>Victims identified (persons) <span class=\"definition\">\(line)</span></h3>"))
        let vietnamese = L10n.with(.vietnamese) { SummaryMarkdownRenderer().render(summary) }
        #expect(vietnamese.contains("Định nghĩa: Persons the police identified"))
    }

    @Test func aTargetIsADashedLineWithItsLabel() {
        let svg = SVGChart.lines(title: "Victims", xLabels: ["2015", "2016"], series: [SVGChart.Series(name: "VN", values: [80, 100])],
                                 unit: "persons", targets: [SVGChart.Target(label: "target 150 (plan#1.2)", value: 150)],
                                 description: "Victims by year")
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
        #expect(svg.contains(">target 150 (plan#1.2)</text>"))
        #expect(svg.contains("<title>Victims</title><desc>Victims by year</desc>"))
    }
}
