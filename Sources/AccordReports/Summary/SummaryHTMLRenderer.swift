public import AccordCore

/// The review summary as one self-contained HTML page: inline CSS, inline SVG charts, no
/// script and nothing fetched from the network; prints on A4 with page breaks kept out
/// of tables and charts. Every value is HTML-escaped.
public struct SummaryHTMLRenderer: Sendable {
    /// Whether to print the one-page brief instead of the full summary.
    public let brief: Bool

    /// A renderer; `brief` prints the one-page brief.
    public init(brief: Bool = false) {
        self.brief = brief
    }

    /// The summary as a complete HTML document.
    public func render(_ summary: ReviewSummary) -> String {
        HTMLText.page(title: SummaryLayout.title(summary) + (brief ? " " + L10n.t("(brief)") : ""), style: Self.style, body: body(summary))
    }

    /// One document holding the summary in each language, one after the other, each half
    /// a `<section>` with its `lang` and built in that language (`L10n.with`): the form of
    /// joint minutes kept in both languages. The page's language is the first's.
    public func render(languages summaries: [(language: Language, summary: ReviewSummary)]) -> String {
        let title = summaries.map { item in L10n.with(item.language) { SummaryLayout.title(item.summary) } }
            .joined(separator: " / ")
        let sections = summaries.map { item in
            L10n.with(item.language) {
                "<section lang=\"\(item.language.tag)\" class=\"language\">\n"
                    + LocalForms.applyHTML(body(item.summary).joined(separator: "\n"), language: item.language) + "\n</section>"
            }
        }
        return L10n.with(summaries.first?.language ?? L10n.language) {
            HTMLText.page(title: title, style: Self.style, body: sections)
        }
    }

