import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

/// `accord digest`: a fingerprint two copies compare to prove they agree.
struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print a fingerprint of the tracker's state, to check that two copies agree.",
        discussion: """
        By default the digest is SHA-256 over the derived state at the as-of date (default \
        today): everything `status --json` and `list … --json` report for every instrument, \
        commitment, plan item, decision, piece of evidence and meeting, restricted evidence \
        included. Two copies whose records mean the same thing print the same digest, \
        whatever their histories.

        With --files it is SHA-256 over the path and git blob id of every file at the \
        commit instead: equal only when the two copies hold byte-identical files.

        Run it on both sides after a sync, with the same --as-of, and compare.

        Output: <sha256>  state at <date>: <counts>   or, with --files,
                <sha256>  <N> files at <short commit>

        Examples:
          accord digest --as-of 2026-01-01
          accord digest --files --revision origin/main
          accord digest --json
        """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var read: ReadOptions
    @Flag(help: "Fingerprint the files (paths and blob ids) instead of the derived state.") var files = false

    func run() throws {
        if files {
            let tracker = try repository.openTracker()
            let digest = try tracker.contentDigest(at: read.revision ?? "HEAD")
            try Console(read.terminal, repository: tracker).show(digest, json: read.json) { _ in
                "\(digest.sha256)  " + L10n.t("{1} files at {2}", digest.files, digest.commit?.short ?? L10n.t("no commit")) + "\n"
            }
            return
        }
        let context = try TrackerContext.open(repository, read)
        let digest = try StateDigest(snapshot: context.snapshot, state: context.state)
        try context.console.show(digest, json: read.json) { _ in
            "\(digest.sha256)  " + L10n.t("state at {1}: {2} instruments and plans, {3} targets, {4} status reports, {5} pieces of evidence, {6} meetings",
                                          digest.asOf, digest.instruments, digest.targets, digest.reports, digest.evidence, digest.meetings) + "\n"
        }
    }
}
