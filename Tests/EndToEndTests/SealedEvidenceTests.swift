import Foundation
import Testing
import TestSupport

/// Restricted evidence encrypted in the age format: read by the real `age` tool, written by
/// it, unreadable without a key; and nothing of it in clear anywhere.
@Suite struct SealedEvidenceTests {
    /// What a restricted record holds that nobody without a key may see.
    static let secrets = ["SECRETTITLE", "SECRETNOTE", "SECRETSOURCE", "SECRETURL", "SECRETFILE", "SECRETCONTENT", "987654"]

    /// A tracker whose parties each list an age recipient, an indicator to report, and
    /// one restricted piece of evidence (title, note, source, url, value and attachment).
    private static func trackerWithRestrictedEvidence() throws
        -> (folder: URL, keys: URL, vn: TrustFixture.AgeKey, kh: TrustFixture.AgeKey, id: String) {
        let folder = try ProgressCommandTests.smallTracker()
        let keys = try ScratchFolder.make()
        let vn = try TrustFixture.ageKey("vn", in: keys), kh = try TrustFixture.ageKey("kh", in: keys)
        try TrustFixture.extendSettings(folder, vn: ["recipients: [\(vn.recipient)]"], kh: ["recipients: [\(kh.recipient)]"],
                                        topLevel: ["indicators:", "  - id: cases", "    title: Cases", "    unit: cases"])
        let attachment = keys.appendingPathComponent("interview-SECRETFILE.txt")
        try Data("names: SECRETCONTENT\n".utf8).write(to: attachment)
        let added = try CLI.run(["evidence", "add", "--title", "Interview SECRETTITLE", "--kind", "report", "--date", "2019-03-26",
                                 "--sensitivity", "restricted", "--party", "VN", "--note", "Names SECRETNOTE",
                                 "--source", "Post SECRETSOURCE", "--url", "https://example.invalid/SECRETURL",
                                 "--value", "cases=987654", "--supports", "tip-2005#1.1", "--file", attachment.path], cwd: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.split(separator: " ").dropFirst().first.map { String($0.trimmingCharacters(in: .punctuationCharacters)) })
        return (folder, keys, vn, kh, id)
    }

