import AccordCore

/// What the review summary says, section by section, as titles, tables and lists of
/// plain text; the Markdown and HTML renderers only format these, so both formats always
/// carry the same content.
enum SummaryLayout {
    /// A table of plain-text cells; `numeric` marks right-aligned columns.
    struct Table {
        var header: [String]
        var rows: [[String]]
        var numeric: Set<Int> = []
    }

    /// How many changed articles (and clauses in each) a short redline shows.
    static let redlineArticles = 3, redlineBlocks = 4

    static func title(_ summary: ReviewSummary) -> String {
        summary.meeting.map { L10n.t("Review summary: {1}", $0.title) } ?? L10n.t("Review summary at {1}", summary.asOf)
    }

    static func partyName(_ summary: ReviewSummary, _ code: PartyCode?) -> String {
        guard let code else { return L10n.t("not recorded") }
        return summary.parties.first { $0.code == code }.map { "\($0.name) (\(code))" } ?? code.code
    }

    /// The header's label and value pairs.
    static func header(_ summary: ReviewSummary) -> Table {
        var rows: [[String]] = [[L10n.t("Tracker"), summary.trackerName]]
        if let meeting = summary.meeting {
            rows.append([L10n.t("Meeting"), meeting.id.rawValue])
            rows.append([L10n.t("Date"), meeting.endDate.map { L10n.t("{1} to {2}", meeting.date, $0) } ?? meeting.date.description])
            rows.append([L10n.t("Venue"), meeting.venue ?? L10n.t("not recorded")])
            rows.append([L10n.t("Host"), partyName(summary, meeting.host)])
            if !meeting.reviews.isEmpty { rows.append([L10n.t("Reviews held"), meeting.reviews.joined(separator: ", ")]) }
        }
        rows.append([L10n.t("Parties"), summary.parties.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")])
        let period: String
        switch (summary.since, summary.previousMeeting) {
        case (let since?, let previous?): period = L10n.t("after {1} (previous meeting {2}) to {3}", since, previous, summary.asOf)
        case (let since?, nil): period = L10n.t("after {1} to {2}", since, summary.asOf)
        case (nil, _): period = L10n.t("from the start to {1}", summary.asOf)
        }
        rows.append([L10n.t("Period"), period])
        return Table(header: ["", ""], rows: rows)
    }

    static func statusChanges(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Date"), L10n.t("Item"), L10n.t("Party"), L10n.t("From"), L10n.t("To"), L10n.t("What")],
              rows: summary.statusChanges.map {
            [$0.date.description, $0.target.description, $0.party.code, $0.from.rawValue, $0.to.rawValue,
             ProgressStyle.marked($0.summary, $0.marks)]
        })
    }

    static func evidence(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Date"), L10n.t("Evidence"), L10n.t("Kind"), L10n.t("Party"), L10n.t("Supports")],
              rows: summary.newEvidence.map {
            [$0.date.description, ProgressStyle.marked("\($0.title) (\($0.id))", $0.marks)
                + (summary.unverified?[$0.id.rawValue].map { L10n.t(", not verified: {1}", $0) } ?? ""),
             $0.kind, $0.party?.code ?? L10n.t("both"),
             $0.supports.map(\.description).joined(separator: ", ")]
        })
    }

    /// `tip-2005 (en), 2012-09-28, tip-2005@2012-09-28: 3 of 12 articles changed …`.
    static func textChangeHeadline(_ change: ReviewSummary.TextChange) -> String {
        "\(change.instrument) text.\(change.language).md, \(change.date), \(change.revision): \(DiffLayout.summary(change.diff))"
    }

    /// The first changed articles with their first changed blocks: the short redline.
    static func shortRedline(_ diff: InstrumentDiff) -> [(headline: String, blocks: [DiffLayout.Block])] {
        diff.changedArticles.prefix(redlineArticles).map { change in
            (DiffLayout.headline(change), Array(DiffLayout.blocks(change).filter { block in
                if case .clause(let label, let text) = block { return text.isChanged || label.contains("(") }
                return true
            }.prefix(redlineBlocks)))
        }
    }

    /// Statuses in the order the progress table shows them.
    static let statusColumns: [Status] = [.implemented, .partial, .inProgress, .blocked, .notStarted, .notApplicable]

    static func progress(_ summary: ReviewSummary) -> Table {
        var rows: [[String]] = []
        for area in summary.progress {
            for tally in area.parties where tally.total > 0 {
                rows.append([ProgressStyle.marked("\(area.id) \(area.title)", area.marks), tally.party.code]
                    + statusColumns.map { String(tally.statuses[$0] ?? 0) }
                    + ["\(tally.settled)/\(tally.total)", Percentage.text(tally.settled, of: tally.total)])
            }
        }
        return Table(header: [L10n.t("Area"), L10n.t("Party"), L10n.t("Implemented"), L10n.t("Partial"), L10n.t("In progress"),
                             L10n.t("Blocked"), L10n.t("Not started"), L10n.t("N/A"), L10n.t("Settled"), L10n.t("Share")],
                     rows: rows, numeric: Set(2...9))
    }

    /// The bar chart's categories and one series per party (percent settled).
    static func progressChart(_ summary: ReviewSummary) -> (categories: [String], series: [SVGChart.Series]) {
        let areas = summary.progress.filter { $0.parties.contains { $0.total > 0 } }
        let series = summary.parties.map { party in
            SVGChart.Series(name: party.code.code, values: areas.map { area in
                area.parties.first { $0.party == party.code && $0.total > 0 }.map {
                    Double(Percentage.rounded($0.settled, of: $0.total))
                }
            })
        }
        return (areas.map { "\($0.id) \($0.title)" }, series)
    }

