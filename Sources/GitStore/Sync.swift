internal import CLibGit2
public import Foundation

/// What `sync` did, for the caller to tell the user.
public struct SyncReport: Sendable, Codable, Equatable {
    /// How the two copies were brought together.
    public enum Outcome: String, Sendable, Codable {
        /// Both copies already held the same commits.
        case upToDate = "up-to-date"
        /// Only the local copy had new commits; they were pushed.
        case pushed
        /// Only the local copy had new commits, and pushing was not asked for.
        case ahead
        /// Only the remote had new commits; the local branch moved forward to them.
        case fastForwarded = "fast-forwarded"
        /// Both had new commits; a merge commit joins them, here and (unless pushing was not
        /// asked for) on the remote.
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
    /// Whether the result was pushed (false with `SyncOptions.pushes` off, or when nothing was new).
    public var pushed: Bool
    /// Tags the remote had and this copy now has too, by name.
    public var tagsReceived: [String]
    /// Tags this copy had and the remote now has too, by name.
    public var tagsSent: [String]
    /// Files both sides changed incompatibly; empty unless `outcome` is `.conflict`.
    public var conflicts: [String]
    /// Fetch–merge–push rounds it took (more than one when the remote moved meanwhile).
    public var attempts: Int
}

/// What a sync is about to accept, shown to `SyncOptions.review` before anything moves:
/// the one place where a caller checks the incoming commits and the state they lead to.
public struct SyncProposal: Sendable {
    /// How the result is reached.
    public enum Kind: Sendable, Equatable {
        /// The remote lacks local commits; the result is the local branch, to be pushed.
        case push
        /// The remote has commits the local branch lacks, and nothing else changed here.
        case fastForward
        /// Both sides moved on; the result is a new merge commit of the two.
        case merge
    }

    /// The remote.
    public let remote: String
    /// The branch, e.g. `main`.
    public let branch: String
    /// How the result is reached.
    public let kind: Kind
    /// The local branch now (nil while it has no commit).
    public let local: ObjectID?
    /// The remote branch as fetched (nil when the remote has no such branch).
    public let incoming: ObjectID?
    /// The commit both copies would hold afterwards (only the local one, when not pushing).
    public let result: ObjectID
}

/// How `sync` runs.
public struct SyncOptions {
    /// Rounds of fetch–merge–push before giving up while the remote keeps moving.
    public var maximumAttempts: Int
    /// Called as objects are received and sent.
    public var progress: ((TransferProgress) -> Void)?
    /// False to fetch and merge only: the remote is never written (a read-only remote).
    public var pushes: Bool
    /// Seconds a fetch or push may go without progress before it is stopped (`.timedOut`);
    /// nil or 0 for no limit.
    public var stallTimeout: TimeInterval?
    /// Where sync keeps its own references: for each remote, the remote branch as last
    /// synced (`PREFIX/synced/REMOTE/BRANCH`) and its tags as last fetched
    /// (`PREFIX/tags/REMOTE/…`); and the merge being pushed (`PREFIX/outgoing`).
    public var referencePrefix: String
    /// The user name and password (a token) for a remote that asks for them (HTTPS).
    public var login: RemoteLogin?
    /// Author and committer of a merge commit; nil for git's configured identity.
    public var mergeAuthor: Signature?
    /// The largest file, in bytes, the remote may bring (see `Repository.unsafeFiles`); nil
    /// for no limit.
    public var maximumFileSize: Int?
    /// Called with what the sync is about to accept, before it pushes or moves anything;
    /// throwing refuses it, and the sync then changes nothing and rethrows.
    public var review: ((SyncProposal) throws -> Void)?

