public import AccordCore
public import Foundation

/// The review summary as an editable Word document (.docx), for the ministries that send
/// papers as Word: the same sections, tables and wording as the Markdown and HTML summaries
/// (all from ``SummaryLayout``), with real headings, tables with a header row, the notice of
/// illustrative records as a shaded paragraph, and redlines shown struck through and
/// underlined (as formatting: accepting changes must not rewrite a summary).
public struct SummaryWordRenderer: Sendable {
    /// Whether to write the one-page brief instead of the full summary.
    public let brief: Bool

    /// A renderer; `brief` writes the one-page brief.
    public init(brief: Bool = false) {
        self.brief = brief
    }

    /// The summaries, each in its language, one after the other in one document.
    public func render(_ summaries: [(language: Language, summary: ReviewSummary)]) throws -> Data {
        var document = WordFile(language: summaries.first?.language.tag ?? L10n.language.tag)
        document.localForms = true
        for (language, summary) in summaries {
            L10n.with(language) { write(summary, into: &document) }
        }
        return try document.data()
    }

    private func write(_ summary: ReviewSummary, into document: inout WordFile) {
        document.heading(SummaryLayout.title(summary) + (brief ? " " + L10n.t("(brief)") : ""), level: 0)
        if let notice = SummaryLayout.notice(summary) { document.notice(L10n.t("Note:"), notice) }
        let header = SummaryLayout.header(summary, brief: brief)
        document.table(header: nil, rows: header.rows)
        if !brief, let meeting = summary.meeting, !meeting.agenda.isEmpty {
            document.paragraph(L10n.t("Agenda of the meeting:"))
            document.bullets(meeting.agenda.enumerated().map { "\($0 + 1). \($1)" })
        }

        document.heading(L10n.t("Follow-up of the previous meeting's decisions"), level: 1)
        if let previous = summary.previousMeetingTitle {
            document.paragraph(SummaryLayout.followUpHeadline(summary, previous))
            if brief {
                document.bullets(summary.followUp.map(SummaryLayout.followUpLine))
            } else if !summary.followUp.isEmpty {
                table(SummaryLayout.followUp(summary), into: &document)
            }
        } else {
            document.paragraph(L10n.t("No previous meeting of this body is recorded."))
        }
        if !brief, !summary.actionLog.isEmpty {
            document.heading(L10n.t("Decisions of this meeting"), level: 1)
            table(SummaryLayout.actionLog(summary), into: &document)
        }

        document.heading(L10n.t("What each side did"), level: 1)
        if brief { table(SummaryLayout.sideCounts(summary), into: &document) }
        for side in summary.sides where !brief {
            document.heading(SummaryLayout.sideTitle(summary, side), level: 2)
            document.paragraph(SummaryLayout.sideLine(side))
            if !side.reports.isEmpty { table(SummaryLayout.sideReports(side), into: &document) }
            if !side.evidence.isEmpty { table(SummaryLayout.sideEvidence(summary, side), into: &document) }
        }
        if !brief, !summary.jointStandings.isEmpty {
            document.heading(L10n.t("Where every party reported"), level: 2)
            table(SummaryLayout.jointStandings(summary), into: &document)
        }
        if summary.restrictedOmitted > 0 {
            document.paragraph(L10n.t("{1} restricted pieces of evidence left out.", summary.restrictedOmitted))
        }
        if brief { return writeBriefEnd(summary, into: &document) }

        document.heading(L10n.t("Text revisions ({1})", summary.textChanges.count), level: 1)
        if summary.textChanges.isEmpty { document.paragraph(L10n.t("None.")) }
        for change in summary.textChanges {
            document.paragraph([WordFile.Run(SummaryLayout.textChangeHeadline(change), bold: true)])
            for article in SummaryLayout.shortRedline(change.diff) {
                document.bullets([article.headline])
                for block in article.blocks {
                    switch block {
                    case .title(let title):
                        document.paragraph([WordFile.Run("\t" + L10n.t("Title:") + " ")] + Self.shown(title), style: "ListBullet")
                    case .text(let text):
                        document.paragraph([WordFile.Run("\t")] + Self.shown(text), style: "ListBullet")
                    case .clause(let label, let text):
                        document.paragraph([WordFile.Run("\t"), WordFile.Run(label + " ", bold: true)] + Self.shown(text), style: "ListBullet")
                    }
                }
            }
        }

        document.heading(L10n.t("Progress by area and party"), level: 1)
        let progress = SummaryLayout.progress(summary)
        if progress.rows.isEmpty { document.paragraph(L10n.t("Nothing tracked yet.")) } else { table(progress, into: &document) }

        document.heading(L10n.t("Gaps"), level: 1)
        let totals = GapLayout.totals(summary.gaps)
        document.paragraph(totals.prefix(1).uppercased() + totals.dropFirst() + ".")
        if !summary.gaps.gaps.isEmpty {
            table(SummaryLayout.gapSummary(summary), into: &document)
            let shown = SummaryLayout.shownGaps(summary)
            if let line = SummaryLayout.gapCapLine(summary, left: shown.left) { document.paragraph(line) }
            table(SummaryLayout.gapTable(shown.gaps), into: &document)
        }

        document.heading(L10n.t("Due before the next review"), level: 1)
        if let review = summary.nextReview {
            document.paragraph(L10n.t("Next review:") + " " + SummaryLayout.nextReview(review, summary))
            if review.dueBefore.isEmpty {
                document.paragraph(L10n.t("Nothing else falls due before it."))
            } else {
                table(SummaryLayout.due(review), into: &document)
            }
        } else {
            document.paragraph(L10n.t("No review is scheduled within the horizon."))
        }

        document.heading(L10n.t("Indicators"), level: 1)
        let indicators = SummaryLayout.indicatorTables(summary)
        if indicators.isEmpty { document.paragraph(L10n.t("No indicator values recorded.")) }
        for indicator in indicators {
            document.heading(indicator.title, level: 2)
            if let definition = indicator.definition { document.paragraph(definition) }
            table(indicator.table, into: &document)
            if !indicator.totals.isEmpty {
                document.paragraph(L10n.t("Reported totals and the yearly figures:"))
                document.bullets(indicator.totals)
            }
            if !indicator.sources.isEmpty {
                document.paragraph(L10n.t("Figures the sources give differently:"))
                document.bullets(indicator.sources)
            }
        }
        if !summary.planTargets.isEmpty {
            document.heading(L10n.t("Plan targets against what is recorded"), level: 2)
            let targets = SummaryLayout.planTargets(summary)
            if !targets.rows.isEmpty { table(targets, into: &document) }
            if let missing = SummaryLayout.unmeasuredTargets(summary) { document.paragraph(missing) }
        }

        document.heading(L10n.t("Draft agenda"), level: 1)
        for (index, item) in summary.agenda.enumerated() {
            document.paragraph("\(index + 1). " + item.title)
            document.bullets(item.points)
        }

        if summary.gapDetail == .all, !summary.gaps.gaps.isEmpty {
            document.heading(L10n.t("Annex: every gap"), level: 1)
            table(SummaryLayout.gapTable(summary.gaps.gaps, toClose: true), into: &document)
        }
        document.paragraph([WordFile.Run(SummaryLayout.footer(summary), italic: true)])
    }

