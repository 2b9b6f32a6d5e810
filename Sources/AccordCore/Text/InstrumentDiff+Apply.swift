extension InstrumentDiff {
    /// The new text, rebuilt from `old` and this diff alone.
    ///
    /// Every part of `old` is first checked against the diff's old side (equal and deleted
    /// segments, headings, markers), so a diff can only be applied to the text it was made
    /// from; the new text is then read from the new side. For a diff made by
    /// ``init(old:new:)``, or decoded from its JSON, the result equals the new text (its
    /// ``InstrumentText/normalizedMarkdown`` is identical).
    public func apply(to old: InstrumentText) throws(InstrumentDiffError) -> InstrumentText {
        func check(_ matches: Bool, _ part: @autoclosure () -> String) throws(InstrumentDiffError) {
            if !matches { throw InstrumentDiffError(file: old.file, part: part()) }
        }
        try check(old.title == title.oldText, "the title")
        try check(old.frontMatter == frontMatter.oldText, L10n.t("the front matter"))
        let oldSides = Dictionary(
            articles.compactMap { change in change.oldID.map { ($0, change) } }, uniquingKeysWith: { first, _ in first })
        try check(Set(oldSides.keys) == Set(old.articles.map(\.id)), L10n.t("the list of articles"))
        for article in old.articles {
            guard let change = oldSides[article.id] else { continue }
            let oldClauses = change.clauses.filter { $0.oldID != nil }
            let clausesMatch = Set(article.clauses.map(\.id)) == Set(oldClauses.compactMap(\.oldID))
                && oldClauses.allSatisfy { clauseChange in
                    let clause = article.clauses.first { $0.id == clauseChange.oldID }
                    return clause?.marker == clauseChange.oldMarker && clause?.text == clauseChange.text.oldText
                }
            let matches = article.heading == change.oldHeading && article.title == change.title.oldText
                && article.lead == change.lead.oldText && article.closing == change.closing.oldText
                && clausesMatch
            try check(matches, "article \(article.id)")
        }

        let newArticles = articles.compactMap { change -> Article? in
            guard let id = change.newID else { return nil }
            let clauses = change.clauses.compactMap { clause -> Clause? in
                guard let clauseID = clause.newID else { return nil }
                return Clause(id: clauseID, marker: clause.newMarker ?? "", text: clause.text.newText,
                              line: clause.newLine ?? 0)
            }
            return Article(
                id: id, heading: change.newHeading ?? "", title: change.title.newText,
                lead: change.lead.newText, clauses: clauses, closing: change.closing.newText,
                line: change.newLine ?? 0)
        }
        return InstrumentText(file: newFile, title: title.newText, frontMatter: frontMatter.newText,
                              articles: newArticles)
    }
}
