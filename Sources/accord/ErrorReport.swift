import AccordCore
import ArgumentParser
import Foundation
import GitStore

/// Turns any error a command throws into the one line a user reads and the sysexits code
/// the documentation promises. This is the only place exit codes are chosen.
struct ErrorReport {
    let message: String
    let exitCode: Int32

    /// The report for any error a command throws. An error accord does not know is a bug:
    /// exit 70, with what the error says, so the user can report it.
    init(_ error: any Error) {
        switch error {
        case let error as AccordError:
            message = error.message
            exitCode = error.exitStatus.rawValue
        case let error as any AccordFailure:
            self = ErrorReport(error.accordError)
        case let error as GitError:
            self = ErrorReport(AccordError(error))
        case let error as CocoaError:
            message = error.localizedDescription.prefix(1).lowercased() + error.localizedDescription.dropFirst()
            exitCode = [.fileNoSuchFile, .fileReadNoSuchFile].contains(error.code)
                ? ExitStatus.noInput.rawValue : ExitStatus.ioError.rawValue
        case let error as ValidationError:
            self = ErrorReport(usage: error.message)
        default:
            message = L10n.t("internal error: {1}; please report it", String(describing: error))
            exitCode = ExitStatus.software.rawValue
        }
    }

    /// The report for an error accord knows (its own, git's, the file system's, a check of
    /// the command line); nil for any other, which may be ArgumentParser's (help asked for).
    static func known(_ error: any Error) -> ErrorReport? {
        switch error {
        case is AccordError, is any AccordFailure, is GitError, is CocoaError, is ValidationError: ErrorReport(error)
        default: nil
        }
    }

    /// A wrong command line (exit 64). ArgumentParser's own wording is kept (a date option
    /// names its form, `<yyyy-mm-dd>`), with a pointer to the command's help.
    init(usage text: String) {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Its message is a sentence, perhaps a list of `- choice` lines, then `Help:`,
        // `Usage:` and `See 'accord log --help' ...` lines.
        let help = lines.first { $0.hasPrefix("See '") }?.split(separator: "'").dropFirst().first
        lines.removeAll { $0.hasPrefix("Help:") || $0.hasPrefix("Usage:") || $0.hasPrefix("See '") }
        let choices = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
        lines.removeAll { $0.hasPrefix("- ") }
        var sentence = lines.joined(separator: " ")
        if sentence.hasPrefix("Error: ") { sentence.removeFirst("Error: ".count) }
        if !choices.isEmpty {
            sentence = sentence.replacingOccurrences(of: ". Please provide one of the following:", with: "")
                + L10n.t(": one of {1}", choices.joined(separator: ", "))
        }
        if let help { sentence += L10n.t("; see {1}", help) }
        message = sentence.prefix(1).lowercased() + sentence.dropFirst()
        exitCode = ExitStatus.usage.rawValue
    }
}
