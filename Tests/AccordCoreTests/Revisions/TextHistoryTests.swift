@testable import AccordCore
import Foundation
import GitStore
import TestSupport
import Testing

/// The text history of the example's git history (the 2005 agreement, its 2012 amendment):
/// read while the tracker loads (`TextHistory.Prefetch`, as `gaps` and `summary` do) it must
/// equal a read made afterwards, cold or warm.
@Suite(.scratchFolder) struct TextHistoryTests {
    /// Removed with the suite instance, when the test ends.
    let scratch: ScratchFolder
    let folder: URL
    let repository: Repository
    let commit: ObjectID
    let snapshot: TrackerSnapshot

    init() throws {
        scratch = try ScratchFolder.current
        folder = scratch.path("repository.git")
        repository = try Repository.create(at: folder, bare: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        commit = try #require(try ExampleHistory(ExampleFiles(root: root)).write(into: repository))
        snapshot = try TrackerSnapshot.load(repository: repository, commit: commit)
    }

    func removeCaches() throws {
        // The parsed texts, their comparisons and the folder histories live in the derived store.
        DerivedStore.open(gitDirectory: repository.gitDirectory)?.reset()
    }

    /// What a command shows of a text history: the revisions, both gap rules, the redlines.
    func shown(_ history: TextHistory) throws -> [String] {
        let asOf = try #require(CalendarDate("2020-12-31"))
        return history.revisions.map { "\($0)" }
            + history.amendedSinceEvidence(snapshot: snapshot, asOf: asOf).map { "\($0)" }
            + history.languagesOutOfStep(asOf: asOf).map { "\($0)" }
            + (try history.changes(after: nil, through: asOf)).map { "\($0)" }
    }

    @Test func aPrefetchedHistoryEqualsOneReadAfterwards() throws {
        try removeCaches()
        let plain = try shown(TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit))
        #expect(try TextHistory(snapshot: snapshot, repository: repository, commit: commit).revisions
            .flatMap(\.revisions).count >= 2)
        // Cold: the prefetch builds the folder history and parses every text.
        try removeCaches()
        let prefetch = TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit)
        let cold = try TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit,
                                   prefetched: prefetch.handOver(for: commit))
        #expect(try shown(cold) == plain)
        #expect(DerivedHistoryStore(gitDirectory: repository.gitDirectory).storedFolderCommits("Agreements")
            .contains { $0.id.objectID == commit }, "the prefetch stored the folder history")
        // Warm, and a prefetch of another commit, which is not used.
        let warm = try TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit,
                                   prefetched: TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit).handOver(for: commit))
        #expect(try shown(warm) == plain)
        let older = try repository.resolve("HEAD~1")
        let other = try TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit,
                                    prefetched: TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: older).handOver(for: commit))
        #expect(try shown(other) == plain)
        // One instrument only, as `accord show` asks.
        let tip = try #require(InstrumentID("tip-2005"))
        let one = try TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit, only: [tip],
                                  prefetched: TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit).handOver(for: commit))
        #expect(one.revisions.map(\.instrument) == [tip])
    }

    /// Every command reads what stood on its as-of date with the revisions the prefetch
    /// read: before the amendment, on its day and after it, cold and warm, it must be what a
    /// read without the prefetch gives (the register, texts and binding dates in force).
    @Test func whatStoodOnADateIsTheSameWithTheRevisionsPrefetched() throws {
        for text in ["2008-06-30", "2012-01-01", "2013-06-30", "2020-12-31"] {
            let date = try #require(CalendarDate(text))
            let plain = try snapshot.inForce(on: date, repository: Repository.open(at: folder), commit: commit)
            for cold in [true, false] {
                if cold { try removeCaches() }
                let handed = TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit).handOver(for: commit)
                #expect(handed?.revisions.isEmpty == false, "the prefetch read the revisions (\(text))")
                let stood = try snapshot.inForce(on: date, repository: Repository.open(at: folder), commit: commit, prefetched: handed)
                #expect(stood.instruments == plain.instruments, "\(text), cold: \(cold)")
                #expect(stood.texts == plain.texts, "\(text), cold: \(cold)")
                #expect(stood.targets == plain.targets, "\(text), cold: \(cold)")
                #expect(stood.commitmentsSince == plain.commitmentsSince, "\(text), cold: \(cold)")
            }
        }
    }

    @Test func aPrefetchedHistoryIsTheSameWhenNoCacheCanBeWritten() throws {
        let plain = try shown(TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit))
        // A file where the store's folder would be: nothing can be stored (as in a repository
        // one may only read), so the command reads what the prefetch's handle walked.
        DerivedStore.open(gitDirectory: repository.gitDirectory)?.close()
        try FileManager.default.removeItem(at: repository.gitDirectory.appendingPathComponent("accord"))
        try Data("not a folder".utf8).write(to: repository.gitDirectory.appendingPathComponent("accord"))
        #expect(DerivedStore.open(gitDirectory: repository.gitDirectory) == nil)
        let prefetch = TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit)
        let read = try TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit,
                                   prefetched: prefetch.handOver(for: commit))
        #expect(try shown(read) == plain)
        #expect(try shown(TextHistory(snapshot: snapshot, repository: Repository.open(at: folder), commit: commit)) == plain)
    }
}
