@testable import AccordCore
import Foundation
import GitStore
import GRDB
import SyntheticTracker
import TestSupport
import Testing

/// What `accord log` and `accord evidence add` rely on: a new append-only record checked
/// against the snapshot alone, and the derived store moved to the new revision from it;
/// and the store following commits accord did not make. The results must equal a full
/// read without the store.
@Suite struct AppendedRecordTests {
    /// Removed with the suite instance, when the test ends.
    let scratch: ScratchFolder
    let folder: URL
    let repository: Repository
    let author = Signature(name: "Test", email: "test@example.org", date: Date())

    init() throws {
        scratch = try ScratchFolder()
        folder = scratch.path("repository.git")
        repository = try Repository.create(at: folder, bare: true)
        try SyntheticTracker(scale: .tiny, seed: 8).write(to: repository)
    }

    func report(_ id: String, target: String = "plan-01#1.1", party: String = "VN", evidence: [String] = []) -> (String, Data) {
        let date = String(id.dropFirst(3).prefix(10))
        let cited = evidence.isEmpty ? "" : "evidence:\n" + evidence.map { "  - \($0)\n" }.joined()
        let text = "id: \(id)\ntarget: \(target)\nstatus: in-progress\ndate: \(date)\nparty: \(party)\n\(cited)"
        return ("Events/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/\(id).yaml", Data(text.utf8))
    }

    func problems(_ files: [(String, Data)], in snapshot: TrackerSnapshot) throws -> [Diagnostic] {
        try snapshot.problems(adding: Dictionary(uniqueKeysWithValues: files), repository: repository,
                              commit: repository.resolve("HEAD"))
    }

    @Test func aNewRecordIsCheckedAgainstTheSnapshot() throws {
        let snapshot = try TrackerSnapshot.load(repository: repository)
        let evidence = try #require(snapshot.evidence.first)
        #expect(try problems([report("sr-2024-12-30-vn-good", evidence: [evidence.id.rawValue])], in: snapshot).isEmpty)

        let unknownTarget = try problems([report("sr-2024-12-30-vn-bad1", target: "plan-01#99.9")], in: snapshot)
        #expect(unknownTarget.map(\.file) == ["Events/2024/12/sr-2024-12-30-vn-bad1.yaml"])
        #expect(unknownTarget.first?.message.contains("no commitment, plan item or decision plan-01#99.9") == true)

        let unknownEvidence = try problems([report("sr-2024-12-30-vn-bad2", evidence: ["ev-2024-nothing"])], in: snapshot)
        #expect(unknownEvidence.map(\.field) == ["evidence[1]"])

        // An id another report already has, filed in another month: the new file is refused.
        let existing = try #require(snapshot.reports.first)
        let month = existing.date.month == 1 ? "02" : "01"
        let text = "id: \(existing.id)\ntarget: plan-01#1.1\nstatus: in-progress\ndate: \(existing.date.year)-\(month)-15\nparty: VN\n"
        let path = "Events/\(existing.date.year)/\(month)/\(existing.id).yaml"
        let repeated = try problems([(path, Data(text.utf8))], in: snapshot)
        #expect(repeated.map(\.file) == [path])
        #expect(repeated.first?.message == "\(existing.id) is also the id of \(existing.path)")
    }

    /// The key the stored records stand at, and whether they were checked without problems.
    func stored() throws -> (key: String, valid: Bool)? {
        let row = try derived.access { try GRDB.Row.fetchOne($0, sql: "SELECT trackerKey, diagnostics FROM recordState") } ?? nil
        guard let row else { return nil }
        let diagnostics: Data? = row[1]
        return (row[0], diagnostics.flatMap { DerivedStore.decode([Diagnostic].self, from: $0) }?.isEmpty == true)
    }

    /// Whether the store stands at `commit`.
    func storeStands(at commit: ObjectID) throws -> Bool {
        try stored()?.key == RecordStore.key(of: repository, at: commit).text
    }

    @Test func theNewRevisionIsStoredAndEqualsAFullRead() throws {
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent)
        let evidence = try #require(snapshot.evidence.last)
        let (path, data) = report("sr-2024-12-30-vn-added", evidence: [evidence.id.rawValue])
        #expect(try problems([(path, data)], in: snapshot).isEmpty)
        var changes = ChangeSet()
        changes.create(path, data)
        let commit = try repository.apply(changes, message: "One more report", author: author)
        snapshot.storeAppended([path: data], repository: repository, parent: parent, commit: commit)

