public import AccordCore

/// A format for an ``InstrumentDiff``: a pure function from the diff to text.
///
/// One type per format: ``DiffTerminalRenderer``, ``DiffMarkdownRenderer``,
/// ``DiffHTMLRenderer``, ``DiffJSONRenderer`` and ``DiffStatRenderer``.
public protocol InstrumentDiffRenderer: Sendable {
    /// The diff in this format.
    func render(_ diff: InstrumentDiff) throws -> String
}

/// What a redline renderer shows of a diff, shared so every format tells the same story:
/// the instrument-level changes, then each changed article as a headline and, when its
/// words changed, its parts in reading order.
enum DiffLayout {
    /// A part of a changed article, in reading order.
    enum Block {
        /// The article's title.
        case title(Redline)
        /// Lead or closing text.
        case text(Redline)
        /// A clause, with its label (`7.2`, `7.3 (was 7.2)`, `7.4 (added)`).
        case clause(label: String, Redline)
    }

    /// The articles to show: the changed ones, or with `full` every one (the consolidated
    /// text, unchanged articles in plain words).
    static func articles(_ diff: InstrumentDiff, full: Bool) -> [ArticleChange] {
        full ? diff.articles : diff.changedArticles
    }

    /// The parts of a changed article to show: none when only its number or place changed,
    /// unless `full` asks for its whole text.
    static func blocks(_ change: ArticleChange, full: Bool = false) -> [Block] {
        guard change.isModified || full else { return [] }
        var blocks: [Block] = []
        if !change.title.segments.isEmpty { blocks.append(.title(change.title)) }
        if !change.lead.segments.isEmpty { blocks.append(.text(change.lead)) }
        blocks += change.clauses.map { .clause(label: clauseLabel($0), $0.text) }
        if !change.closing.segments.isEmpty { blocks.append(.text(change.closing)) }
        return blocks
    }

    static func clauseLabel(_ clause: ClauseChange) -> String {
        switch clause.kind {
        case .added: "\(clause.newID ?? "") (added)"
        case .removed: "\(clause.oldID ?? "") (removed)"
        case .renumbered: "\(clause.newID ?? "") (was \(clause.oldID ?? ""))"
        case .modified, .unchanged: clause.newID ?? ""
        }
    }

    /// `Article 7 (renumbered from 6) — modified`, `Preamble — unchanged text`.
    static func headline(_ change: ArticleChange, labels: DiffLabels = .english) -> String {
        "\(name(change, labels: labels))\(qualifier(change)) — \(outcome(change))"
    }

    /// `Article 7`, `Preamble`, or an unnumbered section's heading (`Final provisions`), by
    /// the newest version.
    static func name(_ change: ArticleChange, labels: DiffLabels = .english) -> String {
        let id = change.newID ?? change.oldID ?? ""
        if id == Article.preambleID { return labels.preamble }
        if id.first?.isNumber == false { return change.newHeading ?? change.oldHeading ?? id }
        return "\(labels.article) \(id)"
    }

    /// ` (renumbered from 6)`, ` (moved)`, or nothing.
    static func qualifier(_ change: ArticleChange) -> String {
        var notes: [String] = []
        if change.kind == .renumbered, let old = change.oldID { notes.append("renumbered from \(old)") }
        if change.isMoved { notes.append("moved") }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    }

    /// `added`, `removed`, `modified`, or `unchanged text` for a renumbered or moved article.
    static func outcome(_ change: ArticleChange) -> String {
        switch change.kind {
        case .added: "added"
        case .removed: "removed"
        case .replaced: "replaced"
        default: change.isModified ? "modified" : "unchanged text"
        }
    }

    /// `3 of 12 articles changed: 1 added, 2 modified; 35 words added, 20 removed`, counting
    /// the articles of both versions.
    static func summary(_ diff: InstrumentDiff) -> String {
        let changed = diff.changedArticles
        var counts: [String] = []
        for kind in [ArticleChange.Kind.added, .removed, .replaced, .renumbered, .moved, .modified] {
            let count = changed.count { $0.kind == kind }
            if count > 0 { counts.append("\(count) \(kind.rawValue)") }
        }
        let kinds = counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")
        return "\(changed.count) of \(diff.articles.count) articles changed\(kinds); "
            + "\(counted(diff.wordsAdded, "word")) added, \(diff.wordsRemoved) removed"
    }

    /// Splits a segment's text at line breaks, and each line into leading space, content
    /// and trailing space, so markup can wrap just the visible words of each line.
    static func wrapLines(_ text: String, _ wrap: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let leading = line.prefix(while: { $0 == " " })
            let rest = line.dropFirst(leading.count)
            let trailingCount = rest.reversed().prefix(while: { $0 == " " }).count
            let content = rest.dropLast(trailingCount)
            return content.isEmpty
                ? String(line)
                : String(leading) + wrap(String(content)) + String(repeating: " ", count: trailingCount)
        }.joined(separator: "\n")
    }

    /// Like ``wrapLines(_:_:)``, but each word (run of characters without a space) wrapped
    /// on its own, so no marker holds a space: `[-two words-]` reads `[-two-] [-words-]`.
    static func wrapWords(_ text: String, _ wrap: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : wrap(String($0)) }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// What a change made only of white space shows, so it can be seen at all: `␣` for each
    /// space, `¶` for a line break (the line break itself follows the mark).
    static func visibleSpace(_ text: String) -> String {
        text.map { $0 == "\n" ? "¶" : "␣" }.joined()
    }

    /// True when a deleted or inserted segment holds only white space.
    static func isSpaceOnly(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == " " || $0 == "\n" }
    }
}
