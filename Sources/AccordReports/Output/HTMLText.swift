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

    /// One self-contained HTML page: the title (escaped here), inline CSS, and the body's
    /// already-escaped HTML inside `<main>`. No external resource is referenced. The page's
    /// `lang` is the run's language (`L10n`).
    public static func page(title: String, style: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(L10n.language.tag)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }
}
