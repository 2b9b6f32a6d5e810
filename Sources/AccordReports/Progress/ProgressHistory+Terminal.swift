public import AccordCore

extension ProgressHistory {
    /// The history as a terminal table.
    public func renderTerminal(style: TerminalStyle) -> String {
        var table = TextTable([.init("date"), .init("commit"), .init("author"), .init("what")])
        for entry in entries {
            table.add(["\(entry.date)", style.dim(String(entry.commit.prefix(7))), ProgressStyle.clip(entry.author, 32),
                       ProgressStyle.marked(entry.summary, entry.marks)])
        }
        return ProgressStyle.banner(notice, style: style) + table.render(style: style)
    }
}
