/// The banner a summary or report carries when it uses marked records: which marks occur,
/// and one paragraph saying what they mean. Built with the report, so every format shows
/// the same words.
public struct ProvenanceNotice: Sendable, Hashable, Codable {
    /// The marks that occur, in a fixed order.
    public let marks: [ProvenanceMark]
    /// What they mean, for a reader who may quote the report.
    public let text: String

    /// The notice for `marks`, or nil when there is none.
    public init?(_ marks: Set<ProvenanceMark>) {
        guard !marks.isEmpty else { return nil }
        self.marks = marks.sorted()
        var sentences: [String] = []
        if marks.contains(.illustrative) {
            sentences.append(L10n.t("Entries marked [{1}] were written to show how the tracker works; they state no real fact and must not be quoted as one.",
                ProvenanceMark.illustrative.label))
        }
        if marks.contains(.workingSummary) {
            sentences.append(L10n.t("Entries marked [{1}] rest on summaries of the instruments' texts, not on their authentic wording or numbering.",
                ProvenanceMark.workingSummary.label))
        }
        text = sentences.joined(separator: " ")
    }

    /// `[illustrative]`, `[illustrative] [working summary]`; empty for no marks.
    public static func tags(_ marks: [ProvenanceMark]) -> String {
        marks.map { "[\($0.label)]" }.joined(separator: " ")
    }

    /// ` [illustrative]` after a value, or nothing.
    public static func suffix(_ marks: [ProvenanceMark]) -> String {
        marks.isEmpty ? "" : " " + tags(marks)
    }
}
