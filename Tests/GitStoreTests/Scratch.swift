import Foundation
import GitStore
import TestSupport

/// The scratch folder of a GitStore test, with the histories these tests build in it.
typealias Scratch = ScratchFolder

extension ScratchFolder {
    /// Commits a linear tracker history here (creating the repository if needed): files and
    /// folders change at different steps, including a removal, a re-addition and a write of
    /// unchanged content.
    @discardableResult
    func linearHistory(steps: Range<Int> = 0..<30) throws -> Repository {
        let repository = try (try? Repository.open(at: url)) ?? Repository.create(at: url)
        for step in steps {
            var changes = ChangeSet()
            changes.write("Events/2020/\(String(format: "%02d", step % 12 + 1))/e\(step).yaml", Data("step \(step)\n".utf8))
            if step % 3 == 0 { changes.write("Plans/plan.yaml", Data("rev \(step / 3)\n".utf8)) }
            if step == 10 { changes.remove("Plans/plan.yaml") }
            if step == 7 { changes.write("Plans/plan.yaml", Data("rev 2\n".utf8)) }  // same content as step 6: no change
            try repository.apply(changes, message: "Step \(step)", author: signature(daysAfter: step))
        }
        return repository
    }

    /// Makes branch `name` with git at the current commit, commits `files` (path → text) on
    /// it, goes back to `main`, runs `onMain` (the commits main makes meanwhile), then merges
    /// the branch into main with git, by `strategy` when given (`ours` drops its changes).
    func mergeBranch(_ name: String, writing files: [String: String], strategy: String? = nil,
                     onMain: () throws -> Void = {}) throws {
        try git("checkout", "-q", "-b", name, in: url)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try git("add", "-A", in: url)
        try gitAsCommitter("commit", "-qm", name)
        try git("checkout", "-q", "main", in: url)
        try onMain()
        try gitAsCommitter(["merge", "-q", "--no-edit"] + (strategy.map { ["-s", $0] } ?? []) + [name])
    }

    /// Runs git in this folder as a test committer (for `commit`, `merge`): a commit made
    /// by git, beside those accord makes through libgit2.
    @discardableResult
    func gitAsCommitter(_ arguments: String...) throws -> (output: String, status: Int32) {
        try gitAsCommitter(arguments)
    }

    @discardableResult
    func gitAsCommitter(_ arguments: [String]) throws -> (output: String, status: Int32) {
        try git(["-c", "user.name=T", "-c", "user.email=t@x"] + arguments, in: url)
    }

    /// Runs the git command line in `folder` and returns its standard output.
    @discardableResult
    func git(_ arguments: String..., in folder: URL) throws -> (output: String, status: Int32) {
        try git(arguments, in: folder)
    }

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> (output: String, status: Int32) {
        let result = try Command.run("git", ["-C", folder.path] + arguments)
        return (result.stdout + result.stderr, result.status)
    }
}

let alice = Signature(name: "Nguyễn Thị Lan", email: "lan@example.org",
                      date: Date(timeIntervalSince1970: 1_136_073_600), timeZoneOffsetMinutes: 420)

func signature(daysAfter days: Int) -> Signature {
    var signature = alice
    signature.date = alice.date.addingTimeInterval(Double(days) * 86_400)
    return signature
}
