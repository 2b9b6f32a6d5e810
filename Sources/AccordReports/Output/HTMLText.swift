import AccordCore

/// Escaping for values placed in HTML text and attributes. Every value a report writes
/// into HTML goes through `escape`.
public enum HTMLText {
    /// The text with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
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
