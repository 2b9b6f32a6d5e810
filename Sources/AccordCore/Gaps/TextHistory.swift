import Foundation
public import GitStore

/// The revisions of every instrument's texts, read once from git for the reports that
/// need history: the gap rules `amended-since-evidence` and `languages-out-of-step`, and
/// the text changes a review summary shows.
public struct TextHistory: Sendable {
    /// The revisions of each instrument that has texts, by instrument id.
    public let revisions: [TextRevisions]
    private let texts: [ObjectID: InstrumentText]

    /// Reads the revisions of every instrument of `snapshot` in the history of `commit`,
    /// or only of those named in `only` (`accord show` needs one instrument's).
    public init(snapshot: TrackerSnapshot, repository: Repository, commit: ObjectID,
                only: Set<InstrumentID>? = nil) throws {
        var revisions: [TextRevisions] = []
        let cache = TextCache(repository: repository)
        for instrument in snapshot.instruments where only?.contains(instrument.id) ?? true {
            revisions.append(try TextRevisions.read(instrument.id, languages: instrument.languages, in: repository,
                                                    from: commit, texts: cache))
        }
        self.revisions = revisions
        // The texts on either side of each revision, parsed once, for the summary's redlines.
        var texts: [ObjectID: InstrumentText] = [:]
        for history in revisions {
            for revision in history.revisions {
                for change in revision.languages where change.kind == .revised {
                    for blob in [change.previousBlob, change.blob].compactMap({ $0 }) where texts[blob] == nil {
                        let file = TextRevisions.path(of: history.instrument, language: change.language)
                        texts[blob] = try cache.text(blob, file: file)
                    }
                }
            }
        }
        self.texts = texts
    }

    /// Commitments whose clause changed after their latest evidence, at `asOf`.
    public func amendedSinceEvidence(snapshot: TrackerSnapshot, asOf: CalendarDate) -> [AmendedSinceEvidence] {
        revisions.flatMap { history -> [AmendedSinceEvidence] in
            guard let instrument = snapshot.instrument(history.instrument) else { return [] }
            return AmendedSinceEvidence.find(instrument: instrument, revisions: history, evidence: snapshot.evidence, asOf: asOf)
        }
    }

    /// Instruments whose language versions are out of step at `asOf`.
    public func languagesOutOfStep(asOf: CalendarDate) -> [LanguagesOutOfStep] {
        revisions.compactMap { LanguagesOutOfStep.find(in: $0, asOf: asOf) }
    }

    /// Each language revised after `since` and on or before `through`, with its redline
    /// against the previous version, oldest first.
    public func changes(after since: CalendarDate?, through: CalendarDate) -> [ReviewSummary.TextChange] {
        revisions.flatMap { history in
            history.revisions.filter { revision in
                revision.date <= through && since.map { revision.date > $0 } ?? true
            }.flatMap { revision in
                revision.languages.compactMap { change -> ReviewSummary.TextChange? in
                    guard change.kind == .revised, let old = change.previousBlob.flatMap({ texts[$0] }),
                          let new = change.blob.flatMap({ texts[$0] }) else { return nil }
                    return ReviewSummary.TextChange(
                        instrument: history.instrument, language: change.language, date: revision.date,
                        revision: revision.label, summary: revision.summary, diff: InstrumentDiff(old: old, new: new))
                }
            }
        }.sorted { ($0.date, $0.instrument, $0.language) < ($1.date, $1.instrument, $1.language) }
    }
}
