@testable import AccordCore
import Foundation
import GitStore
import GRDB
import SyntheticTracker
import TestSupport
import Testing

/// The benchmark's data at a tiny scale: history questions answered from the commit index
/// and the folder histories kept in the derived store must equal the walk over git, before
/// and after a new commit, and after the store was damaged. No timing is asserted.
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
        let indexed = try Repository.open(at: folder).keepingHistoryInDerivedStore()
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
        // One id's files asked of a fresh handle first, as `accord history ID` does: the
        // stored index is read with those files' changes alone.
        let chosen = PathSelection(files: [plan, report, "Plans/none.yaml"], folders: [instruments[0] + "/"])
        #expect(try Repository.open(at: folder).keepingHistoryInDerivedStore().changeLog(touching: chosen)
                == walked.changeLog(touching: chosen), "one id's change log", sourceLocation: sourceLocation)
        let older = try walked.resolve("HEAD~10")
        #expect(try indexed.changeLog(from: older, limit: 5) == walked.changeLog(from: older, limit: 5), sourceLocation: sourceLocation)
    }

    @Test func historyFromTheIndexEqualsTheWalk() throws {
        try expectIndexEqualsWalk()  // builds and stores the index
        try expectIndexEqualsWalk()  // reads it back
        let count = try Repository.open(at: folder).log().count
        #expect(stored().commits.count == count)
        #expect(DerivedHistoryStore(gitDirectory: folder).storedFolderCommits("Agreements").count == count)
    }

    /// The stored index once the rows handed to the derived store's queue are written.
    func stored() -> StoredCommitChanges {
        DerivedStore.open(gitDirectory: folder)?.waitForLaterWrites()
        return DerivedHistoryStore(gitDirectory: folder).storedCommitChanges()
    }

    /// The derived store's file replaced by random bytes, cut short, of another version or
    /// empty: the answers are the same, and the history tables are filled again.
    @Test func aDamagedStoreGivesTheSameAnswers() throws {
        try expectIndexEqualsWalk()
        let count = stored().commits.count
        let file = DerivedStore.location(gitDirectory: folder)
        DerivedStore.open(gitDirectory: folder)?.close()
        let good = try Data(contentsOf: file)
        for (name, bytes) in DamagedFile.variants(of: good) {
            DerivedStore.open(gitDirectory: folder)?.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
            try bytes.write(to: file)
            try expectIndexEqualsWalk()
            #expect(stored().commits.count == count, "\(name): stored again")
        }
    }

    /// A row of the commit index that is not what accord writes (an id of the wrong size, a
    /// change of no kind or of no commit, parents cut short, a column of another type): the
    /// answers are the walk's, and the index is stored again.
    @Test(arguments: [
        "UPDATE historyChange SET oldID = x'0102' WHERE rowid = (SELECT min(rowid) FROM historyChange WHERE oldID IS NOT NULL)",
        "UPDATE historyChange SET kind = 7 WHERE rowid = (SELECT min(rowid) FROM historyChange)",
        "UPDATE historyChange SET commitNumber = 999999 WHERE rowid = (SELECT max(rowid) FROM historyChange)",
        "UPDATE historyCommit SET parents = x'00' WHERE number = (SELECT max(number) FROM historyCommit)",
        "UPDATE historyCommit SET time = 'noon' WHERE number = (SELECT min(number) FROM historyCommit)",
        "UPDATE historyChange SET path = 'Plans' WHERE rowid = (SELECT min(rowid) FROM historyChange)",
        "UPDATE historyPath SET path = x'00' WHERE number = (SELECT min(number) FROM historyPath)",
        "UPDATE historyFolder SET entry = x'01' WHERE entry IS NOT NULL",
    ])
    func aDamagedRowGivesTheSameAnswers(_ damage: String) throws {
        try expectIndexEqualsWalk()
        let count = stored().commits.count
        let store = try #require(DerivedStore.open(gitDirectory: folder))
        _ = try #require(store.access { try $0.execute(sql: damage) })
        try expectIndexEqualsWalk()
        #expect(stored().commits.count == count, "stored again")
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
        let before = stored().commits.count
        try expectIndexEqualsWalk()
        #expect(stored().commits.map(\.id.objectID).contains(added))
        #expect(stored().commits.count == before + 1, "the new commit's rows added, nothing rewritten")
        #expect(try Repository.open(at: folder).history(of: plan, limit: 1).map(\.id) == [added])
    }
}
