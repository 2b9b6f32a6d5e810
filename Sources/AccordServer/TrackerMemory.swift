import AccordCore
import Foundation
import GitStore

/// The tracker as the server last read it, kept between requests so that a page costs
/// rendering, not reading: the records of the branch tip, and for each of the page dates
/// asked for lately the tracker as it stood then with its state, review schedule, id
/// index and the findings on the texts' history.
///
/// Everything is keyed by the tip's commit id, which every request reads afresh: a
/// commit made by anyone (a form of this server, the command line, a sync) is seen at the
/// next request, and nothing read at one commit is ever shown for another.
final class TrackerMemory: @unchecked Sendable {
    // `@unchecked`: every stored property below is touched only under `lock`, and the
    // repository handle only there too (libgit2 handles are not shared between threads).
    private let lock = NSLock()
    private let repositoryPath: String
    private var repository: Repository?
    private var tip: ObjectID?
    private var whole: TrackerSnapshot?
    private var dated: [CalendarDate: Dated] = [:]
    private var datesAskedFor: [CalendarDate] = []
    /// How many page dates are kept at one tip; the oldest asked for goes first.
    static let datesKept = 6

    /// The tracker at one date, at the remembered tip. The costly parts are made when a
    /// page first needs them.
    final class Dated: Sendable {
        let commit: ObjectID
        let asOf: CalendarDate
        let snapshot: TrackerSnapshot
        let state: Lazy<TrackerState>
        let resolver: Lazy<IDResolver>
        let schedule: Lazy<ReviewSchedule>
        /// Page values made from this tracker that depend on nothing else but the
        /// language (the dashboard's), kept with it so a page is made once and then only
        /// rendered.
        let pageValues = PageValues()

        init(commit: ObjectID, asOf: CalendarDate, snapshot: TrackerSnapshot) {
            self.commit = commit
            self.asOf = asOf
            self.snapshot = snapshot
            let state = Lazy { TrackerState(snapshot, asOf: asOf) }
            self.state = state
            resolver = Lazy { IDResolver(snapshot) }
            schedule = Lazy { ReviewSchedule(snapshot: snapshot, state: state.value, horizonMonths: 18) }
        }
    }

    /// Template values by name, made once each.
    final class PageValues: @unchecked Sendable {
        // `@unchecked`: `values` is only touched under `lock`; the values, once stored, are
        // never changed (pages copy them before adding their own keys).
        private let lock = NSLock()
        private var values: [String: [String: Any]] = [:]

        /// The value stored under `key`, made by `make` the first time it is asked for.
        func value(_ key: String, make: () throws -> [String: Any]) rethrows -> [String: Any] {
            if let known = locked({ values[key] }) { return known }
            let made = try make()
            locked { values[key] = made }
            return made
        }

        private func locked<T>(_ body: () -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body()
        }
    }

    /// What the texts' history says at a date: the gap report's inputs that need git.
    struct TextFindings: Sendable {
        let amendedSinceEvidence: [AmendedSinceEvidence]
        let languagesOutOfStep: [LanguagesOutOfStep]
    }

    private var findings: [CalendarDate: TextFindings] = [:]
    /// Gap reports by date, then by language: a gap's reasons are sentences in the language
    /// it was found in.
    private var gapReports: [CalendarDate: [Language: GapReport]] = [:]
    private var fileHistories: [String: [CommitInfo]] = [:]

    /// Forgets every value of the tip remembered (under the lock).
    private func clear() {
        (whole, tip, dated, datesAskedFor) = (nil, nil, [:], [])
        (findings, gapReports, fileHistories) = ([:], [:], [:])
    }

    init(repositoryPath: String) {
        self.repositoryPath = repositoryPath
    }

    /// The tracker at the branch tip as it stood on `asOf`, with every record of the tip.
    /// Unless `fresh`, the tip last read will do when there is one, and its records as
    /// they are when that date was not asked for yet (for what cannot go stale: a form's
    /// choices of parties and statuses).
    func reading(asOf: CalendarDate, fresh: Bool = true) throws -> (whole: TrackerSnapshot, dated: Dated) {
        lock.lock()
        defer { lock.unlock() }
        let repository = try handle()
        let head = try !fresh && tip != nil ? tip! : repository.resolve("HEAD")
        if head != tip || whole == nil {
            let caughtUp = tip.flatMap { known in whole.flatMap { Self.catchUp($0, from: known, to: head, in: repository) } }
            // Drop the old tip's values before reading the new one: two whole trackers
            // are never held at once.
            clear()
            whole = try caughtUp ?? TrackerSnapshot.load(repository: repository, commit: head)
            tip = head
            // The tracker's digits, as the commands take them, unless the server was told otherwise.
            LocalForms.adoptTrackerDefault(whole?.settings?.digits)
        }
        let records = whole!
        if !fresh && dated[asOf] == nil {
            // What a form's choices need (parties, statuses, instruments) does not change
            // with the date: the tip's records will do, without making the tracker as it
            // stood (after a form's own write, that would be made again for every post).
            return (records, Dated(commit: head, asOf: asOf, snapshot: records))
        }
        datesAskedFor.removeAll { $0 == asOf }
        datesAskedFor.append(asOf)
        if let known = dated[asOf] { return (records, known) }
        let stood = try records.inForce(on: asOf, repository: repository, commit: head)
        let made = Dated(commit: head, asOf: asOf, snapshot: stood)
        dated[asOf] = made
        if datesAskedFor.count > Self.datesKept {
            let oldest = datesAskedFor.removeFirst()
            dated[oldest] = nil
            findings[oldest] = nil
            gapReports[oldest] = nil
        }
        return (records, made)
    }

