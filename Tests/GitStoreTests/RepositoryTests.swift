import Foundation
import GitStore
import TestSupport
import Testing

@Suite struct RepositoryTests {
    @Test func roundTripsNamesAndContentInAnyScript() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("t"))
        let nfc = "Tiến độ".precomposedStringWithCanonicalMapping
        let nfd = "Tiến độ".decomposedStringWithCanonicalMapping
        var big = Data(count: 20 * 1024 * 1024)
        big.withUnsafeMutableBytes { bytes in for i in stride(from: 0, to: bytes.count, by: 4099) { bytes[i] = UInt8(i % 251) } }
        let files: [(String, Data)] = [
            ("Agreements/\(nfc)/text.vi.md", Data("Điều 1. Hợp tác phòng chống mua bán người\n".utf8)),
            ("Agreements/\(nfd)/text.vi.md", Data("NFD name\n".utf8)),
            ("Agreements/កិច្ចព្រមព្រៀង/text.km.md", Data("មាត្រា ១. កិច្ចសហប្រតិបត្តិការ\n".utf8)),
            ("Evidence/binary.bin", Data((0...255).map(UInt8.init) + [0, 0, 13, 10])),
            ("Evidence/empty.txt", Data()),
            ("Evidence/big.bin", big),
        ]
        var changes = ChangeSet()
        for (path, data) in files { changes.write(path, data) }
        let commit = try repository.apply(changes, message: "Add texts", author: alice)

        for (path, data) in files {
            #expect(try repository.read(path, at: commit) == data, "\(path)")
        }
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        #expect(try repository.list("Agreements", at: commit).count == 3)
        #expect(try repository.files(under: "", at: commit).count == files.count)
        #expect(try repository.read("Evidence/nothing.txt", at: commit) == nil)
        let info = try repository.commit(commit)
        #expect(info.author == alice)
        #expect(info.summary == "Add texts")
        #expect(info.committer.name == alice.name)
        #expect(info.committer.date > alice.date)

        let workdir = try #require(repository.workingDirectory)
        #expect(try scratch.git("status", "--porcelain", in: workdir).output == "")
        #expect(try Data(contentsOf: workdir.appendingPathComponent("Evidence/big.bin")) == big)
        let fsck = try scratch.git("fsck", "--full", "--strict", in: workdir)
        #expect(fsck.status == 0 && fsck.output == "", "\(fsck.output)")
    }

    /// The pruning tree comparison lists what `git diff --name-status` lists, in its order.
    @Test func changesMatchGitDiff() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var first = ChangeSet()
        for path in ["Events/2019/01/a.yaml", "Events/2019/02/b.yaml", "Events/2020/01/c.yaml", "Plans/p.yaml",
                     "Plans-old.yaml", "x/y.yaml", "z.yaml"] { first.write(path, Data("\(path)\n".utf8)) }
        let c1 = try repository.apply(first, message: "First", author: alice)
        var second = ChangeSet()
        second.write("Events/2019/02/b.yaml", Data("changed\n".utf8))
        second.write("Events/2019/02/b2.yaml", Data("new\n".utf8))
        second.write("Events/2021/01/d.yaml", Data("new folder\n".utf8))
        second.remove("x/y.yaml")
        second.remove("z.yaml")
        let c2 = try repository.apply(second, message: "Second", author: signature(daysAfter: 1))
        let ours = try repository.changes(from: c1, to: c2).map { change in
            "\(change.kind == .added ? "A" : change.kind == .deleted ? "D" : "M")\t\(change.path)"
        }
        let git = try scratch.git("diff", "--name-status", "--no-renames", c1.hex, c2.hex, in: scratch.url).output
        #expect(ours == git.split(separator: "\n").map(String.init))
    }

    /// Over many revisions of a large folder and of names that sort next to each other
    /// (`a`, `a-b`, `a.b`, the folder `a/`), a file that becomes a folder and a mode that
    /// changes alone, every comparison lists what `git diff --raw` lists, ids included.
    @Test func changesMatchGitDiffRawOverManyRevisions() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var random: UInt64 = 8
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let pool = (0..<300).map { "Events/2019/01/sr-\($0).yaml" }
            + ["a-b", "a.b", "a/c.yaml", "a/b/d.yaml", "b c/é.yaml", "z/y/x.yaml", "Plans/p.yaml", "Plans/p.yaml.bak"]
        var commits: [ObjectID] = []
        var first = ChangeSet()
        for path in pool where next(3) > 0 { first.write(path, Data("\(path)\n".utf8)) }
        commits.append(try repository.apply(first, message: "First", author: alice))
        for round in 1...40 {
            var changes = ChangeSet()
            for _ in 0..<(1 + next(4)) {
                let path = pool[next(pool.count)]
                if next(4) == 0 { changes.remove(path) } else { changes.write(path, Data("\(path) \(round)\n".utf8)) }
            }
            // Every round changes something, whatever the draws.
            changes.write("Events/2019/02/round.yaml", Data("\(round)\n".utf8))
            commits.append(try repository.apply(changes, message: "Round \(round)", author: signature(daysAfter: round)))
        }
        // A file that becomes a folder, then a folder that becomes a file.
        var toFolder = ChangeSet()
        toFolder.remove("a-b")
        toFolder.write("q", Data("file\n".utf8))
        commits.append(try repository.apply(toFolder, message: "q is a file", author: signature(daysAfter: 50)))
        var gone = ChangeSet()
        gone.remove("q")
        commits.append(try repository.apply(gone, message: "q is gone", author: signature(daysAfter: 51)))
        var folder = ChangeSet()
        folder.write("q/r.yaml", Data("in a folder\n".utf8))
        commits.append(try repository.apply(folder, message: "q is a folder", author: signature(daysAfter: 51)))
        let fileToFolder = (commits[commits.count - 3], commits[commits.count - 1])
        // A mode that changes alone, made by git.
        var plan = ChangeSet()
        plan.write("Plans/p.yaml", Data("plan\n".utf8))
        commits.append(try repository.apply(plan, message: "plan", author: signature(daysAfter: 52)))
        #expect(try scratch.git("update-index", "--chmod=+x", "Plans/p.yaml", in: scratch.url).status == 0)
        #expect(try scratch.gitAsCommitter("commit", "-qm", "mode").status == 0)
        commits.append(try repository.resolve("HEAD"))

        func ours(_ old: ObjectID?, _ new: ObjectID) throws -> [String] {
            try repository.changes(from: old, to: new).map { change in
                let kind = change.kind == .added ? "A" : change.kind == .deleted ? "D" : "M"
                let zero = String(repeating: "0", count: 40)
                return "\(change.oldID?.hex ?? zero) \(change.newID?.hex ?? zero) \(kind)\t\(change.path)"
            }.sorted()
        }
        func git(_ old: ObjectID, _ new: ObjectID) throws -> [String] {
            try scratch.git("-c", "core.quotePath=false", "diff", "--raw", "--no-abbrev", "--no-renames", old.hex, new.hex, in: scratch.url)
                .output.split(separator: "\n").map { line in
                    // `:100644 100755 <old> <new> M\tpath`: the ids, the kind and the path.
                    String(line.split(separator: " ", maxSplits: 2)[2])
                }.sorted()
        }
        var pairs = zip(commits, commits.dropFirst()).map { ($0, $1) }
        pairs += [(commits[0], commits[commits.count - 1]), (commits[3], commits[9]), (commits[12], commits[1]),
                  fileToFolder, (fileToFolder.1, fileToFolder.0)]
        for (old, new) in pairs {
            let expected = try git(old, new)
            #expect(try ours(old, new) == expected, "\(old.short)..\(new.short)")
            #expect(!expected.isEmpty || old == new)
        }
        #expect(try ours(commits[commits.count - 2], commits[commits.count - 1]).count == 1, "the mode change alone")

        // The commit index compares each commit with its parent in turn, child first, and
        // reuses what it read of one version of a folder for the next: the same answers.
        let store = MemoryHistoryStore()
        repository.historyStore = store
        let log = try repository.changeLog()
        // Answered by the index, not by walking git after a failed build.
        #expect(store.storedCommitChanges().commits.count == commits.count)
        #expect(log.count == commits.count)
        for entry in log {
            guard let parent = entry.commit.parents.first else { continue }
            let found = entry.changes.map { change in
                let zero = String(repeating: "0", count: 40)
                let kind = change.kind == .added ? "A" : change.kind == .deleted ? "D" : "M"
                return "\(change.oldID?.hex ?? zero) \(change.newID?.hex ?? zero) \(kind)\t\(change.path)"
            }.sorted()
            #expect(found == (try git(parent, entry.commit.id)), "\(entry.commit.id.short)")
        }
    }

    @Test func removalsAndChangesAreVisibleToGit() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var first = ChangeSet()
        first.write("a/b/one.yaml", Data("1\n".utf8))
        first.write("a/two.yaml", Data("2\n".utf8))
        let c1 = try repository.apply(first, message: "First", author: alice)
        var second = ChangeSet()
        second.remove("a/b/one.yaml")
        second.write("a/two.yaml", Data("2b\n".utf8))
        second.remove("not/there.yaml")
        let c2 = try repository.apply(second, message: "Second", author: signature(daysAfter: 1))

        let changes = try repository.changes(from: c1, to: c2)
        #expect(changes.map(\.path) == ["a/b/one.yaml", "a/two.yaml"])
        #expect(changes.map(\.kind) == [.deleted, .modified])
        #expect(try repository.changes(from: nil, to: c1).allSatisfy { $0.kind == .added })
        #expect(try repository.entry("a/b", at: c2) == nil, "the emptied folder is gone")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("a/b").path))
        #expect(try scratch.git("status", "--porcelain", in: scratch.url).output == "")
        #expect(try scratch.git("fsck", "--full", "--strict", in: scratch.url).status == 0)
        #expect(try repository.resolve("HEAD~1") == c1)
        #expect(try repository.resolve(String(c2.hex.prefix(8))) == c2)
        #expect(try repository.log().map(\.id) == [c2, c1])
    }

    /// A write's index read ahead (`prefetchWorkingIndex`) and then changed by git (a file
    /// staged meanwhile) is read again: the write keeps git's change and adds its own.
    @Test func anIndexReadAheadAndChangedByGitMeanwhileKeepsGitsChange() throws {
        let (scratch, _) = try repositoryWithOneFile("a/one.yaml")
        for stagedByGit in [false, true] {
            let handle = try Repository.open(at: scratch.url)
            handle.prefetchWorkingIndex()
            let name = stagedByGit ? "staged" : "alone"
            if stagedByGit {
                try Data("by git\n".utf8).write(to: scratch.url.appendingPathComponent("\(name).txt"))
                // The index file's time must differ from the one read ahead.
                usleep(20_000)
                #expect(try scratch.git("add", "\(name).txt", in: scratch.url).status == 0)
            }
            var next = ChangeSet()
            next.write("a/\(name).yaml", Data("2\n".utf8))
            try handle.apply(next, message: "Next", author: signature(daysAfter: 1))
            let status = try scratch.git("status", "--porcelain", in: scratch.url).output
            #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == (stagedByGit ? "A  \(name).txt" : ""), "\(name)")
            #expect(try scratch.git("ls-files", "a", in: scratch.url).output.split(separator: "\n").contains("a/\(name).yaml"))
        }
    }

    @Test func refusesUnsafePathsAndEmptyChangeSets() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        for path in [".git/config", "a/../b", "/etc/passwd", "a//b", "x/.GIT/y", ".git\u{200D}/x", "line\nbreak", "",
                     ".gitmodules", "Events/.gitattributes", "a\\b", "x/\u{FFFD}.yaml"] {
            var changes = ChangeSet()
            changes.write(path, Data("x".utf8))
            let error = #expect(throws: GitError.self) { try repository.apply(changes, message: "Bad", author: alice) }
            #expect(error?.kind == .invalid, "\(path.debugDescription)")
        }
        let empty = #expect(throws: GitError.self) { try repository.apply(ChangeSet(), message: "Empty", author: alice) }
        #expect(empty?.kind == .invalid)
        #expect(try repository.tip() == nil)
    }

    @Test func reportsMissingThingsClearly() throws {
        let scratch = try Scratch()
        let notRepo = #expect(throws: GitError.self) { try Repository.open(at: scratch.url) }
        #expect(notRepo?.kind == .notARepository)
        let repository = try Repository.create(at: scratch.url, bare: true)
        #expect(repository.workingDirectory == nil)
        #expect(repository.branch == "main")
        #expect(try repository.tip() == nil)
        var changes = ChangeSet()
        changes.write("accord.yaml", Data("format: 1\n".utf8))
        let commit = try repository.apply(changes, message: "Bare commit", author: alice)
        #expect(try repository.tip() == commit)
        let missing = #expect(throws: GitError.self) { try repository.resolve("no-such-tag") }
        #expect(missing?.kind == .notFound)
        #expect(missing?.message.contains("no-such-tag") == true)
        let again = #expect(throws: GitError.self) { try Repository.create(at: scratch.url) }
        #expect(again?.kind == .exists)
        let nested = scratch.url.appendingPathComponent("refs/heads")
        #expect(try Repository.discover(from: nested).gitDirectory.path == repository.gitDirectory.path)
    }

    @Test func annotatedTagsRoundTrip() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var changes = ChangeSet()
        changes.write("accord.yaml", Data("format: 1\n".utf8))
        let commit = try repository.apply(changes, message: "Start", author: alice)
        try repository.createTag("review-2006", target: commit, message: "First review\n", tagger: alice)
        let tags = try repository.tags()
        #expect(tags.map(\.name) == ["review-2006"])
        #expect(tags.first?.target == commit)
        #expect(tags.first?.message == "First review\n")
        #expect(tags.first?.tagger == alice)
        #expect(try repository.resolve("review-2006") == commit)
        let again = #expect(throws: GitError.self) {
            try repository.createTag("review-2006", target: commit, message: "Again", tagger: alice)
        }
        #expect(again?.kind == .exists)
        #expect(try scratch.git("cat-file", "-t", "review-2006", in: scratch.url).output == "tag\n")
    }

    /// A new repository in a scratch folder whose one commit adds `path`.
    private func repositoryWithOneFile(_ path: String) throws -> (Scratch, Repository) {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var changes = ChangeSet()
        changes.write(path, Data("1\n".utf8))
        try repository.apply(changes, message: "One", author: alice)
        return (scratch, repository)
    }

    @Test func staleLockFilesDoNotBlockWrites() throws {
        let (scratch, repository) = try repositoryWithOneFile("a.yaml")
        try withExtendedLifetime(scratch) {
            for lock in ["refs/heads/main.lock", "index.lock"] {
                try Data("stale".utf8).write(to: repository.gitDirectory.appendingPathComponent(lock))
            }
            var changes = ChangeSet()
            changes.write("a.yaml", Data("2\n".utf8))
            try repository.apply(changes, message: "Two", author: alice)
            #expect(try repository.log().count == 2)
        }
    }
}

