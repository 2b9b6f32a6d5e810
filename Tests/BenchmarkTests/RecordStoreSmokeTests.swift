@testable import AccordCore
import Foundation
import GitStore
import GRDB
import SyntheticTracker
import TestSupport
import Testing

/// The benchmark's data at a tiny scale, loaded with and without the derived store's
/// records: the answers must be the same whatever state the store is in. No timing is
/// asserted.
@Suite struct RecordStoreSmokeTests {
    /// Removed with the suite instance, when the test ends.
    let scratch: ScratchFolder
    let folder: URL
    let repository: Repository

    init() throws {
        scratch = try ScratchFolder()
        folder = scratch.path("repository.git")
        repository = try Repository.create(at: folder, bare: true)
        try SyntheticTracker(scale: .tiny, seed: 8).write(to: repository)
    }

    var storeFile: URL { DerivedStore.location(gitDirectory: repository.gitDirectory) }

    /// The repository's derived store, as the next command would find it.
    var derived: DerivedStore { get throws { try #require(repository.settledDerivedStore) } }

    /// The key the stored records stand at, if any.
    func storedKey() throws -> String? {
        try derived.access { try String.fetchOne($0, sql: "SELECT trackerKey FROM recordState") } ?? nil
    }

    /// Whether the store holds the records of the branch tip, checked.
    func readable() throws -> Bool {
        let key = try RecordStore.key(of: repository, at: repository.resolve("HEAD")).text
        let checked = try derived.access { try Int.fetchOne($0, sql: "SELECT count(*) FROM recordState WHERE trackerKey = ? AND diagnostics IS NOT NULL", arguments: [key]) } ?? nil
        return checked == 1
    }

    /// How many rows the store holds.
    func rows() throws -> Int {
        try #require(try derived.access { try Int.fetchOne($0, sql: "SELECT count(*) FROM record") } ?? nil)
    }

    /// A VN report `id` (dated 2024-12-30) that `target` is implemented: its path and bytes.
    func report(_ id: String, on target: String) -> (String, Data) {
        ("Events/2024/12/\(id).yaml",
         Data("id: \(id)\ntarget: \(target)\nstatus: implemented\ndate: 2024-12-30\nparty: VN\n".utf8))
    }

    /// Loads uncached, then through the store twice (a miss that writes, then a hit), and
    /// checks all agree.
    func expectCachedEqualsUncached(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        for _ in 0..<2 {
            let cached = try TrackerSnapshot.load(repository: repository)
            expectSame(cached, uncached, sourceLocation: sourceLocation)
        }
    }

    @Test func cachedAndUncachedLoadsAgree() throws {
        try expectCachedEqualsUncached()
        let snapshot = try TrackerSnapshot.load(repository: repository)
        #expect(snapshot.isValid)
        #expect(snapshot.reports.count == 200)
        #expect(try rows() == (try RevisionFiles(repository: repository, commit: repository.resolve("HEAD")).files.count))
        #expect(try readable())
    }

    @Test func aDamagedRowIsReadAgainFromGit() throws {
        try expectCachedEqualsUncached()
        let id = try #require(try TrackerSnapshot.load(repository: repository, cache: .disabled).reports.first).path
        _ = try derived.access { try $0.execute(sql: "UPDATE record SET body = X'00FF' WHERE path = ?", arguments: [id]) }
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    /// An instrument text is read from the store undecoded, and decoded when asked for; a
    /// text row that no longer decodes is then parsed from git.
    @Test func aDamagedTextRowIsReadAgainFromGitWhenTheTextsAreAskedFor() throws {
        try expectCachedEqualsUncached()
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        let path = try #require(try derived.access {
            try String.fetchOne($0, sql: "SELECT path FROM record WHERE path LIKE 'Agreements/%.md' ORDER BY path")
        } ?? nil)
        _ = try derived.access { try $0.execute(sql: "UPDATE record SET body = X'00FF' WHERE path = ?", arguments: [path]) }
        let cached = try TrackerSnapshot.load(repository: repository)
        #expect(!cached.textShelf.isMade)
        #expect(!cached.texts.isEmpty)
        expectSame(cached, uncached)
        // Scoped, and at an earlier date, the same.
        let target = try #require(uncached.targets.first { $0.id.owner.hasPrefix("plan") }).id
        let scoped = try #require(TrackerSnapshot.load(repository: repository, commit: repository.resolve("HEAD"), reportsOn: .target(target)))
        #expect(scoped.texts == uncached.texts)
        let day = CalendarDate(year: 2020, month: 1, day: 1)!
        #expect(cached.inForce(on: day).texts == uncached.inForce(on: day).texts)
    }

    /// A report's row that holds another report's bytes (a plausible file, but not the one
    /// its blob id names) is not believed.
    @Test func aRowHoldingAnotherFilesBytesIsReadAgainFromGit() throws {
        try expectCachedEqualsUncached()
        let reports = try TrackerSnapshot.load(repository: repository, cache: .disabled).reports
        let (first, second) = (try #require(reports.first).path, try #require(reports.last).path)
        _ = try derived.access {
            try $0.execute(sql: "UPDATE record SET body = (SELECT body FROM record WHERE path = ?) WHERE path = ?",
                           arguments: [second, first])
        }
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    /// A report's stored head (what a read files it by without parsing it) that says what
    /// its file does not, another status, or another report's head, is not believed.
    @Test func aReportHeadThatDoesNotMatchItsFileIsReadAgainFromGit() throws {
        try expectCachedEqualsUncached()
        let reports = try TrackerSnapshot.load(repository: repository, cache: .disabled).reports
        let (first, last) = (try #require(reports.first), try #require(reports.last))
        let head = try #require(try derived.access { try String.fetchOne($0, sql: "SELECT head FROM record WHERE path = ?", arguments: [first.path]) } ?? nil)
        var fields = head.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        #expect(fields[4] == first.status.rawValue)
        fields[4] = first.status == .implemented ? Status.notStarted.rawValue : Status.implemented.rawValue
        _ = try derived.access {
            try $0.execute(sql: "UPDATE record SET head = ? WHERE path = ?", arguments: [fields.joined(separator: "\u{1F}"), first.path])
        }
        try expectCachedEqualsUncached()
        _ = try derived.access {
            try $0.execute(sql: "UPDATE record SET head = (SELECT head FROM record WHERE path = ?) WHERE path = ?", arguments: [first.path, last.path])
        }
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    /// A read of a checked revision from the store files the reports by their heads and
    /// parses none until one is looked at; the state it folds is a full read's.
    @Test func aStoredReadParsesNoReportUntilOneIsLookedAt() throws {
        try expectCachedEqualsUncached()
        let snapshot = try TrackerSnapshot.load(repository: repository)
        let groups = snapshot.reportGroups.groups.filter { $0.count > 0 }
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { !$0.isParsed })
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        let asOf = CalendarDate(year: 2022, month: 6, day: 30)!
        #expect(stateSummary(TrackerState(snapshot, asOf: asOf).targets) == stateSummary(TrackerState(uncached, asOf: asOf).targets))
        #expect(snapshot.reports == uncached.reports)
        #expect(groups.allSatisfy { $0.isParsed })
    }

    /// A read of a checked revision from the store knows the evidence by its heads and
    /// parses no piece until one is looked at; the state it folds is a full read's, and the
    /// evidence, once asked for, a full read's too.
    @Test func aStoredReadParsesNoEvidenceUntilOneIsLookedAt() throws {
        try expectCachedEqualsUncached()
        let snapshot = try TrackerSnapshot.load(repository: repository)
        #expect(snapshot.evidenceCount > 0)
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        let asOf = CalendarDate(year: 2022, month: 6, day: 30)!
        let state = TrackerState(snapshot, asOf: asOf), expected = TrackerState(uncached, asOf: asOf)
        #expect(stateSummary(state.targets) == stateSummary(expected.targets))
        #expect(state.targets.map { $0.parties.map(\.evidence.ids) } == expected.targets.map { $0.parties.map(\.evidence.ids) })
        #expect(state.targets.map(\.marks) == expected.targets.map(\.marks))
        #expect(!snapshot.evidenceStore.isParsed)
        // One piece looked at is parsed alone.
        let target = try #require(state.targets.first { $0.parties.contains { !$0.evidence.isEmpty } })
        let some = try #require(target.parties.first { !$0.evidence.isEmpty })
        #expect(some.evidence.map(\.title) == (expected.target(target.target.id)?.progress(of: some.party)?.evidence.map(\.title)))
        #expect(!snapshot.evidenceStore.isParsed)
        #expect(snapshot.evidence == uncached.evidence)
        #expect(snapshot.evidenceStore.isParsed)
    }

    /// A piece of evidence whose row holds another piece's bytes, or whose head says what its
    /// file does not, is not believed.
    @Test func anEvidenceRowThatDoesNotMatchItsFileIsReadAgainFromGit() throws {
        try expectCachedEqualsUncached()
        let evidence = try TrackerSnapshot.load(repository: repository, cache: .disabled).evidence
        let (first, last) = (try #require(evidence.first).path, try #require(evidence.last).path)
        _ = try derived.access {
            try $0.execute(sql: "UPDATE record SET body = (SELECT body FROM record WHERE path = ?) WHERE path = ?", arguments: [last, first])
        }
        try expectCachedEqualsUncached()
        _ = try derived.access {
            try $0.execute(sql: "UPDATE record SET head = (SELECT head FROM record WHERE path = ?) WHERE path = ?", arguments: [last, first])
        }
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    /// A command that looks at every group (a summary) gets the reports' bytes in one pass
    /// after the first groups; a row damaged after the read is then read from git. On the
    /// example, whose 72 groups of reports pass the one-by-one fetches.
    @Test func everyGroupLookedAtGivesAFullReadsReports() throws {
        let example = try Repository.create(at: scratch.path("example.git"), bare: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let commit = try #require(try ExampleHistory(ExampleFiles(root: root)).write(into: example))
        _ = try TrackerSnapshot.load(repository: example, commit: commit)
        let snapshot = try TrackerSnapshot.load(repository: example, commit: commit)
        let groups = snapshot.reportGroups.groups.filter { $0.count > 0 }
        #expect(groups.count > 40, "too few groups to pass the one-by-one fetches: \(groups.count)")
        #expect(groups.allSatisfy { !$0.isParsed })
        let uncached = try TrackerSnapshot.load(repository: example, commit: commit, cache: .disabled)
        let last = try #require(groups.last?.entries.last)
        let store = try #require(DerivedStore.open(gitDirectory: example.gitDirectory))
        _ = store.access { try $0.execute(sql: "UPDATE record SET body = X'00FF' WHERE path = ?", arguments: [last.path]) }
        #expect(snapshot.reports == uncached.reports)
        #expect(groups.allSatisfy { $0.isParsed })
    }

    @Test func damagedStoreFilesAreReadAsNoStore() throws {
        try expectCachedEqualsUncached()
        let good = try Data(contentsOf: storeFile)
        for (name, bytes) in DamagedFile.variants(of: good) {
            // What this process holds open is let go, as a new command would start.
            try derived.reset()
            try bytes.write(to: storeFile)
            let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
            expectSame(try TrackerSnapshot.load(repository: repository), uncached)
            expectSame(try TrackerSnapshot.load(repository: repository), uncached)
            #expect(try readable(), "\(name)")
        }
    }

    @Test func anotherVersionOfTheRecordsIsReadAgain() throws {
        try expectCachedEqualsUncached()
        let key = try #require(try storedKey())
        _ = try derived.access { try $0.execute(sql: "UPDATE recordState SET trackerKey = ?", arguments: ["v0" + key.drop { $0 != " " }]) }
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    @Test func aReadWithAnotherProcessWritingGivesTheSameAnswers() throws {
        try expectCachedEqualsUncached()
        // Another connection holds the write lock: reads still answer, from the store or from git.
        var changes = ChangeSet()
        let (path, data) = report("sr-2024-12-30-vn-locked", on: "plan-01#1.1")
        changes.write(path, data)
        try repository.apply(changes, message: "A report while locked", author: Signature(name: "Test", email: "test@example.org", date: Date()))
        let other = try DatabaseQueue(path: storeFile.path)
        try other.inTransaction(.immediate) { _ in
            try expectCachedEqualsUncached()
            return .rollback
        }
        // Once the other writer is done, the store follows the new commit.
        try expectCachedEqualsUncached()
        #expect(try readable())
    }

    @Test func reportsAreFoundByTargetAndByCitedEvidence() throws {
        try expectCachedEqualsUncached()
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        let cached = try TrackerSnapshot.load(repository: repository)
        #expect(cached.reportCount == uncached.reports.count)
        let target = try #require(uncached.reports.first).target
        #expect(cached.reports(onTargets: { $0 == target }).map(\.id) == uncached.reports.filter { $0.target == target }.map(\.id))
        #expect(cached.reports(onTargets: { $0.owner == target.owner }).map(\.id)
            == uncached.reports.filter { $0.target.owner == target.owner }.map(\.id))
        let cited = try #require(uncached.reports.first { !$0.evidence.isEmpty }?.evidence.first)
        let citing = uncached.reports.filter { $0.evidence.contains(cited) }.map(\.id)
        #expect(!citing.isEmpty)
        #expect(cached.reports(citing: cited).map(\.id) == citing)
    }

    @Test func evidenceIsFoundByIDAndOwner() throws {
        try expectCachedEqualsUncached()
        let uncached = try TrackerSnapshot.load(repository: repository, cache: .disabled)
        let head = try repository.resolve("HEAD")
        let asOf = CalendarDate(year: 2022, month: 6, day: 30)!
        // The state of a few owners, as `show` folds it, from evidence decoded piece by piece.
        let owners = Set(uncached.targets.map(\.id.owner).prefix(3))
        let few = try TrackerSnapshot.load(repository: repository, commit: head)
        #expect(stateSummary(TrackerState(few, asOf: asOf, owners: owners).targets)
            == stateSummary(TrackerState(uncached, asOf: asOf).targets.filter { owners.contains($0.target.id.owner) }))
        #expect(few.evidenceCount == uncached.evidence.count)
        for item in uncached.evidence {
            #expect(few.evidence(item.id) == uncached.evidence.first { $0.id == item.id })
            #expect(few.evidence(withID: item.id) == uncached.evidence.filter { $0.id == item.id })
        }
        #expect(few.evidence(RecordID("ev-2001-01-01-none")!) == nil)
        for owner in Set(uncached.targets.map(\.id.owner)) {
            let supporting = uncached.evidence.filter { $0.supports.contains { $0.owner == owner } }
            #expect(few.evidenceHeads(supportingTargetsOf: [owner]) == supporting.map(StoredEvidenceHead.init))
            #expect(uncached.evidenceHeads(supportingTargetsOf: [owner]) == supporting.map(StoredEvidenceHead.init))
        }
        #expect(uncached.evidence.count > 10)
        // Asked for whole, it is the same list.
        #expect(few.evidence == uncached.evidence)
    }

    /// A report's target as the store knows it without reading the tracker: that of every
    /// report, and none for an id filed under another date, an id no report has, or a store
    /// that stands at another revision.
    @Test func aReportsTargetIsKnownFromItsStoredHead() throws {
        let head = try repository.resolve("HEAD")
        #expect(TrackerSnapshot.storedTarget(ofReport: "sr-2024-12-30-vn-x", repository: repository, commit: head) == nil,
                "nothing is stored yet")
        let snapshot = try TrackerSnapshot.load(repository: repository, commit: head)
        let reports = snapshot.reports
        #expect(reports.count > 100)
        for report in reports {
            #expect(TrackerSnapshot.storedTarget(ofReport: report.id.rawValue, repository: repository, commit: head) == report.target)
        }
        #expect(TrackerSnapshot.storedTarget(ofReport: "sr-2024-12-30-vn-none", repository: repository, commit: head) == nil)
        // A report whose id names another day than the one it is filed under.
        var changes = ChangeSet()
        let (path, data) = report("sr-2024-11-02-vn-moved", on: reports[0].target.description)
        changes.write(path, data)
        let added = try repository.apply(changes, message: "A report dated elsewhere",
                                         author: Signature(name: "Test", email: "test@example.org", date: Date()))
        #expect(TrackerSnapshot.storedTarget(ofReport: reports[0].id.rawValue, repository: repository, commit: added) == nil,
                "the store stands at the revision before")
        _ = try TrackerSnapshot.load(repository: repository, commit: added)
        #expect(TrackerSnapshot.storedTarget(ofReport: reports[0].id.rawValue, repository: repository, commit: added) == reports[0].target)
        #expect(TrackerSnapshot.storedTarget(ofReport: "sr-2024-11-02-vn-moved", repository: repository, commit: added) == nil)
    }

    @Test func aReportOnNoKnownTargetIsOutlinedToo() throws {
        var changes = ChangeSet()
        let (path, data) = report("sr-2024-12-30-vn-elsewhere", on: "plan-99#1.1")
        changes.write(path, data)
        try repository.apply(changes, message: "A report on no known target", author: Signature(name: "Test", email: "test@example.org", date: Date()))
        try expectCachedEqualsUncached()
        let outline = try #require(try TrackerSnapshot.load(repository: repository).reportOutline("sr-2024-12-30-vn-elsewhere"))
        #expect(outline.target.description == "plan-99#1.1")
        #expect(outline.path == "Events/2024/12/sr-2024-12-30-vn-elsewhere.yaml")
    }

    @Test func newAndBrokenRecordsAreParsedAndReportedTheSame() throws {
        try expectCachedEqualsUncached()
        var changes = ChangeSet()
        let (path, data) = report("sr-2024-12-30-vn-new", on: "plan-01#1.1")
        changes.write(path, data)
        changes.write("Events/2024/12/sr-2024-12-31-vn-broken.yaml", Data("id: sr-2024-12-31-vn-broken\nstatus: done\n".utf8))
        try repository.apply(changes, message: "Two more reports", author: Signature(name: "Test", email: "test@example.org", date: Date()))
        try expectCachedEqualsUncached()
        let snapshot = try TrackerSnapshot.load(repository: repository)
        #expect(snapshot.reports.count == 201)
        #expect(!snapshot.diagnostics.isEmpty)
        #expect(try readable())
    }
}

/// Compares everything a command can read from a snapshot and from its state.
func expectSame(_ a: TrackerSnapshot, _ b: TrackerSnapshot, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.settings == b.settings, sourceLocation: sourceLocation)
    #expect(a.instruments == b.instruments, sourceLocation: sourceLocation)
    #expect(a.texts == b.texts, sourceLocation: sourceLocation)
    #expect(a.plans == b.plans, sourceLocation: sourceLocation)
    #expect(a.evidence == b.evidence, sourceLocation: sourceLocation)
    #expect(a.reports == b.reports, sourceLocation: sourceLocation)
    #expect(a.meetings == b.meetings, sourceLocation: sourceLocation)
    #expect(a.targets == b.targets, sourceLocation: sourceLocation)
    #expect(a.attachments == b.attachments, sourceLocation: sourceLocation)
    #expect(a.diagnostics == b.diagnostics, sourceLocation: sourceLocation)
    let asOf = CalendarDate(year: 2022, month: 6, day: 30)!
    let stateA = TrackerState(a, asOf: asOf), stateB = TrackerState(b, asOf: asOf)
    let summary = stateSummary
    #expect(summary(stateA.targets) == summary(stateB.targets), sourceLocation: sourceLocation)
    // A state folded for a few owners only (as `accord show` folds it) holds their targets,
    // exactly as the whole state has them.
    let owners = Set(b.targets.map(\.id.owner).prefix(2) + (b.targets.last.map { [$0.id.owner] } ?? []))
    #expect(summary(TrackerState(a, asOf: asOf, owners: owners).targets)
        == summary(stateB.targets.filter { owners.contains($0.target.id.owner) }), sourceLocation: sourceLocation)
    #expect(!owners.isEmpty, sourceLocation: sourceLocation)
    // Every report in brief, as the id table and the groups give it without decoding.
    for report in b.reports {
        #expect(a.reportOutline(report.id.rawValue) == ReportOutline(report), sourceLocation: sourceLocation)
        #expect(b.reportOutline(report.id.rawValue) == ReportOutline(report), sourceLocation: sourceLocation)
        #expect(a.report(report.id.rawValue) == report, sourceLocation: sourceLocation)
    }
    #expect(a.reportOutline("sr-no-such-report") == nil, sourceLocation: sourceLocation)
    #expect(a.report("sr-no-such-report") == nil, sourceLocation: sourceLocation)
    #expect(a.reportCount(through: asOf) == b.reports.filter { $0.date <= asOf }.count, sourceLocation: sourceLocation)
    #expect(a.reportCount(through: asOf) > 0 && a.reportCount(through: asOf) < b.reports.count, sourceLocation: sourceLocation)
}

/// Each party's standing on each target, with its reports and evidence, one line each.
func stateSummary(_ targets: [TargetState]) -> [String] {
    targets.flatMap { target in
        target.parties.map { "\(target.target.id) \($0.party) \($0.status) \($0.isOverdue) \($0.reports.map(\.id)) \($0.evidence.map(\.id))" }
    }
}
