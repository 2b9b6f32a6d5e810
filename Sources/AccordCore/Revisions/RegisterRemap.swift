/// What a new text does to the clauses an instrument's register rests on, found with the
/// article and clause matching of ``InstrumentDiff``: a commitment whose clause moved to
/// another number, was reworded, or went away. `amend` proposes the new clause for each
/// and records the text only once the proposal is accepted or each clause is remapped.
///
/// A commitment keeps its id (status reports and evidence name it); a remap changes the
/// clause it rests on (`clause:` in the register).
public struct RegisterRemap: Sendable, Hashable {
    /// One commitment whose clause the new text moved, changed or removed.
    public struct Move: Sendable, Hashable, CustomStringConvertible {
        /// The commitment's id within the instrument.
        public let commitment: String
        /// The clause (or article) it rested on.
        public let old: String
        /// Where the matching found that text in the new version; nil when it went away.
        public let proposed: String?
        /// Whether the words changed.
        public let isReworded: Bool

        /// `4.2 → 5.2 (renumbered)`, `4.1 (reworded)`, `9.4 (removed)`.
        public var description: String {
            guard let proposed else { return "\(old) (removed)" }
            if proposed == old { return "\(old) (reworded)" }
            return "\(old) → \(proposed) (\(isReworded ? "renumbered and reworded" : "renumbered"))"
        }
    }

    /// The commitments affected, in register order.
    public let moves: [Move]

    /// Finds the register clauses of `commitments` that `diff` (old text to new) moved,
    /// reworded or removed. Clauses not in the old text are left alone.
    public init(commitments: [Commitment], diff: InstrumentDiff) {
        var clauses: [String: (new: String?, reworded: Bool)] = [:]
        for article in diff.articles {
            if let old = article.oldID { clauses[old] = (article.newID, article.isModified) }
            for clause in article.clauses {
                if let old = clause.oldID { clauses[old] = (clause.newID, clause.isModified) }
            }
        }
        moves = commitments.compactMap { commitment in
            let old = commitment.clause ?? commitment.id
            guard let found = clauses[old], found.new != old || found.reworded else { return nil }
            return Move(commitment: commitment.id, old: old, proposed: found.new, isReworded: found.reworded)
        }
    }

    /// The clause each commitment rests on once `explicit` (old clause to new, from
    /// `--remap`) and, when `accepting`, the proposals are applied. Throws
    /// ``AccordError`` (data, 65) listing the proposal when a move is left unresolved, and
    /// when `explicit` names a clause the register does not rest on.
    public func resolved(explicit: [String: String], accepting: Bool, instrument: InstrumentID,
                         register: [Commitment]) throws -> [String: String] {
        let resting = Set(register.map { $0.clause ?? $0.id })
        if let stray = explicit.keys.sorted().first(where: { !resting.contains($0) }) {
            throw AccordError(.data, L10n.t("--remap {1}=…: no commitment of {2} rests on clause {1}", stray, instrument))
        }
        var result: [String: String] = [:]
        var open: [Move] = []
        for move in moves {
            if let target = explicit[move.old] {
                result[move.commitment] = target
            } else if accepting, let proposed = move.proposed {
                result[move.commitment] = proposed
            } else {
                open.append(move)
            }
        }
        // A clause remapped though the matching saw no move (the user knows better).
        for commitment in register where result[commitment.id] == nil {
            if let target = explicit[commitment.clause ?? commitment.id] { result[commitment.id] = target }
        }
        guard open.isEmpty else {
            let proposal = moves.compactMap { move in move.proposed.map { "\(move.old)=\($0)" } }.joined(separator: ",")
            let removed = open.filter { $0.proposed == nil }.map(\.old)
            throw AccordError(.data, L10n.t("the new text moves or changes clauses {1}'s register rests on: ", instrument)
                + open.map(\.description).joined(separator: ", ")
                + L10n.t("; check them, then pass --accept-remap to take the proposal")
                + (proposal.isEmpty ? "" : " (--remap \(proposal))")
                + (removed.isEmpty ? "" : L10n.t("; say where each removed clause went with --remap {1}", removed.map { "\($0)=NEW" }.joined(separator: ",")))
                + L10n.t(" or give your own --remap OLD=NEW,…"))
        }
        return result
    }
}
