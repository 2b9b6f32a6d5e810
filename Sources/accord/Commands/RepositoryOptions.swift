import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// The options every command that reads or writes a tracker shares.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The tracker's folder (else $ACCORD_REPO, else $GIT_DIR, else the repository around the current folder).",
        valueName: "path"))
    var repo: String?

    private var currentDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }

    /// Opens the tracker; fails with exit 66 when there is none or it is not a tracker.
    func openTracker() throws -> Repository {
        try TrackerLocation.openTracker(explicit: repo, environment: ProcessInfo.processInfo.environment,
                                        currentDirectory: currentDirectory)
    }

    /// Opens the git repository without asking for `accord.yaml` (for checks of a damaged one).
    func openRepository() throws -> Repository {
        try TrackerLocation.openRepository(explicit: repo, environment: ProcessInfo.processInfo.environment,
                                           currentDirectory: currentDirectory)
    }
}
