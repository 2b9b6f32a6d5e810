import Foundation
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
    /// or only of those named in `only` (`accord show` needs one instrument's).
    public init(snapshot: TrackerSnapshot, repository: Repository, commit: ObjectID,
                only: Set<InstrumentID>? = nil) throws {
        let instruments = snapshot.instruments.filter { only?.contains($0.id) ?? true }
        // Every instrument folder's history in one walk.
        let histories = try repository.histories(of: instruments.map { TextRevisions.folder(of: $0.id) }, from: commit)
        // Each instrument's texts are parsed and compared apart, on all cores: each through a
        // repository handle and a text cache of its own, since neither may be shared
        // between threads. The first failure in instrument order is the one reported, as
        // when they were read one after another.
        let gitDirectory = repository.gitDirectory
        let jobs = zip(instruments, histories).map { (id: $0.id, languages: $0.languages, history: $1) }
        let read = ParallelMap.map(jobs, perCore: 1) { job -> Result<(TextRevisions, TextCache), any Error> in
            Result {
                let handle = try Repository.open(at: gitDirectory)
                let cache = TextCache(repository: handle)
                return (try TextRevisions.read(job.id, languages: job.languages, in: handle, history: job.history, texts: cache),
                        cache)
            }
        }
        let done = try read.map { try $0.get() }
        revisions = done.map(\.0)
        texts = done.map(\.1)
    }

    /// Commitments whose clause changed after their latest evidence, at `asOf`.
    public func amendedSinceEvidence(snapshot: TrackerSnapshot, asOf: CalendarDate) -> [AmendedSinceEvidence] {
        revisions.flatMap { history -> [AmendedSinceEvidence] in
            guard let instrument = snapshot.instrument(history.instrument) else { return [] }
            // Only the evidence on its commitments counts: no other record is decoded.
            let evidence = snapshot.evidence(supportingTargetsOf: [instrument.id.rawValue]).map(\.evidence)
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
