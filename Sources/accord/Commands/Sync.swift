import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

/// `accord sync [REMOTE]`: fetch, merge, push.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange new commits and tags with another copy of the tracker: fetch, check, merge, push.",
        discussion: """
        Syncs the checked-out branch with the branch of the same name on REMOTE (default: \
        origin, else the only remote), and the amendment tags (ID@DATE) both ways. Status \
        reports, evidence and meetings are separate files, so what both sides added is simply \
        kept; edits to texts and registers merge line by line. Your branch moves only after \
        the remote has accepted the result, so an interrupted sync (network, full disk, \
        read-only drive) changes nothing here.

        Before anything is pushed or moved, the tracker the sync leads to is validated and the \
        result printed on standard error, with any problems the remote's commits bring. Sync \
        refuses (exit 65, nothing changed) a remote that rewrote or deleted history it synced \
        before, a remote with unrelated history, a sync that would delete status reports or \
        evidence, and a merge that makes problems neither side had (e.g. one id on two records).

        A remote that makes no progress for --timeout seconds (else git config \
        accord.timeout, else 60; 0 for no limit) ends the sync with exit 75 and nothing \
        changed. --no-push fetches and merges without writing to the remote.

        If both sides changed the same lines of a file differently, sync stops (exit 65), \
        names the files and changes nothing but the remote-tracking branch. Resolve by making \
        the file agree on one side, committing, and syncing again, or by `git merge` by hand. \
        `accord sync --abort` puts the remote-tracking branch back and forgets the attempt.

        --quiet prints nothing but errors; --verbose also the merge commit made, or the \
        files that changed when the branch only moved forward.

        With `signatures: warn` in accord.yaml, incoming commits that change a party's \
        records without that party's signature are listed; with `signatures: require` they \
        are refused (exit 65, commits and files named) and nothing is merged. The signers \
        are those of your own accord.yaml (docs/security.md).

        Exit codes: 0 synced · 65 conflict or refused · 66 unknown remote, or a folder remote \
        that is not there (is the drive connected?) · 74 remote unreachable or unwritable · \
        75 the remote kept moving or stopped answering, run again.

        Examples:
          accord sync                      # with origin
          accord sync hub                  # with the USB hub added by `accord remote add hub ...`
          accord sync --no-push mirror     # a copy you may read but not write
          accord sync --timeout 300        # a slow satellite link
          accord sync --abort              # after a conflict, forget the attempt
        """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "The remote to sync with (default: origin, else the only remote).") var remote: String?
    @Flag(help: "Forget a sync that stopped on a conflict, restoring the remote-tracking branch.") var abort = false
    @Flag(help: "Fetch and merge only; never write to the remote (for read-only remotes).") var noPush = false
    @Option(help: ArgumentHelp("Stop after this many seconds without progress (default: git config accord.timeout, else 60; 0 for no limit).", valueName: "seconds"))
    var timeout: Double?
    @Flag(help: "Print the result as JSON.") var json = false

    func validate() throws {
        if abort && (remote != nil || noPush || timeout != nil) {
            throw ValidationError(L10n.t("--abort takes no remote, --no-push or --timeout"))
        }
        if let timeout, !(timeout >= 0 && timeout.isFinite) {
            throw ValidationError(L10n.t("--timeout takes a number of seconds, 0 for no limit"))
        }
    }

    func run() throws {
        let repo = try repository.openTracker()
        if abort { return try runAbort(repo) }
        let progress = TransferProgressLine()
        let report = try {
            defer { progress.finish() }
            return try TrackerSync.run(repo, remote: remote, pushes: !noPush, timeout: timeout,
                                       environment: ProcessInfo.processInfo.environment, progress: progress.update) { lines in
                // On standard error, before anything is pushed or moved: standard output
                // keeps the one-line result (or the JSON) that scripts read.
                progress.finish()
                Console.say(lines: lines, on: .standardError)
            }
        }()
        if json {
            print(try JSONOutput.render(report), terminator: "")
        } else {
            try write.report(id: nil, [Self.summary(report)] + (write.verbose ? try Self.arrived(report, in: repo) : []),
                             commits: report.outcome == .merged ? report.after.map { [$0] } ?? [] : [], in: repo)
        }
        if report.outcome == .conflict {
            Console.say(Self.conflictHelp(report), on: .standardError)
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    private func runAbort(_ repo: Repository) throws {
        guard let state = try repo.abortSync() else {
            return try write.report(id: nil, [L10n.t("no stopped sync to abort")], in: repo)
        }
        let restored = state.trackingBefore.map { L10n.t("back to {1}", $0.short) } ?? L10n.t("removed (it did not exist before)")
        try write.report(id: nil, [L10n.t("aborted the sync with {1}: {2} {3}; branch {4} was never changed", state.remote, state.trackingReference,
                                          restored, state.branch)], in: repo)
    }

    static func summary(_ report: SyncReport) -> String { TrackerSync.summary(report) }

    /// The files a fast-forward brought in, as `M<TAB>path` lines, for `--verbose`.
    private static func arrived(_ report: SyncReport, in repository: Repository) throws -> [String] {
        guard report.outcome == .fastForwarded, let after = report.after else { return [] }
        return WriteOptions.nameStatus(try repository.changes(from: report.before, to: after))
    }

    static func conflictHelp(_ report: SyncReport) -> String {
        let other = "\(report.remote)/\(report.branch)"
        return (["accord: " + L10n.t("both sides changed the same lines of these files differently:")]
            + report.conflicts.map { "  " + $0 }
            + [L10n.t("Your branch {1} is unchanged; {2} now holds the other side's commits.", report.branch, other),
               L10n.t("To resolve, either:"),
               "  - " + L10n.t("make the file(s) agree: edit them here (or on the other side), commit, and run {1} again; or", "`accord sync`"),
               "  - " + L10n.t("merge by hand: {1}, fix the marked lines, {2}, then {3}.", "`git merge \(other)`", "`git commit`", "`accord sync`"),
               L10n.t("{1} puts {2} back where it was and forgets this attempt.", "`accord sync --abort`", other)])
            .joined(separator: "\n") + "\n"
    }
}
