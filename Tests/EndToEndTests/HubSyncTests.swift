import Foundation
import TestSupport
import Testing

/// Hubs made the ways people make them, drives that are not there, servers that stop
/// answering, and remotes whose history changed under a copy: the built binary against
/// real git repositories.
@Suite(.scratchFolder, .tags(.slow), runBySlowTarget) struct HubSyncTests {
    let scratch: ScratchFolder

    init() throws { scratch = try ScratchFolder.current }

    func accord(_ arguments: [String], in folder: String) throws -> Command.Result {
        try Command.run(SyncCommandTests.accord, arguments, in: scratch.path(folder), timeout: 60)
    }

    @discardableResult
    func shell(_ script: String, in folder: String = ".") throws -> String {
        let result = try Command.run("sh", ["-ec", script], in: scratch.path(folder))
        #expect(result.status == 0, "\(script): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func rev(_ name: String, in folder: String) throws -> String {
        try Command.git(["rev-parse", name], in: scratch.path(folder))
    }

    func configure(_ folder: String) throws {
        try Command.git(["config", "user.name", "Official \(folder)"], in: scratch.path(folder))
        try Command.git(["config", "user.email", "\(folder)@example.org"], in: scratch.path(folder))
    }

    /// The project's folder, for the example's settings and one of its instruments.
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A valid tracker `a` (the example's settings and tip-2005, one status report), synced to
    /// `hub.git` (an empty hub from `accord init --bare`), and `b` cloned from the hub.
    func twoCopies() throws {
        #expect(try accord(["init", "--bare", "hub.git"], in: ".").status == 0)
        #expect(try accord(["init", "a"], in: ".").status == 0)
        try configure("a")
        let project = Self.project.path
        try shell("""
            cp '\(project)/accord.example.yaml' accord.yaml
            mkdir -p Agreements/tip-2005 && cp '\(project)'/Agreements/tip-2005/instrument.yaml \
              '\(project)'/Agreements/tip-2005/text.*.md Agreements/tip-2005/
            git add -A && git commit -qm 'Add tip-2005'
            """, in: "a")
        try addReport("a-1", in: "a")
        let valid = try accord(["validate"], in: "a")
        try #require(valid.status == 0, "\(valid.stderr)")
        #expect(try accord(["remote", "add", "origin", "../hub.git"], in: "a").status == 0)
        let first = try accord(["sync"], in: "a")
        #expect(first.status == 0, "\(first.stderr)")
        try shell("git clone -q hub.git b")
        try configure("b")
    }

    /// One status report, written and committed with git.
    func addReport(_ name: String, in folder: String) throws {
        try shell("""
            mkdir -p Events/2024/05
            printf 'id: %s\\ntarget: tip-2005#10.1\\nstatus: in-progress\\ndate: 2024-05-01\\nparty: VN\\n' \(name) \
              > Events/2024/05/\(name).yaml
            git add -A && git commit -qm 'Report \(name)'
            """, in: folder)
    }

    @Test func aHubMadeWithPlainGitInitIsClonedAsATracker() throws {
        try shell("git -c init.defaultBranch=master init -q --bare hub.git")
        #expect(try accord(["init", "a"], in: ".").status == 0)
        #expect(try accord(["remote", "add", "origin", "../hub.git"], in: "a").status == 0)
        #expect(try accord(["sync"], in: "a").status == 0)
        #expect(try shell("cat hub.git/HEAD") == "ref: refs/heads/main")
        try shell("git clone -q hub.git b")
        let status = try accord(["status"], in: "b")
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try rev("HEAD", in: "b") == rev("main", in: "a"))
    }

    @Test func aCloneOfAHubWithADanglingHeadIsToldToCheckOutNeverToInit() throws {
        // A hub filled by plain git push keeps its HEAD on master, which does not exist.
        try shell("git -c init.defaultBranch=master init -q --bare hub.git")
        #expect(try accord(["init", "a"], in: ".").status == 0)
        try shell("git -C a push -q ../hub.git main && git clone -q hub.git b 2>/dev/null")
        let status = try accord(["status"], in: "b")
        #expect(status.status == 66)
        #expect(status.stderr.contains("origin/main holds a tracker"))
        #expect(status.stderr.contains("checkout main"))
        #expect(!status.stderr.contains("accord init"))
        try shell("git checkout -q main", in: "b")
        #expect(try accord(["status"], in: "b").status == 0)
    }

    @Test func initBareMakesAnEmptyHubThatATrackerAdopts() throws {
        let made = try accord(["init", "--bare", "hub.git"], in: ".")
        #expect(made.status == 0)
        #expect(made.stdout.contains("empty hub"))
        #expect(try Command.run("git", ["rev-parse", "--verify", "-q", "HEAD"], in: scratch.path("hub.git")).status != 0)
        #expect(try accord(["init", "a"], in: ".").status == 0)
        #expect(try accord(["remote", "add", "hub", "../hub.git"], in: "a").status == 0)
        let sync = try accord(["sync", "hub"], in: "a")
        #expect(sync.status == 0 && sync.stdout.contains("pushed main to hub"), "\(sync.stdout)\(sync.stderr)")
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == rev("main", in: "a"))
        // A hub that has commits is not made again.
        #expect(try accord(["init", "--bare", "hub.git"], in: ".").status == 73)
    }

    @Test func amendmentTagsTravelBothWays() throws {
        #expect(try accord(["init", "--bare", "hub.git"], in: ".").status == 0)
        #expect(try accord(["init", "--example", "a"], in: ".").status == 0)
        try configure("a")
        #expect(try accord(["remote", "add", "origin", "../hub.git"], in: "a").status == 0)
        let pushed = try accord(["sync"], in: "a")
        #expect(pushed.status == 0 && pushed.stdout.contains("sent tags: "), "\(pushed.stdout)\(pushed.stderr)")
        #expect(try Command.git(["tag"], in: scratch.path("hub.git")).contains("tip-2005@2012-09-28"))

        // A copy that lacks the tags gets them from the hub by syncing.
        try shell("git clone -q hub.git b && git -C b tag -l | xargs git -C b tag -d >/dev/null")
        try configure("b")
        let fetched = try accord(["sync"], in: "b")
        #expect(fetched.status == 0 && fetched.stdout.contains("received tags: "), "\(fetched.stdout)\(fetched.stderr)")
        let diff = try accord(["diff", "tip-2005", "tip-2005@2012-09-28"], in: "b")
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(try Command.git(["tag"], in: scratch.path("b")) == Command.git(["tag"], in: scratch.path("a")))
    }

    @Test func aMissingDriveIsNamedAndSetURLPointsTheRemoteAtItsNewPlace() throws {
        try twoCopies()
        try shell("mv hub.git moved.git")
        let missing = try accord(["sync"], in: "a")
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("not found") && missing.stderr.contains("is the drive connected?"))
        #expect(!missing.stderr.contains("unsupported URL protocol"))
        let set = try accord(["remote", "set-url", "origin", "../moved.git"], in: "a")
        #expect(set.status == 0 && set.stdout.contains(scratch.path("moved.git").path))
        #expect(try accord(["sync"], in: "a").stdout.contains("up to date"))
        #expect(try accord(["remote", "set-url", "nowhere", "/x"], in: "a").status == 66)
    }

    @Test(.timeLimit(.minutes(1))) func aServerThatNeverAnswersEndsTheSyncWithinTheTimeout() throws {
        try twoCopies()
        // Accepts connections on loopback and never says a word; gone after 40 seconds whatever happens.
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import signal, socket, time
            signal.pthread_sigmask(signal.SIG_SETMASK, [])  # the test process blocks SIGTERM
            s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(8); s.settimeout(1)
            print(s.getsockname()[1], flush=True)
            held, end = [], time.time() + 40
            while time.time() < end:
                try: held.append(s.accept()[0])
                except socket.timeout: pass
            """]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        var port = ""
        while !port.hasSuffix("\n") {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            try #require(!byte.isEmpty, "the silent server did not start")
            port += String(decoding: byte, as: UTF8.self)
        }
        port = port.trimmingCharacters(in: .whitespacesAndNewlines)

        try addReport("a-2", in: "a")
        let tip = try rev("main", in: "a")
        #expect(try accord(["remote", "add", "silent", "git://127.0.0.1:\(port)/hub.git"], in: "a").status == 0)
        let start = Date()
        let stalled = try accord(["sync", "silent", "--timeout", "2"], in: "a")
        let elapsed = Date().timeIntervalSince(start)
        #expect(stalled.status == 75, "\(stalled.stderr)")
        #expect(stalled.stderr.contains("no progress in 2 s"))
        #expect(elapsed < 10)

        // The limit also comes from git's configuration, over HTTP as over git://.
        try Command.git(["config", "accord.timeout", "1"], in: scratch.path("a"))
        #expect(try accord(["remote", "add", "silent-http", "http://127.0.0.1:\(port)/hub.git"], in: "a").status == 0)
        let configured = try accord(["sync", "silent-http"], in: "a")
        #expect(configured.status == 75 && configured.stderr.contains("no progress in 1 s"))
        try Command.git(["config", "accord.timeout", "soon"], in: scratch.path("a"))
        // A git config value accord cannot use is a usage error, as docs/config.md says.
        let soon = try accord(["sync", "silent-http"], in: "a")
        #expect(soon.status == 64 && soon.stderr.hasPrefix("accord: git config accord.timeout"), "\(soon.stderr)")

        #expect(try rev("main", in: "a") == tip)
        #expect(try Command.run("git", ["rev-parse", "--verify", "-q", "silent/main"], in: scratch.path("a")).status != 0)
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")
    }

    @Test func locksLeftByAKilledSyncDoNotStopTheNextOne() throws {
        try twoCopies()
        try addReport("a-2", in: "a")
        // What a fetch or push killed half-way leaves, here and on the hub.
        try shell("touch a/.git/refs/remotes/origin/main.lock hub.git/refs/heads/main.lock "
                  + "&& mkdir -p a/.git/refs/accord/tags/origin && touch a/.git/refs/accord/tags/origin/x.lock")
        let sync = try accord(["sync"], in: "a")
        #expect(sync.status == 0 && sync.stdout.hasPrefix("pushed main to origin"), "\(sync.stderr)")
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == rev("main", in: "a"))
    }

    /// Commits made on the hub with git's plumbing that no accord or git porcelain would
    /// make: a `.git` folder, a `..` folder, a symbolic link, a submodule link. Each is
    /// refused by sync with one `accord:` line naming the path (exit 65, never 70), nothing
    /// changes here, and once the hub is set back the copy syncs as before.
    @Test func unsafeTreesFromARemoteAreRefusedAndTheCopyStaysUsable() throws {
        try twoCopies()
        let base = try rev("main", in: "hub.git")
        let trees = [
            (".git/config", "inner=$(printf '100644 blob %s\\tconfig\\n' $blob | git mktree); printf '040000 tree %s\\t.git\\n' $inner"),
            ("../config", "inner=$(printf '100644 blob %s\\tconfig\\n' $blob | git mktree); printf '040000 tree %s\\t..\\n' $inner"),
            ("Evidence/link", "printf '120000 blob %s\\tlink\\n' $blob"),
            ("vendor", "printf '160000 commit %s\\tvendor\\n' \(base)"),
        ]
        for (path, entry) in trees {
            let folder = path.hasPrefix("Evidence/") ? "Evidence" : ""
            // The hostile entry goes into `folder` of main's tree, in a new commit on the hub.
            try shell("""
                blob=$(printf '[core]\\n\\tfsmonitor = touch pwned\\n' | git hash-object -w --stdin)
                if [ -n '\(folder)' ]; then
                  sub=$( (git ls-tree main:\(folder) 2>/dev/null || true; \(entry)) | git mktree)
                  root=$( (git ls-tree main | awk -F'\\t' '$2 != "\(folder)"'; printf '040000 tree %s\\t\(folder)\\n' $sub) | git mktree)
                else
                  root=$( (git ls-tree main; \(entry)) | git mktree)
                fi
                commit=$(git -c user.name=H -c user.email=h@example.org commit-tree -p main -m 'Hostile' $root)
                git update-ref refs/heads/main $commit
                """, in: "hub.git")
            let sync = try accord(["sync"], in: "a")
            #expect(sync.status == 65, "\(path): \(sync.status) \(sync.stderr)")
            #expect(sync.stderr.hasPrefix("accord: ") && sync.stderr.contains(path), "\(sync.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("a/pwned").path))
            #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")
            #expect(try accord(["status"], in: "a").status == 0)
            try Command.git(["update-ref", "refs/heads/main", base], in: scratch.path("hub.git"))
        }
        try addReport("a-2", in: "a")
        let sync = try accord(["sync"], in: "a")
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(try rev("main", in: "hub.git") == rev("main", in: "a"))
    }

    /// Syncs of one copy and writers in it, all started at once: every one exits 0 (a second
    /// sync waits for the first), no record is staged as deleted, `git status` is clean, and
    /// a plain `git commit` afterwards (the way out of a conflict) finds nothing to record.
    @Test func syncsAndWritesOfOneCopyAtOnceLeaveItsIndexWhole() throws {
        try twoCopies()
        for round in 0..<3 {
            try addReport("b-\(round)", in: "b")
            #expect(try accord(["sync"], in: "b").status == 0)
            let runs: [[String]] = [["sync"], ["sync"], ["sync"]] + (1...4).map { day in
                ["log", "tip-2005#10.1", "--status", "in-progress", "--party", "VN", "--date", "2024-06-0\(day)",
                 "--by", "An", "--note", "round \(round) writer \(day)"]
            }
            let processes = try runs.map { arguments -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: SyncCommandTests.accord)
                process.arguments = arguments
                process.currentDirectoryURL = scratch.path("a")
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: runs.count), "round \(round)")
            #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "", "round \(round)")
            #expect(try Command.git(["diff", "--cached", "--name-status", "HEAD"], in: scratch.path("a")) == "")
            let commit = try Command.run("git", ["commit", "-q", "-m", "by hand"], in: scratch.path("a"))
            #expect(commit.status != 0, "git commit found something to record: \(commit.stdout)")
        }
        #expect(try accord(["sync"], in: "a").status == 0)
        #expect(try accord(["sync"], in: "b").status == 0)
        #expect(try rev("main", in: "a") == rev("main", in: "b"))
        #expect(try shell("ls Events/2024/05 Events/2024/06 | grep -c yaml", in: "b") == "\(1 + 3 + 12)")
    }

    /// The disk fills while a sync writes an arriving attachment, after the hub has the
    /// merge: the sync fails (74) with the branch where it was and no half-written file left
    /// to be committed, and the next sync finishes the job with `git status` clean.
    @Test(.enabled(if: KillPointTests.strace != nil, "needs strace"))
    func aDiskThatFillsDuringTheCheckoutOfASyncLeavesNoHalfFile() throws {
        try twoCopies()
        try shell("head -c 300000 /dev/urandom > ../minutes.pdf", in: "b")
        let add = try accord(["evidence", "add", "--title", "Minutes", "--kind", "minutes", "--date", "2024-05-02",
                              "--file", "../minutes.pdf", "--supports", "tip-2005#10.1"], in: "b")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try accord(["sync"], in: "b").status == 0)
        let attachment = try shell("git ls-tree -r --name-only HEAD Evidence/attachments", in: "b")
        try #require(!attachment.isEmpty && !attachment.contains("\n"))
        try addReport("a-2", in: "a")
        let before = try rev("main", in: "a")

        let target = scratch.path("a/\(attachment)").path
        let full = try Command.run(KillPointTests.strace!, ["-f", "-o", "/dev/null", "-P", target, "-e", "trace=write",
                                                            "-e", "inject=write:error=ENOSPC", SyncCommandTests.accord, "sync"],
                                   in: scratch.path("a"))
        #expect(full.status == 74, "\(full.status) \(full.stderr)")
        #expect(full.stderr.contains("accord: "), "\(full.stderr)")
        #expect(try rev("main", in: "a") == before)
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")
        #expect(!FileManager.default.fileExists(atPath: target))

        let next = try accord(["sync"], in: "a")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")
        #expect(try rev("main", in: "a") == rev("main", in: "hub.git"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(contentsOf: scratch.path("minutes.pdf")))
    }

    /// A bare tracker that syncs with a second hub passes on nothing it was given by plain
    /// git that accord would refuse to take; nor does a copy where one was committed by hand.
    @Test func unsafeTreesAreNotPassedOnByABareTrackerNorByACopy() throws {
        try twoCopies()
        try shell("git init -q --bare outer.git")
        #expect(try accord(["remote", "add", "outer", "../outer.git"], in: "hub.git").status == 0)
        let first = try accord(["sync", "outer"], in: "hub.git")
        #expect(first.status == 0, "\(first.stderr)")
        let outer = try rev("main", in: "outer.git")

        // A symbolic link pushed to the hub with plain git, from b.
        try shell("ln -s /etc/passwd Agreements/tip-2005/link && git add -A && git commit -qm link "
                  + "&& git push -q origin main", in: "b")
        let passed = try accord(["sync", "outer"], in: "hub.git")
        #expect(passed.status == 65, "\(passed.status) \(passed.stderr)")
        #expect(passed.stderr.hasPrefix("accord: this copy holds files that must not be passed on to outer"), "\(passed.stderr)")
        #expect(passed.stderr.contains("Agreements/tip-2005/link") && passed.stderr.contains("symbolic link"))
        #expect(try rev("main", in: "outer.git") == outer)
        #expect(try accord(["validate"], in: "hub.git").status == 65)

        // The same commit in b, which syncs itself: refused before anything is sent.
        try shell("git config user.name b && git config user.email b@example.org", in: "b")
        try shell("printf '[submodule]\\n' > .gitmodules && git add -A && git commit -qm modules", in: "b")
        let hub = try rev("main", in: "hub.git")
        let own = try accord(["sync"], in: "b")
        #expect(own.status == 65 && own.stderr.contains(".gitmodules"), "\(own.stderr)")
        #expect(try rev("main", in: "hub.git") == hub)

        // Removed with a new commit, everything flows again.
        try shell("git rm -q Agreements/tip-2005/link .gitmodules && git commit -qm 'remove them'", in: "b")
        #expect(try accord(["sync"], in: "b").status == 0)
        let again = try accord(["sync", "outer"], in: "hub.git")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try rev("main", in: "outer.git") == rev("main", in: "hub.git"))
    }

    @Test func noPushTakesWhatTheRemoteHasAndWritesNothingThere() throws {
        try twoCopies()
        try addReport("a-2", in: "a")
        #expect(try accord(["sync"], in: "a").status == 0)
        try addReport("b-1", in: "b")
        let hub = try Command.git(["rev-parse", "main"], in: scratch.path("hub.git"))
        let merged = try accord(["sync", "--no-push"], in: "b")
        #expect(merged.status == 0 && merged.stdout.contains("not pushed"), "\(merged.stdout)\(merged.stderr)")
        #expect(try shell("ls Events/2024/05", in: "b") == "a-1.yaml\na-2.yaml\nb-1.yaml")
        #expect(try Command.git(["log", "-1", "--format=%an <%ae>"], in: scratch.path("b")) == "Official b <b@example.org>")
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == hub)
        let ahead = try accord(["sync", "--no-push"], in: "b")
        #expect(ahead.status == 0 && ahead.stdout.contains("not pushed"))
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == hub)
    }

    @Test func aHubWhoseHistoryWasRewrittenOrDeletedIsRefusedWithNothingChanged() throws {
        try twoCopies()
        let first = try rev("main", in: "a")
        try addReport("b-1", in: "b")
        #expect(try accord(["sync"], in: "b").status == 0)
        #expect(try accord(["sync"], in: "a").status == 0)
        let synced = try rev("main", in: "a")

        // Someone forces the hub back to before b's report, then adds a commit of their own.
        try shell("git clone -q hub.git c && cd c && git reset -q --hard \(first) "
                  + "&& git -c user.name=c -c user.email=c@x commit -q --allow-empty -m other && git push -q -f origin main")
        try addReport("a-2", in: "a")
        let tip = try rev("main", in: "a")
        let hubBefore = try Command.git(["rev-parse", "main"], in: scratch.path("hub.git"))
        let rewritten = try accord(["sync"], in: "a")
        #expect(rewritten.status == 65)
        #expect(rewritten.stderr.contains("rewrote its branch main"))
        #expect(rewritten.stderr.contains(String(synced.prefix(7))))
        #expect(try rev("main", in: "a") == tip)
        #expect(try rev("origin/main", in: "a") == synced)
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == hubBefore)

        // The branch deleted on the hub.
        try shell("git -C hub.git update-ref -d refs/heads/main")
        let deleted = try accord(["sync"], in: "a")
        #expect(deleted.status == 65 && deleted.stderr.contains("no longer has the branch main"))
        #expect(try rev("main", in: "a") == tip)

        // A remote removed and added again under its name is new: a's history goes to it.
        #expect(try accord(["remote", "remove", "origin"], in: "a").status == 0)
        #expect(try accord(["remote", "add", "origin", "../hub.git"], in: "a").status == 0)
        let again = try accord(["sync"], in: "a")
        #expect(again.status == 0 && again.stdout.hasPrefix("pushed main to origin"), "\(again.stderr)")
    }

    @Test func unrelatedHistoryIsNeverPushed() throws {
        try twoCopies()
        try shell("git init -q -b main z && cd z && echo 'parties: [VN, KH]' > accord.yaml && git add -A "
                  + "&& git -c user.name=z -c user.email=z@x commit -qm 'Another tracker'")
        #expect(try accord(["remote", "add", "origin", "../hub.git"], in: "z").status == 0)
        let hub = try Command.git(["rev-parse", "main"], in: scratch.path("hub.git"))
        let refused = try accord(["sync"], in: "z")
        #expect(refused.status == 65 && refused.stderr.contains("share no history"))
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == hub)
    }

    @Test func aMergeThatWouldDeleteRecordsOrBringNewProblemsIsRefused() throws {
        try twoCopies()
        let hub = try Command.git(["rev-parse", "main"], in: scratch.path("hub.git"))
        try shell("git rm -q Events/2024/05/a-1.yaml && git commit -qm 'drop a report'", in: "b")
        let push = try accord(["sync"], in: "b")
        #expect(push.status == 65 && push.stderr.contains("would delete 1 record(s)"), "\(push.stderr)")
        #expect(push.stderr.contains("Events/2024/05/a-1.yaml"))
        #expect(try Command.git(["rev-parse", "main"], in: scratch.path("hub.git")) == hub)

        // The deletion forced onto the hub by plain git does not reach a.
        try shell("git -C b push -q origin main")
        let tip = try rev("main", in: "a")
        let incoming = try accord(["sync"], in: "a")
        #expect(incoming.status == 65 && incoming.stderr.contains("Events/2024/05/a-1.yaml"))
        #expect(try rev("main", in: "a") == tip)
        #expect(FileManager.default.fileExists(atPath: scratch.path("a/Events/2024/05/a-1.yaml").path))

        // A record the tracker cannot read, pushed by plain git, is merged, and the check says so.
        try shell("git revert --no-edit HEAD >/dev/null && printf 'status: [\\n' > Events/2024/05/bad.yaml "
                  + "&& git add -A && git commit -qm bad && git push -q origin main", in: "b")
        try addReport("a-2", in: "a")
        let arriving = try accord(["sync"], in: "a")
        #expect(arriving.status == 0, "\(arriving.stderr)")
        #expect(arriving.stderr.hasPrefix("checked the tracker the sync leads to"))
        #expect(arriving.stderr.contains("arrive with this sync: Events/2024/05/bad.yaml"))
        #expect(arriving.stdout.hasPrefix("merged origin/main into main and pushed"))

        // The same id given to two records on the two sides is a problem only the merge makes.
        try shell("rm Events/2024/05/bad.yaml", in: "a")
        try addReport("bad", in: "a")
        #expect(try accord(["sync"], in: "a").status == 0)
        #expect(try accord(["sync"], in: "b").status == 0)
        try addReport("twice", in: "a")
        try shell("mkdir -p Events/2024/06 && sed 's/2024-05-01/2024-06-01/' ../a/Events/2024/05/twice.yaml "
                  + "> Events/2024/06/twice.yaml && git add -A && git commit -qm twice", in: "b")
        #expect(try accord(["sync"], in: "b").status == 0)
        let before = try rev("main", in: "a")
        let twice = try accord(["sync"], in: "a")
        #expect(twice.status == 65 && twice.stderr.contains("new problem(s) that neither side has"), "\(twice.stderr)")
        #expect(twice.stderr.contains("twice"))
        #expect(try rev("main", in: "a") == before)
    }
}
