extension TrackerSnapshot {
    /// The day a target starts to bind: its instrument's entry into force (else signing),
    /// its plan's adoption, or its meeting's first day. Targets not yet binding at an
    /// as-of date have no gaps and no progress to show.
    public func effectiveDate(of target: TrackedTarget) -> CalendarDate? {
        switch target.kind {
        case .commitment:
            guard let id = InstrumentID(target.id.owner), let instrument = instrument(id) else { return nil }
            return instrument.inForce.map(\.date).min() ?? instrument.signed.date
        case .planItem:
            guard let id = InstrumentID(target.id.owner) else { return nil }
            return plan(id)?.adopted.date
        case .decision:
            return meetings.first { $0.id.rawValue == target.id.owner }?.date
        }
    }

    /// Whether `target` binds on `date`.
    public func binds(_ target: TrackedTarget, on date: CalendarDate) -> Bool {
        effectiveDate(of: target).map { $0 <= date } ?? false
    }

    /// The file a target is declared in, for messages that say where to fix something.
    public func declaringFile(of target: TrackedTarget) -> String {
        switch target.kind {
        case .commitment: "Agreements/\(target.id.owner)/instrument.yaml"
        case .planItem: "Plans/\(target.id.owner).yaml"
        case .decision: "Meetings/\(target.id.owner).yaml"
        }
    }
}

extension CalendarDate {
    /// Whole calendar months from this date to `other` (0 when `other` is earlier or
    /// less than a month later).
    public func months(until other: CalendarDate) -> Int {
        var months = (other.year * 12 + other.month) - (year * 12 + month)
        if other.day < day, other.day < CalendarDate.length(ofMonth: other.month, in: other.year) { months -= 1 }
        return max(0, months)
    }
}
