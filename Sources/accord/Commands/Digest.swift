import ArgumentParser
import Foundation
import GitStore

/// `accord digest`: a fingerprint of the tracker's content, to prove two copies agree.
struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a fingerprint of the tracker's content, to check that two copies agree.",
        discussion: """
        The digest is SHA-256 over the path and git blob id of every file at the commit, in \
        byte order of the paths. Two copies holding the same files print the same digest, \
        whatever their histories (who merged whom, in which order). Run it on both sides \
        after a sync and compare.

        Output: <sha256>  <N> files at <short commit>

        Examples:
          accord digest
          accord digest --at v2024-review --json
        """
    )

    @OptionGroup var repository: RepositoryOptions
    @Option(help: "The commit, branch or tag to fingerprint (default: HEAD).") var at = "HEAD"
    @Flag(help: "Print JSON: {sha256, files, commit}.") var json = false

    func run() throws {
        let digest = try repository.openTracker().contentDigest(at: at)
        if json {
            print(try Sync.json(digest))
        } else {
            print("\(digest.sha256)  \(digest.files) files at \(digest.commit?.short ?? "no commit")")
        }
    }
}
