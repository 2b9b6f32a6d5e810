import Foundation
import TestSupport
import Testing

/// The bad-input corpus (scripts/make-bad-input-corpus.py): every damaged file, committed on
/// a small valid tracker, through every read command with a time and a memory limit. No
/// command may crash (killed by a signal, or exit 70), run over its time, or refuse data
/// without naming the file and line.
///
/// A few minutes of runs: only with ACCORD_HARDENING=1 (`make test-hardening`).
@Suite(.tags(.slow), .enabled(if: ProcessInfo.processInfo.environment["ACCORD_HARDENING"] == "1"))
struct BadInputCorpusTests {
    /// The read commands, as run on each case.
    static let commands: [[String]] = [
        ["validate"], ["status"], ["show", "tip-2005"], ["list", "commitments"], ["gaps"],
        ["schedule"], ["summary"], ["history"], ["digest"],
    ]
    /// Seconds and kilobytes of address space each run may use.
    static let timeLimit: TimeInterval = 30
    static let memoryLimitKB = 2_000_000
    /// Trackers worked through side by side.
    static let workers = 3

    struct Case: Decodable {
        let name: String
        let path: String
        let file: String
        let kind: String
    }

    @Test(.scratchFolder) func everyDamagedFileIsRefusedOrReadWithoutACrashOrAHang() throws {
        let scratchFolder = try ScratchFolder.current
        let scratch = scratchFolder.url
        let corpus = scratch.appendingPathComponent("corpus")
        let script = AccordProcess.packageRoot.appendingPathComponent("scripts/make-bad-input-corpus.py")
        let made = try Command.run("python3", [script.path, corpus.path])
        try #require(made.status == 0, "\(made.stderr)")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: corpus.appendingPathComponent("cases.json")))
        #expect(cases.filter { $0.kind == "record" }.count >= 150)
        #expect(cases.filter { $0.kind == "text" }.count >= 50)

        let results = Results()
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            do {
                let tracker = scratch.appendingPathComponent("tracker-\(worker)")
                try Self.makeBase(at: tracker, from: corpus.appendingPathComponent("base"))
                for (index, item) in cases.enumerated() where index % Self.workers == worker {
                    try Self.run(item, corpus: corpus, tracker: tracker, results: results)
                }
            } catch {
                results.fail("worker \(worker): \(error)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("bad-input corpus: \(cases.count) cases (\(cases.filter { $0.kind == "record" }.count) record files, "
              + "\(cases.filter { $0.kind == "text" }.count) texts, \(cases.filter { $0.kind == "path" }.count) misplaced), "
              + "\(results.runs) runs in \(Int(seconds)) s, slowest run \(String(format: "%.2f", results.slowest)) s "
              + "(\(results.slowestRun)); exit codes \(results.statusCounts.sorted { $0.key < $1.key })")
        #expect(results.runs == cases.count * Self.commands.count)
        #expect(results.failures.isEmpty, "\(results.failures.count) failures:\n\(results.failures.prefix(40).joined(separator: "\n"))")
    }

    /// Commits the base tracker in a new repository, tagged `base`.
    static func makeBase(at tracker: URL, from base: URL) throws {
        try FileManager.default.copyItem(at: base, to: tracker)
        try Command.git(["init", "-q", "-b", "main"], in: tracker)
        try Command.git(["add", "-A"], in: tracker)
        try Command.git(["-c", "user.name=corpus", "-c", "user.email=corpus@example.invalid", "commit", "-q", "-m", "base"], in: tracker)
        try Command.git(["tag", "base"], in: tracker)
    }

    static func run(_ item: Case, corpus: URL, tracker: URL, results: Results) throws {
        try Command.git(["reset", "-q", "--hard", "base"], in: tracker)
        try Command.git(["clean", "-q", "-f", "-d"], in: tracker)
        let target = tracker.appendingPathComponent(item.path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contentsOf: corpus.appendingPathComponent("cases/\(item.file)")).write(to: target)
        try Command.git(["add", "-A"], in: tracker)
        try Command.git(["-c", "user.name=corpus", "-c", "user.email=corpus@example.invalid", "commit", "-q",
                         "--allow-empty", "-m", "case"], in: tracker)
        for command in commands {
            let label = "\(item.name) | accord \(command.joined(separator: " "))"
            let started = Date()
            let result: Command.Result
            do {
                // Through a shell that sets the limits and reports a death by signal as 128 + n.
                let limits = "ulimit -v \(memoryLimitKB); ulimit -t \(Int(timeLimit)); \"$0\" \"$@\"; status=$?; exit $status"
                result = try Command.run("/bin/sh", ["-c", limits, AccordProcess.binary.path] + command + ["--repo", tracker.path],
                                         clearing: ["ACCORD_REPO"], timeout: timeLimit + 10)
            } catch {
                results.record(label, status: -1, seconds: Date().timeIntervalSince(started))
                results.fail("\(label): hung (\(error))")
                continue
            }
            results.record(label, status: result.status, seconds: Date().timeIntervalSince(started))
            if result.status >= 128 || result.status == 70 {
                results.fail("\(label): crashed with status \(result.status): \(result.stderr.prefix(300))")
            } else if result.status == 65 && !namesFileAndLine(result.stderr) {
                results.fail("\(label): refused without naming file and line: \(result.stderr.prefix(300))")
            } else if ![0, 65, 66].contains(result.status) {
                results.fail("\(label): unexpected status \(result.status): \(result.stderr.prefix(300))")
            }
        }
    }

    /// Whether a refusal names a tracker file and a line (`Events/2016/10/x.yaml:3:`).
    static func namesFileAndLine(_ stderr: String) -> Bool {
        stderr.contains(/[A-Za-z0-9_.\- \/]+\.[a-z]+:[0-9]+:/)
    }

    /// What the runs found, gathered from the workers.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var failures: [String] = []
        private(set) var runs = 0
        private(set) var slowest: TimeInterval = 0
        private(set) var slowestRun = ""
        private(set) var statusCounts: [Int32: Int] = [:]

        func fail(_ message: String) {
            lock.withLock { failures.append(message) }
        }

        func record(_ label: String, status: Int32, seconds: TimeInterval) {
            lock.withLock {
                runs += 1
                statusCounts[status, default: 0] += 1
                if seconds > slowest { (slowest, slowestRun) = (seconds, label) }
            }
        }
    }
}
