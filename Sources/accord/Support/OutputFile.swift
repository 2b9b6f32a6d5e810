import AccordCore
import AccordReports
import Foundation

/// Where a report goes: standard output, or a file given with `--output`.
enum OutputFile {
    /// A report file that could not be written (exit 73).
    struct Failure: AccordFailure {
        let message: String
        var exitStatus: ExitStatus { .cannotCreate }
    }

    /// Writes `text` to `path`, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            // On a terminal, the text of any format is shown with its control characters
            // visible; piped or redirected, the bytes go out as they are.
            let style = TerminalStyle.forStandardOutput()
            let shown = isatty(STDOUT_FILENO) == 1 ? TerminalText.visible(text, style: style) : text
            FileHandle.standardOutput.write(Data(shown.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
