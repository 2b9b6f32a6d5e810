@testable import AccordCore
import Foundation
import GitStore
import GRDB
import TestSupport
import Testing

/// A read with no derived store writes the store chunk by chunk as it parses: the tracker
/// it gives, and the one a later read gives from the store, are the tracker read without a
/// store; a store that refuses a row midway is left as it was and the read goes on without
/// it; a file git cannot give fails the read as it does without a store, and leaves no
/// store standing for that revision.
@Suite(.scratchFolder) struct ColdReadTests {
    let repository: Repository
    let tip: ObjectID
    /// More reports than one chunk of parsing holds, so that several chunks are written.
    static let reportCount = 4_500
    static let author = Signature(name: "Test", email: "test@example.org", date: Date(timeIntervalSince1970: 1_500_000_000))

    init() throws {
        repository = try Repository.create(at: try ScratchFolder.current.url, bare: true)
        var fixture = TrackerFixture.valid
        for index in 0..<Self.reportCount {
            let day = String(format: "2018-%02d-%02d", index % 12 + 1, index % 28 + 1)
            // tip-2005#5.1 binds Viet Nam alone.
            let (target, party) = index % 3 == 0 ? ("tip-2005#5.1", "VN") : ("tip-2005#4.1", index % 2 == 0 ? "VN" : "KH")
            let (path, text) = TrackerFixture.report("sr-\(day)-\(party.lowercased())-\(index)", target: target,
                                                     status: "in-progress", date: day, party: party)
            fixture[path] = text
        }
        // One report that does not parse, so that the problems of every chunk are found.
        fixture["Events/2018/12/sr-2018-12-31-vn-bad.yaml"] = "id: sr-2018-12-31-vn-bad\ntarget: tip-2005#4.1\nstatus: [\n"
        var changes = ChangeSet()
        for (path, data) in fixture.files { changes.write(path, data) }
        tip = try repository.apply(changes, message: "A tracker", author: Self.author)
    }

    /// The path of the report the tests make unreadable or refused: one in the second chunk
    /// of parsing, so that a chunk was written before it.
    func laterReport() throws -> (path: String, blob: ObjectID) {
        let files = try RevisionFiles(repository: repository, commit: tip).files
        let position = try #require(files.firstIndex { $0.path.hasSuffix("-4499.yaml") })
        #expect(position >= RecordStore.parseChunk, "the report is in the second chunk")
        return files[position]
    }

    /// What a read gives, compared in full: every report and piece of evidence, in order,
    /// the targets' ids and every problem.
    static func summary(_ snapshot: TrackerSnapshot) -> [String] {
        snapshot.reports.map { "\($0.id) \($0.target) \($0.party.code) \($0.date) \($0.status.rawValue) \($0.note ?? "")" }
            + snapshot.evidence.map { "\($0.id) \($0.supports)" }
            + snapshot.targets.map { "\($0.id)" }
            + snapshot.diagnostics.map { "\($0)" }
    }

    /// The first line where `read` differs from `expected`; nil when they are the same.
    static func difference(_ read: [String], _ expected: [String]) -> String? {
        if let (got, wanted) = zip(read, expected).first(where: { $0 != $1 }) { return "\(got) where \(wanted) was expected" }
        return read.count == expected.count ? nil : "\(read.count) lines where \(expected.count) were expected"
    }

    @Test func theStoreWrittenChunkByChunkGivesTheTrackerReadWithoutIt() throws {
        let plain = Self.summary(try TrackerSnapshot.load(repository: repository, commit: tip, cache: .disabled))
        #expect(plain.count > Self.reportCount)
        #expect(plain.filter { $0.contains("sr-2018-12-31-vn-bad.yaml:") }.count == 1, "the report that does not parse is a problem")
        let cold = Self.summary(try TrackerSnapshot.load(repository: repository, commit: tip))
        #expect(Self.difference(cold, plain) == nil)
        let store = repository.gitDirectory.appendingPathComponent("accord/derived.sqlite")
        #expect(FileManager.default.fileExists(atPath: store.path))
        let warm = Self.summary(try TrackerSnapshot.load(repository: repository, commit: tip))
        #expect(Self.difference(warm, plain) == nil)
    }

    @Test func aStoreThatRefusesARowMidwayGivesTheTrackerReadWithoutIt() throws {
        let plain = Self.summary(try TrackerSnapshot.load(repository: repository, commit: tip, cache: .disabled))
        _ = try TrackerSnapshot.load(repository: repository, commit: tip)
        // The store forgets the revision, and will refuse the row of one report, in the
        // second chunk, when the records are written again.
        let refused = try laterReport().path
        let path = repository.gitDirectory.appendingPathComponent("accord/derived.sqlite").path
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON record WHEN NEW.path = '\(refused)'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
            try db.execute(sql: "DELETE FROM recordState")
        }
        let cold = Self.summary(try TrackerSnapshot.load(repository: repository, commit: tip))
        #expect(Self.difference(cold, plain) == nil)
        // The write was undone: no revision is stored.
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM recordState") } == 0)
        try database.close()
    }

    @Test func aFileGitCannotGiveFailsTheReadAsWithoutAStore() throws {
        // The loose object of one report's bytes removed (the fixture is not packed).
        let hex = try laterReport().blob.hex
        let object = repository.gitDirectory.appendingPathComponent("objects/\(hex.prefix(2))/\(hex.dropFirst(2))")
        try FileManager.default.removeItem(at: object)
        func failure(_ cache: CacheUse) -> String? {
            do {
                _ = try TrackerSnapshot.load(repository: repository, commit: tip, cache: cache)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let plain = try #require(failure(.disabled))
        #expect(failure(.enabled) == plain)
        // Nothing was kept as that revision's records: the next read fails alike.
        #expect(failure(.enabled) == plain)
    }
}
