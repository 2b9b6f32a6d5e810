import Foundation
import TestSupport
import Testing

/// End-to-end tests of answers that must stay true over time: reporting periods, the order
/// of one day's reports and their corrections, joint attestation, `validate` of the working
/// tree, and how errors leave the program. Each reproduces a defect a user met.
@Suite struct TimeAndCorrectionTests {
    /// A tracker whose instrument `stat-2020` has a yearly commitment for VN (1.1, due every
    /// 31 January from 2021), a joint one (1.2) and one binding each party (1.3), both due
    /// 2021-06-30, and a meeting whose decisions bind VN alone (1) and each party (2).
    static func tracker() throws -> URL {
        let folder = try ScratchFolder.make()
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let files: [String: String] = [
            "accord.yaml": SmallTracker.settings(),
            "Agreements/stat-2020/instrument.yaml": """
            id: stat-2020
            kind: agreement
            title:
              en: Statistics exchange
            parties: [VN, KH]
            signed:
              date: 2020-01-01
            status: in-force
            languages: [en]
            commitments:
              - id: "1.1"
                summary: Report statistics every year.
                bound: VN
                responsible:
                  VN: Ministry of Public Security
                due: 2021-01-31
                every-months: 12
              - id: "1.2"
                summary: Hold a joint review.
                bound: joint
                responsible:
                  VN: Ministry of Public Security
                  KH: Ministry of Interior
                due: 2021-06-30
              - id: "1.3"
                summary: Each side trains officers.
                bound: each
                responsible:
                  VN: Ministry of Public Security
                  KH: Ministry of Interior
                due: 2021-06-30
            """,
            "Agreements/stat-2020/text.en.md": """
            # Statistics exchange

            ## Article 1. Statistics

            1. Viet Nam reports statistics every year.
            2. The parties hold a joint review.
            3. Each side trains officers.

            """,
            "Meetings/2020-06-01-review.yaml": """
            id: 2020-06-01-review
            title: Review
            date: 2020-06-01
            decisions:
              - id: "1"
                text: Viet Nam drafts the form.
                bound: VN
                due: 2020-09-30
              - id: "2"
                text: Each side names a contact.
                due: 2020-09-30
            """,
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try CLI.git("add", "-A", in: folder)
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "Add stat-2020", in: folder)
        try CLI.git("config", "user.name", "Test", in: folder)
        try CLI.git("config", "user.email", "test@example.invalid", in: folder)
        return folder
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func log(_ args: [String], in folder: URL) throws -> CLI.Result {
        let result = try CLI.run(["log"] + args, cwd: folder)
        #expect(result.status == 0, "\(args): \(result.stderr)")
        return result
    }

    /// Defect 2: one late report settled two periods of a yearly commitment.
    @Test func aLateReportSettlesOnePeriodOnly() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try log(["stat-2020#1.1", "--status", "implemented", "--date", "2021-02-10"], in: folder)

        let gaps = try CLI.run(["gaps", "--as-of", "2022-02-05", "--rule", "overdue", "--json"], cwd: folder)
        #expect(gaps.status == 0, "\(gaps.stderr)")
        let found = try #require(try Self.json(gaps.stdout)["gaps"] as? [[String: Any]])
        let overdue = found.filter { $0["item"] as? String == "stat-2020#1.1" }
        #expect(overdue.count == 1)
        #expect(overdue.first?["since"] as? String == "2022-01-31")

        let show = try CLI.run(["show", "stat-2020#1.1", "--as-of", "2022-02-05", "--json"], cwd: folder)
        let target = try #require(try Self.json(show.stdout)["target"] as? [String: Any])
        let periods = try #require(target["periods"] as? [[String: Any]])
        #expect(periods.map { $0["due"] as? String } == ["2021-01-31", "2022-01-31", "2023-01-31"])
        #expect((periods[0]["settledBy"] as? String)?.hasPrefix("sr-2021-02-10-vn-") == true)
        #expect(periods[0]["lateDays"] as? Int == 10)
        #expect(periods[1]["settledBy"] == nil && periods[1]["overdue"] as? Bool == true)
        #expect(periods[2]["overdue"] as? Bool == false)
        let text = try CLI.run(["show", "stat-2020#1.1", "--as-of", "2022-02-05"], cwd: folder).stdout
        #expect(text.contains("late by 10 days"))
        #expect(text.contains("2021-02-01 to 2022-01-31  overdue: no settling report"))
        // A report for the second period settles it: nothing is overdue any more.
        _ = try log(["stat-2020#1.1", "--status", "implemented", "--date", "2022-02-03"], in: folder)
        let after = try CLI.run(["gaps", "--as-of", "2022-02-05", "--rule", "overdue", "--json"], cwd: folder)
        #expect(try (Self.json(after.stdout)["gaps"] as? [[String: Any]])?.contains { $0["item"] as? String == "stat-2020#1.1" } == false)
    }

