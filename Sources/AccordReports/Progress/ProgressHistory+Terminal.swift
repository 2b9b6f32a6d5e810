public import AccordCore

extension ProgressHistory {
    /// The history as a terminal table.
    public func renderTerminal(style: TerminalStyle) -> String {
        var table = TextTable([.init(L10n.t("date", context: "column")), .init(L10n.t("commit", context: "column")), .init(L10n.t("author", context: "column")), .init(L10n.t("what", context: "column"))])
        for entry in entries {
            table.add(["\(entry.date)", style.dim(String(entry.commit.prefix(7))), ProgressStyle.clip(entry.author, 32),
                       ProgressStyle.marked(Self.shown(entry.summary), entry.marks)])
        }
        return ProgressStyle.banner(notice, style: style) + table.render(style: style)
    }

    /// An entry's summary (changes kept in English, joined by `; `) in the reader's language.
    static func shown(_ summary: String) -> String {
        summary.split(separator: "; ", omittingEmptySubsequences: false).map { L10n.shown(String($0)) }.joined(separator: "; ")
    }
}
