import Foundation

/// The program long output goes through on a terminal, chosen as git chooses its own:
/// `ACCORD_PAGER`, else git config `accord.pager` or `core.pager`, else `PAGER`, else
/// `less -FRX` (which quits at once when the text fits on the screen). An empty value or
/// `cat` means no pager; so does `--no-pager`, and any output that is not a terminal.
enum Pager {
    /// The command to page through, or nil to print straight out.
    static func command(environment: [String: String], configured: String?, disabled: Bool,
                        toTerminal: Bool) -> String? {
        guard !disabled, toTerminal else { return nil }
        let chosen = environment["ACCORD_PAGER"] ?? configured ?? environment["PAGER"] ?? "less -FRX"
        let command = chosen.trimmingCharacters(in: .whitespaces)
        return command.isEmpty || command == "cat" ? nil : command
    }

    /// Shows `text` through `command` (run by the shell, so it may carry arguments) and
    /// waits for the pager to end. Returns false when the pager could not be run at all,
    /// so the caller prints the text itself.
    static func show(_ text: String, through command: String) -> Bool {
        var environment = ProcessInfo.processInfo.environment
        // As git does: less and lv keep colour and quit on a short text unless told otherwise.
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        if environment["LV"] == nil { environment["LV"] = "-c" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch { return false }
        // A pager quit before the end (q in less) closes the pipe: the rest is not wanted,
        // and the write must fail quietly rather than end the process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        // 126 and 127 are the shell's "cannot run" and "not found".
        return !(process.terminationReason == .exit && [126, 127].contains(process.terminationStatus))
    }
}
