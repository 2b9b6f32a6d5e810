public import AccordCore

/// The review schedule as CSV (docs/csv.md): one row per review, past and upcoming, by
/// date, with the targets falling due before an upcoming one.
public enum ScheduleCSVRenderer {
    /// The schedule as CSV text.
    public static func render(_ schedule: ReviewSchedule) -> String { table(schedule).render() }

    /// The schedule as a table with typed columns: what `--csv` and `--format xlsx` write.
    public static func table(_ schedule: ReviewSchedule) -> CSVTable {
        var table = CSVTable(["id", "date", "instrument", "instrument_title", "cycle", "title", "host", "standing",
                              "meeting", "meeting_date", "late_meeting", "late_meeting_date", "due_before", "marks"],
                             kinds: ["date": .date, "meeting_date": .date, "late_meeting_date": .date])
        for review in schedule.reviews {
            table.add([review.id, "\(review.date)", review.instrument.rawValue, review.instrumentTitle, review.cycle,
                       review.title, review.host?.code ?? "", review.standing.rawValue, review.meeting?.rawValue ?? "",
                       review.meetingDate?.description ?? "", review.lateMeeting?.rawValue ?? "",
                       review.lateMeetingDate?.description ?? "",
                       CSVTable.list(review.dueBefore.map { "\($0.target) (\($0.date))" + ProvenanceNotice.suffix($0.marks) }),
                       CSVTable.marks(review.marks)])
        }
        return table
    }

    /// What falls due before each upcoming review, one row per target: the workbook's
    /// second sheet, where the CSV packs the same into the `due_before` column.
    public static func dueTable(_ schedule: ReviewSchedule) -> CSVTable {
        var table = CSVTable(["review", "review_date", "target", "due", "marks"], kinds: ["review_date": .date, "due": .date])
        for review in schedule.reviews {
            for due in review.dueBefore {
                table.add([review.id, "\(review.date)", "\(due.target)", "\(due.date)", CSVTable.marks(due.marks)])
            }
        }
        return table
    }
}
