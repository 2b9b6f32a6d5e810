/// The marks (``ProvenanceMark``) of the records a report may show, found once per report
/// so that every renderer shows the same marks: instruments and plans by id, their review
/// cycles as `<owner>/<cycle>`, targets by full id, meetings by id. Evidence and status
/// reports carry their own mark.
public struct ProvenanceIndex: Sendable {
    private var marks: [String: Set<ProvenanceMark>] = [:]

    /// The marks of `snapshot`'s records; only marked records are kept.
    public init(_ snapshot: TrackerSnapshot) {
        func keep(_ id: String, _ marks: Set<ProvenanceMark>) {
            if !marks.isEmpty { self.marks[id, default: []].formUnion(marks) }
        }
        func cycles(_ owner: String, _ cycles: [ReviewCycle], _ ownerMarks: Set<ProvenanceMark>) {
            for cycle in cycles {
                keep("\(owner)/\(cycle.id)", ownerMarks.intersection([.illustrative])
                    .union(cycle.provenance.illustrative ? [.illustrative] : []))
            }
        }
        for instrument in snapshot.instruments {
            keep(instrument.id.rawValue, instrument.marks)
            cycles(instrument.id.rawValue, instrument.reviewCycles, instrument.marks)
        }
        for plan in snapshot.plans {
            let marks: Set<ProvenanceMark> = plan.provenance.illustrative ? [.illustrative] : []
            keep(plan.id.rawValue, marks)
            cycles(plan.id.rawValue, plan.reviewCycles, marks)
        }
        for meeting in snapshot.meetings where meeting.provenance.illustrative {
            keep(meeting.id.rawValue, [.illustrative])
        }
        for target in snapshot.targets {
            keep(target.id.description, target.marks)
        }
    }

    /// The marks of the record with `id` (an instrument, plan, review cycle, target or meeting).
    public func marks(of id: String) -> Set<ProvenanceMark> { marks[id] ?? [] }

    /// The marks of a piece of evidence.
    public static func marks(of evidence: Evidence) -> Set<ProvenanceMark> {
        evidence.provenance.illustrative || evidence.values.contains(where: \.provenance.illustrative) ? [.illustrative] : []
    }

    /// The marks of a status report.
    public static func marks(of report: StatusReport) -> Set<ProvenanceMark> {
        report.provenance.illustrative ? [.illustrative] : []
    }
}

extension Set where Element == ProvenanceMark {
    /// The marks in a fixed order (`illustrative`, `working-summary`), as outputs list them.
    public var ordered: [ProvenanceMark] { sorted() }
}
