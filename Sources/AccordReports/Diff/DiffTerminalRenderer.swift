public import AccordCore

/// The diff for a terminal: changed articles with their redlines, then a summary line.
///
/// With `colour`, deletions are red and struck through and insertions green and
/// underlined (ANSI); without it they read `[-old-]` and `{+new+}`, as `git diff
/// --word-diff` writes them. The caller decides on colour (a terminal, `NO_COLOR` unset).
public struct DiffTerminalRenderer: InstrumentDiffRenderer {
    /// Whether to use ANSI colour instead of text markers.
    public var colour: Bool

    /// A renderer with or without colour.
    public init(colour: Bool) {
        self.colour = colour
    }

    /// The diff as terminal text.
    public func render(_ diff: InstrumentDiff) -> String {
        var lines = (diff.notice.map { ["Note: " + $0.text, ""] } ?? []) + [bold("--- \(diff.oldFile)"), bold("+++ \(diff.newFile)")]
        if diff.isEmpty {
            return (lines + ["no changes"]).joined(separator: "\n") + "\n"
        }
        if diff.title.isChanged { lines += ["", "Title: " + redline(diff.title, indent: "  ")] }
        if diff.frontMatter.isChanged { lines += ["", redline(diff.frontMatter, indent: "")] }
        for change in diff.changedArticles {
            lines += ["", bold(DiffLayout.headline(change))]
            for block in DiffLayout.blocks(change) {
                switch block {
                case .title(let title): lines.append("  Title: " + redline(title, indent: "    "))
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
            case .deleted(let text):
                colour ? DiffLayout.wrapLines(text) { "\u{1B}[31;9m\($0)\u{1B}[0m" } : "[-\(text)-]"
            case .inserted(let text):
                colour ? DiffLayout.wrapLines(text) { "\u{1B}[32;4m\($0)\u{1B}[0m" } : "{+\(text)+}"
            }
        }.joined()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ([String(lines[0])] + lines.dropFirst().map { $0.isEmpty ? "" : indent + $0 }).joined(separator: "\n")
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