    /// Defect 3: a same-day correction lost to the mistake when the random id sorted first.
    @Test func aSameDayCorrectionWinsAndCanBeWithdrawnOrUndone() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        func status(_ party: String = "VN", target: String = "stat-2020#1.3") throws -> String? {
            let show = try CLI.run(["show", target, "--json"], cwd: folder)
            let row = try #require((try Self.json(show.stdout)["target"] as? [String: Any])?["row"] as? [String: Any])
            return (row["parties"] as? [[String: Any]])?.first { $0["party"] as? String == party }?["status"] as? String
        }
        // Six rounds, each a mistake then its correction on one day: ids are random, the
        // order of writing decides.
        for (round, day) in ["2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05", "2021-03-06"].enumerated() {
            let (mistake, correction) = round.isMultiple(of: 2) ? ("implemented", "not-started") : ("not-started", "implemented")
            _ = try log(["stat-2020#1.3", "--status", mistake, "--party", "VN", "--date", day], in: folder)
            _ = try log(["stat-2020#1.3", "--status", correction, "--party", "VN", "--date", day], in: folder)
            #expect(try status() == correction, "round \(round + 1)")
        }
        // A report dated before the latest one changes nothing, and log says so.
        let old = try log(["stat-2020#1.3", "--status", "blocked", "--party", "VN", "--date", "2021-01-01"], in: folder)
        #expect(old.stdout.contains("note: this report changes nothing: a later report"))

