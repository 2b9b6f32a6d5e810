import Foundation
import TestSupport
import Testing

/// The spelling of `CLI`'s calls that some end-to-end tests use: every run goes through
/// `CLI.run`, so all tests share one way of starting, timing out and reading a process.
enum AccordProcess {
    typealias Result = CLI.Result

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `accord` binary built next to the test bundle.
    static var binary: URL { CLI.productsFolder.appendingPathComponent("accord") }

    /// Runs `accord` with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try CLI.run(arguments, cwd: directory, env: environment)
    }

    /// Runs another executable.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        try CLI.run(executable: executable, arguments, cwd: directory, env: environment)
    }

    /// Runs git in `directory` and returns its standard output.
    static func git(_ arguments: [String], in directory: URL) throws -> String {
        try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/git"), arguments, cwd: directory).stdout
    }

    /// The built-in example tracker in a new scratch folder, for the caller to change.
    static func exampleTracker() throws -> (scratch: URL, tracker: URL) {
        let scratch = try ScratchFolder.make()
        let tracker = scratch.appendingPathComponent("tracker")
        try copyExample(to: tracker)
        return (scratch, tracker)
    }

    /// Copies the example tracker to `tracker` (a path that does not exist yet). The
    /// example is made once per test process with `accord init --example`, which commits
    /// each of its facts one by one; a copy of it is the same repository.
    static func copyExample(to tracker: URL) throws {
        let template = try #require(exampleTemplate.tracker, "accord init --example failed: \(exampleTemplate.problem)")
        try ScratchFolder.copy(template, to: tracker)
    }

    private static let exampleTemplate: (tracker: URL?, problem: String) = {
        do {
            let tracker = try ScratchFolder.make().appendingPathComponent("example")
            let created = try run(["init", "--example", tracker.path], environment: ["ACCORD_EXAMPLE_DIR": packageRoot.path])
            return created.status == 0 ? (tracker, "") : (nil, created.stderr)
        } catch {
            return (nil, "\(error)")
        }
    }()
}
