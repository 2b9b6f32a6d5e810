import AccordCore
import Foundation
import GitStore
import TestSupport
import Testing

/// The tracker read for recording a report on one target (its reports alone, the others
/// known by id through the derived store) answers what recording asks as the whole tracker
/// does, and is not had when the store cannot stand in for the rest.
@Suite(.scratchFolder) struct RecordingReadTests {
    let repository: Repository
    let tip: ObjectID
    static let target = QualifiedID("tip-2005#4.1")!
    static let other = QualifiedID("tip-2005#5.1")!
    static let author = Signature(name: "Test", email: "test@example.org", date: Date(timeIntervalSince1970: 1_500_000_000))

    /// The fixture with reports on 4.1 (both parties) and on 5.1, one of them retracted.
    init() throws {
        repository = try Repository.create(at: try ScratchFolder.current.url, bare: true)
        var fixture = TrackerFixture.valid
        for (id, target, party, date) in [("sr-2017-03-01-kh", "tip-2005#4.1", "KH", "2017-03-01"),
                                          ("sr-2018-05-02-vn", "tip-2005#4.1", "VN", "2018-05-02"),
                                          ("sr-2017-04-01-vn", "tip-2005#5.1", "VN", "2017-04-01"),
                                          ("sr-2019-01-09-vn", "tip-2005#5.1", "VN", "2019-01-09")] {
            let (path, text) = TrackerFixture.report(id, target: target, status: "in-progress", date: date, party: party)
            fixture[path] = text
        }
        fixture["Withdrawals/2019/wd-2019-02-01-a.yaml"] = "id: wd-2019-02-01-a\nwithdraws: sr-2019-01-09-vn\ndate: 2019-02-01\nreason: A mistake.\n"
        var changes = ChangeSet()
        for (path, data) in fixture.files { changes.write(path, data) }
        tip = try repository.apply(changes, message: "A tracker", author: Self.author)
    }

    /// The whole tracker through the store (which leaves the store at `tip`), and the one
    /// read for recording on 4.1.
    func both() throws -> (whole: TrackerSnapshot, recording: TrackerSnapshot) {
        let whole = try TrackerSnapshot.load(repository: repository, commit: tip)
        let recording = try #require(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .target(Self.target)))
        return (whole, recording)
    }

    @Test func itIsHadOnlyWhenTheStoreStandsAtTheRevisionWithoutProblems() throws {
        // No store yet: the caller must read everything.
        #expect(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .target(Self.target)) == nil)
        _ = try TrackerSnapshot.load(repository: repository, commit: tip)
        #expect(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .target(Self.target)) != nil)
        // A revision with a problem: its reports cannot be vouched for by id alone.
        var bad = ChangeSet()
        bad.create("Events/2019/03/sr-2019-03-03-vn.yaml", Data("id: sr-2019-03-03-vn\ntarget: tip-2005#9.9\nstatus: implemented\ndate: 2019-03-03\nparty: VN\n".utf8))
        let broken = try repository.apply(bad, message: "A bad report", author: Self.author)
        _ = try TrackerSnapshot.load(repository: repository, commit: broken)
        #expect(TrackerSnapshot.load(repository: repository, commit: broken, reportsOn: .target(Self.target)) == nil)
        // The store now stands elsewhere: not had for `tip` either.
        #expect(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .target(Self.target)) == nil)
    }

    @Test func itHoldsTheTargetsReportsAndKnowsEveryOtherByID() throws {
        let (whole, recording) = try both()
        #expect(recording.reports(onTargets: { $0 == Self.target }).map(\.id) == whole.reports(onTargets: { $0 == Self.target }).map(\.id))
        #expect(recording.reports(onTargets: { $0 == Self.other }).isEmpty)
        for report in whole.reports {
            let known = recording.hasReport(report.id.rawValue)
            #expect(known, "\(report.id)")
        }
        let unknown = recording.hasReport("sr-2019-01-09-vn-x")
        #expect(!unknown)
        #expect(!whole.hasReport("sr-2019-01-09-vn-x"))
        #expect(recording.evidence.map(\.id) == whole.evidence.map(\.id))
        #expect(recording.withdrawals.map(\.id) == whole.withdrawals.map(\.id))
    }

