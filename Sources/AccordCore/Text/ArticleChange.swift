/// How one article (or the preamble) changed between two versions of a text.
///
/// Its title, lead, clauses and closing text each carry a word-level ``Redline``; an added
/// article's text is all inserted and a removed one's all deleted, so the old and new
/// article can always be read back from the change.
public struct ArticleChange: Sendable, Hashable, Codable {
    /// The change, by precedence: an article both renumbered and reworded is `renumbered`
    /// with ``isModified`` true; one both moved and reworded is `moved`.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Only in the new text.
        case added
        /// Only in the old text.
        case removed
        /// The old article under this number was taken out and another put in its place:
        /// the two share too little to be one article rewritten (see ``ProvisionMatcher``).
        case replaced
        /// The same article (same or similar content) under a new number.
        case renumbered
        /// The same number, in another place among the articles.
        case moved
        /// The same number and place, different words.
        case modified
        /// No change a reader can see.
        case unchanged
    }

    /// The article id in the old text (`6`, `preamble`); nil when added.
    public let oldID: String?
    /// The article id in the new text; nil when removed.
    public let newID: String?
    /// The old heading as written (`Article 6. Purpose`); nil when added.
    public let oldHeading: String?
    /// The new heading; nil when removed.
    public let newHeading: String?
    /// The heading's line in the old file; nil when added.
    public let oldLine: Int?
    /// The heading's line in the new file; nil when removed.
    public let newLine: Int?
    /// The redline of the article's title.
    public let title: Redline
    /// The redline of the text before the first clause.
    public let lead: Redline
    /// The clauses in the new order, each removed clause after the one it followed.
    public let clauses: [ClauseChange]
    /// The redline of the text after the last clause.
    public let closing: Redline
    /// True when the article's place among the articles changed.
    public let isMoved: Bool
    /// True when any word or clause of the article changed.
    public let isModified: Bool
    /// What happened to the article.
    public let kind: Kind
    /// Words added in the article.
    public let wordsAdded: Int
    /// Words removed from the article.
    public let wordsRemoved: Int

    /// The change from `old` to `new`; at least one of them is present.
    init(old: Article?, new: Article?, isMoved: Bool, replaced: Bool = false, interner: inout TokenInterner) {
        oldID = old?.id
        newID = new?.id
        oldHeading = old?.heading
        newHeading = new?.heading
        oldLine = old?.line
        newLine = new?.line
        title = Redline(from: old?.title ?? "", to: new?.title ?? "", interner: &interner)
        if replaced {
            // Nothing of the old article continues in the new one: all of it out, all in.
            lead = Redline(replacing: old?.lead ?? "", with: new?.lead ?? "")
            closing = Redline(replacing: old?.closing ?? "", with: new?.closing ?? "")
            clauses = (old?.clauses ?? []).map { ClauseChange(old: $0, new: nil, interner: &interner) }
                + (new?.clauses ?? []).map { ClauseChange(old: nil, new: $0, interner: &interner) }
        } else {
            lead = Redline(from: old?.lead ?? "", to: new?.lead ?? "", interner: &interner)
            closing = Redline(from: old?.closing ?? "", to: new?.closing ?? "", interner: &interner)
            clauses = Self.clauseChanges(old?.clauses ?? [], new?.clauses ?? [], interner: &interner)
        }
        self.isMoved = isMoved
        // A clause renumbered only because its article was (14.1 → 15.1, marker and words the
        // same) does not make the article modified.
        isModified = title.isChanged || lead.isChanged || closing.isChanged
            || clauses.contains { $0.isModified || $0.kind == .added || $0.kind == .removed || $0.oldMarker != $0.newMarker }
        kind = switch (old, new) {
        case (nil, _): .added
        case (_, nil): .removed
        case _ where replaced: .replaced
        case let (old?, new?) where old.id != new.id: .renumbered
        default: isMoved ? .moved : isModified ? .modified : .unchanged
        }
        let redlines = [title, lead, closing] + clauses.map(\.text)
        wordsAdded = redlines.reduce(0) { $0 + $1.wordsAdded }
        wordsRemoved = redlines.reduce(0) { $0 + $1.wordsRemoved }
    }

    private static func clauseChanges(
        _ old: [Clause], _ new: [Clause], interner: inout TokenInterner
    ) -> [ClauseChange] {
        let oldItems = old.map { ProvisionMatcher.Item(id: $0.id, text: $0.text) }
        let newItems = new.map { ProvisionMatcher.Item(id: $0.id, text: $0.text) }
        let newToOld = ProvisionMatcher.match(old: oldItems, new: newItems, sameNumberFallback: true, interner: &interner)
        return ProvisionMatcher.aligned(newToOld: newToOld, oldCount: old.count).map { pair in
            ClauseChange(old: pair.old.map { old[$0] }, new: pair.new.map { new[$0] }, interner: &interner)
        }
    }
}
