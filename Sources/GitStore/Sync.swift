internal import CLibGit2
import Foundation

/// What `sync` did, for the CLI to tell the user.
public struct SyncReport: Sendable, Codable, Equatable {
    /// How the two copies were brought together.
    public enum Outcome: String, Sendable, Codable {
        /// Both copies already held the same commits.
        case upToDate = "up-to-date"
        /// Only the local copy had new commits; they were pushed.
        case pushed
        /// Only the remote had new commits; the local branch moved forward to them.
        case fastForwarded = "fast-forwarded"
        /// Both had new commits; a merge commit joins them, here and on the remote.
        case merged
        /// Both changed the same lines differently; nothing moved (see `conflicts`).
        case conflict
    }

    /// The remote synced with.
    public var remote: String
    /// Its URL.
    public var url: String
    /// The local branch, e.g. `main`.
    public var branch: String
    /// What happened.
    public var outcome: Outcome
    /// The local branch before (nil when it had no commit yet).
    public var before: ObjectID?
    /// The local branch after.
    public var after: ObjectID?
    /// The remote branch as fetched (nil when the remote had no such branch).
    public var remoteTip: ObjectID?
    /// Files both sides changed incompatibly; empty unless `outcome` is `.conflict`.
    public var conflicts: [String]
    /// Fetch–merge–push rounds it took (more than one when the remote moved meanwhile).
    public var attempts: Int
}

/// How `sync` runs.
public struct SyncOptions {
    /// Rounds of fetch–merge–push before giving up while the remote keeps moving.
    public var maximumAttempts: Int
    /// Called as objects are received and sent.
    public var progress: ((TransferProgress) -> Void)?

    /// Creates options; five rounds by default.
    public init(maximumAttempts: Int = 5, progress: ((TransferProgress) -> Void)? = nil) {
        self.maximumAttempts = maximumAttempts
        self.progress = progress
    }
}

extension Repository {
    /// The remote `sync` uses when none is named: `origin` if there is one, else the only one.
    public func defaultRemote() throws -> Remote {
        let all = try remotes()
        if let origin = all.first(where: { $0.name == "origin" }) { return origin }
        if all.count == 1 { return all[0] }
        if all.isEmpty {
            throw GitError(.notFound, "this tracker has no remote; add one with: accord remote add origin URL")
        }
        throw GitError(.invalid, "this tracker has several remotes (\(all.map(\.name).joined(separator: ", "))) "
                       + "and none is called origin; name the one to sync with")
    }

    /// Exchanges commits with `remoteName` (default: `defaultRemote()`): fetch, merge, push.
    ///
    /// The checked-out branch is synced with the remote's branch of the same name. Records
    /// merge as a union; texts three-way. The local branch moves only after the remote has
    /// accepted the result, by compare-and-swap under the write lock, with index and working
    /// tree following, so a failure part-way (network, full disk, read-only remote) leaves
    /// the local branch, index, working tree and remote-tracking branch as they were and
    /// throws `.io`. A remote that moves meanwhile rejects the push; the round starts again,
    /// up to `maximumAttempts` times, then `.lostRace`.
    ///
    /// A true conflict is not an error: the report lists the files, the local branch is
    /// unchanged, the remote-tracking branch holds what was fetched, and the attempt is
    /// recorded in `<gitdir>/accord/sync-state` for `abortSync()`.
    public func sync(with remoteName: String? = nil, options: SyncOptions = SyncOptions()) throws -> SyncReport {
        let remote = try remoteName.map { try self.remote(named: $0) } ?? defaultRemote()
        let branch = try checkedOutBranch()
        let shortBranch = String(branch.dropFirst("refs/heads/".count))
        let tracking = "refs/remotes/\(remote.name)/\(shortBranch)"
        let trackingBefore = try referenceTarget(tracking)
        let before = try referenceTarget(branch)
        var report = SyncReport(remote: remote.name, url: remote.url, branch: shortBranch, outcome: .upToDate,
                                before: before, after: before, remoteTip: nil,
                                conflicts: [], attempts: 0)
        do {
            while report.attempts < options.maximumAttempts {
                report.attempts += 1
                try fetch(from: remote.name, progress: options.progress)
                let local = try referenceTarget(branch)
                let remoteTip = try referenceTarget(tracking)
                report.remoteTip = remoteTip
                let message = "Sync: merge \(remote.name)/\(shortBranch) into \(shortBranch)\n\nRemote: \(remote.url)\n"
                switch try planMerge(local: local, remote: remoteTip, message: message) {
                case .upToDate:
                    report.outcome = .upToDate
                case .localAhead:
                    guard try push(branch, to: branch, remote: remote.name, progress: options.progress) == .accepted
                    else { continue }
                    report.outcome = .pushed
                case .fastForward(let target):
                    guard try advanceBranch(branch, from: local, to: target,
                                            message: "accord sync: fast-forward to \(remote.name)/\(shortBranch)")
                    else { continue }
                    report.outcome = .fastForwarded
                case .merged(let merge):
                    try checkWorkingTreeCanMove(from: local, to: merge)
                    guard try pushCommit(merge, to: branch, remote: remote.name, progress: options.progress)
                    else { continue }
                    // The remote has the merge now; if a local writer moved the branch
                    // meanwhile, the next round merges their commit on top of it.
                    guard try advanceBranch(branch, from: local, to: merge,
                                            message: "accord sync: merge \(remote.name)/\(shortBranch)")
                    else { continue }
                    report.outcome = .merged
                case .conflict(let files):
                    report.outcome = .conflict
                    report.conflicts = files
                    try recordConflict(SyncState(remote: remote.name, branch: shortBranch, trackingReference: tracking,
                                                 trackingBefore: trackingBefore, localTip: local,
                                                 remoteTip: remoteTip, conflicts: files))
                    return report
                }
                report.after = try referenceTarget(branch)
                try clearSyncState()
                return report
            }
        } catch {
            // Leave the remote-tracking branch as it was: a failed sync changes nothing.
            try? setReference(tracking, to: trackingBefore, message: "accord sync: failed, restored")
            throw error
        }
        throw GitError(.lostRace, "the remote '\(remote.name)' kept changing during \(options.maximumAttempts) "
                       + "attempts; nothing was lost, run accord sync again")
    }

    /// Pushes a commit no reference points at yet, through a temporary reference under
    /// `refs/accord/` (libgit2 pushes references, not bare ids). True when accepted.
    private func pushCommit(_ commit: ObjectID, to branch: String, remote: String,
                            progress: ((TransferProgress) -> Void)?) throws -> Bool {
        let outgoing = "refs/accord/sync/outgoing"
        try setReference(outgoing, to: commit, message: "accord sync: outgoing merge")
        defer { try? setReference(outgoing, to: nil, message: "accord sync: done") }
        return try push(outgoing, to: branch, remote: remote, progress: progress) == .accepted
    }
}
