import AccordCore
import Foundation
import TestSupport
import Testing

/// No output of the example lets an illustrative record pass for a fact. The illustrative
/// records are read from the example itself, so a record marked later is checked too; each
/// output of every read command is then searched for them.
@Suite(.scratchFolder, .serialized) struct ProvenanceMarkTests {
    /// What identifies an illustrative record in an output.
    struct Illustrative {
        /// Target, report and evidence ids, and review cycles as `<owner>/<cycle>`.
        var ids: Set<String> = []
        /// Texts that show the record itself: a target's summary, a report's note, a
        /// cycle's title (their first 40 characters, which every table shows unclipped).
        var texts: Set<String> = []
        /// Articles of working-summary texts, as `<instrument>#<article>`.
        var summaryArticles: Set<String> = []
    }

    static let example: (tracker: URL, illustrative: Illustrative) = {
        let scratch = try! ScratchFolder.make()
        let tracker = scratch.appendingPathComponent("example")
        try! AccordProcess.copyExample(to: tracker)
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
        for instrument in snapshot.instruments {
            for (language, standing) in instrument.texts where !standing.authentic {
                for article in snapshot.texts[instrument.id]?[language]?.articles ?? [] {
                    found.summaryArticles.insert("\(instrument.id)#\(article.id)")
                }
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
        #expect(try run(["diff", "tip-2005", "--stat"]).contains("[working summary]"))
        for json in [[], ["--json"]] {
            let revisions = try run(["revisions", "tip-2005"] + json)
            #expect(revisions.contains("not on their authentic wording"), "revisions \(json): no working-summary notice")
        }
        #expect(try run(["revisions", "tip-2005"]).contains("2 revisions of the text [working summary]"))
    }

    /// A record written for training through `log --illustrative` or `evidence add
    /// --illustrative` says so in its file, and the outputs mark it like the example's own.
    @Test(.scratchFolder) func writersRecordIllustrativeRecordsThatOutputsMark() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let tracker = scratch.appendingPathComponent("training")
        try AccordProcess.copyExample(to: tracker)
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

/// Every read command, in every format it has, over the example: each line (or JSON object)
/// that names an illustrative record by id or shows its text carries the mark, each hit on a
/// working-summary article says so, and each output using such records has the notice.
extension ProvenanceMarkTests {
    enum Format { case lines, csv, json, html, calendar }

    /// One run of a read command and how to read what it prints.
    struct Run: CustomStringConvertible {
        let arguments: [String]
        let format: Format
        /// False where the output may, at that date, use no illustrative record.
        var mustShow = true
        var description: String { arguments.joined(separator: " ") }
    }

    static let asOf = ["--as-of", "2019-12-01"]
    static let meeting = ["--meeting", "2019-12-01-joint-review-2017-2019"]

    /// Every read command in every format it has.
    static let runs: [Run] = {
        var runs: [Run] = []
        for command in [["status"], ["gaps"], ["gaps", "--summary"], ["schedule", "--horizon", "12m"],
                        ["list", "commitments"], ["list", "items"], ["list", "evidence"], ["list", "meetings"],
                        ["list", "instruments"]] {
            // These name no illustrative record at that date, or only refer to them.
            let quiet = [["list", "instruments"], ["list", "meetings"], ["list", "evidence"], ["status"], ["gaps", "--summary"]]
                .contains(command)
            runs.append(Run(arguments: command + asOf, format: .lines, mustShow: !quiet))
            runs.append(Run(arguments: command + asOf + ["--json"], format: .json, mustShow: !quiet))
            if command != ["gaps", "--summary"] {
                runs.append(Run(arguments: command + asOf + ["--csv"], format: .csv, mustShow: !quiet))
            }
        }
        runs.append(Run(arguments: ["schedule", "--ics"] + asOf, format: .calendar))
        for id in ["tip-2005", "tip-2005#7", "tip-2005#7.2", "plan-2017-2020#3.1", "plan-2017-2020", "extradition-2013",
                   "extradition-2013#11.3", "crime-1997", "2019-12-01-joint-review-2017-2019"] {
            runs.append(Run(arguments: ["show", id] + asOf, format: .lines))
            runs.append(Run(arguments: ["show", id, "--json"] + asOf, format: .json))
        }
        for id in ["plan-2017-2020#3.1", "tip-2005#7.2", "extradition-2013#11.1"] {
            runs.append(Run(arguments: ["history", id], format: .lines))
            runs.append(Run(arguments: ["history", id, "--json"], format: .json))
        }
        for query in [["border"], ["verify"], ["guidance"]] {
            runs.append(Run(arguments: ["search"] + query, format: .lines))
            runs.append(Run(arguments: ["search"] + query + ["--json"], format: .json))
        }
        runs.append(Run(arguments: ["due", "--within", "400d", "--as-of", "2019-06-01"], format: .lines))
        runs.append(Run(arguments: ["due", "--within", "400d", "--as-of", "2019-06-01", "--json"], format: .json))
        for format in ["markdown", "html", "json"] {
            for brief in [[], ["--brief"]] {
                runs.append(Run(arguments: ["summary"] + meeting + ["--format", format] + brief,
                                format: format == "html" ? .html : format == "json" ? .json : .lines))
            }
        }
        for format in ["terminal", "markdown", "html", "json"] {
            runs.append(Run(arguments: ["diff", "tip-2005", "--format", format],
                            format: format == "html" ? .html : format == "json" ? .json : .lines, mustShow: false))
        }
        runs.append(Run(arguments: ["diff", "tip-2005", "--stat"], format: .lines, mustShow: false))
        runs.append(Run(arguments: ["revisions", "tip-2005"], format: .lines, mustShow: false))
        runs.append(Run(arguments: ["revisions", "tip-2005", "--json"], format: .json, mustShow: false))
        return runs
    }()

    /// The words of a line that may be ids.
    static func words(_ line: some StringProtocol) -> [String] {
        line.split { " ,;()[]{}:\t|\"'<>=`*".contains($0) }.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
    }

    /// What is wrong with one output: a line or object about an illustrative record without
    /// its mark, a working-summary article without its mark, a missing notice; and how many
    /// illustrative records it used.
    func problems(_ output: String, _ run: Run) throws -> (problems: [String], shown: Int) {
        let found = Self.example.illustrative
        var problems: [String] = []
        var shown = 0
        var usesSummaries = false
        if run.format == .json {
            func walk(_ value: Any) {
                if let list = value as? [Any] { list.forEach(walk); return }
                guard let object = value as? [String: Any] else { return }
                var names = ["id", "item", "target", "report", "evidence"].compactMap { object[$0] as? String }
                if object["commit"] != nil, let summary = object["summary"] as? String { names += Self.words(summary) }
                let marks = object["marks"] as? [String] ?? []
                if names.contains(where: { found.ids.contains($0) || found.ids.contains(String($0.prefix { $0 != "@" })) }) {
                    shown += 1
                    if !marks.contains("illustrative") { problems.append("\(names) without its mark") }
                }
                let texts = object.values.compactMap { $0 as? String }
                if texts.contains(where: { text in found.texts.contains { text.hasPrefix($0) } }) {
                    shown += 1
                    if !marks.contains("illustrative") && names.isEmpty { problems.append("text of an illustrative record without its mark: \(texts)") }
                }
                if names.contains(where: { found.summaryArticles.contains($0) }) || object["article"] != nil && names.contains(where: { name in found.summaryArticles.contains { $0.hasPrefix(name + "#") } }) {
                    usesSummaries = true
                }
                object.values.forEach(walk)
            }
            walk(try JSONSerialization.jsonObject(with: Data(output.utf8)))
        } else {
            let escaped = run.format == .html ? found.texts.map(html) : Array(found.texts)
            // The lines an indented line continues (a gap's reason under its heading, a
            // hit's words under its id): a mark on one of them covers it.
            var heads: [(indent: Int, marked: Bool)] = []
            for rawLine in output.split(separator: "\n") {
                let line = run.format == .csv ? Substring(rawLine.trimmingCharacters(in: .whitespacesAndNewlines)) : rawLine
                let indent = line.prefix { $0 == " " }.count
                let marked = line.contains(ProvenanceMark.illustrative.rawValue)
                heads.removeAll { $0.indent >= indent }
                let covered = run.format == .lines && heads.contains(where: \.marked)
                heads.append((indent, marked))
                let words = Self.words(line)
                let byID = words.contains(where: found.ids.contains)
                let byText = escaped.contains { line.contains($0) }
                if byID || byText {
                    shown += 1
                    if !marked && !covered { problems.append("shown without its mark: \(line)") }
                }
                if words.contains(where: found.summaryArticles.contains) {
                    usesSummaries = true
                    if !line.contains("working summary") && !line.contains("working-summary") && !line.contains("illustrative") {
                        problems.append("a working-summary article without its mark: \(line)")
                    }
                }
            }
        }
        // A CSV file has no room for the notice: its `marks` column says it.
        if shown > 0 && run.format != .csv && !output.contains("must not be quoted as one") { problems.append("no notice") }
        if usesSummaries && !output.contains("working summary") && !output.contains("working-summary") {
            problems.append("uses a working summary and never says so")
        }
        return (problems, shown)
    }

    @Test func everyReadCommandInEveryFormatMarksWhatIsIllustrative() throws {
        var failures: [String] = []
        for run in Self.runs {
            let result = try AccordProcess.run(run.arguments + ["--repo", Self.example.tracker.path])
            guard result.status == 0 else { failures.append("\(run): exit \(result.status): \(result.stderr)"); continue }
            let output = run.format == .calendar ? result.stdout.replacingOccurrences(of: "\r\n ", with: "") : result.stdout
            let (problems, shown) = try problems(output, run)
            failures += problems.prefix(3).map { "\(run): \($0)" }
            if run.mustShow && shown == 0 { failures.append("\(run): uses no illustrative record, so proves nothing") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // A hit in an article of a working-summary text says so.
        let hits = try run(["search", "victims"]).split(separator: "\n").filter { $0.hasPrefix("text ") }
        #expect(!hits.isEmpty)
        for hit in hits { #expect(hit.contains("[working summary]"), "\(hit)") }
    }

    /// The calendar marks every event of an illustrative review cycle.
    @Test func everyCalendarEventOfAnIllustrativeCycleIsMarked() throws {
        // Long lines are folded: a line starting with a space continues the one before.
        let calendar = try run(["schedule", "--ics"] + Self.asOf).replacingOccurrences(of: "\r\n ", with: "")
        let titles = Self.example.illustrative.texts
        var events = 0
        for event in calendar.components(separatedBy: "BEGIN:VEVENT").dropFirst() {
            guard let summary = event.split(separator: "\r\n").first(where: { $0.hasPrefix("SUMMARY:") }) else { continue }
            events += 1
            if titles.contains(where: { summary.contains($0.prefix(30)) }) {
                #expect(summary.contains("[illustrative]"), "\(summary)")
            }
        }
        #expect(events > 0)
    }

    /// The extradition treaty's text says which articles it does not summarise, and so does
    /// what `show` prints of it.
    @Test func theExtraditionSummarySaysWhichArticlesItLacks() throws {
        let shown = try run(["show", "extradition-2013#20"])
        #expect(shown.contains("Not summarised"), "\(shown)")
        #expect(shown.contains("working summary"), "\(shown)")
        let instrument = try run(["show", "extradition-2013"])
        #expect(instrument.contains("Articles 13–20 not summarised"), "\(instrument)")
    }
}

/// What the tour (`scripts/demo.sh`) prints and writes carries the marks, in each of the
/// languages it runs in.
extension ProvenanceMarkTests {
    /// The mark and the notice's opening in English and in each catalog's language.
    static let translated: (marks: [String], notices: [String]) = {
        let notice = "Entries marked [{1}] were written to show how the tracker works; they state no real fact and must not be quoted as one."
        var marks = ["illustrative"]
        var notices = [String(notice.prefix { $0 != "[" })]
        for language in ["vi", "km"] {
            let catalog = (try? String(contentsOf: AccordProcess.packageRoot.appendingPathComponent("Languages/\(language).po"),
                                       encoding: .utf8)) ?? ""
            func translation(_ id: String) -> String? {
                guard let range = catalog.range(of: "msgid \"\(id)\"\nmsgstr \"") else { return nil }
                return String(catalog[range.upperBound...].prefix { $0 != "\"" })
            }
            if let mark = translation("illustrative") { marks.append(mark) }
            if let text = translation(notice) { notices.append(String(text.prefix { $0 != "[" })) }
        }
        return (marks, notices)
    }()

    @Test(.tags(.slow), runBySlowTarget) func theDemoMarksEveryIllustrativeRecordInEveryOutput() throws {
        let scratch = try ScratchFolder.current
        let out = scratch.url.appendingPathComponent("demo")
        let demo = try CLI.run(executable: URL(fileURLWithPath: "/bin/bash"),
                               [AccordProcess.packageRoot.appendingPathComponent("scripts/demo.sh").path,
                                AccordProcess.binary.path, out.path], timeout: 600)
        #expect(demo.status == 0, "\(demo.stderr)")
        let found = Self.example.illustrative
        var failures: [String] = []
        /// Each step's output (after its `$ accord …` line) or file, checked line by line.
        func check(_ output: String, _ label: String, escape: (String) -> String = { $0 }) {
            var shown = 0
            for line in output.split(separator: "\n") {
                let byID = Self.words(line).contains(where: found.ids.contains)
                let byText = found.texts.contains { line.contains(escape($0)) }
                guard byID || byText else { continue }
                shown += 1
                if !Self.translated.marks.contains(where: line.contains) { failures.append("\(label): without its mark: \(line)") }
            }
            if shown > 0 && !Self.translated.notices.contains(where: output.contains) { failures.append("\(label): no notice") }
        }
        var steps = demo.stdout.components(separatedBy: "\n$ accord ")
        steps.removeFirst()
        #expect(steps.count >= 6)
        // A step's output ends where the script's own words (`== …`) begin.
        for step in steps {
            let output = step.components(separatedBy: "\n== ").first ?? step
            check(output, String(step.prefix { $0 != "\n" }))
        }
        var files = 0
        for name in ["summary-2019.md", "summary-2019.html", "summary-2019.vi.html", "summary-2019.km.html", "schedule.ics",
                     "tip-2005-2005-to-2012.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "\r\n ", with: "")
            files += 1
            check(text, name, escape: name.hasSuffix(".html") ? html : { $0 })
            if name.hasPrefix("tip-2005") {
                #expect(text.contains("working summar") || text.contains("not on their authentic wording"), "\(name)")
            }
        }
        #expect(files == 6)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
