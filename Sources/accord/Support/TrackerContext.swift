import AccordCore
import Foundation
import GitStore

/// Everything a command reading the tracker needs, loaded once: the repository, the
/// snapshot at the revision asked for, the state at the as-of date, the id resolver and
/// the redaction policy.
///
/// Reads go on when the tracker has a few bad records (from a sync, a hand edit): the
/// problems are announced on standard error as `accord: warning: N problems, run accord
/// validate` and the valid records are used. Writes are checked separately: a write is
/// refused when the record it adds has a problem (see `RecordWriter.requireValid(adding:)`).
struct TrackerContext {
    let repository: Repository
    /// The commit read.
    let commit: ObjectID
    /// The tracker as it stood at the as-of date: instruments signed, texts and registers
    /// in force, plans adopted and meetings held by then (`TrackerSnapshot.inForce`).
    /// Every read goes through it.
    let snapshot: TrackerSnapshot
    /// Every record of the commit, whatever its date: what a write is checked against.
    let whole: TrackerSnapshot
    let asOf: CalendarDate
    let redaction: Redaction
    /// Builds its id catalog on first use (see `IDResolver`).
    let resolver: IDResolver
    /// The instruments' text revisions, read on another core while the tracker loaded
    /// (`TextHistory.Prefetch`).
    let prefetchedTexts: TextHistory.Prefetched?
    /// The user's defaults from git config (`accord.*`).
    let user: UserSettings
    /// Where the command's text goes, and how it looks.
    let console: Console
    /// Folded on first use: recording a report needs no state, and on a large tracker the
    /// fold is a noticeable part of a run.
    let lazyState: Lazy<TrackerState>

    var state: TrackerState { lazyState.value }

    /// What a command reads of the repository's history besides the instruments' text
    /// revisions (which every read takes from the `Agreements/` folder's history).
    enum HistoryRead {
        case none
        /// The histories of a few files, from their folder's history
        /// (`Repository.histories(of:from:)`), whose answers the history store keeps: the
        /// commit index is read only when the tracker lists signers, whose checks ask it
        /// for each record's newest commit.
        case files
        /// The commits and the files each changed (`Repository.changeLog`): the commit
        /// index, read on another core while the tracker loads.
        case commits
        /// The commits that changed a few files (`Repository.changeLog(touching:)`): the
        /// commit index with those files' changes alone, read once they are known.
        case commitsOfFiles
    }

    /// Opens the tracker named by `repository` options and reads it as `read` asks, with
    /// the `history` the command asks of the repository (see ``HistoryRead``).
    static func open(_ repository: RepositoryOptions, _ read: ReadOptions, history: HistoryRead = .none, focus: Focus? = nil) throws -> TrackerContext {
        try open(repository, revision: read.revision, asOf: read.date, redaction: read.redaction, identity: read.identity,
                 terminal: read.terminal, history: history, focus: focus)
    }

    /// A command about one target, or one instrument, plan or meeting: the tracker is read
    /// with the status reports in `scope` alone when the derived store allows it
    /// (``TrackerSnapshot/load(repository:commit:reportsOn:)``), and read again whole when
    /// the ids typed would not resolve there as among every report (`resolvesAlike`, asked
    /// of the tracker as it stood: only full ids, `IDResolver.resolveWithoutCatalog`, do).
    /// The context's `snapshot.reports` and `state` then hold the scope's reports alone: a
    /// command with a focus asks only about its scope (`TrackerState(_:asOf:owners:)`).
    struct Focus {
        /// The reports read, known from the id typed or found in the derived store (a
        /// report's own target); nil reads every record.
        let scope: (Repository, ObjectID) -> ReportScope?
        /// Evidence the command needs besides what supports the scope's targets or its
        /// reports cite: what a new report cites.
        var citing: Set<String> = []
        let resolvesAlike: (IDResolver) -> Bool

