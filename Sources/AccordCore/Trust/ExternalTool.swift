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

    /// The program, by name (found on `PATH`) or path.
    let program: String

    /// Runs the tool with `arguments`, giving it `input` on standard input through a pipe
    /// (restricted content never touches the disk in clear). Standard error goes to a
    /// private temporary file, so that a chatty tool never blocks on a full pipe.
    func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("accord-tool-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw AccordError(.cannotCreate, L10n.t("cannot write a temporary file in {1}", errorFile.deletingLastPathComponent().path))
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let inputPipe = Pipe(), outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw AccordError(.internal, L10n.t("cannot run {1}: {2}", program, error.localizedDescription))
        }
        // Written on a thread of its own while this one reads: each side may fill a pipe. A
        // tool that stops reading early must not kill accord with SIGPIPE: that thread blocks
        // the signal (raised on the writing thread) and its write fails instead.
        let written = DispatchSemaphore(value: 0)
        let writer = Thread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? inputPipe.fileHandleForWriting.write(contentsOf: input)
            try? inputPipe.fileHandleForWriting.close()
            written.signal()
        }
        writer.start()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        written.wait()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        // env says 127 when the program is not on PATH.
        if process.terminationStatus == 127 {
            throw AccordError(.internal, L10n.t("cannot run {1}: it is not installed or not on PATH", program))
        }
        return Result(status: process.terminationStatus, output: output, errorText: errorText)
    }

    /// Writes `data` to a private temporary file for the duration of `body` (a tool that
    /// takes only file names: a key, a signature).
    static func withTemporaryFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw AccordError(.cannotCreate, L10n.t("cannot write a temporary file in {1}", url.deletingLastPathComponent().path))
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