    /// Creates options: five rounds, pushing, a 60-second stall limit, references under `refs/sync`.
    public init(maximumAttempts: Int = 5, progress: ((TransferProgress) -> Void)? = nil, pushes: Bool = true,
                stallTimeout: TimeInterval? = 60, referencePrefix: String = "refs/sync",
                login: RemoteLogin? = nil, mergeAuthor: Signature? = nil,
                review: ((SyncProposal) throws -> Void)? = nil) {
        self.maximumAttempts = maximumAttempts
        self.login = login
        self.mergeAuthor = mergeAuthor
        self.progress = progress
        self.pushes = pushes
        self.stallTimeout = stallTimeout
        self.referencePrefix = referencePrefix
        self.review = review
    }
}

extension Repository {
    /// The remote `sync` uses when none is named: `origin` if there is one, else the only one.
    /// Throws `.notFound` when there is none and `.invalid` when several could be meant.
    public func defaultRemote() throws -> Remote {
        let all = try remotes()
        if let origin = all.first(where: { $0.name == "origin" }) { return origin }
        if all.count == 1 { return all[0] }
        if all.isEmpty { throw GitError(.notFound, "this repository has no remote") }
        throw GitError(.invalid, "this repository has several remotes (\(all.map(\.name).joined(separator: ", "))) "
                       + "and none is called origin; name the one to sync with")
    }

