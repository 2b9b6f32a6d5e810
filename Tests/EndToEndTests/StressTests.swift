import Foundation
import TestSupport
import Testing

@Suite(.tags(.slow), runBySlowTarget) struct StressTests {
    @Test(.scratchFolder) func eightWritersAtOnceLoseNothing() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let writers = (0..<8).map { index -> Process in
            let process = Process()
            process.executableURL = CLI.productsFolder.appendingPathComponent("accord-bench")
            process.arguments = ["commit-loop", "--repo", folder.path, "--count", "50", "--prefix", "w\(index)"]
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        #expect(try CLI.git("rev-list", "--count", "HEAD", in: folder).stdout == "401\n")
        let files = try CLI.git("ls-tree", "-r", "--name-only", "HEAD", in: folder).stdout.split(separator: "\n")
        #expect(files.count == 401)
        for index in 0..<8 { #expect(files.filter { $0.contains("/w\(index)-") }.count == 50) }
        #expect(try CLI.git("fsck", "--full", "--strict", in: folder).status == 0)
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")
    }

    @Test(.scratchFolder) func killedWritersLeaveARepositoryThatWorks() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        #expect(try CLI.run(["init", folder.path]).status == 0)
        for round in 0..<20 {
            let writer = Process()
            writer.executableURL = CLI.productsFolder.appendingPathComponent("accord-bench")
            writer.arguments = ["commit-loop", "--repo", folder.path, "--count", "1000", "--files", "3", "--prefix", "k\(round)"]
            writer.standardOutput = FileHandle.nullDevice
            try writer.run()
            usleep(UInt32.random(in: 20_000...200_000))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            if round % 5 == 0 {
                try Data().write(to: folder.appendingPathComponent(".git/refs/heads/main.lock"))
            }
        }
        let fsck = try CLI.git("fsck", "--full", "--strict", in: folder)
        #expect(fsck.status == 0, "\(fsck.stderr)")
        #expect(try CLI.git("cat-file", "-t", "main", in: folder).stdout == "commit\n")
        let next = try CLI.run(["commit-loop", "--repo", folder.path, "--count", "1", "--prefix", "after"], program: "accord-bench")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try CLI.git("log", "-1", "--format=%s", in: folder).stdout == "Record after 0\n")
        #expect(try CLI.run(["verify", "--repo", folder.path]).status == 0)
    }
}
