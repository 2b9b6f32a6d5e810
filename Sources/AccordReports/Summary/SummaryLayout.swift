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
        /// Columns kept on one line (dates).
        var dates: Set<Int> = []
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

    /// The header's label and value pairs; a brief's leaves out who came.
    static func header(_ summary: ReviewSummary, brief: Bool = false) -> Table {
        var rows: [[String]] = [[L10n.t("Tracker"), summary.trackerName]]
        if let meeting = summary.meeting {
            rows.append([L10n.t("Meeting"), meeting.id.rawValue])
            rows.append([L10n.t("Date"), meeting.endDate.map { L10n.t("{1} to {2}", meeting.date, $0) } ?? meeting.date.description])
            rows.append([L10n.t("Venue"), meeting.venue ?? L10n.t("not recorded")])
            rows.append([L10n.t("Host"), partyName(summary, meeting.host)])
            if let body = meeting.body { rows.append([L10n.t("Body"), body]) }
            if !meeting.reviews.isEmpty { rows.append([L10n.t("Reviews held"), references(summary, meeting.reviews)]) }
            if !meeting.coChairs.isEmpty { rows.append([L10n.t("Co-chairs"), meeting.coChairs.joined(separator: "; ")]) }
            for delegation in meeting.delegations where !brief {
                rows.append([L10n.t("Delegation {1}", delegation.party), delegation.members.joined(separator: "; ")])
            }
            if !brief, !meeting.attendees.isEmpty {
                rows.append([meeting.delegations.isEmpty ? L10n.t("Attendees") : L10n.t("Also present"), meeting.attendees.joined(separator: "; ")])
            }
            if !meeting.minutesSignedBy.isEmpty { rows.append([L10n.t("Minutes signed by"), meeting.minutesSignedBy.joined(separator: "; ")]) }
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
            [$0.date.description, $0.target.description, $0.party.code, $0.from.displayName, $0.to.displayName,
             ProgressStyle.marked($0.summary, $0.marks)]
        })
    }

    static func evidence(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Date"), L10n.t("Evidence"), L10n.t("Kind"), L10n.t("Party"), L10n.t("Supports")],
              rows: summary.newEvidence.map {
            [$0.date.description, ProgressStyle.marked("\($0.title) (\($0.id))", $0.marks)
                + (summary.unverified?[$0.id.rawValue].map { L10n.t(", not verified: {1}", $0) } ?? ""),
             $0.kind, $0.party?.code ?? L10n.t("both"),
             references(summary, $0.supports.map(\.description))]
        })
    }

    /// Ids the summary refers to, each with the mark of what it names.
    static func references(_ summary: ReviewSummary, _ ids: [String]) -> String {
        ids.map { $0 + ProvenanceNotice.suffix(summary.referenceMarks[$0] ?? []) }.joined(separator: ", ")
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

    /// One row per area and party: what is settled, then the count of each status reported
    /// and of the items never reported on, in one cell so the area's title keeps its width.
    static func progress(_ summary: ReviewSummary) -> Table {
        var rows: [[String]] = []
        for area in summary.progress {
            for tally in area.parties where tally.total > 0 {
                var counts = statusColumns.compactMap { status in
                    tally.statuses[status].map { "\($0) \(status.displayName)" }
                }
                if tally.notReported > 0 { counts.append(L10n.t("{1} not reported", tally.notReported)) }
                rows.append([ProgressStyle.marked("\(area.id) \(area.title)", area.marks), tally.party.code,
                             "\(tally.settled)/\(tally.total)", Percentage.text(tally.settled, of: tally.total),
                             counts.joined(separator: ", ")])
            }
        }
        return Table(header: [L10n.t("Area"), L10n.t("Party"), L10n.t("Settled"), L10n.t("Share"), L10n.t("Statuses reported; not reported")], rows: rows, numeric: [2, 3])
    }

    /// `221 gaps: 85 high, 30 medium, 106 low.` as a sentence of the run's language.
    static func gapTotals(_ summary: ReviewSummary) -> String {
        let totals = GapLayout.totals(summary.gaps)
        return L10n.t("{1}.", totals.prefix(1).uppercased() + totals.dropFirst())
    }

    /// `text` cut at `limit` characters, on a word, with an ellipsis: long titles in tables.
    /// The tag of an untranslated text (`[en]`) is kept after the cut.
    static func short(_ text: String, _ limit: Int = 80) -> String {
        if let tag = untranslatedTag(in: text) {
            return short(String(text[..<tag]), limit) + text[tag...]
        }
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
    }

    /// Where the tag of an untranslated text starts when `text` ends in one: a space, then
    /// two lowercase ASCII letters in brackets. Read as bytes: a summary shortens every row.
    private static func untranslatedTag(in text: String) -> String.Index? {
        let utf8 = text.utf8
        guard utf8.count >= 5 else { return nil }
        let start = utf8.index(utf8.endIndex, offsetBy: -5)
        let tail = Array(utf8[start...])
        let letters = UInt8(ascii: "a")...UInt8(ascii: "z")
        guard tail[0] == UInt8(ascii: " "), tail[1] == UInt8(ascii: "["), letters.contains(tail[2]),
              letters.contains(tail[3]), tail[4] == UInt8(ascii: "]") else { return nil }
        return start
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

    // MARK: Action log

    /// `VN (Ministry of Public Security), KH (no agency named)`; `VN and KH together (...)`.
    static func owners(_ entry: ActionLogEntry) -> String {
        guard !entry.owners.isEmpty else { return L10n.t("nobody named") }
        let each = entry.owners.map { "\($0.party) (\($0.agency ?? L10n.t("no agency named")))" }
        return entry.joint ? L10n.t("{1} together", each.joined(separator: L10n.t(" and "))) : each.joined(separator: ", ")
    }

    /// What is on record: each party's latest report with its note, then the evidence.
    static func news(_ entry: ActionLogEntry) -> String {
        var parts = entry.news.map { news in
            L10n.t("{1} reported {2} on {3}", context: "date", news.party == .joint ? L10n.t("joint") : news.party.code, news.status.displayName, news.date)
                + (news.note.map { ": \($0)" } ?? "") + ProvenanceNotice.suffix(news.marks)
        }
        parts += entry.evidence.map { item in
            L10n.t("evidence {1} ({2}): {3}", item.id, item.date, item.title) + ProvenanceNotice.suffix(item.marks)
        }
        return parts.isEmpty ? L10n.t("nothing on record") : parts.joined(separator: "; ")
    }

    static func flags(_ entry: ActionLogEntry) -> String {
        entry.flags.isEmpty ? "" : entry.flags.map(\.label).joined(separator: ", ")
    }

    /// The previous meeting's decisions as they stand.
    static func followUp(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Decision"), L10n.t("Owners"), L10n.t("Due"), L10n.t("Standing"), L10n.t("On record")], rows: summary.followUp.map { entry in
            [ProgressStyle.marked("\(entry.decision): \(entry.text)", entry.marks), owners(entry),
             entry.due?.description ?? L10n.t("none"), entry.followUp.label + (entry.flags.isEmpty ? "" : " (\(flags(entry)))"), news(entry)]
        })
    }

    /// One line of a brief: `2: Strengthen staff training… — late; VN partial (2017-12-20), KH partial (2017-12-20)`.
    static func followUpLine(_ entry: ActionLogEntry) -> String {
        let news = entry.news.map { "\($0.party == .joint ? L10n.t("joint") : $0.party.code) \($0.status.displayName) (\($0.date))" }
        return ProgressStyle.marked("\(entry.decision): \(short(entry.text, 70))", entry.marks) + " — \(entry.followUp.label)"
            + (entry.flags.isEmpty ? "" : " (\(flags(entry)))") + (news.isEmpty ? "" : "; " + news.joined(separator: ", "))
    }

    /// `Decisions of <previous meeting>: 2 done, 1 late.`, or that none were recorded.
    static func followUpHeadline(_ summary: ReviewSummary, _ previous: String) -> String {
        summary.followUp.isEmpty
            ? L10n.t("Decisions of {1}: none recorded.", previous)
            : L10n.t("Decisions of {1}: {2}.", previous, followUpCounts(summary.followUp))
    }

    /// A brief's gap: `high: Overdue, tip-2005#7.2 (VN) since 2019-06-30`.
    static func briefGapLine(_ gap: Gap) -> String {
        "\(gap.severity.displayName): \(gap.rule.title), \(gap.item) (\(gap.party?.code ?? L10n.t("both")))"
            + (gap.since.map { " " + L10n.t("since {1}", $0) } ?? "") + ProvenanceNotice.suffix(gap.marks)
    }

    /// `2 done, 1 late, 3 no news`.
    static func followUpCounts(_ entries: [ActionLogEntry]) -> String {
        ActionLogEntry.FollowUp.allCases.compactMap { state in
            let count = entries.count { $0.followUp == state }
            return count == 0 ? nil : "\(count) \(state.label)"
        }.joined(separator: ", ")
    }

    /// This meeting's decisions with owners, due dates and what is missing.
    static func actionLog(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Decision"), L10n.t("Owners"), L10n.t("Due"), L10n.t("Missing")], rows: summary.actionLog.map { entry in
            [ProgressStyle.marked("\(entry.decision): \(entry.text)", entry.marks), owners(entry),
             entry.due?.description ?? L10n.t("none"), flags(entry)]
        })
    }

    // MARK: What each side did

    static func sideTitle(_ summary: ReviewSummary, _ side: ReviewSummary.Side) -> String {
        side.party == .joint ? L10n.t("Both parties together") : partyName(summary, side.party)
    }

    /// `12 reports and 1 piece of evidence in the period; never reported on 20 of 58 items it is bound by.`
    static func sideLine(_ side: ReviewSummary.Side) -> String {
        let reports = side.reports.count == 1 ? L10n.t("1 report") : L10n.t("{1} reports", side.reports.count)
        let evidence = side.evidence.count == 1 ? L10n.t("1 piece of evidence") : L10n.t("{1} pieces of evidence", side.evidence.count)
        var text = L10n.t("{1} and {2} in the period", reports, evidence)
        if side.bound > 0 {
            text += L10n.t("; not reported on {1} of the {2} items it is bound by (no report is not the same as not started)",
                           side.notReported, side.bound)
        }
        return text + "."
    }

    /// The brief's view of the sides: counts only.
    static func sideCounts(_ summary: ReviewSummary) -> Table {
        Table(header: [L10n.t("Party"), L10n.t("Reports"), L10n.t("Evidence"), L10n.t("Items never reported on")], rows: summary.sides.map { side in
            [sideTitle(summary, side), String(side.reports.count), String(side.evidence.count),
             side.bound > 0 ? L10n.t("{1} of {2}", side.notReported, side.bound) : ""]
        }, numeric: [1, 2, 3])
    }

    static func sideReports(_ side: ReviewSummary.Side) -> Table {
        Table(header: [L10n.t("Date"), L10n.t("Item"), L10n.t("Status"), L10n.t("What the party reported")], rows: side.reports.map { report in
            [report.date.description, ProgressStyle.marked("\(report.target) \(short(report.summary, 60))", report.marks),
             report.from == report.status ? L10n.t("{1} (unchanged)", report.status.displayName) : "\(report.from.displayName) → \(report.status.displayName)",
             report.note ?? L10n.t("no note")]
        }, dates: [0])
    }

    static func sideEvidence(_ summary: ReviewSummary, _ side: ReviewSummary.Side) -> Table {
        Table(header: [L10n.t("Date"), L10n.t("Evidence"), L10n.t("Supports"), L10n.t("Note")], rows: side.evidence.map { item in
            [item.date.description, ProgressStyle.marked("\(item.title) (\(item.id), \(item.kind))", item.marks)
                + (summary.unverified?[item.id.rawValue].map { L10n.t(", not verified: {1}", $0) } ?? ""),
             references(summary, item.supports.map(\.description)), short(item.note ?? "", 160)]
        }, dates: [0])
    }

    /// Items on which each party bound reported: the statuses side by side and whether they agree.
    static func jointStandings(_ summary: ReviewSummary) -> Table {
        let parties = summary.parties.map(\.code)
        return Table(header: [L10n.t("Item")] + parties.map(\.code) + [L10n.t("Agreed")], rows: summary.jointStandings.map { standing in
            [ProgressStyle.marked(standing.target.description, standing.marks)]
                + parties.map { party in standing.statuses.first { $0.party == party }.map { "\($0.status.displayName) (\($0.date))" } ?? "" }
                + [standing.agreed?.displayName ?? L10n.t("differ")]
        })
    }

    // MARK: Gaps

    /// How many gaps a summary shows by default, and a brief.
    static let gapCap = 10, briefGaps = 5

    /// The gaps printed in the body: the most serious and, within a severity, the most recent
    /// first, up to ``gapCap``, with how many are left out (with `--gaps all` the annex lists
    /// every one).
    static func shownGaps(_ summary: ReviewSummary) -> (gaps: [Gap], left: Int) {
        let ordered = summary.gaps.gaps.enumerated().sorted { lhs, rhs in
            if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
            // The most recent first: what slipped since the last meeting is what this one must take up.
            let left = lhs.element.since ?? .first, right = rhs.element.since ?? .first
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        let shown = Array(ordered.prefix(gapCap))
        return (shown, ordered.count - shown.count)
    }

    /// `Showing the 15 most serious and most recent of 64 gaps; accord summary --gaps all lists every one in an annex.`
    static func gapCapLine(_ summary: ReviewSummary, left: Int) -> String? {
        guard left > 0 else { return nil }
        let total = summary.gaps.gaps.count
        return summary.gapDetail == .all
            ? L10n.t("The {1} most serious and most recent of {2} gaps; the annex lists every one.", total - left, total)
            : L10n.t("The {1} most serious and most recent of {2} gaps; {3} more (accord summary --gaps all lists every one in an annex).", total - left, total, left)
    }

    /// The gaps as a table; `toClose` adds what would close each (the annex has room for it).
    static func gapTable(_ gaps: [Gap], toClose: Bool = false) -> Table {
        Table(header: [L10n.t("Severity"), L10n.t("Gap"), L10n.t("Item"), L10n.t("Party"), L10n.t("Since"), L10n.t("Why")] + (toClose ? [L10n.t("To close")] : []), rows: gaps.map { gap in
            [gap.severity.displayName, gap.rule.title, ProgressStyle.marked("\(gap.item) \(short(gap.title, 60))", gap.marks),
             gap.party?.code ?? L10n.t("both"), gap.since?.description ?? "", gap.why.joined(separator: "; ")] + (toClose ? [gap.toClose] : [])
        }, dates: [4])
    }

    static func gapSummary(_ summary: ReviewSummary) -> Table {
        let header = GapLayout.summaryHeader(summary.gaps)
        return Table(header: header, rows: GapLayout.summaryRows(summary.gaps), numeric: Set(2..<header.count))
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
                    + point.attributions.enumerated().map { index, attribution in
                        "[\(index + 1)] \(SVGChart.format(attribution.value)) — " + [attribution.party?.code, attribution.source ?? L10n.t("evidence {1}", attribution.evidence)]
                            .compactMap { $0 }.joined(separator: ", ")
                    }.joined(separator: "; ")
            }
        }
    }

    /// The distinct figures of a period, each with who gave it: the party and the number of
    /// its source in the list under the table (`VN, source 2`).
    static func figures(_ point: ReviewSummary.IndicatorPoint) -> [(value: Double, by: String)] {
        var seen = Set<Double>()
        return point.attributions.enumerated().compactMap { index, attribution in
            guard seen.insert(attribution.value).inserted else { return nil }
            return (attribution.value, [attribution.party?.code, L10n.t("source {1}", index + 1)].compactMap { $0 }.joined(separator: ", "))
        }
    }

    /// `Warning: Viet Nam's ten provinces…, 2015-2019: the reported total is 394, the yearly figures add up to 445.`
    static func totalChecks(_ series: [ReviewSummary.IndicatorSeries]) -> [String] {
        series.flatMap { series in
            series.totals.map { check in
                let scope = series.scopeTitle ?? series.scope ?? L10n.t("all")
                let sum = SVGChart.format(check.computed), total = SVGChart.format(check.reported)
                if check.agrees { return L10n.t("{1}, {2}: the reported total {3} equals the sum of the yearly figures.", scope, check.period, total) }
                if !check.missingYears.isEmpty {
                    return L10n.t("{1}, {2}: reported total {3}; the yearly figures recorded add up to {4}, with no figure for {5}.",
                                  scope, check.period, total, sum, check.missingYears.joined(separator: ", "))
                }
                return warningPrefix + L10n.t("{1}, {2}: the reported total is {3} but the yearly figures add up to {4} (a difference of {5}); check the source before quoting either.",
                                              scope, check.period, total, sum, SVGChart.format(check.computed - check.reported))
            }
        }
    }

    /// The chart's lines for one scope: one per party when more than one party gives figures
    /// (each line the party's figure of the year), else one named after the scope and
    /// the party that gives them, so every line says whose figures it draws.
    static func chartLines(_ series: ReviewSummary.IndicatorSeries, years: [String]) -> [SVGChart.Series] {
        let scope = series.scopeTitle ?? series.scope ?? L10n.t("all")
        func figures(_ point: ReviewSummary.IndicatorPoint) -> [(value: Double, party: PartyCode?)] {
            point.attributions.isEmpty ? [(point.value, point.party)] : point.attributions.map { ($0.value, $0.party) }
        }
        let points = years.map { year in series.points.first { $0.period == year } }
        let parties = Array(Set(points.compactMap { $0 }.flatMap { figures($0).compactMap { $0.party } })).sorted()
        guard parties.count > 1 else {
            return [SVGChart.Series(name: scope + (parties.first.map { " (\($0))" } ?? ""), values: points.map { $0?.value })]
        }
        return parties.map { party in
            SVGChart.Series(name: "\(scope) (\(party))", values: points.map { point in
                // The table's figure where it is this party's, else the party's latest.
                point.flatMap { $0.party == party ? $0.value : figures($0).last { $0.party == party }?.value }
            })
        }
    }

    /// Each figure split by sex, age group or form of exploitation, next to the figure and
    /// its source; a warning where the parts do not add up to the figure.
    static func breakdowns(_ series: [ReviewSummary.IndicatorSeries]) -> [(text: String, warning: Bool)] {
        series.flatMap { series in
            series.points.flatMap { point in
                point.breakdowns.map { figure -> (text: String, warning: Bool) in
                    let scope = series.scopeTitle ?? series.scope ?? L10n.t("all")
                    let parts = figure.parts.map { "\($0.category) \(SVGChart.format($0.value))" }.joined(separator: ", ")
                    let by = [figure.party?.code, figure.source ?? L10n.t("evidence {1}", figure.evidence)].compactMap { $0 }
                        .joined(separator: ", ")
                    let marks = ProvenanceNotice.suffix(point.marks)
                    if figure.agrees {
                        return (L10n.t("{1}, {2}: {3} by {4}: {5} ({6})", point.period, scope, SVGChart.format(figure.value),
                                       figure.dimension.label, parts, by) + marks, false)
                    }
                    return (L10n.t("Warning: {1}, {2}: {3} by {4}: {5}; the parts add up to {6}, not {3} ({7}); check the source before quoting either.",
                                   point.period, scope, SVGChart.format(figure.value), figure.dimension.label, parts,
                                   SVGChart.format(figure.sum), by) + marks, true)
                }
            }
        }
    }

    /// The registers' answer times (see ``RegisterLayout``).
    static func registers(_ summary: ReviewSummary) -> Table {
        Table(header: RegisterLayout.header, rows: RegisterLayout.rows(summary.registers), numeric: RegisterLayout.numeric)
    }

    /// What starts a total check that disagrees; the HTML marks such lines.
    static var warningPrefix: String { L10n.t("Warning:") + " " }

    /// Plan targets with a value recorded: target against the latest value.
    static func planTargets(_ summary: ReviewSummary) -> Table {
        // The latest value is shown with its scope and period, not as a share of the target:
        // a target may count a scope or a span the value does not.
        Table(header: [L10n.t("Plan item"), L10n.t("Indicator"), L10n.t("Target"), L10n.t("Latest value recorded")], rows: summary.planTargets.compactMap { entry in
            guard let actual = entry.actual else { return nil }
            let unit = entry.unit.map { " \($0)" } ?? ""
            let context = [entry.scope, entry.period, entry.evidence?.rawValue].compactMap { $0 }.joined(separator: ", ")
            return [ProgressStyle.marked(entry.item.description, entry.marks), entry.title, SVGChart.format(entry.target) + unit,
                    SVGChart.format(actual) + unit + (context.isEmpty ? "" : " (\(context))")]
        }, numeric: [2])
    }

    /// `23 of 30 plan targets have no value recorded (…)`.
    static func unmeasuredTargets(_ summary: ReviewSummary) -> String? {
        let missing = summary.planTargets.count { $0.actual == nil }
        guard missing > 0 else { return nil }
        return L10n.t("{1} of {2} plan targets have no value recorded yet (the JSON's planTargets lists them).", missing, summary.planTargets.count)
    }

    static func indicatorTables(_ summary: ReviewSummary)
        -> [(title: String, table: Table, years: [String], series: [SVGChart.Series], sources: [String], totals: [String],
             breakdowns: [(text: String, warning: Bool)], targets: [SVGChart.Target], description: String, definition: String?)] {
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
                    // Figures that disagree stand side by side, each with who gave it (listed below the table).
                    let distinct = Set(point.attributions.map(\.value))
                    let text = distinct.count > 1
                        ? figures(point).map { "\(SVGChart.format($0.value)) (\($0.by))" }.joined(separator: " / ")
                        : SVGChart.format(point.value)
                    return text + ProvenanceNotice.suffix(point.marks)
                }
            }
            let title = all[0].title + (all[0].unit.map { " (\($0))" } ?? "")
            let years = periods.filter { $0.count == 4 && Int($0) != nil }
            let lines = all.flatMap { chartLines($0, years: years) }
            let targets = summary.planTargets.filter { $0.indicator == id }.map { target in
                SVGChart.Target(label: L10n.t("target {1} ({2})", SVGChart.format(target.target), target.item.description)
                                    + ProvenanceNotice.suffix(target.marks),
                                value: target.target)
            }
            let description = L10n.t("{1}, by year, as each party's evidence gives it:", all[0].title) + " "
                + lines.map { line in
                    line.name + ": " + zip(years, line.values).compactMap { year, value in value.map { "\(year) \(SVGChart.format($0))" } }
                        .joined(separator: ", ")
                }.joined(separator: "; ")
                + (targets.isEmpty ? "" : "; " + targets.map(\.label).joined(separator: "; "))
            return (title, Table(header: [L10n.t("Scope")] + periods, rows: rows, numeric: Set(1...max(1, periods.count))),
                    years, lines, attributions(all), totalChecks(all), breakdowns(all), targets, description,
                    all[0].definition.map { L10n.t("Definition: {1}", $0) })
        }
    }

    static func footer(_ summary: ReviewSummary) -> String {
        var text = L10n.t("Generated by accord from the tracker as of {1}.", summary.asOf)
        if L10n.language != .english {
            text += " " + L10n.t("A record's text followed by a language tag, such as [en], has no translation on record and is shown as written.")
        }
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
