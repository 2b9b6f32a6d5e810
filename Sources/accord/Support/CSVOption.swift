import ArgumentParser

/// `--csv`, taken by the read commands whose answer is a table (list, status, gaps,
/// schedule): the same rows as RFC 4180 CSV for a spreadsheet, columns in docs/csv.md.
struct CSVOption: ParsableArguments {
    @Flag(help: "Print CSV (RFC 4180, UTF-8; columns documented in docs/csv.md) instead of a table.")
    var csv = false

    @Flag(help: "With --csv: start with a UTF-8 byte order mark, so Excel reads Vietnamese and Khmer text right.")
    var bom = false

    /// `text` as printed: after a byte order mark with `--bom`.
    func marked(_ text: String) -> String { bom ? "\u{FEFF}" + text : text }

    /// Refuses `--csv` together with `--json` (exit 64): one output has one format.
    func refuseWithJSON(_ read: ReadOptions) throws {
        if csv && read.json { throw ValidationError("give either --json or --csv, not both") }
        if bom && !csv { throw ValidationError("--bom goes with --csv") }
    }
}
