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
        #expect(snapshot.instruments.map(\.id.rawValue) == ["crime-1997", "extradition-2013", "sop-2009", "tip-2005"])
    }

    @Test func theExampleHistoryValidatesAndIsChronological() throws {
        let history = try ExampleHistory(ExampleFiles(root: Self.root))
        let dates = history.steps.map(\.date)
        #expect(dates == dates.sorted())
        #expect(history.steps.compactMap(\.tag) == ["tip-2005@2005-10-10", "tip-2005@2012-09-28"])
    }

    /// The study's cases, suspects and victims 2015–2019 by scope. Its totals row gives 394
    /// border suspects, but its years (121, 92, 112, 51, 69) add up to 445; the example
    /// records the years as published and notes the discrepancy. Figures another source
    /// gives for the same year (they carry a source of their own) are left out of the sums.
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
                $0.indicator == indicator && $0.scope == scope && years.contains($0.period ?? "") && $0.provenance.source == nil
            }
            // Each year counted once, whichever evidence carries it.
            var sum = 0.0
            for value in values where seen.insert("\(indicator) \(value.period!)").inserted { sum += value.value }
            #expect(values.count == 5, "\(indicator) \(scope): \(values.map { $0.period ?? "" })")
            sums.append(sum)
        }
        #expect(sums == totals)
        if scope == "vn-kh-border" {
            #expect(snapshot.evidence.contains { $0.note?.contains("totals row prints 394 suspects") == true })
        }
    }
}

/// Every figure of the example against the table it comes from, and every record that
/// credits the study against what the study contains (see ``StudySources``).
@Suite struct ExampleSourceTests {
    let snapshot = try! TrackerSnapshot.load(ExampleFiles(root: ExampleDataTests.root))

    @Test func everyFigureIsInItsSourcesTable() {
        var checked = 0
        for evidence in snapshot.evidence {
            for value in evidence.values {
                let figure = StudySources.Figure(indicator: value.indicator, scope: value.scope ?? "", period: value.period ?? "",
                                                 value: value.value)
                let source = value.provenance.source ?? evidence.source ?? ""
                if value.provenance.source == nil, source.contains(StudySources.citation) {
                    #expect(StudySources.table.contains(figure), "\(evidence.id): \(figure) is not in the study's table")
                } else {
                    let phrase = StudySources.otherFigures[figure]
                    #expect(phrase.map { source.contains($0) } == true, "\(evidence.id): \(figure) from \(source)")
                }
                checked += 1
            }
        }
        // 45 yearly and 9 printed figures, 2 training figures, 3 from other sources.
        #expect(checked == 59)
    }

    /// Whether a citation or note credits the study, by its journal or as "the study".
    static func credits(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.contains(StudySources.citation) || text.lowercased().contains("the study")
    }

    @Test func everyRecordCitingTheStudyHoldsOnlyWhatTheStudyContains() {
        var citing: [(id: String, text: String, alone: Bool)] = []
        // An instrument or plan credits the study in its own source, its source notes, a review
        // cycle's source or a commitment's or item's note; what it says is all of these.
        for instrument in snapshot.instruments {
            let cited = [instrument.provenance.source] + instrument.sources.map(\.source)
                + instrument.reviewCycles.map(\.provenance.source) + instrument.commitments.flatMap { [$0.note, $0.provenance.source] }
            guard cited.contains(where: Self.credits) else { continue }
            let said = [instrument.note] + instrument.sources.flatMap { [$0.says, $0.source] }
                + instrument.reviewCycles.map(\.provenance.source) + instrument.commitments.map(\.note)
            citing.append((instrument.id.rawValue, said.compactMap { $0 }.joined(separator: " "), false))
        }
        for plan in snapshot.plans {
            let cited = [plan.provenance.source] + plan.sources.map(\.source) + plan.reviewCycles.map(\.provenance.source)
                + plan.items.flatMap { [$0.note, $0.provenance.source] }
            guard cited.contains(where: Self.credits) else { continue }
            let said = [plan.note] + plan.sources.flatMap { [$0.says, $0.source] } + plan.items.map(\.note)
            citing.append((plan.id.rawValue, said.compactMap { $0 }.joined(separator: " "), false))
        }
        for evidence in snapshot.evidence where Self.credits(evidence.source) || Self.credits(evidence.note) {
            // A source naming others beside the study (`study; VNA`) may add what they say.
            let alone = evidence.source?.contains(StudySources.citation) == true && !(evidence.source ?? "").contains(";")
            citing.append((evidence.id.rawValue, [evidence.title, evidence.note ?? ""].joined(separator: " "), alone))
        }
        for meeting in snapshot.meetings where Self.credits(meeting.provenance.source) || Self.credits(meeting.note) {
            let alone = meeting.provenance.source?.contains(StudySources.citation) == true && !(meeting.provenance.source ?? "").contains(";")
            citing.append((meeting.id.rawValue, [meeting.title, meeting.note ?? "", meeting.provenance.source ?? ""].joined(separator: " "), alone))
        }
        #expect(Set(citing.map(\.id)) == Set(StudySources.contents.keys))
        for record in citing {
            for phrase in StudySources.contents[record.id] ?? [] {
                #expect(record.text.contains(phrase), "\(record.id) does not say \(phrase)")
            }
        }
        // No record credits the study with what it does not contain (the fact-check's list).
        let notInTheStudy = ["Sihanoukville", "IOM", "Hou Samith", "Lê Quý Vương", "17–18 May", "16–17 November", "UNODC"]
        for record in citing where record.alone {
            for phrase in notInTheStudy { #expect(!record.text.contains(phrase), "\(record.id) credits the study with \(phrase)") }
        }
    }
}
