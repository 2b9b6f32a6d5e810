import Foundation
import TestSupport
import Testing

@Suite struct VerifyTests {
    /// A tracker with four files whose loose objects are then damaged one way each.
    @Test(.scratchFolder) func damagedObjectsAreEachReportedWithoutHanging() throws {
        let folderScratch = try ScratchFolder.current
        let folder = folderScratch.url
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let names = ["flipped", "truncated", "empty", "missing", "swapped"]
        for name in names {
            let text = String(repeating: "\(name) evidence line for the verify test\n", count: 200)
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(name).txt"))
        }
        try CLI.git("add", ".", in: folder)
        try CLI.git("-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "Evidence", in: folder)
        #expect(try CLI.run(["verify"], cwd: folder).stdout.contains("no problems"))

        var objects: [String: URL] = [:]
        for name in names {
            let id = try CLI.git("rev-parse", "HEAD:\(name).txt", in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            objects[id] = folder.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        }
        func file(_ name: String) throws -> (id: String, url: URL) {
            let id = try CLI.git("rev-parse", "HEAD:\(name).txt", in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return (id, try #require(objects[id]))
        }
        let flipped = try file("flipped"), truncated = try file("truncated"), empty = try file("empty"), missing = try file("missing")
        let swapped = try file("swapped")
        for url in objects.values { try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        // A whole, readable object stored under another object's id: only hashing it shows it.
        try Data(contentsOf: flipped.url).write(to: swapped.url)
        var bytes = try Data(contentsOf: flipped.url)
        bytes[bytes.count / 2] ^= 0x55
        try bytes.write(to: flipped.url)
        try Data(contentsOf: truncated.url).prefix(40).write(to: truncated.url)
        try Data().write(to: empty.url)
        try FileManager.default.removeItem(at: missing.url)

        let start = Date()
        let result = try CLI.run(["verify", "--timeout", "2"], cwd: folder, timeout: 90)
        #expect(Date().timeIntervalSince(start) < 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("5 bad"), "\(result.stdout)")
        for damaged in [flipped, truncated, empty, missing, swapped] {
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(damaged.id) }
            #expect(line != nil, "\(damaged.id) not reported in \(result.stdout)")
        }
        let missingLine = result.stdout.split(separator: "\n").first { $0.hasPrefix(missing.id) }
        #expect(missingLine?.contains("blob missing.txt: missing") == true, "\(result.stdout)")
        let swappedLine = result.stdout.split(separator: "\n").first { $0.hasPrefix(swapped.id) }
        #expect(swappedLine?.contains("swapped.txt: content does not match its id (hashes to \(flipped.id.prefix(7))") == true,
                "\(result.stdout)")
    }
}
