/// How one clause of a matched article changed.
public struct ClauseChange: Sendable, Hashable, Codable {
    /// The change, by precedence: a clause that is renumbered and reworded is `renumbered`
    /// with ``isModified`` true.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Only in the new text.
        case added
        /// Only in the old text.
        case removed
        /// The same clause (same or similar words) under a new number.
        case renumbered
        /// The same number, different words.
        case modified
        /// No change a reader can see.
        case unchanged
    }

    /// The clause id in the old text (`7.2`); nil when added.
    public let oldID: String?
    /// The clause id in the new text; nil when removed.
    public let newID: String?
    /// The old list marker as written (`2.`, `(២)`); nil when added.
    public let oldMarker: String?
    /// The new list marker; nil when removed.
    public let newMarker: String?
    /// The clause's line in the old file; nil when added.
    public let oldLine: Int?
    /// The clause's line in the new file; nil when removed.
    public let newLine: Int?
    /// The redline of the clause text (all inserted when added, all deleted when removed).
    public let text: Redline
    /// What happened to the clause.
    public let kind: Kind
    /// True when the clause's words changed.
    public let isModified: Bool

    /// The change from `old` to `new`; at least one of them is present.
    init(old: Clause?, new: Clause?, interner: inout TokenInterner) {
        oldID = old?.id
        newID = new?.id
        oldMarker = old?.marker
        newMarker = new?.marker
        oldLine = old?.line
        newLine = new?.line
        text = Redline(from: old?.text ?? "", to: new?.text ?? "", interner: &interner)
        isModified = text.isChanged
        kind = switch (old, new) {
        case (nil, _): .added
        case (_, nil): .removed
        case let (old?, new?) where old.id != new.id: .renumbered
        default: isModified ? .modified : .unchanged
        }
    }
}
