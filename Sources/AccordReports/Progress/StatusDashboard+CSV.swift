import AccordCore

extension StatusDashboard {
    /// The dashboard as CSV (docs/csv.md): one row per group and party, with a column per
    /// status, like the terminal table but with every count.
    public func renderCSV() -> String { csvTable().render() }

    /// The dashboard as a table with typed columns: what `--csv` and `--format xlsx` write.
    public func csvTable() -> CSVTable {
        let counts = Status.allCases.map { $0.rawValue.split(separator: "-").joined(separator: "_") }
        var kinds: [String: CSVTable.ColumnKind] = ["next_review": .date]
        for column in ["targets", "party_targets", "overdue", "group_overdue", "with_evidence"] + counts { kinds[column] = .number }
        var table = CSVTable(["group", "kind", "title", "party", "targets", "party_targets"] + counts
            + ["overdue", "group_overdue", "with_evidence", "evidence_coverage", "next_review", "next_review_title", "marks"],
            kinds: kinds)
        for group in groups {
            for party in group.parties {
                table.add([group.id, group.kind, group.title, party.party, "\(group.targets)", "\(party.targets)"]
                    + Status.allCases.map { "\(party.counts[$0.rawValue] ?? 0)" }
                    + ["\(party.overdue)", "\(group.overdue)", "\(group.withEvidence)",
                       Percentage.text(group.withEvidence, of: group.targets),
                       group.nextReview?.date.description ?? "", group.nextReview?.title ?? "",
                       CSVTable.marks(group.marks + (group.nextReview?.marks ?? []))])
            }
        }
        return table
    }
}
