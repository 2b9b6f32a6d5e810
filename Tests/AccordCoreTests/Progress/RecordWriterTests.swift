import AccordCore
import Foundation
import GitStore
import TestSupport
import Testing

/// Writing a record: validated, laid out, committed once, retried on a name taken meanwhile.
@Suite(.scratchFolder) struct RecordWriterTests {
    let scratch: ScratchFolder
    let repository: Repository
    let tip: ObjectID

    init() throws {
        scratch = try ScratchFolder.current
        repository = try Repository.create(at: scratch.url, bare: true)
        var changes = ChangeSet()
        for (path, data) in TrackerFixture.valid.files { changes.write(path, data) }
        tip = try repository.apply(changes, message: "A tracker", author: Self.author)
    }

    static let author = Signature(name: "Test", email: "test@example.org", date: Date(timeIntervalSince1970: 1_500_000_000))

    func writer() throws -> RecordWriter {
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: tip, cache: .disabled)
        return RecordWriter(repository: repository, snapshot: snapshot, base: tip)
    }

    func report(_ id: String) -> (path: String, data: Data) {
        let (path, text) = TrackerFixture.report(id, target: "tip-2005#4.1", status: "in-progress", date: "2017-03-01", party: "KH")
        return (path, Data(text.utf8))
    }

    /// Another writer commits `record` after the writer read the tracker; their commit.
    @discardableResult
    func takenMeanwhile(_ record: (path: String, data: Data)) throws -> ObjectID {
        var other = ChangeSet()
        other.create(record.path, record.data)
        return try repository.apply(other, message: "Another writer", author: Self.author)
    }

    @Test func aValidRecordIsOneCommitOnTheTip() throws {
        let new = report("sr-2017-03-01-kh")
        let commit = try writer().commit(author: Self.author) { ([new.path: new.data], "Report KH on 4.1") }
        #expect(try repository.tip() == commit)
        #expect(try repository.commit(commit).parents == [tip])
        #expect(try repository.commit(commit).summary == "Report KH on 4.1")
        #expect(LastWrite.read(repository)?.record == "sr-2017-03-01-kh")
    }

    @Test func aRecordWithAProblemIsRefusedAndNothingIsCommitted() throws {
        let (path, text) = TrackerFixture.report("sr-2017-03-01-kh", target: "tip-2005#9.9", status: "in-progress",
                                                 date: "2017-03-01", party: "KH")
        #expect(throws: InvalidTrackerData.self) {
            try writer().commit(author: Self.author) { ([path: Data(text.utf8)], "Report") }
        }
        #expect(try repository.tip() == tip)
    }

    @Test func aNameTakenMeanwhileIsAskedForAgain() throws {
        let writer = try writer()
        let taken = report("sr-2017-03-01-kh")
        try takenMeanwhile(taken)
        var asked = 0
        let commit = try writer.commit(author: Self.author) {
            asked += 1
            let new = asked == 1 ? taken : report("sr-2017-03-01-kh-2")
            return ([new.path: new.data], "Report")
        }
        #expect(asked == 2)
        #expect(try repository.tip() == commit)
    }

    @Test func aNameTakenEveryTimeGivesUpWithCannotCreate() throws {
        let writer = try writer()
        let taken = report("sr-2017-03-01-kh")
        let theirs = try takenMeanwhile(taken)
        var asked = 0
        let error = #expect(throws: AccordError.self) {
            try writer.commit(author: Self.author) {
                asked += 1
                return ([taken.path: taken.data], "Report")
            }
        }
        #expect(error?.kind == .cannotCreate)
        #expect(asked == RecordWriter.attempts)
        #expect(try repository.tip() == theirs)
    }
}
