public import Foundation
public import GitStore

extension TrackerSync {
    /// Runs `accord sync` with `remote` (nil: the default one) on `repository`: the same
    /// checks before anything moves (signatures under accord.yaml's policy, the state the
    /// sync leads to), the same references, limits and login. `progress` sees the objects
    /// received and sent; `reviewed` gets the lines the check says (warnings, then its
    /// summary) before anything is pushed or moved.
    public static func run(_ repository: Repository, remote: String? = nil, pushes: Bool = true, timeout: Double? = nil,
                           environment: [String: String], progress: ((TransferProgress) -> Void)?,
                           reviewed: @escaping ([String]) -> Void) throws -> SyncReport {
        if remote == nil, try repository.remotes().isEmpty {
            throw AccordError(.notFound, "this tracker has no remote; add one with: accord remote add origin URL")
        }
        var options = SyncOptions(
            progress: progress, pushes: pushes,
            stallTimeout: try stallTimeout(explicit: timeout, repository: repository),
            referencePrefix: referencePrefix,
            login: login(environment: environment),
            mergeAuthor: TrackerLocation.defaultAuthor(of: repository),
            review: { proposal in
                let unsigned = try signatureWarnings(proposal, in: repository)
                let check = try review(proposal, in: repository)
                reviewed(unsigned + [check.summary])
            })
        options.maximumFileSize = maximumIncomingFileSize
        return try repository.sync(with: remote, options: options)
    }

    /// What accord.yaml's `signatures` policy (as the local branch has it) says of the
    /// commits `proposal` brings in: throws under `require` when any change is not signed by
    /// its party, returns the lines to show under `warn`.
    public static func signatureWarnings(_ proposal: SyncProposal, in repo: Repository) throws -> [String] {
        guard let incoming = proposal.incoming, let local = proposal.local,
              let data = try repo.read(TrackerSettings.fileName, at: local),
              let settings = TrackerSettings.parse(data).value else { return [] }
        return try IncomingSignatures.check(repository: repo, settings: settings, local: local, remote: incoming)
    }

    /// The one line (and the tags that crossed, a line each) saying what a sync did.
    public static func summary(_ report: SyncReport) -> String {
        let short = { (id: ObjectID?) in id?.short ?? "nothing" }
        let rounds = report.attempts > 1 ? " (after \(report.attempts) rounds, the remote moved meanwhile)" : ""
        switch report.outcome {
        case .upToDate:
            return "\(report.branch) is up to date with \(report.remote) (\(short(report.after)))" + tags(report)
        case .pushed:
            return "pushed \(report.branch) to \(report.remote): \(short(report.remoteTip)) → \(short(report.after))\(rounds)"
                + tags(report)
        case .ahead:
            return "\(report.branch) has commits \(report.remote) lacks (\(short(report.after))); not pushed (--no-push)"
        case .fastForwarded:
            return "fast-forwarded \(report.branch): \(short(report.before)) → \(short(report.after))\(rounds)" + tags(report)
        case .merged:
            return "merged \(report.remote)/\(report.branch) into \(report.branch)"
                + (report.pushed ? " and pushed: " : " (not pushed: --no-push): ")
                + "\(short(report.before)) → \(short(report.after))\(rounds)" + tags(report)
        case .conflict:
            return "sync with \(report.remote) stopped: \(report.conflicts.count) file(s) conflict"
        }
    }

    /// The tags that crossed, on lines of their own; empty when none did.
    private static func tags(_ report: SyncReport) -> String {
        var lines = ""
        if !report.tagsReceived.isEmpty { lines += "\nreceived tags: " + report.tagsReceived.joined(separator: ", ") }
        if !report.tagsSent.isEmpty { lines += "\nsent tags: " + report.tagsSent.joined(separator: ", ") }
        return lines
    }
}