        #expect(try storeStands(at: commit), "the new revision was not stored")
        #expect(try stored()?.valid == true)
        let blob = try derived.access { try String.fetchOne($0, sql: "SELECT blob FROM record WHERE path = ?", arguments: [path]) } ?? nil
        #expect(blob == (try repository.entry(path, at: commit))?.id.hex)
        let loaded = try TrackerSnapshot.load(repository: repository, commit: commit)
        let uncached = try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled)
        expectSame(loaded, uncached)
        #expect(loaded.reports.count == snapshot.reports.count + 1)
        #expect(try rows("record") == (try RevisionFiles(repository: repository, commit: commit).paths().count))
    }

    /// Commits one new report as `accord log` does (read, checked, committed, stored from
    /// the snapshot before it) and returns the new commit.
    @discardableResult
    func logReport(_ number: Int) throws -> ObjectID {
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent)
        let (path, data) = report("sr-2024-12-\(String(format: "%02d", number % 28 + 1))-vn-chain\(number)")
        #expect(try problems([(path, data)], in: snapshot).isEmpty)
        var changes = ChangeSet()
        changes.create(path, data)
        let commit = try repository.apply(changes, message: "Report \(number)", author: author)
        snapshot.storeAppended([path: data], repository: repository, parent: parent, commit: commit)
        return commit
    }

    @Test func successiveReportsAreStoredInPlaceAndReadAsAFullRead() throws {
        _ = try TrackerSnapshot.load(repository: repository)
        for number in 0..<3 {
            let commit = try logReport(number)
            #expect(try storeStands(at: commit))
            expectSame(try TrackerSnapshot.load(repository: repository, commit: commit),
                       try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
            #expect(try rows("record") == (try RevisionFiles(repository: repository, commit: commit).paths().count))
        }
    }

    @Test func aCommitAccordDidNotMakeIsFollowedInPlace() throws {
        _ = try TrackerSnapshot.load(repository: repository)
        // Two reports committed by someone else (as a pull or `git commit` brings them):
        // the writer does not touch the store.
        let evidence = try #require(try TrackerSnapshot.load(repository: repository, cache: .disabled).evidence.last)
        var changes = ChangeSet()
        for (path, data) in [report("sr-2024-12-29-vn-outside1", evidence: [evidence.id.rawValue]),
                             report("sr-2024-12-30-kh-outside2", target: "plan-01#1.2", party: "KH")] {
            changes.create(path, data)
        }
        let commit = try repository.apply(changes, message: "From another desk", author: author)
        #expect(try !storeStands(at: commit))
        // Rows not touched by the change stay as they were: the table is changed in place, not
        // written again. One untouched report is marked, kept without its head as a report
        // that did not parse is kept (read and parsed whole), and stays so.
        let marked = try #require(try derived.access {
            try String.fetchOne($0, sql: "SELECT path FROM record WHERE head IS NOT NULL ORDER BY path LIMIT 1")
        } ?? nil)
        try derived.access { try $0.execute(sql: "UPDATE record SET head = NULL, cluster = '' WHERE path = ?", arguments: [marked]) }
        let loaded = try TrackerSnapshot.load(repository: repository, commit: commit)
        expectSame(loaded, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
        #expect(try storeStands(at: commit))
        #expect(try stored()?.valid == true, "only the new files were checked, and had no problems")
        let stillMarked = try derived.access { try Bool.fetchOne($0, sql: "SELECT head IS NULL FROM record WHERE path = ?", arguments: [marked]) } ?? nil
        #expect(stillMarked == true)
        #expect(try rows("record") == (try RevisionFiles(repository: repository, commit: commit).paths().count))

        // A change that is not an added report (an edited report) is checked whole, and equal.
        var edit = ChangeSet()
        let (path, data) = report("sr-2024-12-29-vn-outside1")
        edit.write(path, data)
        let edited = try repository.apply(edit, message: "An edit", author: author)
        expectSame(try TrackerSnapshot.load(repository: repository, commit: edited),
                   try TrackerSnapshot.load(repository: repository, commit: edited, cache: .disabled))
        #expect(try storeStands(at: edited))

        // A report with a problem (an unknown target): problems and all.
        var bad = ChangeSet()
        let (badPath, badData) = report("sr-2024-12-31-vn-outside3", target: "plan-01#99.9")
        bad.create(badPath, badData)
        let broken = try repository.apply(bad, message: "A bad report", author: author)
        let read = try TrackerSnapshot.load(repository: repository, commit: broken)
        expectSame(read, try TrackerSnapshot.load(repository: repository, commit: broken, cache: .disabled))
        #expect(!read.isValid)
        // A report whose id another report has: checked whole, problems and all.
        let existing = try #require(read.reports.first)
        var twin = ChangeSet()
        twin.create("Events/2024/11/\(existing.id).yaml",
                    Data("id: \(existing.id)\ntarget: plan-01#1.1\nstatus: in-progress\ndate: 2024-11-15\nparty: VN\n".utf8))
        let twice = try repository.apply(twin, message: "A repeated id", author: author)
        // (Which of two reports with one id a lookup by id finds is not defined: the lists
        // and the problems are compared.)
        func expectSameLists(_ revision: ObjectID) throws {
            let loaded = try TrackerSnapshot.load(repository: repository, commit: revision)
            let uncached = try TrackerSnapshot.load(repository: repository, commit: revision, cache: .disabled)
            #expect(loaded.reports == uncached.reports && loaded.evidence == uncached.evidence)
            #expect(loaded.diagnostics == uncached.diagnostics)
            #expect(!loaded.isValid)
        }
        try expectSameLists(twice)

        // Back to an older commit, and forward again: each equals a full read.
        for revision in [try parent(of: commit), broken] {
            expectSame(try TrackerSnapshot.load(repository: repository, commit: revision),
                       try TrackerSnapshot.load(repository: repository, commit: revision, cache: .disabled))
            #expect(try storeStands(at: revision))
        }
        try expectSameLists(twice)
        #expect(try storeStands(at: twice))
    }

    /// A piece of evidence dated `date`, citing the attachment `blob` when given.
    func evidence(_ id: String, date: String, attachment blob: String? = nil, indicator: String? = nil) -> (String, Data) {
        var text = "id: \(id)\nkind: minutes\ntitle: Minutes\ndate: \(date)\nsensitivity: public\nsupports: [plan-01#1.1]\n"
        if let blob { text += "attachment:\n  name: minutes.txt\n  blob: \(blob)\n  size: 7\n" }
        if let indicator { text += "values:\n  - indicator: \(indicator)\n    scope: vn-kh-border\n    period: \"2024\"\n    value: 3\n" }
        return ("Evidence/\(date.prefix(4))/\(id).yaml", Data(text.utf8))
    }

    /// Commits `files` as another desk would (the store untouched) and returns the commit.
    func commitElsewhere(_ files: [(String, Data)], message: String) throws -> ObjectID {
        var changes = ChangeSet()
        for (path, data) in files { changes.create(path, data) }
        return try repository.apply(changes, message: message, author: author)
    }

    /// What a sync's check relies on: the problems of a revision that only adds records to
    /// the stored one are told from the new files alone (the store then stands there), and
    /// are those of a full read whatever the new files hold.
    @Test func theProblemsOfAddedRecordsAreToldFromTheNewFilesAlone() throws {
        let snapshot = try TrackerSnapshot.load(repository: repository)
        let existingEvidence = try #require(snapshot.evidence.last)
        let existingReport = try #require(snapshot.reports.first)

        // A report citing evidence already there, evidence with its attachment, and a report
        // citing that new evidence: no problems, known without a full read.
        let attachment = Data("minutes".utf8)
        let blob = try Repository.blobID(of: attachment).hex
        let good = try commitElsewhere([
            report("sr-2024-12-29-vn-synced1", evidence: [existingEvidence.id.rawValue]),
            evidence("ev-2024-12-28-synced", date: "2024-12-28", attachment: blob),
            ("Evidence/attachments/\(blob.prefix(2))/\(blob.dropFirst(2))", attachment),
            report("sr-2024-12-30-kh-synced2", target: "plan-01#1.2", party: "KH", evidence: ["ev-2024-12-28-synced"]),
            evidence("ev-2024-12-29-figures", date: "2024-12-29", indicator: "cases"),
        ], message: "From another desk")
        #expect(RecordStore.knownDiagnostics(repository: repository, commit: good) == [])
        #expect(try storeStands(at: good))
        #expect(try stored()?.valid == true)
        #expect(try rows("record") == (try RevisionFiles(repository: repository, commit: good).paths().count))
        expectSame(try TrackerSnapshot.load(repository: repository, commit: good),
                   try TrackerSnapshot.load(repository: repository, commit: good, cache: .disabled))

        // Each of these has a problem the new file alone shows; the store does not tell them
        // (a full read names them), and the answer is a full read's.
        let month = existingReport.date.month == 1 ? "02" : "01"
        let cases: [(String, [(String, Data)])] = [
            ("an unknown target", [report("sr-2024-12-31-vn-target", target: "plan-01#99.9")]),
            ("unknown evidence", [report("sr-2024-12-31-vn-cites", evidence: ["ev-2024-nothing"])]),
            ("a report id taken in another month", [(
                "Events/\(existingReport.date.year)/\(month)/\(existingReport.id).yaml",
                Data("id: \(existingReport.id)\ntarget: plan-01#1.1\nstatus: in-progress\ndate: \(existingReport.date.year)-\(month)-15\nparty: VN\n".utf8))]),
            ("an evidence id taken in another year", [evidence(existingEvidence.id.rawValue, date: "2003-05-05")]),
            ("an unknown indicator", [evidence("ev-2024-12-31-figures", date: "2024-12-31", indicator: "no-such-indicator")]),
            ("a missing attachment", [evidence("ev-2024-12-31-noattachment", date: "2024-12-31", attachment: String(repeating: "ab", count: 20))]),
        ]
        for (what, files) in cases {
            let base = try repository.resolve("HEAD")
            _ = try TrackerSnapshot.load(repository: repository, commit: base)
            let commit = try commitElsewhere(files, message: what)
            #expect(RecordStore.knownDiagnostics(repository: repository, commit: commit) == nil, "\(what)")
            let told = try TrackerSnapshot.diagnostics(repository: repository, commit: commit)
            let full = try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled).diagnostics
            #expect(!told.isEmpty && told == full, "\(what)")
            // Back to the good revision for the next case.
            _ = try Command.git(["update-ref", "refs/heads/\(repository.branch)", good.hex], in: folder)
        }
    }

    func parent(of commit: ObjectID) throws -> ObjectID {
        try #require(try repository.commit(commit).parents.first)
    }

    @Test func idsPlacedAtOnceEqualIdsPlacedOneByOne() throws {
        let ids = try TrackerSnapshot.load(repository: repository).reportGroups.ids
        // New ids before, among and after the others; two in one group, the second before the first.
        let batch: [(id: String, place: ReportIDs.Place)] = [
            ("sr-0000-early", .init(group: 0, index: 0)), ("sr-2020-06-01-vn-mid", .init(group: 1, index: 1)),
            ("sr-2020-06-02-vn-mid", .init(group: 1, index: 0)), ("zz-last", .init(group: 2, index: 5)),
        ]
        let oneByOne = batch.reduce(ids) { $0.inserting($1.id, at: $1.place) }
        #expect(ids.inserting(batch).bytes == oneByOne.bytes)
        #expect(ids.inserting(Array(batch.prefix(1))).bytes == ids.inserting(batch[0].id, at: batch[0].place).bytes)
        #expect(ids.inserting([]).bytes == ids.bytes)
    }

    @Test func anEarlierReportTakesItsPlaceInItsGroup() throws {
        // Dated before the target's other reports: the reports after it in its group, and
        // their places in the id table, move down one.
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent)
        let (path, data) = report("sr-2019-01-02-vn-early")
        #expect(try problems([(path, data)], in: snapshot).isEmpty)
        var changes = ChangeSet()
        changes.create(path, data)
        let commit = try repository.apply(changes, message: "An early report", author: author)
        snapshot.storeAppended([path: data], repository: repository, parent: parent, commit: commit)
        #expect(try storeStands(at: commit))
        let stored = try TrackerSnapshot.load(repository: repository, commit: commit)
        expectSame(stored, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
        let target = try #require(QualifiedID("plan-01#1.1"))
        let progress = try #require(TrackerState(stored, asOf: CalendarDate(year: 2030, month: 1, day: 1)!).target(target)?.progress(of: PartyCode("VN")!))
        let ids = progress.reports.map(\.id.rawValue)
        #expect(ids.contains("sr-2019-01-02-vn-early"))
        #expect(ids.last != "sr-2019-01-02-vn-early", "the test needs a report dated after the new one")
        #expect(progress.reports.map(\.date) == progress.reports.map(\.date).sorted())
    }

    @Test func nothingIsStoredWhenAnotherCommitCameBetween() throws {
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent)
        var first = ChangeSet()
        let (path1, data1) = report("sr-2024-12-29-vn-first")
        first.create(path1, data1)
        try repository.apply(first, message: "Another writer", author: author)
        var second = ChangeSet()
        let (path2, data2) = report("sr-2024-12-30-vn-second")
        second.create(path2, data2)
        let commit = try repository.apply(second, message: "This writer", author: author)
        snapshot.storeAppended([path2: data2], repository: repository, parent: parent, commit: commit)
        #expect(try !storeStands(at: commit))
        expectSame(try TrackerSnapshot.load(repository: repository), try TrackerSnapshot.load(repository: repository, cache: .disabled))
    }

    /// The repository's derived store, as the next command would find it.
    var derived: DerivedStore { get throws { try #require(repository.settledDerivedStore) } }

    /// How many rows of `table` the derived store holds.
    func rows(_ table: String) throws -> Int {
        try #require(try derived.access { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") } ?? nil)
    }

    @Test func parsedTextsAreStoredByBlobAndDamagedOnesParsedAgain() throws {
        let head = try repository.resolve("HEAD")
        let entry = try #require(try repository.files(under: "Agreements", at: head).first { $0.path.hasSuffix(".md") })
        let parsed = try InstrumentText.parse(try repository.blob(entry.id), file: "x:\(entry.path)")
        let first = try TextCache(repository: repository).text(entry.id, file: "x:\(entry.path)")
        #expect(first == parsed)
        #expect(try rows("text") == 1)
        // Read back from the store by a new cache, under another label.
        let again = try TextCache(repository: repository).text(entry.id, file: "y:\(entry.path)")
        #expect(again.file == "y:\(entry.path)")
        #expect(again.articles == parsed.articles)
        // A row whose bytes are not a text is parsed again and replaced.
        _ = try derived.access { try $0.execute(sql: "UPDATE text SET body = X'00FF'") }
        #expect(try TextCache(repository: repository).text(entry.id, file: "x:\(entry.path)") == parsed)
        #expect(try rows("text") == 1)
        let body = try #require(try derived.access { try Data.fetchOne($0, sql: "SELECT body FROM text") } ?? nil)
        #expect(body != Data([0x00, 0xFF]))
    }

    @Test func textComparisonsAreStoredAndAnsweredFromTheCache() throws {
        let instrument = try #require(try TrackerSnapshot.load(repository: repository).instruments.first)
        func read() throws -> TextRevisions {
            try TextRevisions.read(instrument.id, languages: instrument.languages, in: repository)
        }
        let first = try read()
        let revised = first.revisions.flatMap(\.languages).filter { $0.kind == .revised }
        #expect(revised.count == 2)
        #expect(try rows("textChange") == 2)
        #expect(try read() == first)
        // A damaged row is compared again and replaced.
        _ = try derived.access { try $0.execute(sql: "UPDATE textChange SET body = X'00FF'") }
        #expect(try read() == first)
        #expect(try derived.access { try Int.fetchOne($0, sql: "SELECT count(*) FROM textChange WHERE body = X'00FF'") } == 0)
        // The stored comparison is what a read answers with: the texts are not compared again.
        let change = try #require(revised.first)
        let cache = TextCache(repository: repository)
        let old = try #require(change.previousBlob), new = try #require(change.blob)
        let known = try #require(cache.change(in: instrument.id, from: old, to: new))
        #expect(known.wordsAdded == change.wordsAdded)
        cache.store(TextChange(articles: known.articles, provisions: known.provisions, wordsAdded: 999, wordsRemoved: 0),
                    in: instrument.id, from: old, to: new)
        // Stored on the store's queue of later writes: the next read is made once it is done.
        try derived.waitForLaterWrites()
        #expect(try read().revisions.flatMap(\.languages).contains { $0.wordsAdded == 999 })
    }
}
