import Foundation
import TestSupport
import Testing

/// What accord keeps in the git folder (`.git/accord`: the record cache and the derived
/// store) never changes an answer: after commits accord did not make (a `git commit`, a
/// pull, a checkout of an older commit, a rebase), and with a damaged store, every read
/// command prints what it prints with nothing kept at all. The two comparisons run every
/// read command with and without what is kept, some four hundred runs of the binary: they
/// are tagged slow, and `make test-slow` runs them.
@Suite(.scratchFolder) struct DerivedStoreTests {
    let scratch: ScratchFolder
    let tracker: URL

    init() throws {
        scratch = try ScratchFolder.current
        tracker = scratch.path("example")
        try AccordProcess.copyExample(to: tracker)
    }

    var kept: URL { tracker.appendingPathComponent(".git/accord") }
    var store: URL { kept.appendingPathComponent("derived.sqlite") }

    /// The read commands compared, each with --json (or JSON as its format).
    static let reads: [[String]] = [
        ["status"], ["gaps"], ["schedule"], ["validate", "--revision", "HEAD"],
        ["list", "instruments"], ["list", "commitments"], ["list", "items"], ["list", "evidence"], ["list", "meetings"],
        ["due", "--as-of", "2019-12-01", "--within", "365d"],
        ["show", "plan-2017-2020#1.6"], ["show", "tip-2005"], ["history", "--limit", "30"], ["history", "plan-2017-2020#1.6"],
        ["show", "sr-2006-03-31-kh-h7tl1"], ["history", "sr-2006-03-31-kh-h7tl1"],
        ["revisions", "tip-2005"], ["diff", "tip-2005"], ["summary", "--since", "2018-01-01", "--format", "json"],
        ["search", "nạn", "nhân"], ["search", "biên", "phòng"], ["search", "ជនរងគ្រោះ"],
        ["search", "trafficking", "--as-of", "2010-01-01"],
    ]

    /// Reads that use every part of the store: records, texts and their comparisons, the
    /// search index, the commit index and the folder histories; in the order of `reads`.
    static let storeReads: [[String]] = [["status"], ["history", "plan-2017-2020#1.6"], ["revisions", "tip-2005"],
                                         ["diff", "tip-2005"], ["search", "nạn", "nhân"]]

    /// Every read's output and exit status, through what is kept in the git folder.
    func answers(_ reads: [[String]] = Self.reads) throws -> [String] {
        try reads.map { arguments in
            let json = arguments.contains("--format") ? [] : ["--json"]
            let result = try AccordProcess.run(arguments + json + ["--repo", tracker.path])
            return "\(arguments): \(result.status)\n\(result.stdout)\(result.stderr)"
        }
    }

    /// The same, with nothing kept: what was kept is moved aside and put back after.
    func coldAnswers() throws -> [String] {
        let aside = scratch.path("kept-aside")
        let manager = FileManager.default
        if manager.fileExists(atPath: kept.path) { try manager.moveItem(at: kept, to: aside) }
        defer {
            try? manager.removeItem(at: kept)
            if manager.fileExists(atPath: aside.path) { try? manager.moveItem(at: aside, to: kept) }
        }
        return try answers()
    }

    func expectSameAsCold(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try answers()
        let cold = try coldAnswers()
        for (warm, cold) in zip(kept, cold) {
            #expect(warm == cold, "\(step)", sourceLocation: sourceLocation)
        }
    }

    func git(_ arguments: String...) throws {
        let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/git"),
                                 ["-c", "user.name=Desk", "-c", "user.email=desk@example.org"] + arguments, cwd: tracker)
        try #require(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    /// Writes a status report on plan-2017-2020#1.6 into the working tree, with a note in
    /// Vietnamese and Khmer.
    func writeReport(_ suffix: String, in folder: URL? = nil) throws -> String {
        let id = "sr-2019-04-02-vn-\(suffix)"
        let path = "Events/2019/04/\(id).yaml"
        let file = (folder ?? tracker).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("""
            id: \(id)
            target: plan-2017-2020#1.6
            status: implemented
            date: 2019-04-02
            party: VN
            note: Tập huấn cho cán bộ biên phòng về bảo vệ nạn nhân (\(suffix)). ការការពារជនរងគ្រោះ
            """.utf8).write(to: file)
        return path
    }