        // Retract the latest report: the one before it decides again; show marks it.
        let timeline = try #require((try Self.json(try CLI.run(["show", "stat-2020#1.3", "--json"], cwd: folder).stdout)["target"]
            as? [String: Any])?["timeline"] as? [[String: Any]])
        let latest = try #require(timeline.compactMap { $0["id"] as? String }.last)
        #expect(latest.hasPrefix("sr-2021-03-06-vn-"))
        let retract = try CLI.run(["retract", latest, "--reason", "Logged by mistake."], cwd: folder)
        #expect(retract.status == 0, "\(retract.stderr)")
        #expect(try status() == "not-started")
        let shown = try CLI.run(["show", latest], cwd: folder).stdout
        #expect(shown.contains("withdrawn: retracted on"))
        #expect(shown.contains("Logged by mistake."))
        let again = try CLI.run(["retract", latest, "--reason", "Twice."], cwd: folder)
        #expect(again.status == 65 && again.stderr.contains("retracted already"))
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)

        // undo takes back the retraction while nothing is synced.
        let undo = try CLI.run(["undo"], cwd: folder)
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try status() == "implemented")
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")

        // --supersedes replaces a report with a new one in one commit.
        let replaced = try log(["stat-2020#1.3", "--status", "partial", "--party", "VN", "--date", "2021-03-06",
                                "--supersedes", latest, "--reason", "Only part of it."], in: folder)
        #expect(replaced.stdout.contains("superseded \(latest)"))
        #expect(try status() == "partial")
        #expect(try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout
            .split(separator: "\n").map { $0.split(separator: "/").first ?? "" } == ["Events", "Withdrawals"])

        // Once synced, undo refuses and points at retract.
        let hub = folder.appendingPathComponent("../\(folder.lastPathComponent)-hub.git").standardizedFileURL
        defer { try? FileManager.default.removeItem(at: hub) }
        try CLI.git("init", "-q", "--bare", "-b", "main", hub.path, in: folder)
        #expect(try CLI.run(["remote", "add", "origin", hub.path], cwd: folder).status == 0)
        let sync = try CLI.run(["sync"], cwd: folder)
        #expect(sync.status == 0, "\(sync.stderr)")
        let head = try CLI.git("rev-parse", "HEAD", in: folder).stdout
        let refused = try CLI.run(["undo"], cwd: folder)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("has reached a remote") && refused.stderr.contains("accord retract"))
        #expect(try CLI.git("rev-parse", "HEAD", in: folder).stdout == head)
    }

    /// Defect 7: joint commitments asked a report of each side and raised false one-sided
    /// gaps; the decisions row counted decisions that do not bind the party.
    @Test func aJointReportSettlesAJointCommitment() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try log(["stat-2020#1.2", "--status", "implemented", "--party", "VN", "--date", "2021-06-01"], in: folder)
        _ = try log(["stat-2020#1.3", "--status", "implemented", "--party", "VN", "--date", "2021-06-01"], in: folder)
        func gaps(_ rule: String) throws -> [String] {
            let result = try CLI.run(["gaps", "--as-of", "2021-08-01", "--rule", rule, "--json"], cwd: folder)
            return try #require(try Self.json(result.stdout)["gaps"] as? [[String: Any]]).map {
                "\($0["item"] as? String ?? "") \($0["party"] as? String ?? "both")"
            }
        }
        // One-sided only where each party must act; the joint one waits for a joint report.
        #expect(try gaps("one-sided") == ["stat-2020#1.3 KH"])
        #expect(try gaps("overdue").contains("stat-2020#1.2 both"))
        let joint = try log(["stat-2020#1.2", "--status", "implemented", "--party", "joint", "--date", "2021-07-01"], in: folder)
        #expect(joint.stdout.contains("stat-2020#1.2 joint implemented"))
        #expect(try !gaps("overdue").contains { $0.hasPrefix("stat-2020#1.2") })
        let added = try CLI.git("show", "--format=", "HEAD", in: folder).stdout
        #expect(added.contains("+party: joint\n") && added.contains("+parties: [VN, KH]\n"))
        // A joint report on a commitment binding each party is refused, nothing committed.
        let head = try CLI.git("rev-parse", "HEAD", in: folder).stdout
        let refused = try CLI.run(["log", "stat-2020#1.3", "--status", "implemented", "--party", "joint"], cwd: folder)
        #expect(refused.status == 65 && refused.stderr.contains("separately, not jointly"))
        #expect(try CLI.git("rev-parse", "HEAD", in: folder).stdout == head)

        // Decision 1 binds VN alone: KH's row counts one decision, VN's two.
        let status = try CLI.run(["status", "--as-of", "2021-08-01", "--json"], cwd: folder)
        let groups = try #require(try Self.json(status.stdout)["groups"] as? [[String: Any]])
        let decisions = try #require(groups.first { $0["id"] as? String == "decisions" }?["parties"] as? [[String: Any]])
        #expect(decisions.first { $0["party"] as? String == "VN" }?["targets"] as? Int == 2)
        #expect(decisions.first { $0["party"] as? String == "KH" }?["targets"] as? Int == 1)
        #expect(try CLI.run(["status", "--as-of", "2021-08-01"], cwd: folder).stdout.contains(" 0/1 "))
    }

    /// Defect 8: validate in a working copy read only the committed files.
    @Test func validateChecksTheWorkingTree() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try CLI.run(["validate"], cwd: folder)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("(checked the working tree, committed or not)"))
        try Data("id: stat-2020\nkind: [\n".utf8).write(to: folder.appendingPathComponent("Agreements/stat-2020/instrument.yaml"))
        let broken = try CLI.run(["validate"], cwd: folder)
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("Agreements/stat-2020/instrument.yaml:"))
        #expect(broken.stderr.contains("(checked the working tree, committed or not)"))
        let json = try CLI.run(["validate", "--json"], cwd: folder)
        #expect(json.status == 65)
        let report = try Self.json(json.stdout)
        #expect(report["checked"] as? String == "working-tree")
        #expect(report["valid"] as? Bool == false)
        #expect((report["problems"] as? [[String: Any]])?.isEmpty == false)
        // The commit itself is still valid.
        let committed = try CLI.run(["validate", "--revision", "HEAD", "--json"], cwd: folder)
        #expect(committed.status == 0)
        #expect(try Self.json(committed.stdout)["checked"] as? String == "revision")
        #expect((try Self.json(committed.stdout)["counts"] as? [String: Any])?["commitments"] as? Int == 3)
    }

    /// Defect 9: errors left through ArgumentParser as `Error:` (exit 1 for unknown ones),
    /// and date errors did not say the expected form.
    @Test func errorsAreOneAccordLine() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let badDate = try CLI.run(["status", "--as-of", "2021-02-30"], cwd: folder)
        #expect(badDate.status == 64)
        #expect(badDate.stderr.hasPrefix("accord: "))
        #expect(badDate.stderr.contains("yyyy-mm-dd"))
        #expect(badDate.stderr.split(separator: "\n").count == 1)
        #expect(!badDate.stderr.contains("Error:"))
        let inRun = try CLI.run(["gaps", "--party", "XX"], cwd: folder)
        #expect(inRun.status == 64)
        #expect(inRun.stderr == "accord: unknown party XX: accord.yaml lists VN, KH\n")
        let unknownOption = try CLI.run(["log", "--bogus"], cwd: folder)
        #expect(unknownOption.status == 64 && unknownOption.stderr.hasPrefix("accord: ") && !unknownOption.stderr.contains("Error:"))
        #expect(try CLI.run(["log", "--help"], cwd: folder).status == 0)
    }
}
