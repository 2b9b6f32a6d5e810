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
        var lines = report.notice.map { [style.bold(L10n.t("Note:")) + " " + $0.text, ""] } ?? []
        let heading = switch (count == 1, report.language) {
        case (true, let language?): L10n.t("{1}: 1 revision of the {2} text", report.instrument, language)
        case (false, let language?): L10n.t("{1}: {2} revisions of the {3} text", report.instrument, count, language)
        case (true, nil): L10n.t("{1}: 1 revision of the text", report.instrument)
        case (false, nil): L10n.t("{1}: {2} revisions of the text", report.instrument, count)
        }
        lines.append(style.bold(heading)
                     + ProvenanceNotice.suffix(report.marks))
        for revision in report.revisions {
            lines.append("")
            let tag = revision.tag.map { "  " + $0 } ?? ""
            lines.append(style.bold(revision.date.description) + tag + "  " + style.dim(revision.shortCommit))
            lines.append("  " + revision.summary)
            for change in revision.languages { lines.append("  " + describe(change)) }
            for language in revision.unrevised {
                lines.append("  " + style.yellow(L10n.t("{1} not revised since {2}", language.language, language.since)))
            }
        }
        if let step = report.outOfStep {
            lines.append("")
            let lagging = step.lagging.map { L10n.t("{1} last revised {2}", $0.language, $0.lastRevised) }.joined(separator: ", ")
            lines.append(style.yellow(L10n.t("Out of step: {1} revised {2} ({3}); {4}", step.latestLanguage, step.latestRevision, step.revision, lagging)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `en revised: articles 1, 3 (renumbered from 2); clauses 1.2, 3.1; 45 words added, 12 removed`.
    func describe(_ change: LanguageRevision) -> String {
        switch change.kind {
        case .added: return L10n.t("{1}: first text", change.language)
        case .removed: return style.red(L10n.t("{1}: text removed", change.language))
        case .revised:
            var parts: [String] = []
            if !change.articles.isEmpty {
                let list = change.articles.map(\.description).joined(separator: ", ")
                parts.append(change.articles.count == 1 ? L10n.t("article {1}", list) : L10n.t("articles {1}", list))
            }
            let clauses = change.provisions.filter { $0.contains(".") }
            if !clauses.isEmpty {
                let list = clauses.joined(separator: ", ")
                parts.append(clauses.count == 1 ? L10n.t("clause {1}", list) : L10n.t("clauses {1}", list))
            }
            parts.append(change.wordsAdded == 1 ? L10n.t("1 word added, {1} removed", change.wordsRemoved)
                         : L10n.t("{1} words added, {2} removed", change.wordsAdded, change.wordsRemoved))
            return style.green(L10n.t("{1} revised", change.language)) + ": " + parts.joined(separator: "; ")
        }
    }
}
