import AccordCore
import Foundation
import TestSupport
import Testing

/// No output of the example lets an illustrative record pass for a fact. The illustrative
/// records are read from the example itself, so a record marked later is checked too; each
/// output of every read command is then searched for them.
@Suite(.serialized) struct ProvenanceMarkTests {
    /// What identifies an illustrative record in an output.
    struct Illustrative {
        /// Target, report and evidence ids, and review cycles as `<owner>/<cycle>`.
        var ids: Set<String> = []
        /// Texts that show the record itself: a target's summary, a report's note, a
        /// cycle's title (their first 40 characters, which every table shows unclipped).
        var texts: Set<String> = []
    }

    static let example: (tracker: URL, illustrative: Illustrative) = {
        let scratch = try! ScratchFolder.make()
        let tracker = scratch.appendingPathComponent("example")
        let created = try! AccordProcess.run(["init", "--example", tracker.path],
                                             environment: ["ACCORD_EXAMPLE_DIR": AccordProcess.packageRoot.path])
        precondition(created.status == 0, created.stderr)
        let snapshot = try! TrackerSnapshot.load(ExampleFiles(root: AccordProcess.packageRoot))
        var found = Illustrative()
        func text(_ value: String) { found.texts.insert(String(value.prefix(40))) }
        for target in snapshot.targets where target.marks.contains(.illustrative) {
            found.ids.insert(target.id.description)
            text(target.summary)
        }
        for report in snapshot.reports where report.provenance.illustrative {
            found.ids.insert(report.id.rawValue)
            if let note = report.note { text(note) }
        }
        for evidence in snapshot.evidence where evidence.provenance.illustrative { found.ids.insert(evidence.id.rawValue) }
        for instrument in snapshot.instruments {
            for cycle in instrument.reviewCycles where cycle.provenance.illustrative {
                found.ids.insert("\(instrument.id)/\(cycle.id)")
                text(cycle.title)
            }
        }
        for plan in snapshot.plans {
            for cycle in plan.reviewCycles where cycle.provenance.illustrative {
                found.ids.insert("\(plan.id)/\(cycle.id)")
                text(cycle.title)
            }
        }
        return (tracker, found)
    }()