    /// The page's content for `summary`, in the run's language.
    private func body(_ summary: ReviewSummary) -> [String] {
        var body = ["<h1>\(e(SummaryLayout.title(summary) + (brief ? " " + L10n.t("(brief)") : "")))</h1>"]
        if let notice = SummaryLayout.notice(summary) {
            body.append("<p class=\"notice\" role=\"note\"><strong>\(e(L10n.t("Note:")))</strong> \(e(notice))</p>")
        }
        body.append(table(SummaryLayout.header(summary, brief: brief), headerless: true))
        if !brief, let meeting = summary.meeting, !meeting.agenda.isEmpty {
            body.append("<p>\(e(L10n.t("Agenda of the meeting:")))</p>\n<ol>" + meeting.agenda.map { "<li>\(e($0))</li>" }.joined() + "</ol>")
        }

        body.append("<h2 id=\"follow-up\">\(e(L10n.t("Follow-up of the previous meeting's decisions")))</h2>")
        if let previous = summary.previousMeetingTitle {
            body.append("<p>\(e(SummaryLayout.followUpHeadline(summary, previous)))</p>")
            if brief {
                body.append("<ul>" + summary.followUp.map { "<li>\(e(SummaryLayout.followUpLine($0)))</li>" }.joined() + "</ul>")
            } else if !summary.followUp.isEmpty {
                body.append(table(SummaryLayout.followUp(summary)))
            }
        } else {
            body.append("<p>\(e(L10n.t("No previous meeting of this body is recorded.")))</p>")
        }
        if !brief, !summary.actionLog.isEmpty {
            body.append("<h2 id=\"decisions\">\(e(L10n.t("Decisions of this meeting")))</h2>")
            body.append(table(SummaryLayout.actionLog(summary)))
        }

        body.append("<h2 id=\"sides\">\(e(L10n.t("What each side did")))</h2>")
        if brief { body.append(table(SummaryLayout.sideCounts(summary))) }
        for side in summary.sides where !brief {
            body.append("<h3>\(e(SummaryLayout.sideTitle(summary, side)))</h3>")
            body.append("<p>\(e(SummaryLayout.sideLine(side)))</p>")
            if brief { continue }
            if !side.reports.isEmpty { body.append(table(SummaryLayout.sideReports(side))) }
            if !side.evidence.isEmpty { body.append(table(SummaryLayout.sideEvidence(summary, side))) }
        }
        if !brief, !summary.jointStandings.isEmpty {
            body.append("<h3>\(e(L10n.t("Where every party reported")))</h3>")
            body.append(table(SummaryLayout.jointStandings(summary)))
        }
        if summary.restrictedOmitted > 0 {
            body.append("<p>\(e(L10n.t("{1} restricted pieces of evidence left out.", summary.restrictedOmitted)))</p>")
        }
        if brief { return briefEnd(summary, body) }

        body.append("<h2 id=\"texts\">\(e(L10n.t("Text revisions ({1})", summary.textChanges.count)))</h2>")
        if summary.textChanges.isEmpty { body.append("<p>\(e(L10n.t("None.")))</p>") }
        for change in summary.textChanges {
            var lines = ["<div class=\"redline\"><p><strong>\(e(SummaryLayout.textChangeHeadline(change)))</strong></p><ul>"]
            for article in SummaryLayout.shortRedline(change.diff) {
                lines.append("<li>\(e(article.headline))<ul>")
                for block in article.blocks {
                    switch block {
                    case .title(let title): lines.append("<li>\(e(L10n.t("Title:"))) \(DiffHTMLRenderer.redline(title))</li>")
                    case .text(let text): lines.append("<li>\(DiffHTMLRenderer.redline(text))</li>")
                    case .clause(let label, let text):
                        lines.append("<li><span class=\"label\">\(e(label))</span> \(DiffHTMLRenderer.redline(text))</li>")
                    }
                }
                lines.append("</ul></li>")
            }
            lines.append("</ul></div>")
            body.append(lines.joined(separator: "\n"))
        }

        body.append("<h2 id=\"progress\">\(e(L10n.t("Progress by area and party")))</h2>")
        let progress = SummaryLayout.progress(summary)
        body.append(progress.rows.isEmpty ? "<p>\(e(L10n.t("Nothing tracked yet.")))</p>" : table(progress))
        let chart = SummaryLayout.progressChart(summary)
        if !chart.categories.isEmpty {
            body.append("<figure class=\"progress\">" + SVGChart.bars(title: L10n.t("Share settled by area and party"), categories: chart.categories,
                                                   series: chart.series, maximum: 100, unit: L10n.t("% settled"))
                        + "<figcaption>\(e(L10n.t("Share of items settled (implemented or not applicable), by area and party.")))</figcaption></figure>")
        }

        body.append("<h2 id=\"gaps\">\(e(L10n.t("Gaps")))</h2>")
        body.append("<p>\(e(SummaryLayout.gapTotals(summary)))</p>")
        if !summary.gaps.gaps.isEmpty {
            body.append(table(SummaryLayout.gapSummary(summary)))
            let shown = SummaryLayout.shownGaps(summary)
            if let line = SummaryLayout.gapCapLine(summary, left: shown.left) { body.append("<p>\(e(line))</p>") }
            body.append(table(SummaryLayout.gapTable(shown.gaps), small: true))
        }

        body.append("<h2 id=\"due\">\(e(L10n.t("Due before the next review")))</h2>")
        if let review = summary.nextReview {
            body.append("<p>\(e(L10n.t("Next review:"))) \(e(SummaryLayout.nextReview(review, summary)))</p>")
            body.append(review.dueBefore.isEmpty ? "<p>\(e(L10n.t("Nothing else falls due before it.")))</p>" : table(SummaryLayout.due(review)))
        } else {
            body.append("<p>\(e(L10n.t("No review is scheduled within the horizon.")))</p>")
        }

        body.append("<h2 id=\"indicators\">\(e(L10n.t("Indicators")))</h2>")
        let indicators = SummaryLayout.indicatorTables(summary)
        if indicators.isEmpty { body.append("<p>\(e(L10n.t("No indicator values recorded.")))</p>") }
        // Said once for every chart: on paper a caption under each costs a page.
        if indicators.contains(where: { $0.years.count > 1 }) {
            body.append("<p class=\"small\">\(e(L10n.t("Each line is named after its scope and the party whose evidence gives its figures; dashed lines are plan targets.")))</p>")
        }
        for indicator in indicators {
            // The definition shares the heading's line: on paper a paragraph each costs a page.
            var section = "<section class=\"indicator\"><h3>\(e(indicator.title))"
                + (indicator.definition.map { " <span class=\"definition\">\(e($0))</span>" } ?? "") + "</h3>" + table(indicator.table)
            if !indicator.totals.isEmpty {
                section += "<p>\(e(L10n.t("Reported totals and the yearly figures:")))</p><ul class=\"totals\">"
                    + indicator.totals.map { "<li\($0.hasPrefix(SummaryLayout.warningPrefix) ? " class=\"warning\"" : "")>\(e($0))</li>" }.joined() + "</ul>"
            }
            if !indicator.sources.isEmpty {
                section += "<p>\(e(L10n.t("Figures the sources give differently:")))</p><ul class=\"sources\">"
                    + indicator.sources.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            }
            if !indicator.breakdowns.isEmpty {
                section += "<p>\(e(L10n.t("Figures by sex, age group and form of exploitation:")))</p><ul class=\"breakdowns\">"
                    + indicator.breakdowns.map { "<li\($0.warning ? " class=\"warning\"" : "")>\(e($0.text))</li>" }.joined() + "</ul>"
            }
            if indicator.years.count > 1 {
                section += "<figure>" + SVGChart.lines(title: indicator.title, xLabels: indicator.years, series: indicator.series,
                                                       unit: indicator.title, targets: indicator.targets,
                                                       description: indicator.description) + "</figure>"
            }
            body.append(section + "</section>")
        }

        if !summary.planTargets.isEmpty {
            body.append("<h3>\(e(L10n.t("Plan targets against what is recorded")))</h3>")
            let targets = SummaryLayout.planTargets(summary)
            if !targets.rows.isEmpty { body.append(table(targets)) }
            if let missing = SummaryLayout.unmeasuredTargets(summary) { body.append("<p class=\"small\">\(e(missing))</p>") }
        }
        body.append("<h2 id=\"registers\">\(e(RegisterLayout.heading))</h2>")
        if summary.registers.isEmpty {
            body.append("<p>\(e(RegisterLayout.empty))</p>")
        } else {
            body.append(table(SummaryLayout.registers(summary), small: true))
            body.append("<p class=\"small\">\(e(RegisterLayout.explanation(summary.registers)))</p>")
        }
        body.append("<h2 id=\"agenda\">\(e(L10n.t("Draft agenda")))</h2>")
        body.append("<ol class=\"agenda\">" + summary.agenda.map { item in
            "<li>\(e(item.title))" + (item.points.isEmpty ? "" : "<ul>" + item.points.map { "<li>\(e($0))</li>" }.joined() + "</ul>") + "</li>"
        }.joined(separator: "\n") + "</ol>")
        if summary.gapDetail == .all, !summary.gaps.gaps.isEmpty {
            body.append("<h2 id=\"annex\" class=\"annex\">\(e(L10n.t("Annex: every gap")))</h2>")
            body.append(table(SummaryLayout.gapTable(summary.gaps.gaps, toClose: true), small: true))
        }
        body.append("<footer>\(e(SummaryLayout.footer(summary)))</footer>")
        return body
    }

    /// The brief's last part: the most serious gaps and the next review.
    private func briefEnd(_ summary: ReviewSummary, _ start: [String]) -> [String] {
        var body = start
        body.append("<h2 id=\"gaps\">\(e(L10n.t("Most serious gaps")))</h2>")
        body.append("<p>\(e(SummaryLayout.gapTotals(summary)))</p>")
        let shown = SummaryLayout.shownGaps(summary).gaps.prefix(SummaryLayout.briefGaps)
        if !shown.isEmpty {
            body.append("<ul class=\"gaps\">" + shown.map { gap in
                "<li>" + e(SummaryLayout.briefGapLine(gap)) + "</li>"
            }.joined() + "</ul>")
        }
        body.append("<h2 id=\"next\">\(e(L10n.t("Next review")))</h2>")
        body.append("<p>" + e(summary.nextReview.map { SummaryLayout.nextReview($0, summary) } ?? L10n.t("No review is scheduled within the horizon.")) + "</p>")
        body.append("<footer>\(e(SummaryLayout.footer(summary)))</footer>")
        return body
    }

    private func table(_ table: SummaryLayout.Table, headerless: Bool = false, small: Bool = false) -> String {
        var lines = ["<table\(headerless ? " class=\"header\"" : small ? " class=\"small\"" : "")>"]
        if !headerless {
            lines.append("<thead><tr>" + table.header.enumerated().map { index, cell in
                "<th\(table.numeric.contains(index) ? " class=\"number\"" : "")>\(e(cell))</th>"
            }.joined() + "</tr></thead>")
        }
        lines.append("<tbody>")
        for row in table.rows {
            lines.append("<tr>" + row.enumerated().map { index, cell in
                headerless && index == 0 ? "<th scope=\"row\">\(e(cell))</th>"
                    : "<td\(table.numeric.contains(index) ? " class=\"number\"" : table.dates.contains(index) ? " class=\"date\"" : "")>\(e(cell))</td>"
            }.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

    /// A value as element content: escaped, Khmer runs marked `lang="km"`.
    private func e(_ text: String) -> String { HTMLText.content(text) }

    private static let style = """
        @page { size: A4; margin: 16mm 14mm; }
        body { margin: 0; color: #1b1b1b; background: #fff;
               font: 15px/1.5 "Noto Sans", "Noto Sans Khmer", "Khmer OS", "Segoe UI", sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
        h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0072B2; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
        h3.high { color: #a40000; } h3.medium { color: #8a5a00; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; font-size: .9rem; }
        th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eef3f8; }
        table.small, p.small { font-size: .8rem; }
        h3 .definition { font-size: .8rem; font-weight: normal; color: #444; }
        table.header { width: auto; } table.header th { background: #f6f6f6; font-weight: 600; }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        ul.gaps li { margin: .2rem 0; }
        figure { margin: .5rem 0 1rem; } figcaption { font-size: .85rem; color: #555; }
        svg { max-width: 100%; height: auto; }
        del { color: #a40000; background: #fde8e8; text-decoration: line-through; }
        ins { color: #005c1a; background: #e3f6e6; text-decoration: underline; }
        .label { font-weight: 600; margin-right: .4rem; }
        li.warning { color: #a40000; font-weight: 600; }
        section.language + section.language { border-top: 3px double #0072B2; margin-top: 2rem; break-before: page; }
        .notice { border: 2px solid #8a5a00; background: #fff6e0; padding: .5rem .75rem; }
        footer { margin-top: 2rem; font-size: .85rem; color: #555; border-top: 1px solid #ccc; padding-top: .5rem; }
        td.date { white-space: nowrap; }
        @media print {
          body { font-size: 9pt; line-height: 1.3; }
          table { font-size: 7.5pt; margin: .3rem 0 .6rem; } table.small { font-size: 7pt; }
          th, td { padding: .1rem .3rem; }
          h2 { margin: 1rem 0 .3rem; } h3 { margin: .7rem 0 .3rem; }
          /* On paper the progress table's share column says what the bar chart shows. */
          figure.progress { display: none; } section.indicator svg { width: 42%; }
          main { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid-page; }
          tr, figure, section.indicator, .redline { break-inside: avoid-page; }
          del, ins { background: none; }
        }
        """
}
