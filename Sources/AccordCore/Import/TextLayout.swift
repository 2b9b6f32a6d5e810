import Foundation

/// Lays out a document's paragraphs as accord's text format (docs/text-format.md): the
/// title as `# `, each article heading as `## `, everything else as written. It only adds
/// markup around the words, never changes, adds or drops one.
struct TextLayout {
    /// The words that label an article, in the languages accord knows.
    static let articleLabels = ["article", "art.", "điều", "មាត្រា"]
    /// The headings of a preamble.
    static let preambleHeadings = ["preamble", "lời nói đầu", "lời mở đầu", "បុព្វកថា"]
    /// A paragraph with an article label and number and more than this many characters of
    /// title is a heading followed by the article's first paragraph.
    static let longestTitle = 200

    /// The Markdown for `paragraphs`.
    static func markdown(_ paragraphs: [SourceParagraph]) -> String {
        var lines: [String] = []
        var seen: Set<String> = []
        var sawArticle = false
        var sawPreamble = false
        func blank() { if let last = lines.last, !last.isEmpty { lines.append("") } }

        for (index, paragraph) in paragraphs.enumerated() {
            let text = paragraph.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let heading = articleHeading(collapsed, emphasised: paragraph.emphasised), !seen.contains(heading.id) {
                seen.insert(heading.id)
                sawArticle = true
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
            if !sawArticle, !sawPreamble, paragraph.emphasised || paragraph.startsParagraph,
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

    /// The article heading `text` is, if any: an article label (`Article`, `Điều`,
    /// `មាត្រា`, any case) and a number, then the end, a separator (`.`, `:`, `—`, `–`,
    /// `-`, `)`) or, in a paragraph set apart as a heading, a title. `Article 5 of this
    /// Agreement applies…` is not one. A long paragraph that starts with a heading and
    /// separator is split: the heading, and the rest as the article's first paragraph.
    static func articleHeading(_ text: String, emphasised: Bool) -> (id: String, heading: String, rest: String?)? {
        let lowered = text.lowercased()
        guard let label = articleLabels.first(where: { lowered.hasPrefix($0 + " ") }) else { return nil }
        let afterLabel = text.dropFirst(label.count).drop(while: { $0 == " " })
        guard let numbered = InstrumentTextParser.articleNumber(in: String(afterLabel)),
              let first = afterLabel.first, InstrumentTextParser.asciiDigit(first) != nil else { return nil }
        let number = afterLabel.prefix { !$0.isWhitespace && !".:—–-)".contains($0) }
        let tail = afterLabel.dropFirst(number.count).drop(while: { $0 == " " })
        let separated = tail.first.map { ".:—–-)".contains($0) } ?? true
        guard separated || emphasised else { return nil }
        if numbered.title.count > longestTitle, separated {
            let headingEnd = text.count - tail.count + 1
            let heading = String(text.prefix(headingEnd))
            let rest = String(text.dropFirst(headingEnd)).trimmingCharacters(in: .whitespaces)
            return (numbered.id, heading, rest.isEmpty ? nil : rest)
        }
        guard numbered.title.count <= longestTitle else { return nil }
        return (numbered.id, text, nil)
    }
}