    @Test func aNewReportIsCheckedAndTellsWhatItChangesAsAgainstTheWholeTracker() throws {
        let (whole, recording) = try both()
        // A new report, and one given the id of a report on the other target in a file of
        // another name: the same problems (none; the repeated id, naming the file with it).
        let (newPath, new) = TrackerFixture.report("sr-2018-06-01-vn", target: "tip-2005#4.1", status: "in-progress",
                                                   date: "2018-06-01", party: "VN")
        let (_, clash) = TrackerFixture.report("sr-2017-04-01-vn", target: "tip-2005#4.1", status: "implemented",
                                               date: "2017-04-01", party: "VN")
        let clashPath = "Events/2017/04/sr-2017-04-01-vn-b.yaml"
        for (path, text) in [(newPath, new), (clashPath, clash)] {
            let files = [path: Data(text.utf8)]
            let expected = try whole.problems(adding: files, repository: repository, commit: tip).map(\.description)
            #expect(try recording.problems(adding: files, repository: repository, commit: tip).map(\.description) == expected)
            #expect(expected.isEmpty == (path == newPath))
            if path == clashPath { #expect(expected.contains { $0.contains("Events/2017/04/sr-2017-04-01-vn.yaml") }) }
        }
        // What the report changes: nothing, as the whole tracker tells, when VN's status stays.
        let today = CalendarDate("2020-01-01")!
        for status in [Status.inProgress, .implemented] {
            let report = StatusReport(id: RecordID("sr-2018-06-01-vn")!, target: Self.target, status: status,
                                      date: CalendarDate("2018-06-01")!, party: PartyCode("VN")!)
            #expect(recording.changesNothing(report, asOf: today) == whole.changesNothing(report, asOf: today))
        }
        // A request given the id of a report on the other target first asks for another.
        var offered = ["sr-2017-04-01-vn", "sr-2018-06-01-vn-z"]
        func nextID(_: CalendarDate, _: PartyCode) -> RecordID { RecordID(offered.removeFirst())! }
        let request = StatusReportRequest(target: "tip-2005#4.1", status: .inProgress, date: CalendarDate("2018-06-01")!,
                                          party: PartyCode("VN")!)
        let made = try request.report(in: recording, resolver: IDResolver(recording), today: today, id: nextID)
        #expect(made.id.rawValue == "sr-2018-06-01-vn-z")
    }

    @Test func itKnowsTheRevisionsReportsWhenTheStoreHasMovedOn() throws {
        let (_, recording) = try both()
        var more = ChangeSet()
        let (path, text) = TrackerFixture.report("sr-2019-05-05-kh", target: "tip-2005#5.1", status: "implemented",
                                                 date: "2019-05-05", party: "KH")
        more.create(path, Data(text.utf8))
        let next = try repository.apply(more, message: "One more", author: Self.author)
        _ = try TrackerSnapshot.load(repository: repository, commit: next)
        // Answered from the tree of the revision read, not from the store's newer rows.
        let before = recording.hasReport("sr-2017-04-01-vn"), after = recording.hasReport("sr-2019-05-05-kh")
        #expect(before)
        #expect(!after)
    }

    @Test func fullIDsResolveAsAmongEveryReportAndShortFormsAreLeftToTheCatalog() throws {
        let (whole, recording) = try both()
        let (all, some) = (IDResolver(whole), IDResolver(recording))
        for typed in [" TIP-2005#4.1 ", "tip-2005#5.1", "tip-2005", "tip-2005#4", "plan-2017-2020", "2016-10-05-review",
                      "ev-2016-review", "sr-2017-04-01-vn", "sr-2017-03-01-kh"] {
            let expected = try all.resolve(typed)
            #expect(some.resolveWithoutCatalog(typed) == expected, "\(typed)")
            #expect(all.resolveWithoutCatalog(typed) == expected, "\(typed)")
        }
        for typed in ["4.1", "ev-2016", "sr-2017", "tip-2005#9.9"] {
            #expect(some.resolveWithoutCatalog(typed) == nil, "\(typed)")
        }
    }

    @Test func readForAnOwnerItHoldsTheReportsOnEachOfItsTargets() throws {
        let whole = try TrackerSnapshot.load(repository: repository, commit: tip)
        let shown = try #require(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .owner("tip-2005")))
        #expect(shown.reports.map(\.id) == whole.reports.filter { $0.target.owner == "tip-2005" }.map(\.id))
        #expect(!shown.reports.isEmpty)
        let none = try #require(TrackerSnapshot.load(repository: repository, commit: tip, reportsOn: .owner("plan-2017-2020")))
        #expect(none.reports.isEmpty)
        let known = none.hasReport("sr-2017-04-01-vn")
        #expect(known)
        let at = Set(["tip-2005"])
        let state = TrackerState(shown, asOf: CalendarDate("2020-01-01")!, owners: at)
        let expected = TrackerState(whole, asOf: CalendarDate("2020-01-01")!, owners: at)
        for target in expected.targets {
            #expect(state.target(target.target.id)?.parties.map(\.status) == target.parties.map(\.status), "\(target.target.id)")
            #expect(state.target(target.target.id)?.parties.map(\.reports.count) == target.parties.map(\.reports.count))
        }
    }

    /// Read for an owner or a target, the evidence held is what supports a target of the
    /// owner (whichever way its file writes the target), what a report read cites, and what
    /// the caller says a new report will cite; no other.
    @Test func itHoldsTheEvidenceOfTheOwnersTargetsAndWhatItsReportsCite() throws {
        var changes = ChangeSet()
        func evidence(_ id: String, supports: String) {
            changes.create("Evidence/2017/\(id).yaml", Data("id: \(id)\nkind: report\ntitle: \(id)\ndate: 2017-05-01\nsupports: \(supports)\n".utf8))
        }
        evidence("ev-2017-plan-cited", supports: "[plan-2017-2020#1.1]")
        evidence("ev-2017-plan-other", supports: "[plan-2017-2020#1.1]")
        // Named by a withdrawal (withdrawn, and its replacement): held whatever the scope.
        evidence("ev-2017-plan-withdrawn", supports: "[plan-2017-2020#1.1]")
        evidence("ev-2017-plan-replacement", supports: "[plan-2017-2020#1.1]")
        changes.create("Withdrawals/2017/wd-2017-07-01-a.yaml", Data("""
            id: wd-2017-07-01-a
            withdraws: ev-2017-plan-withdrawn
            replaced-by: ev-2017-plan-replacement
            date: 2017-07-01
            reason: A mistake.

            """.utf8))
        // A target written with a YAML escape: its owner's name is not in the file's bytes.
        evidence("ev-2017-escaped", supports: #"["tip\u002D2005#5.1"]"#)
        let (path, text) = TrackerFixture.report("sr-2017-06-01-vn", target: "tip-2005#4.1", status: "in-progress",
                                                 date: "2017-06-01", party: "VN")
        changes.create(path, Data((text + "evidence: [ev-2017-plan-cited]\n").utf8))
        let commit = try repository.apply(changes, message: "Evidence on the plan", author: Self.author)
        let whole = try TrackerSnapshot.load(repository: repository, commit: commit)
        try #require(whole.isValid, "\(whole.diagnostics)")
        #expect(whole.evidence(RecordID("ev-2017-escaped")!)?.supports == [QualifiedID("tip-2005#5.1")!])
        #expect(whole.evidence.count == 6)

        let named: Set = ["ev-2017-plan-withdrawn", "ev-2017-plan-replacement"]
        let shown = try #require(TrackerSnapshot.load(repository: repository, commit: commit, reportsOn: .owner("tip-2005")))
        #expect(Set(shown.evidence.map(\.id.rawValue)) == named.union(["ev-2016-review", "ev-2017-escaped", "ev-2017-plan-cited"]))
        let recording = try #require(TrackerSnapshot.load(repository: repository, commit: commit, reportsOn: .target(Self.target),
                                                          citing: ["ev-2017-plan-other"]))
        #expect(Set(recording.evidence.map(\.id.rawValue))
            == named.union(["ev-2016-review", "ev-2017-escaped", "ev-2017-plan-cited", "ev-2017-plan-other"]))
        let plan = try #require(TrackerSnapshot.load(repository: repository, commit: commit, reportsOn: .owner("plan-2017-2020")))
        // The owners are those the file names once parsed, however it writes them.
        #expect(Set(plan.evidence.map(\.id.rawValue)) == named.union(["ev-2017-plan-cited", "ev-2017-plan-other"]))

