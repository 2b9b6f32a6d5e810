public import AccordCore

/// The diff for a terminal: changed articles with their redlines, then a summary line.
///
/// With `colour`, deletions are red and struck through and insertions green and
/// underlined (ANSI); without it they read `[-old-]` and `{+new+}`, as `git diff
/// --word-diff` writes them, each word marked on its own. The caller decides on colour (a terminal, `NO_COLOR` unset).
public struct DiffTerminalRenderer: InstrumentDiffRenderer {
    /// Whether to use ANSI colour instead of text markers.
    public var colour: Bool

    /// Whether to show every article (the consolidated text), not only the changed ones.
    public var full: Bool

    /// A renderer with or without colour; with `full`, of the whole text.
    public init(colour: Bool, full: Bool = false) {
        self.colour = colour
        self.full = full
    }

    /// The diff as terminal text.
    public func render(_ diff: InstrumentDiff) -> String {
        var lines = (diff.notice.map { [L10n.t("Note:") + " " + $0.text, ""] } ?? []) + [bold("--- \(diff.oldFile)"), bold("+++ \(diff.newFile)")]
        if diff.isEmpty && !full {
            return (lines + [L10n.t("no changes")]).joined(separator: "\n") + "\n"
        }
        if diff.title.isChanged { lines += ["", DiffLabels.current.title + ": " + redline(diff.title, indent: "  ")] }
        if diff.frontMatter.isChanged { lines += ["", redline(diff.frontMatter, indent: "")] }
        for change in DiffLayout.articles(diff, full: full) {
            lines += ["", bold(DiffLayout.headline(change))]
            for block in DiffLayout.blocks(change, full: full) {
                switch block {
                case .title(let title): lines.append("  " + DiffLabels.current.title + ": " + redline(title, indent: "    "))
                case .text(let text): lines.append("  " + redline(text, indent: "  "))
                case .clause(let label, let text): lines.append("  \(label)  " + redline(text, indent: "      "))
                }
            }
        }
        lines += ["", DiffLayout.summary(diff)]
        return lines.joined(separator: "\n") + "\n"
    }

    private func redline(_ redline: Redline, indent: String) -> String {
        let text = redline.segments.map { segment in
            switch segment {
            case .equal(let text): text
            case .deleted(let text): mark(text, colour ? ("\u{1B}[31;9m", "\u{1B}[0m") : ("[-", "-]"))
            case .inserted(let text): mark(text, colour ? ("\u{1B}[32;4m", "\u{1B}[0m") : ("{+", "+}"))
            }
        }.joined()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ([String(lines[0])] + lines.dropFirst().map { $0.isEmpty ? "" : indent + $0 }).joined(separator: "\n")
    }

    /// A deleted or inserted text between its marks: in colour line by line, in text marks
    /// word by word (a mark never holds a space or a line break); white space alone as
    /// `␣` and `¶`, so that it shows.
    private func mark(_ text: String, _ marks: (open: String, close: String)) -> String {
        if DiffLayout.isSpaceOnly(text) {
            let breaks = text.count { $0 == "\n" }
            return marks.open + DiffLayout.visibleSpace(text) + marks.close + String(repeating: "\n", count: breaks)
        }
        let wrap = { (words: String) in marks.open + words + marks.close }
        return colour ? DiffLayout.wrapLines(text, wrap) : DiffLayout.wrapWords(text, wrap)
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
