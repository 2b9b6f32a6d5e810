import Foundation
@testable import GitStore
import TestSupport
import Testing

/// `Repository.histories(of:)` of paths in one top-level folder answers from that folder's
/// history (`FolderHistory`): it must list exactly what `git log -- PATH` lists, and what the
/// commit index and the plain walk list, however the history was read (built, read back,
/// extended, rebuilt after damage).
@Suite struct FolderHistoryTests {
    let scratch: Scratch
    /// What the handles keep between them, as the derived store keeps it between commands.
    let store = CountingStore()

    init() throws {
        scratch = try Scratch()
    }

    func storedCommits() -> Set<String> {
        Set(store.storedFolderCommits("Agreements").map(\.id.objectID.hex))
    }

    /// A handle on the scratch repository that keeps its history in `store`.
    func opened() throws -> Repository {
        let repository = try Repository.open(at: scratch.url)
        repository.historyStore = store
        return repository
    }

    /// Each path's history from `histories(of:)` on a fresh handle, against git log, the
    /// commit index and the walk over git.
    func expectGitsAnswers(_ paths: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try opened().histories(of: paths).map { $0.map(\.id.hex) }
        let indexed = try opened()
        let walked = try Repository.open(at: scratch.url)
        walked.usesCommitIndex = false
        for (path, found) in zip(paths, ours) {
            let theirs = try scratch.git("log", "--format=%H", "--", path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(found == theirs, "history of \(path)", sourceLocation: sourceLocation)
            #expect(try indexed.history(of: path).map(\.id.hex) == theirs, "index: \(path)", sourceLocation: sourceLocation)
            #expect(try walked.histories(of: [path]).first?.map(\.id.hex) == theirs, "walk: \(path)", sourceLocation: sourceLocation)
        }
    }

    /// Instruments whose texts are revised, reverted to an earlier version, removed and
    /// added back, made executable (a mode change alone), and one folder turned into a file.
    func revisedInstruments(steps: Range<Int>, in repository: Repository) throws {
        for step in steps {
            var changes = ChangeSet()
            changes.write("Events/2020/\(String(format: "%02d", step % 12 + 1))/e\(step).yaml", Data("step \(step)\n".utf8))
            switch step % 9 {
            case 1: changes.write("Agreements/agr-a/text.en.md", Data("# A\nversion \(step)\n".utf8))
            case 2: changes.write("Agreements/agr-b/text.vi.md", Data("# B\nphiên bản \(step % 2)\n".utf8))  // reverts
            case 4: changes.write("Agreements/agr-a/instrument.yaml", Data("id: agr-a\nstep: \(step)\n".utf8))
            case 5 where step > 10: changes.remove("Agreements/agr-b/text.vi.md")
            case 6: changes.write("Agreements/agr-c/text.km.md", Data("# C\n\(step)\n".utf8))
            case 7: changes.remove("Agreements/agr-c/text.km.md")
            default: break
            }
            try repository.apply(changes, message: "Step \(step)", author: signature(daysAfter: step))
        }
    }

    static let paths = ["Agreements/agr-a", "Agreements/agr-b", "Agreements/agr-c", "Agreements/agr-a/text.en.md",
                        "Agreements/agr-b/text.vi.md", "Agreements/missing", "Agreements"]

    @Test func historiesOfPathsInOneFolderAreGits() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<40, in: repository)
        try expectGitsAnswers(Self.paths)  // built and stored
        #expect(storedCommits().count == 40)
        #expect(storedCommits().contains(try #require(try repository.tip()).hex))
        let additions = store.added
        try expectGitsAnswers(Self.paths)  // read back
        #expect(store.added == additions, "nothing stored again")
    }

    @Test func aModeChangeAloneIsAChange() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<5, in: repository)
        let file = scratch.url.appendingPathComponent("Agreements/agr-a/text.en.md")
        try scratch.git("reset", "-q", "--hard", in: scratch.url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        try scratch.gitAsCommitter("commit", "-qam", "Executable")
        try revisedInstruments(steps: 5..<8, in: repository)
        try expectGitsAnswers(Self.paths)
    }

    @Test func newCommitsExtendTheStoredHistory() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<20, in: repository)
        try expectGitsAnswers(Self.paths)
        let before = storedCommits()
        let additions = store.added.count
        try revisedInstruments(steps: 20..<23, in: repository)
        try expectGitsAnswers(Self.paths)
        #expect(storedCommits().subtracting(before).count == 3)
        // Only the three new commits were added: to the folder history, and to the commit index.
        #expect(store.added.dropFirst(additions).sorted() == [3, 3])
    }

    @Test func anOlderRevisionIsAnsweredFromItsOwnHistory() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<30, in: repository)
        _ = try opened().histories(of: Self.paths)
        let older = try repository.resolve("HEAD~12")
        let ours = try opened().histories(of: Self.paths, from: older).map { $0.map(\.id.hex) }
        for (path, found) in zip(Self.paths, ours) {
            let theirs = try scratch.git("log", "--format=%H", older.hex, "--", path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(found == theirs, "history of \(path) from HEAD~12")
        }
    }

    /// A store that lost part of what it was given (a commit without its parent) is not
    /// trusted: the history is read from git again, and answers the same.
    @Test func aStoreMissingAParentIsReadAgain() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<20, in: repository)
        try expectGitsAnswers(Self.paths)
        let partial = store.storedFolderCommits("Agreements").filter { !$0.parents.isEmpty }
        let damaged = MemoryHistoryStore()
        damaged.addFolderCommits(partial, folder: "Agreements")
        let reader = try Repository.open(at: scratch.url)
        reader.historyStore = damaged
        let walked = try Repository.open(at: scratch.url)
        walked.usesCommitIndex = false
        #expect(try reader.histories(of: Self.paths) == walked.histories(of: Self.paths))
    }

    /// Across merges git follows, per path, the parent whose entry it shares: two paths of
    /// one folder can take different sides of the same merge.
    @Test func historiesFollowGitAcrossMerges() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<10, in: repository)
        try scratch.mergeBranch("side", writing: ["Agreements/agr-b/text.vi.md": "# B\nside\n"]) {
            var main = ChangeSet()
            main.write("Agreements/agr-a/text.en.md", Data("# A\nmain\n".utf8))
            try repository.apply(main, message: "Main", author: signature(daysAfter: 30))
        }
        try expectGitsAnswers(Self.paths)
        // A side branch whose change the merge drops (`-s ours`): git follows only the
        // parent whose entry the merge kept, so the side's commit is not listed.
        try scratch.mergeBranch("dropped", writing: ["Agreements/agr-c/text.km.md": "# C\ndropped\n"], strategy: "ours")
        try expectGitsAnswers(Self.paths)
        try revisedInstruments(steps: 40..<43, in: repository)
        try expectGitsAnswers(Self.paths)
    }

    /// The answers stored for a tip serve a later tip that only adds commits leaving the
    /// folder as it was (what logging or syncing records makes); a commit that changes the
    /// folder, or a merge, is answered from the folder's history again. Every answer is git's.
    @Test func answersOfAnEarlierTipServeCommitsThatLeaveTheFolderAlone() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<20, in: repository)
        let answers = AnswerCountingStore()
        func answered() throws -> [[String]] {
            let handle = try Repository.open(at: scratch.url)
            handle.historyStore = answers
            return try handle.histories(of: Self.paths).map { $0.map(\.id.hex) }
        }
        func gits() throws -> [[String]] {
            try Self.paths.map { path in
                try scratch.git("log", "--format=%H", "--", path, in: scratch.url).output.split(separator: "\n").map(String.init)
            }
        }
        func logRecords(_ names: [String]) throws {
            for name in names {
                var changes = ChangeSet()
                changes.write("Events/2021/01/\(name).yaml", Data("record \(name)\n".utf8))
                try repository.apply(changes, message: name, author: signature(daysAfter: 60))
            }
        }
        #expect(try answered() == gits())
        #expect(answers.answersFound == 0)
        try logRecords(["r1", "r2", "r3"])
        #expect(try answered() == gits())
        #expect(answers.answersFound == 1, "found three commits back")
        #expect(try answered() == gits())
        #expect(answers.answersFound == 2, "stored for the new tip itself")
        // A text revised (step 28 rewrites agr-a's English text): not from the answers.
        try revisedInstruments(steps: 28..<29, in: repository)
        #expect(try answered() == gits())
        #expect(answers.answersFound == 2)
        // A merge of a branch that leaves the folder alone: two parents, not from the answers.
        try scratch.mergeBranch("side", writing: ["Events/2021/02/side.yaml": "side\n"]) { try logRecords(["r4"]) }
        #expect(try answered() == gits())
        #expect(answers.answersFound == 2)
        // Records logged after the merge: found from the merge's answers, which are git's.
        try logRecords(["r5"])
        #expect(try answered() == gits())
        #expect(answers.answersFound == 3)
        // More commits than are looked through: answered from the history again.
        try logRecords((0...Repository.pathHistorySteps).map { "many-\($0)" })
        #expect(try answered() == gits())
        #expect(answers.answersFound == 3)
    }

    @Test func pathsInSeveralFoldersAreNotAFolderHistory() throws {
        let repository = try Repository.create(at: scratch.url)
        try revisedInstruments(steps: 0..<12, in: repository)
        #expect(Repository.sharedFolder(of: ["Agreements/agr-a", "Agreements"]) == "Agreements")
        #expect(Repository.sharedFolder(of: ["Agreements/agr-a", "Events/2020"]) == nil)
        #expect(Repository.sharedFolder(of: ["Agreements/agr-a", ""]) == nil)
        #expect(Repository.sharedFolder(of: ["Agreements/agr-a", "AgreementsX/b"]) == nil)
        try expectGitsAnswers(["Agreements/agr-a", "Events/2020/02"])
        #expect(storedCommits().isEmpty)
    }
}

/// A memory store that counts the kept answers it gave.
final class AnswerCountingStore: HistoryStore, @unchecked Sendable {
    private let memory = MemoryHistoryStore()
    private(set) var answersFound = 0

    func storedCommitChanges() -> StoredCommitChanges { memory.storedCommitChanges() }
    func addCommitChanges(_ commits: StoredCommitChanges) { memory.addCommitChanges(commits) }
    func storedFolderCommits(_ folder: String) -> [StoredFolderCommit] { memory.storedFolderCommits(folder) }
    func addFolderCommits(_ commits: [StoredFolderCommit], folder: String) { memory.addFolderCommits(commits, folder: folder) }

    func storedPathHistories(_ paths: [String], folder: String, tip: RawObjectID) -> [[RawObjectID]]? {
        let found = memory.storedPathHistories(paths, folder: folder, tip: tip)
        if found != nil { answersFound += 1 }
        return found
    }

    func addPathHistories(_ histories: [[RawObjectID]], paths: [String], folder: String, tip: RawObjectID) {
        memory.addPathHistories(histories, paths: paths, folder: folder, tip: tip)
    }
}
