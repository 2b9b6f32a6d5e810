import Foundation
import TestSupport
import Testing

/// Answers that stay true over time: what was signed, in force and decided at an as-of
/// date; amendments that keep the register true; dates that cannot be true refused.
@Suite struct TimeEffectTests {
    /// A fresh copy of the project's example tracker; its folder is removed by the caller.
    static func example() throws -> URL {
        let scratch = try ScratchFolder.make()
        try AccordProcess.copyExample(to: scratch.appendingPathComponent("t"))
        return scratch.appendingPathComponent("t")
    }

    /// The day `days` from today, as yyyy-mm-dd.
    static func day(fromToday days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let date = calendar.date(byAdding: .day, value: days, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    // Defect 1: --as-of ignored when things take effect.
    @Test func theTrackerAtAPastDateHoldsOnlyWhatExistedThen() throws {
        let tracker = try Self.example()
        defer { try? FileManager.default.removeItem(at: tracker.deletingLastPathComponent()) }
        let list = try CLI.run(["list", "instruments", "--as-of", "2010-01-01"], cwd: tracker)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("tip-2005") && list.stdout.contains("crime-1997"))
        #expect(!list.stdout.contains("extradition-2013") && !list.stdout.contains("plan-2017-2020"), "\(list.stdout)")

        let status = try CLI.run(["status", "--as-of", "2010-01-01"], cwd: tracker)
        #expect(!status.stdout.contains("extradition-2013") && !status.stdout.contains("plan-2017-2020"), "\(status.stdout)")
        // Only the decisions of the meetings held by 2010 (2005 and 2006) count.
        let decisions = try CLI.run(["list", "commitments", "--as-of", "2010-01-01"], cwd: tracker).stdout
        #expect(decisions.contains("2005-11-17-hcmc-border-conference#"))
        #expect(!decisions.contains("2016-10-05-sihanoukville-review#") && !decisions.contains("2019-"), "\(decisions)")

        // The 2005 wording, not the 2012 one.
        let show = try CLI.run(["show", "tip-2005#2", "--as-of", "2010-01-01"], cwd: tracker)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Trafficking in women and children"), "\(show.stdout)")
        #expect(!show.stdout.contains("Trafficking in persons"))
        // Commitments the 2012 amendment added exist only from it, and bind from it.
        #expect(!decisions.contains("tip-2005#13.1"))
        let gaps = try CLI.run(["gaps", "--as-of", "2013-06-01", "--instrument", "tip-2005"], cwd: tracker).stdout
        #expect(gaps.contains("in force since 2012-09-28"), "\(gaps)")
        let now = try CLI.run(["list", "commitments", "--instrument", "tip-2005", "--as-of", "2013-06-01"], cwd: tracker).stdout
        #expect(now.contains("tip-2005#13.1"))

        // What came later is refused, saying when it came.
        let later = try CLI.run(["show", "extradition-2013", "--as-of", "2010-01-01"], cwd: tracker)
        #expect(later.status == 66 && later.stderr.contains("extradition-2013 was signed on 2013-12-23, after 2010-01-01"),
                "\(later.stderr)")

        // Signed, not yet in force: shown as such.
        let signed = try CLI.run(["list", "instruments", "--as-of", "2014-01-01"], cwd: tracker).stdout
        #expect(signed.contains("extradition-2013") && signed.contains("not-yet-in-force"), "\(signed)")
        // diff's default revisions follow --as-of: by 2010 there was one text only.
        let diff = try CLI.run(["diff", "tip-2005", "--as-of", "2010-01-01"], cwd: tracker)
        #expect(diff.status == 66 && diff.stderr.contains("in force by 2010-01-01"), "\(diff.stderr)")
    }

    /// The small tracker's text with a new Article 1 inserted, renumbering the old one as 2.
    static let insertedArticle = """
        # Agreement against trafficking

        ## Article 1. Research

        1. The parties share research on trafficking routes.

        ## Article 2. Focal agencies

        1. Each party designates a focal agency.
        2. Viet Nam trains its border guards.

        """

