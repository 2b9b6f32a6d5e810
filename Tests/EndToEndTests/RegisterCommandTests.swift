import Foundation
import TestSupport
import Testing

/// `accord request add|answer` and the registers in `status`, on the small tracker.
@Suite struct RegisterCommandTests {
    static func head(_ folder: URL) throws -> String { try ProgressCommandTests.head(folder) }

    @Test func aRequestIsRecordedAnsweredAndMeasured() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try CLI.run(["request", "add", "--kind", "verification", "--from", "KH", "--to", "VN",
                                 "--reference", "KH-VR-2019-031", "--sent", "2019-03-04", "--by", "Desk officer <desk@example.invalid>"],
                                cwd: folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("recorded rq-2019-03-04-"))
        let path = try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix("Requests/2019/rq-2019-03-04-"))
        let message = try CLI.git("log", "-1", "--format=%aI|%s", in: folder).stdout
        #expect(message.hasPrefix("2019-03-04T"))
        #expect(!message.contains("KH-VR-2019-031"), "the commit message names the request, not the file")

        // A month where the day is not known; then a second answer is refused.
        let answered = try CLI.run(["request", "answer", "KH-VR-2019-031", "--answered", "2019-05", "--outcome", "confirmed"], cwd: folder)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(answered.stdout.contains("58–88 days after it was sent"), "\(answered.stdout)")
        let file = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        #expect(file.contains("answered: 2019-05\n") && file.contains("outcome: confirmed\n"))
        let before = try Self.head(folder)
        let again = try CLI.run(["request", "answer", "KH-VR-2019-031", "--answered", "2019-06-01", "--outcome", "confirmed"], cwd: folder)
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("accord: rq-2019-03-04-") && again.stderr.contains("answered already on 2019-05"), "\(again.stderr)")
        #expect(try Self.head(folder) == before)

        let open = try CLI.run(["request", "add", "--kind", "extradition", "--from", "VN", "--to", "KH",
                                "--reference", "VN-EX-2019-002", "--sent", "2019-06-10"], cwd: folder)
        #expect(open.status == 0, "\(open.stderr)")

        let status = try CLI.run(["status", "--as-of", "2019-12-31", "--json"], cwd: folder)
        #expect(status.status == 0, "\(status.stderr)")
        let json = try ProgressCommandTests.json(status.stdout)
        let registers = try #require(json["registers"] as? [String: Any])
        let rows = try #require(registers["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        let verification = try #require(rows.first { $0["kind"] as? String == "verification" })
        #expect(verification["answered"] as? Int == 1 && verification["open"] as? Int == 0)
        let median = try #require(verification["medianDays"] as? [String: Any])
        #expect(median["fewest"] as? Double == 58 && median["most"] as? Double == 88)
        let extradition = try #require(rows.first { $0["kind"] as? String == "extradition" })
        #expect(extradition["open"] as? Int == 1)
        #expect((extradition["oldestOpen"] as? [String: Any])?["reference"] as? String == "VN-EX-2019-002")

        let terminal = try CLI.run(["status", "--as-of", "2019-12-31"], cwd: folder)
        #expect(terminal.stdout.contains("Requests between the parties: days to answer"))
        #expect(terminal.stdout.contains("KH → VN") && terminal.stdout.contains("58–88"))
        // The oldest open request has a table of its own, so the registers fit 80 columns.
        #expect(terminal.stdout.contains("204 days  2019-06-10  VN-EX-2019-002"), "\(terminal.stdout)")
    }

    @Test func aNameOrAPersonalDetailIsRefusedAndNothingIsCommitted() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.head(folder)
        let named = try CLI.run(["request", "add", "--kind", "verification", "--from", "KH", "--to", "VN",
                                 "--reference", "Nguyen Thi B", "--sent", "2019-03-04"], cwd: folder)
        #expect(named.status == 64)
        #expect(named.stderr.hasPrefix("accord: --reference: ") && named.stderr.contains("never a name"), "\(named.stderr)")
        let unknown = try CLI.run(["request", "add", "--kind", "verification", "--from", "KH", "--to", "TH",
                                   "--reference", "KH-1", "--sent", "2019-03-04"], cwd: folder)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("accord: --to: TH is not a party"), "\(unknown.stderr)")
        let wrongOutcome = try CLI.run(["request", "add", "--kind", "extradition", "--from", "KH", "--to", "VN",
                                        "--reference", "KH-2", "--sent", "2019-03-04", "--answered", "2019-04-01",
                                        "--outcome", "confirmed"], cwd: folder)
        #expect(wrongOutcome.status == 64)
        #expect(wrongOutcome.stderr.contains("--outcome: extradition requests are answered accepted, partly-accepted, refused"),
                "\(wrongOutcome.stderr)")
        #expect(try Self.head(folder) == before)

        // A file written by hand with a personal field fails validation, naming file, line and field.
        let file = folder.appendingPathComponent("Requests/2019/rq-2019-03-04-abcde.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
            id: rq-2019-03-04-abcde
            kind: verification
            reference: KH-3
            from: KH
            to: VN
            sent: 2019-03-04
            date-of-birth: 2001-01-01

            """.write(to: file, atomically: true, encoding: .utf8)
        try CLI.git("add", "-A", in: folder)
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "By hand", in: folder)
        let validated = try CLI.run(["validate"], cwd: folder)
        #expect(validated.status == 65)
        #expect(validated.stdout.contains("Requests/2019/rq-2019-03-04-abcde.yaml:7: date-of-birth: date-of-birth would identify a person")
                || validated.stderr.contains("Requests/2019/rq-2019-03-04-abcde.yaml:7: date-of-birth: date-of-birth would identify a person"),
                "\(validated.stdout)\(validated.stderr)")
    }
}
