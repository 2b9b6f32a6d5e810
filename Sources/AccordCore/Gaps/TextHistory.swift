public import Foundation
public import GitStore

/// The revisions of every instrument's texts, read once from git for the reports that
/// need history: the gap rules `amended-since-evidence` and `languages-out-of-step`, and
/// the text changes a review summary shows.
public struct TextHistory: Sendable {
    /// The revisions of each instrument that has texts, by instrument id.
    public let revisions: [TextRevisions]
    /// The parsed texts of each instrument, in the order of `revisions`, read only for the
    /// redlines a summary shows (the rules need the revisions alone, whose comparisons are
    /// cached).
    private let texts: [TextCache]

    /// Reads the revisions of every instrument of `snapshot` in the history of `commit`,
    /// or only of those named in `only` (`accord show` needs one instrument's). With
    /// `prefetched`, what a ``Prefetch`` of `commit` read is found in its caches.
    public init(snapshot: TrackerSnapshot, repository: Repository, commit: ObjectID,
                only: Set<InstrumentID>? = nil, prefetched: Prefetched? = nil) throws {
        if let walked = prefetched?.repository { repository.keepFolderHistories(of: walked) }
        let caches = prefetched?.caches ?? [:]
        let instruments = snapshot.instruments.filter { only?.contains($0.id) ?? true }
        let done = try Self.read(instruments.map { ($0.id, $0.languages) }, repository: repository, commit: commit,
                                 caches: caches).map { try $0.get() }
        revisions = done.map(\.0)
        texts = done.map(\.1)
    }

    /// The revisions of each of `instruments` (with its languages' order) and the text cache
    /// they were read through; the first failure in instrument order is the one to report,
    /// as when they were read one after another. An instrument with a cache in `caches`
    /// reads through it (a prefetch's: its texts and comparisons are then in memory).
    private static func read(_ instruments: [(id: InstrumentID, languages: [String])], repository: Repository,
                             commit: ObjectID, caches: [InstrumentID: TextCache] = [:])
                             throws -> [Result<(TextRevisions, TextCache), any Error>] {
        // Every instrument folder's history in one walk.
        let histories = try repository.histories(of: instruments.map { TextRevisions.folder(of: $0.id) }, from: commit)
        // Each instrument's texts are parsed and compared apart, on all cores: each through a
        // repository handle and a text cache of its own, since neither may be shared
        // between threads.
        let gitDirectory = repository.gitDirectory
        let jobs = zip(instruments, histories).map { (id: $0.id, languages: $0.languages, history: $1, cache: caches[$0.id]) }
        return ParallelMap.map(jobs, perCore: 1) { job -> Result<(TextRevisions, TextCache), any Error> in
            Result {
                let cache = try job.cache ?? TextCache(repository: Repository.open(at: gitDirectory))
                return (try TextRevisions.read(job.id, languages: job.languages, in: cache.repository,
                                               history: job.history, texts: cache),
                        cache)
            }
        }
    }

    /// Reads the revisions of every instrument folder under `Agreements/` on another thread
    /// while the tracker loads: every command opening the tracker needs them for the
    /// instruments whose text was revised (what stood on the as-of date,
    /// ``TrackerSnapshot/inForce(on:repository:commit:prefetched:)``), and `gaps` and
    /// `summary` for every instrument. After a clone, the walk over every commit and the
    /// parsing of every text then overlap with reading the records; with the derived store,
    /// reading the folder history and the stored comparisons does. What it reads is stored
    /// in the caches in the git folder (the folder history, the parsed texts, their
    /// comparisons), and handed over in memory as well (``Prefetched``), so nothing is read
    /// twice even where nothing can be stored. Its failures are ignored: the same reads are
    /// made again where they are needed, and fail there.
    public final class Prefetch: @unchecked Sendable {
        private let group = DispatchGroup()
        private let commit: ObjectID
        /// Set once, on the prefetch's thread, before `group` is left.
        private var read: Prefetched?

