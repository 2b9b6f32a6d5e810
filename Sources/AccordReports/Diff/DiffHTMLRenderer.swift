public import AccordCore

/// The diff as one self-contained HTML page: inline CSS, no script, nothing fetched from
/// the network, readable on screen and on paper.
///
/// Deletions are `<del>` (struck through, red) and insertions `<ins>` (underlined, green),
/// so the redline survives printing in black and white. Every value is HTML-escaped.
public struct DiffHTMLRenderer: InstrumentDiffRenderer {
    /// An HTML renderer.
    public init() {}

    /// The diff as a complete HTML document.
    public func render(_ diff: InstrumentDiff) -> String {
        var body: [String] = [
            "<h1>Changes to the text</h1>",
            diff.notice.map { "<p class=\"notice\" role=\"note\"><strong>Note:</strong> \(escape($0.text))</p>" } ?? "",
            "<p class=\"files\"><code>\(escape(diff.oldFile))</code> → <code>\(escape(diff.newFile))</code></p>",
        ]
        if diff.isEmpty {
            body.append("<p>No changes.</p>")
        } else {
            body.append("<p class=\"summary\">\(escape(DiffLayout.summary(diff))). "
                + "<span class=\"legend\"><del>deleted</del> <ins>inserted</ins></span></p>")
            body.append(summaryTable(diff))
            if diff.title.isChanged {
                body.append("<p class=\"title\"><span class=\"label\">Title</span> \(Self.redline(diff.title))</p>")
            }
            if diff.frontMatter.isChanged { body.append("<p>\(Self.redline(diff.frontMatter))</p>") }
            body += diff.changedArticles.map(section)
        }
        return HTMLText.page(title: "Changes: \(diff.oldFile) → \(diff.newFile)", style: Self.style, body: body)
    }

    private func summaryTable(_ diff: InstrumentDiff) -> String {
        let rows = diff.changedArticles.map { change in
            "<tr><td>\(escape(DiffLayout.name(change) + DiffLayout.qualifier(change)))</td>"
                + "<td>\(escape(DiffLayout.outcome(change)))</td>"
                + "<td class=\"number\">\(change.wordsAdded)</td><td class=\"number\">\(change.wordsRemoved)</td></tr>"
        }
        return (["<table>", "<thead><tr><th>Article</th><th>Change</th><th>Words added</th><th>Words removed</th></tr></thead>",
                 "<tbody>"] + rows + ["</tbody>", "</table>"]).joined(separator: "\n")
    }

    private func section(_ change: ArticleChange) -> String {
        var lines = ["<section class=\"article \(change.kind.rawValue)\">",
                     "<h2>\(escape(DiffLayout.headline(change)))</h2>"]
        for block in DiffLayout.blocks(change) {
            switch block {
            case .title(let title):
                lines.append("<p class=\"title\"><span class=\"label\">Title</span> \(Self.redline(title))</p>")
            case .text(let text):
                lines.append("<p>\(Self.redline(text))</p>")
            case .clause(let label, let text):
                lines.append("<p class=\"clause\"><span class=\"label\">\(escape(label))</span> \(Self.redline(text))</p>")
            }
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// A redline as `<del>`/`<ins>` markup; the review summary shows short redlines with it.
    static func redline(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): HTMLText.escape(text)
            case .deleted(let text): "<del>\(HTMLText.escape(text))</del>"
            case .inserted(let text): "<ins>\(HTMLText.escape(text))</ins>"
            }
        }.joined()
    }

    /// The text escaped for HTML content and attributes.
    func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static let style = """
        body { margin: 0; color: #1b1b1b; background: #fff;
               font: 16px/1.55 "Noto Sans", "Noto Sans Khmer", "Khmer OS", "Segoe UI", sans-serif; }
        main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; }
        p { white-space: pre-wrap; margin: .5rem 0; }
        .files code { font-size: .9rem; }
        .notice { border: 2px solid #8a5a00; background: #fff6e0; padding: .5rem .75rem; }
        .label { font-weight: 600; margin-right: .5rem; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        del { color: #a40000; background: #fde8e8; text-decoration: line-through; }
        ins { color: #005c1a; background: #e3f6e6; text-decoration: underline; }
        section.article { break-inside: avoid-page; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          del, ins { background: none; }
          h2 { break-after: avoid-page; }
        }
        """
}
