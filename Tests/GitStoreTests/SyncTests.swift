import Foundation
import GitStore
import TestSupport
import Testing

/// Two copies of a tracker and a bare hub, all on disk: the border-post case.
@Suite(.scratchFolder) struct SyncTests {
    let scratch: ScratchFolder
    let hub: URL

    init() throws {
        scratch = try ScratchFolder.current
        hub = scratch.path("hub.git")
        try Command.git(["init", "-q", "--bare", "-b", "main", hub.path])
    }

    static let author = Signature(name: "Test Official", email: "official@example.org",
                                  date: Date(timeIntervalSince1970: 1_700_000_000))

    /// A first copy with one text and one register, pushed to the hub, and a clone of it.
    func twoCopies() throws -> (Repository, Repository) {
        let first = try Repository.create(at: scratch.path("a"))
        var initial = ChangeSet()
        initial.write("Agreements/tip-2005/text.en.md", Data((1...20).map { "Article \($0).\n" }.joined().utf8))
        initial.write("Agreements/tip-2005/instrument.yaml", Data((1...20).map { "c\($0): open\n" }.joined().utf8))
        try first.apply(initial, message: "Add tip-2005", author: Self.author)
        try first.addRemote(named: "origin", url: hub.path)
        #expect(try first.sync().outcome == .pushed)
        try Command.git(["clone", "-q", hub.path, scratch.path("b").path])
        return (first, try Repository.open(at: scratch.path("b")))
    }

    func addRecords(_ repository: Repository, side: String, count: Int) throws {
        for index in 1...count {
            var record = ChangeSet()
            record.write("Events/2024/\(String(format: "%02d", index % 12 + 1))/\(side)-\(index).yaml",
                         Data("by: \(side)\nn: \(index)\n".utf8))
            try repository.apply(record, message: "Status report \(side)-\(index)", author: Self.author)
        }
    }