    /// Exchanges commits and tags with `remoteName` (default: `defaultRemote()`): fetch,
    /// check, merge, push.
    ///
    /// The checked-out branch is synced with the remote's branch of the same name. Records
    /// merge as a union; texts three-way. The local branch moves only after the remote has
    /// accepted the result, by compare-and-swap under the write lock, with index and working
    /// tree following, so a failure part-way (network, full disk, read-only remote) leaves
    /// the local branch, index, working tree and remote-tracking branch as they were and
    /// throws `.io` (`.timedOut` when the remote stopped answering). A remote that moves
    /// meanwhile rejects the push; the round starts again, up to `maximumAttempts` times,
    /// then `.lostRace`.
    ///
    /// Refused with `.refused`, changing nothing: a remote branch that no longer contains
    /// what an earlier sync took from it (history rewritten or deleted there), a remote
    /// branch with no history in common with the local one, and whatever `options.review`
    /// throws for.
    ///
    /// Tags travel too: the remote's tags that this copy lacks are created here, and this
    /// copy's tags the remote lacks are pushed. A tag of the same name on another commit is
    /// left alone on both sides.
    ///
    /// A true conflict is not an error: the report lists the files, the local branch is
    /// unchanged, the remote-tracking branch holds what was fetched, and the attempt is
    /// recorded for `abortSync()`.
    public func sync(with remoteName: String? = nil, options: SyncOptions = SyncOptions()) throws -> SyncReport {
        let remote = try remoteName.map { try self.remote(named: $0) } ?? defaultRemote()
        let branch = try checkedOutBranch()
        let shortBranch = String(branch.dropFirst("refs/heads/".count))
        let tracking = "refs/remotes/\(remote.name)/\(shortBranch)"
        let synced = "\(options.referencePrefix)/synced/\(remote.name)/\(shortBranch)"
        let remoteTags = "\(options.referencePrefix)/tags/\(remote.name)"
        // One sync at a time in this copy. Holding it, a lock file on a reference only sync
        // writes was left by a sync that was killed, and would fail every later one.
        let syncLock = try WriteLock(gitDirectory: gitDirectory, name: "sync.lock")
        syncLock.removeStaleLocks(["\(tracking).lock", "\(synced).lock", "\(options.referencePrefix)/outgoing.lock",
                                   "FETCH_HEAD.lock"], in: gitDirectory)
        syncLock.removeStaleLocks(under: remoteTags, in: gitDirectory)
        // Only sync fetches into a copy, so a fetch's temporary pack is a killed sync's.
        WriteLock.removeInterruptedPackFiles(in: gitDirectory, olderThan: 0)
        let trackingBefore = try referenceTarget(tracking)
        // What the remote held after the last sync; a clone's remote-tracking branch is what
        // it was cloned from.
        let known = try referenceTarget(synced) ?? trackingBefore
        let before = try referenceTarget(branch)
        var report = SyncReport(remote: remote.name, url: remote.url, branch: shortBranch, outcome: .upToDate,
                                before: before, after: before, remoteTip: nil, pushed: false,
                                tagsReceived: [], tagsSent: [], conflicts: [], attempts: 0)
        defer { try? deleteReferences(under: remoteTags + "/") }
        do {
            while report.attempts < options.maximumAttempts {
                report.attempts += 1
                try deleteReferences(under: remoteTags + "/")
                try fetch(from: remote.name, tagsInto: remoteTags, progress: options.progress,
                          stallTimeout: options.stallTimeout, login: options.login)
                let local = try referenceTarget(branch)
                let remoteTip = try referenceTarget(tracking)
                report.remoteTip = remoteTip
                try requireContinuity(of: remote.name, branch: shortBranch, known: known, now: remoteTip,
                                      tracking: tracking, synced: synced)
                // Only what the remote's own commits add is judged: measured from where the two
                // histories meet, a file this copy removed since is not "brought" again, and a
                // remote behind this copy brings nothing.
                if let remoteTip, remoteTip != local,
                   try !(local.map { try history(of: $0, contains: remoteTip) } ?? false) {
                    let base = try local.flatMap { try mergeBase($0, remoteTip) }
                    let unsafe = try unsafeFiles(from: base, to: remoteTip, maximumFileSize: options.maximumFileSize)
                    guard unsafe.isEmpty else {
                        throw GitError(.refused, "the remote '\(remote.name)' brings files that cannot be taken safely: "
                                       + unsafe.prefix(5).joined(separator: "; ") + (unsafe.count > 5 ? "; …" : "")
                                       + ". Nothing was changed; they must be removed there (or the remote's branch "
                                       + "set back to a safe commit) before this copy can sync with it")
                    }
                }

                let theirTags = Dictionary(try references(under: remoteTags + "/").map {
                    (String($0.name.dropFirst(remoteTags.count + 1)), $0.target)
                }, uniquingKeysWith: { first, _ in first })
                let ourTags = try references(under: "refs/tags/")
                let tagsToSend = options.pushes
                    ? ourTags.map { String($0.name.dropFirst("refs/tags/".count)) }.filter { theirTags[$0] == nil } : []
                let tagUpdates = tagsToSend.map { (source: "refs/tags/\($0)", destination: "refs/tags/\($0)") }
                func review(_ kind: SyncProposal.Kind, _ result: ObjectID) throws {
                    try options.review?(SyncProposal(remote: remote.name, branch: shortBranch, kind: kind,
                                                      local: local, incoming: remoteTip, result: result))
                }
                var refusedTags: [String] = []
                /// Pushes `updates` (with the tags to send); false when the remote's branch moved on.
                func send(_ updates: [(source: String, destination: String)]) throws -> Bool {
                    guard !updates.isEmpty else { return true }
                    let outcome = try push(updates, remote: remote.name, progress: options.progress,
                                           stallTimeout: options.stallTimeout, login: options.login)
                    guard case .accepted(let refused) = outcome else { return false }
                    refusedTags = refused
                    return true
                }

                var remoteNow = remoteTip
                let message = "Sync: merge \(remote.name)/\(shortBranch) into \(shortBranch)\n\nRemote: \(remote.url)\n"
                switch try planMerge(local: local, remote: remoteTip, message: message, author: options.mergeAuthor) {
                case .upToDate:
                    guard try send(tagUpdates) else { continue }
                    report.outcome = .upToDate
                case .localAhead:
                    guard options.pushes, let local else {
                        report.outcome = .ahead
                        break
                    }
                    try review(.push, local)
                    guard try send([(branch, branch)] + tagUpdates) else { continue }
                    report.outcome = .pushed
                    report.pushed = true
                    remoteNow = local
                case .fastForward(let target):
                    try review(.fastForward, target)
                    guard try send(tagUpdates) else { continue }
                    guard try advanceBranch(branch, from: local, to: target,
                                            message: "sync: fast-forward to \(remote.name)/\(shortBranch)")
                    else { continue }
                    report.outcome = .fastForwarded
                case .merged(let merge):
                    try review(.merge, merge)
                    try checkWorkingTreeCanMove(from: local, to: merge)
                    if options.pushes {
                        let outgoing = "\(options.referencePrefix)/outgoing"
                        try setReference(outgoing, to: merge, message: "sync: outgoing merge")
                        defer { try? setReference(outgoing, to: nil, message: "sync: done") }
                        // libgit2 pushes references, not bare ids: the merge goes out through one.
                        guard try send([(outgoing, branch)] + tagUpdates) else { continue }
                        report.pushed = true
                        remoteNow = merge
                    }
                    // The remote has the merge now; if a local writer moved the branch
                    // meanwhile, the next round merges their commit on top of it.
                    guard try advanceBranch(branch, from: local, to: merge,
                                            message: "sync: merge \(remote.name)/\(shortBranch)")
                    else { continue }
                    report.outcome = .merged
                case .unrelated:
                    throw GitError(.refused, "the branch \(shortBranch) here and \(remote.name)/\(shortBranch) share no "
                                   + "history: they are two different repositories, and syncing would join them. "
                                   + "Nothing was changed; sync with an empty remote or with a copy of this one")
                case .conflict(let files):
                    report.outcome = .conflict
                    report.conflicts = files
                    try recordConflict(SyncState(remote: remote.name, branch: shortBranch, trackingReference: tracking,
                                                 trackingBefore: trackingBefore, localTip: local,
                                                 remoteTip: remoteTip, conflicts: files))
                    return report
                }
                report.tagsSent = tagsToSend.filter { !refusedTags.contains($0) }
                report.tagsReceived = try adoptTags(theirTags)
                if let remoteNow { try setReference(synced, to: remoteNow, message: "sync: \(remote.name) holds this") }
                report.after = try referenceTarget(branch)
                try clearSyncState()
                return report
            }
        } catch {
            // Leave the remote-tracking branch as it was: a failed sync changes nothing.
            try? setReference(tracking, to: trackingBefore, message: "sync: failed, restored")
            throw error
        }
        throw GitError(.lostRace, "the remote '\(remote.name)' kept changing during \(options.maximumAttempts) "
                       + "attempts; nothing was lost, sync again")
    }

