import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension AccordBench {
    /// Loads a tracker's snapshot and state the way the commands do, and times each phase.
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time loading a tracker: listing, reading, parsing, checking, folding.")
        @Option var repo: String
        @Option(help: "The state's as-of date (default today).") var asOf: String?
        @Flag(help: "Load through the record cache, as the commands do, instead of phase by phase.")
        var cached = false

        func run() throws {
            let repository = try Repository.open(at: URL(fileURLWithPath: repo))
            var last = Date()
            func lap(_ what: String) {
                let now = Date()
                print(String(format: "%-10@ %8.1f ms", what, now.timeIntervalSince(last) * 1000))
                last = now
            }
            let asOf = asOf.flatMap({ CalendarDate($0) }) ?? CalendarDate(year: 2030, month: 1, day: 1)!
            if cached {
                let snapshot = try TrackerSnapshot.load(repository: repository)
                lap("cached")
                let state = TrackerState(snapshot, asOf: asOf)
                lap("state")
                print("\(snapshot.reports.count) reports, \(snapshot.diagnostics.count) problems, \(state.targets.count) targets")
                return
            }
            let files = try RevisionFiles(repository: repository, commit: repository.resolve("HEAD"))
            lap("list")
            let data = try files.paths().map { ($0, TrackerRecord.needsContent($0) ? try files.read($0) : Data()) }
            lap("read")
            let records = data.map { TrackerRecord.parse(path: $0.0, data: $0.1) }
            lap("parse")
            let snapshot = TrackerSnapshot(records: records)
            lap("snapshot")
            let state = TrackerState(snapshot, asOf: asOf)
            lap("state")
            print("\(records.count) files, \(snapshot.diagnostics.count) problems, \(state.targets.count) targets")
        }
    }
}
