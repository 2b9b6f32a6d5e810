import AccordReports
import Foundation

/// Prints a read command's result: JSON with `--json`, else the terminal rendering.
enum Output {
    static func print<Report: Encodable>(_ report: Report, json: Bool, terminal: (TerminalStyle) -> String) throws {
        let text = json ? try JSONOutput.render(report) : terminal(TerminalStyle.forStandardOutput())
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
