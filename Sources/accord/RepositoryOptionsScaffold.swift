import ArgumentParser
import Foundation
import GitStore

// TEMPORARY: stands in for the gitstore branch's `RepositoryOptions` until it lands; delete
// this file when merging `gitstore`.

/// `--repo PATH`, shared by every command that works on a tracker.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .customLong("repo"), help: "The tracker's folder (default: $ACCORD_REPO, else the enclosing git repository).")
    var path: String?

    /// Opens the tracker the options name.
    func open() throws -> Repository {
        if let path = path ?? ProcessInfo.processInfo.environment["ACCORD_REPO"] {
            return try Repository.open(at: URL(fileURLWithPath: path))
        }
        return try Repository.discover(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}
