public import AccordCore

/// The review schedule as CSV (docs/csv.md): one row per review, past and upcoming, by
/// date, with the targets falling due before an upcoming one.
public enum ScheduleCSVRenderer {
    /// The schedule as CSV text.
    public static func render(_ schedule: ReviewSchedule) -> String {
        var table = CSVTable(["id", "date", "instrument", "instrument_title", "cycle", "title", "host", "standing",
                              "meeting", "meeting_date", "late_meeting", "late_meeting_date", "due_before", "marks"])
        for review in schedule.reviews {
            table.add([review.id, "\(review.date)", review.instrument.rawValue, review.instrumentTitle, review.cycle,
                       review.title, review.host?.code ?? "", review.standing.rawValue, review.meeting?.rawValue ?? "",
                       review.meetingDate?.description ?? "", review.lateMeeting?.rawValue ?? "",
                       review.lateMeetingDate?.description ?? "",
                       CSVTable.list(review.dueBefore.map { "\($0.target) (\($0.date))" + ProvenanceNotice.suffix($0.marks) }),
                       CSVTable.marks(review.marks)])
        }
        return table.render()
    }
}
