import Foundation
import TestSupport
import Testing

/// `--csv` on list, status, gaps and schedule, read back by Python's csv module as a
/// spreadsheet program would.
@Suite struct CSVOutputTests {
    /// Parses CSV text with Python's csv module; returns the rows, header first.
    static func parse(_ text: String) throws -> [[String]] {
        let script = """
        import csv, io, json, sys
        rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=""), strict=True))
        json.dump(rows, sys.stdout)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 could not parse the CSV")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
    }

    @Test(.scratchFolder) func eachReportParsesWithTheDocumentedColumns() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let tracker = scratch.appendingPathComponent("tracker")
        try AccordProcess.copyExample(to: tracker)
        func run(_ args: [String]) throws -> AccordProcess.Result {
            try AccordProcess.run(args + ["--repo", tracker.path, "--as-of", "2019-12-01"])
        }

        // One row per commitment, in the order and with the ids of the JSON list.
        let csv = try run(["list", "commitments", "--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasSuffix("\r\n"))
        let rows = try Self.parse(csv.stdout)
        let header = try #require(rows.first)
        let party = ["status", "since", "overdue", "responsible", "next_due", "evidence"]
        #expect(header == ["id", "kind", "summary", "joint", "due", "overdue"]
            + party.map { "VN_\($0)" } + party.map { "KH_\($0)" } + ["marks"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try run(["list", "commitments", "--json"]).stdout.utf8))
            as? [String: Any])
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(rows.count == targets.count + 1)
        #expect(rows.dropFirst().map { $0[0] } == targets.compactMap { $0["id"] as? String })
        #expect(rows.allSatisfy { $0.count == header.count })
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        let training = try #require(byID["2016-10-05-sihanoukville-review#2"])
        // A comma inside an agency's name survives the round trip.
        #expect(training[header.firstIndex(of: "VN_responsible")!] == "Ministry of Labour, Invalids and Social Affairs")

        let expected: [([String], [String])] = [
            (["list", "instruments"], ["id", "kind", "title", "parties", "date", "status", "targets", "overdue", "marks"]),
            (["list", "items"], ["id", "kind", "summary", "joint", "due", "overdue"] + party.map { "VN_\($0)" } + party.map { "KH_\($0)" }
                + ["marks"]),
            (["list", "evidence"], ["id", "date", "kind", "party", "sensitivity", "redacted", "title", "supports", "source", "url", "note", "attachment", "marks"]),
            (["list", "meetings"], ["id", "date", "end", "title", "venue", "host", "decisions", "reviews", "marks"]),
            (["status"], ["group", "kind", "title", "party", "targets", "party_targets", "not_started", "in_progress", "partial", "implemented",
                          "blocked", "not_applicable", "overdue", "group_overdue", "with_evidence", "evidence_coverage",
                          "next_review", "next_review_title", "marks"]),
            (["gaps"], ["rule", "severity", "item", "instrument", "title", "party", "since", "why", "to_close", "marks"]),
            (["schedule"], ["id", "date", "instrument", "instrument_title", "cycle", "title", "host", "standing", "meeting",
                            "meeting_date", "late_meeting", "late_meeting_date", "due_before", "marks"]),
        ]
        for (args, columns) in expected {
            let result = try run(args + ["--csv"])
            #expect(result.status == 0, "\(args): \(result.stderr)")
            let parsed = try Self.parse(result.stdout)
            #expect(parsed.first == columns, "\(args)")
            #expect(parsed.count > 1, "\(args) has no rows")
            #expect(parsed.allSatisfy { $0.count == columns.count }, "\(args)")
        }
        // Quotes inside a note are doubled and read back as they were.
        let evidence = try Self.parse(try run(["list", "evidence", "--csv"]).stdout)
        #expect(evidence.contains { $0[10].contains("\"Suspects\" are the persons") })

        let both = try run(["list", "commitments", "--csv", "--json"])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give either --json or --csv, not both"))
        #expect(try run(["gaps", "--csv", "--json"]).status == 64)
        #expect(try run(["status", "--csv", "--json"]).status == 64)
        #expect(try run(["schedule", "--csv", "--ics"]).status == 64)
    }
}
