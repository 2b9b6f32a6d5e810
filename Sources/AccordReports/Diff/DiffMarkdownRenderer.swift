public import AccordCore
import Foundation

/// The diff as Markdown, for a review paper or a pull request.
///
/// Convention (docs/text-format.md): deleted words are struck through, `~~old~~`, and
/// inserted words are bold, `**new**` (CommonMark with GitHub's strikethrough); the markers
/// wrap the words of each line, never the spaces around them, so every Markdown reader
/// shows them. A summary table of the changed
/// articles comes first; each changed article follows under a `##` headline.
public struct DiffMarkdownRenderer: InstrumentDiffRenderer {
    /// Whether to show every article (the consolidated text), not only the changed ones.
    public var full: Bool

    /// A Markdown renderer; with `full`, of the whole text.
    public init(full: Bool = false) {
        self.full = full
    }

    /// The diff as Markdown.
    public func render(_ diff: InstrumentDiff) -> String {
        let labels = DiffLabels.current
        var blocks = ["# " + labels.changes] + (diff.notice.map { ["> **" + L10n.t("Note:") + "** " + $0.text] } ?? [])
            + ["`\(diff.oldFile)` → `\(diff.newFile)`"]
        guard !diff.isEmpty || full else { return (blocks + [labels.noChanges]).joined(separator: "\n\n") + "\n" }
        blocks.append(DiffLayout.summary(diff) + ".")
        var table = ["| \(labels.article) | \(labels.change) | \(labels.wordsAdded) | \(labels.wordsRemoved) |", "|---|---|--:|--:|"]
        for change in diff.changedArticles {
            table.append("| \(Self.inert(DiffLayout.name(change) + DiffLayout.qualifier(change)).replacingOccurrences(of: "|", with: "\\|")) | \(DiffLayout.outcome(change)) "
                + "| \(change.wordsAdded) | \(change.wordsRemoved) |")
        }
        blocks.append(table.joined(separator: "\n"))
        if diff.title.isChanged { blocks.append("**\(labels.title):** " + Self.redline(diff.title)) }
        if diff.frontMatter.isChanged { blocks.append(Self.redline(diff.frontMatter)) }
        for change in DiffLayout.articles(diff, full: full) {
            blocks.append("## " + Self.escaped(DiffLayout.headline(change)))
            for block in DiffLayout.blocks(change, full: full) {
                switch block {
                case .title(let title): blocks.append("**\(labels.title):** " + Self.redline(title))
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
        // By scalars: a `<` carrying a combining mark is one Character.
        guard text.unicodeScalars.contains("<") else { return text }
        // Scalars go in one at a time: the view's `append(contentsOf:)` copies all it holds.
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "<" { "&lt;".unicodeScalars.forEach { result.append($0) } } else { result.append(scalar) }
        }
        return String(result)
    }

    /// A redline in the Markdown convention; the review summary shows short redlines with it.
    ///
    /// The text is escaped (`*`, `_`, `~`, `` ` ``, `[`, `]`, `\\`, `<`, `&` before a name), so it reads
    /// as written and a link or emphasis cut by a change cannot swallow a marker. A marker
    /// that CommonMark would not take as one, because a punctuation mark inside it touches
    /// a letter outside (`word**, more**`), gets a word joiner (U+2060, invisible) between
    /// the two. A change of white space alone shows as `␣` or `¶`.
    static func redline(_ redline: Redline) -> String {
        var output = ""
        let segments = redline.segments
        for (index, segment) in segments.enumerated() {
            let following = index + 1 < segments.count ? escaped(segments[index + 1].text).first : nil
            switch segment {
            case .equal(let text): output += escaped(text)
            case .deleted(let text): output += marked(text, "~~", after: output.last, before: following)
            case .inserted(let text): output += marked(text, "**", after: output.last, before: following)
            }
        }
        return output
    }

    /// `text` wrapped in `marker` line by line, escaped, each marker sure to render.
    private static func marked(_ text: String, _ marker: String, after previous: Character?, before next: Character?) -> String {
        if DiffLayout.isSpaceOnly(text) {
            return marker + DiffLayout.visibleSpace(text) + marker + String(repeating: "\n", count: text.count { $0 == "\n" })
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { number, line in
            let leading = line.prefix(while: { $0 == " " })
            let rest = line.dropFirst(leading.count)
            let trailingCount = rest.reversed().prefix(while: { $0 == " " }).count
            let content = escaped(String(rest.dropLast(trailingCount)))
            guard let first = content.first, let last = content.last else { return String(line) }
            let outsideBefore: Character? = !leading.isEmpty ? " " : number > 0 ? "\n" : previous
            let outsideAfter: Character? = trailingCount > 0 ? " " : number < lines.count - 1 ? "\n" : next
            let open = marker + (isPunctuation(first) && isWordCharacter(outsideBefore) ? "\u{2060}" : "")
            let close = (isPunctuation(last) && isWordCharacter(outsideAfter) ? "\u{2060}" : "") + marker
            return String(leading) + open + content + close + String(repeating: " ", count: trailingCount)
        }.joined(separator: "\n")
    }

    /// The characters of the text that Markdown would read as markup, backslash-escaped;
    /// `<` as an entity, and `&` only where it could start one (`&amp;`, `&#38;`).
    static func escaped(_ text: String) -> String {
        // By scalars: a marker carrying a combining mark is one Character, yet Markdown reads it.
        let markers: Set<Unicode.Scalar> = ["*", "_", "~", "`", "[", "]", "\\", "&", "<"]
        guard text.unicodeScalars.contains(where: markers.contains) else { return text }
        // Scalars go in one at a time: the view's `append(contentsOf:)` copies all it holds.
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "<" {
                "&lt;".unicodeScalars.forEach { result.append($0) }
                continue
            }
            let startsEntity = scalar == "&" && index + 1 < scalars.count
                && (scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "#")
            if (scalar != "&" && markers.contains(scalar)) || startsEntity { result.append("\\") }
            result.append(scalar)
        }
        return String(result)
    }

    /// Punctuation as CommonMark's flanking rules count it: Unicode punctuation and symbols.
    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || character.isSymbol
    }

    /// A character next to which a marker with punctuation inside is not taken as one:
    /// neither white space nor punctuation, nor the start or end of the text.
    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return !character.isWhitespace && !isPunctuation(character)
    }
}
