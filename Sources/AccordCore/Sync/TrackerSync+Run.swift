internal import Foundation
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
            throw AccordError(.notFound, L10n.t("this tracker has no remote; add one with: accord remote add origin URL"))
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
        do {
            return try repository.sync(with: remote, options: options)
        } catch let error as GitError {
            throw AccordError(error, context: syncContext(error, remote: remote ?? (try? repository.defaultRemote().name) ?? "?"))
        }
    }

    /// accord's words before a git failure of a sync, by what kind of failure it is.
    static func syncContext(_ error: GitError, remote: String) -> String {
        switch error.kind {
        case .timedOut: L10n.t("sync with {1} stopped: the remote stopped answering", remote)
        case .notFound, .io, .other, .notARepository, .notOwned: L10n.t("sync could not reach the remote {1}", remote)
        case .refused: L10n.t("sync with {1} refused what the remote holds; nothing changed here", remote)
        case .lostRace, .locked: L10n.t("sync with {1} did not finish; run it again", remote)
        case .conflict: L10n.t("sync with {1} stopped on a conflict", remote)
        case .exists, .invalid: L10n.t("sync with {1} failed", remote)
        }
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
        let short = { (id: ObjectID?) in id?.short ?? L10n.t("nothing", context: "commit") }
        let rounds = report.attempts > 1 ? L10n.t(" (after {1} rounds, the remote moved meanwhile)", report.attempts) : ""
        switch report.outcome {
        case .upToDate:
            return L10n.t("{1} is up to date with {2} ({3})", report.branch, report.remote, short(report.after)) + tags(report)
        case .pushed:
            return L10n.t("pushed {1} to {2}: {3} → {4}{5}", report.branch, report.remote, short(report.remoteTip), short(report.after), rounds)
                + tags(report)
        case .ahead:
            return L10n.t("{1} has commits {2} lacks ({3}); not pushed (--no-push)", report.branch, report.remote, short(report.after))
        case .fastForwarded:
            return L10n.t("fast-forwarded {1}: {2} → {3}{4}", report.branch, short(report.before), short(report.after), rounds) + tags(report)
        case .merged:
            return L10n.t("merged {1}/{2} into {2}", report.remote, report.branch)
                + (report.pushed ? L10n.t(" and pushed: ") : L10n.t(" (not pushed: --no-push): "))
                + "\(short(report.before)) → \(short(report.after))\(rounds)" + tags(report)
        case .conflict:
            return L10n.t("sync with {1} stopped: {2} file(s) conflict", report.remote, report.conflicts.count)
        }
    }

    /// The tags that crossed, on lines of their own; empty when none did.
    private static func tags(_ report: SyncReport) -> String {
        var lines = ""
        if !report.tagsReceived.isEmpty { lines += "\n" + L10n.t("received tags: {1}", report.tagsReceived.joined(separator: ", ")) }
        if !report.tagsSent.isEmpty { lines += "\n" + L10n.t("sent tags: {1}", report.tagsSent.joined(separator: ", ")) }
        return lines
    }
}
