@testable import AccordCore
import Foundation
import GitStore
import GRDB
import TestSupport
import Testing

/// A read with no derived store writes the store chunk by chunk as it parses: the tracker
/// it gives, and the one a later read gives from the store, are the tracker read without a
/// store, problems between files included, and the store keeps the problems it found; a
/// store that refuses a row midway is left as it was and the read goes on without
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

    /// Reports with every problem a check between files finds in one (a repeated id, a
    /// wrong folder or file name, an unknown target or party, a party not bound, evidence
    /// that does not exist), and withdrawals that need the reports' ids: the problems of a
    /// cold read, which checks each report as it is parsed and keeps it by its head, are
    /// those of a read without a store, and the store keeps them for the next read.
    @Test func reportsCheckedAsTheyAreParsedHaveTheProblemsOfAReadWithoutAStore() throws {
        var fixture = TrackerFixture.valid
        func report(_ path: String, _ id: String, target: String = "tip-2005#4.1", date: String, party: String = "VN",
                    evidence: String = "") {
            fixture[path] = "id: \(id)\ntarget: \(target)\nstatus: in-progress\ndate: \(date)\nparty: \(party)\n\(evidence)"
        }
        // The first report does not parse: its problems are counted once.
        fixture["Events/2018/01/sr-2018-01-01-vn.yaml"] = "id: sr-2018-01-01-vn\ntarget: tip-2005#4.1\nstatus: [\n"
        report("Events/2018/01/sr-2018-01-05-vn.yaml", "sr-2018-01-05-vn", date: "2018-01-05")
        report("Events/2018/02/sr-2018-01-05-vn.yaml", "sr-2018-01-05-vn", date: "2018-01-05")
        report("Events/2018/03/sr-2018-03-01-vn-name.yaml", "sr-2018-03-01-vn", date: "2018-03-01")
        report("Events/2018/03/sr-2018-03-02-vn.yaml", "sr-2018-03-02-vn", target: "tip-2005#9.9", date: "2018-03-02")
        report("Events/2018/03/sr-2018-03-03-vn.yaml", "sr-2018-03-03-vn", target: "2016-10-05-review#1", date: "2018-03-03")
        report("Events/2018/03/sr-2018-03-04-kh.yaml", "sr-2018-03-04-kh", target: "tip-2005#5.1", date: "2018-03-04", party: "KH")
        report("Events/2018/03/sr-2018-03-05-th.yaml", "sr-2018-03-05-th", date: "2018-03-05", party: "TH")
        report("Events/2018/03/sr-2018-03-06-vn.yaml", "sr-2018-03-06-vn", date: "2018-03-06",
               evidence: "evidence: [ev-2016-review, ev-missing]\n")
        fixture["Withdrawals/2019/wd-2019-02-01-a.yaml"] = "id: wd-2019-02-01-a\nwithdraws: sr-2018-03-06-vn\ndate: 2019-02-01\nreason: A mistake.\n"
        fixture["Withdrawals/2019/wd-2019-02-02-a.yaml"] = "id: wd-2019-02-02-a\nwithdraws: sr-2018-09-09-vn\ndate: 2019-02-02\nreason: A mistake.\n"
        let other = try Repository.create(at: try ScratchFolder.current.path("problems.git"), bare: true)
        var changes = ChangeSet()
        for (path, data) in fixture.files { changes.write(path, data) }
        let commit = try other.apply(changes, message: "A tracker with problems", author: Self.author)

        let plain = try TrackerSnapshot.load(repository: other, commit: commit, cache: .disabled)
        let expected = Self.summary(plain)
        let messages = plain.diagnostics.map(\.message)
        #expect(plain.diagnostics.filter { $0.file == "Events/2018/01/sr-2018-01-01-vn.yaml" }.count == 1)
        for part in ["is also the id of", "filed under", "does not match its file name", "no commitment, plan item or decision tip-2005#9.9",
                     "has no due date", "does not bind KH", "TH is not a party", "no evidence ev-missing", "no status report or evidence sr-2018-09-09-vn"] {
            #expect(messages.contains { $0.contains(part) }, "a read without a store finds: \(part)")
        }
        let cold = try TrackerSnapshot.load(repository: other, commit: commit)
        let groups = cold.reportGroups.groups.filter { $0.count > 0 }
        #expect(!groups.isEmpty && groups.allSatisfy { !$0.isParsed }, "the reports are kept by their heads")
        #expect(Self.difference(Self.summary(cold), expected) == nil)
        #expect(RecordStore.storedDiagnostics(repository: other, commit: commit) == plain.diagnostics)
        let warm = try TrackerSnapshot.load(repository: other, commit: commit)
        #expect(Self.difference(Self.summary(warm), expected) == nil)
    }
}

/// Evidence dated by its month or year alone (`2011-07`, `2011`), as a source often gives
/// it, is kept in the store by its head like any other: the second read is a warm one, not
/// a cold read again.
@Suite(.scratchFolder) struct PartialDateStoreTests {
    @Test func evidenceDatedByMonthOrYearIsReadFromTheStore() throws {
        var fixture = TrackerFixture.valid
        for (id, date) in [("ev-2011-dong-thap", "2011"), ("ev-2016-07-campaign", "2016-07")] {
            fixture["Evidence/\(date.prefix(4))/\(id).yaml"] = "id: \(id)\nkind: report\ntitle: A report\ndate: \(date)\n"
                + "supports: [tip-2005#4.1]\n"
        }
        let repository = try Repository.create(at: try ScratchFolder.current.url, bare: true)
        var changes = ChangeSet()
        for (path, data) in fixture.files { changes.write(path, data) }
        let commit = try repository.apply(changes, message: "A tracker", author: ColdReadTests.author)
        let plain = try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled)
        #expect(plain.diagnostics.isEmpty, "\(plain.diagnostics)")
        #expect(Set(plain.evidence.map { $0.date.description }).isSuperset(of: ["2011", "2016-07"]))

        _ = try RecordStore.load(repository: repository, commit: commit, parsingReports: false)
        // A read from the store keeps each piece of evidence by its head; a read that
        // parses the files again (the store refused a row) keeps none so.
        let warm = try RecordStore.load(repository: repository, commit: commit, parsingReports: false)
        #expect(warm.evidence.count == 3, "every piece of evidence read from the store by its head")
        #expect(ColdReadTests.difference(ColdReadTests.summary(try TrackerSnapshot.load(repository: repository, commit: commit)),
                                         ColdReadTests.summary(plain)) == nil)
    }

    /// Every piece of evidence and status report of the shipped example comes back from the
    /// store by its head: no row of it is refused, which would make every read a cold one.
    @Test func theExampleIsReadFromTheStore() throws {
        let example = ExampleFiles(root: ExampleDataTests.root)
        let repository = try Repository.create(at: try ScratchFolder.current.url, bare: true)
        var changes = ChangeSet()
        for path in try example.paths() { changes.write(path, try example.read(path)) }
        let commit = try repository.apply(changes, message: "The example", author: ColdReadTests.author)
        let plain = try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled)
        _ = try RecordStore.load(repository: repository, commit: commit, parsingReports: false)
        let warm = try RecordStore.load(repository: repository, commit: commit, parsingReports: false)
        #expect(warm.evidence.count == plain.evidence.count && warm.reports.count == plain.reports.count,
                "\(warm.evidence.count) of \(plain.evidence.count) pieces of evidence, \(warm.reports.count) of \(plain.reports.count) reports")
    }
}