        /// Recording a report on `target`, citing `evidence`.
        static func recording(target: String, evidence: [String]) -> Focus? {
            guard let id = QualifiedID(LocalForms.typed(target).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) else { return nil }
            // As the resolver reads them: a piece typed in capitals is still the one cited.
            let cited = Set(evidence.map { LocalForms.typed($0).trimmingCharacters(in: .whitespacesAndNewlines).lowercased() })
            return Focus(scope: { _, _ in .target(id) }, citing: cited) { resolver in
                guard let found = resolver.resolveWithoutCatalog(target), found.qualifiedID == id,
                      [.commitment, .planItem, .decision].contains(found.kind) else { return false }
                return evidence.allSatisfy { resolver.resolveWithoutCatalog($0)?.kind == .evidence }
            }
        }

        /// Showing `text`, or its history: a target, or an instrument, plan or meeting or a
        /// part of one, with the targets of its owner; a status report with the reports on
        /// its target. Ids of the names accord gives evidence (`ev-`) are shown from every
        /// record.
        static func showing(_ text: String) -> Focus? {
            let typed = LocalForms.typed(text).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if typed.hasPrefix("sr-") {
                return Focus(scope: { repository, commit in
                    TrackerSnapshot.storedTarget(ofReport: typed, repository: repository, commit: commit).map(ReportScope.target)
                }) { resolver in resolver.resolveWithoutCatalog(text)?.kind == .report }
            }
            let owner = QualifiedID(typed)?.owner ?? typed
            guard !owner.isEmpty, !owner.hasPrefix("ev-") else { return nil }
            return Focus(scope: { _, _ in .owner(owner) }) { resolver in
                guard let found = resolver.resolveWithoutCatalog(text), found.kind != .evidence, found.kind != .report else { return false }
                return (found.qualifiedID?.owner ?? found.id) == owner
            }
        }
    }

    /// Opens the tracker at `revision` (default HEAD), evaluated at `asOf`, printing as
    /// `terminal` asks (by default: as without options); for `focus`, see ``Focus``.
    static func open(_ options: RepositoryOptions, revision: String? = nil, asOf: CalendarDate = .today(),
                     redaction: Redaction = Redaction(includeRestricted: false), identity: String? = nil,
                     terminal: TerminalOptions? = nil, warn: Bool = true, history: HistoryRead = .none,
                     focus: Focus? = nil, writing: Bool = false) throws -> TrackerContext {
        // history and show read old objects, where a damaged one is most likely met; the
        // watch starts before the tracker is looked for, which reads HEAD's tree already.
        if history != .none, let plain = try? options.openRepository() { StuckReadGuard.start(gitDirectory: plain.gitDirectory) }
        let repository = try options.openTracker()
        // A command that writes adds its files to the working folder's index: read on
        // another core while the tracker is.
        if writing { repository.prefetchWorkingIndex() }
        let user = try UserSettings.load(for: repository)
        let commit = try repository.resolve(typed: revision ?? "HEAD")
        // The stored commit index is read on another core while the snapshot loads.
        if history == .commits { repository.prefetchCommitIndex() }
        // What stood on the as-of date needs the revisions of every revised instrument's
        // texts (and `gaps` and `summary` every instrument's): read on another core while
        // the snapshot loads.
        let textPrefetch = TextHistory.Prefetch(gitDirectory: repository.gitDirectory, commit: commit)
        // Through the derived store in the git folder: a revision read before costs no parsing.
        // The prefetch is taken whatever happens, even when no instrument was revised: its
        // thread, which reads git and the derived store, must not still run when the
        // command ends, on an error too.
        var snapshot: TrackerSnapshot
        // A command about one target or owner reads the other reports by id alone.
        let scoped = focus.flatMap { focus in
            focus.scope(repository, commit).flatMap {
                TrackerSnapshot.load(repository: repository, commit: commit, reportsOn: $0, citing: focus.citing)
            }
        }
        do {
            snapshot = try scoped ?? TrackerSnapshot.load(repository: repository, commit: commit)
        } catch {
            _ = textPrefetch.handOver(for: commit)
            throw error
        }
        let prefetchedTexts = textPrefetch.handOver(for: commit)
        // Signers' checks ask the commit index; it is read while the rest of the tracker is.
        if history == .files, snapshot.settings?.hasSigners == true { repository.prefetchCommitIndex() }
        // The tracker's language applies when the user chose none.
        L10n.adoptTrackerDefault(snapshot.settings?.interfaceLanguages ?? [])
        LocalForms.adoptTrackerDefault(snapshot.settings?.digits)
        if warn && !snapshot.isValid {
            let count = snapshot.diagnostics.count
            FileHandle.standardError.write(Data(
                ((count == 1 ? L10n.t("accord: warning: 1 problem in the tracker, run accord validate")
                    : L10n.t("accord: warning: {1} problems in the tracker, run accord validate", count)) + "\n").utf8))
        }
        var standing = try snapshot.inForce(on: asOf, repository: repository, commit: commit, prefetched: prefetchedTexts)
        if scoped != nil, let focus, !focus.resolvesAlike(IDResolver(standing)) {
            snapshot = try TrackerSnapshot.load(repository: repository, commit: commit)
            standing = try snapshot.inForce(on: asOf, repository: repository, commit: commit, prefetched: prefetchedTexts)
        }
        let stood = standing
        let redaction = try opened(redaction, snapshot: snapshot, repository: repository, identity: identity)
        let context = TrackerContext(repository: repository, commit: commit, snapshot: stood, whole: snapshot, asOf: asOf,
                                     redaction: redaction, resolver: IDResolver(stood), prefetchedTexts: prefetchedTexts,
                                     user: user, console: Console(terminal, settings: user),
                                     lazyState: Lazy { TrackerState(stood, asOf: asOf) })
        KeptUntilExit.keep(context)
        return context
    }

