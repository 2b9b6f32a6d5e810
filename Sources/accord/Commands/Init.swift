import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord init [PATH]`: a new tracker with its settings file, in one commit; with
    /// `--example`, the project's example with its true chronology.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a tracker: a git repository on branch main with accord.yaml.",
            discussion: """
            Creates the folder if needed, with a new repository on branch main; an existing empty \
            git repository is used as it is, on its own branch. Refuses (exit 73), changing \
            nothing, when a tracker or a git repository with commits is there already.

            With --bare, creates an empty hub to sync through (a bare repository with no commit, \
            its HEAD naming main): add it as a remote of a tracker and `accord sync` fills it \
            with that tracker's history. With --bare and --example, a bare copy of the example.

            With --example, builds the Viet Nam–Cambodia example instead (docs/example.md): each \
            instrument committed on its signing date, each amendment on its date and tagged \
            <id>@<date>, the plan on its adoption date, each record on its own date. The example's \
            files are looked for in --example-dir, else $ACCORD_EXAMPLE_DIR, else the folders above \
            the accord executable, else the source tree accord was built from. A problem in the \
            example stops it (exit 65) before anything is written.

            --quiet prints only the tracker's first commit id (with --example, its last); \
            --verbose also that commit (id, author, date, message, files).
            """)

        @OptionGroup var write: WriteOptions

        @Argument(help: "The folder to create the tracker in.")
        var path: String = "."

        @Flag(help: "Create an empty hub to sync through: a bare repository with no commits, e.g. on a shared drive.")
        var bare = false

        @Flag(help: "Build the Viet Nam–Cambodia example tracker with its history.")
        var example = false

        @Option(help: ArgumentHelp("The project folder holding the example (with --example).", valueName: "path"))
        var exampleDir: String?

        func validate() throws {
            if exampleDir != nil && !example {
                throw ValidationError(L10n.t("--example-dir needs --example"))
            }
        }

        func run() throws {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if bare && !example {
                let hub = try TrackerLocation.createHub(at: url)
                Console.say(lines: [L10n.t("Created an empty hub in {1} (branch main, no commits yet); fill it from a tracker with: {2}",
                                           hub.gitDirectory.path, "accord remote add hub \(hub.gitDirectory.path) && accord sync hub")])
                return
            }
            var populate: ((Repository) throws -> ObjectID)?
            if example {
                let files = try ExampleFiles.locate(
                    explicit: exampleDir, environment: ProcessInfo.processInfo.environment,
                    executable: Bundle.main.executableURL, sourceFile: #filePath)
                // Checked in full before the repository exists: a bad example writes nothing.
                let history = try ExampleHistory(files)
                populate = { repository in
                    guard let last = try history.write(into: repository) else {
                        throw AccordError(.notFound, L10n.t("{1} has no instruments", files.origin))
                    }
                    return last
                }
            }
            let (repository, commit) = try TrackerLocation.create(at: url, bare: bare, populate: populate)
            let place = repository.workingDirectory?.path ?? repository.gitDirectory.path
            try write.report(id: commit.hex, [L10n.t("Created accord tracker in {1} (commit {2} on {3})", place, commit.short, repository.branch)],
                             commits: [commit], in: repository)
        }
    }
}
