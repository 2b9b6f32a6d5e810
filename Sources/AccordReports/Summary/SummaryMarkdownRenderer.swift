public import AccordCore
import Foundation

/// The review summary as Markdown: for a repository, a wiki or a pull request. Tables are
/// GitHub-flavoured; the progress chart is a text bar per area and party (charts as SVG
/// are in the HTML summary).
public struct SummaryMarkdownRenderer: Sendable {
    /// Whether to print the one-page brief instead of the full summary.
    public let brief: Bool

    /// A renderer; `brief` prints the one-page brief.
    public init(brief: Bool = false) {
        self.brief = brief
    }

    /// The summary as Markdown, ending with a newline.
    public func render(_ summary: ReviewSummary) -> String {
        var blocks = ["# " + SummaryLayout.title(summary) + (brief ? " " + L10n.t("(brief)") : "")]
        if let notice = SummaryLayout.notice(summary) { blocks.append("> **" + L10n.t("Note:") + "** " + escape(notice)) }
        blocks.append(table(SummaryLayout.header(summary, brief: brief), headerless: true))
        if !brief, let meeting = summary.meeting, !meeting.agenda.isEmpty {
            blocks.append(L10n.t("Agenda of the meeting:") + "\n\n" + meeting.agenda.enumerated().map { "\($0 + 1). \(escape($1))" }.joined(separator: "\n"))
        }

        blocks.append("## " + L10n.t("Follow-up of the previous meeting's decisions"))
        if let previous = summary.previousMeetingTitle {
            blocks.append(escape(SummaryLayout.followUpHeadline(summary, previous)))
            if brief {
                blocks.append(summary.followUp.map { "- " + escape(SummaryLayout.followUpLine($0)) }.joined(separator: "\n"))
            } else if !summary.followUp.isEmpty {
                blocks.append(table(SummaryLayout.followUp(summary)))
            }
        } else {
            blocks.append(L10n.t("No previous meeting of this body is recorded."))
        }
        if !brief, !summary.actionLog.isEmpty {
            blocks.append("## " + L10n.t("Decisions of this meeting"))
            blocks.append(table(SummaryLayout.actionLog(summary)))
        }

        blocks.append("## " + L10n.t("What each side did"))
        if brief { blocks.append(table(SummaryLayout.sideCounts(summary))) }
        for side in summary.sides where !brief {
            blocks.append("### " + escape(SummaryLayout.sideTitle(summary, side)))
            blocks.append(escape(SummaryLayout.sideLine(side)))
            if brief { continue }
            if !side.reports.isEmpty { blocks.append(table(SummaryLayout.sideReports(side))) }
            if !side.evidence.isEmpty { blocks.append(table(SummaryLayout.sideEvidence(summary, side))) }
        }
        if !brief, !summary.jointStandings.isEmpty {
            blocks.append("### " + L10n.t("Where every party reported"))
            blocks.append(table(SummaryLayout.jointStandings(summary)))
        }
        if summary.restrictedOmitted > 0 {
            blocks.append(L10n.t("{1} restricted pieces of evidence left out.", summary.restrictedOmitted))
        }
        if brief { return renderBriefEnd(summary, blocks) }

        blocks.append("## " + L10n.t("Text revisions ({1})", summary.textChanges.count))
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

        blocks.append("## " + L10n.t("Gaps"))
        blocks.append(escape(SummaryLayout.gapTotals(summary)))
        if !summary.gaps.gaps.isEmpty {
            blocks.append(table(SummaryLayout.gapSummary(summary)))
            let shown = SummaryLayout.shownGaps(summary)
            if let line = SummaryLayout.gapCapLine(summary, left: shown.left) { blocks.append(escape(line)) }
            blocks.append(table(SummaryLayout.gapTable(shown.gaps)))
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
            if let definition = indicator.definition { blocks.append(escape(definition)) }
            blocks.append(table(indicator.table))
            if !indicator.totals.isEmpty {
                blocks.append(L10n.t("Reported totals and the yearly figures:") + "\n\n" + indicator.totals.map { "- " + escape($0) }.joined(separator: "\n"))
            }
            if !indicator.sources.isEmpty {
                blocks.append(L10n.t("Figures the sources give differently:") + "\n\n"
                              + indicator.sources.map { "- " + escape($0) }.joined(separator: "\n"))
            }
            if !indicator.breakdowns.isEmpty {
                blocks.append(L10n.t("Figures by sex, age group and form of exploitation:") + "\n\n"
                              + indicator.breakdowns.map { "- " + escape($0.text) }.joined(separator: "\n"))
            }
        }

        if !summary.planTargets.isEmpty {
            blocks.append("### " + L10n.t("Plan targets against what is recorded"))
            let targets = SummaryLayout.planTargets(summary)
            if !targets.rows.isEmpty { blocks.append(table(targets)) }
            if let missing = SummaryLayout.unmeasuredTargets(summary) { blocks.append(escape(missing)) }
        }

        blocks.append("## " + escape(RegisterLayout.heading))
        if summary.registers.isEmpty {
            blocks.append(escape(RegisterLayout.empty))
        } else {
            blocks.append(table(SummaryLayout.registers(summary)))
            blocks.append(escape(RegisterLayout.explanation(summary.registers)))
        }

        blocks.append("## " + L10n.t("Draft agenda"))
        blocks.append(summary.agenda.enumerated().map { index, item in
            (["\(index + 1). " + escape(item.title)] + item.points.map { "   - " + escape($0) }).joined(separator: "\n")
        }.joined(separator: "\n"))

        if summary.gapDetail == .all, !summary.gaps.gaps.isEmpty {
            blocks.append("## " + L10n.t("Annex: every gap"))
            blocks.append(table(SummaryLayout.gapTable(summary.gaps.gaps, toClose: true)))
        }

        blocks.append("---\n\n*" + escape(SummaryLayout.footer(summary)) + "*")
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The brief's last part: the most serious gaps and the next review.
    private func renderBriefEnd(_ summary: ReviewSummary, _ start: [String]) -> String {
        var blocks = start
        blocks.append("## " + L10n.t("Most serious gaps"))
        blocks.append(escape(SummaryLayout.gapTotals(summary)))
        let shown = SummaryLayout.shownGaps(summary).gaps.prefix(SummaryLayout.briefGaps)
        if !shown.isEmpty {
            blocks.append(shown.map { gap in
                "- " + escape(SummaryLayout.briefGapLine(gap))
            }.joined(separator: "\n"))
        }
        blocks.append("## " + L10n.t("Next review"))
        blocks.append(summary.nextReview.map { escape(SummaryLayout.nextReview($0, summary)) } ?? L10n.t("No review is scheduled within the horizon."))
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
        escape(text, cell: true)
    }

    /// Markdown's inline markers in values are escaped so a summary's words read as written;
    /// in a table `cell`, `|` too, and a line break (LF, CR LF or CR) is a space. By scalars:
    /// a marker carrying a combining mark is one Character, yet Markdown reads the marker.
    private func escape(_ text: String, cell: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where cell && afterCR:
                continue
            case "\r" where cell:
                result.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&":
                result.append("\\")
                result.append(scalar)
            case "|" where cell:
                result.append("\\")
                result.append(scalar)
            case "\n" where cell:
                result.append(" ")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
