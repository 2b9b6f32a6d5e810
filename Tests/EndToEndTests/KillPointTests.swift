import Foundation
import TestSupport
import Testing

/// Writers stopped where the commit is made but the index is not yet written, by a kill or a
/// full disk (strace injects either into the rename that writes `.git/index`): the commit
/// stands, the command does not ask to be run again, and the next write puts the working
/// folder and the index in line with the branch.
@Suite struct KillPointTests {
    static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs accord under strace, which makes the rename of `.git/index.lock` over the index
    /// do `fault` (`signal=KILL`, `error=ENOSPC`).
    static func run(_ arguments: [String], in folder: URL, fault: String) throws -> Command.Result {
        let lock = folder.appendingPathComponent(".git/index.lock").path
        let renames = "rename,renameat,renameat2"
        return try Command.run(strace!, ["-f", "-o", "/dev/null", "-P", lock, "-e", "trace=\(renames)",
                                         "-e", "inject=\(renames):\(fault)", AccordProcess.binary.path] + arguments)
    }

    static func log(_ date: String, _ folder: URL) -> [String] {
        ["log", "tip-2005#4.1", "--status", "in-progress", "--party", "VN", "--date", date,
         "--by", "An <an@example.invalid>", "--note", "x", "--repo", folder.path]
    }

    static func porcelain(_ folder: URL) throws -> String {
        try Command.git(["status", "--porcelain"], in: folder)
    }

    @Test(.enabled(if: strace != nil, "needs strace"))
    func aWriterKilledBetweenCommitAndIndexIsRepairedByTheNextWrite() throws {
        let folder = try HardeningTests.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Int(try HardeningTests.commitCount(folder))!
        let killed = try Self.run(Self.log("2019-04-01", folder), in: folder, fault: "signal=KILL")
        #expect(killed.status != 0)
        #expect(Int(try HardeningTests.commitCount(folder)) == before + 1)
        #expect(try Self.porcelain(folder) != "", "the kill point was not reached")

        let next = try CLI.run(Self.log("2019-04-02", folder))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Int(try HardeningTests.commitCount(folder)) == before + 2)
        #expect(try Self.porcelain(folder) == "")
        #expect(try Command.git(["diff", "--cached", "--name-only", "HEAD"], in: folder) == "")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/index.lock").path))
    }

    @Test(.enabled(if: strace != nil, "needs strace"))
    func evidenceAddedOnAFullDiskIsRecordedOnceAndNotReportedAsFailed() throws {
        let folder = try HardeningTests.tracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Int(try HardeningTests.commitCount(folder))!
        let add = ["evidence", "add", "--title", "Figures", "--kind", "statistics", "--date", "2019-12-31",
                   "--supports", "tip-2005#4.1", "--repo", folder.path]
        let full = try Self.run(add, in: folder, fault: "error=ENOSPC")
        // The commit was made: exit 0 with a warning, so nobody records it a second time.
        #expect(full.status == 0, "\(full.stderr)")
        #expect(full.stderr.contains("accord: warning:") && full.stderr.contains("do not record it again"), "\(full.stderr)")
        #expect(Int(try HardeningTests.commitCount(folder)) == before + 1)

        let next = try CLI.run(Self.log("2019-04-02", folder))
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try Self.porcelain(folder) == "")
        #expect(try Command.git(["ls-files", "Evidence"], in: folder).split(separator: "\n").count == 1)
    }
}
