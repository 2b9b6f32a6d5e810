import Foundation

/// A run of one of the tools accord leaves cryptography to (`ssh-keygen`, `age`): the
/// reference implementations, which git and the age specification rely on too.
struct ExternalTool {
    /// What the tool printed and how it ended.
    struct Result {
        let status: Int32
        let output: Data
        let errorText: String
    }

    /// Why a tool could not be run or did not succeed.
    struct Failure: AccordFailure {
        let message: String
        let exitStatus: ExitStatus
    }

    /// The program, by name (found on `PATH`) or path.
    let program: String

    /// Runs the tool with `arguments`, giving it `input` on standard input. Standard error
    /// goes to a file so that a chatty tool never blocks on a full pipe.
    func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("accord-tool-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("in"), errorFile = scratch.appendingPathComponent("err")
        try input.write(to: inputFile)
        try Data().write(to: errorFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let reading = try FileHandle(forReadingFrom: inputFile), errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? reading.close()
            try? errors.close()
        }
        process.standardInput = reading
        process.standardError = errors
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot run \(program): \(error.localizedDescription)", exitStatus: .software)
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        // env says 127 when the program is not on PATH.
        if process.terminationStatus == 127 {
            throw Failure(message: "cannot run \(program): it is not installed or not on PATH", exitStatus: .software)
        }
        return Result(status: process.terminationStatus, output: output, errorText: errorText)
    }

    /// Writes `data` to a private temporary file for the duration of `body` (a tool that
    /// takes only file names: a key, a signature).
    static func withTemporaryFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw Failure(message: "cannot write a temporary file in \(url.deletingLastPathComponent().path)",
                          exitStatus: .cannotCreate)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}

extension ExternalTool.Result {
    /// The first line of what the tool said on standard error, for a message.
    var firstErrorLine: String {
        errorText.split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(status)"
    }
}