    @Test(.tags(.slow), runBySlowTarget) func commitsAccordDidNotMakeGiveTheAnswersOfAColdRead() throws {
        try expectSameAsCold("the example")

        // A `git commit` of a new report: the kept snapshot is brought up to it.
        try git("add", try writeReport("a1b2c"))
        try git("commit", "-q", "-m", "A report written by hand")
        try expectSameAsCold("after git commit")

        // A pull bringing a report from another copy.
        let other = scratch.path("other")
        _ = try CLI.git("clone", "-q", tracker.path, other.path, in: scratch.url)
        _ = try writeReport("d3e4f", in: other)
        for arguments in [["add", "."], ["-c", "user.name=Other", "-c", "user.email=o@example.org", "commit", "-q", "-m", "From the other desk"]] {
            let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/git"), arguments, cwd: other)
            try #require(result.status == 0, "\(result.stderr)")
        }
        try git("pull", "-q", "--no-rebase", other.path, "HEAD")
        try expectSameAsCold("after git pull")

        // A checkout of an older commit, then back.
        try git("checkout", "-q", "HEAD~2")
        try expectSameAsCold("after checkout of an older commit")
        try git("checkout", "-q", "-")

        // A rebase of a side branch onto the branch, and a change that is not an added report.
        try git("checkout", "-q", "-b", "side", "HEAD~1")
        try git("add", try writeReport("g5h6j"))
        try git("commit", "-q", "-m", "On the side")
        try git("rebase", "-q", "main")
        try expectSameAsCold("after rebase")
        let text = tracker.appendingPathComponent("Agreements/tip-2005/text.vi.md")
        try (try String(contentsOf: text, encoding: .utf8) + "\nPhụ lục: biên phòng.\n").write(to: text, atomically: true, encoding: .utf8)
        try git("commit", "-q", "-am", "A text edited by hand")
        try expectSameAsCold("after a text edit")
    }

