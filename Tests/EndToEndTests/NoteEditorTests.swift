import Foundation
import TestSupport
import Testing

/// `accord log` with no note on a terminal opens $EDITOR, as `git commit` does.
@Suite(.scratchFolder) struct NoteEditorTests {
    @Test func theEditorsNoteIsRecordedWithoutItsCommentLines() throws {
        let scratch = try ScratchFolder.current
        let tracker = scratch.path("tracker")
        try AccordProcess.copyExample(to: tracker)
        // An "editor" that keeps accord's comment lines and writes a note above them.
        let editor = scratch.path("editor.sh")
        try """
            #!/bin/sh
            { echo "Decree adopted; verification now takes twenty days."; cat "$1"; } > "$1.new" && mv "$1.new" "$1"
            """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let accord = CLI.productsFolder.appendingPathComponent("accord").path
        // script(1) gives the command a terminal for standard input, as a person has.
        let command = "\(accord) log tip-2005#7.2 --status implemented --party VN --date 2019-06-01 --repo \(tracker.path)"
        let logged = try Command.run("script", ["-qec", command, "/dev/null"],
                                     environment: ["EDITOR": editor.path, "VISUAL": ""], timeout: 60)
        #expect(logged.status == 0, "\(logged.stdout)\(logged.stderr)")
        let shown = try CLI.run(["show", "tip-2005#7.2", "--repo", tracker.path])
        #expect(shown.stdout.contains("Decree adopted; verification now takes twenty days."))
        #expect(!shown.stdout.contains("# "), "comment lines are dropped")

        // An editor that fails (vi's :cq) records nothing and says how to give the note instead.
        let history = try Command.git(["rev-list", "--count", "HEAD"], in: tracker)
        let failed = try Command.run("script", ["-qec", command.replacingOccurrences(of: "2019-06-01", with: "2019-06-03"), "/dev/null"],
                                     environment: ["EDITOR": "false", "VISUAL": ""], timeout: 60)
        #expect(failed.status == 64, "\(failed.stdout)\(failed.stderr)")
        #expect(failed.stdout.contains("accord: the editor (false) failed with status 1; nothing was recorded; give the note with --note or --note-file"),
                "\(failed.stdout)")
        let missing = try Command.run("script", ["-qec", command.replacingOccurrences(of: "2019-06-01", with: "2019-06-03"), "/dev/null"],
                                      environment: ["EDITOR": "no-such-editor", "VISUAL": ""], timeout: 60)
        #expect(missing.status == 64, "\(missing.stdout)\(missing.stderr)")
        #expect(missing.stdout.contains("accord: the editor (no-such-editor) was not found; nothing was recorded"), "\(missing.stdout)")
        #expect(try Command.git(["rev-list", "--count", "HEAD"], in: tracker) == history)

        // Without a terminal no editor opens: the report is recorded without a note.
        let piped = try CLI.run(["log", "tip-2005#7.2", "--status", "implemented", "--party", "KH", "--date", "2019-06-02",
                                 "--repo", tracker.path], env: ["EDITOR": "/bin/false"])
        #expect(piped.status == 0, "\(piped.stderr)")
    }
}
