import AccordCore
import Foundation
import TestSupport
import Testing

/// `accord amend`, `revisions` and `diff` on the built binary, on the example tracker.
@Suite(.scratchFolder) struct RevisionsTests {
    /// The package's root folder (for Reports/ and scripts/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh example tracker in a scratch folder; the caller removes `folder`.
    func example() throws -> (folder: URL, tracker: URL) {
        let folder = try ScratchFolder.make()
        let tracker = folder.appendingPathComponent("tracker")
        try AccordProcess.copyExample(to: tracker)
        return (folder, tracker)
    }

    func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    @Test func amendMakesOneTaggedCommitDatedOnTheRevision() throws {
        let (folder, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CLI.git("rev-list", "--count", "HEAD", in: tracker).stdout
        var text = try String(contentsOf: tracker.appendingPathComponent("Agreements/tip-2005/text.en.md"), encoding: .utf8)
        text = text.replacingOccurrences(of: "work together to prevent and combat", with: "work closely together to prevent and combat")
        let file = folder.appendingPathComponent("amended.en.md")
        try write(text, to: file)

        let result = try CLI.run(["amend", "tip-2005", "--text", file.path, "--date", "2019-03-26",
                                  "--message", "Protocol on closer cooperation", "--signed-by", "VN: Minister of Public Security",
                                  "--signed-by", "KH: Minister of Interior", "--place", "Hanoi"], cwd: tracker)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Recorded tip-2005@2019-03-26"))
        let after = try CLI.git("rev-list", "--count", "HEAD", in: tracker).stdout
        #expect(Int(after.trimmingCharacters(in: .whitespacesAndNewlines)) == Int(before.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
        #expect(try CLI.git("log", "-1", "--format=%ad|%s", "--date=iso-strict", in: tracker).stdout
                == "2019-03-26T12:00:00+00:00|Protocol on closer cooperation\n")
        #expect(try CLI.git("rev-parse", "tip-2005@2019-03-26^{commit}", in: tracker).stdout
                == (try CLI.git("rev-parse", "HEAD", in: tracker).stdout))
        let tag = try CLI.git("tag", "-l", "--format=%(contents)", "tip-2005@2019-03-26", in: tracker).stdout
        #expect(tag.contains("VN: Minister of Public Security"))
        let changed = try CLI.git("show", "--name-only", "--format=", "HEAD", in: tracker).stdout
        #expect(changed == "Agreements/tip-2005/instrument.yaml\nAgreements/tip-2005/text.en.md\n")
        let yamlDiff = try CLI.git("diff", "HEAD~1", "HEAD", "--", "Agreements/tip-2005/instrument.yaml", in: tracker).stdout
        #expect(yamlDiff.contains("+  - date: 2019-03-26"))
        let removed = yamlDiff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        #expect(removed.isEmpty, "only lines added to instrument.yaml:\n\(yamlDiff)")
        #expect(try CLI.run(["validate"], cwd: tracker).status == 0)

