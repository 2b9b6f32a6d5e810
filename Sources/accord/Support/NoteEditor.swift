import AccordCore
import Foundation

/// Asks for a note in the user's editor, as `git commit` does: `$VISUAL`, else `$EDITOR`,
/// else `vi`, on a temporary file whose lines starting with `#` are dropped.
enum NoteEditor {
    /// Whether standard input is a terminal, so an editor can be opened.
    static var canPrompt: Bool { isatty(STDIN_FILENO) == 1 }

    /// The note typed, or nil when left empty. `instructions` become `#` lines.
    static func ask(instructions: [String]) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accord-note-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let template = "\n" + instructions.map { "# \($0)" }.joined(separator: "\n") + "\n"
        try Data(template.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code --wait"), as git allows.
        process.arguments = ["-c", "\(editor) \"$1\"", "accord-editor", file.path]
        // As git does, a failed editor (or an aborted edit, vi's :cq) takes nothing; the way
        // round it is on the command line, hence a usage error.
        let remedy = L10n.t("nothing was recorded; give the note with --note or --note-file")
        do { try process.run() } catch {
            throw AccordError(.usage, L10n.t("cannot start the editor ({1}): {2}; {3}", editor, error.localizedDescription, remedy))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            // 127 is the shell's "command not found".
            let what = process.terminationStatus == 127 ? L10n.t("was not found") : L10n.t("failed with status {1}", process.terminationStatus)
            throw AccordError(.usage, L10n.t("the editor ({1}) {2}; {3}", editor, what, remedy))
        }
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        let note = kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return note.isEmpty ? nil : note
    }

    /// The largest note read from a file: a record file may hold at most 4 MiB.
    static let maximumNoteBytes = 1_048_576

    /// The note from `--note`, else from `--note-file` (`-` is standard input), else from
    /// the editor when standard input is a terminal, else none.
    static func note(text: String?, file: String?, instructions: [String]) throws -> String? {
        if let text { return text }
        if let file {
            // Read through a handle, not by the file's size, so a pipe, `/dev/stdin` or a
            // process substitution works; a note larger than a record may hold is refused.
            let handle: FileHandle
            if file == "-" {
                handle = FileHandle.standardInput
            } else {
                guard let opened = FileHandle(forReadingAtPath: file) else {
                    throw AccordError(.notFound, L10n.t("cannot read the note file {1}: {2}", file, String(cString: strerror(errno))))
                }
                handle = opened
            }
            defer { if file != "-" { try? handle.close() } }
            let data: Data
            do {
                data = try handle.read(upToCount: maximumNoteBytes + 1) ?? Data()
            } catch {
                throw AccordError(.io, L10n.t("cannot read the note file {1}: {2}", file, error.localizedDescription))
            }
            guard data.count <= maximumNoteBytes else {
                throw AccordError(.data, L10n.t("the note file {1} is over 1 MiB; a note may hold at most 1 MiB", file))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw AccordError(.data, L10n.t("the note file {1} is not UTF-8 text", file))
            }
            return text
        }
        return canPrompt ? try ask(instructions: instructions) : nil
    }
}
