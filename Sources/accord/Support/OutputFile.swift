import AccordCore
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
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