        /// Starts reading `commit`'s history in the repository at `gitDirectory`.
        public init(gitDirectory: URL, commit: ObjectID) {
            self.commit = commit
            DispatchQueue.global().async(group: group) { [self] in
                guard let repository = try? Repository.open(at: gitDirectory).keepingHistoryInDerivedStore(),
                      let folders = try? repository.list(TextRevisions.instrumentsFolder, at: commit) else { return }
                let instruments = folders.filter { $0.kind == .tree }.compactMap { InstrumentID($0.name) }
                guard let results = try? TextHistory.read(instruments.map { ($0, []) }, repository: repository, commit: commit)
                else { return }
                var revisions: [InstrumentID: TextRevisions] = [:], caches: [InstrumentID: TextCache] = [:]
                for (id, result) in zip(instruments, results) {
                    if case .success(let done) = result { (revisions[id], caches[id]) = done }
                }
                read = Prefetched(revisions: revisions, caches: caches, repository: repository)
            }
        }

        /// Waits for the prefetch, then hands over what it read, when it read `commit`; nil
        /// otherwise. Handed over once: what it holds may not be used by two threads at once.
        public func handOver(for commit: ObjectID) -> Prefetched? {
            group.wait()
            guard commit == self.commit else { return nil }
            defer { read = nil }
            return read
        }
    }

    /// What a ``Prefetch`` read: each instrument's revisions (languages in the order first
    /// met) and the text cache they were read through, each cache with a repository handle
    /// of its own, and the handle the folders' history was walked through. Its holder uses
    /// it on one thread, or hands each cache to one thread at a time.
    public struct Prefetched: @unchecked Sendable {
        let revisions: [InstrumentID: TextRevisions]
        let caches: [InstrumentID: TextCache]
        let repository: Repository
    }

    /// Commitments whose clause changed after their latest evidence, at `asOf`.
    public func amendedSinceEvidence(snapshot: TrackerSnapshot, asOf: CalendarDate) -> [AmendedSinceEvidence] {
        revisions.flatMap { history -> [AmendedSinceEvidence] in
            guard let instrument = snapshot.instrument(history.instrument) else { return [] }
            // Only the evidence on its commitments counts: no other record is decoded.
            let store = snapshot.evidenceStore
            let evidence = store.positions(supporting: instrument.id.rawValue).map { position in
                let head = store.heads[position]
                return (head.id, head.date, head.supports)
            }
            return AmendedSinceEvidence.find(instrument: instrument, revisions: history, evidence: evidence, asOf: asOf)
        }
    }

    /// Instruments whose language versions are out of step at `asOf`.
    public func languagesOutOfStep(asOf: CalendarDate) -> [LanguagesOutOfStep] {
        revisions.compactMap { LanguagesOutOfStep.find(in: $0, asOf: asOf) }
    }

    /// Each language revised after `since` and on or before `through`, with its redline
    /// against the previous version, oldest first.
    public func changes(after since: CalendarDate?, through: CalendarDate) throws -> [ReviewSummary.TextChange] {
        try zip(revisions, texts).flatMap { history, texts in
            try history.revisions.filter { revision in
                revision.date <= through && since.map { revision.date > $0 } ?? true
            }.flatMap { revision in
                try revision.languages.compactMap { change -> ReviewSummary.TextChange? in
                    guard change.kind == .revised, let oldBlob = change.previousBlob, let newBlob = change.blob else { return nil }
                    let file = TextRevisions.path(of: history.instrument, language: change.language)
                    let old = try texts.text(oldBlob, file: file), new = try texts.text(newBlob, file: file)
                    return ReviewSummary.TextChange(
                        instrument: history.instrument, language: change.language, date: revision.date,
                        revision: revision.label, summary: revision.summary, diff: InstrumentDiff(old: old, new: new))
                }
            }
        }.sorted { ($0.date, $0.instrument, $0.language) < ($1.date, $1.instrument, $1.language) }
    }
}
