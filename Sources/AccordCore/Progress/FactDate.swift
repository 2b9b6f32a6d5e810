/// The checks every writer makes on the day of the fact it records, so that `log`,
/// `evidence add`, `meeting add` and `amend` refuse the same impossible dates with the same
/// words: nothing recorded may lie in the future, and nothing reported may precede what it
/// reports on.
public enum FactDate {
    /// Refuses `date` when it is after `today`: `what` ("a status report") states something
    /// that has happened. `instead` tells how to record what is still to come, if there is a way.
    public static func requireReached(_ date: CalendarDate, today: CalendarDate, what: String,
                                      instead: String? = nil) throws(AccordError) {
        guard date > today else { return }
        throw AccordError(.data, L10n.t("the date {1} is in the future (today is {2}); {3} records what has happened", date, today, what)
                               + (instead.map { "; \($0)" } ?? ""))
    }

    /// Refuses `date` when it is before the instrument, plan or meeting owning `target`
    /// existed (signed, adopted, held): `what` cannot speak for a commitment not yet made.
    public static func requireExisting(_ target: QualifiedID, on date: CalendarDate, in snapshot: TrackerSnapshot,
                                       what: String) throws(AccordError) {
        // A month or a year (evidence a source dates so) precedes it only when all of it does.
        guard let existence = snapshot.existence(of: target.owner), date.isWhollyBefore(existence.date) else { return }
        throw AccordError(.data, L10n.t("the date {1} is before {2} {3} ({4}): {5} on {6} cannot precede it", date, target.owner, existence.event, existence.date, what, target))
    }
}