    // Defect 4: amend with renumbered articles committed a broken tracker.
    @Test func anAmendmentThatRenumbersClausesRemapsTheRegisterOrRecordsNothing() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "--amend",
                    "--no-edit", "--date=2005-10-10T12:00:00Z", in: folder)
        let text = folder.appendingPathComponent("new.en.md")
        try Data(Self.insertedArticle.utf8).write(to: text)
        let before = try ProgressCommandTests.head(folder)
        let amend = ["amend", "tip-2005", "--text", text.path, "--date", "2012-09-28", "--message", "Insert Article 1"]

        let refused = try CLI.run(amend, cwd: folder)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("1.1 → 2.1 (renumbered)") && refused.stderr.contains("--accept-remap"), "\(refused.stderr)")
        #expect(try ProgressCommandTests.head(folder) == before)

        // A remap to a clause the new text lacks would break the tracker: refused too.
        let broken = try CLI.run(amend + ["--remap", "1.1=2.1,1.2=9.9"], cwd: folder)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("clause 9.9 is not in text.en.md"), "\(broken.stderr)")
        #expect(try ProgressCommandTests.head(folder) == before)

        let accepted = try CLI.run(amend + ["--accept-remap"], cwd: folder)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("tip-2005#1.1 now rests on clause 2.1"))
        let files = try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout
        #expect(files.contains("Agreements/tip-2005/instrument.yaml") && files.contains("Agreements/tip-2005/text.en.md"))
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)
        let show = try CLI.run(["show", "tip-2005#1.1"], cwd: folder).stdout
        #expect(show.contains("Each party designates a focal agency."), "\(show)")
        #expect(!show.contains("research"))
    }

    // Defect 5: an amendment dated before the current revision turned the chronology upside down.
    @Test func anAmendmentBeforeTheCurrentRevisionIsRefused() throws {
        let folder = try ProgressCommandTests.smallTracker()  // its text committed today
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("new.en.md")
        try Data(Self.insertedArticle.utf8).write(to: text)
        let before = try ProgressCommandTests.head(folder)
        let result = try CLI.run(["amend", "tip-2005", "--text", text.path, "--date", "2012-09-28", "--message", "Earlier",
                                  "--accept-remap"], cwd: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is before tip-2005's latest revision"), "\(result.stderr)")
        #expect(result.stderr.contains("to enter an earlier text"))
        #expect(try ProgressCommandTests.head(folder) == before)
        #expect(try CLI.git("tag", "-l", in: folder).stdout == "")
    }

    // Defect 6: dates that cannot be true were accepted.
    @Test func everyWriterRefusesDatesThatCannotBeTrue() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ProgressCommandTests.head(folder)
        let tomorrow = Self.day(fromToday: 1)
        let text = folder.appendingPathComponent("new.en.md")
        try Data(Self.insertedArticle.utf8).write(to: text)
        let cases: [([String], String)] = [
            (["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2001-01-01"],
             "before tip-2005 was signed (2005-10-10)"),
            (["evidence", "add", "--title", "Minutes", "--kind", "minutes", "--date", "2001-01-01", "--supports", "tip-2005#1.1"],
             "before tip-2005 was signed (2005-10-10)"),
            (["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", tomorrow], "is in the future"),
            (["evidence", "add", "--title", "Minutes", "--kind", "minutes", "--date", tomorrow, "--supports", "tip-2005#1.1"],
             "is in the future"),
            (["meeting", "add", "--date", tomorrow, "--venue", "Hanoi", "--host", "VN"], "give --planned"),
            (["amend", "tip-2005", "--text", text.path, "--date", tomorrow, "--message", "Later", "--accept-remap"],
             "is in the future"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments, cwd: folder)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("accord: ") && result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(try ProgressCommandTests.head(folder) == before, "\(arguments)")
        }

        // A meeting still ahead is recorded as planned, and the schedule shows it.
        let planned = try CLI.run(["meeting", "add", "--date", Self.day(fromToday: 30), "--venue", "Hanoi", "--host", "VN",
                                   "--cycle", "tip-2005/annual", "--planned"], cwd: folder)
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)
        let schedule = try CLI.run(["schedule"], cwd: folder).stdout
        #expect(schedule.contains("Planned meetings") && schedule.contains("\(Self.day(fromToday: 30))-hanoi"), "\(schedule)")
        let meetings = try CLI.run(["list", "meetings"], cwd: folder).stdout
        #expect(!meetings.contains("-hanoi"), "a planned meeting is not one held: \(meetings)")
    }

    /// Evidence a source dates by its month or its year alone is recorded so from the
    /// command line, in ASCII or Khmer digits, and kept as written; a month or a year is
    /// refused only when all of it is before the instrument or in the future.
    @Test func evidenceIsRecordedWithTheMonthOrYearItsSourceGives() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        func add(_ date: String) throws -> CLI.Result {
            try CLI.run(["evidence", "add", "--title", "Border survey", "--kind", "statistics", "--date", date,
                         "--supports", "tip-2005#1.1", "--quiet"], cwd: folder)
        }
        // The year tip-2005 was signed in (2005-10-10) holds days after its signing.
        for (given, written) in [("2019", "\"2019\""), ("២០១៩-០៧", "2019-07"), ("2005", "\"2005\"")] {
            let result = try add(given)
            #expect(result.status == 0, "\(given): \(result.stderr)")
            let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let file = folder.appendingPathComponent("Evidence/\(written.filter(\.isNumber).prefix(4))/\(id).yaml")
            #expect(try String(contentsOf: file, encoding: .utf8).contains("\ndate: \(written)\n"), "\(given) kept as \(written)")
        }
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)
        let before = try ProgressCommandTests.head(folder)
        let thisYear = String(Self.day(fromToday: 0).prefix(4))
        for (given, status, message) in [("2004", Int32(65), "before tip-2005 was signed"), ("\(Int(thisYear)! + 1)", 65, "is in the future"),
                                         ("2019-13", 64, "2019-13 is not a date"), ("19", 64, "19 is not a date")] {
            let result = try add(given)
            #expect(result.status == status && result.stderr.hasPrefix("accord: ") && result.stderr.contains(message),
                    "\(given): \(result.status) \(result.stderr)")
        }
        #expect(try ProgressCommandTests.head(folder) == before)
        // This year is recorded: it has begun.
        #expect(try add(thisYear).status == 0)
    }
}