    /// `redaction` able to open sealed restricted evidence, when it includes restricted
    /// content: that takes the reader's age identity (`--identity`, `ACCORD_IDENTITY`, git
    /// config `accord.identity`), else exit 64. Records the identity cannot open stay hidden.
    private static func opened(_ redaction: Redaction, snapshot: TrackerSnapshot, repository: Repository,
                               identity: String?) throws -> Redaction {
        guard redaction.includeRestricted else { return redaction }
        let environment = ProcessInfo.processInfo.environment["ACCORD_IDENTITY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = identity ?? environment ?? repository.configString("accord.identity") else {
            throw AccordError(.usage, L10n.t("--include-restricted needs your age identity, the key restricted evidence is encrypted for: give --identity FILE, set ACCORD_IDENTITY, or git config accord.identity FILE"))
        }
        let opener = try SealedEvidenceOpener(identity: URL(fileURLWithPath: path)) {
            FileHandle.standardError.write(Data(
                (L10n.t("accord: warning: restricted records not encrypted for {1} stay hidden", path) + "\n").utf8))
        }
        if let sample = snapshot.lastSealedEvidence { try opener.check(with: sample) }
        return Redaction(includeRestricted: true, opener: opener)
    }

    /// The writer of new records on this commit, checked against every record of it.
    var writer: RecordWriter { RecordWriter(repository: repository, snapshot: whole, base: commit) }

    /// Says on standard error that the last write's commit stands though its files could not
    /// all be written (a full disk): the command succeeded, and must not be run again.
    static func warnAboutWorkingFolder(of repository: Repository) {
        guard let problem = repository.workingFolderProblem else { return }
        FileHandle.standardError.write(Data((L10n.t("accord: warning: {1}; the record is saved, do not record it again", problem) + "\n").utf8))
    }

    /// For a `--supersedes` `request`, the withdrawal of the record `replacement` replaces,
    /// added to the `files` of the same commit, its `message` saying so; nil without one.
    func supersede(_ request: WithdrawalRequest?, by replacement: RecordID, today: CalendarDate,
                   files: inout [String: Data], message: inout String) throws -> Withdrawal? {
        guard let request else { return nil }
        let withdrawal = try request.withdrawal(in: snapshot, resolver: resolver, today: today, replacement: replacement)
        files[withdrawal.path] = Data(withdrawal.yamlText().utf8)
        message += "\n\nSupersedes \(withdrawal.withdraws)."
        return withdrawal
    }

