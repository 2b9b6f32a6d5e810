import Foundation
import TestSupport
import Testing

/// `accord serve` running in the background for a test: started on a random loopback port,
/// ready once it has said where it serves, stopped by `stop()`.
final class RunningServer {
    let process = Process()
    let port = Int.random(in: 20000...29999)
    /// What the server wrote to its standard error up to its first line.
    private(set) var said = ""

    /// Starts `binary serve --repo tracker --listen 127.0.0.1:PORT` with `arguments` and
    /// waits (at most `timeout` seconds) for its "serving … at" line.
    init(binary: URL = AccordProcess.binary, tracker: URL, arguments: [String] = [], timeout: TimeInterval = 120) throws {
        process.executableURL = binary
        process.arguments = ["serve", "--repo", tracker.path, "--listen", "127.0.0.1:\(port)"] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !["ACCORD_LANG", "LANG", "LC_ALL", "LC_MESSAGES"].contains($0.key) }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !said.contains("accord: serving"), Date() < deadline, process.isRunning {
            said += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
    }

    /// Fetches `path` with curl (`curlArguments` added) and returns curl's result.
    func fetch(_ path: String, scheme: String = "http", _ curlArguments: [String] = []) throws -> CLI.Result {
        try Command.run("curl", ["-sS", "--max-time", "60"] + curlArguments + ["\(scheme)://127.0.0.1:\(port)\(path)"], timeout: 90)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