    /// Refuses a remote branch that no longer contains `known`, the commit it held after the
    /// last sync: commits this copy took from it would silently be dropped there.
    private func requireContinuity(of remote: String, branch: String, known: ObjectID?, now: ObjectID?,
                                   tracking: String, synced: String) throws {
        guard let known else { return }
        let forget = [synced, tracking].map { "git update-ref -d \($0)" }.joined(separator: " && ")
        guard let now else {
            throw GitError(.refused, "the remote '\(remote)' no longer has the branch \(branch), which held "
                           + "\(known.short) when last synced: it was deleted there, or this is another repository. "
                           + "Nothing was changed. If the remote really was replaced, forget the old one with: \(forget)")
        }
        guard try history(of: now, contains: known) else {
            throw GitError(.refused, "the remote '\(remote)' rewrote its branch \(branch): it no longer contains "
                           + "\(known.short), which it held when last synced, and now holds \(now.short). "
                           + "Nothing was changed, and no commit of yours is lost. If the rewrite was meant, "
                           + "accept it with: \(forget)")
        }
    }

    /// Creates each tag of `theirs` (name → tag object or commit) that this copy lacks and
    /// whose object is here; returns their names. A tag of the same name is never replaced.
    private func adoptTags(_ theirs: [String: ObjectID]) throws -> [String] {
        var adopted: [String] = []
        for (name, target) in theirs.sorted(by: { $0.key < $1.key }) {
            var reference: OpaquePointer?
            var oid = target.oid
            let code = git_reference_create(&reference, pointer, "refs/tags/\(name)", &oid, 0, "sync: tag from remote")
            git_reference_free(reference)
            if code == GIT_EEXISTS.rawValue { continue }
            try check(code, "cannot create the tag \(name)")
            adopted.append(name)
        }
        return adopted
    }

    /// Forgets what syncs kept about `remote` under `referencePrefix` (see `SyncOptions`), so
    /// that a later remote of the same name is taken as new: for a remote that is removed.
    public func forgetSyncs(with remote: String, referencePrefix: String) throws {
        try deleteReferences(under: "\(referencePrefix)/synced/\(remote)/")
        try deleteReferences(under: "\(referencePrefix)/tags/\(remote)/")
    }

    /// Deletes every reference whose name starts with `prefix`.
    private func deleteReferences(under prefix: String) throws {
        for reference in try references(under: prefix) {
            try setReference(reference.name, to: nil, message: "sync: cleared")
        }
    }
}
