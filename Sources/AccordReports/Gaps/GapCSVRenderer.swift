public import AccordCore

/// The gap report as CSV (docs/csv.md): one row per gap, in report order. The summary by
/// rule and party is left out: a spreadsheet's pivot table makes it from the rows.
public enum GapCSVRenderer {
    /// The report as CSV text.
    public static func render(_ report: GapReport) -> String { table(report).render() }

    /// The report as a table with typed columns: what `--csv` and `--format xlsx` write.
    public static func table(_ report: GapReport) -> CSVTable {
        var table = CSVTable(["rule", "severity", "item", "instrument", "title", "party", "since", "why", "to_close", "marks"],
                             kinds: ["since": .date])
        for gap in report.gaps {
            table.add([gap.rule.rawValue, gap.severity.rawValue, gap.item, gap.instrument, gap.title,
                       gap.party?.code ?? "both", gap.since?.description ?? "", CSVTable.list(gap.why), gap.toClose,
                       CSVTable.marks(gap.marks)])
        }
        return table
    }
}
