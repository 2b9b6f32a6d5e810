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
    static func blocks(_ change: ArticleChange, full: Bool = false, labels: DiffLabels = .current) -> [Block] {
        guard change.isModified || full else { return [] }
        var blocks: [Block] = []
        if !change.title.segments.isEmpty { blocks.append(.title(change.title)) }
        if !change.lead.segments.isEmpty { blocks.append(.text(change.lead)) }
        blocks += change.clauses.map { .clause(label: clauseLabel($0, labels: labels), $0.text) }
        if !change.closing.segments.isEmpty { blocks.append(.text(change.closing)) }
        return blocks
    }

    static func clauseLabel(_ clause: ClauseChange, labels: DiffLabels = .current) -> String {
        let language = labels.language
        return switch clause.kind {
        case .added: L10n.t("{1} (added)", context: "redline", in: language, clause.newID ?? "")
        case .removed: L10n.t("{1} (removed)", context: "redline", in: language, clause.oldID ?? "")
        case .renumbered: L10n.t("{1} (was {2})", context: "redline", in: language, clause.newID ?? "", clause.oldID ?? "")
        case .modified, .unchanged: clause.newID ?? ""
        }
    }

    /// `Article 7 (renumbered from 6) — modified`, `Preamble — unchanged text`.
    static func headline(_ change: ArticleChange, labels: DiffLabels = .current) -> String {
        "\(name(change, labels: labels))\(qualifier(change, labels: labels)) — \(outcome(change, labels: labels))"
    }

    /// `Article 7`, `Preamble`, or an unnumbered section's heading (`Final provisions`), by
    /// the newest version.
    static func name(_ change: ArticleChange, labels: DiffLabels = .current) -> String {
        let id = change.newID ?? change.oldID ?? ""
        if id == Article.preambleID { return labels.preamble }
        if id.first?.isNumber == false { return change.newHeading ?? change.oldHeading ?? id }
        return "\(labels.article) \(id)"
    }

    /// ` (renumbered from 6)`, ` (moved)`, or nothing.
    static func qualifier(_ change: ArticleChange, labels: DiffLabels = .current) -> String {
        var notes: [String] = []
        if change.kind == .renumbered, let old = change.oldID { notes.append(L10n.t("renumbered from {1}", in: labels.language, old)) }
        if change.isMoved { notes.append(L10n.t("moved", context: "redline", in: labels.language)) }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    }

    /// `added`, `removed`, `modified`, or `unchanged text` for a renumbered or moved article.
    static func outcome(_ change: ArticleChange, labels: DiffLabels = .current) -> String {
        let language = labels.language
        return switch change.kind {
        case .added: L10n.t("added", context: "redline", in: language)
        case .removed: L10n.t("removed", context: "redline", in: language)
        case .replaced: L10n.t("replaced", context: "redline", in: language)
        default: change.isModified ? L10n.t("modified", context: "redline", in: language)
            : L10n.t("unchanged text", context: "redline", in: language)
        }
    }

    /// `3 of 12 articles changed: 1 added, 2 modified; 35 words added, 20 removed`, counting
    /// the articles of both versions.
    static func summary(_ diff: InstrumentDiff, labels: DiffLabels = .current) -> String {
        let language = labels.language
        let changed = diff.changedArticles
        var counts: [String] = []
        for kind in [ArticleChange.Kind.added, .removed, .replaced, .renumbered, .moved, .modified] {
            let count = changed.count { $0.kind == kind }
            guard count > 0 else { continue }
            let text: String = switch kind {
            case .added: L10n.t("{1} added", context: "redline", in: language, count)
            case .removed: L10n.t("{1} removed", context: "redline", in: language, count)
            case .replaced: L10n.t("{1} replaced", context: "redline", in: language, count)
            case .renumbered: L10n.t("{1} renumbered", context: "redline", in: language, count)
            case .moved: L10n.t("{1} moved", context: "redline", in: language, count)
            default: L10n.t("{1} modified", context: "redline", in: language, count)
            }
            counts.append(text)
        }
        let kinds = counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")
        let words = diff.wordsAdded == 1
            ? L10n.t("1 word added, {1} removed", in: language, diff.wordsRemoved)
            : L10n.t("{1} words added, {2} removed", in: language, diff.wordsAdded, diff.wordsRemoved)
        return L10n.t("{1} of {2} articles changed{3}; {4}", in: language, changed.count, diff.articles.count, kinds, words)
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
