public import Foundation
import Dispatch
import GitStore

/// Runs a program to completion with a deadline, so no test can hang: past `timeout` the
/// process is killed and the call throws. Output goes through temporary files, not pipes,
/// so a chatty child cannot block on a full pipe. Every test target runs processes this way.
public struct Command {
    /// What a run left: exit status and both outputs.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The process ran over its deadline and was killed, or git failed.
    public struct TimedOut: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable` (an absolute path, else looked up through `env`) with `arguments`
    /// in `folder`, with `environment` added to this process's and the variables named in
    /// `clearing` removed.
    public static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String] = [:], clearing: Set<String> = [],
                           timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
        if let folder { process.currentDirectoryURL = folder }
        // Fixtures can simply be made again: accord writes them without fsync, unless asked.
        process.environment = ["ACCORD_DURABILITY": "relaxed"].merging(ProcessInfo.processInfo.environment) { $1 }
            .merging(environment) { $1 }.filter { !clearing.contains($0.key) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        // Woken by the child's exit, not by polling: a test waits no longer than its child.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw TimedOut(description: "\(executable) \(arguments.joined(separator: " ")) ran over \(timeout) s")
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Runs `git` and returns its trimmed standard output; throws when it fails.
    @discardableResult
    public static func git(_ arguments: [String], in folder: URL? = nil) throws -> String {
        let result = try run("git", arguments, in: folder)
        guard result.status == 0 else {
            throw TimedOut(description: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A temporary folder for one test, removed when the test ends: every test target makes its
/// scratch folders here, most through the `.scratchFolder` trait (`ScratchFolder.current`).
public final class ScratchFolder: Sendable {
    public let url: URL

    /// A fresh folder, removed when this value goes.
    public init() throws {
        url = try Self.make()
    }

    /// A fresh temporary folder that outlives the call, for a fixture a helper builds and
    /// returns; the system's temporary folder is left to clean it. What the tests of this
    /// process write through GitStore is not flushed to disk (fsync) from then on: a fixture
    /// can simply be made again.
    public static func make() throws -> URL {
        _ = relaxed
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Turns flushing off once for the process: tests make scratch folders on many threads
    /// at once, and the setting is one process-wide value.
    private static let relaxed: Void = Durability.setForProcess(.relaxed)

    deinit {
        // A record cache file written on another thread may still be landing in a repository
        // here (the removal then meets a new file and stops): wait for it and try again.
        for _ in 0..<40 {
            if (try? FileManager.default.removeItem(at: url)) != nil || !FileManager.default.fileExists(atPath: url.path) { return }
            usleep(50_000)
        }
    }

    public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A copy of `folder` (a fixture made once for many tests) at a fresh temporary path,
    /// for one test to change; the system's temporary folder is left to clean it.
    public static func copy(of folder: URL) throws -> URL {
        let url = try make().appendingPathComponent(folder.lastPathComponent)
        try copy(folder, to: url)
        return url
    }

    /// Copies `folder` to `destination`, which must not exist yet, as `cp -a` does.
    public static func copy(_ folder: URL, to destination: URL) throws {
        let copied = try Command.run("cp", ["-a", folder.path, destination.path])
        guard copied.status == 0 else { throw Command.TimedOut(description: "cp -a \(folder.path): \(copied.stderr)") }
    }
}
