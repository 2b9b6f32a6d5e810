public import AccordCore

/// The diff as Markdown, for a review paper or a pull request.
///
/// Convention (docs/text-format.md): deleted words are struck through, `~~old~~`, and
/// inserted words are bold, `**new**`; the markers wrap the words of each line, never the
/// spaces around them, so every Markdown reader shows them. A summary table of the changed
/// articles comes first; each changed article follows under a `##` headline.
public struct DiffMarkdownRenderer: InstrumentDiffRenderer {
    /// A Markdown renderer.
    public init() {}

    /// The diff as Markdown.
    public func render(_ diff: InstrumentDiff) -> String {
        var blocks = ["# Changes to the text"] + (diff.notice.map { ["> **Note:** " + $0.text] } ?? [])
            + ["`\(diff.oldFile)` → `\(diff.newFile)`"]
        guard !diff.isEmpty else { return (blocks + ["No changes."]).joined(separator: "\n\n") + "\n" }
        blocks.append(DiffLayout.summary(diff) + ".")
        var table = ["| Article | Change | Words added | Words removed |", "|---|---|--:|--:|"]
        for change in diff.changedArticles {
            table.append("| \(DiffLayout.name(change))\(DiffLayout.qualifier(change)) | \(DiffLayout.outcome(change)) "
                + "| \(change.wordsAdded) | \(change.wordsRemoved) |")
        }
        blocks.append(table.joined(separator: "\n"))
        if diff.title.isChanged { blocks.append("**Title:** " + Self.redline(diff.title)) }
        if diff.frontMatter.isChanged { blocks.append(Self.redline(diff.frontMatter)) }
        for change in diff.changedArticles {
            blocks.append("## " + DiffLayout.headline(change))
            for block in DiffLayout.blocks(change) {
                switch block {
                case .title(let title): blocks.append("**Title:** " + Self.redline(title))
                case .text(let text): blocks.append(Self.redline(text))
                case .clause(let label, let text): blocks.append("**\(label)** " + Self.redline(text))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A redline in the Markdown convention; the review summary shows short redlines with it.
    static func redline(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): text
            case .deleted(let text): DiffLayout.wrapLines(text) { "~~\($0)~~" }
            case .inserted(let text): DiffLayout.wrapLines(text) { "**\($0)**" }
            }
        }.joined()
    }
}
