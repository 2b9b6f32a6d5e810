import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord validate [--repo PATH | FOLDER]`: every problem in the tracker's files.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check every file of a tracker and report every problem.",
            discussion: """
            Reads the tracker at the tip of its branch (or, given FOLDER, the files in that \
            folder, committed or not; a folder holding accord.example.yaml is read as the \
            project's example). Prints each problem as file:line: field: message and exits 65 \
            when there is any; otherwise prints what the tracker holds.

            With --json, prints {valid, problems, counts} (docs/json.md) on standard output \
            either way, and still exits 65 when there is a problem.

              accord validate
              accord validate Agreements/../
              accord validate --json | jq '.problems[] | .file'
            """)

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "A folder to check instead of a repository's committed files.")
        var folder: String?

        @Flag(help: "Print JSON (keys documented in docs/json.md) instead of text.")
        var json = false

        @OptionGroup var terminal: TerminalOptions

        func validate() throws {
            if folder != nil && repository.repo != nil {
                throw ValidationError("give either --repo or FOLDER, not both")
            }
        }

        func run() throws {
            let snapshot: TrackerSnapshot
            var tracker: Repository?
            if let folder {
                let url = URL(fileURLWithPath: folder).standardizedFileURL
                let isExample = !FileManager.default.fileExists(atPath: url.appendingPathComponent(TrackerSettings.fileName).path)
                    && FileManager.default.fileExists(atPath: url.appendingPathComponent("accord.example.yaml").path)
                snapshot = isExample ? try TrackerSnapshot.load(ExampleFiles(root: url)) : try TrackerSnapshot.load(folder: url)
            } else {
                let opened = try repository.openTracker()
                tracker = opened
                snapshot = try TrackerSnapshot.load(repository: opened)
            }
            KeptUntilExit.keep(snapshot)
            let console = try Console(terminal, repository: tracker)
            if json {
                console.show(try JSONOutput.render(ValidationReport(snapshot)))
                if !snapshot.isValid { throw ExitCode(ExitStatus.dataError.rawValue) }
                return
            }
            try snapshot.requireValid()
            console.show(Self.summary(of: snapshot) + "\n")
        }

        /// What `validate --json` prints: whether the tracker is valid, every problem, and
        /// what it holds.
        struct ValidationReport: Encodable {
            let valid: Bool
            let problems: [Diagnostic]
            let counts: Counts

            /// What the tracker holds: the same counts as the line `validate` prints.
            struct Counts: Encodable {
                let instruments, commitments, plans, planItems, meetings, evidence, statusReports: Int

                init(_ snapshot: TrackerSnapshot) {
                    instruments = snapshot.instruments.count
                    commitments = snapshot.instruments.map(\.commitments.count).reduce(0, +)
                    plans = snapshot.plans.count
                    planItems = snapshot.plans.map(\.items.count).reduce(0, +)
                    meetings = snapshot.meetings.count
                    evidence = snapshot.evidenceCount
                    statusReports = snapshot.reportCount
                }
            }

            init(_ snapshot: TrackerSnapshot) {
                valid = snapshot.isValid
                problems = snapshot.diagnostics.sorted()
                counts = Counts(snapshot)
            }
        }

        /// `valid: 3 instruments, 34 plan items, …`.
        static func summary(of snapshot: TrackerSnapshot) -> String {
            func count(_ number: Int, _ singular: String, _ plural: String) -> String {
                "\(number) \(number == 1 ? singular : plural)"
            }
            let counts = ValidationReport.Counts(snapshot)
            let parts = [
                count(counts.instruments, "instrument", "instruments"),
                count(counts.commitments, "commitment", "commitments"),
                count(counts.plans, "plan", "plans"),
                count(counts.planItems, "plan item", "plan items"),
                count(counts.meetings, "meeting", "meetings"),
                count(counts.evidence, "piece of evidence", "pieces of evidence"),
                count(counts.statusReports, "status report", "status reports"),
            ]
            return "valid: " + parts.joined(separator: ", ")
        }
    }
}
