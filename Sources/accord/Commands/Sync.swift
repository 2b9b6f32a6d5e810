import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// `accord sync [REMOTE]`: fetch, merge, push.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange new commits with another copy of the tracker: fetch, merge, push.",
        discussion: """
        Syncs the checked-out branch with the branch of the same name on REMOTE (default: \
        origin, else the only remote). Status reports, evidence and meetings are separate \
        files, so what both sides added is simply kept; edits to texts and registers merge \
        line by line. Your branch moves only after the remote has accepted the result, so an \
        interrupted sync (network, full disk, read-only drive) changes nothing here.

        If both sides changed the same lines of a file differently, sync stops (exit 65), \
        names the files and changes nothing but the remote-tracking branch. Resolve by making \
        the file agree on one side, committing, and syncing again, or by `git merge` by hand. \
        `accord sync --abort` puts the remote-tracking branch back and forgets the attempt.

        Exit codes: 0 synced · 65 conflict · 66 unknown remote · 74 remote unreachable or \
        unwritable · 75 the remote kept moving, run again.

        Examples:
          accord sync                      # with origin
          accord sync hub                  # with the USB hub added by `accord remote add hub ...`
          accord sync --abort              # after a conflict, forget the attempt
        """
    )

    @OptionGroup var repository: RepositoryOptions
    @Argument(help: "The remote to sync with (default: origin, else the only remote).") var remote: String?
    @Flag(help: "Forget a sync that stopped on a conflict, restoring the remote-tracking branch.") var abort = false
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if abort && remote != nil { throw ValidationError("--abort takes no remote") }
    }

    func run() throws {
        let repo = try repository.openTracker()
        if abort { return try runAbort(repo) }

        let progress = TransferProgressLine()
        let report = try {
            defer { progress.finish() }
            return try repo.sync(with: remote, options: SyncOptions(progress: progress.update))
        }()
        if json {
            print(try Self.json(report))
        } else {
            print(Self.summary(report))
        }
        if report.outcome == .conflict {
            FileHandle.standardError.write(Data(Self.conflictHelp(report).utf8))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    private func runAbort(_ repo: Repository) throws {
        guard let state = try repo.abortSync() else {
            print("no stopped sync to abort")
            return
        }
        let restored = state.trackingBefore.map { "back to \($0.short)" } ?? "removed (it did not exist before)"
        print("aborted the sync with \(state.remote): \(state.trackingReference) \(restored); "
              + "branch \(state.branch) was never changed")
    }

    static func summary(_ report: SyncReport) -> String {
        let short = { (id: ObjectID?) in id?.short ?? "nothing" }
        let rounds = report.attempts > 1 ? " (after \(report.attempts) rounds, the remote moved meanwhile)" : ""
        switch report.outcome {
        case .upToDate:
            return "\(report.branch) is up to date with \(report.remote) (\(short(report.after)))"
        case .pushed:
            return "pushed \(report.branch) to \(report.remote): \(short(report.remoteTip)) → \(short(report.after))\(rounds)"
        case .fastForwarded:
            return "fast-forwarded \(report.branch): \(short(report.before)) → \(short(report.after))\(rounds)"
        case .merged:
            return "merged \(report.remote)/\(report.branch) into \(report.branch) and pushed: "
                + "\(short(report.before)) → \(short(report.after))\(rounds)"
        case .conflict:
            return "sync with \(report.remote) stopped: \(report.conflicts.count) file(s) conflict"
        }
    }

    static func conflictHelp(_ report: SyncReport) -> String {
        let other = "\(report.remote)/\(report.branch)"
        return """
        accord: both sides changed the same lines of these files differently:
        \(report.conflicts.map { "  \($0)\n" }.joined())\
        Your branch \(report.branch) is unchanged; \(other) now holds the other side's commits.
        To resolve, either:
          - make the file(s) agree: edit them here (or on the other side), commit, and run `accord sync` again; or
          - merge by hand: `git merge \(other)`, fix the marked lines, `git commit`, then `accord sync`.
        `accord sync --abort` puts \(other) back where it was and forgets this attempt.

        """
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
