import AccordCore
import AccordReports
import ArgumentParser
import Foundation

/// `--csv`, `--format` and `--output`, taken by the read commands whose answer is a table
/// (list, status, gaps, schedule): the same rows as RFC 4180 CSV, or as an Excel workbook
/// with typed cells (`--format xlsx`), columns in docs/csv.md.
struct CSVOption: ParsableArguments {
    /// What `--format` can ask for.
    enum TableFormat: String, ExpressibleByArgument, CaseIterable {
        case terminal, json, csv, xlsx
    }

    @Flag(help: "Print CSV (RFC 4180, UTF-8; columns documented in docs/csv.md) instead of a table.")
    var csv = false

    @Flag(help: "With --csv: start with a UTF-8 byte order mark, so Excel reads Vietnamese and Khmer text right.")
    var bom = false

    @Option(help: ArgumentHelp("terminal, json, csv or xlsx (an Excel workbook: give --output FILE).", valueName: "format"))
    var format: TableFormat?

    @Option(help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
    var output: String?

    /// Whether CSV was asked for, as `--csv` or `--format csv`.
    var isCSV: Bool { csv || format == .csv }

    /// Whether a workbook was asked for.
    var isWorkbook: Bool { format == .xlsx }

    /// Whether JSON was asked for, as `--json` or `--format json`.
    func isJSON(_ read: ReadOptions) -> Bool { read.json || format == .json }

    /// `text` as printed: after a byte order mark with `--bom`.
    func marked(_ text: String) -> String { bom ? "\u{FEFF}" + text : text }

    /// Refuses two formats at once (exit 64): one output has one format.
    func refuseWithJSON(_ read: ReadOptions) throws {
        if csv && read.json { throw ValidationError(L10n.t("give either --json or --csv, not both")) }
        if let format, (csv && format != .csv) || (read.json && format != .json) {
            throw ValidationError(L10n.t("give either --format or {1}, not both", csv ? "--csv" : "--json"))
        }
        if bom && !isCSV { throw ValidationError(L10n.t("--bom goes with --csv")) }
    }

    /// Writes a table report as these options ask: JSON, CSV (the first sheet), an .xlsx
    /// workbook of `sheets`, or the terminal rendering; to `--output` or standard output.
    func emit<Report: Encodable>(_ report: Report, context: TrackerContext, read: ReadOptions,
                                 sheets: () -> [SpreadsheetWorkbook.Sheet],
                                 terminal: (TerminalStyle) -> String) throws {
        if isWorkbook {
            return try context.console.write(SpreadsheetWorkbook(sheets()).data(), to: output, format: "xlsx")
        }
        let csv = isCSV ? marked(sheets().first?.table.render() ?? "") : nil
        if OutputPath.isStandardOutput(output) {
            return try context.console.show(report, json: isJSON(read), csv: csv, terminal: terminal)
        }
        let text = isJSON(read) ? try JSONOutput.render(report) : csv ?? terminal(context.console.style(for: output))
        try context.console.write(text, to: output)
    }
}
