import Foundation
import TestSupport
import Testing

/// Dates a source gives without a day (`1997`, `2019-10`) are kept and shown as written,
/// and compared by one rule: happened from their first day, passed after their last.
@Suite struct PartialDateTests {
    /// The small tracker with crime-1997 signed in `1997` and its commitment due `2019`.
    static func tracker() throws -> URL {
        let folder = try ProgressCommandTests.smallTracker()
        let url = folder.appendingPathComponent("Agreements/crime-1997/instrument.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "date: 1997-01-01", with: "date: \"1997\"")
        text = text.replacingOccurrences(of: "summary: The ministries exchange information.",
                                         with: "summary: The ministries exchange information.\n    due: 2019")
        try Data(text.utf8).write(to: url)
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qam", "Partial dates", in: folder)
        return folder
    }

    @Test func partialDatesAreShownAsWrittenInEveryOutput() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)
        let show = try CLI.run(["show", "crime-1997"], cwd: folder)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("signed: 1997\n"))
        let json = try CLI.run(["list", "instruments", "--json"], cwd: folder)
        #expect(json.stdout.contains(#""date" : "1997""#), "\(json.stdout)")
        let csv = try CLI.run(["list", "instruments", "--csv"], cwd: folder)
        #expect(csv.stdout.contains(",1997,"), "\(csv.stdout)")
        let commitment = try CLI.run(["show", "crime-1997#1.1", "--json"], cwd: folder)
        #expect(commitment.stdout.contains(#""2019""#), "\(commitment.stdout)")
        // The file keeps what was written: nothing rewrites it as a day.
        let stored = try String(contentsOf: folder.appendingPathComponent("Agreements/crime-1997/instrument.yaml"), encoding: .utf8)
        #expect(stored.contains("date: \"1997\"") && stored.contains("due: 2019"))
    }

    @Test func aPartialDueDatePassesAfterItsLastDay() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let during = try CLI.run(["list", "commitments", "--instrument", "crime-1997", "--overdue", "--as-of", "2019-12-31", "--json"], cwd: folder)
        #expect(during.status == 0, "\(during.stderr)")
        #expect(!during.stdout.contains("crime-1997#1.1"), "\(during.stdout)")
        let after = try CLI.run(["list", "commitments", "--instrument", "crime-1997", "--overdue", "--as-of", "2020-01-01", "--json"], cwd: folder)
        #expect(after.stdout.contains("crime-1997#1.1"), "\(after.stdout)")
    }

    @Test func datesGivenOnTheCommandLineMustBeDays() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ProgressCommandTests.head(folder)
        let result = try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2019"], cwd: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("yyyy-mm-dd"), "\(result.stderr)")
        #expect(try ProgressCommandTests.head(folder) == before)
    }
}