    @Test func ageDecryptsWhatAccordWroteAndAccordReadsWhatAgeWrote() throws {
        let (folder, keys, vn, kh, id) = try Self.trackerWithRestrictedEvidence()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: keys)
        }
        #expect(id.range(of: #"^ev-2019-03-26-[a-z2-7]{4}$"#, options: .regularExpression) != nil, "\(id)")
        let path = try TrustFixture.addedFile(folder, under: "Evidence/2019/")
        let stored = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        let armour = stored.split(separator: "\n").drop { !$0.contains("BEGIN AGE") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") + "\n"
        let sealed = keys.appendingPathComponent("sealed.age")
        try Data(armour.utf8).write(to: sealed)
        // Each party's key opens it with the real age; a third key does not.
        for key in [vn, kh] {
            let opened = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/age"), ["-d", "-i", key.identity, sealed.path])
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(opened.stdout.contains("title: Interview SECRETTITLE") && opened.stdout.contains("value: 987654"))
        }
        let stranger = try TrustFixture.ageKey("stranger", in: keys)
        #expect(try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/age"), ["-d", "-i", stranger.identity, sealed.path]).status != 0)
        // The attachment too.
        let attachmentPath = try #require(try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout
            .split(separator: "\n").first { $0.hasPrefix("Evidence/attachments/") })
        let file = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/age"),
                               ["-d", "-i", kh.identity, folder.appendingPathComponent(String(attachmentPath)).path])
        #expect(file.stdout == "names: SECRETCONTENT\n")

        // A record sealed by age itself, committed by hand, reads in accord.
        let inner = keys.appendingPathComponent("inner.yaml")
        try Data("""
            id: ev-2019-04-01-agew
            kind: statistics
            title: Written by age SECRETTITLE
            date: 2019-04-01
            sensitivity: restricted
            supports: ["tip-2005#1.1"]

            """.utf8).write(to: inner)
        let byAge = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/age"), ["-a", "-r", vn.recipient, inner.path])
        #expect(byAge.status == 0)
        let outer = """
            id: ev-2019-04-01-agew
            kind: statistics
            date: 2019-04-01
            sensitivity: restricted
            supports: ["tip-2005#1.1"]
            sealed: |
            \(byAge.stdout.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))

            """
        try Data(outer.utf8).write(to: folder.appendingPathComponent("Evidence/2019/ev-2019-04-01-agew.yaml"))
        try CLI.git("add", "-A", in: folder)
        try CLI.git("-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "evidence ev-2019-04-01-agew (restricted)", in: folder)
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)
        let read = try CLI.run(["list", "evidence", "--include-restricted", "--identity", vn.identity], cwd: folder)
        #expect(read.stdout.contains("Written by age SECRETTITLE") && read.stdout.contains("Interview SECRETTITLE"), "\(read.stdout)\(read.stderr)")
        // KH is not a recipient of that one: it stays hidden, and says so.
        let partly = try CLI.run(["list", "evidence", "--include-restricted", "--identity", kh.identity], cwd: folder)
        #expect(!partly.stdout.contains("Written by age") && partly.stdout.contains("Interview SECRETTITLE"))
        #expect(partly.stderr == "accord: warning: restricted records not encrypted for \(kh.identity) stay hidden\n",
                "\(partly.stderr)")
        // An identity file age cannot read is an error, not a key that opens nothing.
        let damaged = keys.appendingPathComponent("damaged.age")
        try Data("not a key\n".utf8).write(to: damaged)
        let refused = try CLI.run(["list", "evidence", "--include-restricted", "--identity", damaged.path], cwd: folder)
        #expect(refused.status == 65 && refused.stderr.hasPrefix("accord: cannot decrypt restricted content with"), "\(refused.stderr)")
    }

    @Test func theFlagAloneOpensNothing() throws {
        let (folder, keys, vn, _, id) = try Self.trackerWithRestrictedEvidence()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: keys)
        }
        let flagOnly = try CLI.run(["show", id, "--include-restricted"], cwd: folder)
        #expect(flagOnly.status == 64)
        #expect(flagOnly.stderr.hasPrefix("accord: --include-restricted needs your age identity"), "\(flagOnly.stderr)")
        let stranger = try TrustFixture.ageKey("stranger", in: keys)
        let wrongKey = try CLI.run(["show", id, "--include-restricted", "--identity", stranger.identity], cwd: folder)
        #expect(wrongKey.status == 0)
        #expect(!wrongKey.stdout.contains("SECRETTITLE"))
        // The key, by option, environment or git config, opens it.
        let byOption = try CLI.run(["show", id, "--include-restricted", "--identity", vn.identity], cwd: folder)
        #expect(byOption.stdout.contains("Interview SECRETTITLE") && byOption.stdout.contains("interview-SECRETFILE.txt"))
        let byEnvironment = try CLI.run(["show", id, "--include-restricted"], cwd: folder, env: ["ACCORD_IDENTITY": vn.identity])
        #expect(byEnvironment.stdout.contains("Names SECRETNOTE"))
        try CLI.git("config", "accord.identity", vn.identity, in: folder)
        #expect(try CLI.run(["show", id, "--include-restricted"], cwd: folder).stdout.contains("Post SECRETSOURCE"))
        // Without recipients, restricted evidence is refused rather than stored in clear.
        let plain = try ProgressCommandTests.smallTracker()
        defer { try? FileManager.default.removeItem(at: plain) }
        let refused = try CLI.run(["evidence", "add", "--title", "T", "--kind", "report", "--date", "2019-03-26",
                                   "--sensitivity", "restricted"], cwd: plain)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("accord: restricted evidence is stored encrypted, but accord.yaml lists no recipients"))
    }

    /// Every read command, in every format, and everything stored: no restricted title,
    /// note, source, url, value or attachment name or content in clear.
    @Test func noRestrictedContentLeaksAnywhere() throws {
        let (folder, keys, vn, _, id) = try Self.trackerWithRestrictedEvidence()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: keys)
        }
        // A status report citing it, and a meeting, so every view has something to show.
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2019-03-27",
                             "--evidence", id], cwd: folder).status == 0)
        // A later revision of the clause it supports, so amended-since-evidence names it.
        let amended = keys.appendingPathComponent("amended.en.md")
        try Data(try String(contentsOf: folder.appendingPathComponent("Agreements/tip-2005/text.en.md"), encoding: .utf8)
            .replacingOccurrences(of: "designates a focal agency", with: "designates a lead agency").utf8).write(to: amended)
        // Dated today: the fixture's text was committed today, and texts are recorded oldest first.
        let amend = try CLI.run(["amend", "tip-2005", "--text", amended.path, "--date", TimeEffectTests.day(fromToday: 0),
                                 "--message", "Lead agency", "--accept-remap"], cwd: folder)
        #expect(amend.status == 0, "\(amend.stderr)")
        #expect(try CLI.run(["gaps", "--rule", "amended-since-evidence"], cwd: folder).stdout.contains(id))
        let outputs = keys.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let commands: [[String]] = [
            ["status"], ["status", "--json"], ["status", "--csv"],
            ["list", "evidence"], ["list", "evidence", "--json"], ["list", "evidence", "--csv"],
            ["list", "commitments"], ["list", "instruments", "--json"],
            ["show", id], ["show", id, "--json"], ["show", "tip-2005#1.1"], ["show", "tip-2005#1.1", "--json"], ["show", "tip-2005"],
            ["gaps"], ["gaps", "--json"], ["gaps", "--csv"], ["gaps", "--rule", "amended-since-evidence"], ["gaps", "--summary"],
            ["summary", "--since", "2000-01-01"], ["summary", "--since", "2000-01-01", "--format", "html"],
            ["summary", "--since", "2000-01-01", "--format", "json"],
            ["schedule"], ["schedule", "--json"], ["schedule", "--csv"], ["schedule", "--ics"],
            ["history"], ["history", "--json"], ["history", "tip-2005#1.1"],
            ["digest"], ["digest", "--json"], ["digest", "--files"],
            ["validate"], ["verify", "--signatures"], ["verify", "--signatures", "--json"],
            ["revisions", "tip-2005"], ["list", "evidence", "--include-restricted"],
        ]
        var ran = 0
        for arguments in commands {
            let result = try CLI.run(arguments, cwd: folder)
            if result.status == 0 || result.status == 1 { ran += 1 }
            for secret in Self.secrets {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(arguments) shows \(secret)")
            }
        }
        #expect(ran >= commands.count - 2, "most commands should run; \(ran) of \(commands.count) did")

        // Commit messages, ids and refs.
        let messages = try CLI.git("log", "--all", "--format=%H %s%n%b", in: folder).stdout
        let refs = try CLI.git("for-each-ref", "--format=%(refname)", in: folder).stdout
        // Every object git stores (blobs, trees with file names, commits), and every file
        // in the working folder and accord's cache.
        let objects = try CLI.git("cat-file", "--batch-all-objects", "--batch", in: folder).stdout
        var files = ""
        for root in [folder] {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.path.contains("/.git/objects/") { continue }
                if let data = try? Data(contentsOf: url) { files += String(decoding: data, as: UTF8.self) + url.lastPathComponent }
            }
        }
        for secret in Self.secrets {
            #expect(!messages.contains(secret) && !refs.contains(secret), "history names \(secret)")
            #expect(!objects.contains(secret), "a git object holds \(secret) in clear")
            #expect(!files.contains(secret), "a file holds \(secret) in clear")
        }

        // The check can fail: with the key, the content is there.
        let opened = try CLI.run(["show", id, "--include-restricted", "--identity", vn.identity], cwd: folder)
        #expect(Self.secrets.filter { opened.stdout.contains($0) }.count >= 5, "\(opened.stdout)")
    }
}
