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

    /// On a terminal the table fits its width, a narrow one too: each sentence (and, when
    /// narrow, each author) wraps under its column, in Khmer and Vietnamese too, and no word
    /// is lost; piped, each commit stays one line.
    @Test func onATerminalTheTableFitsItsWidth() throws {
        let (scratch, tracker) = try AccordProcess.exampleTracker()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let accord = CLI.productsFolder.appendingPathComponent("accord").path
        for language in ["km", "vi", "en"] {
            let piped = try AccordProcess.run(["history", "--repo", tracker.path, "--limit", "30"],
                                              environment: ["ACCORD_LANG": language, "COLUMNS": "80"])
            let wide = try AccordProcess.run(["history", "--repo", tracker.path, "--limit", "30"], environment: ["ACCORD_LANG": language])
            #expect(piped.status == 0 && piped.stdout == wide.stdout, "piped, COLUMNS changes nothing")
            let pipedLines = piped.stdout.split(separator: "\n")
            let pipedRule = try #require(pipedLines.first { $0.hasPrefix("─") })
            let pipedRows = pipedLines.drop { !$0.hasPrefix("─") }.dropFirst()
            for columns in [80, 50] {
                // script(1) gives the command a terminal for its output.
                let shown = try Command.run("script", ["-qec", "\(accord) history --no-pager --color never --limit 30 --repo \(tracker.path)", "/dev/null"],
                                            environment: ["ACCORD_LANG": language, "COLUMNS": "\(columns)"], timeout: 60)
                #expect(shown.status == 0, "\(shown.stdout)\(shown.stderr)")
                let lines = shown.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                // The banner breaks between words (a Khmer sentence at its word boundaries).
                let banner = lines.prefix { !$0.isEmpty }
                #expect(!banner.isEmpty && banner.allSatisfy { DisplayWidth.of(String($0)) <= columns }, "\(language): \(banner)")
                // The table: from the header after the banner's blank line.
                let table = Array(lines.drop { !$0.isEmpty }.dropFirst())
                let rows = table.dropFirst(2).filter { !$0.isEmpty }
                #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= columns }, "\(language): \(rows.filter { DisplayWidth.of(String($0)) > columns })")
                #expect(rows.count > 30, "\(language): sentences went on over more lines")
                // Each commit's lines, joined again column by column, hold the cells of its one
                // piped line (the author and the sentence both wrap; a long id may be cut where it
                // is longer than the column: compared without spaces).
                let rule = try #require(table.dropFirst().first)
                var joined: [[String]] = []
                for row in rows {
                    let parts = cells(row, startingUnder: rule)
                    if row.hasPrefix(" ") { joined[joined.count - 1] = zip(joined[joined.count - 1], parts).map { $0 + $1 } } else { joined.append(parts) }
                }
                #expect(joined.count == 30 && pipedRows.count == 30)
                #expect(joined == pipedRows.map { cells($0, startingUnder: pipedRule) }, "\(language), \(columns) columns")
            }
        }
    }

    /// The cells of a table's line, cut where the columns of its `rule` (the line under the
    /// header) start, counted in terminal cells, each without its spaces.
    private func cells(_ line: Substring, startingUnder rule: Substring) -> [String] {
        var starts: [Int] = [], position = 0, previous: Character = " "
        for character in rule {
            if character == "─", previous == " " { starts.append(position) }
            position += DisplayWidth.of(String(character))
            previous = character
        }
        var cells = [String](repeating: "", count: starts.count)
        position = 0
        for character in line {
            let column = starts.lastIndex { $0 <= position } ?? 0
            if character != " " { cells[column].append(character) }
            position += DisplayWidth.of(String(character))
        }
        return cells
    }
}