    /// A text bar for Markdown: `██████░░░░ 60%`.
    static func textBar(_ percent: Int) -> String {
        let filled = percent / 10
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + " " + Percentage.text(percent)
    }

    static func gapSummary(_ summary: ReviewSummary) -> Table {
        let header = GapLayout.summaryHeader(summary.gaps)
        return Table(header: header, rows: GapLayout.summaryRows(summary.gaps), numeric: Set(2..<header.count))
    }

    /// The gaps of each rule, in report order.
    static func gapsByRule(_ summary: ReviewSummary) -> [(rule: GapRule, gaps: [Gap])] {
        var order: [GapRule] = []
        var grouped: [GapRule: [Gap]] = [:]
        for gap in summary.gaps.gaps {
            if grouped[gap.rule] == nil { order.append(gap.rule) }
            grouped[gap.rule, default: []].append(gap)
        }
        return order.map { ($0, grouped[$0]!) }
    }

    static func gapLine(_ gap: Gap) -> (item: String, text: String, close: String) {
        ("\(gap.item) (\(gap.party?.code ?? L10n.t("both")))", ProgressStyle.marked("\(gap.title) — \(gap.why.joined(separator: "; "))", gap.marks),
         gap.toClose)
    }

    static func nextReview(_ review: ReviewSchedule.Review, _ summary: ReviewSummary) -> String {
        let what = "\(review.title) (\(review.instrument)/\(review.cycle))"
        return ProgressStyle.marked(review.host.map { L10n.t("{1} on {2}, hosted by {3}.", what, review.date, partyName(summary, $0)) }
                                        ?? L10n.t("{1} on {2}.", what, review.date), review.marks)
    }

    static func due(_ review: ReviewSchedule.Review) -> Table {
        Table(header: [L10n.t("Due"), L10n.t("Item"), L10n.t("Parties"), L10n.t("What")], rows: review.dueBefore.map {
            [$0.date.description, $0.target.description, $0.parties.map(\.code).joined(separator: ", "),
             ProgressStyle.marked($0.summary, $0.marks)]
        })
    }

    /// Indicators grouped by indicator: one table each, scopes as rows and periods as columns.
    /// The banner, when the summary uses marked records.
    static func notice(_ summary: ReviewSummary) -> String? { summary.notice?.text }

    /// The meeting's decisions, each with the meeting's marks.
    static func decisions(_ meeting: ReviewSummary.MeetingInfo) -> [String] {
        meeting.decisions.map { ProgressStyle.marked($0, meeting.marks) }
    }

    /// `2016, Viet Nam, nationwide: 354 (source A); 383 (source B)` for each period whose
    /// figures differ between sources, so that each figure is shown with who gave it.
    static func attributions(_ series: [ReviewSummary.IndicatorSeries]) -> [String] {
        series.flatMap { series in
            series.points.filter { point in Set(point.attributions.map(\.value)).count > 1 }.map { point in
                "\(point.period), \(series.scopeTitle ?? series.scope ?? L10n.t("all")): "
                    + point.attributions.map { "\(SVGChart.format($0.value)) (\($0.source ?? L10n.t("evidence {1}", $0.evidence)))" }
                    .joined(separator: "; ")
            }
        }
    }

    static func indicatorTables(_ summary: ReviewSummary)
        -> [(title: String, table: Table, years: [String], series: [SVGChart.Series], sources: [String])] {
        var order: [String] = []
        var grouped: [String: [ReviewSummary.IndicatorSeries]] = [:]
        for series in summary.indicators {
            if grouped[series.indicator] == nil { order.append(series.indicator) }
            grouped[series.indicator, default: []].append(series)
        }
        return order.map { id in
            let all = grouped[id]!
            let periods = Array(Set(all.flatMap { $0.points.map(\.period) })).sorted()
            let rows = all.map { series in
                [series.scopeTitle ?? series.scope ?? L10n.t("all")] + periods.map { period in
                    guard let point = series.points.first(where: { $0.period == period }) else { return "" }
                    let others = point.otherValues.map(SVGChart.format)
                    return SVGChart.format(point.value) + (others.isEmpty ? "" : " " + L10n.t("(also {1})", others.joined(separator: ", ")))
                        + ProvenanceNotice.suffix(point.marks)
                }
            }
            let title = all[0].title + (all[0].unit.map { " (\($0))" } ?? "")
            let years = periods.filter { $0.count == 4 && Int($0) != nil }
            let lines = all.map { series in
                SVGChart.Series(name: series.scopeTitle ?? series.scope ?? L10n.t("all"), values: years.map { year in
                    series.points.first { $0.period == year }?.value
                })
            }
            return (title, Table(header: [L10n.t("Scope")] + periods, rows: rows, numeric: Set(1...max(1, periods.count))),
                    years, lines, attributions(all))
        }
    }

    static func footer(_ summary: ReviewSummary) -> String {
        var text = L10n.t("Generated by accord from the tracker as of {1}.", summary.asOf)
        if summary.restrictedOmitted > 0 {
            text += " " + (summary.restrictedOmitted == 1
                ? L10n.t("1 restricted piece of evidence left out (--include-restricted shows them).")
                : L10n.t("{1} restricted pieces of evidence left out (--include-restricted shows them).", summary.restrictedOmitted))
        }
        if let unverified = summary.unverified, !unverified.isEmpty {
            text += " " + (unverified.count == 1
                ? L10n.t("1 record is not signed by their party (accord verify --signatures lists them).")
                : L10n.t("{1} records are not signed by their party (accord verify --signatures lists them).", unverified.count))
        }
        return text
    }
}
