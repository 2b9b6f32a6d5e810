import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct HistoryTests {
    /// Builds a history where files and folders change at different commits, including a
    /// removal and a re-addition, and compares with git for each path.
    @Test func pathHistoryEqualsGitLog() throws {
        let scratch = try Scratch()
        let repository = try scratch.linearHistory()
        for path in ["Plans/plan.yaml", "Plans", "Events/2020/03", "Events/2020/03/e2.yaml", "missing.yaml", ""] {
            let ours = try repository.history(of: path).map(\.id.hex)
            let theirs = try scratch.git("log", "--format=%H", "--", path.isEmpty ? "." : path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(ours == theirs, "history of \(path.debugDescription)")
        }
        #expect(try repository.history(of: "Plans/plan.yaml", limit: 2).count == 2)
    }

    @Test func pathHistoryFollowsGitAcrossMerges() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var changes = ChangeSet()
        changes.write("a.yaml", Data("a0\n".utf8))
        changes.write("b.yaml", Data("b0\n".utf8))
        try repository.apply(changes, message: "Base", author: alice)
        // A side branch made with git, merged back, so both simplification cases arise.
        try scratch.mergeBranch("side", writing: ["b.yaml": "b1\n"]) {
            var main = ChangeSet()
            main.write("a.yaml", Data("a1\n".utf8))
            try repository.apply(main, message: "Main", author: signature(daysAfter: 1))
        }
        for path in ["a.yaml", "b.yaml", ""] {
            let ours = try repository.history(of: path).map(\.id.hex)
            let theirs = try scratch.git("log", "--format=%H", "--", path.isEmpty ? "." : path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(ours == theirs, "history of \(path.debugDescription)")
        }
    }

    /// A shallow clone (`git clone --depth`) lacks the parents of its oldest commits, which
    /// libgit2 1.5 cannot tell: every history question says so and what to do, instead of
    /// naming an object it cannot find.
    @Test func aShallowCloneSaysItsHistoryStopsShort() throws {
        let scratch = try Scratch()
        try scratch.linearHistory(steps: 0..<6)
        let clone = scratch.url.appendingPathComponent("shallow")
        try scratch.git("clone", "-q", "--depth", "2", "file://\(scratch.url.path)", clone.path, in: scratch.url)
        let repository = try Repository.open(at: clone)
        func expectShallowError(_ question: () throws -> Void) {
            #expect {
                try question()
            } throws: { error in
                guard let error = error as? GitError else { return false }
                return error.kind == .notFound && error.message.contains("shallow clone")
                    && error.message.contains("git fetch --unshallow")
            }
        }
        expectShallowError { _ = try repository.history(of: "Plans/plan.yaml") }
        expectShallowError { _ = try repository.histories(of: ["Events/2020/01", "Events/2020/02"]) }
        expectShallowError { _ = try repository.log() }
        expectShallowError { _ = try repository.changeLog() }
        #expect(try repository.list("Plans", at: try #require(try repository.tip())).count == 1, "the tip is still read")
    }

    /// Commits made within one second (as a bulk import makes them) come out child before
    /// parent, the order `git log` shows, not in an arbitrary order of equal times.
    @Test func logKeepsTheOrderOfCommitsMadeInTheSameSecond() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        for step in 0..<40 {
            var changes = ChangeSet()
            changes.write("Events/2019/12/e\(step).yaml", Data("step \(step)\n".utf8))
            try repository.apply(changes, message: "Step \(step)", author: alice)
        }
        let ours = try repository.log().map(\.summary)
        #expect(ours == (0..<40).reversed().map { "Step \($0)" })
    }
}