    /// The brief's last part: the most serious gaps and the next review.
    private func writeBriefEnd(_ summary: ReviewSummary, into document: inout WordFile) {
        document.heading(L10n.t("Most serious gaps"), level: 1)
        let totals = GapLayout.totals(summary.gaps)
        document.paragraph(totals.prefix(1).uppercased() + totals.dropFirst() + ".")
        document.bullets(SummaryLayout.shownGaps(summary).gaps.prefix(SummaryLayout.briefGaps).map(SummaryLayout.briefGapLine))
        document.heading(L10n.t("Next review"), level: 1)
        document.paragraph(summary.nextReview.map { SummaryLayout.nextReview($0, summary) } ?? L10n.t("No review is scheduled within the horizon."))
        document.paragraph([WordFile.Run(SummaryLayout.footer(summary), italic: true)])
    }

    private func table(_ table: SummaryLayout.Table, into document: inout WordFile) {
        document.table(header: table.header, rows: table.rows, numeric: table.numeric)
    }

    /// A redline as formatting: deleted words struck through, inserted words underlined.
    static func shown(_ redline: Redline) -> [WordFile.Run] {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): WordFile.Run(text)
            case .deleted(let text): WordFile.Run(text, strike: true)
            case .inserted(let text): WordFile.Run(text, underline: true)
            }
        }
    }
}
