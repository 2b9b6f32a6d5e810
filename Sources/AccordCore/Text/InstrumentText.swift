public import Foundation

/// The text of an instrument in one language, read from `Agreements/<id>/text.<lang>.md`.
///
/// docs/text-format.md describes the file. All text held here is normalised as people read
/// it: NFC, white space collapsed, line breaks kept only where they start a paragraph or a
/// sub-point. Two files that differ only in encoding form, byte order mark, line endings,
/// wrapping or indentation parse to equal values.
public struct InstrumentText: Sendable, Hashable, Codable {
    /// The file the text was read from, as given to ``parse(_:file:)``; used in messages.
    public var file: String
    /// The title: the text of the single `# ` heading; empty when the file has none.
    public var title: String
    /// Normalised text before the first `## ` heading (e.g. a note on the text's status).
    public var frontMatter: String
    /// The preamble (if any) and the articles, in the order written.
    public var articles: [Article]

    /// A text with the given parts.
    public init(file: String, title: String, frontMatter: String = "", articles: [Article]) {
        self.file = file
        self.title = title
        self.frontMatter = frontMatter
        self.articles = articles
    }

    /// The article with the given id (`7`, `7a`, `preamble`), if any.
    public func article(_ id: String) -> Article? { articles.first { $0.id == id } }

    /// The clause with the given id (`7.2`), if any.
    public func clause(_ id: String) -> Clause? {
        guard let dot = id.lastIndex(of: ".") else { return nil }
        return article(String(id[..<dot]))?.clause(id)
    }

    /// The text as canonical Markdown: the same structure as the source, with normalised
    /// text. Parsing this gives back an equal value (apart from line numbers).
    public var normalizedMarkdown: String {
        var blocks: [String] = []
        if !title.isEmpty { blocks.append("# \(title)") }
        if !frontMatter.isEmpty { blocks.append(frontMatter) }
        blocks += articles.map(\.normalizedMarkdown)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Reads a text file's contents.
    ///
    /// A byte order mark and CRLF line ends are accepted; everything is put in NFC.
    /// - Parameters:
    ///   - data: the file's bytes, UTF-8.
    ///   - file: the path shown in error messages, e.g. `Agreements/tip-2005/text.en.md`.
    /// - Throws: ``InstrumentTextError`` naming the file and line when the bytes are not
    ///   UTF-8, an article or clause number appears twice, or the headings are out of place.
    public static func parse(_ data: Data, file: String) throws(InstrumentTextError) -> InstrumentText {
        guard data.count <= maximumBytes else { throw InstrumentTextError(file: file, line: 1, reason: .tooLarge(bytes: data.count)) }
        return try InstrumentTextParser(file: file).parse(data)
    }

    /// The largest text read, in bytes: a long treaty is a few hundred kilobytes, and a
    /// larger file is refused rather than segmented word by word by every command.
    public static let maximumBytes = 4 * 1_048_576
}
