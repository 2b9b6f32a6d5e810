import Foundation
import TestSupport
import Testing

/// Hostile files, values and names that once hung or crashed accord, overwrote a record, or
/// reached a terminal as control sequences: each through the built binary.
@Suite struct HardeningTests {
    static let instrument = """
        id: tip-2005
        kind: agreement
        title:
          en: Agreement against trafficking
        parties: [VN, KH]
        signed:
          date: 2005-10-10
        status: in-force
        languages: [en]
        review-cycles:
          - id: annual
            title: Annual review
            every-months: 12
            from: 2006-10-10
        commitments:
          - id: "4.1"
            summary: Inform communities at risk.
            bound: each
            due: 2006-03-31

        """

    static let text = """
        # Agreement against trafficking

        ## Article 4. Prevention

        1. Inform communities.

        """

    /// A tracker with one instrument, committed; `files` are committed on top. The tracker
    /// is made once per test process, and each test changes a copy.
    static func tracker(_ files: [String: String] = [:]) throws -> URL {
        let folder = try ScratchFolder.copy(of: try #require(template.tracker, "\(template.problem)"))
        if !files.isEmpty { try commit(files, in: folder) }
        return folder
    }

    private static let template: (tracker: URL?, problem: String) = {
        do {
            let folder = try ScratchFolder.make().appendingPathComponent("tracker")
            let created = try CLI.run(["init", folder.path])
            guard created.status == 0 else { return (nil, created.stderr) }
            try commit(["Agreements/tip-2005/instrument.yaml": instrument, "Agreements/tip-2005/text.en.md": text], in: folder)
            return (folder, "")
        } catch {
            return (nil, "\(error)")
        }
    }()

    /// Writes `files` and commits them with git, as a sync or a hand edit would bring them.
    static func commit(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try Command.git(["add", "-A"], in: folder)
        try Command.git(["-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "files"], in: folder)
    }

    /// Today in UTC, as accord dates a write: the fixture's text is committed today, and an
    /// amendment cannot precede it.
    static var today: String { String(ISO8601DateFormatter().string(from: Date()).prefix(10)) }

    static func commitCount(_ folder: URL) throws -> String {
        try Command.git(["rev-list", "--count", "HEAD"], in: folder)
    }

    @Test func aFileOfNestedAliasesIsRefusedAndOtherCommandsStillWork() throws {
        var lines = ["id: sr-2019-03-26-vn-k3f9q", "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = Array("abcdefghijkl")
        for level in 1..<names.count {
            lines.append("\(names[level]): &\(names[level]) [" + Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ",") + "]")
        }
        let folder = try Self.tracker(["Events/2019/03/sr-2019-03-26-vn-k3f9q.yaml": lines.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let validate = try CLI.run(["validate", "--repo", folder.path], timeout: 30)
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("Events/2019/03/sr-2019-03-26-vn-k3f9q.yaml:2: anchors and aliases are not allowed in records"))
        let log = try CLI.run(["log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN", "--date", "2019-04-01",
                               "--by", "An <an@example.invalid>", "--note", "x", "--repo", folder.path], timeout: 30)
        #expect(log.status == 0, "\(log.stderr)")
        for command in [["status"], ["gaps"], ["summary"]] {
            #expect(try CLI.run(command + ["--repo", folder.path], timeout: 30).status == 0)
        }
    }

    @Test func valuesThatOnceCrashedReportsAreRefusedWhereTheyEnter() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.commitCount(folder)
        let add = try CLI.run(["evidence", "add", "--title", "Figures", "--kind", "statistics", "--date", "2019-12-31",
                               "--value", "cases=1e19", "--repo", folder.path])
        #expect(add.status == 64)
        #expect(add.stderr == "accord: --value cases=1e19: the number is too large (at most 1000000000000000 either way)\n")
        #expect(try Self.commitCount(folder) == before)
    }

    @Test func hugeNumbersArrivingInFilesNeitherCrashNorCascade() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = try String(contentsOf: folder.appendingPathComponent("accord.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "attachment-max-mb: 50", with: "attachment-max-mb: 50\n  review-tolerance-months: 9223372036854775807")
        let evidence = """
            id: ev-2019-12-31-figures
            kind: statistics
            title: Figures
            date: 2019-12-31
            supports: [tip-2005#4.1]
            values:
              - indicator: cases
                period: "2019"
                value: 1e19

            """
        try Self.commit(["accord.yaml": settings, "Evidence/2019/ev-2019-12-31-figures.yaml": evidence], in: folder)
        let validate = try CLI.run(["validate", "--repo", folder.path])
        #expect(validate.status == 65)
        // The bad threshold and the bad value, each once: nothing that rests on accord.yaml
        // is reported again.
        #expect(validate.stderr.contains("accord.yaml:13: thresholds.review-tolerance-months: 9223372036854775807 is more than 120"))
        #expect(validate.stderr.contains("Evidence/2019/ev-2019-12-31-figures.yaml:9: values[1].value: 1e19 is too large"))
        #expect(validate.stderr.hasPrefix("accord: 2 problems in the tracker data"), "\(validate.stderr)")
        for command in [["gaps"], ["schedule"], ["summary"], ["summary", "--format", "html"], ["status"]] {
            let result = try CLI.run(command + ["--repo", folder.path])
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
        }
    }

    @Test func meetingsOfOneIdRecordedAtOnceAreNeverOverwritten() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writers = (0..<6).map { index -> Process in
            let process = Process()
            process.executableURL = AccordProcess.binary
            process.arguments = ["meeting", "add", "--date", "2020-01-01", "--venue", "Hanoi", "--host", "VN",
                                 "--note", "writer \(index)", "--repo", folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        let statuses = writers.map(\.terminationStatus)
        #expect(statuses.filter { $0 == 0 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 73 }.count == 5, "\(statuses)")
        let subjects = try Command.git(["log", "--format=%s"], in: folder).split(separator: "\n")
        #expect(subjects.filter { $0 == "Record meeting 2020-01-01-hanoi" }.count == 1)
        let winner = try #require(statuses.firstIndex(of: 0))
        let file = try String(contentsOf: folder.appendingPathComponent("Meetings/2020-01-01-hanoi.yaml"), encoding: .utf8)
        #expect(file.contains("writer \(winner)"))
        let again = try CLI.run(["meeting", "add", "--date", "2020-01-01", "--venue", "Hanoi", "--host", "VN", "--repo", folder.path])
        #expect(again.status == 73)
        #expect(again.stderr == "accord: meeting 2020-01-01-hanoi exists already (Meetings/2020-01-01-hanoi.yaml); give another --slug\n")
    }

    /// Amends of one instrument for one date, started together with different texts: one
    /// records its revision and tag, every other is refused before it commits.
    @Test func amendsOfOneDateRecordedAtOnceMakeOneRevision() throws {
        let folder = try Self.tracker()
        let today = Self.today
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.commitCount(folder)
        let writers = try (0..<4).map { index -> Process in
            let file = folder.appendingPathComponent("draft-\(index).en.md")
            try Data(Self.text.replacingOccurrences(of: "Inform communities.", with: "Inform communities, draft \(index).").utf8)
                .write(to: file)
            let process = Process()
            process.executableURL = AccordProcess.binary
            process.arguments = ["amend", "tip-2005", "--text", file.path, "--date", today,
                                 "--message", "Amendment \(index)", "--accept-remap", "--repo", folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        let statuses = writers.map(\.terminationStatus)
        #expect(statuses.filter { $0 == 0 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 73 }.count == 3, "\(statuses)")
        #expect(Int(try Self.commitCount(folder)) == Int(before)! + 1)
        let tagged = try Command.git(["rev-list", "-n", "1", "tip-2005@\(today)"], in: folder)
        #expect(tagged == (try Command.git(["rev-parse", "HEAD"], in: folder)))
    }

    /// An amend stopped between its commit and its tag (the tag is removed here, as a kill at
    /// that point leaves it) is completed by running it again: the revision gets its tag and
    /// nothing is committed twice.
    @Test func anAmendStoppedBeforeItsTagIsCompletedByRunningItAgain() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("amended.en.md")
        try Data(Self.text.replacingOccurrences(of: "Inform communities.", with: "Inform communities and schools.").utf8)
            .write(to: file)
        let today = Self.today
        let arguments = ["amend", "tip-2005", "--text", file.path, "--date", today, "--message", "Amendment", "--accept-remap",
                         "--repo", folder.path]
        #expect(try CLI.run(arguments).status == 0)
        let count = try Self.commitCount(folder)
        try Command.git(["tag", "-d", "tip-2005@\(today)"], in: folder)
        let again = try CLI.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Tagged tip-2005@\(today)"), "\(again.stdout)")
        #expect(try Self.commitCount(folder) == count)
        #expect(try Command.git(["rev-list", "-n", "1", "tip-2005@\(today)"], in: folder)
                == (try Command.git(["rev-parse", "HEAD"], in: folder)))
        let third = try CLI.run(arguments)
        #expect(third.status == 65)
        #expect(third.stderr.contains("no change"))
    }

    /// An amendment's message holding an escape sequence reaches neither its commit nor its
    /// tag raw, so `git log` and `git tag -n` cannot act on a terminal.
    @Test func controlCharactersReachNoTagMessage() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("amended.en.md")
        try Data(Self.text.replacingOccurrences(of: "Inform communities.", with: "Inform communities and schools.").utf8)
            .write(to: file)
        let result = try CLI.run(["amend", "tip-2005", "--text", file.path, "--date", Self.today, "--accept-remap",
                                  "--message", "Protocol\u{1B}]0;owned\u{07} signed", "--repo", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let tag = try Command.git(["cat-file", "-p", "tip-2005@\(Self.today)"], in: folder)
        #expect(!tag.contains("\u{1B}") && !tag.contains("\u{07}"))
        #expect(tag.contains("Protocol\\u{1B}]0;owned\\u{7} signed"), "\(tag)")
    }

    @Test func controlCharactersReachNeitherTheTerminalNorTheCommitMessage() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let note = "done\u{1B}[2J\u{1B}]0;owned\u{07}\rX\u{08}"
        let log = try CLI.run(["log", "tip-2005#4.1", "--status", "implemented", "--party", "VN", "--date", "2019-04-01",
                               "--by", "An <an@example.invalid>", "--note", note, "--repo", folder.path])
        #expect(log.status == 0, "\(log.stderr)")
        let id = try #require(log.stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        let show = try CLI.run(["show", id, "--repo", folder.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(!show.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(show.stdout.contains(#"done\u{1B}[2J\u{1B}]0;owned\u{7}\u{D}X\u{8}"#))
        // A search prints the note's words as `show` does.
        let search = try CLI.run(["search", "done", "--repo", folder.path])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(!search.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(search.stdout.contains(#"done\u{1B}[2J\u{1B}]0;owned\u{7}"#), "\(search.stdout)")
        let message = try Command.git(["log", "-1", "--format=%B"], in: folder)
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(message.contains(#"done\u{1B}[2J"#))
        let by = try CLI.run(["log", "tip-2005#4.1", "--status", "implemented", "--party", "KH", "--date", "2019-04-01",
                              "--by", "An\u{1B}]0;x\u{07} <an@example.invalid>", "--note", "x", "--repo", folder.path])
        #expect(by.status == 64)
        #expect(!by.stderr.contains("\u{1B}"))
    }

    @Test func aNameWithAngleBracketsIsAUsageError() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try CLI.run(["log", "tip-2005#4.1", "--status", "implemented", "--party", "VN", "--date", "2019-04-01",
                               "--by", "A <b> <c@d>", "--note", "x", "--repo", folder.path])
        #expect(log.status == 64)
        #expect(log.stderr == "accord: --by \"A <b> <c@d>\" should be a name or \"Name <email>\"\n")
    }

    @Test func aNoteIsReadFromDevStdinAndAnUnreadableFileIsAnIOError() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try Command.run("/bin/sh", ["-c", "echo 'from a pipe' | \"$0\" \"$@\"", AccordProcess.binary.path,
                                                "log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN",
                                                "--date", "2019-04-01", "--by", "An", "--note-file", "/dev/stdin",
                                                "--repo", folder.path], clearing: ["ACCORD_REPO"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try Command.git(["log", "-1", "--format=%B"], in: folder).contains("from a pipe"))
        let before = try Self.commitCount(folder)
        let mem = try CLI.run(["evidence", "add", "--title", "Memory", "--kind", "minutes", "--date", "2019-04-01",
                               "--file", "/proc/self/mem", "--repo", folder.path])
        #expect(mem.status == 74)
        #expect(mem.stderr.hasPrefix("accord: cannot read attachment /proc/self/mem: "))
        let missing = try CLI.run(["evidence", "add", "--title", "Memory", "--kind", "minutes", "--date", "2019-04-01",
                                   "--file", folder.appendingPathComponent("absent.pdf").path, "--repo", folder.path])
        #expect(missing.status == 66)
        #expect(try Self.commitCount(folder) == before)
    }

    @Test(.enabled(if: geteuid() == 0, "needs to give the repository to another user"))
    func aRepositoryOfAnotherUserIsReportedAsGitDoes() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Command.run("chown", ["-R", "65534", folder.path]).status == 0)
        let status = try CLI.run(["status", "--repo", folder.path])
        #expect(status.status == 66)
        #expect(status.stderr.contains("belongs to another user (uid 65534), so git refuses it (dubious ownership)"))
        #expect(status.stderr.contains("git config --global --add safe.directory \(folder.standardizedFileURL.path)"))
    }

    @Test func temporaryFilesOfKilledWritersAreRemovedByTheNextWrite() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = FileManager.default
        let git = folder.appendingPathComponent(".git")
        try files.createDirectory(at: git.appendingPathComponent("accord/tmp"), withIntermediateDirectories: true)
        let leftover = git.appendingPathComponent("accord/tmp/4242-sr-2019-04-01-vn-aaaaa.yaml")
        let oldObject = git.appendingPathComponent("objects/tmp_object_git2_OLD123")
        let liveObject = git.appendingPathComponent("objects/tmp_object_git2_NEW123")
        for url in [leftover, oldObject, liveObject] { try Data("partial".utf8).write(to: url) }
        try files.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: oldObject.path)
        let log = try CLI.run(["log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN", "--date", "2019-04-01",
                               "--by", "An", "--note", "x", "--repo", folder.path])
        #expect(log.status == 0, "\(log.stderr)")
        #expect(!files.fileExists(atPath: leftover.path))
        #expect(!files.fileExists(atPath: oldObject.path))
        // Young enough to belong to a writer still running.
        #expect(files.fileExists(atPath: liveObject.path))
        #expect(try Command.git(["status", "--porcelain"], in: folder) == "")
        let written = try files.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".dat.nosync") }
        #expect(written.isEmpty)
    }

    /// Entries accord never writes, committed by hand with git: `validate` names each one,
    /// on the working tree and on a revision, and the records still read.
    @Test func validateReportsLinksGitlinksAndOddPathsCommittedByHand() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            ln -s /etc/passwd Agreements/tip-2005/link.md
            mkdir -p Events/2019/04 && printf 'x\\n' > 'Events/2019/04/a\\b.yaml' && printf 'x\\n' > "$(printf 'Events/2019/04/\\377.yaml')"
            printf '* text\\n' > .gitattributes
            git add -A
            git update-index --add --cacheinfo 160000,$(git rev-parse HEAD),Agreements/vendor
            git -c user.name=t -c user.email=t@example.invalid commit -q -m 'by hand'
            """
        let made = try Command.run("/bin/sh", ["-ec", script], in: folder)
        try #require(made.status == 0, "\(made.stderr)")
        for arguments in [["validate"], ["validate", "--revision", "HEAD"]] {
            let validate = try CLI.run(arguments + ["--repo", folder.path])
            #expect(validate.status == 65, "\(validate.stderr)")
            for expected in ["Agreements/tip-2005/link.md:1: a symbolic link", "Agreements/vendor:1: a submodule link",
                             ".gitattributes:1: a git file or folder", "Events/2019/04/a\\b.yaml:1: a path with a backslash",
                             "Events/2019/04/\u{FFFD}.yaml:1: a name that is not UTF-8"] {
                #expect(validate.stderr.contains(expected), "\(arguments): \(expected) in \(validate.stderr)")
            }
        }
        #expect(try CLI.run(["status", "--repo", folder.path]).status == 0)
    }

    /// A loose object cut short, as a crash can leave it: libgit2 1.5 inflates it forever,
    /// where git fails at once. `history` and `show` stop within seconds with one line that
    /// names the object and points to `accord verify` (exit 74).
    @Test(.timeLimit(.minutes(2))) func aTruncatedLooseObjectStopsHistoryAndShowWithinSeconds() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.commit(["Events/2019/04/sr-1.yaml": "id: sr-1\ntarget: tip-2005#4.1\nstatus: in-progress\ndate: 2019-04-01\nparty: VN\n"],
                        in: folder)
        // The newest commit's file, made by git, cut to half its length.
        let report = try Command.git(["rev-parse", "HEAD"], in: folder)
        let file = folder.appendingPathComponent(".git/objects/\(report.prefix(2))/\(report.dropFirst(2))")
        let bytes = try Data(contentsOf: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        try bytes.prefix(bytes.count / 2).write(to: file)
        #expect(try Command.run("git", ["log", "-1"], in: folder).status != 0)

        for arguments in [["history"], ["show", "tip-2005#4.1"]] {
            let started = Date()
            let result = try CLI.run(arguments + ["--repo", folder.path])
            let seconds = Date().timeIntervalSince(started)
            #expect(result.status == 74, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("accord: the stored object \(report) is damaged"), "\(result.stderr)")
            #expect(result.stderr.contains("accord verify"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(seconds < 30, "\(arguments) took \(seconds) s")
        }
    }

    /// Texts that once passed `amend` and then made the tracker invalid: each is refused
    /// with nothing committed, or recorded as a revision that `validate` accepts.
    @Test func amendNeverCommitsATextThatBreaksTheTracker() throws {
        let folder = try Self.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = [
            "empty": "",
            "blank": "\n\n   \n",
            "title only": "# Agreement against trafficking\n",
            "truncated": "# Agreement against trafficking\n\n## Article 4. Prev",
            "no articles": "# Agreement against trafficking\n\nSome words.\n",
            "CR only": Self.text.replacingOccurrences(of: "\n", with: "\r"),
            "CRLF": Self.text.replacingOccurrences(of: "\n", with: "\r\n"),
            "tab-indented clause": Self.text.replacingOccurrences(of: "1. Inform communities.", with: "\t1. Inform communities."),
            "clause lost": "# Agreement against trafficking\n\n## Article 4. Prevention\n\nNothing.\n",
            "article renumbered": Self.text.replacingOccurrences(of: "Article 4.", with: "Article 5."),
            "NUL": Self.text.replacingOccurrences(of: "Inform", with: "In\u{0}form"),
        ]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent("draft.en.md")
            try Data(text.utf8).write(to: file)
            let before = try Command.git(["rev-parse", "HEAD"], in: folder)
            let amend = try CLI.run(["amend", "tip-2005", "--text", file.path, "--date", Self.today, "--message", name,
                                     "--repo", folder.path])
            if amend.status == 0 {
                let validate = try CLI.run(["validate", "--repo", folder.path])
                #expect(validate.status == 0, "\(name): committed, then \(validate.stderr)")
                try Command.git(["reset", "-q", "--hard", before], in: folder)
                try Command.git(["tag", "-d", "tip-2005@\(Self.today)"], in: folder)
            } else {
                #expect([64, 65].contains(amend.status), "\(name): \(amend.status) \(amend.stderr)")
                #expect(amend.stderr.hasPrefix("accord: "), "\(name): \(amend.stderr)")
                #expect(try Command.git(["rev-parse", "HEAD"], in: folder) == before, "\(name)")
            }
        }
    }
}