    func run(_ arguments: [String]) throws -> String {
        let result = try AccordProcess.run(arguments + ["--repo", Self.example.tracker.path])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Every line showing an illustrative record's text carries the mark; the output has
    /// the banner. `escape` turns a text into the output's own escaping (HTML).
    func expectMarked(_ output: String, _ label: String, escape: (String) -> String = { $0 }) {
        var shown = 0
        for line in output.split(separator: "\n") {
            for text in Self.example.illustrative.texts where line.contains(escape(text)) {
                shown += 1
                #expect(line.contains("illustrative"), "\(label): shown without its mark: \(line)")
            }
        }
        #expect(shown > 0, "\(label): shows no illustrative record, so the check proves nothing")
        #expect(output.contains("must not be quoted as one"), "\(label): no banner")
    }

    /// Every line naming an illustrative record by id carries the mark (`history`, which
    /// tells each commit in a sentence).
    func expectMarkedByID(_ output: String, _ label: String) {
        var shown = 0
        for line in output.split(separator: "\n") {
            let words = line.split { " ,;()".contains($0) }.map(String.init)
            guard words.contains(where: Self.example.illustrative.ids.contains) else { continue }
            shown += 1
            #expect(line.contains("illustrative"), "\(label): named without its mark: \(line)")
        }
        #expect(shown > 0, "\(label): names no illustrative record")
        #expect(output.contains("must not be quoted as one"), "\(label): no banner")
    }

    /// Every JSON object about an illustrative record says so in its `marks`; `naming`
    /// when the output must name at least one.
    func expectMarkedJSON(_ output: String, _ label: String, naming: Bool = true) throws {
        let ids = Self.example.illustrative.ids
        var checked = 0
        func walk(_ value: Any) {
            if let list = value as? [Any] { list.forEach(walk); return }
            guard let object = value as? [String: Any] else { return }
            var names = ["id", "item", "target", "report"].compactMap { object[$0] as? String }
            // A history entry names its records in a sentence.
            if object["commit"] != nil, let summary = object["summary"] as? String {
                names += summary.split { " ,;()".contains($0) }.map(String.init)
            }
            let about = names.contains { name in ids.contains(name) || ids.contains(String(name.prefix { $0 != "@" })) }
            if about {
                checked += 1
                let marks = object["marks"] as? [String]
                #expect(marks?.contains("illustrative") == true, "\(label): \(names) without its mark")
            }
            object.values.forEach(walk)
        }
        walk(try JSONSerialization.jsonObject(with: Data(output.utf8)))
        #expect(!naming || checked > 0, "\(label): shows no illustrative record")
        #expect(output.contains("must not be quoted as one"), "\(label): no notice")
    }

    func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func theExampleHasIllustrativeRecordsOfEveryKind() {
        let ids = Self.example.illustrative.ids
        #expect(ids.contains("tip-2005#7.2"))
        #expect(ids.contains("plan-2017-2020#3.1"))
        #expect(ids.contains("tip-2005/annual"))
        #expect(ids.contains { $0.hasPrefix("sr-") })
    }

    @Test func terminalOutputsMarkEveryIllustrativeRecord() throws {
        let asOf = ["--as-of", "2019-12-01"]
        expectMarked(try run(["status"] + asOf), "status")
        expectMarked(try run(["gaps"] + asOf), "gaps")
        expectMarked(try run(["schedule", "--horizon", "12m"] + asOf), "schedule")
        expectMarked(try run(["list", "commitments"] + asOf), "list commitments")
        expectMarked(try run(["list", "items"] + asOf), "list items")
        expectMarked(try run(["show", "tip-2005"] + asOf), "show tip-2005")
        expectMarked(try run(["show", "plan-2017-2020#3.1"] + asOf), "show plan item")
        expectMarked(try run(["show", "tip-2005#7"] + asOf), "show article")
        expectMarkedByID(try run(["history", "plan-2017-2020#3.1"]), "history")
    }

    @Test func csvAndJSONOutputsMarkEveryIllustrativeRecord() throws {
        let asOf = ["--as-of", "2019-12-01"]
        for command in [["status"], ["gaps"], ["schedule"], ["list", "commitments"], ["list", "items"]] {
            let csv = try run(command + asOf + ["--csv"])
            for line in csv.split(separator: "\r\n") {
                for text in Self.example.illustrative.texts where line.contains(text) {
                    #expect(line.contains("illustrative"), "\(command) --csv: \(line)")
                }
            }
            try expectMarkedJSON(try run(command + asOf + ["--json"]), "\(command) --json", naming: command != ["status"])
        }
        for id in ["tip-2005", "plan-2017-2020#3.1", "tip-2005#7.2"] {
            try expectMarkedJSON(try run(["show", id, "--json"] + asOf), "show \(id) --json")
        }
        try expectMarkedJSON(try run(["history", "plan-2017-2020#3.1", "--json"]), "history --json")
    }

    @Test func theSummaryAndTheRedlineCarryTheMarks() throws {
        let meeting = ["--meeting", "2019-12-01-joint-review-2017-2019"]
        expectMarked(try run(["summary"] + meeting + ["--format", "markdown"]), "summary markdown")
        expectMarked(try run(["summary"] + meeting + ["--format", "html"]), "summary html", escape: html)
        try expectMarkedJSON(try run(["summary"] + meeting + ["--json"]), "summary json")
        let calendar = try run(["schedule", "--as-of", "2019-12-01", "--ics"])
        #expect(calendar.contains("SUMMARY:[illustrative] Annual joint review of the agreement"))
        for format in ["terminal", "markdown", "html", "json"] {
            let redline = try run(["diff", "tip-2005", "--format", format])
            #expect(redline.contains("not on their authentic wording"), "diff \(format): no working-summary notice")
        }
    }

    /// A record written for training through `log --illustrative` or `evidence add
    /// --illustrative` says so in its file, and the outputs mark it like the example's own.
    @Test func writersRecordIllustrativeRecordsThatOutputsMark() throws {
        let scratchFolder = try ScratchFolder()
        let scratch = scratchFolder.url
        let tracker = scratch.appendingPathComponent("training")
        let created = try AccordProcess.run(["init", "--example", tracker.path],
                                            environment: ["ACCORD_EXAMPLE_DIR": AccordProcess.packageRoot.path])
        #expect(created.status == 0, "\(created.stderr)")
        let repo = ["--repo", tracker.path]
        let evidence = try AccordProcess.run(["evidence", "add", "--title", "Training photograph", "--kind", "other",
                                              "--date", "2020-02-01", "--illustrative", "--source", "Training session",
                                              "--by", "Trainer <trainer@accord.invalid>", "-q"] + repo)
        #expect(evidence.status == 0, "\(evidence.stderr)")
        let evidenceID = evidence.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let logged = try AccordProcess.run(["log", "tip-2005#9.4", "--status", "implemented", "--party", "VN",
                                            "--date", "2020-02-02", "--note", "Guidance issued in the training scenario.",
                                            "--evidence", evidenceID, "--illustrative", "--source", "Training session",
                                            "--by", "Trainer <trainer@accord.invalid>", "-q"] + repo)
        #expect(logged.status == 0, "\(logged.stderr)")
        let reportID = logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let files = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/git"),
                                          ["-C", tracker.path, "show", "--format=", "--", "Events", "Evidence"], in: nil)
        #expect(files.stdout.contains("+illustrative: true"))
        #expect(files.stdout.contains("+source: Training session"))
        let shown = try AccordProcess.run(["show", "tip-2005#9.4", "--as-of", "2020-03-01"] + repo)
        let line = try #require(shown.stdout.split(separator: "\n").first { $0.contains("2020-02-02") })
        #expect(line.contains("[illustrative]"), "\(line)")
        let json = try AccordProcess.run(["show", reportID, "--json"] + repo)
        #expect(json.stdout.contains("\"illustrative\""), "\(json.stdout)")
        let plain = try AccordProcess.run(["log", "tip-2005#9.4", "--status", "implemented", "--party", "KH",
                                           "--date", "2020-02-03", "--by", "Desk <desk@accord.invalid>", "-q"] + repo)
        let plainFile = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/git"),
                                              ["-C", tracker.path, "show", "--format=", "HEAD"], in: nil)
        #expect(plain.status == 0)
        #expect(!plainFile.stdout.contains("illustrative"), "a report not marked stays unmarked")
    }
}