        // The same date again: the tag exists.
        text = text.replacingOccurrences(of: "work closely together", with: "work very closely together")
        try write(text, to: file)
        let again = try CLI.run(["amend", "tip-2005", "--text", file.path, "--date", "2019-03-26", "--message", "again"], cwd: tracker)
        #expect(again.status == 73)
        #expect(again.stderr.contains("tip-2005@2019-03-26 exists already"))
    }

    @Test func aBadOrUnchangedTextIsRefusedAndNothingIsCommitted() throws {
        let (folder, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: folder) }
        let head = try CLI.git("rev-parse", "HEAD", in: tracker).stdout
        let bad = folder.appendingPathComponent("bad.md")
        try write("# Title\n\n## Article 1. A\n\nText.\n\n## Article 1. Again\n\nMore.\n", to: bad)
        let result = try CLI.run(["amend", "tip-2005", "--text", bad.path, "--date", "2020-01-01", "--message", "x"], cwd: tracker)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad.path):7: article 1 appears twice"), "\(result.stderr)")

        let same = try CLI.run(["amend", "tip-2005", "--text", tracker.appendingPathComponent("Agreements/tip-2005/text.en.md").path,
                                "--date", "2020-01-01", "--message", "x"], cwd: tracker)
        #expect(same.status == 65)
        #expect(same.stderr.contains("no change"))

        let km = try CLI.run(["amend", "tip-2005", "--text", bad.path, "--lang", "km", "--date", "2020-01-01", "--message", "x"], cwd: tracker)
        #expect(km.status == 65)

        #expect(try CLI.git("rev-parse", "HEAD", in: tracker).stdout == head)
        #expect(try CLI.git("tag", "-l", "tip-2005@2020-01-01", in: tracker).stdout == "")
    }

    @Test func revisionsListBothRevisionsAndTheLanguageLeftBehind() throws {
        let (folder, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["revisions", "tip-2005"], cwd: tracker, env: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2005-10-10  tip-2005@2005-10-10"))
        #expect(result.stdout.contains("2012-09-28  tip-2005@2012-09-28"))
        #expect(result.stdout.contains("en revised: articles"))
        #expect(result.stdout.contains("vi not revised since 2005-10-10"))

        let json = try CLI.run(["revisions", "tip-2005", "--json"], cwd: tracker)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        #expect(revisions.map { $0["date"] as? String } == ["2005-10-10", "2012-09-28"])
        let step = try #require(object["outOfStep"] as? [String: Any])
        #expect(step["latestLanguage"] as? String == "en")

        let missing = try CLI.run(["revisions", "no-such"], cwd: tracker)
        #expect(missing.status == 66)
    }

    @Test func diffReportsRenumberedArticlesAndItsJSONRebuildsTheNewText() throws {
        let (folder, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try CLI.run(["diff", "tip-2005"], cwd: tracker)
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.contains("Article 14 (renumbered from 13)"))
        #expect(terminal.stdout.contains("[-") && terminal.stdout.contains("{+"))
        #expect(!terminal.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        let json = try CLI.run(["diff", "tip-2005", "--format", "json"], cwd: tracker)
        #expect(json.status == 0, "\(json.stderr)")
        let diff = try JSONDecoder().decode(InstrumentDiff.self, from: Data(json.stdout.utf8))
        #expect(diff.articles.contains { $0.kind == .renumbered && $0.oldID == "13" && $0.newID == "14" })
        let old = try CLI.git("show", "tip-2005@2005-10-10:Agreements/tip-2005/text.en.md", in: tracker).stdout
        let new = try CLI.git("show", "tip-2005@2012-09-28:Agreements/tip-2005/text.en.md", in: tracker).stdout
        let oldText = try InstrumentText.parse(Data(old.utf8), file: diff.oldFile)
        let newText = try InstrumentText.parse(Data(new.utf8), file: diff.newFile)
        #expect(try diff.apply(to: oldText) == newText)
    }

    @Test func versionsNamedByDateTagOrRevisionGiveTheSameDiff() throws {
        let (folder, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: folder) }
        let byTag = try CLI.run(["diff", "tip-2005", "tip-2005@2005-10-10", "tip-2005@2012-09-28"], cwd: tracker)
        #expect(byTag.status == 0, "\(byTag.stderr)")
        let byDate = try CLI.run(["diff", "tip-2005", "2011-01-01", "2012-09-28"], cwd: tracker)
        let old = try CLI.git("rev-parse", "tip-2005@2005-10-10^{commit}", in: tracker).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let new = try CLI.git("rev-parse", "tip-2005@2012-09-28^{commit}", in: tracker).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let byRevision = try CLI.run(["diff", "tip-2005", old, new], cwd: tracker)
        let byDefault = try CLI.run(["diff", "tip-2005"], cwd: tracker)
        #expect(byDate.stdout == byTag.stdout)
        #expect(byRevision.stdout == byTag.stdout)
        #expect(byDefault.stdout == byTag.stdout)

        let unknown = try CLI.run(["diff", "tip-2005", "no-such-tag"], cwd: tracker)
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("\"no-such-tag\""))
        let tooEarly = try CLI.run(["diff", "tip-2005", "1999-01-01"], cwd: tracker)
        #expect(tooEarly.status == 66)
    }

    /// Every file in Reports/ is what scripts/reports.sh makes with this build.
    @Test func storedReportsEqualAFreshRegeneration() throws {
        let scratch = try ScratchFolder.current
        let result = try CLI.run(executable: URL(fileURLWithPath: "/bin/bash"),
                                 [Self.packageRoot.appendingPathComponent("scripts/reports.sh").path,
                                  CLI.productsFolder.appendingPathComponent("accord").path],
                                 env: ["REPORTS_DIR": scratch.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("Reports").path)
        #expect(names.count >= 7)
        for name in names.sorted() {
            let stored = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Reports/\(name)"))
            let fresh = try? Data(contentsOf: scratch.path(name))
            #expect(stored == fresh, "Reports/\(name) is out of date: run `make reports` to update")
        }
    }
}
