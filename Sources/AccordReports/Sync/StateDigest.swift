public import AccordCore
import Foundation
import GitStore

/// A fingerprint of the tracker's derived state: what `status --json` and `list … --json`
/// report for every instrument, commitment, plan item, decision, piece of evidence and
/// meeting at one as-of date. Two copies whose records mean the same thing print the same
/// digest, even when their files differ in layout, comments or history.
public struct StateDigest: Codable, Sendable, Equatable {
    /// SHA-256 in hex over the canonical JSON of the derived state (sorted keys).
    public let sha256: String
    /// The date the state was evaluated at.
    public let asOf: CalendarDate
    /// Counts of what the state covers.
    public let instruments: Int, targets: Int, evidence: Int, reports: Int, meetings: Int

    /// The digest of `state` over `snapshot`. Restricted evidence counts in full: the hash
    /// reveals nothing of it, and two copies must agree on it too.
    public init(snapshot: TrackerSnapshot, state: TrackerState) throws {
        let full = Redaction(includeRestricted: true)
        let derived = DerivedState(
            status: StatusDashboard(snapshot: snapshot, state: state),
            instruments: ProgressList.instruments(snapshot: snapshot, state: state),
            targets: state.targets.map(TargetRow.init),
            evidence: ProgressList.evidence(snapshot: snapshot, asOf: state.asOf, redaction: full, party: nil, owner: nil),
            meetings: ProgressList.meetings(snapshot: snapshot, asOf: state.asOf))
        let hash = SHA256()
        hash.update(Array(try JSONOutput.encode(derived).utf8))
        sha256 = hash.finalize()
        asOf = state.asOf
        instruments = snapshot.instruments.count + snapshot.plans.count
        targets = state.targets.count
        evidence = snapshot.evidenceCount(through: state.asOf)
        reports = snapshot.reportCount(through: state.asOf)
        meetings = snapshot.meetings.filter { $0.date <= state.asOf }.count
    }

    /// What is hashed: the views the read commands print, in one value.
    private struct DerivedState: Encodable {
        let status: StatusDashboard
        let instruments: ProgressList
        let targets: [TargetRow]
        let evidence: ProgressList
        let meetings: ProgressList
    }
}
