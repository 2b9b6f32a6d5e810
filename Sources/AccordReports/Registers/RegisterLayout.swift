import AccordCore

/// The registers' answer times as plain-text rows, shared by the status dashboard and the
/// review summary so that both say the same thing in the same words.
enum RegisterLayout {
    /// The section's heading.
    static var heading: String { L10n.t("Requests between the parties: days to answer") }

    /// The columns; the numeric ones are listed by ``numeric``.
    static var header: [String] {
        [L10n.t("Request"), L10n.t("From → to"), L10n.t("Year sent"), L10n.t("Sent"), L10n.t("Answered"),
         L10n.t("Median days to answer"), L10n.t("Open"), L10n.t("Oldest open")]
    }

    /// The right-aligned columns.
    static let numeric: Set<Int> = [2, 3, 4, 5, 6]

    /// One row per kind of request, pair of parties and year sent.
    static func rows(_ register: RequestRegister) -> [[String]] {
        register.rows.map { row in
            [ProgressStyle.marked(row.kind.label, row.marks), "\(row.from) → \(row.to)", "\(row.year)", "\(row.sent)",
             "\(row.answered)",
             row.medianDays.map { $0.text } ?? "—",
             "\(row.open)",
             row.oldestOpen.map { L10n.t("{1} days (sent {2}, {3})", $0.days.text, $0.sent, $0.reference) } ?? "—"]
        }
    }

    /// What the numbers mean: said under the table wherever it is shown.
    static func explanation(_ register: RequestRegister) -> String {
        var text = L10n.t("Days from sent to answered; the median is over the requests answered by {1}, open ones are counted apart.", register.asOf)
        let approximate = register.rows.reduce(0) { $0 + $1.approximate }
        if approximate > 0 {
            text += " " + L10n.t("{1} answers are dated by month or year only: their days, and medians resting on them, are ranges.", approximate)
        }
        return text
    }

    /// The line shown when nothing is recorded.
    static var empty: String { L10n.t("No requests recorded in the registers.") }
}
