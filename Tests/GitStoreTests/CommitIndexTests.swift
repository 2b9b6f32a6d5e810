import Foundation
import GitStore
import TestSupport
import Testing

/// The commit index must give exactly what walking git gives, and what `git log` gives,
/// whatever its ``HistoryStore`` held.
@Suite struct CommitIndexTests {
    static let paths = ["Plans/plan.yaml", "Plans", "Events/2020/03", "Events/2020/03/e2.yaml", "b.yaml", "a.yaml",
                        "missing.yaml", ""]

    /// Compares, for every path, history from the index, history without it and `git log`,
    /// and the change log with and without the index. With `stored`, also requires the tip
    /// in `store`: the index answered, not the walk it falls back to when building fails
    /// (which gives the same answers).
    static func expectAgreement(_ scratch: Scratch, store: (any HistoryStore)?, prefetch: Bool = false, stored: Bool = true,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let indexed = try Repository.open(at: scratch.url)
        indexed.historyStore = store
        // The stored index read on another thread while nothing asks yet, as the commands do.
        if prefetch { indexed.prefetchCommitIndex() }
        let walked = try Repository.open(at: scratch.url)
        walked.usesCommitIndex = false
        for path in paths {
            let ours = try indexed.history(of: path).map(\.id.hex)
            let theirs = try scratch.git("log", "--format=%H", "--", path.isEmpty ? "." : path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(ours == theirs, "history of \(path.debugDescription)", sourceLocation: sourceLocation)
            #expect(try walked.history(of: path).map(\.id.hex) == theirs, "walked history of \(path.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        #expect(try indexed.history(of: "", limit: 3) == walked.history(of: "", limit: 3), sourceLocation: sourceLocation)
        // Several paths at once (one pass on a line of commits, one walk each across merges).
        #expect(try indexed.histories(of: paths) == paths.map { try walked.history(of: $0) }, sourceLocation: sourceLocation)
        #expect(try walked.histories(of: paths) == paths.map { try walked.history(of: $0) }, sourceLocation: sourceLocation)
        #expect(try indexed.changeLog() == walked.changeLog(), sourceLocation: sourceLocation)
        #expect(try indexed.changeLog().map(\.commit) == walked.log(), sourceLocation: sourceLocation)
        let plans = PathSelection(files: [], folders: ["Plans/"])
        #expect(try indexed.changeLog(limit: 2, touching: plans) == walked.changeLog(limit: 2, touching: plans),
                sourceLocation: sourceLocation)
        #expect(try indexed.changeLog(touching: plans) == walked.changeLog(touching: plans), sourceLocation: sourceLocation)
        // A few paths' change log asked first: the stored index is read with their changes
        // alone, and a later question about other paths is not answered from that.
        for selection in [plans, PathSelection(files: ["a.yaml", "Events/2020/03/e2.yaml"]), PathSelection(files: ["missing.yaml"])] {
            let first = try Repository.open(at: scratch.url)
            first.historyStore = store
            #expect(try first.changeLog(touching: selection) == walked.changeLog(touching: selection), sourceLocation: sourceLocation)
            #expect(try first.changeLog(limit: 1, touching: selection) == walked.changeLog(limit: 1, touching: selection),
                    sourceLocation: sourceLocation)
            #expect(try first.changeLog() == walked.changeLog(), sourceLocation: sourceLocation)
            #expect(try first.history(of: "b.yaml") == walked.history(of: "b.yaml"), sourceLocation: sourceLocation)
        }
        // Any revision, including one the store holds already.
        if let older = try walked.log().dropFirst(2).first?.id {
            #expect(try indexed.history(of: "", from: older) == walked.history(of: "", from: older), sourceLocation: sourceLocation)
            #expect(try indexed.changeLog(from: older) == walked.changeLog(from: older), sourceLocation: sourceLocation)
        }
        if stored, let store {
            let tip = try scratch.git("rev-parse", "HEAD", in: scratch.url).output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(storedIDs(store).contains(tip), "the tip is stored", sourceLocation: sourceLocation)
        }
    }

    static func storedIDs(_ store: any HistoryStore) -> [String] {
        store.storedCommitChanges().commits.map(\.id.objectID.hex)
    }

