import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord init [PATH]`: a new tracker with its settings file, in one commit.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a tracker: a git repository on branch main with accord.yaml.",
            discussion: """
            Creates the folder if needed. Refuses (exit 73), changing nothing, when a tracker or a \
            git repository with commits is there already. With --bare, creates a hub to sync through.
            """)

        @Argument(help: "The folder to create the tracker in.")
        var path: String = "."

        @Flag(help: "Create a bare repository (no working folder), e.g. a hub on a shared drive.")
        var bare = false

        func run() throws {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let (repository, commit) = try TrackerLocation.create(at: url, bare: bare)
            let place = repository.workingDirectory?.path ?? repository.gitDirectory.path
            print("Created accord tracker in \(place) (commit \(commit.short) on \(repository.branch))")
        }
    }
}
