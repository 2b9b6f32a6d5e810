import Foundation
import TestSupport
import Testing

@Suite struct InitTests {
    @Test(.scratchFolder) func initCreatesATrackerWithOneCommit() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        let tracker = folder.appendingPathComponent("new/tracker")
        let result = try CLI.run(["init", tracker.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Created accord tracker"))
        #expect(try CLI.git("log", "--format=%s", in: tracker).stdout == "Create accord tracker\n")
        #expect(try CLI.git("rev-parse", "--abbrev-ref", "HEAD", in: tracker).stdout == "main\n")
        let settings = try String(contentsOf: tracker.appendingPathComponent("accord.yaml"), encoding: .utf8)
        #expect(settings.hasPrefix("# accord tracker settings. See docs/formats.md.\nformat: 1\n"))
        #expect(settings.contains("stale-after-months: 12"))
        #expect(try CLI.git("status", "--porcelain", in: tracker).stdout == "")
        #expect(try CLI.git("fsck", "--full", "--strict", in: tracker).status == 0)
    }

    @Test(.scratchFolder) func initTwiceRefusesAndChangesNothing() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        try CLI.run(["init"], cwd: folder)
        let head = try CLI.git("rev-parse", "HEAD", in: folder).stdout
        let again = try CLI.run(["init", "."], cwd: folder)
        #expect(again.status == 73)
        #expect(again.stderr.contains("a tracker exists already"))
        #expect(try CLI.git("rev-parse", "HEAD", in: folder).stdout == head)

        let other = folder.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try CLI.git("init", "-q", in: other)
        try Data("x".utf8).write(to: other.appendingPathComponent("x.txt"))
        try CLI.git("add", "x.txt", in: other)
        try CLI.git("-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "x", in: other)
        let onRepo = try CLI.run(["init", other.path])
        #expect(onRepo.status == 73)
        #expect(onRepo.stderr.contains("git repository with commits"))
    }

    @Test(.scratchFolder) func unwritablePlacesGiveExit73() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        for path in [file.appendingPathComponent("tracker").path, "/proc/accord-tracker"] {
            let result = try CLI.run(["init", path])
            #expect(result.status == 73, "\(path): \(result.stderr)")
            #expect(result.stderr.hasPrefix("accord: cannot create a tracker at"))
        }
    }

    @Test(.scratchFolder) func bareHubs() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        let hub = folder.appendingPathComponent("hub.git")
        #expect(try CLI.run(["init", "--bare", hub.path]).status == 0)
        #expect(try CLI.git("rev-parse", "--is-bare-repository", in: hub).stdout == "true\n")
        // Empty, so that the first sync into it brings a tracker's history as it is.
        #expect(try CLI.git("rev-parse", "--verify", "-q", "HEAD", in: hub).status != 0)
        #expect(try CLI.git("symbolic-ref", "HEAD", in: hub).stdout == "refs/heads/main\n")
        #expect(try CLI.run(["verify", "--repo", hub.path]).status == 0)
    }

    @Test(.scratchFolder) func missingTrackersExit66() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        let outside = try CLI.run(["verify"], cwd: folder)
        #expect(outside.status == 66)
        #expect(outside.stderr.contains("no tracker found"))
        let fromEnv = try CLI.run(["verify"], cwd: folder, env: ["ACCORD_REPO": folder.appendingPathComponent("nope").path])
        #expect(fromEnv.status == 66)
        #expect(fromEnv.stderr.contains("ACCORD_REPO"))
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("init") && help.stdout.contains("verify"))
        #expect(try CLI.run(["--version"]).stdout.hasPrefix("0.1.0"))
    }
}
