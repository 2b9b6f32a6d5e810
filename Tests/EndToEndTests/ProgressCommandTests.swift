import Foundation
import TestSupport
import Testing

/// End-to-end tests of log, evidence, show, list, status and history on a small tracker.
@Suite struct ProgressCommandTests {
    /// A tracker with two instruments that both have a clause 1.1 (so `1.1` is ambiguous),
    /// one joint commitment and one binding VN only. Its folder is removed by the caller.
    static func smallTracker(attachmentLimitMB: Int = 50) throws -> URL {
        let folder = try ScratchFolder.make()
        #expect(try CLI.run(["init", folder.path]).status == 0)
        let files: [String: String] = [
            "accord.yaml": SmallTracker.settings("thresholds:\n  attachment-max-mb: \(attachmentLimitMB)\n"),
            "Agreements/tip-2005/instrument.yaml": """
            id: tip-2005
            kind: agreement
            title:
              en: Agreement against trafficking
            parties: [VN, KH]
            signed:
              date: 2005-10-10
            status: in-force
            languages: [en]
            review-cycles:
              - id: annual
                title: Annual joint review
                every-months: 12
                from: 2006-10-10
            commitments:
              - id: "1.1"
                summary: Each party designates a focal agency.
                bound: joint
                responsible:
                  VN: Ministry of Public Security
                  KH: Ministry of Interior
                due: 2006-03-31
              - id: "1.2"
                summary: Viet Nam trains border guards.
                bound: VN
                responsible:
                  VN: Border Guard Command
            """,
            "Agreements/tip-2005/text.en.md": """
            # Agreement against trafficking

            ## Article 1. Focal agencies

            1. Each party designates a focal agency.
            2. Viet Nam trains its border guards.

            """,
            "Agreements/crime-1997/instrument.yaml": """
            id: crime-1997
            kind: agreement
            title:
              en: Police cooperation
            parties: [VN, KH]
            signed:
              date: 1997-01-01
            status: in-force
            languages: [en]
            commitments:
              - id: "1.1"
                summary: The ministries exchange information.
            """,
            "Agreements/crime-1997/text.en.md": """
            # Police cooperation

            ## Article 1. Information

            1. The ministries exchange information.

            """,
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try CLI.git("add", "-A", in: folder)
        try CLI.git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", "Add instruments", in: folder)
        return folder
    }

    static func head(_ folder: URL) throws -> String { try CLI.git("rev-parse", "HEAD", in: folder).stdout }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func logRecordsOneCommitByTheReporterOnTheReportsDay() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "vn", "--date", "2019-03-26",
                                  "--by", "Nguyen Van An <an@example.gov.vn>", "--note", "Focal agency named.\nSecond line."],
                                 cwd: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("recorded sr-2019-03-26-vn-"))
        let log = try CLI.git("log", "-1", "--format=%an <%ae>|%aI|%s|%b", in: folder).stdout
        #expect(log.hasPrefix("Nguyen Van An <an@example.gov.vn>|2019-03-26T12:00:00+00:00|tip-2005#1.1: VN implemented|Focal agency named."))
        let files = try CLI.git("show", "--name-only", "--format=", "HEAD", in: folder).stdout.split(separator: "\n")
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("Events/2019/03/sr-2019-03-26-vn-") == true)
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)

        // A reporter given by name alone: the report names them, the commit signs with the
        // repository's user.email (git wants one).
        try CLI.git("config", "user.email", "desk@example.gov.kh", in: folder)
        let named = try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", "KH", "--date", "2019-03-27",
                                 "--by", "Sok Dara"], cwd: folder)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try CLI.git("log", "-1", "--format=%an <%ae>", in: folder).stdout.hasPrefix("Sok Dara <desk@example.gov.kh>"))
        let added = try CLI.git("show", "--format=", "HEAD", in: folder).stdout
        #expect(added.contains("+reporter: Sok Dara\n"))
    }

    @Test func logRefusesBadReportsWithoutCommitting() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.head(folder)
        let cases: [([String], Int32, String)] = [
            (["log", "tip-2005#1.9", "--status", "implemented", "--party", "VN"], 66, "did you mean tip-2005#1.1, tip-2005#1.2"),
            (["log", "1.1", "--status", "implemented", "--party", "VN"], 64, "ambiguous id '1.1'"),
            (["log", "tip-2005#1.1", "--status", "implemented"], 64, "binds VN and KH"),
            (["log", "tip-2005#1.2", "--status", "implemented", "--party", "KH"], 65, "does not bind KH"),
            (["log", "tip-2005#1.1", "--status", "done", "--party", "VN"], 64, "'done'"),
            (["log", "tip-2005#1.1", "--status", "not-applicable", "--party", "VN"], 65, "needs a note"),
            (["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2999-01-01"], 65, "in the future"),
            (["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--evidence", "ev-nope"], 66, "unknown id 'ev-nope'"),
            (["log", "tip-2005#1.1", "--status", "implemented", "--party", "VN", "--date", "2019-02-30"], 64, "2019-02-30"),
        ]
        for (args, status, message) in cases {
            let result = try CLI.run(args, cwd: folder)
            #expect(result.status == status, "\(args): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Self.head(folder) == before)
    }

    @Test func aTargetBindingOnePartyNeedsNoPartyAndShortIDsWork() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["log", "1.2", "--status", "in-progress", "--date", "2018-05-01", "--note", ""], cwd: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("tip-2005#1.2 VN in-progress"))
    }

    @Test func asOfBeforeAndAfterAReportChangesTheAnswer() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "implemented", "--party", "KH", "--date", "2019-03-26", "--note", "x"],
                            cwd: folder).status == 0)
        func status(_ asOf: String) throws -> String? {
            let show = try CLI.run(["show", "tip-2005#1.1", "--as-of", asOf, "--json"], cwd: folder)
            let target = try #require(try Self.json(show.stdout)["target"] as? [String: Any])
            let row = try #require(target["row"] as? [String: Any])
            let parties = try #require(row["parties"] as? [[String: Any]])
            return parties.first { $0["party"] as? String == "KH" }?["status"] as? String
        }
        #expect(try status("2019-03-25") == "not-started")
        #expect(try status("2019-03-26") == "implemented")
        let before = try Self.json(try CLI.run(["status", "--json", "--as-of", "2019-03-25"], cwd: folder).stdout)
        let after = try Self.json(try CLI.run(["status", "--json", "--as-of", "2019-03-26"], cwd: folder).stdout)
        func implementedKH(_ dashboard: [String: Any]) -> Int? {
            let groups = dashboard["groups"] as? [[String: Any]]
            let tip = groups?.first { $0["id"] as? String == "tip-2005" }
            let kh = (tip?["parties"] as? [[String: Any]])?.first { $0["party"] as? String == "KH" }
            return (kh?["counts"] as? [String: Int])?["implemented"]
        }
        #expect(implementedKH(before) == 0)
        #expect(implementedKH(after) == 1)
        #expect(try CLI.run(["status", "--as-of", "2019-13-01"], cwd: folder).status == 64)
    }

    @Test func jsonOutputsHaveTheDocumentedKeys() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", "VN", "--date", "2019-03-26", "--note", "x"],
                            cwd: folder).status == 0)
        let expectations: [([String], [String])] = [
            (["status"], ["asOf", "groups", "nextReview"]),
            (["show", "tip-2005"], ["asOf", "id", "instrument", "kind"]),
            (["show", "tip-2005#1.1"], ["asOf", "id", "kind", "target"]),
            (["show", "tip-2005#1"], ["asOf", "id", "kind", "provision"]),
            (["list", "instruments"], ["asOf", "instruments", "kind"]),
            (["list", "commitments"], ["asOf", "kind", "targets"]),
            (["list", "evidence"], ["asOf", "evidence", "kind"]),
            (["history"], ["entries"]),
        ]
        for (args, keys) in expectations {
            let result = try CLI.run(args + ["--json"], cwd: folder)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            let object = try Self.json(result.stdout)
            #expect(Set(keys).isSubset(of: Set(object.keys)), "\(args): \(object.keys.sorted())")
        }
        let group = try #require((try Self.json(try CLI.run(["status", "--json"], cwd: folder).stdout)["groups"] as? [[String: Any]])?.first)
        #expect(Set(["id", "kind", "title", "targets", "overdue", "withEvidence", "evidenceCoverage", "parties"]).isSubset(of: Set(group.keys)))
        let entry = try #require((try Self.json(try CLI.run(["history", "--json"], cwd: folder).stdout)["entries"] as? [[String: Any]])?.first)
        #expect(entry["kind"] as? String == "status-report")
        #expect(entry["summary"] as? String == "VN reported in-progress on tip-2005#1.1")
        #expect(entry["date"] as? String == "2019-03-26")
    }

    @Test func listFiltersAndHistoryOfAnID() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["log", "tip-2005#1.2", "--status", "implemented", "--date", "2019-01-02", "--note", "x"], cwd: folder).status == 0)
        let overdue = try CLI.run(["list", "commitments", "--overdue", "--party", "VN", "--as-of", "2020-01-01"], cwd: folder)
        #expect(overdue.stdout.contains("tip-2005#1.1"))
        #expect(!overdue.stdout.contains("tip-2005#1.2"))
        let agency = try CLI.run(["list", "commitments", "--agency", "BORDER guard"], cwd: folder)
        #expect(agency.stdout.contains("tip-2005#1.2") && !agency.stdout.contains("tip-2005#1.1"))
        let history = try CLI.run(["history", "tip-2005#1.2"], cwd: folder)
        #expect(history.stdout.contains("VN reported implemented on tip-2005#1.2"))
        #expect(history.stdout.contains("instrument tip-2005 recorded"))
        let other = try CLI.run(["history", "crime-1997"], cwd: folder)
        #expect(!other.stdout.contains("reported"))
    }

    @Test(.scratchFolder) func evidenceAttachmentsAreStoredOnceAndRefusalsCommitNothing() throws {
        let folder = try Self.smallTracker(attachmentLimitMB: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let file = scratch.appendingPathComponent("minutes.txt")
        try Data("Minutes of the joint review.\n".utf8).write(to: file)
        let first = try CLI.run(["evidence", "add", "--title", "Minutes", "--kind", "minutes", "--date", "2019-03-26",
                                 "--file", file.path, "--supports", "tip-2005#1.1"], cwd: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["evidence", "add", "--title", "Minutes again", "--kind", "minutes", "--date", "2019-03-27",
                                  "--file", file.path], cwd: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let stored = try CLI.git("ls-tree", "-r", "--name-only", "HEAD", "Evidence/attachments", in: folder).stdout
        #expect(stored.split(separator: "\n").count == 1)
        let blob = try CLI.git("hash-object", file.path, in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored == "Evidence/attachments/\(blob.prefix(2))/\(blob.dropFirst(2))\n")
        #expect(try CLI.run(["validate"], cwd: folder).status == 0)

        let folderInput = scratch.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: folderInput, withIntermediateDirectories: true)
        let link = scratch.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        let big = scratch.appendingPathComponent("big.bin")
        try Data(count: 1_048_577).write(to: big)
        // Running as root reads any file, so "unreadable" is a path that cannot be opened:
        // one through a regular file, and one that does not exist.
        let refusals: [(String, Int32, String)] = [
            (folderInput.path, 65, "it is a folder"),
            (link.path, 65, "symbolic link"),
            ("/dev/null", 65, "not a regular file"),
            (big.path, 65, "over the limit of 1 MB"),
            (file.path + "/inside", 66, "cannot read attachment"),
            (scratch.appendingPathComponent("missing").path, 66, "cannot read attachment"),
        ]
        let before = try Self.head(folder)
        for (path, status, message) in refusals {
            let result = try CLI.run(["evidence", "add", "--title", "T", "--kind", "other", "--date", "2019-03-26", "--file", path], cwd: folder)
            #expect(result.status == status, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
        }
        #expect(try Self.head(folder) == before)
    }

    @Test(.scratchFolder) func restrictedEvidenceIsRedactedWithoutTheFlag() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keysScratch = try ScratchFolder.current
        let keys = keysScratch.url
        let key = try TrustFixture.ageKey("vn", in: keys)
        try TrustFixture.extendSettings(folder, vn: ["recipients: [\(key.recipient)]"])
        let added = try CLI.run(["evidence", "add", "--title", "Victim interview record", "--kind", "report", "--date", "2019-03-26",
                                 "--sensitivity", "restricted", "--note", "Names of victims", "--source", "Border post 7",
                                 "--supports", "tip-2005#1.1"], cwd: folder)
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.split(separator: " ").dropFirst().first.map(String.init))
        for args in [["show", id], ["list", "evidence"], ["show", "tip-2005#1.1"], ["show", id, "--json"]] {
            let hidden = try CLI.run(args, cwd: folder)
            #expect(hidden.status == 0)
            #expect(hidden.stdout.contains(id))
            #expect(!hidden.stdout.contains("Victim interview") && !hidden.stdout.contains("Names of victims")
                    && !hidden.stdout.contains("Border post"), "\(args)")
        }
        let shown = try CLI.run(["show", id, "--include-restricted", "--identity", key.identity], cwd: folder)
        #expect(shown.stdout.contains("Victim interview record") && shown.stdout.contains("Names of victims"))
    }

    @Test func unknownIDsSuggestTheNearestAndAmbiguousOnesAreRefused() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = try CLI.run(["show", "tip-2005#1.3"], cwd: folder)
        #expect(unknown.status == 66)
        #expect(unknown.stderr == "accord: unknown id 'tip-2005#1.3' (did you mean tip-2005#1.1, tip-2005#1.2, tip-2005#1?)\n")
        let ambiguous = try CLI.run(["show", "1.1"], cwd: folder)
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("crime-1997#1.1, tip-2005#1.1"))
        #expect(try CLI.run(["show", "1.2"], cwd: folder).stdout.contains("Viet Nam trains border guards."))
        #expect(try CLI.run(["show", "crime"], cwd: folder).stdout.contains("Police cooperation"))
    }

    /// Stress: 400 runs of the binary, eight at a time on one tracker; `make test-slow` runs it.
    @Test(.tags(.slow), runBySlowTarget) func eightProcessesLoggingFiftyReportsEachLoseNothing() throws {
        let folder = try Self.smallTracker()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parties = ["VN", "KH"]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for index in 0..<50 {
                let result = try? CLI.run(["log", "tip-2005#1.1", "--status", "in-progress", "--party", parties[writer % 2],
                                           "--date", "2019-03-26", "--note", "writer \(writer) report \(index)"],
                                          cwd: folder, timeout: 300)
                if result?.status != 0 { failures.add("\(writer)/\(index): \(result?.stderr ?? "did not run")") }
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.prefix(3))")
        let reports = try CLI.git("ls-tree", "-r", "--name-only", "HEAD", "Events", in: folder).stdout.split(separator: "\n")
        #expect(reports.count == 400)
        #expect(try CLI.git("fsck", "--full", "--strict", in: folder).status == 0)
        #expect(try CLI.git("status", "--porcelain", in: folder).stdout == "")
        let notes = try CLI.git("log", "--format=%b", in: folder).stdout
        for writer in 0..<8 { #expect(notes.components(separatedBy: "writer \(writer) report").count - 1 == 50) }
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var list: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
