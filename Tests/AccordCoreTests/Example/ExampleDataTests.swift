import AccordCore
import Foundation
import Testing

/// The example dataset the project ships (docs/example.md), checked against FACTS.
@Suite struct ExampleDataTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExampleHasNoProblems() throws {
        let snapshot = try TrackerSnapshot.load(ExampleFiles(root: Self.root))
        #expect(snapshot.diagnostics.map(\.description) == [])
        #expect(snapshot.instruments.map(\.id.rawValue) == ["crime-1997", "extradition-2013", "tip-2005"])
    }

    @Test func theExampleHistoryValidatesAndIsChronological() throws {
        let history = try ExampleHistory(ExampleFiles(root: Self.root))
        let dates = history.steps.map(\.date)
        #expect(dates == dates.sorted())
        #expect(history.steps.compactMap(\.tag) == ["tip-2005@2005-10-10", "tip-2005@2012-09-28"])
    }

    /// FACTS.md: cases, suspects and victims 2015–2019 by scope. The source's totals row
    /// gives 394 border suspects, but its years (121, 92, 112, 51, 69) add up to 445; the
    /// example records the years as published and notes the discrepancy.
    @Test(arguments: [
        ("vn-nationwide", [1666.0, 2271, 3965]),
        ("vn-kh-border", [242.0, 445, 818]),
        ("vn-kh-joint", [61.0, 130, 221]),
    ])
    func indicatorValuesAddUpToTheStudysTotals(scope: String, totals: [Double]) throws {
        let snapshot = try TrackerSnapshot.load(ExampleFiles(root: Self.root))
        let years = Set((2015...2019).map(String.init))
        var seen = Set<String>()
        var sums: [Double] = []
        for indicator in ["cases", "suspects", "victims"] {
            let values = snapshot.evidence.flatMap(\.values).filter {
                $0.indicator == indicator && $0.scope == scope && years.contains($0.period ?? "")
            }
            // Each year counted once, whichever evidence carries it.
            var sum = 0.0
            for value in values where seen.insert("\(indicator) \(value.period!)").inserted { sum += value.value }
            #expect(values.count == 5, "\(indicator) \(scope): \(values.map { $0.period ?? "" })")
            sums.append(sum)
        }
        #expect(sums == totals)
        if scope == "vn-kh-border" {
            #expect(snapshot.evidence.contains { $0.note?.contains("totals row gives 394 suspects") == true })
        }
    }
}