    /// The texts' history findings at `dated`'s date (`accord gaps` reads the same).
    func textFindings(_ dated: Dated) throws -> TextFindings {
        lock.lock()
        defer { lock.unlock() }
        if dated.commit == tip, let known = findings[dated.asOf] { return known }
        let history = try TextHistory(snapshot: dated.snapshot, repository: try handle(), commit: dated.commit)
        let found = TextFindings(amendedSinceEvidence: history.amendedSinceEvidence(snapshot: dated.snapshot, asOf: dated.asOf),
                                 languagesOutOfStep: history.languagesOutOfStep(asOf: dated.asOf))
        if dated.commit == tip { findings[dated.asOf] = found }
        return found
    }

    /// Every gap at `dated`'s date, unfiltered, as `accord gaps` finds them: made once per
    /// tip, date and language (a filter keeps some of them, see `TrackerReading.gaps`).
    func allGaps(_ dated: Dated) throws -> GapReport {
        let found = try textFindings(dated)
        let language = L10n.language
        if let known = locked({ dated.commit == tip ? gapReports[dated.asOf]?[language] : nil }) { return known }
        let report = GapReport(snapshot: dated.snapshot, state: dated.state.value, schedule: dated.schedule.value,
                               amendedSinceEvidence: found.amendedSinceEvidence, languagesOutOfStep: found.languagesOutOfStep)
        locked { if dated.commit == tip { gapReports[dated.asOf, default: [:]][language] = report } }
        return report
    }

    /// The commits that changed `path`, newest first, from `commit` (read with the
    /// request's own `repository`), kept while `commit` is the tip.
    func history(of path: String, from commit: ObjectID, in repository: Repository) throws -> [CommitInfo] {
        if let known = locked({ commit == tip ? fileHistories[path] : nil }) { return known }
        let made = try repository.history(of: path, from: commit)
        locked { if commit == tip { fileHistories[path] = made } }
        return made
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// After this server wrote `files` in `commit`: when `commit`'s only parent is the tip
    /// remembered, the tip becomes `commit` with the files added in memory (what reading it
    /// would give, since a record write only adds files), so the next request need not read
    /// it. That parent need not be the commit the write was checked against: when several
    /// forms post at once, each write lands on the tip the one before made. Otherwise
    /// (another writer's commit came between) the next request reads the tip.
    func advance(to commit: ObjectID, adding files: [String: Data]) {
        lock.lock()
        defer { lock.unlock() }
        guard let remembered = tip, let whole, let repository = try? handle(),
              (try? repository.commit(commit).parents) == [remembered],
              let appended = whole.appending(files: files) else { return }
        clear()
        (self.whole, tip) = (appended, commit)
    }

    /// The most files a tip may have added since the one remembered for them to be added
    /// to the remembered records rather than the tracker read again.
    static let catchUpFiles = 64

    /// `records` (those of `known`) with what `head` adds, when `head`'s files are
    /// `known`'s plus a few new status reports, evidence and attachments: what reading
    /// `head` would give, at the cost of the new files. Nil for anything else (a file
    /// changed or removed, another kind of record, a problem), which is then read whole.
    /// When forms post at once, each commit lands before its own form can tell this
    /// memory, so the next request finds the tip moved by a record or two.
    static func catchUp(_ records: TrackerSnapshot, from known: ObjectID, to head: ObjectID, in repository: Repository) -> TrackerSnapshot? {
        guard let changes = try? repository.changes(from: known, to: head), !changes.isEmpty, changes.count <= catchUpFiles,
              changes.allSatisfy({ $0.kind == .added }) else { return nil }
        var files: [String: Data] = [:]
        for change in changes {
            guard let data = try? repository.read(change.path, at: head) else { return nil }
            files[change.path] = data
        }
        return records.appending(files: files)
    }

    /// Forgets everything read: the next request reads the tip again.
    func forget() {
        lock.lock()
        defer { lock.unlock() }
        clear()
    }

    private func handle() throws -> Repository {
        if let repository { return repository }
        let opened = try TrackerLocation.openTracker(explicit: repositoryPath, environment: [:],
                                                     currentDirectory: URL(fileURLWithPath: repositoryPath))
        repository = opened
        return opened
    }
}
