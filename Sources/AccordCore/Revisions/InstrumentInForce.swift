import Foundation
public import GitStore

/// An instrument as it stood on a date: the register and texts of the revision then in
/// force, and since when each commitment of that register has bound in its form then.
///
/// A revision of the text is in force from its date until the next one. While it is, its
/// register is the instrument's as it stood just before the next revision was committed,
/// so corrections made to the register meanwhile count. A commitment added or changed (its
/// summary, parties bound or due dates) by a revision after the first binds from
/// that revision's date, not from the instrument's entry into force.
public struct InstrumentInForce: Sendable {
    /// The instrument with the title, languages, review cycles and register in force on the
    /// date, and the amendments signed by then.
    public let instrument: Instrument
    /// The texts in force on the date, by language; nil when they are the snapshot's own.
    public let texts: [String: InstrumentText]?
    /// For each commitment (local id) added or changed by a later revision, its date.
    public let commitmentsSince: [String: CalendarDate]

    /// Reads `current`'s history in `commit`'s ancestry and returns it as it stood on
    /// `date`; nil when the instrument's text was never revised (it stood as it stands).
    public static func read(_ current: Instrument, on date: CalendarDate, repository: Repository,
                            commit: ObjectID, texts cache: TextCache? = nil) throws -> InstrumentInForce? {
        let cache = cache ?? TextCache(repository: repository)
        let revisions = try TextRevisions.read(current.id, languages: current.languages, in: repository,
                                               from: commit, texts: cache)
        return try read(current, revisions: revisions, on: date, repository: repository, commit: commit, texts: cache)
    }

    /// As ``read(_:on:repository:commit:texts:)``, with the revisions of `current`'s texts
    /// in `commit`'s ancestry already read (by a ``TextHistory/Prefetch``): `cache` must be
    /// the one they were read through, or one over the same repository.
    static func read(_ current: Instrument, revisions history: TextRevisions, on date: CalendarDate,
                     repository: Repository, commit: ObjectID, texts cache: TextCache) throws -> InstrumentInForce? {
        let revisions = history.revisions
        guard revisions.count > 1 else { return nil }
        let inForce = revisions.lastIndex { $0.date <= date } ?? 0
        let folder = "Agreements/\(current.id)"
        /// The last commit of stage `index`: just before the next revision, or `commit`.
        func end(of index: Int) throws -> ObjectID {
            guard index + 1 < revisions.count else { return commit }
            return try repository.commit(revisions[index + 1].commit).parents.first ?? revisions[index].commit
        }
        func instrument(at index: Int) throws -> Instrument {
            guard index + 1 < revisions.count else { return current }
            let path = "\(folder)/instrument.yaml"
            guard let data = try repository.read(path, at: try end(of: index)),
                  let parsed = Instrument.parse(data, file: path).value else { return current }
            return parsed
        }

        var since: [String: CalendarDate] = [:]
        var previous: [String: Commitment]?
        var stood = current
        for index in 0...inForce {
            stood = try instrument(at: index)
            let register = Dictionary(stood.commitments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            if let previous {
                for (id, commitment) in register where !(previous[id].map(commitment.bindsAlike) ?? false) {
                    since[id] = revisions[index].date
                }
                for id in since.keys where register[id] == nil { since[id] = nil }
            }
            previous = register
        }
        guard inForce + 1 < revisions.count else {
            return InstrumentInForce(instrument: current, texts: nil, commitmentsSince: since)
        }
        // What the text says is taken from the stage in force; facts about the instrument
        // (its signing, entry into force, sources) from `current`, corrections included.
        var instrument = current
        instrument.title = stood.title
        instrument.languages = stood.languages
        instrument.reviewCycles = stood.reviewCycles
        instrument.commitments = stood.commitments
        instrument.amendments = current.amendments.filter { $0.signing.date <= date }
        var texts: [String: InstrumentText] = [:]
        let last = try end(of: inForce)
        for entry in try repository.list(folder, at: last) where entry.kind == .blob {
            guard let language = TextRevisions.textLanguage(entry.name) else { continue }
            texts[language] = try cache.text(entry.id, file: "\(last.short):\(folder)/\(entry.name)")
        }
        return InstrumentInForce(instrument: instrument, texts: texts, commitmentsSince: since)
    }
}

extension Commitment {
    /// Whether `other` binds the same way: the same summary, parties and due dates (a
    /// clause renumbered, an agency renamed or a note added is not a new obligation).
    func bindsAlike(_ other: Commitment) -> Bool {
        summary == other.summary && bound == other.bound && due == other.due
    }
}
