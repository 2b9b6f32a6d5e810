import Foundation
import TestSupport
import Testing

/// `accord remote`, `accord sync` and `accord digest`, run as a user would: the built binary
/// against trackers made with git, a bare hub, and `git daemon` on loopback.
@Suite(.scratchFolder) struct SyncCommandTests {
    let scratch: ScratchFolder

    init() throws { scratch = try ScratchFolder.current }

    static let accord: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("accord")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/accord").path
    }()

    func accord(_ arguments: [String], in folder: String) throws -> Command.Result {
        try Command.run(Self.accord, arguments, in: scratch.path(folder), timeout: 60)
    }

    /// A tracker pushed to `hubURL` from folder `a`, and `b` cloned from the hub folder.
    func twoCopies(hubURL: String? = nil) throws {
        let hub = scratch.path("hub.git")
        try Command.git(["init", "-q", "--bare", "-b", "main", hub.path])
        try Command.git(["init", "-q", "-b", "main", scratch.path("a").path])
        try configure("a")
        try shell("""
            echo 'parties: [A, B]' > accord.yaml
            mkdir -p Agreements/tip-2005 && seq 1 20 | sed 's/^/Article /' > Agreements/tip-2005/text.en.md
            seq 1 20 | sed 's/^/c: /' > Agreements/tip-2005/instrument.yaml
            git add -A && git commit -qm 'Add tip-2005'
            """, in: "a")
        #expect(try accord(["remote", "add", "origin", hubURL ?? "../hub.git"], in: "a").status == 0)
        #expect(try accord(["sync"], in: "a").status == 0)
        try Command.git(["clone", "-q", hub.path, scratch.path("b").path])
        try configure("b")
    }

    func configure(_ folder: String) throws {
        try Command.git(["config", "user.name", "Official \(folder)"], in: scratch.path(folder))
        try Command.git(["config", "user.email", "\(folder)@example.org"], in: scratch.path(folder))
    }

    @discardableResult
    func shell(_ script: String, in folder: String) throws -> String {
        let result = try Command.run("sh", ["-ec", script], in: scratch.path(folder))
        #expect(result.status == 0, "\(script): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// 200 status reports in 20 commits, written offline.
    func addRecords(_ side: String, in folder: String) throws {
        try shell("""
            for c in $(seq 1 20); do
              mkdir -p Events/2024/$(printf %02d $((c % 12 + 1)))
              for r in $(seq 1 10); do echo "by: \(side)" > Events/2024/$(printf %02d $((c % 12 + 1)))/\(side)-$c-$r.yaml; done
              git add -A && git commit -qm "Status reports \(side) $c"
            done
            """, in: folder)
    }

    func rev(_ name: String, in folder: String) throws -> String {
        try Command.git(["rev-parse", name], in: scratch.path(folder))
    }

    @Test func twoCopiesSyncThroughAFolderHubAndAgree() throws {
        try twoCopies()
        try addRecords("a", in: "a")
        try addRecords("b", in: "b")
        try shell("sed -i 's/^Article 3$/Article 3 (amended)/' Agreements/tip-2005/text.en.md && git commit -qam 'Amend 3'", in: "a")
        try shell("sed -i 's/^c: 7$/c: 7 done/' Agreements/tip-2005/instrument.yaml && git commit -qam 'Report 7'", in: "b")

        let start = Date()
        let first = try accord(["sync"], in: "a")
        let second = try accord(["sync", "origin"], in: "b")
        let third = try accord(["sync", "--json"], in: "a")
        print("CLI sync of 2 × 200 records: \(Date().timeIntervalSince(start)) s")
        #expect(first.status == 0 && first.stdout.hasPrefix("pushed main to origin"))
        #expect(second.status == 0 && second.stdout.hasPrefix("merged origin/main into main"))
        #expect(third.status == 0 && third.stdout.contains("\"outcome\" : \"fast-forwarded\""))

        for folder in ["a", "b"] {
            #expect(try shell("find Events -name '*.yaml' | wc -l", in: folder) == "400")
            #expect(try shell("grep -c 'amended' Agreements/tip-2005/text.en.md", in: folder) == "1")
            #expect(try shell("grep -c '7 done' Agreements/tip-2005/instrument.yaml", in: folder) == "1")
            #expect(try Command.git(["status", "--porcelain"], in: scratch.path(folder)) == "")
            try Command.git(["fsck", "--full", "--strict"], in: scratch.path(folder))
        }
        let digestA = try accord(["digest", "--files"], in: "a"), digestB = try accord(["digest", "--files"], in: "b")
        #expect(digestA.status == 0 && digestA.stdout == digestB.stdout)
        #expect(digestA.stdout.contains("  403 files at "))
        #expect(try accord(["sync"], in: "b").stdout.contains("up to date"))
    }

    @Test func aConflictNamesTheFileAndAbortRestoresBothSides() throws {
        try twoCopies()
        try shell("sed -i 's/^Article 5$/Article 5 per A/' Agreements/tip-2005/text.en.md && git commit -qam A", in: "a")
        try shell("sed -i 's/^Article 5$/Article 5 per B/' Agreements/tip-2005/text.en.md && git commit -qam B", in: "b")
        #expect(try accord(["sync"], in: "a").status == 0)
        let before = (try rev("main", in: "b"), try rev("origin/main", in: "b"), try rev("main", in: "a"))

        let conflict = try accord(["sync"], in: "b")
        #expect(conflict.status == 65)
        #expect(conflict.stderr.contains("Agreements/tip-2005/text.en.md"))
        #expect(conflict.stderr.contains("git merge origin/main"))
        #expect(try rev("main", in: "b") == before.0)

        let abort = try accord(["sync", "--abort"], in: "b")
        #expect(abort.status == 0)
        #expect(try rev("main", in: "b") == before.0)
        #expect(try rev("origin/main", in: "b") == before.1)
        #expect(try rev("main", in: "a") == before.2)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("b/.git/accord/sync-state").path))
        #expect(try accord(["sync", "--abort"], in: "b").stdout.contains("no stopped sync"))
    }

    @Test func errorsNameWhatIsWrongWithTheDocumentedExitCodes() throws {
        try twoCopies()
        let exists = try accord(["remote", "add", "origin", "/elsewhere"], in: "a")
        #expect(exists.status == 73 && exists.stderr.contains("origin"))
        let unknown = try accord(["sync", "nowhere"], in: "a")
        #expect(unknown.status == 66 && unknown.stderr.contains("nowhere"))
        #expect(try accord(["remote", "remove", "nowhere"], in: "a").status == 66)

        try shell("echo r > Events.yaml && git add -A && git commit -qm r", in: "a")
        let tip = try rev("main", in: "a")
        #expect(try accord(["remote", "add", "down", "git://127.0.0.1:1/x.git"], in: "a").status == 0)
        let unreachable = try accord(["sync", "down"], in: "a")
        #expect(unreachable.status == 74 && unreachable.stderr.contains("git://127.0.0.1:1/x.git"))
        #expect(try rev("main", in: "a") == tip)
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")
        #expect(try accord(["sync", "origin"], in: "a").status == 0)
        #expect(try rev("main", in: "a") == tip)

        let list = try accord(["remote", "list"], in: "a")
        #expect(list.stdout.contains("down") && list.stdout.contains("origin"))
        #expect(try accord(["remote", "remove", "down"], in: "a").status == 0)
    }

    @Test(.timeLimit(.minutes(1))) func syncsOverGitDaemonOnLoopback() throws {
        let port = try Command.run("python3", ["-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let daemon = Process()
        // The test process blocks signals that git daemon needs to reap its children (SIGCHLD);
        // start it through a shim that clears the inherited signal mask, and exec the daemon
        // itself so terminate() reaches it.
        daemon.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        daemon.arguments = ["python3", "-c",
                            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execvp(sys.argv[1], sys.argv[1:])",
                            try Command.git(["--exec-path"]) + "/git-daemon", "--reuseaddr", "--base-path=\(scratch.url.path)", "--export-all",
                            "--enable=receive-pack", "--listen=127.0.0.1", "--port=\(port)", scratch.url.path]
        daemon.standardOutput = FileHandle.nullDevice
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { daemon.terminate(); daemon.waitUntilExit() }

        let url = "git://127.0.0.1:\(port)/hub.git"
        try Command.git(["init", "-q", "--bare", "-b", "main", scratch.path("hub.git").path])
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? Command.run("git", ["ls-remote", url], timeout: 5).status) == 0
            if !ready { usleep(100_000) }
        }
        try #require(ready, "git daemon did not start on port \(port)")

        try Command.git(["init", "-q", "-b", "main", scratch.path("a").path])
        try configure("a")
        try shell("echo 'parties: [A, B]' > accord.yaml", in: "a")
        try addRecords("a", in: "a")
        #expect(try accord(["remote", "add", "origin", url], in: "a").status == 0)
        #expect(try accord(["sync"], in: "a").status == 0)
        try Command.git(["clone", "-q", url, scratch.path("b").path])
        try configure("b")
        try addRecords("b", in: "b")
        try addRecords("c", in: "a")
        let merged = try accord(["sync"], in: "b")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("merged") || merged.stdout.contains("pushed"))
        #expect(try accord(["sync"], in: "a").status == 0)
        #expect(try accord(["sync"], in: "b").status == 0)
        #expect(try rev("main", in: "a") == rev("main", in: "b"))
        #expect(try accord(["digest", "--files"], in: "a").stdout == accord(["digest", "--files"], in: "b").stdout)
        #expect(try shell("find Events -name '*.yaml' | wc -l", in: "b") == "600")
        try Command.git(["fsck", "--full", "--strict"], in: scratch.path("hub.git"))
    }
}
