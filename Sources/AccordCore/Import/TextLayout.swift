import Foundation

/// Lays out a document's paragraphs as accord's text format (docs/text-format.md): the
/// title as `# `, each article heading as `## `, everything else as written. It only adds
/// markup around the words, never changes, adds or drops one.
struct TextLayout {
    /// The headings of a preamble.
    static let preambleHeadings = ["preamble", "lời nói đầu", "lời mở đầu", "បុព្វកថា"]
    /// A paragraph with an article label and number and more than this many characters of
    /// title is a heading followed by the article's first paragraph.
    static let longestTitle = 200
    /// The marks after a heading's number that set its title apart.
    static let separators: Set<Character> = [".", ":", "—", "–", "-", ")", "៖"]

    /// The Markdown for `paragraphs`.
    static func markdown(_ paragraphs: [SourceParagraph]) -> String {
        var lines: [String] = []
        var seen: Set<String> = []
        var sawHeading = false
        var sawPreamble = false
        func blank() { if let last = lines.last, !last.isEmpty { lines.append("") } }

        for (index, paragraph) in paragraphs.enumerated() {
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let heading = heading(collapsed, emphasised: paragraph.emphasised),
               heading.id.map({ !seen.contains($0) }) ?? true {
                if let id = heading.id { seen.insert(id) }
                sawHeading = true
                blank()
                lines.append("## " + heading.heading)
                if let rest = heading.rest {
                    lines.append("")
                    lines.append(rest)
                }
                lines.append("")
                continue
            }
            if index == 0 && paragraphs.count > 1 && collapsed.count <= longestTitle {
                lines.append("# " + collapsed)
                lines.append("")
                continue
            }
            if !sawHeading, !sawPreamble, paragraph.emphasised || paragraph.startsParagraph,
               preambleHeadings.contains(collapsed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:"))) {
                sawPreamble = true
                blank()
                lines.append("## " + collapsed)
                lines.append("")
                continue
            }
            if paragraph.startsParagraph { blank() }
            // A line that would read as a Markdown heading is indented by one space, which
            // the text format ignores as layout.
            lines.append(text.hasPrefix("#") ? " " + text : text)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The heading `text` is, if any, as the text format's parser knows them
    /// (``InstrumentTextParser/labelledHeading(_:)``): an article label and number
    /// (`Article 7`, `Điều 7đ`, `មាត្រា១៩`, `§ 7`, any case), or a chapter, part or annex label
    /// and number (`Chương II`, `ជំពូកទី១`), then the end, a separator (`.`, `:`, `—`, `–`,
    /// `-`, `)`, `៖`) or, in a paragraph set apart as a heading, a title. `Article 5 of this
    /// Agreement applies…` is not one. A long paragraph that starts with an article heading
    /// and separator is split: the heading, and the rest as the article's first paragraph.
    /// `id` is the article's id, nil for a section.
    static func heading(_ text: String, emphasised: Bool) -> (id: String?, heading: String, rest: String?)? {
        guard let labelled = InstrumentTextParser.labelledHeading(text) else { return nil }
        let id: String?, title: String, afterNumber: String
        switch labelled {
        case let .article(articleID, articleTitle, rest): (id, title, afterNumber) = (articleID, articleTitle, rest)
        case let .section(rest): (id, title, afterNumber) = (nil, rest, rest)
        }
        let tail = afterNumber.drop(while: { $0 == " " })
        let separated = tail.first.map { separators.contains($0) } ?? true
        guard separated || emphasised else { return nil }
        if id != nil, title.count > longestTitle, separated {
            // The separator may be two marks (`មាត្រា ១.-`): both end the heading.
            let headingEnd = text.count - tail.count + tail.prefix(while: { separators.contains($0) }).count
            let heading = String(text.prefix(headingEnd))
            let rest = String(text.dropFirst(headingEnd)).trimmingCharacters(in: .whitespaces)
            return (id, heading, rest.isEmpty ? nil : rest)
        }
        guard title.count <= longestTitle else { return nil }
        return (id, text, nil)
    }
}
