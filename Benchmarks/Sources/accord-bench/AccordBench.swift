import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// Benchmarks and stress tools: a synthetic tracker of a ministry's ten years, timed loads
/// of it, and for GitStore concurrent commit loops, fast seeding and timed path history.
/// `Benchmarks/run.sh` and the end-to-end tests drive it.
@main
struct AccordBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord-bench",
        abstract: "Generate benchmark trackers; benchmark and stress GitStore and tracker loads.",
        subcommands: [Generate.self, Load.self, CommitLoop.self, Seed.self, History.self, Diff.self, IndexAdd.self])
}

/// Opens the repository at `path`, creating it (non-bare, branch main) when absent.
func openOrCreate(_ path: String) throws -> Repository {
    let url = URL(fileURLWithPath: path)
    if let repository = try? Repository.open(at: url) { return repository }
    do {
        return try Repository.create(at: url)
    } catch {
        usleep(200_000)  // another process is creating it: wait until it is complete
        return try Repository.open(at: url)
    }
}

/// A record file path sharded like `Events/yyyy/mm/<id>.yaml`, the month spread over `index`.
func recordPath(prefix: String, index: Int) -> String {
    let year = 2000 + (index / 12) % 20
    let month = index % 12 + 1
    return "Events/\(year)/\(String(format: "%02d", month))/\(prefix)-\(index).yaml"
}

func recordText(_ path: String, _ index: Int) -> Data {
    Data("id: \(path)\nstatus: in-progress\nnote: record \(index) — Tiến độ thực hiện\n".utf8)
}

extension AccordBench {
    /// Commits `count` times, each writing `files` new record files.
    struct CommitLoop: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "commit-loop", abstract: "Commit record files in a loop.")
        @Option var repo: String
        @Option var count: Int = 100
        @Option var files: Int = 1
        @Option(help: "Makes this process's file names unique.") var prefix: String = "w"

        func run() throws {
            let repository = try openOrCreate(repo)
            let start = Date()
            for commit in 0..<count {
                var changes = ChangeSet()
                for file in 0..<files {
                    let index = commit * files + file
                    let path = recordPath(prefix: prefix, index: index)
                    changes.write(path, recordText(path, index))
                }
                let author = Signature(name: "Bench \(prefix)", email: "bench@example.org",
                                       date: Date(timeIntervalSince1970: 1_500_000_000 + Double(commit)))
                try repository.apply(changes, message: "Record \(prefix) \(commit)", author: author)
            }
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "%d commits of %d files in %.2f s: %.1f commits/s", count, files, seconds, Double(count) / seconds))
        }
    }

    /// Fills a new repository quickly through `git fast-import` (a setup step, not a measurement).
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a repository with many records quickly.")
        @Option var repo: String
        @Option(help: "Record files to create.") var records: Int = 10_000
        @Option(help: "Commits to spread them over; every 50th also changes Plans/plan.yaml.") var commits: Int = 1

        func run() throws {
            let repository = try Repository.create(at: URL(fileURLWithPath: repo))
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git", "-C", repository.workingDirectory?.path ?? repo, "fast-import", "--quiet"]
            let input = Pipe()
            git.standardInput = input
            try git.run()
            let out = input.fileHandleForWriting
            var stream = ""
            func flush() { out.write(Data(stream.utf8)); stream = "" }
            var record = 0
            for commit in 0..<commits {
                let message = "Seed \(commit)\n"
                stream += "commit refs/heads/main\nauthor Seed <seed@example.org> \(1_000_000_000 + commit * 60) +0000\n"
                stream += "committer Seed <seed@example.org> \(1_000_000_000 + commit * 60) +0000\n"
                stream += "data \(message.utf8.count)\n\(message)"
                if commit == 0 { stream += inline("accord.yaml", "format: 1\nname: Benchmark\n") }
                let upTo = (commit + 1) * records / commits
                while record < upTo {
                    let path = recordPath(prefix: "seed", index: record)
                    stream += inline(path, String(decoding: recordText(path, record), as: UTF8.self))
                    record += 1
                }
                if commit % 50 == 0 { stream += inline("Plans/plan.yaml", "revision: \(commit)\n") }
                stream += "\n"
                if stream.utf8.count > 1 << 20 { flush() }
            }
            flush()
            try out.close()
            git.waitUntilExit()
            guard git.terminationStatus == 0 else { throw ExitCode(git.terminationStatus) }
            let reset = Process()
            reset.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            reset.arguments = ["git", "-C", repository.workingDirectory?.path ?? repo, "reset", "--hard", "-q"]
            try reset.run()
            reset.waitUntilExit()
            print("seeded \(records) records in \(commits) commits")
        }

        private func inline(_ path: String, _ text: String) -> String {
            "M 100644 inline \(path)\ndata \(text.utf8.count)\n\(text)\n"
        }
    }

    /// Prints the commits that changed a path, and the time it took.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the commits that changed a path.",
            discussion: """
            With several --path options, also times the change log filtered to those files \
            (what `accord history ID` asks) and a second path history on the same handle.
            """)
        @Option var repo: String
        @Option(help: "A file or folder; repeat for several.") var path: [String]
        @Flag(help: "Print the commit ids, like git log --format=%H -- PATH.") var ids = false
        @Flag(help: "Walk git commit by commit instead of reading the commit index.") var noIndex = false

        func run() throws {
            let repository = try Repository.open(at: URL(fileURLWithPath: repo)).keepingHistoryInDerivedStore()
            repository.usesCommitIndex = !noIndex
            guard let first = path.first else { throw ValidationError("give at least one --path") }
            let start = Date()
            let commits = try repository.history(of: first)
            let seconds = Date().timeIntervalSince(start)
            if ids {
                print(commits.map(\.id.hex).joined(separator: "\n"))
                return
            }
            print(String(format: "%d commits changed %@ (%.3f s)", commits.count, first, seconds))
            guard path.count > 1 else { return }
            let again = Date()
            let second = try repository.history(of: path[1])
            print(String(format: "%d commits changed %@ (%.3f s, same handle)", second.count, path[1], Date().timeIntervalSince(again)))
            let files = Set(path)
            let logStart = Date()
            let logged = try repository.changeLog(touching: PathSelection(files: files))
            print(String(format: "%d commits changed the %d files (change log, %.3f s)", logged.count, files.count,
                         Date().timeIntervalSince(logStart)))
        }
    }
}
