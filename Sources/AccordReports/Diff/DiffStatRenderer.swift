public import AccordCore

/// The diff as a per-article summary (`--stat`): one line for each changed article with
/// its change and the words added and removed, then a total.
public struct DiffStatRenderer: InstrumentDiffRenderer {
    /// A stat renderer.
    public init() {}

    /// The summary lines and the total.
    public func render(_ diff: InstrumentDiff) -> String {
        var rows: [(String, String, String, String)] = [(L10n.t("article", context: "redline"), L10n.t("change", context: "redline"),
                                                         L10n.t("added", context: "redline"), L10n.t("removed", context: "redline"))]
        if diff.title.isChanged {
            rows.append((L10n.t("title", context: "redline"), L10n.t("modified", context: "redline"), "+\(diff.title.wordsAdded)", "-\(diff.title.wordsRemoved)"))
        }
        if diff.frontMatter.isChanged {
            rows.append((L10n.t("front matter", context: "redline"), L10n.t("modified", context: "redline"), "+\(diff.frontMatter.wordsAdded)", "-\(diff.frontMatter.wordsRemoved)"))
        }
        for change in diff.changedArticles {
            rows.append((DiffLayout.name(change) + DiffLayout.qualifier(change), DiffLayout.outcome(change),
                         "+\(change.wordsAdded)", "-\(change.wordsRemoved)"))
        }
        let widths = (rows.map { DisplayWidth.of($0.0) }.max() ?? 0, rows.map { DisplayWidth.of($0.1) }.max() ?? 0,
                      rows.map(\.2.count).max() ?? 0, rows.map(\.3.count).max() ?? 0)
        var lines = rows.count == 1 ? [] : rows.map { row in
            pad(row.0, widths.0) + "  " + pad(row.1, widths.1) + "  "
                + padLeft(row.2, widths.2) + "  " + padLeft(row.3, widths.3)
        }
        lines.append(DiffLayout.summary(diff) + (diff.notice.map { " " + ProvenanceNotice.tags($0.marks) } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
