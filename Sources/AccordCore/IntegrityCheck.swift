public import Foundation
public import GitStore
#if canImport(Glibc)
internal import Glibc
#endif

/// `accord verify`: reads every object reachable from the branches and tags and checks it
/// hashes to its id.
///
/// libgit2 1.5 loops forever inflating a truncated loose object, so the reads run in one
/// worker process (the accord binary itself, `verify --worker`), which writes the id of
/// the object it is about to read into a small shared file, a memory store per object, and
/// prints only the bad objects and, at the end, how many it checked. The supervisor watches
/// that file: a worker that stays on one object longer than the timeout is killed, the
/// object is recorded as unreadable, and a new worker starts over, skipping every object
/// known to be bad. A worker that crashes on an object is handled alike.
public enum IntegrityCheck {
    /// The outcome: how many objects were checked and which ones are bad.
    public struct Report: Sendable {
        /// Objects looked at, bad ones included.
        public var checked: Int
        /// The bad objects, in the order they were found.
        public var problems: [ObjectCheck]
    }

    /// One line of the worker's output: a bad object, or at the end the count.
    struct Line: Codable {
        var problem: ObjectCheck?
        var checked: Int?
    }

    /// Why the worker gave up on an object; passed back to it with `--skip` on the next run.
    static let hungReason = L10n.t("reading did not finish within the time limit: the object is truncated or damaged")

    /// The shared file: a count of objects started (8 bytes), then the id being read (20 bytes).
    private static let progressSize = 28

    /// Runs in the worker: checks every object, keeps `progressFile` at the object being
    /// read, and writes the protocol lines to `output`.
    public static func runWorker(repository: Repository, skipping: Set<ObjectID>, progressFile: URL,
                                 output: (String) -> Void) throws {
        let descriptor = open(progressFile.path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0, ftruncate(descriptor, off_t(progressSize)) == 0,
              let mapped = mmap(nil, progressSize, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw AccordError(.io, L10n.t("verify cannot use {1}: {2}", progressFile.path, String(cString: strerror(errno))))
        }
        close(descriptor)
        defer { munmap(mapped, progressSize) }
        var started: UInt64 = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func emit(_ line: Line) {
            if let data = try? encoder.encode(line) { output(String(decoding: data, as: UTF8.self) + "\n") }
        }
        let checked = try repository.checkObjects(skipping: skipping, skipReason: hungReason, willRead: { id in
            (mapped + 8).copyMemory(from: id.baseAddress!, byteCount: 20)
            started += 1
            mapped.storeBytes(of: started, as: UInt64.self)
        }, found: { emit(Line(problem: $0)) })
        emit(Line(checked: checked))
    }

    /// Runs workers until one finishes. `arguments` gives the worker's command line for the
    /// progress file and the objects to skip; `timeout` bounds the time spent on any one object.
    public static func supervise(executable: URL, arguments: (URL, Set<ObjectID>) -> [String],
                                 timeout: TimeInterval) throws -> Report {
        let progressFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("accord-verify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: progressFile.path, contents: Data(count: progressSize),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw AccordError(.cannotCreate, L10n.t("verify cannot create {1}", progressFile.path))
        }
        defer { try? FileManager.default.removeItem(at: progressFile) }
        var knownBad: [ObjectID: String] = [:]
        for _ in 0..<10_000 {
            let run = try runOnce(executable: executable, arguments: arguments(progressFile, Set(knownBad.keys)),
                                  progressFile: progressFile, timeout: timeout)
            switch run {
            case .finished(let problems, let checked):
                let problems = problems.map { result -> ObjectCheck in
                    var result = result
                    if let reason = knownBad[result.id] { result.problem = reason }
                    return result
                }
                return Report(checked: checked, problems: problems)
            case .stuck(let id, let reason):
                knownBad[id] = reason
            }
        }
        throw AccordError(.io, L10n.t("verify gave up: too many objects could not be read"))
    }

    private enum Run {
        case finished([ObjectCheck], checked: Int)
        case stuck(ObjectID, String)
    }

    /// The worker's progress: how many objects it started, and the id of the last one.
    private static func progress(of file: Int32) -> (started: UInt64, id: ObjectID?) {
        var bytes = [UInt8](repeating: 0, count: progressSize)
        guard pread(file, &bytes, progressSize, 0) == progressSize else { return (0, nil) }
        let started = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        return (started, started == 0 ? nil : ObjectID(bytes: bytes[8..<28]))
    }

    private static func runOnce(executable: URL, arguments: [String], progressFile: URL, timeout: TimeInterval) throws -> Run {
        let progressDescriptor = open(progressFile.path, O_RDWR | O_CLOEXEC)
        guard progressDescriptor >= 0, ftruncate(progressDescriptor, 0) == 0,
              ftruncate(progressDescriptor, off_t(progressSize)) == 0 else {
            throw AccordError(.io, L10n.t("verify cannot use {1}", progressFile.path))
        }
        defer { close(progressDescriptor) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        defer { try? pipe.fileHandleForReading.close() }

        var pending = Data()
        var problems: [ObjectCheck] = []
        var checked: Int?
        let decoder = JSONDecoder()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var lastStarted: UInt64 = 0
        var lastChange = ProcessInfo.processInfo.systemUptime
        // Starting up and listing the references comes before the first object: more time.
        let startGrace = max(timeout, 30)
        reading: while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(200, max(1, timeout * 250))))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            let now = ProcessInfo.processInfo.systemUptime
            let (started, current) = progress(of: progressDescriptor)
            if started != lastStarted {
                lastStarted = started
                lastChange = now
            } else if now - lastChange > (started == 0 ? startGrace : timeout) {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                if let current { return .stuck(current, "\(hungReason) (\(formatted(timeout)) s)") }
                throw AccordError(.io, L10n.t("verify stalled before reading any object; nothing is known to be bad"))
            }
            guard ready > 0 else { continue }
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break reading }
            pending.append(contentsOf: chunk[0..<count])
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending.removeSubrange(pending.startIndex...newline)
                guard let parsed = try? decoder.decode(Line.self, from: line) else { continue }
                if let problem = parsed.problem { problems.append(problem) }
                if let count = parsed.checked { checked = count }
            }
        }
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 0, let checked {
            return .finished(problems, checked: checked)
        }
        if let current = progress(of: progressDescriptor).id {
            return .stuck(current, L10n.t("reading it crashed the checker (status {1})", process.terminationStatus))
        }
        throw AccordError(.io, L10n.t("verify failed: the checker ended with status {1}", process.terminationStatus))
    }

    private static func formatted(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