        // What the owner's targets stand at is the whole tracker's.
        let owners = Set(["tip-2005"])
        let asOf = CalendarDate("2020-01-01")!
        let state = TrackerState(shown, asOf: asOf, owners: owners)
        let expected = TrackerState(whole, asOf: asOf, owners: owners)
        #expect(state.targets.map(\.target.id) == expected.targets.map(\.target.id))
        for target in expected.targets {
            let found = state.target(target.target.id)
            #expect(found?.parties.map(\.status) == target.parties.map(\.status), "\(target.target.id)")
            #expect(found?.parties.map { $0.evidence.map(\.id) } == target.parties.map { $0.evidence.map(\.id) }, "\(target.target.id)")
        }

        // A commit made elsewhere that moves a piece of evidence to another owner's target,
        // gives one to two owners and deletes one: the store follows it, and each owner's
        // read holds what the whole tracker says supports its targets.
        var moves = ChangeSet()
        moves.write("Evidence/2017/ev-2017-plan-other.yaml",
                    Data("id: ev-2017-plan-other\nkind: report\ntitle: moved\ndate: 2017-05-01\nsupports: [tip-2005#5.1]\n".utf8))
        moves.write("Evidence/2017/ev-2017-plan-replacement.yaml",
                    Data("id: ev-2017-plan-replacement\nkind: report\ntitle: both\ndate: 2017-05-01\nsupports: [plan-2017-2020#1.1, tip-2005#4.1]\n".utf8))
        moves.remove("Evidence/2017/ev-2017-escaped.yaml")
        let moved = try repository.apply(moves, message: "Evidence moved", author: Self.author)
        let wholeAfter = try TrackerSnapshot.load(repository: repository, commit: moved)
        try #require(wholeAfter.isValid, "\(wholeAfter.diagnostics)")
        for owner in ["tip-2005", "plan-2017-2020"] {
            let read = try #require(TrackerSnapshot.load(repository: repository, commit: moved, reportsOn: .owner(owner)))
            let supporting = Set(wholeAfter.evidence.filter { $0.supports.contains { $0.owner == owner } }.map(\.id.rawValue))
            let cited: Set<String> = owner == "tip-2005" ? ["ev-2017-plan-cited"] : []
            #expect(Set(read.evidence.map(\.id.rawValue)) == supporting.union(named).union(cited), "\(owner)")
        }
        #expect(Set(wholeAfter.evidence.filter { $0.supports.contains { $0.owner == "tip-2005" } }.map(\.id.rawValue))
            == ["ev-2016-review", "ev-2017-plan-other", "ev-2017-plan-replacement"])
    }
}
