public import AccordCore
import Foundation

/// The diff as one self-contained HTML page: inline CSS, no script, nothing fetched from
/// the network, readable on screen and on paper.
///
/// Deletions are `<del>` (struck through, red) and insertions `<ins>` (underlined, green),
/// so the redline survives printing in black and white. Every value is HTML-escaped.
public struct DiffHTMLRenderer: InstrumentDiffRenderer {
    /// The instrument's title and the versions compared; without it the page names the files.
    public var heading: DiffHeading?
    /// Whether to show every article (the consolidated text), not only the changed ones.
    public var full: Bool

    /// An HTML renderer; `heading` gives the page its title, language and version dates.
    public init(heading: DiffHeading? = nil, full: Bool = false) {
        self.heading = heading
        self.full = full
    }

    /// The diff as a complete HTML document.
    public func render(_ diff: InstrumentDiff) -> String {
        let labels = DiffLabels.forLanguage(heading?.language ?? "en")
        var body: [String] = [
            "<header>",
            "<h1>\(escape(labels.changes))</h1>",
        ]
        if let heading {
            body.append("<p class=\"instrument\">\(escape(heading.title))</p>")
            body.append("<p class=\"versions\">\(version(heading.old)) → \(version(heading.new))</p>")
        }
        body += [
            diff.notice.map { "<p class=\"notice\" role=\"note\"><strong>\(escape(L10n.t("Note:", in: labels.language)))</strong> \(escape($0.text))</p>" } ?? "",
            "<p class=\"files\"><code>\(escape(diff.oldFile))</code> → <code>\(escape(diff.newFile))</code></p>",
            "</header>",
        ]
        if diff.isEmpty && !full {
            body.append("<p>\(escape(labels.noChanges))</p>")
        } else {
            body.append("<p class=\"summary\">\(escape(DiffLayout.summary(diff, labels: labels))). "
                + "<span class=\"legend\"><del>\(escape(labels.deleted))</del> <ins>\(escape(labels.inserted))</ins></span></p>")
            if !diff.changedArticles.isEmpty { body.append(summaryTable(diff, labels)) }
            if full { body.append("<h2 class=\"full\">\(escape(labels.fullText))</h2>") }
            if diff.title.isChanged {
                body.append("<p class=\"title\"><span class=\"label\">\(escape(labels.title))</span> \(Self.redline(diff.title))</p>")
            }
            if diff.frontMatter.isChanged || (full && !diff.frontMatter.segments.isEmpty) {
                body.append(Self.paragraphs(diff.frontMatter))
            }
            body += DiffLayout.articles(diff, full: full).map { section($0, labels) }
        }
        let title = heading.map { "\(labels.changes): \($0.title)" } ?? L10n.t("Changes: {1} → {2}", in: labels.language, diff.oldFile, diff.newFile)
        return HTMLText.page(title: title, style: Self.style, body: body, language: heading?.language ?? "en")
    }

    /// `2005-10-10 (tip-2005@2005-10-10)`, or the label alone for a version that is not a
    /// recorded revision.
    private func version(_ version: DiffHeading.Version) -> String {
        guard let date = version.date else { return "<code>\(escape(version.label))</code>" }
        let tag = version.tag.map { " <span class=\"tag\">\(escape($0))</span>" } ?? ""
        return "<time datetime=\"\(date)\">\(date)</time>\(tag)"
    }

    private func summaryTable(_ diff: InstrumentDiff, _ labels: DiffLabels) -> String {
        let rows = diff.changedArticles.map { change in
            "<tr><td>\(escape(DiffLayout.name(change, labels: labels) + DiffLayout.qualifier(change, labels: labels)))</td>"
                + "<td>\(escape(DiffLayout.outcome(change, labels: labels)))</td>"
                + "<td class=\"number\">\(change.wordsAdded)</td><td class=\"number\">\(change.wordsRemoved)</td></tr>"
        }
        let head = "<thead><tr><th>\(escape(labels.article))</th><th>\(escape(labels.change))</th>"
            + "<th>\(escape(labels.wordsAdded))</th><th>\(escape(labels.wordsRemoved))</th></tr></thead>"
        return (["<table>", head, "<tbody>"] + rows + ["</tbody>", "</table>"]).joined(separator: "\n")
    }

    private func section(_ change: ArticleChange, _ labels: DiffLabels) -> String {
        var lines = ["<section class=\"article \(change.kind.rawValue)\">",
                     "<h2>\(escape(DiffLayout.headline(change, labels: labels)))</h2>"]
        for block in DiffLayout.blocks(change, full: full) {
            switch block {
            case .title(let title):
                lines.append("<p class=\"title\"><span class=\"label\">\(escape(labels.title))</span> \(Self.redline(title))</p>")
            case .text(let text):
                lines.append(Self.paragraphs(text))
            case .clause(let label, let text):
                lines.append("<p class=\"clause\"><span class=\"label\">\(escape(label))</span> \(Self.redline(text))</p>")
            }
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// A redline of lead or closing text as paragraphs: a quotation (`> `) as a block
    /// quotation, other paragraphs as `<p>`, line breaks inside kept.
    static func paragraphs(_ text: Redline) -> String {
        let html = redline(text)
        return html.components(separatedBy: "\n\n").map { paragraph in
            if paragraph.hasPrefix("&gt; ") {
                let inner = paragraph.replacingOccurrences(of: "\n&gt; ", with: "\n").dropFirst(5)
                return "<blockquote><p>\(inner)</p></blockquote>"
            }
            return "<p>\(paragraph)</p>"
        }.joined(separator: "\n")
    }

    /// A redline as `<del>`/`<ins>` markup; the review summary shows short redlines with it.
    static func redline(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .equal(let text): HTMLText.escape(text)
            case .deleted(let text) where DiffLayout.isSpaceOnly(text):
                "<del class=\"space\" title=\"\(HTMLText.escape(text.contains("\n") ? L10n.t("line break") : L10n.t("space", context: "redline")))\">\(DiffLayout.visibleSpace(text))</del>"
            case .inserted(let text) where DiffLayout.isSpaceOnly(text):
                "<ins class=\"space\" title=\"\(HTMLText.escape(text.contains("\n") ? L10n.t("line break") : L10n.t("space", context: "redline")))\">\(DiffLayout.visibleSpace(text))</ins>\(text)"
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
        .instrument { font-size: 1.2rem; font-weight: 600; margin: .25rem 0; }
        .tag { font-family: monospace; font-size: .9rem; color: #555; }
        blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid #ccc; color: #444; }
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
