@testable import AccordCore
import Foundation
import GitStore
import GRDB
import SyntheticTracker
import TestSupport
import Testing

/// What `accord log` and `accord evidence add` rely on: a new append-only record checked
/// against the snapshot alone, and the cache of the new revision written from it. The
/// results must equal a full, uncached read.
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

    @Test func theNewRevisionIsCachedAndEqualsAFullRead() throws {
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent)
        let evidence = try #require(snapshot.evidence.last)
        let (path, data) = report("sr-2024-12-30-vn-added", evidence: [evidence.id.rawValue])
        #expect(try problems([(path, data)], in: snapshot).isEmpty)
        var changes = ChangeSet()
        changes.create(path, data)
        let commit = try repository.apply(changes, message: "One more report", author: author)
        snapshot.storeAppended([path: data], repository: repository, parent: parent, commit: commit)

        let store = RecordCache(gitDirectory: repository.gitDirectory)
        let key = try RecordCache.key(of: repository, at: commit)
        let stored = try #require(store.snapshot(for: key), "the new revision's cache file was not written")
        let uncached = try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled)
        expectSame(stored, uncached)
        #expect(stored.reports.count == snapshot.reports.count + 1)
        // Its records part serves the next revision: the added record is found by path.
        #expect(store.latestEntries()[path]?.blob == (try repository.entry(path, at: commit))?.id)
        #expect(try store.records(for: key)?.count == (try RevisionFiles(repository: repository, commit: commit).paths().count))
    }

    /// Commits one new report as `accord log` does (read for a few records, checked,
    /// committed, cached from the snapshot before it) and returns the new commit. Its
    /// evidence and most heads stay encoded, so a whole file written at the end of a chain
    /// copies them as they are.
    @discardableResult
    func logReport(_ number: Int) throws -> ObjectID {
        let parent = try repository.resolve("HEAD")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: parent, use: .few)
        let (path, data) = report("sr-2024-12-\(String(format: "%02d", number % 28 + 1))-vn-chain\(number)")
        #expect(try problems([(path, data)], in: snapshot).isEmpty)
        var changes = ChangeSet()
        changes.create(path, data)
        let commit = try repository.apply(changes, message: "Report \(number)", author: author)
        snapshot.storeAppended([path: data], repository: repository, parent: parent, commit: commit)
        return commit
    }

    var cacheFiles: [URL] {
        PendingCacheWrites.wait()  // a cold read writes its file on another thread
        let folder = repository.gitDirectory.appendingPathComponent("accord/cache/records")
        return ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey])) ?? [])
            .filter { !$0.lastPathComponent.hasPrefix(".") }
    }

    func size(_ url: URL) -> Int { (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }

    @Test func successiveReportsAreCachedAsSmallAppendedFilesThatReadAsAFullRead() throws {
        _ = try TrackerSnapshot.load(repository: repository)
        let whole = try #require(cacheFiles.map(size).max())
        var keys: [String] = []
        for number in 0..<3 {
            let commit = try logReport(number)
            let key = try RecordCache.key(of: repository, at: commit)
            keys.append(key)
            let stored = try #require(RecordCache(gitDirectory: repository.gitDirectory).snapshot(for: key))
            expectSame(stored, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
            #expect(try RecordCache(gitDirectory: repository.gitDirectory).records(for: key)?.count
                == (try RevisionFiles(repository: repository, commit: commit).paths().count))
        }
        // One whole file, and one small file per report, all kept: each rests on the one before.
        #expect(cacheFiles.count == 4)
        #expect(cacheFiles.filter { size($0) * 20 < whole }.count == 3)
        // A file missing from the middle of the chain: the revisions after it are read
        // again from git, and still read the same.
        let middle = repository.gitDirectory.appendingPathComponent("accord/cache/records/\(RecordCache.fileName(of: keys[1]))")
        try FileManager.default.removeItem(at: middle)
        #expect(RecordCache(gitDirectory: repository.gitDirectory).snapshot(for: keys[2]) == nil)
        expectSame(try TrackerSnapshot.load(repository: repository), try TrackerSnapshot.load(repository: repository, cache: .disabled))
    }

    @Test func aCommitAccordDidNotMakeIsAppendedWhenItOnlyAddsReports() throws {
        _ = try TrackerSnapshot.load(repository: repository)
        let whole = try #require(cacheFiles.map(size).max())
        // Two reports committed by someone else (as a pull or `git commit` brings them):
        // no cache file is written for the new revision by the writer.
        let evidence = try #require(try TrackerSnapshot.load(repository: repository, cache: .disabled).evidence.last)
        var changes = ChangeSet()
        for (path, data) in [report("sr-2024-12-29-vn-outside1", evidence: [evidence.id.rawValue]),
                             report("sr-2024-12-30-kh-outside2", target: "plan-01#1.2", party: "KH")] {
            changes.create(path, data)
        }
        let commit = try repository.apply(changes, message: "From another desk", author: author)
        let loaded = try TrackerSnapshot.load(repository: repository, commit: commit)
        expectSame(loaded, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
        // The next read reads a small appended file, not a whole one.
        #expect(cacheFiles.count == 2)
        #expect(cacheFiles.filter { size($0) * 20 < whole }.count == 1)
        let key = try RecordCache.key(of: repository, at: commit)
        let stored = try #require(RecordCache(gitDirectory: repository.gitDirectory).snapshot(for: key))
        expectSame(stored, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))

        // A change that is not an added report (an edited report) is read in full, and equal.
        var edit = ChangeSet()
        let (path, data) = report("sr-2024-12-29-vn-outside1")
        edit.write(path, data)
        let edited = try repository.apply(edit, message: "An edit", author: author)
        expectSame(try TrackerSnapshot.load(repository: repository, commit: edited),
                   try TrackerSnapshot.load(repository: repository, commit: edited, cache: .disabled))
        #expect(cacheFiles.filter { size($0) * 20 >= whole }.count == 2)

        // A report with a problem (an unknown target) is not appended: read in full, problems and all.
        var bad = ChangeSet()
        let (badPath, badData) = report("sr-2024-12-31-vn-outside3", target: "plan-01#99.9")
        bad.create(badPath, badData)
        let broken = try repository.apply(bad, message: "A bad report", author: author)
        let read = try TrackerSnapshot.load(repository: repository, commit: broken)
        expectSame(read, try TrackerSnapshot.load(repository: repository, commit: broken, cache: .disabled))
        #expect(!read.isValid)
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

    @Test func aLongChainIsWrittenWholeAgainAndTheFilesBehindItDropped() throws {
        _ = try TrackerSnapshot.load(repository: repository)
        var last = try repository.resolve("HEAD")
        for number in 0...RecordCache.maximumChain { last = try logReport(number) }
        let key = try RecordCache.key(of: repository, at: last)
        let store = RecordCache(gitDirectory: repository.gitDirectory)
        let newest = try #require(cacheFiles.first { $0.lastPathComponent == RecordCache.fileName(of: key) })
        #expect(size(newest) * 20 > (cacheFiles.map(size).max() ?? 0), "the newest file is whole")
        expectSame(try #require(store.snapshot(for: key)), try TrackerSnapshot.load(repository: repository, commit: last, cache: .disabled))
        #expect(try store.records(for: key)?.count == (try RevisionFiles(repository: repository, commit: last).paths().count))
        #expect(store.latestEntries().count == (try RevisionFiles(repository: repository, commit: last).paths().count))
        // The newest three files are kept with what they rest on: two more reports, and the
        // old chain is no longer needed.
        for number in 100..<102 { last = try logReport(number) }
        #expect(cacheFiles.count == 3)
        expectSame(try TrackerSnapshot.load(repository: repository), try TrackerSnapshot.load(repository: repository, cache: .disabled))
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
        let key = try RecordCache.key(of: repository, at: commit)
        let stored = try #require(RecordCache(gitDirectory: repository.gitDirectory).snapshot(for: key))
        expectSame(stored, try TrackerSnapshot.load(repository: repository, commit: commit, cache: .disabled))
        let target = try #require(QualifiedID("plan-01#1.1"))
        let progress = try #require(TrackerState(stored, asOf: CalendarDate(year: 2030, month: 1, day: 1)!).target(target)?.progress(of: PartyCode("VN")!))
        let ids = progress.reports.map(\.id.rawValue)
        #expect(ids.contains("sr-2019-01-02-vn-early"))
        #expect(ids.last != "sr-2019-01-02-vn-early", "the test needs a report dated after the new one")
        #expect(progress.reports.map(\.date) == progress.reports.map(\.date).sorted())
    }

    @Test func nothingIsCachedWhenAnotherCommitCameBetween() throws {
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
        let key = try RecordCache.key(of: repository, at: commit)
        #expect(RecordCache(gitDirectory: repository.gitDirectory).snapshot(for: key) == nil)
        expectSame(try TrackerSnapshot.load(repository: repository), try TrackerSnapshot.load(repository: repository, cache: .disabled))
    }

    /// The derived store of the test repository, opened as the caches open it.
    var derived: DerivedStore { get throws { try #require(DerivedStore.open(gitDirectory: repository.gitDirectory)) } }

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
        #expect(try read().revisions.flatMap(\.languages).contains { $0.wordsAdded == 999 })
    }
}
