import Foundation
import GitStore
import Testing

@Suite struct HistoryTests {
    /// Builds a history where files and folders change at different commits, including a
    /// removal and a re-addition, and compares with git for each path.
    @Test func pathHistoryEqualsGitLog() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        for step in 0..<30 {
            var changes = ChangeSet()
            changes.write("Events/2020/\(String(format: "%02d", step % 12 + 1))/e\(step).yaml", Data("step \(step)\n".utf8))
            if step % 3 == 0 { changes.write("Plans/plan.yaml", Data("rev \(step / 3)\n".utf8)) }
            if step == 10 { changes.remove("Plans/plan.yaml") }
            if step == 7 { changes.write("Plans/plan.yaml", Data("rev 2\n".utf8)) }  // same content as step 6: no change
            try repository.apply(changes, message: "Step \(step)", author: signature(daysAfter: step))
        }
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
        try scratch.git("checkout", "-q", "-b", "side", in: scratch.url)
        try Data("b1\n".utf8).write(to: scratch.url.appendingPathComponent("b.yaml"))
        try scratch.git("-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qam", "Side", in: scratch.url)
        try scratch.git("checkout", "-q", "main", in: scratch.url)
        var main = ChangeSet()
        main.write("a.yaml", Data("a1\n".utf8))
        try repository.apply(main, message: "Main", author: signature(daysAfter: 1))
        try scratch.git("-c", "user.name=T", "-c", "user.email=t@x", "merge", "-q", "--no-edit", "side", in: scratch.url)
        for path in ["a.yaml", "b.yaml", ""] {
            let ours = try repository.history(of: path).map(\.id.hex)
            let theirs = try scratch.git("log", "--format=%H", "--", path.isEmpty ? "." : path, in: scratch.url)
                .output.split(separator: "\n").map(String.init)
            #expect(ours == theirs, "history of \(path.debugDescription)")
        }
    }
}
