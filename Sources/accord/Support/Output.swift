import AccordReports
import Foundation

/// Prints a read command's result: JSON with `--json`, the CSV text when given (`--csv`),
/// else the terminal rendering.
enum Output {
    static func print<Report: Encodable>(_ report: Report, json: Bool, csv: String? = nil,
                                         terminal: (TerminalStyle) -> String) throws {
        let text = json ? try JSONOutput.render(report) : csv ?? terminal(TerminalStyle.forStandardOutput())
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
