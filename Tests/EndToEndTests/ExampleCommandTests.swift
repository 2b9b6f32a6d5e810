import Foundation
import TestSupport
import Testing

@Suite struct ExampleCommandTests {
    @Test func theProjectsExampleValidatesClean() throws {
        let result = try AccordProcess.run(["validate", AccordProcess.packageRoot.path])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("valid: 4 instruments, "))
        #expect(result.stdout.contains("34 plan items"))
    }

    @Test(.scratchFolder) func initExampleCommitsEachFactOnItsDateAndTagsTheRevision() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let tracker = scratch.appendingPathComponent("example")
        // The example the end-to-end tests copy is made once per test process by this very
        // command (`init --example` with the project's example folder); its history is read here.
        try AccordProcess.copyExample(to: tracker)
        let dates = try AccordProcess.git(["log", "--reverse", "--format=%ad %s", "--date=short"], in: tracker)
            .split(separator: "\n").map(String.init)
        #expect(dates.first == "1997-01-01 Add crime-1997, signed 1997")
        #expect(dates.contains("2005-10-10 Add tip-2005, signed 2005-10-10"))
        #expect(dates.contains { $0.hasPrefix("2012-09-28 Amend tip-2005 on 2012-09-28") })
        #expect(dates.contains { $0.hasPrefix("2013-12-") && $0.contains("Add extradition-2013") })
        #expect(dates.contains("2016-10-05 Adopt plan-2017-2020, 2016-10-05"))
        // Dates never go backwards: a true chronology.
        let days = dates.map { String($0.prefix(10)) }
        #expect(days == days.sorted())
        let tags = try AccordProcess.git(["tag", "-l"], in: tracker).split(separator: "\n")
        #expect(tags.contains("tip-2005@2012-09-28"))
        let tagType = try AccordProcess.git(["cat-file", "-t", "tip-2005@2012-09-28"], in: tracker)
        #expect(tagType == "tag\n")  // annotated
        let tagged = try AccordProcess.git(["log", "-1", "--format=%ad", "--date=short", "tip-2005@2012-09-28"], in: tracker)
        #expect(tagged == "2012-09-28\n")
        // The text changed at the amendment; the 2005 version is the earlier one.
        let diff = try AccordProcess.git(["diff", "--stat", "tip-2005@2005-10-10", "tip-2005@2012-09-28"], in: tracker)
        #expect(diff.contains("Agreements/tip-2005/text.en.md"))
        // A status report is authored by its reporter.
        let authors = try AccordProcess.git(["log", "--format=%an"], in: tracker)
        #expect(authors.contains("accord example"))
        #expect(authors.split(separator: "\n").contains { $0 != "accord example" })
        // The tracker it built is valid, read from git.
        let validated = try AccordProcess.run(["validate", "--repo", tracker.path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    @Test(.scratchFolder) func aBadExampleWritesNothing() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let example = scratch.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: example.appendingPathComponent("Agreements/x-1"), withIntermediateDirectories: true)
        try Data("format: 1\nname: bad\nparties: []\n".utf8).write(to: example.appendingPathComponent("accord.example.yaml"))
        try Data("id: x-1\nkind: agreement\ntitle:\n  en: X\nparties: [VN]\nsigned:\n  date: 2019-02-30\nstatus: in-force\n".utf8)
            .write(to: example.appendingPathComponent("Agreements/x-1/instrument.yaml"))
        let tracker = scratch.appendingPathComponent("tracker")
        let result = try AccordProcess.run(["init", "--example", "--example-dir", example.path, tracker.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Agreements/x-1/instrument.yaml:7: signed.date: 2019-02-30 is not a date"))
        #expect(!FileManager.default.fileExists(atPath: tracker.path))
    }

    @Test(.scratchFolder) func validateReportsEveryProblemWithExit65() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("Meetings"), withIntermediateDirectories: true)
        try Data("format: 1\nname: t\nparties:\n  - code: VN\n    name: Viet Nam\n".utf8)
            .write(to: scratch.appendingPathComponent("accord.yaml"))
        try Data("id: 2019-01-01-x\ntitle: X\ndate: 2019-01-01\nhost: KH\nvenue: [a\n".utf8)
            .write(to: scratch.appendingPathComponent("Meetings/2019-01-01-x.yaml"))
        try Data("id: 2019-01-02-y\ntitle: Y\ndate: 2019-01-02\nhost: KH\ncolour: red\n".utf8)
            .write(to: scratch.appendingPathComponent("Meetings/2019-01-02-y.yaml"))
        let result = try AccordProcess.run(["validate", scratch.path])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "accord: 3 problems in the tracker data:")
        #expect(lines.contains { $0.hasPrefix("  Meetings/2019-01-01-x.yaml:") && $0.contains("YAML syntax") })
        #expect(lines.contains("  Meetings/2019-01-02-y.yaml:4: host: KH is not a party in accord.yaml"))
        #expect(lines.contains("  Meetings/2019-01-02-y.yaml:5: colour: unknown field"))
    }
}
