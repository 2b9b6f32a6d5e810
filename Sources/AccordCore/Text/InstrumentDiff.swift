/// What changed between two versions of an instrument's text, article by article.
///
/// Articles are paired by ``ProvisionMatcher``'s rules (an assignment over a similarity of
/// titles and words, the number a weak signal), so renumbering, reordering and replacement
/// are reported as such. Each change carries
/// word-level redlines from which both versions can be read back exactly; ``apply(to:)``
/// proves it. Renderers (terminal, Markdown, HTML, JSON, stat) live in AccordReports.
public struct InstrumentDiff: Sendable, Hashable, Codable {
    /// The old text's file, as given to ``InstrumentText/parse(_:file:)``.
    public let oldFile: String
    /// The new text's file.
    public let newFile: String
    /// The redline of the instrument's title.
    public let title: Redline
    /// The redline of the front matter (text before the first `## ` heading).
    public let frontMatter: Redline
    /// Every article of either version, in the new order; each removed article follows
    /// the one it followed in the old text. Unchanged articles are included.
    public let articles: [ArticleChange]
    /// The banner the redline carries when the text compared is a working summary or the
    /// instrument is illustrative (see ``Instrument/marks(of:)``); set by the caller, who
    /// knows the instrument.
    public var notice: ProvenanceNotice?

    /// Compares two versions of a text.
    public init(old: InstrumentText, new: InstrumentText) {
        var interner = TokenInterner()
        oldFile = old.file
        newFile = new.file
        title = Redline(from: old.title, to: new.title, interner: &interner)
        frontMatter = Redline(from: old.frontMatter, to: new.frontMatter, interner: &interner)
        let oldItems = old.articles.map { ProvisionMatcher.Item(id: $0.id, title: $0.title, text: $0.fullText) }
        let newItems = new.articles.map { ProvisionMatcher.Item(id: $0.id, title: $0.title, text: $0.fullText) }
        var newToOld = ProvisionMatcher.match(old: oldItems, new: newItems, interner: &interner)
        // An article left unpaired on both sides under one number was replaced: shown as
        // one change at its place, not as a removal somewhere and an addition elsewhere.
        let pairedOld = Set(newToOld.compactMap { $0 })
        let unpairedOld = Dictionary(
            old.articles.indices.filter { !pairedOld.contains($0) }.map { (old.articles[$0].id, $0) },
            uniquingKeysWith: { first, _ in first })
        var replaced = Set<Int>()
        for n in new.articles.indices where newToOld[n] == nil {
            if let o = unpairedOld[new.articles[n].id] {
                newToOld[n] = o
                replaced.insert(n)
            }
        }
        let moved = ProvisionMatcher.moved(newToOld: newToOld)
        articles = ProvisionMatcher.aligned(newToOld: newToOld, oldCount: old.articles.count, moved: moved).map { pair in
            ArticleChange(
                old: pair.old.map { old.articles[$0] }, new: pair.new.map { new.articles[$0] },
                isMoved: pair.old.map(moved.contains) ?? false, replaced: pair.new.map(replaced.contains) ?? false,
                interner: &interner)
        }
    }

    /// The changes a reader needs to see: every article that is not unchanged.
    public var changedArticles: [ArticleChange] { articles.filter { $0.kind != .unchanged } }

    /// True when the two versions read the same.
    public var isEmpty: Bool { !title.isChanged && !frontMatter.isChanged && changedArticles.isEmpty }

    /// Words added in the whole text.
    public var wordsAdded: Int { articles.reduce(title.wordsAdded + frontMatter.wordsAdded) { $0 + $1.wordsAdded } }

    /// Words removed from the whole text.
    public var wordsRemoved: Int {
        articles.reduce(title.wordsRemoved + frontMatter.wordsRemoved) { $0 + $1.wordsRemoved }
    }

    /// The ids (`7`, `7.2`) of the articles and clauses whose text under that id differs
    /// between the versions, including ids present in only one of them.
    ///
    /// It compares by id, not by matched content: when clause 7.2 becomes 7.3, evidence
    /// citing `7.2` now points at other words, so both `7.2` and `7.3` are listed. An
    /// article is listed when any of its words (title, lead, clauses, closing) changed.
    public func changedProvisions() -> Set<String> {
        var old: [String: String] = [:]
        var new: [String: String] = [:]
        for change in articles {
            if let id = change.oldID { old[id] = change.articleText(\.oldText, clauseID: \.oldID) }
            if let id = change.newID { new[id] = change.articleText(\.newText, clauseID: \.newID) }
            for clause in change.clauses {
                if let id = clause.oldID { old[id] = clause.text.oldText }
                if let id = clause.newID { new[id] = clause.text.newText }
            }
        }
        return Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }

    /// The ids of the clauses (`7.2`) whose text under that id differs, including clauses
    /// added or removed. See ``changedProvisions()``, which also lists articles.
    public func changedClauses() -> Set<String> {
        var ids = Set<String>()
        for change in articles {
            for clause in change.clauses {
                if let id = clause.oldID { ids.insert(id) }
                if let id = clause.newID { ids.insert(id) }
            }
        }
        return changedProvisions().intersection(ids)
    }
}

extension ArticleChange {
    /// One side's words of the article: title, lead, the clauses present on that side and
    /// the closing text. Markers are left out: `1.` rewritten `(1)` changes no words.
    fileprivate func articleText(_ side: KeyPath<Redline, String>, clauseID: KeyPath<ClauseChange, String?>) -> String {
        var parts = [title[keyPath: side], lead[keyPath: side]]
        parts += clauses.filter { $0[keyPath: clauseID] != nil }.map { $0.text[keyPath: side] }
        parts.append(closing[keyPath: side])
        return parts.joined(separator: "\n\n")
    }
}
