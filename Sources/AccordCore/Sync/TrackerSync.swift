public import Foundation
public import GitStore

/// What accord adds to GitStore's sync: where its bookkeeping lives, how long a silent remote
/// is waited for, and the checks a tracker needs before a sync is accepted.
///
/// `review(_:in:)` is the one point where incoming commits and the state they lead to are
/// judged; it runs before anything is pushed or moved, and throwing from it refuses the sync
/// with nothing changed. Further checks of incoming commits belong there too.
public enum TrackerSync {
    /// Where sync keeps its references: what each remote held when last synced, its tags.
    public static let referencePrefix = "refs/accord"
    /// Seconds a remote may stay silent during a transfer before the sync stops (exit 75).
    public static let defaultTimeout: TimeInterval = 60
    /// The git configuration key that sets that limit for one copy (`git config accord.timeout 120`).
    public static let timeoutSetting = "accord.timeout"
    /// The largest file a sync takes from a remote (100 MiB): a larger one, with a path git
    /// or a file system would misread, a symbolic link or a submodule link, refuses the sync.
    public static let maximumIncomingFileSize = 100 * 1_048_576
    /// Record folders whose files are only ever added: a sync that would delete one is refused.
    public static let appendOnlyFolders = ["Events/", "Evidence/", "Withdrawals/"]

    /// What the check of the state a sync leads to found.
    public struct Check: Sendable, Equatable {
        /// The commit checked.
        public let result: ObjectID
        /// Problems in it, in all.
        public let problems: Int
        /// Those of them this copy did not have: they come with the remote's commits.
        public let arriving: [Diagnostic]

        /// One line for the user: `checked the tracker the sync leads to (1a2b3c4): no problems`,
        /// and the first problems that arrive, if any.
        public var summary: String {
            var found = problems == 0 ? L10n.t("no problems") : L10n.t("{1} problem(s) (accord validate lists them)", problems)
            if !arriving.isEmpty {
                found += L10n.t("; {1} of them arrive with this sync: ", arriving.count)
                    + arriving.prefix(3).map(\.description).joined(separator: "; ") + (arriving.count > 3 ? "; …" : "")
            }
            return L10n.t("checked the tracker the sync leads to ({1}): {2}", result.short, found)
        }
    }

    /// The stall limit in seconds: `explicit` (`--timeout`), else git's `accord.timeout`, else
    /// 60. Zero means no limit. A setting that is not a number of seconds is refused (exit 64,
    /// as for any `accord.*` value that cannot be used).
    public static func stallTimeout(explicit: Double?, repository: Repository) throws -> TimeInterval {
        if let explicit { return explicit }
        guard let text = repository.configString(timeoutSetting) else { return defaultTimeout }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds >= 0, seconds.isFinite else {
            throw AccordError(.usage, L10n.t("git config {1} is \"{2}\": give a number of seconds (0 for no limit)", timeoutSetting, text))
        }
        return seconds
    }

    /// The login for HTTPS remotes from `ACCORD_GIT_USERNAME` and `ACCORD_GIT_PASSWORD` (a
    /// token); nil without a user name. The user name is also the SSH user when the URL names none.
    public static func login(environment: [String: String]) -> RemoteLogin? {
        guard let user = environment["ACCORD_GIT_USERNAME"], !user.isEmpty else { return nil }
        return RemoteLogin(user: user, password: environment["ACCORD_GIT_PASSWORD"])
    }

    /// Judges what a sync is about to accept. Refused (exit 65): a result that lacks a record
    /// either side has (records are never deleted), and a merge that makes validation
    /// problems neither side has (an id both sides gave to different records). Problems the
    /// remote's commits bring are listed in the check, not refused: the other copy holds them
    /// already, and a copy on an older accord must still be able to take newer records.
    /// Refused too: a push or merge that would pass on entries accord never writes (links,
    /// `.git…` names: see ``TreeShape``), committed here by hand or pushed to a bare hub.
    public static func review(_ proposal: SyncProposal, in repository: Repository) throws -> Check {
        if proposal.kind != .fastForward {
            try TreeShape.requireSafeOutgoing(from: proposal.incoming, to: proposal.result, remote: proposal.remote,
                                              in: repository)
        }
        let sides = [(proposal.local, "here"), (proposal.incoming, "on \(proposal.remote)")]
        for case let (side?, place) in sides where side != proposal.result {
            let deleted = try repository.changes(from: side, to: proposal.result).filter { change in
                change.kind == .deleted && appendOnlyFolders.contains { change.path.hasPrefix($0) }
            }.map(\.path)
            guard deleted.isEmpty else {
                let listed = deleted.prefix(5).joined(separator: ", ") + (deleted.count > 5 ? ", …" : "")
                throw AccordError(.data, L10n.t("the sync with {1} would delete {2} record(s) that are {3} ({4}); status reports and evidence are never deleted. Nothing was changed; restore them with a new commit, then sync again", proposal.remote, deleted.count, place, listed))
            }
        }

        // What this copy's own check found, when the derived store still holds it: read before
        // the store moves on to the result.
        let checkedHere = proposal.local.flatMap { RecordStore.storedDiagnostics(repository: repository, commit: $0) }
        // Through the derived store: when the result merely adds records to the revision it
        // holds, without problems, only the new files are read and checked, and the store
        // moves to the result, so the next command reads it without any work.
        let found = try TrackerSnapshot.diagnostics(repository: repository, commit: proposal.result)
        guard proposal.local != proposal.result else { return Check(result: proposal.result, problems: found.count, arriving: []) }
        // A result without problems has none that arrive and none that the merge made: the
        // two sides need not be read again.
        guard !found.isEmpty else { return Check(result: proposal.result, problems: 0, arriving: []) }
        // Lines move when texts merge, so problems are compared without them.
        func known(at commit: ObjectID?) -> Set<String> {
            guard let commit else { return [] }
            if commit == proposal.result { return Set(found.map(key)) }  // a fast-forward's incoming
            if commit == proposal.local, let checkedHere { return Set(checkedHere.map(key)) }
            return Set(((try? TrackerSnapshot.load(repository: repository, commit: commit))?.diagnostics ?? []).map(key))
        }
        let here = known(at: proposal.local), there = known(at: proposal.incoming)
        let made = found.filter { !here.contains(key($0)) && !there.contains(key($0)) }
        guard made.isEmpty else {
            let listed = made.prefix(3).map(\.description).joined(separator: "; ")
            throw AccordError(.data, L10n.t("merging with {1} would make {2} new problem(s) that neither side has: {3}{4}. Nothing was changed; change one side so the two agree (e.g. rename a duplicated id), then sync again", proposal.remote, made.count, listed, made.count > 3 ? "; …" : ""))
        }
        return Check(result: proposal.result, problems: found.count,
                     arriving: found.filter { !here.contains(key($0)) })
    }

    private static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file)\u{0}\(diagnostic.field)\u{0}\(diagnostic.message)"
    }
}
