import Foundation

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
    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32
    }

    /// Runs `accord` (or another product named by `program`) with `args` in `cwd`, with
    /// `env` added to the environment; waits at most `timeout` seconds, then kills it.
    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:],
                    program: String = "accord", timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = productsFolder.appendingPathComponent(program)
        process.arguments = args
        if let cwd { process.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment["ACCORD_REPO"] = nil
        environment.merge(env) { $1 }
        process.environment = environment
        return try capture(process, timeout: timeout)
    }

    /// Runs the git command line in `folder`.
    @discardableResult
    static func git(_ args: String..., in folder: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + args
        return try capture(process, timeout: 120)
    }

    /// Starts `process`, reads both its outputs (stderr on another thread, so neither pipe
    /// fills up), and kills it with SIGKILL after `timeout` seconds.
    private static func capture(_ process: Process, timeout: TimeInterval) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let pid = process.processIdentifier
        let killer = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        let stderr = Collected()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr.data = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        killer.cancel()
        return Result(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr.data, as: UTF8.self),
                      status: process.terminationStatus)
    }

    private final class Collected: @unchecked Sendable {
        var data = Data()
    }

    /// A fresh temporary folder, removed by `defer { remove(...) }` at the call site.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
