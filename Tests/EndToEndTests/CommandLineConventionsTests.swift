import Foundation
import TestSupport
import Testing

/// What accord shares with the command-line tools people know: `--output -`, colour through
/// a pipe, a pager on a terminal, versioned JSON, git config settings, `GIT_DIR`, and
/// `--quiet` / `--verbose` on the writers.
@Suite struct CommandLineConventionsTests {
    /// The variables these conventions read: each run clears those it does not set, so the
    /// shell the tests run in cannot change what they see.
    static let conventionVariables: Set<String> = [
        "ACCORD_REPO", "ACCORD_PAGER", "PAGER", "LESS", "NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE",
        "GIT_DIR", "GIT_WORK_TREE",
    ]

    /// A home folder with no git config in it, so the user's own `accord.*` keys cannot
    /// change what a test sees.
    static let emptyHome: [String: String] = {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("accord-e2e-no-home").path
        return ["HOME": home, "XDG_CONFIG_HOME": home]
    }()

    /// Runs accord in `folder` with exactly the convention variables of `environment`, and
    /// no user git config unless `environment` gives a HOME.
    @discardableResult
    static func accord(_ arguments: [String], in folder: URL, _ environment: [String: String] = [:]) throws -> Command.Result {
        let variables = emptyHome.merging(environment) { $1 }
        return try Command.run(CLI.productsFolder.appendingPathComponent("accord").path, arguments, in: folder,
                               environment: variables, clearing: conventionVariables.subtracting(variables.keys))
    }

