import Foundation
import GitStore
import TestSupport
import Testing

/// The commit index (`.git/accord/cache/commits/`) must give exactly what walking git gives,
/// and what `git log` gives, however it was found on disk.
@Suite struct CommitIndexTests {
    static let paths = ["Plans/plan.yaml", "Plans", "Events/2020/03", "Events/2020/03/e2.yaml", "b.yaml", "a.yaml",
                        "missing.yaml", ""]

    /// Compares, for every path, history from the index, history without it and `git log`,
    /// and the change log with and without the index. With `stored`, also requires a segment
    /// named after the tip: the index answered, not the walk it falls back to when building
    /// fails (which gives the same answers).
    static func expectAgreement(_ scratch: Scratch, prefetch: Bool = false, stored: Bool = true,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let indexed = try Repository.open(at: scratch.url)
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
        // Any revision, including one inside a stored segment.
        if let older = try walked.log().dropFirst(2).first?.id {
            #expect(try indexed.history(of: "", from: older) == walked.history(of: "", from: older), sourceLocation: sourceLocation)
            #expect(try indexed.changeLog(from: older) == walked.changeLog(from: older), sourceLocation: sourceLocation)
        }
        if stored {
            let tip = try scratch.git("rev-parse", "HEAD", in: scratch.url).output.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try segments(scratch).contains(tip), "a segment named after the tip", sourceLocation: sourceLocation)
        }
    }

    static func segmentFolder(_ scratch: Scratch) -> URL {
        scratch.url.appendingPathComponent(".git/accord/cache/commits")
    }

    static func segments(_ scratch: Scratch) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: segmentFolder(scratch).path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func linearHistoryFromTheIndexEqualsGit() throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        try Self.expectAgreement(scratch)
        #expect(try Self.segments(scratch).count >= 1, "the index was stored")
        try Self.expectAgreement(scratch)  // now read back from the stored segment
        try Self.expectAgreement(scratch, prefetch: true)
    }

    /// A prefetched index that does not reach the tip (a commit came after it was stored)
    /// is extended like one read on demand.
    @Test func aPrefetchedIndexBehindTheTipIsExtended() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<20)
        try Self.expectAgreement(scratch)
        try scratch.linearHistory(steps: 20..<22)
        try Self.expectAgreement(scratch, prefetch: true)
        try Self.expectAgreement(scratch, prefetch: true)
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
        try Self.expectAgreement(scratch)
        try Self.expectAgreement(scratch)
    }

    /// A commit that only makes a file executable changes that file, for git and for us.
    @Test func aModeChangeAloneIsAChange() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<4)
        let git = GitCommand(scratch: scratch)
        try git.run("update-index", "--chmod=+x", "Plans/plan.yaml")
        try git.run("commit", "-q", "-m", "Executable plan")
        try Self.expectAgreement(scratch)
        let change = try #require(try Repository.open(at: scratch.url).changeLog(limit: 1).first?.changes.first)
        #expect(change.path == "Plans/plan.yaml" && change.kind == .modified && change.oldID == change.newID)
    }

    @Test func oneMoreCommitAddsASegmentAndKeepsTheAnswers() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<20)
        try Self.expectAgreement(scratch)
        let before = try Self.segments(scratch)
        let repository = try scratch.linearHistory(steps: 20..<21)
        try Self.expectAgreement(scratch)
        let after = try Self.segments(scratch)
        #expect(after.count == before.count + 1)
        #expect(after.contains(try #require(try repository.tip()).hex), "the new segment is named after the new tip")
        #expect(Set(before).isSubset(of: Set(after)), "the old segment stays as the new one's base")
    }

    /// A long chain of one-commit segments is compacted into one file.
    @Test func aLongChainIsCompacted() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<5)
        for step in 5..<20 {
            try scratch.linearHistory(steps: step..<step + 1)
            _ = try Repository.open(at: scratch.url).history(of: "Plans")
        }
        #expect(try Self.segments(scratch).count <= 9)
        try Self.expectAgreement(scratch)
    }

    @Test(arguments: ["truncated", "garbage", "older version", "empty"])
    func aDamagedSegmentIsIgnoredAndRewritten(damage: String) throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        _ = try Repository.open(at: scratch.url).history(of: "Plans")
        let names = try Self.segments(scratch)
        #expect(names.count == 1)
        let file = Self.segmentFolder(scratch).appendingPathComponent(try #require(names.first))
        let good = try Data(contentsOf: file)
        let bad: Data
        switch damage {
        case "truncated": bad = good.prefix(good.count - 7)
        case "garbage": bad = Data((0..<good.count).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        case "older version":
            var bytes = good
            bytes[bytes.startIndex + "accord commit index\n".utf8.count] = 0  // format version 0
            bad = bytes
        default: bad = Data()
        }
        try bad.write(to: file)
        try Self.expectAgreement(scratch)
        #expect(try Data(contentsOf: file) == good, "the segment was written again")
    }

    /// Nothing can be written (the cache folder is a file): history is still right.
    @Test func anUnwritableCacheDoesNotBreakHistory() throws {
        let scratch = try Scratch()
        try scratch.linearHistory()
        let cache = scratch.url.appendingPathComponent(".git/accord/cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: cache.appendingPathComponent("commits"))
        try Self.expectAgreement(scratch, stored: false)
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