    func edit(_ repository: Repository, _ path: String, line: Int, to replacement: String) throws {
        let old = try text(repository, path)
        var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line] = replacement
        var change = ChangeSet()
        change.write(path, Data(lines.joined(separator: "\n").utf8))
        try repository.apply(change, message: "Edit \(path)", author: Self.author)
    }

    func text(_ repository: Repository, _ path: String) throws -> String {
        let tip = try #require(try repository.tip())
        return String(decoding: try repository.read(path, at: tip) ?? Data(), as: UTF8.self)
    }

    func recordCount(_ repository: Repository) throws -> Int {
        try repository.files(under: "Events", at: try #require(try repository.tip())).count
    }

    @Test func recordsAddedOnBothSidesMergeAsAUnionAndBothEditsSurvive() throws {
        let (a, b) = try twoCopies()
        try addRecords(a, side: "a", count: 200)
        try addRecords(b, side: "b", count: 200)
        try edit(a, "Agreements/tip-2005/text.en.md", line: 2, to: "Article 3, amended by A.")
        try edit(b, "Agreements/tip-2005/instrument.yaml", line: 5, to: "c6: done")

        let clock = ContinuousClock()
        var outcomes: [SyncReport.Outcome] = []
        let elapsed = try clock.measure {
            outcomes.append(try a.sync().outcome)
            outcomes.append(try b.sync().outcome)
            outcomes.append(try a.sync().outcome)
        }
        #expect(outcomes == [.pushed, .merged, .fastForwarded])
        print("sync of 2 × 200 records: \(elapsed)")

        #expect(try recordCount(a) == 400)
        #expect(try recordCount(b) == 400)
        #expect(try a.tip() == b.tip())
        #expect(try a.contentDigest() == b.contentDigest())
        #expect(try text(b, "Agreements/tip-2005/text.en.md").contains("amended by A"))
        #expect(try text(a, "Agreements/tip-2005/instrument.yaml").contains("c6: done"))
        for folder in ["a", "b"] {
            #expect(try Command.git(["status", "--porcelain"], in: scratch.path(folder)) == "")
            try Command.git(["fsck", "--full", "--strict"], in: scratch.path(folder))
        }
        try Command.git(["fsck", "--full", "--strict"], in: hub)
    }

    @Test func sameFilesGiveTheSameDigestWhateverTheHistory() throws {
        let one = try Repository.create(at: scratch.path("one"))
        let two = try Repository.create(at: scratch.path("two"))
        var first = ChangeSet(), second = ChangeSet(), both = ChangeSet()
        first.write("x.md", Data("x".utf8))
        second.write("y/z.md", Data("z".utf8))
        both.write("x.md", Data("x".utf8))
        both.write("y/z.md", Data("z".utf8))
        try one.apply(first, message: "x", author: Self.author)
        try one.apply(second, message: "z", author: Self.author)
        try two.apply(both, message: "both", author: Self.author)
        #expect(try one.contentDigest().sha256 == two.contentDigest().sha256)
        #expect(try one.contentDigest().files == 2)
        #expect(try one.tip() != two.tip())
    }

    @Test func sha256MatchesKnownVectors() throws {
        let empty = try Repository.create(at: scratch.path("empty"))
        // An empty tracker hashes the empty message.
        #expect(try empty.contentDigest().sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Cross-check with sha256sum over the same canonical listing.
        let repo = try Repository.create(at: scratch.path("vector"))
        var change = ChangeSet()
        for index in 0..<70 { change.write("f\(index).txt", Data(String(repeating: "q", count: index).utf8)) }
        try repo.apply(change, message: "files", author: Self.author)
        let script = "git ls-tree -r HEAD | awk '{print $4\"\\t\"$3}' | LC_ALL=C sort | awk -F'\\t' '{printf \"%s%c%s\\n\", $1, 0, $2}' | sha256sum"
        let expected = try Command.run("sh", ["-c", script], in: repo.workingDirectory).stdout.prefix(64)
        #expect(try repo.contentDigest().sha256 == String(expected))
    }

    @Test func aTrueConflictStopsTheSyncAndAbortRestoresBothSides() throws {
        let (a, b) = try twoCopies()
        try edit(a, "Agreements/tip-2005/text.en.md", line: 4, to: "Article 5, as A reads it.")
        try edit(b, "Agreements/tip-2005/text.en.md", line: 4, to: "Article 5, as B reads it.")
        #expect(try a.sync().outcome == .pushed)
        let hubBefore = try Command.git(["rev-parse", "main"], in: hub)
        let branchBefore = try b.tip()
        let trackingBefore = try Command.git(["rev-parse", "origin/main"], in: scratch.path("b"))

        let report = try b.sync()
        #expect(report.outcome == .conflict)
        #expect(report.conflicts == ["Agreements/tip-2005/text.en.md"])
        #expect(try b.tip() == branchBefore)
        #expect(try b.pendingSync()?.conflicts == ["Agreements/tip-2005/text.en.md"])
        #expect(try Command.git(["rev-parse", "origin/main"], in: scratch.path("b")) == hubBefore)

        let aborted = try #require(try b.abortSync())
        #expect(aborted.remote == "origin")
        #expect(try b.pendingSync() == nil)
        #expect(try b.tip() == branchBefore)
        #expect(try Command.git(["rev-parse", "origin/main"], in: scratch.path("b")) == trackingBefore)
        #expect(try Command.git(["rev-parse", "main"], in: hub) == hubBefore)
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("b")) == "")

        // Resolving on one side (agreeing with A) lets the next sync through.
        try edit(b, "Agreements/tip-2005/text.en.md", line: 4, to: "Article 5, as A reads it.")
        #expect(try b.sync().outcome == .merged)
        #expect(try a.sync().outcome == .fastForwarded)
        #expect(try a.contentDigest() == b.contentDigest())
    }

    @Test func anUnreachableRemoteChangesNothingAndTheNextSyncSucceeds() throws {
        let (a, _) = try twoCopies()
        try addRecords(a, side: "a", count: 3)
        let tip = try a.tip()
        let tracking = try Command.git(["rev-parse", "origin/main"], in: scratch.path("a"))

        try a.addRemote(named: "nowhere", url: "git://127.0.0.1:1/x.git")
        let refused = #expect(throws: GitError.self) { try a.sync(with: "nowhere") }
        #expect(refused?.kind == .io)
        #expect(refused?.message.contains("git://127.0.0.1:1/x.git") == true)

        // The hub disappears (the USB drive is pulled): a folder that is not there.
        let moved = scratch.path("hub-away.git")
        try FileManager.default.moveItem(at: hub, to: moved)
        let missing = #expect(throws: GitError.self) { try a.sync() }
        #expect(missing?.kind == .notFound)
        #expect(missing?.message.contains("is the drive connected?") == true)
        // A file where the hub should be.
        #expect(FileManager.default.createFile(atPath: hub.path, contents: Data("not a repository".utf8)))
        #expect(throws: GitError.self) { try a.sync() }
        #expect(try a.tip() == tip)
        #expect(try Command.git(["rev-parse", "origin/main"], in: scratch.path("a")) == tracking)
        #expect(try Command.git(["status", "--porcelain"], in: scratch.path("a")) == "")

        try FileManager.default.removeItem(at: hub)
        try FileManager.default.moveItem(at: moved, to: hub)
        #expect(try a.sync().outcome == .pushed)
        #expect(try Command.git(["rev-parse", "main"], in: hub) == tip?.hex)
    }

    @Test func aPushRejectedBecauseTheHubMovedIsRetried() throws {
        let (a, b) = try twoCopies()
        try addRecords(b, side: "b", count: 2)
        #expect(try b.sync().outcome == .pushed)
        try addRecords(a, side: "a", count: 2)
        // A third copy pushes to the hub while a's fetch is under way, so a's first push is refused.
        try Command.git(["clone", "-q", hub.path, scratch.path("c").path])
        let c = try Repository.open(at: scratch.path("c"))
        try addRecords(c, side: "c", count: 1)
        var movedHub = false
        let report = try a.sync(options: SyncOptions(progress: { progress in
            guard progress.direction == .receiving, !movedHub else { return }
            movedHub = true
            _ = try? c.sync()
        }))
        #expect(movedHub)
        #expect(report.outcome == .merged)
        #expect(report.attempts == 2)
        #expect(try recordCount(a) == 5)
        #expect(try Command.git(["rev-parse", "main"], in: hub) == report.after?.hex)
    }

    @Test func aHubThatKeepsMovingEndsInLostRace() throws {
        let (a, _) = try twoCopies()
        try Command.git(["clone", "-q", hub.path, scratch.path("c").path])
        let c = try Repository.open(at: scratch.path("c"))
        try addRecords(a, side: "a", count: 1)
        try addRecords(c, side: "c0", count: 1)
        _ = try c.sync()
        // Every fetch of a's receives c's latest commit, and c pushes another meanwhile. libgit2
        // reports progress many times per fetch; c acts once per fetch, at its last report
        // (each of c's records is larger than the one before, so each fetch's byte count differs).
        var round = 0
        var lastBytes = -1
        let failure = #expect(throws: GitError.self) {
            try a.sync(options: SyncOptions(maximumAttempts: 3, progress: { progress in
                guard progress.direction == .receiving, progress.totalObjects > 0,
                      progress.objects == progress.totalObjects, progress.bytes != lastBytes else { return }
                lastBytes = progress.bytes
                round += 1
                var record = ChangeSet()
                record.write("Events/2024/01/c-\(round).yaml", Data(String(repeating: "n", count: 100 * round).utf8))
                _ = try? c.apply(record, message: "c \(round)", author: Self.author)
                _ = try? c.sync()
            }))
        }
        #expect(failure?.kind == .lostRace)
    }

    @Test func aReviewThatSaysNoChangesNothingAnywhere() throws {
        let (a, b) = try twoCopies()
        try addRecords(a, side: "a", count: 2)
        #expect(try a.sync().outcome == .pushed)
        try addRecords(b, side: "b", count: 2)
        let hubBefore = try Command.git(["rev-parse", "main"], in: hub)
        let tip = try b.tip()
        let tracking = try Command.git(["rev-parse", "origin/main"], in: scratch.path("b"))
        struct No: Error {}
        var seen: [SyncProposal] = []
        #expect(throws: No.self) {
            try b.sync(options: SyncOptions(review: { proposal in
                seen.append(proposal)
                throw No()
            }))
        }
        #expect(seen.count == 1 && seen[0].kind == .merge && seen[0].local == tip)
        #expect(seen[0].incoming?.hex == hubBefore)
        #expect(try b.tip() == tip)
        #expect(try Command.git(["rev-parse", "origin/main"], in: scratch.path("b")) == tracking)
        #expect(try Command.git(["rev-parse", "main"], in: hub) == hubBefore)
        #expect(try b.sync().outcome == .merged)
    }

    @Test func aRemoteThatDroppedSyncedCommitsIsRefusedAndTagsTravel() throws {
        let (a, b) = try twoCopies()
        let first = try #require(try a.tip())
        try a.createTag("tip-2005@2012-09-28", target: first, message: "Amendment", tagger: Self.author)
        try addRecords(a, side: "a", count: 1)
        let report = try a.sync()
        #expect(report.outcome == .pushed && report.tagsSent == ["tip-2005@2012-09-28"])
        let received = try b.sync()
        #expect(received.outcome == .fastForwarded && received.tagsReceived == ["tip-2005@2012-09-28"])
        #expect(try b.tags().map(\.name) == ["tip-2005@2012-09-28"])

        // The hub is put back to before a's record, as a force-push would.
        try Command.git(["update-ref", "refs/heads/main", first.hex], in: hub)
        let refused = #expect(throws: GitError.self) { try b.sync() }
        #expect(refused?.kind == .refused)
        #expect(refused?.message.contains("rewrote its branch main") == true)
        #expect(try Command.git(["rev-parse", "main"], in: hub) == first.hex)
        #expect(try Command.git(["rev-parse", "origin/main"], in: scratch.path("b")) == received.after?.hex)
    }

    @Test func aFileOverTheLimitIsRefusedAndTheSameFileUnderItIsTaken() throws {
        let (a, b) = try twoCopies()
        var large = ChangeSet()
        large.write("Evidence/attachments/scan.pdf", Data(repeating: 0x25, count: 3_000_000))
        try a.apply(large, message: "Add a scan", author: Self.author)
        #expect(try a.sync().outcome == .pushed)
        let before = try b.tip()
        var limited = SyncOptions()
        limited.maximumFileSize = 2 * 1_048_576
        let refused = #expect(throws: GitError.self) { try b.sync(options: limited) }
        #expect(refused?.kind == .refused)
        #expect(refused?.message.contains("\"Evidence/attachments/scan.pdf\" is 2.9 MiB, over the 2 MiB") == true, "\(refused?.message ?? "")")
        #expect(try b.tip() == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("b/Evidence/attachments/scan.pdf").path))
        limited.maximumFileSize = 4 * 1_048_576
        #expect(try b.sync(options: limited).outcome == .fastForwarded)
        #expect(FileManager.default.fileExists(atPath: scratch.path("b/Evidence/attachments/scan.pdf").path))
    }

    @Test func remotesAreAddedListedAndRemoved() throws {
        let repo = try Repository.create(at: scratch.path("r"))
        try repo.addRemote(named: "hub", url: hub.path)
        #expect(try repo.remotes() == [Remote(name: "hub", url: hub.path)])
        #expect(try repo.defaultRemote().name == "hub")
        #expect((#expect(throws: GitError.self) { try repo.addRemote(named: "hub", url: "x") })?.kind == .exists)
        try repo.removeRemote(named: "hub")
        #expect((#expect(throws: GitError.self) { try repo.removeRemote(named: "hub") })?.kind == .notFound)
        #expect(try Command.git(["remote"], in: repo.workingDirectory) == "")
    }
}
