import Foundation
import TestSupport
import Testing

/// `accord instrument add` and `accord amend` with Word, PDF and text files, on the built
/// binary: one commit dated on the signing day, texts as their words, bad files refused.
@Suite struct InstrumentImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Import")

    /// A new, empty tracker in a scratch folder; the caller removes `folder`.
    func tracker() throws -> (folder: URL, tracker: URL) {
        let folder = try ScratchFolder.make()
        let tracker = folder.appendingPathComponent("tracker")
        let made = try CLI.run(["init", tracker.path])
        #expect(made.status == 0, "\(made.stderr)")
        return (folder, tracker)
    }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func commitCount(_ tracker: URL) throws -> String { try CLI.git("rev-list", "--all", "--count", in: tracker).stdout }

    let record = ["instrument", "add", "tip-2005", "--title", "Agreement on cooperation against trafficking in persons",
                  "--title", "vi: Hiệp định hợp tác phòng, chống buôn bán người", "--parties", "VN,KH",
                  "--signed", "2005-10-10", "--place", "Hanoi", "--signatory", "VN: Minister of Public Security",
                  "--signatory", "KH: Minister of Interior", "--in-force", "2005-10-10"]

    @Test func addRecordsOneCommitDatedOnTheSigningDay() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(record + ["--text", fixture("agreement.en.docx"), "--lang", "en",
                                           "--text", fixture("agreement.vi.pdf"), "--lang", "vi",
                                           "--text", fixture("agreement.km.docx"), "--lang", "km"], cwd: tracker)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Recorded tip-2005@2005-10-10"))
        #expect(try CLI.git("log", "-1", "--format=%ad|%s", "--date=iso-strict", in: tracker).stdout
                == "2005-10-10T12:00:00+00:00|Add tip-2005: Agreement on cooperation against trafficking in persons\n")
        #expect(try CLI.git("show", "--name-only", "--format=", "HEAD", in: tracker).stdout
                == "Agreements/tip-2005/instrument.yaml\nAgreements/tip-2005/text.en.md\nAgreements/tip-2005/text.km.md\n"
                + "Agreements/tip-2005/text.vi.md\n")
        #expect(try CLI.git("rev-parse", "tip-2005@2005-10-10^{commit}", in: tracker).stdout
                == (try CLI.git("rev-parse", "HEAD", in: tracker).stdout))
        let yaml = try String(contentsOf: tracker.appendingPathComponent("Agreements/tip-2005/instrument.yaml"), encoding: .utf8)
        #expect(yaml.contains("languages: [en, vi, km]"))
        #expect(yaml.contains("status: in-force"))
        let vietnamese = try String(contentsOf: tracker.appendingPathComponent("Agreements/tip-2005/text.vi.md"), encoding: .utf8)
        #expect(vietnamese.contains("## Điều 3. Hồi hương"))
        let validated = try CLI.run(["validate"], cwd: tracker)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        let shown = try CLI.run(["show", "tip-2005#2.2"], cwd: tracker)
        #expect(shown.status == 0 && shown.stdout.contains("Victim"), "\(shown.stdout)\(shown.stderr)")
    }

    @Test func dryRunPrintsTheOutlineAndRecordsNothing() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try commitCount(tracker)
        let result = try CLI.run(record + ["--text", fixture("agreement.km.pdf"), "--lang", "km", "--dry-run"], cwd: tracker)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Article 1 — គោលបំណង (2 clauses)"))
        #expect(result.stdout.contains("Article 2 — ការធ្វើមាតុភូមិនិវត្តន៍ (2 clauses)"))
        #expect(try commitCount(tracker) == before)
    }

    /// A Khmer law as ministries write it: numbers attached to `មាត្រា`, bold chapter and
    /// book headings, points `១-` and `ក-`; the outline shows what the import found.
    @Test func aKhmerLawsArticlesAndChaptersAreFound() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(record + ["--text", fixture("law.km.docx"), "--lang", "km", "--dry-run"], cwd: tracker)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for expected in ["គន្ថីទី១ បទប្បញ្ញត្តិទូទៅ", "ជំពូកទី១", "Article 1 — គោលបំណង", "Article 2 — វិសាលភាព (2 clauses)",
                         "ជំពូកទី២ ការការពារជនរងគ្រោះ", "Article 3ថ្មី — ការស្នាក់នៅ", "ភាគ ២ បទប្បញ្ញត្តិអវសាន្ត",
                         "Article 4 — ការចូលជាធរមាន"] {
            #expect(lines.contains(expected), "\(expected): \(result.stdout)")
        }
    }

    @Test func aTrackChangesDraftIsTheOldAndTheNewText() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try CLI.run(record + ["--text", fixture("draft.en.docx"), "--lang", "en", "--changes", "reject"], cwd: tracker)
        #expect(added.status == 0, "\(added.stderr)")
        let amended = try CLI.run(["amend", "tip-2005", "--text", fixture("draft.en.docx"), "--changes", "accept",
                                   "--date", "2012-09-28", "--message", "Agreement amending the 2005 agreement"], cwd: tracker)
        #expect(amended.status == 0, "\(amended.stderr)")
        let diff = try CLI.run(["diff", "tip-2005", "--color", "never"], cwd: tracker)
        #expect(diff.stdout.contains("at least [-once-]{+twice+} a year"), "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("1.3 (added)"))
    }

    /// A minimal PDF with a drawn rectangle and no text: what a scanner makes, without the image.
    static let scannedPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
        4 0 obj << /Length 24 >> stream
        10 10 100 100 re f
        endstream endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """

    @Test func badFilesAreRefusedAndNothingIsRecorded() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try commitCount(tracker)
        func file(_ name: String, _ data: Data) throws -> String {
            let url = folder.appendingPathComponent(name)
            try data.write(to: url)
            return url.path
        }
        let big = folder.appendingPathComponent("big.docx")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        let cases: [(String, Int32, String)] = [
            (try file("damaged.docx", Data("this is not a zip".utf8)), 65, "not a Word document"),
            (try file("locked.docx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))),
             65, "password-protected"),
            (try file("scan.pdf", Data(Self.scannedPDF.utf8)), 65, "no text layer"),
            (try file("empty.txt", Data()), 65, "the file is empty"),
            (try file("latin1.txt", Data([0x41, 0x72, 0x74, 0xE9, 0x0A])), 65, "not valid UTF-8"),
            (big.path, 65, "50 MiB"),
            (fixture("draft.en.docx"), 65, "--changes accept"),
            (folder.appendingPathComponent("missing.docx").path, 66, "no such file"),
        ]
        for (path, status, message) in cases {
            let result = try CLI.run(record + ["--text", path, "--lang", "en"], cwd: tracker)
            #expect(result.status == status, "\(path): \(result.stderr)")
            #expect(result.stderr.hasPrefix("accord: \(path)") || result.stderr.contains(path), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try commitCount(tracker) == before)
    }
}

/// `accord commitment add|edit|remove` on the built binary: one commit each, only the entry
/// touched, and nothing the tracker would not validate.
@Suite struct CommitmentCommandTests {
    @Test(.scratchFolder) func theRegisterIsKeptWithoutYAML() throws {
        let folder = try ScratchFolder.current.url
        let tracker = folder.appendingPathComponent("tracker")
        #expect(try CLI.run(["init", tracker.path]).status == 0)
        let text = InstrumentImportTests.fixtures.appendingPathComponent("agreement.en.docx").path
        let added = try CLI.run(["instrument", "add", "tip-2005", "--title", "Agreement", "--parties", "VN,KH",
                                 "--signed", "2005-10-10", "--text", text, "--lang", "en"], cwd: tracker)
        #expect(added.status == 0, "\(added.stderr)")

        let first = try CLI.run(["commitment", "add", "tip-2005#1.1", "--summary", "Designate a focal agency",
                                 "--agency", "VN: Ministry of Public Security", "--agency", "KH: Ministry of Interior",
                                 "--due", "2006-01-31"], cwd: tracker)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["commitment", "add", "tip-2005#1.2", "--summary", "Meet every year", "--bound", "joint",
                                  "--due", "2006-06-30", "--every", "12"], cwd: tracker)
        #expect(second.status == 0, "\(second.stderr)")
        let edited = try CLI.run(["commitment", "edit", "tip-2005#1.1", "--note", "From the signed text"], cwd: tracker)
        #expect(edited.status == 0, "\(edited.stderr)")
        let diff = try CLI.git("diff", "HEAD~1", "HEAD", "--unified=0", in: tracker).stdout
        let changed = diff.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(changed == ["+    note: From the signed text"])

        let missingClause = try CLI.run(["commitment", "add", "tip-2005#9.9", "--summary", "Nothing"], cwd: tracker)
        #expect(missingClause.status == 65 && missingClause.stderr.contains("clause 9.9 is not in text.en.md"), "\(missingClause.stderr)")
        #expect(try CLI.run(["commitment", "add", "tip-2005#1.1", "--summary", "Again"], cwd: tracker).status == 73)
        let removed = try CLI.run(["commitment", "remove", "tip-2005#1.2"], cwd: tracker)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try CLI.run(["commitment", "remove", "tip-2005#1.2"], cwd: tracker).status == 66)

        let shown = try CLI.run(["list", "commitments", "--json"], cwd: tracker)
        #expect(shown.stdout.contains("tip-2005#1.1") && !shown.stdout.contains("tip-2005#1.2"), "\(shown.stdout)")
        #expect(try CLI.git("rev-list", "--count", "HEAD", in: tracker).stdout == "6\n")
        #expect(try CLI.run(["validate"], cwd: tracker).status == 0)
    }
}

/// `--bom` puts a UTF-8 byte order mark before the CSV, for Excel; nothing else changes.
@Suite struct CSVByteOrderMarkTests {
    @Test(.scratchFolder) func bomStartsTheCSVAndNeedsCSV() throws {
        let folder = try ScratchFolder.current.url
        let tracker = folder.appendingPathComponent("tracker")
        #expect(try CLI.run(["init", tracker.path]).status == 0)
        let text = InstrumentImportTests.fixtures.appendingPathComponent("agreement.vi.docx").path
        #expect(try CLI.run(["instrument", "add", "hd-2005", "--title", "Hiệp định", "--parties", "VN,KH",
                             "--signed", "2005-10-10", "--text", text, "--lang", "vi"], cwd: tracker).status == 0)
        for command in [["list", "instruments"], ["status"], ["gaps"], ["schedule"]] {
            let plain = try CLI.run(command + ["--csv"], cwd: tracker)
            let marked = try CLI.run(command + ["--csv", "--bom"], cwd: tracker)
            #expect(plain.status == 0 && marked.status == 0, "\(command): \(marked.stderr)")
            #expect(marked.stdout == "\u{FEFF}" + plain.stdout, "\(command)")
        }
        #expect(try CLI.run(["status", "--bom"], cwd: tracker).status == 64)
    }
}

/// `accord import reports` with spreadsheets LibreOffice wrote (make-sheets.py) and CSV:
/// all rows checked first, every problem listed, one commit per report.
@Suite struct ImportReportsTests {
    /// A tracker with tip-2005 from the Word fixture and commitments 1.1 (each) and 1.2 (joint).
    func tracker() throws -> (folder: URL, tracker: URL) {
        let folder = try ScratchFolder.make()
        let tracker = folder.appendingPathComponent("tracker")
        #expect(try CLI.run(["init", tracker.path]).status == 0)
        let text = InstrumentImportTests.fixtures.appendingPathComponent("agreement.en.docx").path
        #expect(try CLI.run(["instrument", "add", "tip-2005", "--title", "Agreement", "--parties", "VN,KH",
                             "--signed", "2005-10-10", "--in-force", "2005-10-10", "--text", text, "--lang", "en"], cwd: tracker).status == 0)
        #expect(try CLI.run(["commitment", "add", "tip-2005#1.1", "--summary", "Designate a focal agency"], cwd: tracker).status == 0)
        #expect(try CLI.run(["commitment", "add", "tip-2005#1.2", "--summary", "Meet", "--bound", "joint"], cwd: tracker).status == 0)
        return (folder, tracker)
    }

    func sheet(_ name: String) -> String { InstrumentImportTests.fixtures.appendingPathComponent(name).path }

    func count(_ tracker: URL) throws -> String { try CLI.git("rev-list", "--count", "HEAD", in: tracker).stdout }

    @Test func aSpreadsheetBecomesOneCommitPerReport() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try count(tracker)
        let dry = try CLI.run(["import", "reports", sheet("reports.xlsx"), "--dry-run"], cwd: tracker)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("row 3: would record tip-2005#1.1 KH in-progress on 2006-04-15"), "\(dry.stdout)")
        #expect(try count(tracker) == before)

        let result = try CLI.run(["import", "reports", sheet("reports.xlsx")], cwd: tracker)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Int(try count(tracker).trimmingCharacters(in: .newlines)) == Int(before.trimmingCharacters(in: .newlines))! + 3)
        #expect(try CLI.git("log", "-3", "--format=%ad %s", "--date=short", in: tracker).stdout
                == "2006-06-30 tip-2005#1.2: joint implemented\n2006-04-15 tip-2005#1.1: KH in-progress\n2006-03-31 tip-2005#1.1: VN implemented\n")
        let shown = try CLI.run(["show", "tip-2005#1.1"], cwd: tracker)
        #expect(shown.stdout.contains("Cục Cảnh sát hình sự được chỉ định."), "\(shown.stdout)")
        #expect(try CLI.run(["validate"], cwd: tracker).status == 0)
        // The series brought the working folder and its index up to date once, at the end.
        #expect(try CLI.git("status", "--porcelain", in: tracker).stdout == "")
        // What the import left in the derived store is what a read from nothing gives.
        let stored = try CLI.run(["status", "--json"], cwd: tracker)
        for kept in ["cache", "derived.sqlite", "derived.sqlite-wal", "derived.sqlite-shm"] {
            try? FileManager.default.removeItem(at: tracker.appendingPathComponent(".git/accord/\(kept)"))
        }
        #expect(try CLI.run(["status", "--json"], cwd: tracker).stdout == stored.stdout)
    }

    /// A desk working in Khmer or Vietnamese reads what an import would do, did, and found
    /// wrong in its own language.
    @Test func anImportSpeaksTheReadersLanguage() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dry = try CLI.run(["import", "reports", sheet("reports.xlsx"), "--dry-run", "--lang", "km"], cwd: tracker)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("ជួរ 3៖ នឹងកត់ត្រា tip-2005#1.1 KH in-progress នៅថ្ងៃ 2006-04-15"), "\(dry.stdout)")
        #expect(dry.stdout.contains("របាយការណ៍ 3 នឹងត្រូវកត់ត្រា; គ្មានអ្វីត្រូវបានកត់ត្រាទេ (--dry-run)"), "\(dry.stdout)")
        let bad = try CLI.run(["import", "reports", sheet("reports-bad.xlsx"), "--lang", "vi"], cwd: tracker)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("\"31/03/2006\" là ngày được gõ dạng văn bản mà accord không đọc được"), "\(bad.stderr)")
        let csv = folder.appendingPathComponent("reports.csv")
        try Data("target,party,status,date,note\ntip-2005#1.1,VN,in-progress,2006-05-01,Đã họp\n".utf8).write(to: csv)
        let done = try CLI.run(["import", "reports", csv.path, "--lang", "vi"], cwd: tracker)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("đã ghi 1 báo cáo từ \(csv.path)"), "\(done.stdout)")
        #expect(done.stdout.contains(" ngày 2006-05-01 (dòng 2, commit "), "\(done.stdout)")
        // A row without its party, on a target binding both: the cell is named, not --party.
        let noParty = folder.appendingPathComponent("no-party.csv")
        try Data("target,status,date\ntip-2005#1.1,implemented,2006-05-03\n".utf8).write(to: noParty)
        let refused = try CLI.run(["import", "reports", noParty.path], cwd: tracker)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("no-party.csv:2:party: empty; tip-2005#1.1 binds VN, KH: say which of them reports"), "\(refused.stderr)")
        // A reporter that is no name is named by its cell, not by --by.
        try Data("target,party,status,date,reporter\ntip-2005#1.1,VN,implemented,2006-05-03,A <b> <c@d>\n".utf8).write(to: noParty)
        let badReporter = try CLI.run(["import", "reports", noParty.path], cwd: tracker)
        #expect(badReporter.status == 65)
        #expect(badReporter.stderr.contains("no-party.csv:2:reporter: \"A <b> <c@d>\" should be a name or \"Name <email>\""), "\(badReporter.stderr)")
        // Headers in Khmer, as a desk in Phnom Penh writes them.
        let khmer = folder.appendingPathComponent("khmer.csv")
        try Data("ចំណុច,ភាគី,ស្ថានភាព,កាលបរិច្ឆេទ,កំណត់សម្គាល់\ntip-2005#1.1,KH,implemented,2006-05-02,បានធ្វើរួច\n".utf8).write(to: khmer)
        let fromKhmer = try CLI.run(["import", "reports", khmer.path, "--dry-run"], cwd: tracker)
        #expect(fromKhmer.status == 0, "\(fromKhmer.stderr)")
        #expect(fromKhmer.stdout.contains("row 2: would record tip-2005#1.1 KH implemented on 2006-05-02"), "\(fromKhmer.stdout)")
    }

    @Test func everyProblemIsListedAndNothingRecorded() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try count(tracker)
        let bad = sheet("reports-bad.xlsx")
        let result = try CLI.run(["import", "reports", bad], cwd: tracker)
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "accord: 4 problems in \(bad); nothing was recorded:", "\(result.stderr)")
        #expect(lines.dropFirst().map { String($0.drop(while: { $0 == " " }).prefix(while: { $0 != " " })) }
                == ["\(bad):2:date:", "\(bad):3:status:", "\(bad):4:target:", "\(bad):5:date:"], "\(result.stderr)")
        #expect(result.stderr.contains("\"31/03/2006\" is a date typed as text"))

        let csv = folder.appendingPathComponent("reports.csv")
        try Data("target,status,date,party\ntip-2005#1.1,implemented,2006-03-31,VN\ntip-2005#1.1,implemented,2006-03-31,XX\n".utf8).write(to: csv)
        let fromCSV = try CLI.run(["import", "reports", csv.path], cwd: tracker)
        #expect(fromCSV.status == 65 && fromCSV.stderr.contains("\(csv.path):3:party:"), "\(fromCSV.stderr)")

        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        let cases: [(String, String)] = [
            (sheet("reports-formula.xlsx"), ":2:D: a formula"),
            (sheet("reports-merged.xlsx"), ":2:A: merged cells (A2:A3)"),
            (sheet("reports-column.xlsx"), ":1:F: unknown column \"budget\""),
            (empty.path, ": the file is empty"),
            (InstrumentImportTests.fixtures.appendingPathComponent("agreement.en.docx").path, ": accord reads tables from .xlsx and .csv files, not .docx"),
        ]
        for (path, message) in cases {
            let refused = try CLI.run(["import", "reports", path], cwd: tracker)
            #expect(refused.status == 65, "\(path): \(refused.stderr)")
            #expect(refused.stderr == "accord: \(path)\(message)" + refused.stderr.dropFirst("accord: \(path)\(message)".count),
                    "\(refused.stderr)")
        }
        #expect(try CLI.run(["import", "reports", folder.appendingPathComponent("none.xlsx").path], cwd: tracker).status == 66)
        #expect(try count(tracker) == before)
    }

    /// Files saved with a password (make-locked.py: an encrypted package that
    /// msoffcrypto-tool opens with the password) are refused in one line naming the file.
    @Test func passwordProtectedFilesAreRefused() throws {
        let (folder, tracker) = try tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try count(tracker)
        let workbook = sheet("reports-locked.xlsx"), document = sheet("agreement-locked.docx")
        let runs: [(arguments: [String], file: String)] = [
            (["import", "reports", workbook], workbook),
            (["import", "reports", workbook, "--dry-run"], workbook),
            (["plan", "import", workbook, "--plan", "plan-2006"], workbook),
            (["instrument", "add", "agr-2", "--title", "Second", "--parties", "VN,KH", "--signed", "2006-01-01",
              "--text", document, "--lang", "en"], document),
            (["instrument", "add", "agr-2", "--title", "Second", "--parties", "VN,KH", "--signed", "2006-01-01",
              "--text", document, "--lang", "en", "--dry-run"], document),
        ]
        for run in runs {
            let result = try CLI.run(run.arguments, cwd: tracker)
            #expect(result.status == 65, "\(run.arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("accord: \(run.file): the file is password-protected"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try count(tracker) == before)
    }
}
