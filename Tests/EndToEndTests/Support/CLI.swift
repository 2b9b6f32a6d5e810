import Foundation
import TestSupport

/// Runs the built binaries (`accord`, `accord-bench`) for end-to-end tests.
enum CLI {
    /// The folder holding the built products: $ACCORD_BIN's folder, else next to the test bundle.
    static let productsFolder: URL = {
        if let bin = ProcessInfo.processInfo.environment["ACCORD_BIN"] {
            return URL(fileURLWithPath: bin).deletingLastPathComponent()
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("accord").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug")
    }()

    /// The result of one run.
    typealias Result = Command.Result

    /// Runs `accord` (or another product named by `program`) with `args` in `cwd`, with
    /// `env` added to the environment; waits at most `timeout` seconds, then kills it.
    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:],
                    program: String = "accord", timeout: TimeInterval = 120) throws -> Result {
        try run(executable: productsFolder.appendingPathComponent(program), args, cwd: cwd, env: env, timeout: timeout)
    }

    /// Runs any executable the same way: `ACCORD_REPO` and the language variables cleared
    /// (so output is English unless a test asks), `env` added, killed (and the test failed)
    /// after `timeout` seconds.
    @discardableResult
    static func run(executable: URL, _ args: [String], cwd: URL? = nil, env: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> Result {
        try Command.run(executable.path, args, in: cwd, environment: env,
                        clearing: Set(["ACCORD_REPO", "ACCORD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"].filter { env[$0] == nil }),
                        timeout: timeout)
    }

    /// Runs the git command line in `folder`.
    @discardableResult
    static func git(_ args: String..., in folder: URL) throws -> Result {
        try Command.run("git", ["-C", folder.path] + args, in: nil, timeout: 120)
    }
}