/// Commits written through a signing closure: the signature lands in the `gpgsig` header
/// over exactly the bytes it was given, and a signer that fails commits nothing.
@Suite struct CommitSigningTests {
    let author = Signature(name: "Desk", email: "desk@example.invalid", date: Date(timeIntervalSince1970: 1_600_000_000))

    @Test func everyCommitGoesThroughTheSigner() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("t"))
        var signed: [String] = []
        repository.commitSigner = { text in
            signed.append(text)
            return "-----BEGIN SSH SIGNATURE-----\nc2lnbmF0dXJl\n-----END SSH SIGNATURE-----\n"
        }
        var changes = ChangeSet()
        changes.write("a.txt", Data("a\n".utf8))
        let commit = try repository.apply(changes, message: "Add a", author: author)
        let signature = try #require(try repository.signature(ofCommit: commit))
        #expect(signature.signature == "-----BEGIN SSH SIGNATURE-----\nc2lnbmF0dXJl\n-----END SSH SIGNATURE-----\n")
        #expect(signed.count == 1 && String(decoding: signature.signedData, as: UTF8.self) == signed[0])
        #expect(signed[0].contains("author Desk <desk@example.invalid> 1600000000 +0000\n") && signed[0].hasSuffix("\nAdd a"))
        #expect(try repository.commit(commit).summary == "Add a")

        repository.commitSigner = nil
        var more = ChangeSet()
        more.write("b.txt", Data("b\n".utf8))
        #expect(try repository.signature(ofCommit: try repository.apply(more, message: "Add b", author: author)) == nil)
    }

    @Test func aFailingSignerCommitsNothing() throws {
        struct NoKey: Error {}
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url.appendingPathComponent("t"))
        var first = ChangeSet()
        first.write("a.txt", Data("a\n".utf8))
        let tip = try repository.apply(first, message: "Add a", author: author)
        repository.commitSigner = { _ in throw NoKey() }
        var changes = ChangeSet()
        changes.write("b.txt", Data("b\n".utf8))
        #expect(throws: NoKey.self) { try repository.apply(changes, message: "Add b", author: author) }
        #expect(try repository.tip() == tip)
        #expect(try repository.read("b.txt", at: tip) == nil)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("t/b.txt").path))
    }
}
