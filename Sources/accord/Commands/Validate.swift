import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord validate [--repo PATH | FOLDER] [--revision REV] [--json]`: every problem in
    /// the tracker's files.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check every file of a tracker and report every problem.",
            discussion: """
            In a working copy, reads the files of the working tree as they are on disk, \
            committed or not (what the next commit would hold); in a bare repository, the tip \
            of its branch. --revision REV reads a commit's files instead; FOLDER, the files \
            in that folder (a folder holding accord.example.yaml is read as the project's \
            example). In a repository, the commit's tree is checked too: a symbolic link, a \
            submodule link, a .git… name, a . or .. folder, a backslash or a name that is not \
            UTF-8 is a problem (accord never writes them; sync neither takes nor passes them \
            on). Prints each problem as file:line: field: message and exits 65 when there is \
            any; otherwise prints what the tracker holds and what was checked.

              accord validate                       # the working tree
              accord validate --revision HEAD~1     # a commit
              accord validate --json                # for a script; exit 65 on problems too
            """)

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "A folder to check instead of a repository.")
        var folder: String?

        @Option(help: ArgumentHelp("Check the files of this commit (HEAD, a branch, a tag, a commit id).", valueName: "rev"))
        var revision: String?

        @Flag(help: "Print the result as JSON (docs/json.md).")
        var json = false

        @OptionGroup var terminal: TerminalOptions

        func validate() throws {
            if folder != nil && repository.repo != nil {
                throw ValidationError(L10n.t("give either --repo or FOLDER, not both"))
            }
            if folder != nil && revision != nil {
                throw ValidationError(L10n.t("give either --revision or FOLDER, not both"))
            }
        }

        func run() throws {
            let report: ValidationReport
            if let folder {
                let url = URL(fileURLWithPath: folder).standardizedFileURL
                let isExample = !FileManager.default.fileExists(atPath: url.appendingPathComponent(TrackerSettings.fileName).path)
                    && FileManager.default.fileExists(atPath: url.appendingPathComponent("accord.example.yaml").path)
                let snapshot = isExample ? try TrackerSnapshot.load(ExampleFiles(root: url)) : try TrackerSnapshot.load(folder: url)
                KeptUntilExit.keep(snapshot)
                report = ValidationReport(snapshot, checked: "folder")
            } else {
                let tracker = try repository.openTracker()
                if revision == nil, let workingTree = tracker.workingDirectory {
                    let snapshot = try TrackerSnapshot.load(folder: workingTree)
                    KeptUntilExit.keep(snapshot)
                    // The files on disk say nothing of links and names git holds: the
                    // commit checked out is looked at for those.
                    let shape = try (try? tracker.tip()).map { try TreeShape.diagnostics(repository: tracker, commit: $0) } ?? []
                    report = ValidationReport(snapshot, checked: "working-tree", more: shape)
                } else {
                    let commit = try tracker.resolve(typed: revision ?? "HEAD")
                    let snapshot = try TrackerSnapshot.load(repository: tracker, commit: commit)
                    KeptUntilExit.keep(snapshot)
                    report = ValidationReport(snapshot, checked: "revision", revision: commit.description,
                                              more: try TreeShape.diagnostics(repository: tracker, commit: commit))
                }
            }
            let console = try Console(terminal, repository: nil)
            if json {
                console.show(try JSONOutput.render(report))
                if !report.valid { throw ExitCode(ExitStatus.dataError.rawValue) }
                return
            }
            if !report.valid {
                // A folder was named by the user; a repository's working tree or commit is said.
                throw InvalidTrackerData(report.problems, in: report.checked == "folder" ? nil : report.source)
            }
            console.show(report.summaryLine + "\n")
        }
    }
}
