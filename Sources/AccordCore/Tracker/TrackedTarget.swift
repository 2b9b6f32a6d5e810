/// Something progress is reported on: a commitment of an instrument, an item of a plan,
/// or a meeting decision with a due date.
public struct TrackedTarget: Sendable, Hashable {
    /// What kind of thing it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case commitment
        case planItem = "plan-item"
        case decision
    }

    /// The full id (`tip-2005#4.1`, `plan-2017-2020#3.1`, `2016-10-05-…#2`).
    public let id: QualifiedID
    /// What kind of thing it is.
    public let kind: Kind
    /// The commitment's summary, the item's title or the decision's text.
    public let summary: String
    /// The parties whose progress is tracked, one status each.
    public let parties: [PartyCode]
    /// Whether the parties are bound jointly: one report the parties make together
    /// (``PartyCode/joint``) settles it; each party's own reports show its view.
    public let isJoint: Bool
    /// The responsible or lead agency per party.
    public let responsible: [PartyCode: String]
    /// When it falls due (commitments and decisions).
    public let schedule: DueSchedule?
    /// When work starts (plan items).
    public let start: CalendarDate?
    /// When it should be finished (plan items).
    public let end: CalendarDate?
    /// What a reader must be told about it: illustrative when it, or the instrument, plan or
    /// meeting it belongs to, was written for illustration; a working summary when it rests
    /// on an instrument whose text is one.
    public let marks: Set<ProvenanceMark>
    /// The translations its record carries of its summary, title or text.
    public internal(set) var texts = Provenance()

    /// The summary in the run's language: the record's translation, or as written with
    /// the tag of its language (see ``Provenance/shown(_:_:)``).
    public var shownSummary: String { texts.shown(textField, summary) }

    /// The summary for a reader of Vietnamese or Khmer as ``shownSummary``, in English as
    /// written (see ``Provenance/forReader(_:_:)``).
    public var readerSummary: String { texts.forReader(textField, summary) }

    /// The field of its record that ``summary`` is.
    private var textField: String { kind == .commitment ? "summary" : kind == .planItem ? "title" : "text" }

    /// Creates a target.
    public init(
        id: QualifiedID, kind: Kind, summary: String, parties: [PartyCode], isJoint: Bool = false,
        responsible: [PartyCode: String] = [:], schedule: DueSchedule? = nil,
        start: CalendarDate? = nil, end: CalendarDate? = nil, marks: Set<ProvenanceMark> = []
    ) {
        self.id = id
        self.kind = kind
        self.summary = summary
        self.parties = parties
        self.isJoint = isJoint
        self.responsible = responsible
        self.schedule = schedule
        self.start = start
        self.end = end
        self.marks = marks
    }

    /// The parties a status report on it may be filed under: the bound parties, then
    /// ``PartyCode/joint`` for a joint target.
    public var reportingParties: [PartyCode] { isJoint ? parties + [.joint] : parties }

    /// Whether each bound party must settle it on its own: bound `each` (a commitment or
    /// decision binding several parties separately). The `one-sided` gap rule applies here.
    public var bindsEachSeparately: Bool { kind != .planItem && !isJoint && parties.count > 1 }

    /// The targets of a set of records, sorted by id. Decisions bind the tracker's parties.
    static func all(
        instruments: [Instrument], plans: [ActionPlan], meetings: [Meeting], parties: [PartyCode]
    ) -> [TrackedTarget] {
        var result: [TrackedTarget] = []
        for instrument in instruments {
            for commitment in instrument.commitments {
                guard let id = instrument.qualifiedID(of: commitment) else { continue }
                result.append(TrackedTarget(
                    id: id, kind: .commitment, summary: commitment.summary,
                    parties: commitment.bound.parties(of: instrument.parties),
                    isJoint: commitment.bound == .joint, responsible: commitment.responsible,
                    schedule: commitment.due,
                    marks: instrument.marks.union(commitment.provenance.illustrative ? [.illustrative] : [])))
                result[result.count - 1].texts = commitment.provenance
            }
        }
        for plan in plans {
            for item in plan.items {
                guard let id = QualifiedID(owner: plan.id.rawValue, local: item.id) else { continue }
                result.append(TrackedTarget(
                    id: id, kind: .planItem, summary: item.title, parties: plan.parties,
                    responsible: item.lead, start: item.start, end: item.end,
                    marks: plan.provenance.illustrative || item.provenance.illustrative ? [.illustrative] : []))
                result[result.count - 1].texts = item.provenance
            }
        }
        for meeting in meetings {
            for decision in meeting.decisions where decision.isCommitment {
                guard let id = QualifiedID(owner: meeting.id.rawValue, local: decision.id) else { continue }
                result.append(TrackedTarget(
                    id: id, kind: .decision, summary: decision.text,
                    parties: decision.bound.parties(of: parties), isJoint: decision.bound == .joint,
                    responsible: decision.responsible, schedule: decision.due,
                    marks: meeting.provenance.illustrative || decision.provenance.illustrative ? [.illustrative] : []))
                result[result.count - 1].texts = decision.provenance
            }
        }
        return result.sorted { $0.id < $1.id }
    }
}
