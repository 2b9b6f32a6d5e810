import AccordReports
import Foundation

/// Prints a read command's result: JSON with `--json`, the CSV text when given (`--csv`),
/// else the terminal rendering.
enum Output {
    static func print<Report: Encodable>(_ report: Report, json: Bool, csv: String? = nil,
                                         terminal: (TerminalStyle) -> String) throws {
        if json {
            FileHandle.standardOutput.write(Data(try JSONOutput.render(report).utf8))
        } else if let csv {
            try OutputFile.write(csv, to: nil)
        } else {
            let style = TerminalStyle.forStandardOutput()
            self.terminal(terminal(style), style: style)
        }
    }

    /// Prints a terminal rendering with every control character a record could carry
    /// made visible (`TerminalText`).
    static func terminal(_ text: String, style: TerminalStyle) {
        FileHandle.standardOutput.write(Data(TerminalText.visible(text, style: style).utf8))
    }
}