    /// Resolves an id typed by the user (see `IDResolver`), in the tracker as it stood at
    /// the as-of date: an id that came later is refused (66) saying when it came.
    func resolve(_ text: String) throws -> IDResolver.Resolved {
        do {
            return try resolver.resolve(text)
        } catch {
            if case .unknown = error, let later = laterThanAsOf(try? IDResolver(whole).resolve(text)) { throw later }
            throw error
        }
    }

    /// Resolves an id of one of `kinds`, as `resolve(_:)` does.
    func resolve(_ text: String, as kinds: Set<IDResolver.Kind>) throws -> IDResolver.Resolved {
        do {
            return try resolver.resolve(text, as: kinds)
        } catch {
            if case .unknown = error, let later = laterThanAsOf(try? IDResolver(whole).resolve(text, as: kinds)) { throw later }
            throw error
        }
    }

    /// Why an id unknown at the as-of date is unknown, when the whole commit knows it
    /// (`later`, what it names there): its owner came after the as-of date, or a later
    /// revision of the text added it. Nil when the commit does not know it either.
    private func laterThanAsOf(_ later: IDResolver.Resolved?) -> IDResolver.Failure? {
        guard let later else { return nil }
        let owner = later.qualifiedID?.owner ?? later.id
        if let existence = whole.existence(of: owner), existence.date > asOf {
            return .notYet(later.id, reason: L10n.t("{1} {2} on {3}, after {4}", owner, existence.event, existence.date, asOf))
        }
        return .notYet(later.id, reason: L10n.t("on {1} it was not in the text and register of {2} then in force", asOf, owner))
    }
}

extension TrackerContext {
    /// Of the records with `ids` (status reports, evidence, meetings), those not signed by
    /// their party, with how they are signed; nil when accord.yaml lists no signers.
    func unverified(among ids: [String]) throws -> [String: String]? {
        guard let settings = snapshot.settings, settings.hasSigners else { return nil }
        let signatures = RecordSignatures(repository: repository, settings: settings)
        var found: [String: String] = [:]
        for id in Set(ids) {
            guard let path = recordPath(id), let record = try signatures.record(at: path, tip: commit),
                  !record.status.isVerified else { continue }
            found[id] = record.status.rawValue
        }
        return found
    }

    /// The file of the status report, evidence or meeting `id`.
    private func recordPath(_ id: String) -> String? {
        guard let recordID = RecordID(id) else { return nil }
        if let evidence = snapshot.evidence(recordID) { return evidence.path }
        if let report = snapshot.report(id) { return report.path }
        return snapshot.meetings.first { $0.id == recordID }?.path
    }

    /// Every record at this revision not signed by its party; nil when accord.yaml lists
    /// no signers.
    func unverifiedRecords() throws -> [SignedChange]? {
        guard let settings = snapshot.settings, settings.hasSigners else { return nil }
        return try RecordSignatures(repository: repository, settings: settings).unverified(at: commit)
    }

    /// The instrument `text` names (full id or a unique short form); exit 66 when none.
    func instrument(_ text: String) throws -> Instrument {
        let resolved = try resolve(text, as: [.instrument])
        guard let id = InstrumentID(resolved.id), let instrument = snapshot.instrument(id) else {
            throw AccordError(.notFound, L10n.t("no instrument \"{1}\" in the tracker", text))
        }
        return instrument
    }
}

/// Contexts and snapshots held until the process exits. A command ends soon after its
/// context goes out of scope, and freeing a large tracker's records one by one is a
/// noticeable part of a command's time; the operating system reclaims the memory at
/// exit at no cost.
enum KeptUntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) { kept.append(value) }

    /// Lets go of what was kept, freed on another core while the command goes on: for a
    /// command whose output outgrows what it read (the whole history's table in Vietnamese
    /// or Khmer), whose writing then reuses the records' memory. The caller keeps what must
    /// not be torn down on another thread (the repository: libgit2's objects).
    static func letGo() {
        let held = Held(kept)
        kept = []
        Thread.detachNewThread { held.values.removeAll() }
    }

    private final class Held: @unchecked Sendable {
        var values: [Any]
        init(_ values: [Any]) { self.values = values }
    }
}
