import AccordCore
import AccordReports
import Foundation
import GitStore

/// Where a command's text goes and how it looks, decided once per run from `--color` and
/// `--no-pager`, the environment and git config. Every command prints its report through
/// it, so all of them colour, page and honour `--output` alike.
///
/// Colour, first match wins: `--color always|never`; git config `accord.color`
/// `always|never`; then, for `auto`, `NO_COLOR`, then `FORCE_COLOR` / `CLICOLOR_FORCE`, then
/// whether the text goes to a terminal (see `TerminalStyle`). Paging: see `Pager`.
struct Console {
    private let colour: ColourChoice
    private let environment: [String: String]
    private let standardOutputIsTerminal: Bool
    /// The pager for text shown on standard output; nil to print straight out.
    let pager: String?
    /// The width in terminal cells of the terminal standard output goes to, which a report
    /// of long lines (`accord history`) fits by wrapping its sentences; nil when it goes to
    /// a pipe or a file, where each row stays one line for the tools that read it.
    let width: Int?

    /// The console for `options` (nil: none given) and the git config `settings` came from.
    init(_ options: TerminalOptions?, settings: UserSettings,
         environment: [String: String] = ProcessInfo.processInfo.environment,
         standardOutputIsTerminal: Bool = isatty(STDOUT_FILENO) == 1) {
        colour = options?.colour ?? settings.colour ?? .auto
        self.environment = environment
        self.standardOutputIsTerminal = standardOutputIsTerminal
        pager = Pager.command(environment: environment, configured: settings.pager, disabled: options?.noPager ?? false,
                              toTerminal: standardOutputIsTerminal)
        width = standardOutputIsTerminal ? Self.terminalWidth(environment: environment) : nil
    }

    /// `COLUMNS` when set to a width, else the terminal's own (nil when it does not say).
    private static func terminalWidth(environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The console `options` ask for, with the git config of `repository` (else the user's).
    init(_ options: TerminalOptions?, repository: Repository?) throws {
        self.init(options, settings: try UserSettings.load(for: repository))
    }

    /// The style of text shown on standard output.
    var style: TerminalStyle { style(for: nil) }

    /// The style of text written to `path` (`--output`): as for standard output when nil or
    /// `-`, else as for a file, which is no terminal.
    func style(for path: String?) -> TerminalStyle {
        TerminalStyle(choice: colour, environment: environment,
                      toTerminal: OutputPath.isStandardOutput(path) && standardOutputIsTerminal)
    }

    /// Shows `text` on standard output, through the pager when there is one. On a terminal,
    /// control characters a record could carry are made visible (`TerminalText`), so text
    /// synced from another copy cannot rewrite the screen; piped, the bytes go out as they are.
    func show(_ text: String) {
        let text = standardOutputIsTerminal ? TerminalText.visible(text, style: style) : text
        if let pager {
            if Pager.show(text, through: pager) { return }
            FileHandle.standardError.write(Data((L10n.t("accord: warning: cannot run the pager {1}; printing without it", pager.debugDescription) + "\n").utf8))
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to the file `path` (`--output`), or shows it when `path` is nil or `-`.
    /// A file that cannot be written is exit 73.
    func write(_ text: String, to path: String?) throws {
        guard let path, !OutputPath.isStandardOutput(path) else { return show(text) }
        try Self.store(Data(text.utf8), at: path)
    }

    /// Writes the bytes of a binary file (an .xlsx, .docx or .pdf) to `path`, or to standard
    /// output when it is not a terminal; on a terminal the bytes would be noise, so that is a
    /// usage error (exit 64) asking for `--output`.
    func write(_ data: Data, to path: String?, format: String) throws {
        guard let path, !OutputPath.isStandardOutput(path) else {
            guard !standardOutputIsTerminal else {
                throw AccordError(.usage, L10n.t("--format {1} writes a binary file, not text for the terminal: give --output FILE or redirect standard output", format))
            }
            return FileHandle.standardOutput.write(data)
        }
        try Self.store(data, at: path)
    }

    /// Replaces a regular file whole, so a reader never sees half a report; writes into
    /// anything else (/dev/null, a fifo, /dev/stdout), since renaming over it would replace
    /// the device with a file. A file that cannot be written is exit 73.
    private static func store(_ data: Data, at path: String) throws {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        let atomic = type == nil || type == .typeRegular
        do {
            try data.write(to: URL(fileURLWithPath: path), options: atomic ? .atomic : [])
        } catch {
            throw AccordError(.cannotCreate, L10n.t("cannot write {1}: {2}", path, error.localizedDescription))
        }
    }

    /// Shows a read command's result: JSON (with the schema's `version`) when `json`, else the
    /// CSV text when given, else the terminal rendering in this console's style.
    func show<Report: Encodable>(_ report: Report, json: Bool, csv: String? = nil,
                                 terminal: (TerminalStyle) -> String) throws {
        // A terminal rendering is escaped even when piped: forced colour sends it to `less -R`.
        show(json ? try JSONOutput.render(report) : csv ?? TerminalText.visible(LocalForms.apply(terminal(style)), style: style))
    }

    /// Shows a read command's result as ``show(_:json:csv:terminal:)`` does, but made in
    /// pieces of whole lines (`produce` hands each to the function it is given), each
    /// written once made: a long report, the history of 50,000 commits, is never held as
    /// one text. `json` pieces go out as they are; a terminal rendering's take the
    /// reader's dates and digits and have their control characters made visible, both of
    /// which work line by line. Through a pager, the pieces are gathered first.
    func stream(json: Bool, _ produce: (_ write: (String) throws -> Void) throws -> Void) throws {
        let finish: (String) -> String = json ? { $0 } : { [style] in TerminalText.visible(LocalForms.apply($0), style: style) }
        guard pager == nil else {
            var text = ""
            try produce { text += finish($0) }
            return show(text)
        }
        let toTerminal = standardOutputIsTerminal, style = style
        try produce { piece in
            let piece = finish(piece)
            FileHandle.standardOutput.write(Data((toTerminal ? TerminalText.visible(piece, style: style) : piece).utf8))
        }
    }
}

extension Console {
    /// Prints what a command did or would do (a few lines, not a report; never paged), its
    /// control characters made visible as in every report: a file name, a table cell, a
    /// signer's name or a path synced from the other copy cannot act on the terminal.
    static func say(_ text: String, on output: FileHandle = .standardOutput) {
        output.write(Data(TerminalText.visible(text, style: TerminalStyle(colour: false)).utf8))
    }

    /// `lines`, each ended by a newline, as ``say(_:on:)`` prints them.
    static func say(lines: [String], on output: FileHandle = .standardOutput) {
        say(lines.map { $0 + "\n" }.joined(), on: output)
    }
}

/// What `--output` names: a file, or standard output as `-` (as for most command-line tools).
enum OutputPath {
    /// Whether `path` means standard output: not given, or `-`.
    static func isStandardOutput(_ path: String?) -> Bool { path == nil || path == "-" }
}
