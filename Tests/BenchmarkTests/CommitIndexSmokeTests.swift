import Foundation
import GitStore
import SyntheticTracker
import TestSupport
import Testing

/// The benchmark's data at a tiny scale: history questions answered from the commit index
/// must equal the walk over git, before and after a new commit. No timing is asserted.
@Suite struct CommitIndexSmokeTests {
    /// Removed with the suite instance, when the test ends.
    let scratch: ScratchFolder
    let folder: URL

    init() throws {
        scratch = try ScratchFolder()
        folder = scratch.path("repository.git")
        let repository = try Repository.create(at: folder, bare: true)
        try SyntheticTracker(scale: .tiny, seed: 8).write(to: repository)
    }

    /// Each question asked of a fresh handle with the index and of one walking git.
    func expectIndexEqualsWalk(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let indexed = try Repository.open(at: folder)
        let walked = try Repository.open(at: folder)
        walked.usesCommitIndex = false
        let tip = try #require(try walked.tip())
        let plan = try #require(try walked.files(under: "Plans", at: tip).first).path
        let text = try #require(try walked.files(under: "Agreements", at: tip).first { $0.name.hasPrefix("text.") }).path
        let report = try #require(try walked.files(under: "Events", at: tip).last).path
        for path in [plan, text, report, "Plans", "Agreements", "Events", ""] {
            #expect(try indexed.history(of: path) == walked.history(of: path), "history of \(path)", sourceLocation: sourceLocation)
        }
        // Instrument folders and a text at once, as `accord gaps` asks: from the folder history.
        let instruments = try walked.list("Agreements", at: tip).filter { $0.kind == .tree }.map { "Agreements/\($0.name)" }
        #expect(!instruments.isEmpty, sourceLocation: sourceLocation)
        #expect(try indexed.histories(of: instruments + [text]) == walked.histories(of: instruments + [text]),
                sourceLocation: sourceLocation)
        let relevant = PathSelection(files: [plan, report])
        #expect(try indexed.changeLog(touching: relevant) == walked.changeLog(touching: relevant), sourceLocation: sourceLocation)
        #expect(try indexed.changeLog() == walked.changeLog(), sourceLocation: sourceLocation)
        let older = try walked.resolve("HEAD~10")
        #expect(try indexed.changeLog(from: older, limit: 5) == walked.changeLog(from: older, limit: 5), sourceLocation: sourceLocation)
    }

    @Test func historyFromTheIndexEqualsTheWalk() throws {
        try expectIndexEqualsWalk()  // builds and stores the index
        try expectIndexEqualsWalk()  // reads it back
        let segments = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("accord/cache/commits").path)
        #expect(segments.count == 1)
    }

    @Test func aNewCommitExtendsTheIndex() throws {
        try expectIndexEqualsWalk()
        let repository = try Repository.open(at: folder)
        let tip = try #require(try repository.tip())
        let plan = try #require(try repository.files(under: "Plans", at: tip).first).path
        var changes = ChangeSet()
        changes.write(plan, Data("revised\n".utf8))
        changes.write("Events/2030/01/sr-new.yaml", Data("new\n".utf8))
        let added = try repository.apply(changes, message: "One more", author: Signature(
            name: "Bench", email: "bench@example.org", date: Date(timeIntervalSince1970: 1_900_000_000)))
        try expectIndexEqualsWalk()
        let segments = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("accord/cache/commits").path)
        #expect(segments.contains(added.hex))
        #expect(try Repository.open(at: folder).history(of: plan, limit: 1).map(\.id) == [added])
    }
}
