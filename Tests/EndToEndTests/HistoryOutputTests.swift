import AccordCore
import AccordReports
import Foundation
import TestSupport
import Testing

/// `accord history` writes its table and its JSON as they are made, in pieces, rather than
/// as one text: what it prints must be, byte for byte, the document made whole from the
/// same history, in English and in Khmer with Khmer digits.
@Suite struct HistoryOutputTests {
    @Test func theHistoryWrittenInPiecesIsTheWholeDocument() throws {
        let (scratch, tracker) = try AccordProcess.exampleTracker()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = try AccordProcess.run(["history", "--json", "--repo", tracker.path])
        #expect(json.status == 0, "\(json.stderr)")
        let history = try JSONDecoder().decode(ProgressHistory.self, from: Data(json.stdout.utf8))
        // The example is illustrative: the banner, and marks on entries, are part of it.
        #expect(history.notice != nil && history.entries.count > 20)
        #expect(json.stdout == (try JSONOutput.render(history)))

        let table = try AccordProcess.run(["history", "--repo", tracker.path], environment: ["ACCORD_LANG": "en"])
        #expect(table.stdout == L10n.with(.english) { history.renderTerminal(style: TerminalStyle(colour: false)) })
        let khmer = try AccordProcess.run(["history", "--repo", tracker.path, "--digits", "khmer"], environment: ["ACCORD_LANG": "km"])
        let expected = L10n.with(.khmer) {
            LocalForms.apply(history.renderTerminal(style: TerminalStyle(colour: false)), language: .khmer, digits: .khmer)
        }
        // The banner's sentence is made in the run's language (the JSON read here is English's):
        // the table after it is compared.
        func body(_ text: String) -> Substring? { text.range(of: "\n\n").map { text[$0.upperBound...] } }
        #expect(khmer.status == 0 && body(khmer.stdout) != nil && body(khmer.stdout) == body(expected))
        #expect(khmer.stdout.hasPrefix("កំណត់សម្គាល់៖ ធាតុ"), "the banner in Khmer")
        #expect(khmer.stdout.contains("២០១៩"), "the table's dates take Khmer digits")

        let one = try AccordProcess.run(["history", "plan-2017-2020#3.1", "--json", "--repo", tracker.path])
        let ofOne = try JSONDecoder().decode(ProgressHistory.self, from: Data(one.stdout.utf8))
        let whole = try JSONOutput.render(ofOne)
        #expect(ofOne.id == "plan-2017-2020#3.1" && one.stdout == whole)
        // Every key the history has is printed: the JSON written in pieces names the keys
        // beside `entries` itself, so a key added to the history must be added there too.
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(Set(Mirror(reflecting: ofOne).children.compactMap(\.label)).union(["version"]) == Set(printed.keys))
        // An entry is kept narrow (its commit as bytes, its files as one text) and printed
        // with the documented keys, each file of a commit in its own place.
        let entries = try #require(printed["entries"] as? [[String: Any]])
        #expect(entries.allSatisfy { Set($0.keys) == ["commit", "date", "author", "email", "kind", "summary", "paths", "marks"] })
        let wholeEntries = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["entries"] as? [[String: Any]])
        let listed = wholeEntries.map { $0["paths"] as? [String] ?? [] }
        #expect(listed.contains { $0.count > 1 }, "a commit that changed several files")
        #expect(listed == history.entries.map(\.paths) && wholeEntries.map { $0["commit"] as? String } == history.entries.map(\.commit))
        #expect(history.entries.allSatisfy { $0.commit.count == 40 && !$0.paths.contains("") })
    }
}
