import AccordCore

extension ProgressList {
    /// The list as CSV (docs/csv.md), one row per instrument, target, piece of evidence or
    /// meeting. Targets get a group of columns per party, `VN_status` …, in the order of
    /// `parties` (the tracker's), then any other party a row names; a party a target does
    /// not bind leaves its cells empty.
    public func renderCSV(parties: [String]) -> String { csvTable(parties: parties).render() }

    /// The list as a table with typed columns: what `--csv` and `--format xlsx` write.
    public func csvTable(parties: [String]) -> CSVTable {
        var table: CSVTable
        /// An id a row refers to, with the mark of what it names (`tip-2005#7.2 [illustrative]`).
        func referenced(_ id: String) -> String { id + ProvenanceNotice.suffix(referenceMarks[id] ?? []) }
        if let instruments {
            table = CSVTable(["id", "kind", "title", "parties", "date", "status", "targets", "overdue", "marks"],
                             kinds: ["date": .date, "targets": .number, "overdue": .number])
            for row in instruments {
                table.add([row.id, row.kind, row.title, CSVTable.list(row.parties), "\(row.date)", row.status,
                           "\(row.targets)", "\(row.overdue)", CSVTable.marks(row.marks)])
            }
        } else if let targets {
            var order = parties
            for party in targets.flatMap({ $0.parties.map(\.party) }) where !order.contains(party) { order.append(party) }
            var kinds: [String: CSVTable.ColumnKind] = ["joint": .flag, "due": .date, "overdue": .flag]
            for party in order {
                for (column, kind) in zip(Self.partyColumns, Self.partyColumnKinds) { kinds["\(party)_\(column)"] = kind }
            }
            table = CSVTable(["id", "kind", "summary", "joint", "due", "overdue"] + order.flatMap { party in
                Self.partyColumns.map { "\(party)_\($0)" }
            } + ["marks"], kinds: kinds)
            for row in targets {
                table.add([row.id, row.kind, row.summary, CSVTable.flag(row.joint), row.due?.description ?? "",
                           CSVTable.flag(row.overdue)] + order.flatMap { party -> [String] in
                    guard let status = row.parties.first(where: { $0.party == party }) else {
                        return Self.partyColumns.map { _ in "" }
                    }
                    return [status.status, status.since?.description ?? "", CSVTable.flag(status.overdue),
                            status.responsible ?? "", status.nextDue?.description ?? "", "\(status.evidence)"]
                } + [CSVTable.marks(row.marks)])
            }
        } else if let evidence {
            table = CSVTable(["id", "date", "kind", "party", "sensitivity", "redacted", "title", "supports",
                              "source", "url", "note", "attachment", "marks"],
                             kinds: ["date": .date, "redacted": .flag])
            for row in evidence {
                table.add([row.id, "\(row.date)", row.kind, row.party ?? "", row.sensitivity, CSVTable.flag(row.redacted),
                           row.title, CSVTable.list(row.supports.map(referenced)), row.source ?? "", row.url ?? "", row.note ?? "",
                           row.attachment?.path ?? "", CSVTable.marks(row.marks)])
            }
        } else {
            table = CSVTable(["id", "date", "end", "title", "venue", "host", "decisions", "reviews", "marks"],
                             kinds: ["date": .date, "end": .date, "decisions": .number])
            for row in meetings ?? [] {
                table.add([row.id, "\(row.date)", row.end.map { "\($0)" } ?? "", row.title, row.venue ?? "", row.host ?? "", "\(row.decisions)",
                           CSVTable.list(row.reviews.map(referenced)), CSVTable.marks(row.marks)])
            }
        }
        return table
    }

    /// The columns each party has in a target list, after its code and `_`.
    static let partyColumns = ["status", "since", "overdue", "responsible", "next_due", "evidence"]
    /// What each of `partyColumns` holds.
    static let partyColumnKinds: [CSVTable.ColumnKind] = [.text, .date, .flag, .text, .date, .number]
}