    @Test(.tags(.slow), runBySlowTarget) func aDamagedStoreGivesTheAnswersOfNoStore() throws {
        let cold = try coldAnswers()
        _ = try answers()
        let manager = FileManager.default
        #expect(manager.fileExists(atPath: store.path))
        let good = try Data(contentsOf: store)
        for (name, bytes) in DamagedFile.variants(of: good) {
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: store.path + suffix) }
            try bytes.write(to: store)
            #expect(try answers() == cold, "\(name)")
            // And the next run finds a good store again.
            #expect(try answers(Self.storeReads) == cold.filter { answer in Self.storeReads.contains { answer.hasPrefix("\($0):") } },
                    "\(name), next run")
        }
    }

    /// `accord log` on a target named in full, and `accord show` of a target, instrument,
    /// plan or meeting, read through the store only the reports they are about (the others
    /// by id): what log prints and commits, and what show and every read print afterwards,
    /// are what the same commands give with nothing kept at all. The report ids, random,
    /// are compared by the order they were given in.
    @Test func aReportRecordedOrShownThroughTheStoreIsOneRecordedOrShownWithout() throws {
        let cold = scratch.path("cold")
        try AccordProcess.copyExample(to: cold)
        _ = try AccordProcess.run(["status", "--repo", tracker.path])
        let logs: [[String]] = [
            ["plan-2017-2020#1.6", "--status", "in-progress", "--party", "VN", "--date", "2019-05-01", "--note", "Bắt đầu."],
            ["PLAN-2017-2020#1.6", "--status", "in-progress", "--party", "VN", "--date", "2019-05-02"],
            ["plan-2017-2020#1.6", "--status", "implemented", "--party", "KH", "--date", "2019-06-01",
             "--evidence", "ev-2019-12-31-training-support"],
            ["plan-2017-2020#1.6", "--status", "implemented", "--party", "VN", "--date", "2019-01-01"],
            ["1.6", "--status", "partial", "--party", "KH", "--date", "2019-07-01"],
            // Evidence that names no target of the plan: read because the report cites it.
            ["plan-2017-2020#1.6", "--status", "implemented", "--party", "KH", "--date", "2019-08-01",
             "--evidence", "ev-2006-07-joint-campaign-launch"],
            ["plan-2017-2020#1.6", "--status", "implemented", "--party", "VN", "--date", "2099-01-01"],
            ["plan-2017-2020#9.9", "--status", "implemented", "--party", "VN", "--date", "2019-01-01"],
            ["plan-2017-2020#1.6", "--status", "implemented", "--party", "XX", "--date", "2019-01-01"],
        ]
        var given: [[String]] = [[], []]
        func normalized(_ text: String, _ copy: Int) -> String {
            var text = text
            for (number, id) in given[copy].enumerated() { text = text.replacingOccurrences(of: id, with: "<report \(number)>") }
            return text.replacingOccurrences(of: #"commit [0-9a-f]{7,}"#, with: "commit <id>", options: .regularExpression)
                .replacingOccurrences(of: #"wd-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9a-z-]+"#, with: "<withdrawal>", options: .regularExpression)
                .replacingOccurrences(of: #"recorded-at: .*"#, with: "recorded-at: <time>", options: .regularExpression)
                .replacingOccurrences(of: #""recordedAt" : "[^"]*""#, with: #""recordedAt" : "<time>""#, options: .regularExpression)
        }
        for arguments in logs {
            var printed: [String] = []
            for (copy, folder) in [tracker, cold].enumerated() {
                if copy == 1 { try? FileManager.default.removeItem(at: folder.appendingPathComponent(".git/accord")) }
                let result = try AccordProcess.run(["log"] + arguments + ["--by", "Desk <desk@example.org>", "--repo", folder.path])
                if let match = result.stdout.firstMatch(of: #/recorded (sr-[a-z0-9-]+):/#) { given[copy].append(String(match.1)) }
                var committed = ""
                if result.status == 0, given[copy].last != nil {
                    let show = try AccordProcess.git(["show", "HEAD", "--format=%an%n%ad%n%B", "--stat=200"], in: folder)
                    let path = try AccordProcess.git(["diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"], in: folder)
                    committed = show + (try AccordProcess.git(["show", "HEAD:" + path.trimmingCharacters(in: .newlines)], in: folder))
                }
                printed.append(normalized("\(result.status)\n\(result.stdout)\(result.stderr)\(committed)", copy))
            }
            #expect(printed[0] == printed[1], "log \(arguments)")
        }
        try #require(given[0].count == 6 && given[1].count == 6, "the six reports were recorded in both copies")
        // The piece of evidence of another instrument that a report cites, retracted.
        for folder in [tracker, cold] {
            let retracted = try AccordProcess.run(["retract", "ev-2006-07-joint-campaign-launch", "--reason", "A duplicate.",
                                                   "--by", "Desk <desk@example.org>", "--repo", folder.path])
            try #require(retracted.status == 0, "\(retracted.stderr)")
        }
        for arguments in [["show", "plan-2017-2020#1.6"], ["show", "PLAN-2017-2020#1.6"], ["show", "plan-2017-2020"],
                          ["show", "tip-2005"], ["show", "tip-2005#7"], ["show", "1.6"], ["show", "ev-2019-12-31-training-support"],
                          ["show", given[0][2]], ["history", given[0][2]],
                          ["show", "plan-2017-2020#1.6", "--as-of", "2019-05-01"], ["show", "tip-2005#99"],
                          ["show", "2006-05-17-border-conference-unodc"], ["history", "2006-05-17-border-conference-unodc"],
                          ["status"], ["history", "plan-2017-2020#1.6"], ["history", "tip-2005"], ["history", "plan-2017-2020"],
                          ["history", "ev-2019-12-31-training-support"], ["history", "--limit", "5"], ["gaps"]] {
            let answers = try [tracker, cold].enumerated().map { copy, folder in
                if copy == 1 { try? FileManager.default.removeItem(at: folder.appendingPathComponent(".git/accord")) }
                let arguments = copy == 1 && arguments.count == 2 && arguments[1] == given[0][2] ? [arguments[0], given[1][2]] : arguments
                let result = try AccordProcess.run(arguments + ["--json", "--repo", folder.path])
                return normalized("\(result.status)\n\(result.stdout)\(result.stderr)", copy)
                    .replacingOccurrences(of: #"[0-9a-f]{40}"#, with: "<commit>", options: .regularExpression)
            }
            #expect(answers[0] == answers[1], "\(arguments) after the reports")
        }
    }

    /// Once a command that wrote to the store has ended, the store is its one file: the
    /// write-ahead log is folded back into it, so a copy of `derived.sqlite` alone (a
    /// backup's, a USB stick's) holds every row the command wrote. A command that finds
    /// what it needs stored writes nothing, to the file or its log, so a read neither
    /// syncs the disk nor waits for another command's write, and the log does not grow.
    @Test func theStoreIsOneFileOnceACommandEndsAndAWarmReadWritesNothing() throws {
        let log = URL(fileURLWithPath: store.path + "-wal")
        func size(_ file: URL) -> Int { (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0 }
        func files() throws -> [Data] { [try Data(contentsOf: store), (try? Data(contentsOf: log)) ?? Data()] }
        // Every part of the store (the records, the commit index and folder histories, the
        // texts' comparisons, the search index), and `gaps`, which only reads.
        for arguments in Self.storeReads + [["gaps"]] {
            func run() throws {
                let result = try AccordProcess.run(arguments + ["--json", "--repo", tracker.path])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
            }
            // The first run stores what it read (the records, the search index).
            try run()
            if arguments == ["status"] || arguments.first == "search" {
                #expect(size(log) == 0, "after \(arguments), the write-ahead log holds \(size(log)) bytes")
            }
            try run()
            let before = try files()
            try run()
            #expect(try files() == before, "a second \(arguments) with everything stored changed the store's files")
            #expect(size(log) <= 16_384, "after \(arguments), the write-ahead log holds \(size(log)) bytes")
        }
    }

    @Test func searchFindsVietnameseAndKhmerWordsAndNeverRestrictedEvidence() throws {
        try git("add", try writeReport("k7m8n"))
        try git("commit", "-q", "-m", "A report with Vietnamese and Khmer")
        let khmer = try AccordProcess.run(["search", "ជនរងគ្រោះ", "--repo", tracker.path])
        #expect(khmer.status == 0, "\(khmer.stderr)")
        #expect(khmer.stdout.contains("status report sr-2019-04-02-vn-k7m8n note"))
        let vietnamese = try AccordProcess.run(["search", "nạn", "nhân", "--json", "--repo", tracker.path])
        #expect(vietnamese.stdout.contains("\"id\" : \"sr-2019-04-02-vn-k7m8n\""))
        // The Vietnamese text of tip-2005: its articles.
        #expect(vietnamese.stdout.contains("\"kind\" : \"text\""))
        #expect(vietnamese.stdout.contains("\"language\" : \"vi\""))
        // A tone mark makes another word.
        let other = try AccordProcess.run(["search", "nan", "nhan", "--repo", tracker.path])
        #expect(!other.stdout.contains("k7m8n"))
        // Before the report's date it is not found.
        let before = try AccordProcess.run(["search", "ជនរងគ្រោះ", "--as-of", "2019-04-01", "--repo", tracker.path])
        #expect(!before.stdout.contains("k7m8n"))
        // Punctuation alone is refused as a usage error.
        let empty = try AccordProcess.run(["search", "…", "--repo", tracker.path])
        #expect(empty.status == 64)
    }

    @Test func restrictedEvidenceIsNeverIndexed() throws {
        let id = "ev-2019-04-03-secret"
        let path = "Evidence/2019/\(id).yaml"
        let file = tracker.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("""
            id: \(id)
            kind: report
            title: Lời khai của nạn nhân Zyxwvut
            date: 2019-04-03
            party: VN
            sensitivity: restricted
            note: Zyxwvut
            """.utf8).write(to: file)
        try git("add", path)
        try git("commit", "-q", "-m", "Restricted evidence")
        let found = try AccordProcess.run(["search", "zyxwvut", "--repo", tracker.path])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(!found.stdout.contains(id))
        let bytes = try Data(contentsOf: store)
        #expect(bytes.firstRange(of: Data("Zyxwvut".utf8)) == nil)
        #expect(bytes.firstRange(of: Data("zyxwvut".utf8)) == nil)
    }
}
