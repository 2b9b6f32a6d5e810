import Foundation

/// Reads plain text (`.txt`) and text PDFs into lines, each a ``SourceParagraph``: neither
/// format marks headings, so articles are found by their wording alone.
enum PlainDocument {
    /// The lines of UTF-8 `data` (a byte order mark and CRLF accepted), a blank line
    /// starting a new paragraph.
    static func lines(of data: Data, file: String) throws -> [SourceParagraph] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw AccordError(.data, L10n.t("{1}: the text is not valid UTF-8 (save it as UTF-8 and import it again)", file))
        }
        return lines(of: text)
    }

    /// The lines of `text`, a blank line (or a page break) starting a new paragraph.
    static func lines(of text: String) -> [SourceParagraph] {
        var result: [SourceParagraph] = []
        var afterBlank = true
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\u{0C}" }) {
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                afterBlank = true
                continue
            }
            result.append(SourceParagraph(text: line, startsParagraph: afterBlank))
            afterBlank = false
        }
        return result
    }

    /// The text layer of a PDF, through `pdftotext` (poppler-utils): the reference text
    /// extractor on Debian, which handles the fonts, encodings and layouts real PDFs use.
    static func pdfLines(path: String, file: String) throws -> [SourceParagraph] {
        let result: ExternalTool.Result
        do {
            result = try ExternalTool(program: "pdftotext").run(["-enc", "UTF-8", path, "-"])
        } catch let failure as AccordError {
            throw AccordError(.internal, L10n.t("{1}: {2} (install poppler-utils)", file, failure.message))
        }
        guard result.status == 0 else {
            let why = result.errorText.split(separator: "\n").first.map(String.init) ?? L10n.t("pdftotext failed (status {1})", result.status)
            if why.lowercased().contains("password") || result.status == 1 && why.lowercased().contains("encrypt") {
                throw AccordError(.data, L10n.t("{1}: the PDF is password-protected; import an unprotected copy", file))
            }
            throw AccordError(.data, L10n.t("{1}: not a readable PDF ({2})", file, why))
        }
        guard let text = String(data: result.output, encoding: .utf8) else {
            throw AccordError(.data, L10n.t("{1}: the PDF's text is not valid UTF-8", file))
        }
        let lines = lines(of: text)
        guard lines.contains(where: { $0.text.contains(where: \.isLetter) }) else {
            throw AccordError(.data, L10n.t("{1}: the PDF has no text layer (a scanned image?); run it through OCR or import the Word or text file it was made from", file))
        }
        return lines
    }
}
