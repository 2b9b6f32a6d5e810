import Foundation
import GitStore
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

    @Test func refusesUnsafePathsAndEmptyChangeSets() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        for path in [".git/config", "a/../b", "/etc/passwd", "a//b", "x/.GIT/y", ".git\u{200D}/x", "line\nbreak", ""] {
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

    @Test func staleLockFilesDoNotBlockWrites() throws {
        let scratch = try Scratch()
        let repository = try Repository.create(at: scratch.url)
        var changes = ChangeSet()
        changes.write("a.yaml", Data("1\n".utf8))
        try repository.apply(changes, message: "One", author: alice)
        for lock in ["refs/heads/main.lock", "index.lock"] {
            try Data("stale".utf8).write(to: repository.gitDirectory.appendingPathComponent(lock))
        }
        changes.write("a.yaml", Data("2\n".utf8))
        try repository.apply(changes, message: "Two", author: alice)
        #expect(try repository.log().count == 2)
    }
}
