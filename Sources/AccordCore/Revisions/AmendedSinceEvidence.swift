/// A commitment whose clause was changed by a revision of the text later than the latest
/// evidence for it: the evidence speaks of words that are no longer the text.
public struct AmendedSinceEvidence: Sendable, Hashable, Codable {
    /// The commitment (`tip-2005#7.2`).
    public let commitment: QualifiedID
    /// The clause or article it rests on (`7.2`).
    public let clause: String
    /// The latest revision that changed that clause.
    public let revisionDate: CalendarDate
    /// The tag of that revision (`tip-2005@2012-09-28`), or its short commit id.
    public let revision: String
    /// The languages in which that revision changed the clause.
    public let languages: [String]
    /// The date of the latest evidence supporting the commitment.
    public let latestEvidenceDate: CalendarDate
    /// The id of that evidence.
    public let latestEvidence: RecordID

    /// Creates a finding.
    public init(commitment: QualifiedID, clause: String, revisionDate: CalendarDate, revision: String,
                languages: [String], latestEvidenceDate: CalendarDate, latestEvidence: RecordID) {
        self.commitment = commitment
        self.clause = clause
        self.revisionDate = revisionDate
        self.revision = revision
        self.languages = languages
        self.latestEvidenceDate = latestEvidenceDate
        self.latestEvidence = latestEvidence
    }

    /// For each commitment of `instrument` that has evidence, whether a revision of its
    /// text dated after the latest evidence changed the commitment's clause (in any
    /// language). Commitments without evidence, or whose evidence is as new as the last
    /// change of their clause, are not listed.
    ///
    /// A language's first text is not a change of any clause; a revision of a clause is
    /// found through ``LanguageRevision/provisions``, which also lists an article when any
    /// of its words changed, so a commitment resting on article `7` is flagged when a clause
    /// of article 7 changed. With `asOf`, evidence and revisions dated after it are ignored.
    /// `evidence` is the evidence the caller may see (filter restricted records first).
    public static func find(instrument: Instrument, revisions: TextRevisions, evidence: [Evidence],
                            asOf: CalendarDate? = nil) -> [AmendedSinceEvidence] {
        find(instrument: instrument, revisions: revisions, evidence: evidence.map { ($0.id, $0.date, $0.supports) }, asOf: asOf)
    }

    /// ``find(instrument:revisions:evidence:asOf:)`` from what it reads of each piece of
    /// evidence: its id, date and the targets it supports (a stored head holds them).
    static func find(instrument: Instrument, revisions: TextRevisions,
                     evidence: [(id: RecordID, date: CalendarDate, supports: [QualifiedID])],
                     asOf: CalendarDate? = nil) -> [AmendedSinceEvidence] {
        let considered = revisions.revisions.filter { asOf == nil || $0.date <= asOf! }
        var findings: [AmendedSinceEvidence] = []
        // The evidence on this instrument's commitments, by commitment, in one pass: a
        // ministry has 20,000 pieces of evidence and hundreds of commitments.
        var evidenceOn: [QualifiedID: [(id: RecordID, date: CalendarDate, supports: [QualifiedID])]] = [:]
        for item in evidence where asOf == nil || item.date <= asOf! {
            for target in item.supports where target.owner == instrument.id.rawValue {
                evidenceOn[target, default: []].append(item)
            }
        }
        for commitment in instrument.commitments {
            guard let id = instrument.qualifiedID(of: commitment) else { continue }
            let supporting = evidenceOn[id] ?? []
            guard let latest = supporting.max(by: { ($0.date, $0.id.description) < ($1.date, $1.id.description) }) else {
                continue
            }
            let clause = commitment.clauseID
            let changing = considered.last { revision in
                revision.date > latest.date && revision.languages.contains { $0.provisions.contains(clause) }
            }
            guard let changing else { continue }
            findings.append(AmendedSinceEvidence(
                commitment: id, clause: clause, revisionDate: changing.date, revision: changing.label,
                languages: changing.languages.filter { $0.provisions.contains(clause) }.map(\.language),
                latestEvidenceDate: latest.date, latestEvidence: latest.id))
        }
        return findings
    }
}
