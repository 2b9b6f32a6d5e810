public import AccordCore

/// The gap report for a terminal: each gap with its severity, rule, item and party, the
/// facts behind it and what would close it; then the summary by rule and party.
public struct GapTerminalRenderer: Sendable {
    /// The style (colour or not).
    public var style: TerminalStyle

    /// A renderer.
    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    /// The report as text; with `summaryOnly`, the totals and the table by rule and party
    /// without the gaps themselves.
    public func render(_ report: GapReport, summaryOnly: Bool = false) -> String {
        var out = ProgressStyle.banner(report.notice, style: style)
            + style.bold(L10n.t("Gaps at {1}", report.asOf)) + ": " + GapLayout.totals(report) + "\n"
        for gap in report.gaps where !summaryOnly {
            let severity = gap.severity.displayName.uppercased()
            let coloured = gap.severity == .high ? style.red(severity) : gap.severity == .medium ? style.yellow(severity) : style.dim(severity)
            out += "\n\(coloured) \(gap.rule.rawValue)  \(style.bold(gap.item))  \(gap.party?.code ?? L10n.t("both"))"
                + ProvenanceNotice.suffix(gap.marks) + "\n"
            out += "    \(ProgressStyle.marked(gap.title, gap.marks))\n"
            out += "    " + L10n.t("why: {1}", gap.why.joined(separator: "; ")) + "\n"
            out += "    " + L10n.t("to close: {1}", gap.toClose) + "\n"
        }
        out += "\n" + style.bold(L10n.t("Gaps by rule and party")) + "\n"
        var table = TextTable(GapLayout.summaryHeader(report).enumerated().map { .init($1, $0 < 2 ? .left : .right) })
        for row in GapLayout.summaryRows(report) { table.add(row) }
        out += table.render(style: style)
        return out
    }
}

/// The words and tables every gap format shares.
enum GapLayout {
    /// `57 gaps: 12 high, 30 medium, 15 low`, or `no gaps`.
    static func totals(_ report: GapReport) -> String {
        guard !report.gaps.isEmpty else { return L10n.t("no gaps") }
        let counts = GapSeverity.allCases.reversed().map { "\(report.count(of: $0)) \($0.displayName)" }
        return (report.gaps.count == 1 ? L10n.t("1 gap") : L10n.t("{1} gaps", report.gaps.count)) + ": " + counts.joined(separator: ", ")
    }

    /// The columns of the summary: rule, severity, each party, both, total.
    static func summaryHeader(_ report: GapReport) -> [String] {
        [L10n.t("Rule"), L10n.t("Severity")] + report.parties.map(\.code) + [L10n.t("Both"), L10n.t("Total")]
    }

    /// One row per rule with gaps, then the totals row.
    static func summaryRows(_ report: GapReport) -> [[String]] {
        let rules = report.summary.map(\.rule).reduce(into: [GapRule]()) { if !$0.contains($1) { $0.append($1) } }
        func cells(_ counts: [GapReport.Count]) -> [String] {
            let perParty = report.parties.map { party in counts.filter { $0.party == party }.map(\.count).reduce(0, +) }
            let both = counts.filter { $0.party == nil }.map(\.count).reduce(0, +)
            return (perParty + [both, counts.map(\.count).reduce(0, +)]).map(String.init)
        }
        var rows = rules.map { rule in [rule.rawValue, rule.severity.displayName] + cells(report.summary.filter { $0.rule == rule }) }
        rows.append([L10n.t("total"), ""] + cells(report.summary))
        return rows
    }
}
