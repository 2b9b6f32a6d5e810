public import AccordCore
import Foundation

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
            table.append("| \(Self.inert(DiffLayout.name(change) + DiffLayout.qualifier(change)).replacingOccurrences(of: "|", with: "\\|")) | \(DiffLayout.outcome(change)) "
                + "| \(change.wordsAdded) | \(change.wordsRemoved) |")
        }
        blocks.append(table.joined(separator: "\n"))
        if diff.title.isChanged { blocks.append("**Title:** " + Self.redline(diff.title)) }
        if diff.frontMatter.isChanged { blocks.append(Self.redline(diff.frontMatter)) }
        for change in diff.changedArticles {
            blocks.append("## " + Self.inert(DiffLayout.headline(change)))
            for block in DiffLayout.blocks(change) {
                switch block {
                case .title(let title): blocks.append("**Title:** " + Self.redline(title))
                case .text(let text): blocks.append(Self.redline(text))
                case .clause(let label, let text): blocks.append("**\(Self.inert(label))** " + Self.redline(text))
                }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `text` with `<` written as an entity: a text or title holding HTML shows it as
    /// words, and a Markdown renderer (pandoc, a git host) never runs it. `>` and `&` stay:
    /// neither starts HTML, and `>` quotes a block in the texts' own Markdown.
    static func inert(_ text: String) -> String {
        guard text.contains("<") else { return text }
        return text.replacingOccurrences(of: "<", with: "&lt;")
    }

    /// A redline in the Markdown convention; the review summary shows short redlines with it.
    static func redline(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): inert(text)
            case .deleted(let text): DiffLayout.wrapLines(inert(text)) { "~~\($0)~~" }
            case .inserted(let text): DiffLayout.wrapLines(inert(text)) { "**\($0)**" }
            }
        }.joined()
    }
}
