public import AccordCore
import Foundation

/// The review summary as Markdown: for a repository, a wiki or a pull request. Tables are
/// GitHub-flavoured; the progress chart is a text bar per area and party (charts as SVG
/// are in the HTML summary).
public struct SummaryMarkdownRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The summary as Markdown, ending with a newline.
    public func render(_ summary: ReviewSummary) -> String {
        var blocks = ["# " + SummaryLayout.title(summary)]
        if let notice = SummaryLayout.notice(summary) { blocks.append("> **" + L10n.t("Note:") + "** " + escape(notice)) }
        blocks.append(table(SummaryLayout.header(summary), headerless: true))
        if let meeting = summary.meeting, !meeting.decisions.isEmpty {
            blocks.append(L10n.t("Decisions of the meeting:") + "\n\n"
                          + SummaryLayout.decisions(meeting).map { "- \(escape($0))" }.joined(separator: "\n"))
        }

        blocks.append("## " + L10n.t("What changed since the previous meeting"))
        blocks.append("### " + L10n.t("Status changes ({1})", summary.statusChanges.count))
        blocks.append(summary.statusChanges.isEmpty ? L10n.t("None.") : table(SummaryLayout.statusChanges(summary)))
        blocks.append("### " + L10n.t("New evidence ({1})", summary.newEvidence.count))
        blocks.append(summary.newEvidence.isEmpty ? L10n.t("None.") : table(SummaryLayout.evidence(summary)))
        blocks.append("### " + L10n.t("Text revisions ({1})", summary.textChanges.count))
        if summary.textChanges.isEmpty { blocks.append(L10n.t("None.")) }
        for change in summary.textChanges {
            var lines = ["**" + escape(SummaryLayout.textChangeHeadline(change)) + "**"]
            for article in SummaryLayout.shortRedline(change.diff) {
                lines.append("- " + escape(article.headline))
                for block in article.blocks {
                    switch block {
                    case .title(let title): lines.append("  - " + L10n.t("Title:") + " " + DiffMarkdownRenderer.redline(title))
                    case .text(let text): lines.append("  - " + DiffMarkdownRenderer.redline(text))
                    case .clause(let label, let text): lines.append("  - **\(escape(label))** " + DiffMarkdownRenderer.redline(text))
                    }
                }
            }
            blocks.append(lines.joined(separator: "\n"))
        }

        blocks.append("## " + L10n.t("Progress by area and party"))
        let progress = SummaryLayout.progress(summary)
        blocks.append(progress.rows.isEmpty ? L10n.t("Nothing tracked yet.") : table(progress))
        let chart = SummaryLayout.progressChart(summary)
        if !chart.categories.isEmpty {
            var lines = [L10n.t("Share settled (implemented or not applicable):"), "", "```text"]
            let width = chart.categories.map(DisplayWidth.of).max() ?? 0
            for (index, category) in chart.categories.enumerated() {
                for series in chart.series {
                    guard let value = series.values[index] else { continue }
                    let label = category.count > 48 ? String(category.prefix(47)) + "…" : category
                    lines.append(DisplayWidth.pad(label, to: min(width, 48))
                                 + "  \(series.name)  " + SummaryLayout.textBar(Int(value)))
                }
            }
            lines.append("```")
            blocks.append(lines.joined(separator: "\n"))
        }

        blocks.append("## " + L10n.t("Gaps by rule"))
        blocks.append(GapLayout.totals(summary.gaps).prefix(1).uppercased() + GapLayout.totals(summary.gaps).dropFirst() + ".")
        if !summary.gaps.gaps.isEmpty {
            blocks.append(table(SummaryLayout.gapSummary(summary)))
            for (rule, gaps) in SummaryLayout.gapsByRule(summary) {
                blocks.append("### \(rule.title) (`\(rule.rawValue)`, \(rule.severity.displayName)): \(gaps.count)")
                blocks.append(gaps.map { gap in
                    let line = SummaryLayout.gapLine(gap)
                    return "- **\(escape(line.item))** \(escape(line.text)). *\(L10n.t("To close:"))* \(escape(line.close))"
                }.joined(separator: "\n"))
            }
        }

        blocks.append("## " + L10n.t("Due before the next review"))
        if let review = summary.nextReview {
            blocks.append(L10n.t("Next review:") + " " + escape(SummaryLayout.nextReview(review, summary)))
            blocks.append(review.dueBefore.isEmpty ? L10n.t("Nothing else falls due before it.") : table(SummaryLayout.due(review)))
        } else {
            blocks.append(L10n.t("No review is scheduled within the horizon."))
        }

        blocks.append("## " + L10n.t("Indicators"))
        let indicators = SummaryLayout.indicatorTables(summary)
        if indicators.isEmpty { blocks.append(L10n.t("No indicator values recorded.")) }
        for indicator in indicators {
            blocks.append("### " + escape(indicator.title))
            blocks.append(table(indicator.table))
            if !indicator.sources.isEmpty {
                blocks.append(L10n.t("Figures the sources give differently:") + "\n\n"
                              + indicator.sources.map { "- " + escape($0) }.joined(separator: "\n"))
            }
        }

        blocks.append("## " + L10n.t("Draft agenda"))
        blocks.append(summary.agenda.enumerated().map { index, item in
            (["\(index + 1). " + escape(item.title)] + item.points.map { "   - " + escape($0) }).joined(separator: "\n")
        }.joined(separator: "\n"))

        blocks.append("---\n\n*" + escape(SummaryLayout.footer(summary)) + "*")
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func table(_ table: SummaryLayout.Table, headerless: Bool = false) -> String {
        let header = headerless ? table.header.map { _ in " " } : table.header.map(cell)
        let rule = table.header.indices.map { table.numeric.contains($0) ? "--:" : "---" }
        let rows = table.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
        return (["| " + header.joined(separator: " | ") + " |", "|" + rule.joined(separator: "|") + "|"] + rows)
            .joined(separator: "\n")
    }

    private func cell(_ text: String) -> String {
        escape(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Markdown's inline markers in values are escaped so a summary's words read as written.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
