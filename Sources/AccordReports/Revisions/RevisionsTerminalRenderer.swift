import AccordCore

/// The revisions for a terminal: each revision with its date, tag and commit, its message,
/// what changed in each language and which languages it left behind, then a note when
/// the languages are out of step.
public struct RevisionsTerminalRenderer: Sendable {
    /// Colour and emphasis.
    public let style: TerminalStyle

    /// A renderer with the given style.
    public init(style: TerminalStyle) { self.style = style }

    /// The report as terminal text.
    public func render(_ report: RevisionsReport) -> String {
        let count = report.revisions.count
        let scope = report.language.map { " of the \($0) text" } ?? " of the text"
        var lines = report.notice.map { [style.bold(L10n.t("Note:")) + " " + $0.text, ""] } ?? []
        lines.append(style.bold("\(report.instrument): \(count) revision\(count == 1 ? "" : "s")\(scope)")
                     + ProvenanceNotice.suffix(report.marks))
        for revision in report.revisions {
            lines.append("")
            let tag = revision.tag.map { "  " + $0 } ?? ""
            lines.append(style.bold(revision.date.description) + tag + "  " + style.dim(revision.shortCommit))
            lines.append("  " + revision.summary)
            for change in revision.languages { lines.append("  " + describe(change)) }
            for language in revision.unrevised {
                lines.append("  " + style.yellow("\(language.language) not revised since \(language.since)"))
            }
        }
        if let step = report.outOfStep {
            lines.append("")
            let lagging = step.lagging.map { "\($0.language) last revised \($0.lastRevised)" }.joined(separator: ", ")
            lines.append(style.yellow("Out of step: \(step.latestLanguage) revised \(step.latestRevision) (\(step.revision)); \(lagging)"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `en revised: articles 1, 3 (renumbered from 2); clauses 1.2, 3.1; 45 words added, 12 removed`.
    func describe(_ change: LanguageRevision) -> String {
        switch change.kind {
        case .added: return "\(change.language): first text"
        case .removed: return style.red("\(change.language): text removed")
        case .revised:
            var parts: [String] = []
            if !change.articles.isEmpty {
                parts.append((change.articles.count == 1 ? "article " : "articles ")
                             + change.articles.map(\.description).joined(separator: ", "))
            }
            let clauses = change.provisions.filter { $0.contains(".") }
            if !clauses.isEmpty {
                parts.append((clauses.count == 1 ? "clause " : "clauses ") + clauses.joined(separator: ", "))
            }
            parts.append("\(counted(change.wordsAdded, "word")) added, \(change.wordsRemoved) removed")
            return "\(style.green(change.language + " revised")): " + parts.joined(separator: "; ")
        }
    }
}
