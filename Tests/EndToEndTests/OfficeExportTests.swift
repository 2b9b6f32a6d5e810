import Foundation
import TestSupport
import Testing

/// `--format xlsx`, `summary`/`diff --format docx` and `--format pdf`, read back by
/// independent readers: openpyxl, python-docx, Python over the document's XML, pdftotext.
@Suite struct OfficeExportTests {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// The example tracker in a scratch folder.
    func example() throws -> (scratch: URL, tracker: URL) { try AccordProcess.exampleTracker() }

    /// Runs a Python script on `arguments` and decodes what it prints as JSON.
    func python(_ script: String, _ arguments: [String]) throws -> Any {
        let result = try AccordProcess.run(Self.python, ["-c", script] + arguments)
        try #require(result.status == 0, "python3: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A workbook as openpyxl reads it: each sheet's name, frozen pane, column widths and
    /// rows, dates as `{"date": "yyyy-mm-dd"}` so they cannot pass for text.
    static let readWorkbook = """
    import datetime, json, sys, openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    def value(v):
        if isinstance(v, datetime.datetime): return {"date": v.date().isoformat()}
        return v
    sheets = []
    for ws in book.worksheets:
        rows = [[value(c) for c in row] for row in ws.iter_rows(values_only=True)]
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]
        sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "widths": widths, "rows": rows,
                       "boldHeader": all(c.font.b for c in ws[1])})
    json.dump(sheets, sys.stdout)
    """

    func workbook(_ path: URL) throws -> [[String: Any]] {
        try #require(try python(Self.readWorkbook, [path.path]) as? [[String: Any]])
    }

    func json(_ arguments: [String], tracker: URL) throws -> [String: Any] {
        let result = try AccordProcess.run(arguments + ["--json", "--repo", tracker.path, "--as-of", "2019-12-01"])
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Writes `arguments --format xlsx` to a file and reads it back.
    func exported(_ arguments: [String], tracker: URL, scratch: URL, name: String) throws -> [[String: Any]] {
        let file = scratch.appendingPathComponent("\(name).xlsx")
        let result = try AccordProcess.run(arguments + ["--format", "xlsx", "--output", file.path, "--repo", tracker.path,
                                                        "--as-of", "2019-12-01"])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let sheets = try workbook(file)
        for sheet in sheets {
            #expect(sheet["freeze"] as? String == "A2", "\(name): the header row is not frozen")
            #expect(sheet["boldHeader"] as? Bool == true)
            #expect((sheet["widths"] as? [Double])?.allSatisfy { $0 >= 8 && $0 <= 62 } == true, "\(name): \(sheet["widths"] ?? "")")
        }
        return sheets
    }

    func rows(_ sheet: [String: Any]) -> (header: [String], rows: [[String: Any]]) {
        let all = sheet["rows"] as? [[Any]] ?? []
        let header = (all.first ?? []).map { "\($0)" }
        return (header, all.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    /// A date cell's day; a partial date (`2017-04`) is kept as text by design, and read as such.
    func date(_ cell: Any?) -> String? { (cell as? [String: String])?["date"] ?? (cell as? String) }

    @Test func workbooksHoldTheValuesOfTheJSONTyped() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }

        // list commitments: ids, due dates as dates, flags as booleans, counts as numbers, marks.
        let list = try exported(["list", "commitments"], tracker: tracker, scratch: scratch, name: "commitments")
        #expect(list.map { $0["name"] as? String } == ["commitments"])
        let (header, commitments) = rows(list[0])
        #expect(header.prefix(6) == ["id", "kind", "summary", "joint", "due", "overdue"])
        #expect(header.last == "marks")
        let targets = try #require(try json(["list", "commitments"], tracker: tracker)["targets"] as? [[String: Any]])
        #expect(commitments.count == targets.count && !targets.isEmpty)
        for (row, target) in zip(commitments, targets) {
            #expect(row["id"] as? String == target["id"] as? String)
            #expect(row["summary"] as? String == target["summary"] as? String)
            #expect(date(row["due"]) == target["due"] as? String, "\(target["id"] ?? "")")
            #expect(row["overdue"] as? Bool == target["overdue"] as? Bool)
            #expect((row["marks"] as? String ?? "") == ((target["marks"] as? [String]) ?? []).joined(separator: "; "))
            for party in target["parties"] as? [[String: Any]] ?? [] {
                let code = party["party"] as? String ?? ""
                #expect(row["\(code)_status"] as? String == party["status"] as? String)
                #expect(date(row["\(code)_since"]) == party["since"] as? String)
                #expect(row["\(code)_evidence"] as? Int == party["evidence"] as? Int)
            }
        }
        #expect(commitments.contains { ($0["marks"] as? String)?.contains("illustrative") == true },
                "the example's illustrative marks are not in the workbook")

        // status: one row per group and party, counts as numbers.
        let status = try exported(["status"], tracker: tracker, scratch: scratch, name: "status")
        let dashboard = rows(status[0]).rows
        let groups = try #require(try json(["status"], tracker: tracker)["groups"] as? [[String: Any]])
        #expect(dashboard.count == groups.reduce(0) { $0 + ($1["parties"] as? [Any] ?? []).count })
        for group in groups where !(group["parties"] as? [Any] ?? []).isEmpty {
            let row = try #require(dashboard.first { $0["group"] as? String == group["id"] as? String })
            #expect(row["targets"] as? Int == group["targets"] as? Int)
            #expect(row["group_overdue"] as? Int == group["overdue"] as? Int)
        }

        // gaps: one row per gap in report order, `since` a date.
        let gapSheets = try exported(["gaps"], tracker: tracker, scratch: scratch, name: "gaps")
        let gapRows = rows(gapSheets[0]).rows
        let gaps = try #require(try json(["gaps"], tracker: tracker)["gaps"] as? [[String: Any]])
        #expect(gapRows.map { $0["item"] as? String } == gaps.map { $0["item"] as? String })
        #expect(gapRows.map { $0["rule"] as? String } == gaps.map { $0["rule"] as? String })
        #expect(gapRows.map { date($0["since"]) } == gaps.map { $0["since"] as? String })

        // schedule: the reviews, and what falls due before each, dates as dates.
        let schedule = try exported(["schedule"], tracker: tracker, scratch: scratch, name: "schedule")
        #expect(schedule.map { $0["name"] as? String } == ["reviews", "due"])
        let reviews = try #require(try json(["schedule"], tracker: tracker)["reviews"] as? [[String: Any]])
        #expect(rows(schedule[0]).rows.map { $0["id"] as? String } == reviews.map { $0["id"] as? String })
        #expect(rows(schedule[0]).rows.map { date($0["date"]) } == reviews.map { $0["date"] as? String })
        let due = reviews.flatMap { review in (review["dueBefore"] as? [[String: Any]] ?? []).map { (review["id"] as? String, $0["date"] as? String) } }
        let dueRows = rows(schedule[1]).rows
        #expect(dueRows.map { $0["review"] as? String } == due.map(\.0))
        #expect(dueRows.map { date($0["due"]) } == due.map(\.1))
    }

    @Test func aWorkbookIsNotPrintedOnATerminal() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // `script` gives the command a terminal as standard output.
        let command = "\(AccordProcess.binary.path) status --format xlsx --repo \(tracker.path); echo \"exit=$?\""
        let result = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(result.stdout.contains("exit=64"), "\(result.stdout)")
        #expect(result.stdout.contains("--output FILE"), "\(result.stdout)")
        #expect(!result.stdout.contains("PK"), "zip bytes reached the terminal")
        // Piped, the bytes go out: a zip.
        let piped = try AccordProcess.run(URL(fileURLWithPath: "/bin/sh"),
                                          ["-c", "\(AccordProcess.binary.path) status --format xlsx --repo \(tracker.path) | head -c 2"])
        #expect(piped.stdout == "PK")
        let both = try AccordProcess.run(["gaps", "--summary", "--format", "xlsx", "--output", "x.xlsx", "--repo", tracker.path])
        #expect(both.status == 64)
    }

