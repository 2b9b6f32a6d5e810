public import Foundation
public import GitStore
#if canImport(Glibc)
internal import Glibc
#endif

/// `accord verify`: reads every object reachable from the branches and tags and checks it
/// hashes to its id.
///
/// libgit2 1.5 loops forever inflating a truncated loose object, so the reads run in a
/// worker process (the accord binary itself, `verify --worker`) that prints one line before
/// and one after each object. The supervisor kills a worker that spends longer than the
/// timeout on one object, records that object as unreadable, and starts a new worker that
/// skips every object known to be bad. A worker that crashes on an object is handled alike.
public enum IntegrityCheck {
    /// The outcome: how many objects were checked and which ones are bad.
    public struct Report: Sendable {
        /// Objects looked at, bad ones included.
        public var checked: Int
        /// The bad objects, in the order they were found.
        public var problems: [ObjectCheck]
    }

    /// One line of the worker's output.
    struct Line: Codable {
        /// "reading" before an object is read, "checked" after.
        var phase: String
        var object: ObjectCheck
    }

    /// Why the worker gave up on an object; passed back to it with `--skip` on the next run.
    static let hungReason = "reading did not finish within the time limit: the object is truncated or damaged"

    /// Runs in the worker: checks every object and writes the protocol lines to `output`.
    public static func runWorker(repository: Repository, skipping: Set<ObjectID>, output: (String) -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func emit(_ phase: String, _ object: ObjectCheck) {
            if let data = try? encoder.encode(Line(phase: phase, object: object)) {
                output(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
        try repository.checkObjects(skipping: skipping, skipReason: hungReason,
                                    willRead: { emit("reading", $0) }, didCheck: { emit("checked", $0) })
    }

    /// Runs workers until one finishes. `arguments` gives the worker's command line for the
    /// objects to skip; `timeout` bounds the time spent on any one object.
    public static func supervise(executable: URL, arguments: (Set<ObjectID>) -> [String],
                                 timeout: TimeInterval) throws -> Report {
        var knownBad: [ObjectID: String] = [:]
        for _ in 0..<10_000 {
            let run = try runOnce(executable: executable, arguments: arguments(Set(knownBad.keys)), timeout: timeout)
            switch run {
            case .finished(let results):
                let problems = results.compactMap { result -> ObjectCheck? in
                    var result = result
                    if let reason = knownBad[result.id] { result.problem = reason }
                    return result.problem == nil ? nil : result
                }
                return Report(checked: results.count, problems: problems)
            case .stuck(let object, let reason):
                knownBad[object.id] = reason
            }
        }
        throw AccordError(.io, "verify gave up: too many objects could not be read")
    }

    private enum Run {
        case finished([ObjectCheck])
        case stuck(ObjectCheck, String)
    }

    private static func runOnce(executable: URL, arguments: [String], timeout: TimeInterval) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        defer { try? pipe.fileHandleForReading.close() }

        var pending = Data()
        var current: ObjectCheck?
        var results: [ObjectCheck] = []
        let decoder = JSONDecoder()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        reading: while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(1, timeout * 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if ready == 0 {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if let current { return .stuck(current, "\(hungReason) (\(formatted(timeout)) s)") }
                throw AccordError(.io, "verify stalled between objects; nothing is known to be bad")
            }
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break reading }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending.removeSubrange(pending.startIndex...newline)
                guard let parsed = try? decoder.decode(Line.self, from: line) else { continue }
                if parsed.phase == "reading" {
                    current = parsed.object
                } else {
                    current = nil
                    results.append(parsed.object)
                }
            }
        }
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 0 { return .finished(results) }
        if let current { return .stuck(current, "reading it crashed the checker (status \(process.terminationStatus))") }
        throw AccordError(.io, "verify failed: the checker ended with status \(process.terminationStatus)")
    }

    private static func formatted(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
