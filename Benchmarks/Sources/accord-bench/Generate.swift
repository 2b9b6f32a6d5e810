import AccordCore
import ArgumentParser
import Foundation
import GitStore
import SyntheticTracker

extension AccordBench {
    /// Writes a synthetic tracker through GitStore into a new bare repository.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic tracker (a bare repository) through accord's own store.",
            discussion: """
            full: 10 instruments × 200 articles, 2,000 plan items, 100,000 status reports, \
            20,000 pieces of evidence, 50,000 commits. tenth: a tenth of each. tiny: for tests. \
            Commits go through Repository.apply with fsync off (bulk loading); loose objects are \
            packed with `git repack` every 5,000 commits. Clone the result to get a working copy.
            """)

        @Option(help: "The bare repository to create.") var out: String
        @Option(help: "full, tenth or tiny.") var scale: String = "tenth"
        @Option(help: "The random seed; the same seed gives the same files.") var seed: UInt64 = 8

        func validate() throws {
            if SyntheticTracker.Scale(named: scale) == nil { throw ValidationError("--scale is full, tenth or tiny") }
        }

        func run() throws {
            let started = Date()
            let tracker = SyntheticTracker(scale: SyntheticTracker.Scale(named: scale)!, seed: seed)
            print(String(format: "planned %d commits of %d files in %.1f s", tracker.steps.count, tracker.fileCount,
                         Date().timeIntervalSince(started)))
            Durability.setForProcess(.relaxed)
            let url = URL(fileURLWithPath: out)
            let repository = try Repository.create(at: url, bare: true)
            try tracker.write(to: repository) { done in
                if done % 5_000 == 0 { try git(["-C", url.path, "repack", "-d", "-q"]) }
                if done % 10_000 == 0 {
                    print(String(format: "%d commits, %.0f s", done, Date().timeIntervalSince(started)))
                }
            }
            try git(["-C", url.path, "repack", "-a", "-d", "-q"])
            print(String(format: "generated %d commits in %.0f s", tracker.steps.count, Date().timeIntervalSince(started)))
        }
    }
}

/// Runs git and fails when it does.
func git(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ExitCode(process.terminationStatus) }
}
