public import AccordCore

extension ProgressHistory {
    /// The history as a terminal table, its "what" column wrapped to fit `width` terminal
    /// cells when given.
    public func renderTerminal(style: TerminalStyle, width: Int? = nil) -> String {
        var text = ""
        writeTerminal(style: style, width: width) { text += $0 }
        return text
    }

    /// The table of ``renderTerminal(style:width:)``, handed to `write` in pieces of whole
    /// lines: each row is made as it is written (and once before, to measure the columns;
    /// twice when the table is narrowed to `width`), so the history of 50,000 commits is
    /// never held as rows of cells or as one text.
    public func writeTerminal(style: TerminalStyle, width: Int? = nil, to write: (String) throws -> Void) rethrows {
        let table = TextTable([.init(L10n.t("date", context: "column")), .init(L10n.t("commit", context: "column")), .init(L10n.t("author", context: "column"), wraps: true), .init(L10n.t("what", context: "column"), wraps: true)])
        // A summary translated is matched against the catalog's messages: done once, and
        // kept for the second pass. In English it is cheaper made again than kept.
        let translated = L10n.language == .english ? nil : entries.map(Self.what)
        let rows = entries.indices.lazy.map { index in
            let entry = entries[index]
            return ["\(entry.date)", style.dim(String(entry.commit.prefix(7))), ProgressStyle.clip(entry.author, 32),
                    translated?[index] ?? Self.what(entry)]
        }
        var banner = ProgressStyle.banner(notice, style: style)
        // Fitted to the terminal, the banner too breaks between words.
        if let width, !banner.isEmpty { banner = ProgressStyle.wrap(String(banner.dropLast(2)), width) + "\n\n" }
        if !banner.isEmpty { try write(banner) }
        try table.write(rows: rows, widths: table.widths(measuring: rows, fitting: width), style: style, to: write)
    }

    /// An entry's summary as the terminal's table and the web page show it: in the reader's
    /// language, after the tags of its marks (`[illustrative]`).
    public static func what(_ entry: HistoryEntry) -> String { ProgressStyle.marked(shown(entry.summary), entry.marks) }

    /// An entry's summary (changes kept in English, joined by `; `) in the reader's language.
    static func shown(_ summary: String) -> String {
        // Kept in English, it is shown as it is, not split at `; ` and joined again: the
        // whole history does this for every commit.
        guard L10n.language != .english else { return summary }
        return summary.split(separator: "; ", omittingEmptySubsequences: false).map { L10n.shown(String($0)) }.joined(separator: "; ")
    }
}
