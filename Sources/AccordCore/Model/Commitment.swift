/// What an instrument's parties undertook, resting on one of its clauses.
public struct Commitment: Sendable, Hashable, Codable {
    /// Who is bound.
    public enum Bound: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Each party separately.
        case each
        /// The parties together; still tracked per party so the two sides can be compared.
        case joint
        /// One party only.
        case party(PartyCode)

        /// Reads `each`, `joint` or a party code.
        public init?(_ text: String) {
            switch text {
            case "each": self = .each
            case "joint": self = .joint
            default:
                guard let party = PartyCode(text) else { return nil }
                self = .party(party)
            }
        }

        public var description: String {
            switch self {
            case .each: return "each"
            case .joint: return "joint"
            case .party(let party): return party.code
            }
        }

        /// The parties to track, out of the instrument's parties.
        public func parties(of all: [PartyCode]) -> [PartyCode] {
            if case .party(let party) = self { return [party] }
            return all
        }
    }

    /// The local id (`3.1`); the full id is `<instrument>#<id>`.
    public var id: String
    /// The clause it rests on, when it differs from the id.
    public var clause: String?
    /// What was committed, in a sentence.
    public var summary: String
    /// Who is bound.
    public var bound: Bound
    /// The responsible agency per party; a party missing here has no owner.
    public var responsible: [PartyCode: String]
    /// When it falls due, if it has a deadline.
    public var due: DueSchedule?
    /// Indicator ids from accord.yaml that measure it.
    public var indicators: [String]
    /// Free text.
    public var note: String?
    /// Where the commitment comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates a commitment.
    public init(
        id: String, clause: String? = nil, summary: String, bound: Bound = .each,
        responsible: [PartyCode: String] = [:], due: DueSchedule? = nil,
        indicators: [String] = [], note: String? = nil, provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.clause = clause
        self.summary = summary
        self.bound = bound
        self.responsible = responsible
        self.due = due
        self.indicators = indicators
        self.note = note
        self.provenance = provenance
    }

    /// The clause the commitment rests on: `clause`, else its own id.
    public var clauseID: String { clause ?? id }
}
