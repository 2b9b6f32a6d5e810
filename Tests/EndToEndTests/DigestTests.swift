import Foundation
import TestSupport
import Testing

/// `accord digest` fingerprints what the records mean; `--files` what the files hold.
@Suite struct DigestTests {
    @Test(.scratchFolder) func stateDigestIgnoresHowRecordsAreWrittenButNotWhatTheySay() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let original = scratch.appendingPathComponent("original"), copy = scratch.appendingPathComponent("copy")
        try AccordProcess.copyExample(to: original)
        try CLI.git("clone", "-q", original.path, copy.path, in: scratch)

        func digest(_ tracker: URL, _ extra: [String] = []) throws -> String {
            let result = try CLI.run(["digest", "--repo", tracker.path, "--as-of", "2019-12-01"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return String(result.stdout.prefix(64))
        }
        let state = try digest(original), files = try digest(original, ["--files"])
        #expect(try digest(copy) == state)

        // The same record with a comment: files differ, meaning does not.
        let record = copy.appendingPathComponent("Meetings/2016-10-05-sihanoukville-review.yaml")
        let text = try String(contentsOf: record, encoding: .utf8)
        try ("# Minutes filed by the VN secretariat.\n" + text).write(to: record, atomically: true, encoding: .utf8)
        try CLI.git("-c", "user.name=T", "-c", "user.email=t@example.invalid", "commit", "-qam", "Comment", in: copy)
        #expect(try digest(copy, ["--files"]) != files)
        #expect(try digest(copy) == state)

        // A new status report changes the state.
        let logged = try CLI.run(["log", "tip-2005#7.2", "--status", "implemented", "--party", "VN", "--date", "2019-06-01",
                                  "--by", "MPS <mps@example.invalid>", "--note", "Verified within thirty days.", "--repo", copy.path])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(try digest(copy) != state)
    }
}
