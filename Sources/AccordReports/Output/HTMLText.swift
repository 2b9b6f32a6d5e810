import AccordCore

/// Escaping for values placed in HTML text and attributes. Every value a report writes
/// into HTML goes through `escape`.
public enum HTMLText {
    /// The text with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String {
        // By bytes, not characters: a quote or `<` followed by a combining mark is one
        // Character, yet a browser still reads the quote or `<` (the five are ASCII, and no
        // byte of a longer UTF-8 sequence is ASCII). Most texts have none and come back as
        // they are.
        var text = text
        return text.withUTF8 { bytes -> String? in
            func special(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            }
            guard bytes.contains(where: special) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): result += "&amp;".utf8
                case UInt8(ascii: "<"): result += "&lt;".utf8
                case UInt8(ascii: ">"): result += "&gt;".utf8
                case UInt8(ascii: "\""): result += "&quot;".utf8
                case UInt8(ascii: "'"): result += "&#39;".utf8
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// `text` escaped for an element's content, each run of Khmer script in a page of
    /// another language marked `<span lang="km">`, so browsers, screen readers and
    /// hyphenation treat it as Khmer.
    public static func content(_ text: String) -> String {
        let page = L10n.language
        guard page != .khmer, text.unicodeScalars.contains(where: DocumentFont.isKhmer) else { return escape(text) }
        var result = "", run = ""
        var inKhmer = false
        func flush() {
            guard !run.isEmpty else { return }
            result += inKhmer ? "<span lang=\"km\">\(escape(run))</span>" : escape(run)
            run = ""
        }
        for character in text {
            let scalars = character.unicodeScalars
            // Spaces and marks between two Khmer words stay inside the span.
            let khmer = scalars.contains(where: DocumentFont.isKhmer)
            let neutral = !khmer && character.isWhitespace
            if !neutral && khmer != inKhmer {
                flush()
                inKhmer = khmer
            }
            run.append(character)
        }
        flush()
        return result
    }

    /// One self-contained HTML page: the title (escaped here), inline CSS, and the body's
    /// already-escaped HTML inside `<main>`. No external resource is referenced. The page's
    /// `lang` is `language` (a BCP 47 tag) when given, else the run's language (`L10n`); a page with Khmer text carries the Khmer font
    /// (`DocumentFont.khmer`) inside it, so it renders where no Khmer font is installed.
    public static func page(title: String, style: String, body: [String], language: String? = nil) -> String {
        let content = body.joined(separator: "\n")
        let hasKhmer = title.unicodeScalars.contains(where: DocumentFont.isKhmer)
            || content.unicodeScalars.contains(where: DocumentFont.isKhmer)
        let font = DocumentFont.khmer
        let fonts = hasKhmer && !font.base64.isEmpty
            ? font.fontFace + "\nbody, h1, h2, h3, table, svg text { font-family: \"\(font.family)\", \"Noto Sans\", \"DejaVu Sans\", sans-serif; }\n"
            : ""
        return """
        <!DOCTYPE html>
        <html lang="\(escape(language ?? L10n.language.tag))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        \(fonts)</style>
        </head>
        <body>
        <main>
        \(content)
        </main>
        </body>
        </html>

        """
    }
}
