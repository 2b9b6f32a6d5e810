import Foundation
import TestSupport
import Testing

/// `accord plan add` and `accord plan import` on the example tracker: each change one
/// commit, every row of a matrix checked first, nothing recorded on a problem.
@Suite struct PlanCommandTests {
    func example() throws -> (scratch: URL, tracker: URL) { try AccordProcess.exampleTracker() }

    func count(_ tracker: URL) throws -> Int {
        Int(try CLI.git("rev-list", "--count", "HEAD", in: tracker).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func addRecordsOneItemAsOneCommit() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try count(tracker)
        let added = try CLI.run(["plan", "add", "plan-2017-2020#3.9", "--title", "Huấn luyện cán bộ biên phòng",
                                 "--lead", "VN: Bộ Tư lệnh Bộ đội Biên phòng", "--lead", "KH: ក្រសួងមហាផ្ទៃ",
                                 "--start", "2018-01-01", "--end", "2019-12-31", "--target", "200 officials trained"], cwd: tracker)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try count(tracker) == before + 1)
        #expect(try CLI.git("log", "-1", "--format=%s", in: tracker).stdout == "Plan: add plan-2017-2020#3.9\n")
        let shown = try CLI.run(["show", "plan-2017-2020#3.9"], cwd: tracker)
        #expect(shown.status == 0 && shown.stdout.contains("Huấn luyện cán bộ biên phòng"), "\(shown.stdout)\(shown.stderr)")
        #expect(shown.stdout.contains("ក្រសួងមហាផ្ទៃ"), "\(shown.stdout)")
        #expect(try CLI.run(["validate"], cwd: tracker).status == 0)

        // The item in a workbook: Vietnamese and Khmer as written, the dates typed.
        let book = scratch.appendingPathComponent("items.xlsx")
        let exported = try CLI.run(["list", "items", "--format", "xlsx", "--output", book.path, "--as-of", "2019-06-30"], cwd: tracker)
        try #require(exported.status == 0, "\(exported.stderr)")
        let row = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
        import json, sys, openpyxl
        ws = openpyxl.load_workbook(sys.argv[1]).active
        rows = list(ws.iter_rows(values_only=True))
        row = dict(zip(rows[0], next(r for r in rows if r[0] == "plan-2017-2020#3.9")))
        print(json.dumps({"summary": row["summary"], "VN": row["VN_responsible"], "KH": row["KH_responsible"],
                          "due": row["due"].date().isoformat()}, ensure_ascii=False))
        """, book.path])
        #expect(row.stdout == #"{"summary": "Huấn luyện cán bộ biên phòng", "VN": "Bộ Tư lệnh Bộ đội Biên phòng", "KH": "ក្រសួងមហាផ្ទៃ", "due": "2019-12-31"}"# + "\n",
                "\(row.stdout)\(row.stderr)")

        // The same id again, an area the plan lacks, a party it does not bind: refused, nothing recorded.
        for (arguments, message) in [
            (["plan-2017-2020#3.9", "--title", "Again"], "is in the plan already"),
            (["plan-2017-2020#9.1", "--title", "New area"], "the plan has no area 9"),
            (["plan-2017-2020#3.10", "--title", "Other", "--lead", "TH: Ministry"], "TH is not a party"),
        ] {
            let refused = try CLI.run(["plan", "add"] + arguments, cwd: tracker)
            #expect(refused.status == 65 && refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
        #expect(try count(tracker) == before + 1)
        let newArea = try CLI.run(["plan", "add", "plan-2017-2020#9.1", "--title", "New area item", "--area-title", "Research"], cwd: tracker)
        #expect(newArea.status == 0, "\(newArea.stderr)")
    }

    /// `show` of a plan lists the commits that changed its file, as `git log -- FILE` does,
    /// whether the answer is worked out or kept from an earlier command: after an item is
    /// added, after a report leaves the plan's folder alone, and after a commit made with git.
    @Test func showListsThePlansRevisionsAsGitLogDoes() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = "Plans/plan-2017-2020.yaml"
        func check(_ step: String) throws {
            let shown = try CLI.run(["show", "plan-2017-2020", "--json"], cwd: tracker)
            try #require(shown.status == 0, "\(step): \(shown.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let revisions = try #require((json["instrument"] as? [String: Any])?["revisions"] as? [[String: Any]], "\(step)")
            let logged = try CLI.git("log", "--format=%H", "--", file, in: tracker).stdout.split(separator: "\n").map(String.init)
            #expect(!logged.isEmpty, "\(step)")
            #expect(revisions.compactMap { $0["commit"] as? String } == logged, "\(step)")
        }
        try check("the example")
        let added = try CLI.run(["plan", "add", "plan-2017-2020#3.9", "--title", "Hotline staff trained"], cwd: tracker)
        try #require(added.status == 0, "\(added.stderr)")
        try check("an item added")
        let logged = try CLI.run(["log", "plan-2017-2020#3.9", "--status", "in-progress", "--party", "VN", "--date", "2019-05-02"], cwd: tracker)
        try #require(logged.status == 0, "\(logged.stderr)")
        try check("a report logged")
        let plan = tracker.appendingPathComponent(file)
        try (String(contentsOf: plan, encoding: .utf8) + "# reviewed 2019-06-01\n").write(to: plan, atomically: true, encoding: .utf8)
        _ = try CLI.git("commit", "-q", "-am", "Plan reviewed", in: tracker)
        try check("a commit made with git")
    }

    @Test func aMatrixIsCheckedWholeThenRecordedInOneCommit() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try count(tracker)
        // A matrix as a ministry keeps it: one row per item and party, made with openpyxl,
        // with real date cells and Vietnamese and Khmer agencies.
        let matrix = scratch.appendingPathComponent("matrix.xlsx")
        let made = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", """
        import datetime, sys, openpyxl
        book = openpyxl.Workbook(); ws = book.active
        ws.append(["Area", "Area title", "Item", "Title", "Lead agency", "Party", "Target", "Start", "End"])
        ws.append(["7", "Research", "7.1", "Study of recruitment online", "Viện Khoa học Công an", "VN", "one study", datetime.date(2018, 1, 1), datetime.date(2018, 12, 31)])
        ws.append(["7", "", "7.1", "", "ក្រសួងមហាផ្ទៃ", "KH", "", None, None])
        ws.append(["3", "", "3.8", "Hotline in both languages", "Ministry of Labour", "vn", "", datetime.date(2019, 1, 1), datetime.date(2020, 6, 30)])
        book.save(sys.argv[1])
        """, matrix.path])
        try #require(made.status == 0, "\(made.stderr)")
        let dry = try CLI.run(["plan", "import", matrix.path, "--plan", "plan-2017-2020", "--dry-run"], cwd: tracker)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would add plan-2017-2020#7.1 Study of recruitment online (lead: KH: ក្រសួងមហាផ្ទៃ; VN: Viện Khoa học Công an)"), "\(dry.stdout)")
        #expect(dry.stdout.contains("2 items would be added; nothing was recorded"), "\(dry.stdout)")
        #expect(try count(tracker) == before)
        let khmer = try CLI.run(["plan", "import", matrix.path, "--plan", "plan-2017-2020", "--dry-run", "--lang", "km"], cwd: tracker)
        #expect(khmer.stdout.contains("នឹងបន្ថែម plan-2017-2020#7.1 Study of recruitment online (ស្ថាប័នដឹកនាំ៖ KH: ក្រសួងមហាផ្ទៃ"), "\(khmer.stdout)")
        #expect(khmer.stdout.contains("ចំណុច 2 នឹងត្រូវបន្ថែម; គ្មានអ្វីត្រូវបានកត់ត្រាទេ (--dry-run)"), "\(khmer.stdout)")
        // A ministry's own headers, in Vietnamese: read as accord's columns, and a problem
        // names the column as the sheet writes it.
        let vietnamese = scratch.appendingPathComponent("ke-hoach.csv")
        try Data("Lĩnh vực,Mục,Tên hoạt động,Cơ quan chủ trì,Bên,Thời gian\n3,3.10,Tập huấn,Bộ Công an,VN,2019\n3,3.11,,Bộ Công an,VN,2019\n".utf8)
            .write(to: vietnamese)
        let read = try CLI.run(["plan", "import", vietnamese.path, "--plan", "plan-2017-2020", "--dry-run", "--lang", "vi"], cwd: tracker)
        #expect(read.status == 65)
        #expect(read.stderr.contains("\(vietnamese.path):3:tên hoạt động: trống"), "\(read.stderr)")
        try Data("Lĩnh vực,Mục,Tên hoạt động,Cơ quan chủ trì,Bên,Thời gian\n3,3.10,Tập huấn,Bộ Công an,VN,2019\n".utf8).write(to: vietnamese)
        let fine = try CLI.run(["plan", "import", vietnamese.path, "--plan", "plan-2017-2020", "--dry-run"], cwd: tracker)
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout.contains("would add plan-2017-2020#3.10 Tập huấn (lead: VN: Bộ Công an)"), "\(fine.stdout)")
        // A title's control characters (a matrix received by e-mail) reach no terminal.
        let csv = scratch.appendingPathComponent("matrix.csv")
        try Data("area,item,title\n3,3.9,\"Survey\u{1B}]0;owned\u{07} of shelters\"\n".utf8).write(to: csv)
        let escaped = try CLI.run(["plan", "import", csv.path, "--plan", "plan-2017-2020", "--dry-run"], cwd: tracker)
        #expect(escaped.status == 0, "\(escaped.stderr)")
        #expect(!escaped.stdout.contains("\u{1B}") && !escaped.stdout.contains("\u{07}"), "\(escaped.stdout)")
        #expect(escaped.stdout.contains(#"would add plan-2017-2020#3.9 Survey\u{1B}]0;owned\u{7} of shelters"#), "\(escaped.stdout)")

        let imported = try CLI.run(["plan", "import", matrix.path, "--plan", "plan-2017-2020"], cwd: tracker)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try count(tracker) == before + 1)
        let items = try CLI.run(["list", "items", "--json", "--as-of", "2019-06-30"], cwd: tracker)
        #expect(items.stdout.contains("\"plan-2017-2020#7.1\"") && items.stdout.contains("\"plan-2017-2020#3.8\""))
        #expect(try CLI.run(["validate"], cwd: tracker).status == 0)
    }

    @Test func everyProblemOfAMatrixIsListedAndNothingRecorded() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try count(tracker)
        let csv = scratch.appendingPathComponent("matrix.csv")
        try Data("""
        area,item,title,lead agency,party,period
        3,3.1,Exists already,Ministry,VN,2018
        3,3.8,Bad party,Ministry,XX,2018
        3,3.9,Bad period,Ministry,KH,31/12/2018
        8,8.1,No such area,Ministry,KH,2018-2019
        3,3.10,,Ministry,KH,2018

        """.utf8).write(to: csv)
        let result = try CLI.run(["plan", "import", csv.path, "--plan", "plan-2017-2020"], cwd: tracker)
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "accord: 5 problems in \(csv.path); nothing was recorded:", "\(result.stderr)")
        #expect(lines.dropFirst().map { String($0.drop(while: { $0 == " " }).prefix(while: { $0 != " " })) }
                == ["\(csv.path):2:item:", "\(csv.path):3:party:", "\(csv.path):4:period:", "\(csv.path):5:area:", "\(csv.path):6:title:"],
                "\(result.stderr)")

        let unknown = scratch.appendingPathComponent("unknown.csv")
        try Data("area,item,title,budget\n3,3.8,Item,100\n".utf8).write(to: unknown)
        let empty = scratch.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let fixtures = InstrumentImportTests.fixtures
        for (path, message) in [
            (unknown.path, ":1:D: unknown column \"budget\""),
            (empty.path, ": the file is empty"),
            (fixtures.appendingPathComponent("reports-merged.xlsx").path, ":2:A: merged cells (A2:A3)"),
            (fixtures.appendingPathComponent("reports-formula.xlsx").path, ":2:D: a formula"),
        ] {
            let refused = try CLI.run(["plan", "import", path, "--plan", "plan-2017-2020"], cwd: tracker)
            #expect(refused.status == 65, "\(path): \(refused.stderr)")
            #expect(refused.stderr.contains("\(path)\(message)"), "\(refused.stderr)")
        }
        #expect(try CLI.run(["plan", "import", scratch.appendingPathComponent("none.xlsx").path, "--plan", "plan-2017-2020"],
                            cwd: tracker).status == 66)
        #expect(try count(tracker) == before)
    }
}