    /// Runs accord on a pseudo-terminal (`script`), with a pager that records that it ran,
    /// the LESS it saw and the text it was given; returns what the pager recorded, or nil
    /// when it never ran.
    static func paged(_ arguments: [String], in folder: URL, _ environment: [String: String] = [:],
                      pagerVariable: String = "ACCORD_PAGER") throws -> String? {
        let log = folder.appendingPathComponent("pager-\(UUID().uuidString).log")
        let pager = folder.appendingPathComponent("pager-\(UUID().uuidString).sh")
        try Data("#!/bin/sh\necho \"paged LESS=$LESS\" > '\(log.path)'\ncat >> '\(log.path)'\n".utf8).write(to: pager)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pager.path)
        let binary = CLI.productsFolder.appendingPathComponent("accord").path
        let line = ([binary] + arguments).map { "'\($0)'" }.joined(separator: " ")
        var variables = emptyHome.merging(environment) { $1 }
        if variables[pagerVariable] == nil { variables[pagerVariable] = pager.path }
        let result = try Command.run("/usr/bin/script", ["-q", "-c", line, "/dev/null"], in: folder, environment: variables,
                                     clearing: conventionVariables.subtracting(variables.keys))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        defer { try? FileManager.default.removeItem(at: log) }
        return try? String(contentsOf: log, encoding: .utf8)
    }

    /// The small tracker with a second revision of tip-2005's text, so `diff` has two.
    static func trackerWithRevision() throws -> URL {
        let folder = try ProgressCommandTests.smallTracker()
        // The first text dated on its signing, so the 2010 revision comes after it.
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "--amend",
                    "--no-edit", "--date=2005-10-10T12:00:00Z", in: folder)
        let text = folder.appendingPathComponent("new.en.md")
        try Data("""
            # Agreement against trafficking

            ## Article 1. Focal agencies

            1. Each party designates a focal agency within three months.
            2. Viet Nam trains its border guards.

            """.utf8).write(to: text)
        let amended = try accord(["amend", "tip-2005", "--text", text.path, "--date", "2010-01-01", "--message", "Amend",
                                   "--accept-remap"], in: folder)
        #expect(amended.status == 0, "\(amended.stderr)")
        try FileManager.default.removeItem(at: text)
        return folder
    }

    @Test func outputDashIsStandardOutputNotAFile() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["diff", "tip-2005", "--output", "-"], ["schedule", "--output", "-"],
                          ["summary", "--since", "2000-01-01", "--output", "-"], ["schedule", "--ics", "--output", "-"]] {
            let result = try Self.accord(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "\(arguments) printed nothing")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path), "\(arguments) wrote a file named -")
        }
        // A real file still gets the text, without colour even when forced on standard output.
        let file = folder.appendingPathComponent("changes.txt")
        #expect(try Self.accord(["diff", "tip-2005", "--output", file.path], in: folder).stdout == "")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("{+within+} {+three+} {+months+}"))
        // A device is written into, never replaced by a file (as root, a rename would do it).
        let devNull = try Self.accord(["schedule", "--output", "/dev/null"], in: folder)
        #expect(devNull.status == 0 && devNull.stdout == "", "\(devNull.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: "/dev/null"))[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "?? changes.txt\n")
    }

    @Test func everyJSONOutputCarriesTheSchemaVersion() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = folder.appendingPathComponent("hub.git")
        try CLI.git("init", "-q", "--bare", hub.path, in: folder)
        #expect(try Self.accord(["remote", "add", "hub", hub.path], in: folder).status == 0)
        let commands: [[String]] = [
            ["status", "--json"], ["show", "tip-2005", "--json"], ["show", "tip-2005#1.1", "--json"],
            ["list", "instruments", "--json"], ["list", "commitments", "--json"], ["list", "items", "--json"],
            ["list", "evidence", "--json"], ["list", "meetings", "--json"], ["evidence", "list", "--json"],
            ["history", "--json"], ["revisions", "tip-2005", "--json"], ["gaps", "--json"], ["schedule", "--json"],
            ["summary", "--since", "2000-01-01", "--json"], ["summary", "--since", "2000-01-01", "--format", "json"],
            ["diff", "tip-2005", "--json"], ["diff", "tip-2005", "--format", "json"],
            ["validate", "--json"], ["verify", "--json"], ["digest", "--json"], ["digest", "--files", "--json"],
            ["remote", "list", "--json"], ["sync", "hub", "--json"],
        ]
        for arguments in commands {
            let result = try Self.accord(arguments, in: folder)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(object?["version"] as? Int == 1, "\(arguments) printed no version: \(result.stdout.prefix(200))")
        }
        // validate --json on a broken tracker: the problems as JSON, and still exit 65.
        try Data("id: tip-2005\nkind: agreement\n".utf8).write(to: folder.appendingPathComponent("Agreements/tip-2005/instrument.yaml"))
        try CLI.git("commit", "-qam", "Break", in: folder)
        let broken = try Self.accord(["validate", "--json"], in: folder)
        #expect(broken.status == 65)
        let report = try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
        let problems = report?["problems"] as? [[String: Any]] ?? []
        #expect(problems.contains { $0["file"] as? String == "Agreements/tip-2005/instrument.yaml" && ($0["line"] as? Int ?? 0) >= 1 })
    }

    @Test func colourGoesThroughAPipeOnlyWhenAsked() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        let escape = "\u{1B}["
        func coloured(_ arguments: [String], _ environment: [String: String] = [:]) throws -> Bool {
            let result = try Self.accord(arguments, in: folder, environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return result.stdout.contains(escape)
        }
        let status = ["status"], diff = ["diff", "tip-2005"]
        #expect(try !coloured(status))
        #expect(try coloured(status + ["--color", "always"]))
        #expect(try coloured(diff + ["--color", "always"]))
        #expect(try coloured(status, ["FORCE_COLOR": "1"]))
        #expect(try coloured(diff, ["CLICOLOR_FORCE": "1"]))
        #expect(try !coloured(status, ["FORCE_COLOR": "1", "NO_COLOR": "1"]))  // NO_COLOR wins over auto
        #expect(try coloured(status + ["--color", "always"], ["NO_COLOR": "1"]))  // an explicit choice wins over NO_COLOR
        #expect(try !coloured(status + ["--color", "never"], ["FORCE_COLOR": "1"]))
        // Without colour, a redline still shows its changes.
        #expect(try Self.accord(diff, in: folder).stdout.contains("{+three+} {+months+}"))
        try CLI.git("config", "accord.color", "always", in: folder)
        #expect(try coloured(status))
        #expect(try !coloured(status + ["--color", "auto"], ["NO_COLOR": "1"]))
        try CLI.git("config", "accord.color", "sometimes", in: folder)
        let bad = try Self.accord(status, in: folder)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("accord.color"))
    }

    @Test func longOutputGoesThroughThePagerOnATerminalOnly() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["status"], ["list", "commitments"], ["gaps"], ["history"], ["show", "tip-2005"],
                          ["diff", "tip-2005"], ["schedule"], ["validate"], ["revisions", "tip-2005"]] {
            let recorded = try Self.paged(arguments, in: folder)
            #expect(recorded?.hasPrefix("paged LESS=FRX\n") == true, "\(arguments) did not page")
            // On a terminal colour is on, and the pager (less -R) is given it.
            if [["status"], ["gaps"], ["diff", "tip-2005"]].contains(arguments) {
                #expect(recorded?.contains("\u{1B}[") == true, "\(arguments)")
            }
        }
        let status = try #require(try Self.paged(["status"], in: folder, ["LESS": "S"]))
        #expect(status.hasPrefix("paged LESS=S\n"), "a LESS of the user's own is kept")
        #expect(status.contains("Status as of"))
        #expect(try Self.paged(["status", "--no-pager"], in: folder) == nil)
        #expect(try Self.paged(["status"], in: folder, pagerVariable: "PAGER") != nil)
        // ACCORD_PAGER comes before git config, which comes before PAGER; empty is none.
        try CLI.git("config", "core.pager", "false", in: folder)
        #expect(try Self.paged(["status"], in: folder, pagerVariable: "PAGER") == nil)
        #expect(try Self.paged(["status"], in: folder) != nil)
        #expect(try Self.paged(["status"], in: folder, ["ACCORD_PAGER": ""], pagerVariable: "PAGER") == nil)
        // Not a terminal: never a pager.
        let piped = try Self.accord(["status"], in: folder, ["ACCORD_PAGER": "/bin/false"])
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("Status as of"))
    }

    @Test func gitConfigKeysSetTheUsersDefaults() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        // tip-2005#1.1 binds both parties: --party is needed, unless accord.party names one.
        let home = folder.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let needs = try Self.accord(["log", "tip-2005#1.1", "--status", "in-progress", "--date", "2019-01-02"], in: folder)
        #expect(needs.status == 64)
        // The user's own ~/.gitconfig, through HOME, as git reads it.
        try Data("[accord]\n\tparty = kh\n\treporter = Sok Dara <dara@example.gov.kh>\n".utf8)
            .write(to: home.appendingPathComponent(".gitconfig"))
        let user = ["HOME": home.path, "XDG_CONFIG_HOME": home.path]
        let logged = try Self.accord(["log", "tip-2005#1.1", "--status", "in-progress", "--date", "2019-01-02"], in: folder, user)
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains(" KH in-progress "))
        #expect(try CLI.git("log", "-1", "--format=%an <%ae>", in: folder).stdout == "Sok Dara <dara@example.gov.kh>\n")
        // The tracker's own config comes first; a target binding only VN keeps VN.
        try CLI.git("config", "accord.party", "VN", in: folder)
        let own = try Self.accord(["log", "tip-2005#1.1", "--status", "implemented", "--date", "2019-01-03"], in: folder, user)
        #expect(own.stdout.contains(" VN implemented "), "\(own.stderr)")
        try CLI.git("config", "accord.party", "KH", in: folder)
        let onlyVN = try Self.accord(["log", "tip-2005#1.2", "--status", "implemented", "--date", "2019-01-03"], in: folder, user)
        #expect(onlyVN.stdout.contains(" VN implemented "), "\(onlyVN.stderr)")
        let evidence = try Self.accord(["evidence", "add", "--title", "Decree", "--kind", "legal-act", "--date", "2019-01-04",
                                        "--supports", "tip-2005#1.1", "-q"], in: folder, user)
        #expect(evidence.status == 0, "\(evidence.stderr)")
        let shown = try Self.accord(["show", evidence.stdout.trimmingCharacters(in: .newlines), "--json"], in: folder)
        #expect(shown.stdout.contains("\"party\" : \"KH\""))
        // accord.language: the language diff compares, when the instrument has it.
        try CLI.git("config", "accord.language", "fr", in: folder)
        #expect(try Self.accord(["diff", "tip-2005"], in: folder).status == 0, "a language without a text is passed over")
        try CLI.git("config", "accord.party", "XX1", in: folder)
        let before = try Self.head(folder)
        let bad = try Self.accord(["log", "tip-2005#1.1", "--status", "implemented"], in: folder)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("accord.party"))
        #expect(try Self.head(folder) == before)
    }

    @Test(.scratchFolder) func gitDirAndWorkTreeFindTheTracker() throws {
        let folder = try Self.trackerWithRevision()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhereScratch = try ScratchFolder.current
        let elsewhere = elsewhereScratch.url
        let gitDirectory = folder.appendingPathComponent(".git").path
        #expect(try Self.accord(["status"], in: elsewhere).status == 66)
        let found = try Self.accord(["status", "--json"], in: elsewhere, ["GIT_DIR": gitDirectory])
        #expect(found.status == 0, "\(found.stderr)")
        // A record written through GIT_DIR lands in the tracker's own working folder, not here.
        let logged = try Self.accord(["log", "tip-2005#1.2", "--status", "implemented", "--date", "2019-01-02", "-q"],
                                     in: elsewhere, ["GIT_DIR": gitDirectory])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        // --repo and ACCORD_REPO come first.
        let other = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: other) }
        let reportsHere = try Self.accord(["list", "commitments", "--status", "implemented", "--json"], in: elsewhere,
                                          ["GIT_DIR": gitDirectory, "ACCORD_REPO": other.path])
        #expect(!reportsHere.stdout.contains("tip-2005#1.2"))
        // GIT_WORK_TREE: the working folder records are written to.
        let work = elsewhere.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let worked = try Self.accord(["log", "tip-2005#1.2", "--status", "blocked", "--date", "2019-01-03", "-q"], in: elsewhere,
                                     ["GIT_DIR": gitDirectory, "GIT_WORK_TREE": work.path])
        #expect(worked.status == 0, "\(worked.stderr)")
        let id = worked.stdout.trimmingCharacters(in: .newlines)
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("Events/2019/01/\(id).yaml").path))
        let missing = try Self.accord(["status"], in: elsewhere, ["GIT_DIR": work.path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("GIT_DIR"))
    }

    @Test func quietPrintsOnlyTheNewIdAndVerboseTheCommit() throws {
        let folder = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quiet = try Self.accord(["log", "tip-2005#1.2", "--status", "in-progress", "--date", "2019-01-02", "--quiet"], in: folder)
        #expect(quiet.status == 0, "\(quiet.stderr)")
        let id = quiet.stdout.trimmingCharacters(in: .newlines)
        #expect(quiet.stdout == id + "\n")
        #expect(id.hasPrefix("sr-2019-01-02-vn-"))
        #expect(try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout == "Events/2019/01/\(id).yaml\n")
        let verbose = try Self.accord(["log", "tip-2005#1.2", "--status", "implemented", "--date", "2019-01-03", "-v"], in: folder)
        let head = try CLI.git("rev-parse", "HEAD", in: folder).stdout.trimmingCharacters(in: .newlines)
        #expect(verbose.stdout.hasPrefix("recorded sr-2019-01-03-vn-"))
        #expect(verbose.stdout.contains("commit \(head)\n"))
        #expect(verbose.stdout.contains("    tip-2005#1.2: VN implemented"))
        #expect(verbose.stdout.contains("A\tEvents/2019/01/sr-2019-01-03-vn-"))
        let meeting = try Self.accord(["meeting", "add", "--date", "2019-02-01", "--venue", "Hanoi", "--host", "VN", "-q"], in: folder)
        #expect(meeting.stdout == "2019-02-01-hanoi\n", "\(meeting.stderr)")
        let remote = try Self.accord(["remote", "add", "hub", "/nonexistent/hub.git", "--quiet"], in: folder)
        #expect(remote.status == 0)
        #expect(remote.stdout == "")
        let both = try Self.accord(["log", "tip-2005#1.2", "--status", "implemented", "-q", "-v"], in: folder)
        #expect(both.status == 64)
    }

    static func head(_ folder: URL) throws -> String { try CLI.git("rev-parse", "HEAD", in: folder).stdout }
}