    @Test func linearHistoryFromTheIndexEqualsGit() throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        let store = MemoryHistoryStore()
        try Self.expectAgreement(scratch, store: store)
        let count = Self.storedIDs(store).count
        #expect(count == 30, "every commit stored once")
        try Self.expectAgreement(scratch, store: store)  // now read back from the store
        try Self.expectAgreement(scratch, store: store, prefetch: true)
        #expect(Self.storedIDs(store).count == count, "nothing stored twice")
    }

    /// A prefetched index that does not reach the tip (a commit came after it was stored)
    /// is extended like one read on demand.
    @Test func aPrefetchedIndexBehindTheTipIsExtended() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<20)
        let store = MemoryHistoryStore()
        try Self.expectAgreement(scratch, store: store)
        try scratch.linearHistory(steps: 20..<22)
        try Self.expectAgreement(scratch, store: store, prefetch: true)
        try Self.expectAgreement(scratch, store: store, prefetch: true)
    }

    /// Branches and merges made with git, all committed in the same second, so that both
    /// simplification cases arise and the log order rests on libgit2's tie-breaking.
    @Test func mergeHistoryFromTheIndexEqualsGit() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var base = ChangeSet()
        base.write("a.yaml", Data("a0\n".utf8))
        base.write("b.yaml", Data("b0\n".utf8))
        base.write("Plans/plan.yaml", Data("p0\n".utf8))
        try repository.apply(base, message: "Base", author: alice)
        let git = GitCommand(scratch: scratch)
        try git.run("checkout", "-q", "-b", "side")
        try git.commit(["b.yaml": "b1\n"], "Side 1")
        try git.commit(["Plans/plan.yaml": "p1\n"], "Side 2")
        try git.run("checkout", "-q", "main")
        try git.commit(["a.yaml": "a1\n"], "Main 1")
        try git.run("merge", "-q", "--no-edit", "side")
        try git.commit(["Events/2020/03/e2.yaml": "e\n"], "Main 2")
        try git.run("checkout", "-q", "side")
        try git.commit(["b.yaml": "b2\n"], "Side 3")
        try git.commit(["Plans/plan.yaml": "p0\n"], "Side 4, back to the base plan")
        try git.run("checkout", "-q", "main")
        try git.run("merge", "-q", "--no-edit", "side")
        try git.commit(["a.yaml": "a2\n"], "Main 3")
        let store = MemoryHistoryStore()
        try Self.expectAgreement(scratch, store: store)
        try Self.expectAgreement(scratch, store: store)
    }

    /// A commit that only makes a file executable changes that file, for git and for us.
    @Test func aModeChangeAloneIsAChange() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<4)
        let git = GitCommand(scratch: scratch)
        try git.run("update-index", "--chmod=+x", "Plans/plan.yaml")
        try git.run("commit", "-q", "-m", "Executable plan")
        try Self.expectAgreement(scratch, store: MemoryHistoryStore())
        let change = try #require(try Repository.open(at: scratch.url).changeLog(limit: 1).first?.changes.first)
        #expect(change.path == "Plans/plan.yaml" && change.kind == .modified && change.oldID == change.newID)
    }

    /// A new commit adds itself to the store, nothing else.
    @Test func oneMoreCommitAddsOnlyItself() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<20)
        let store = CountingStore()
        try Self.expectAgreement(scratch, store: store)
        #expect(store.added == [20])
        let repository = try scratch.linearHistory(steps: 20..<21)
        try Self.expectAgreement(scratch, store: store)
        #expect(store.added == [20, 1])
        #expect(Self.storedIDs(store).contains(try #require(try repository.tip()).hex))
    }

    /// A store whose answer does not add up (a path number out of range, change lists that do
    /// not match the parents, a commit without its parent) is ignored: the history is read
    /// from git and answers the same.
    @Test(arguments: ["path out of range", "lists", "parent missing", "empty"])
    func aDamagedStoreIsIgnored(damage: String) throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        let good = MemoryHistoryStore()
        try Self.expectAgreement(scratch, store: good)
        var stored = good.storedCommitChanges()
        switch damage {
        case "path out of range":
            if let index = stored.commits.firstIndex(where: { !($0.changes.first ?? []).isEmpty }) {
                stored.commits[index].changes[0][0].path = Int32(stored.paths.count + 5)
            }
        case "lists": stored.commits[3].changes.append([])
        case "parent missing": stored.commits.removeAll { $0.parents.isEmpty }
        default: stored = StoredCommitChanges()
        }
        let bad = MemoryHistoryStore()
        bad.addCommitChanges(stored)
        try Self.expectAgreement(scratch, store: bad, stored: false)
    }

    /// Nothing can be kept (no store): history is still right.
    @Test func noStoreDoesNotBreakHistory() throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        try Self.expectAgreement(scratch, store: nil, stored: false)
    }
}

/// A memory store that counts the commits of each addition.
final class CountingStore: HistoryStore, @unchecked Sendable {
    private let memory = MemoryHistoryStore()
    private(set) var added: [Int] = []

    func storedCommitChanges() -> StoredCommitChanges { memory.storedCommitChanges() }

    func addCommitChanges(_ commits: StoredCommitChanges) {
        added.append(commits.commits.count)
        memory.addCommitChanges(commits)
    }

    func storedFolderCommits(_ folder: String) -> [StoredFolderCommit] { memory.storedFolderCommits(folder) }

    func addFolderCommits(_ commits: [StoredFolderCommit], folder: String) {
        added.append(commits.count)
        memory.addFolderCommits(commits, folder: folder)
    }
}

/// Runs git in a scratch repository with a fixed author and commit date.
private struct GitCommand {
    let scratch: Scratch

    @discardableResult
    func run(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", scratch.url.path, "-c", "user.name=T", "-c", "user.email=t@x"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_DATE"] = "2024-01-01T00:00:00Z"
        environment["GIT_COMMITTER_DATE"] = "2024-01-01T00:00:00Z"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailed(output: output) }
        return output
    }

    func commit(_ files: [String: String], _ message: String) throws {
        for (path, content) in files {
            let url = scratch.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
            try run("add", path)
        }
        try run("commit", "-q", "-m", message)
    }

    struct GitFailed: Error {
        let output: String
    }
}
