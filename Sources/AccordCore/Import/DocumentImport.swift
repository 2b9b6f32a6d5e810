internal import Foundation

/// An instrument text read from a file a ministry holds (`.md`, `.txt`, `.docx`, `.pdf`)
/// and laid out in accord's text format, articles found by their headings in English,
/// Vietnamese or Khmer.
public struct ImportedText: Sendable {
    /// The text in accord's format, as it will be stored in `text.<lang>.md`.
    public let markdown: String
    /// The text read into articles and clauses.
    public let text: InstrumentText

    /// The kinds of file read, by file name extension.
    public static let extensions = ["md", "markdown", "txt", "docx", "pdf"]

    /// The largest file read: agreements run to a few hundred pages, far below this.
    public static let maximumFileBytes = 32 * 1_048_576

    /// Reads `path` (shown as `file` in messages) by its extension. A Word draft with
    /// tracked changes needs `changes`. Fails with one sentence naming the file: 66 when it
    /// is missing, 65 when it is empty, too large, damaged, encrypted, a scanned PDF without
    /// text, or does not read as an instrument text.
    public static func read(path: String, file: String? = nil, changes: TrackedChanges? = nil) throws -> ImportedText {
        let file = file ?? path
        let url = URL(fileURLWithPath: path)
        let kind = url.pathExtension.lowercased()
        guard extensions.contains(kind) else {
            throw AccordError(.data, L10n.t("{1}: accord reads texts from .md, .txt, .docx and .pdf files, not .{2}", file, kind)
                + (kind == "doc" ? L10n.t(" (save the document as .docx)") : ""))
        }
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw AccordError(.notFound, L10n.t("{1}: no such file or not readable", file))
        }
        guard size > 0 else { throw AccordError(.data, L10n.t("{1}: the file is empty", file)) }
        guard size <= maximumFileBytes else {
            throw AccordError(.data, L10n.t("{1}: the file is {2} MiB; accord imports texts of at most {3} MiB (is it the agreement's text?)", file, size / 1_048_576, maximumFileBytes / 1_048_576))
        }
        let markdown: String
        switch kind {
        case "pdf":
            markdown = TextLayout.markdown(try PlainDocument.pdfLines(path: path, file: file))
        default:
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw AccordError(.notFound, L10n.t("{1}: not readable", file)) }
            switch kind {
            case "docx":
                markdown = TextLayout.markdown(try WordDocument.paragraphs(of: data, file: file, changes: changes))
            case "txt":
                markdown = TextLayout.markdown(try PlainDocument.lines(of: data, file: file))
            default:
                // Already in accord's format: kept byte for byte.
                guard let text = String(data: data, encoding: .utf8) else {
                    throw AccordError(.data, L10n.t("{1}: the text is not valid UTF-8", file))
                }
                markdown = text
            }
        }
        guard markdown.contains(where: \.isLetter) else { throw AccordError(.data, L10n.t("{1}: the document has no text", file)) }
        let text = try InstrumentText.parse(Data(markdown.utf8), file: file)
        return ImportedText(markdown: markdown, text: text)
    }

    /// The articles found, one line each (`Article 7 — Repatriation (3 clauses)`), for a
    /// user to check before anything is recorded.
    public var outline: [String] {
        var lines: [String] = []
        if !text.title.isEmpty { lines.append("Title: \(text.title)") }
        for article in text.articles {
            // A section (a chapter, an annex) is named by its heading as written.
            let section = article.id != Article.preambleID && article.number == nil
            let name = article.id == Article.preambleID ? "Preamble" : section ? article.heading : "Article \(article.id)"
            let title = article.title.isEmpty || article.id == Article.preambleID || section ? "" : " — \(article.title)"
            let clauses = article.clauses.isEmpty ? "" : " (\(article.clauses.count) clause\(article.clauses.count == 1 ? "" : "s"))"
            lines.append("\(name)\(title)\(clauses)")
        }
        if text.articles.allSatisfy({ $0.id == Article.preambleID }) {
            lines.append("(no articles found: headings such as \"Article 1\", \"Điều 1\" or \"មាត្រា ១\" start articles)")
        }
        return lines
    }
}
