/// A decision a meeting took. One with a due date is a commitment, tracked as
/// `<meeting>#<id>`.
public struct Decision: Sendable, Hashable, Codable {
    /// The local id (`2`).
    public var id: String
    /// What was decided.
    public var text: String
    /// When it falls due; nil for a decision that needs no follow-up.
    public var due: DueSchedule?
    /// Who is bound (default: each party).
    public var bound: Commitment.Bound
    /// The responsible agency per party.
    public var responsible: [PartyCode: String]
    /// Where the decision comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a decision.
    public init(
        id: String, text: String, due: DueSchedule? = nil, bound: Commitment.Bound = .each,
        responsible: [PartyCode: String] = [:], provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.text = text
        self.due = due
        self.bound = bound
        self.responsible = responsible
        self.provenance = provenance
    }

    /// Whether it is tracked like a commitment.
    public var isCommitment: Bool { due != nil }
}