    /// python-docx's view of a document: each paragraph's style and text, the tables' cells.
    static let readDocument = """
    import json, sys, docx
    d = docx.Document(sys.argv[1])
    json.dump({"paragraphs": [[p.style.name, p.text] for p in d.paragraphs],
               "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, sys.stdout)
    """

    @Test func theSummaryIsAWordDocumentWithHeadingsTablesAndTheNotice() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let meeting = "2019-12-01-joint-review-2017-2019"
        let file = scratch.appendingPathComponent("summary.docx")
        let written = try AccordProcess.run(["summary", "--repo", tracker.path, "--meeting", meeting, "--format", "docx", "--output", file.path])
        try #require(written.status == 0, "\(written.stderr)")
        let document = try #require(try python(Self.readDocument, [file.path]) as? [String: Any])
        let paragraphs = try #require(document["paragraphs"] as? [[String]])
        let headings = paragraphs.filter { $0[0] == "Heading 1" }.map { $0[1] }
        for heading in ["Follow-up of the previous meeting's decisions", "Decisions of this meeting", "What each side did",
                        "Progress by area and party", "Gaps", "Due before the next review", "Indicators", "Draft agenda"] {
            #expect(headings.contains { $0.hasPrefix(heading) }, "no heading \(heading) in \(headings)")
        }
        #expect(paragraphs.first?[0] == "Title")
        // The notice on illustrative records, as the JSON states it.
        let summary = try JSONSerialization.jsonObject(with: Data(try AccordProcess.run(
            ["summary", "--repo", tracker.path, "--meeting", meeting, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let notice = try #require((summary?["notice"] as? [String: Any])?["text"] as? String)
        #expect(paragraphs.contains { $0[0] == "Notice" && $0[1].hasSuffix(notice) })
        // The gap table holds the gaps the JSON lists.
        let tables = try #require(document["tables"] as? [[[String]]])
        #expect(tables.count >= 5)
        let gapItems = ((summary?["gaps"] as? [String: Any])?["gaps"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        let cells = Set(tables.flatMap { $0.flatMap { $0 } })
        #expect(gapItems.prefix(3).allSatisfy { item in cells.contains { $0.contains(item) } }, "\(gapItems.prefix(3))")

        // In Vietnamese and Khmer: every run carries its language.
        let both = scratch.appendingPathComponent("summary-vi-km.docx")
        let bilingual = try AccordProcess.run(["summary", "--repo", tracker.path, "--meeting", meeting, "--format", "docx",
                                               "--lang", "vi,km", "--output", both.path])
        try #require(bilingual.status == 0, "\(bilingual.stderr)")
        let languages = try #require(try python("""
        import json, re, sys, zipfile
        xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
        runs = re.findall(r"<w:r>(.*?)</w:r>", xml)
        khmer = [r for r in runs if re.search("[\\u1780-\\u17FF]", r)]
        json.dump({"runs": len(runs), "vi": sum('w:val="vi-VN"' in r for r in runs),
                   "km": sum('w:val="km-KH"' in r for r in khmer), "khmer": len(khmer),
                   "unmarked": sum("<w:lang " not in r for r in runs)}, sys.stdout)
        """, [both.path]) as? [String: Int])
        #expect(languages["unmarked"] == 0, "\(languages)")
        #expect((languages["vi"] ?? 0) > 0 && (languages["khmer"] ?? 0) > 0, "\(languages)")
        #expect(languages["km"] == languages["khmer"], "Khmer runs without km-KH: \(languages)")
    }

    /// The text a Word document's tracked changes give when all are accepted or all
    /// rejected, from the first heading on, as its words (letters only: numbers and
    /// punctuation are formatted differently in the Markdown source).
    static let resolveChanges = """
    import json, re, sys, zipfile
    import xml.etree.ElementTree as ET
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml")).find(W + "body")
    def text(accept):
        out = []
        started = False
        for p in body.iter(W + "p"):
            style = p.find(W + "pPr/" + W + "pStyle")
            if style is not None and style.get(W + "val", "").startswith("Heading"): started = True
            if not started: continue
            def walk(node, inside):
                for child in node:
                    tag = child.tag
                    if tag == W + "ins": walk(child, "ins")
                    elif tag == W + "del": walk(child, "del")
                    elif tag in (W + "t", W + "delText"):
                        if inside is None or (inside == "ins") == accept: out.append(child.text or "")
                    elif tag == W + "br": out.append(" ")
                    else: walk(child, inside)
            walk(p, None)
            out.append(" ")
        return re.findall(r"[^\\W\\d_]+", "".join(out))
    def words(path):
        return re.findall(r"[^\\W\\d_]+", open(path, encoding="utf-8").read())
    json.dump({"accepted": text(True), "rejected": text(False), "new": words(sys.argv[2]), "old": words(sys.argv[3]),
               "ins": len(body.findall(".//" + W + "ins")), "del": len(body.findall(".//" + W + "del")),
               "authors": sorted({e.get(W + "author") for e in body.iter() if e.tag in (W + "ins", W + "del")}),
               "dates": sorted({e.get(W + "date") for e in body.iter() if e.tag in (W + "ins", W + "del")})}, sys.stdout)
    """

    @Test func theDiffAsWordTrackedChangesAcceptsToTheNewTextAndRejectsToTheOld() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let old = "tip-2005@2005-10-10", new = "tip-2005@2012-09-28"
        let file = scratch.appendingPathComponent("changes.docx")
        let written = try AccordProcess.run(["diff", "tip-2005", old, new, "--format", "docx", "--output", file.path,
                                             "--author", "Legal Department", "--repo", tracker.path])
        try #require(written.status == 0, "\(written.stderr)")
        for (tag, name) in [(old, "old.md"), (new, "new.md")] {
            let text = try AccordProcess.git(["show", "\(tag):Agreements/tip-2005/text.en.md"], in: tracker)
            try Data(text.utf8).write(to: scratch.appendingPathComponent(name))
        }
        let resolved = try #require(try python(Self.resolveChanges, [file.path, scratch.appendingPathComponent("new.md").path,
                                                                     scratch.appendingPathComponent("old.md").path]) as? [String: Any])
        let accepted = resolved["accepted"] as? [String] ?? [], rejected = resolved["rejected"] as? [String] ?? []
        #expect((resolved["ins"] as? Int ?? 0) > 0 && (resolved["del"] as? Int ?? 0) > 0)
        #expect(resolved["authors"] as? [String] == ["Legal Department"])
        #expect(resolved["dates"] as? [String] == ["2012-09-28T00:00:00Z"])
        let newWords = resolved["new"] as? [String] ?? [], oldWords = resolved["old"] as? [String] ?? []
        #expect(accepted == newWords, "accepting all: \(Self.firstDifference(accepted, newWords))")
        #expect(rejected == oldWords, "rejecting all: \(Self.firstDifference(rejected, oldWords))")
        #expect(accepted != rejected)
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        return "at word \(index) of \(a.count)/\(b.count): \(a[index..<min(a.count, index + 8)]) vs \(b[index..<min(b.count, index + 8)])"
    }

    @Test(.tags(.slow), runBySlowTarget) func summaryAndDiffPrintToPDFThroughChromium() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            Issue.record("chromium or poppler-utils is missing: make test installs them")
            return
        }
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let summary = scratch.appendingPathComponent("summary.pdf"), diff = scratch.appendingPathComponent("diff.pdf")
        let printed = try AccordProcess.run(["summary", "--repo", tracker.path, "--meeting", "2019-12-01-joint-review-2017-2019",
                                             "--format", "pdf", "--output", summary.path])
        try #require(printed.status == 0, "\(printed.stderr)")
        let summaryText = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [summary.path, "-"]).stdout
        #expect(summaryText.contains("What each side did") && summaryText.contains("Draft agenda"))
        let redline = try AccordProcess.run(["diff", "tip-2005", "tip-2005@2005-10-10", "tip-2005@2012-09-28", "--format", "pdf",
                                             "--output", diff.path, "--repo", tracker.path])
        try #require(redline.status == 0, "\(redline.stderr)")
        let diffText = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/pdftotext"), [diff.path, "-"]).stdout
        #expect(diffText.contains("Article"))

        // Without Chromium: a clear message, exit 70, no file.
        let missing = scratch.appendingPathComponent("missing.pdf")
        let refused = try AccordProcess.run(["summary", "--repo", tracker.path, "--format", "pdf", "--output", missing.path],
                                            environment: ["ACCORD_CHROMIUM": scratch.appendingPathComponent("no-chromium").path])
        #expect(refused.status == 70)
        #expect(refused.stderr.contains("Chromium is not installed"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}
