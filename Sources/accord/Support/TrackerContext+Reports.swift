public import AccordCore
public import ArgumentParser

/// The report values several commands build from one context, each built the same way.
extension TrackerContext {
    /// The parties' codes in the order of accord.yaml: the order of party columns in CSV.
    var partyCodes: [String] { snapshot.settings?.partyCodes.map(\.code) ?? [] }

    /// The same commit evaluated at another date, as it stood then.
    func evaluated(at date: CalendarDate) throws -> TrackerContext {
        let stood = try whole.inForce(on: date, repository: repository, commit: commit, prefetched: prefetchedTexts)
        return TrackerContext(repository: repository, commit: commit, snapshot: stood, whole: whole, asOf: date,
                              redaction: redaction, resolver: IDResolver(stood), prefetchedTexts: prefetchedTexts,
                              user: user, console: console, lazyState: Lazy { TrackerState(stood, asOf: date) })
    }

    /// The review schedule at the as-of date.
    func schedule(horizon: ReviewHorizon = .default) -> ReviewSchedule {
        ReviewSchedule(snapshot: snapshot, state: state, horizonMonths: horizon.months)
    }

    /// The revisions of every instrument's texts in the history of the commit read, or
    /// only of `instrument`'s.
    func textHistory(of instrument: InstrumentID? = nil) throws -> TextHistory {
        try TextHistory(snapshot: snapshot, repository: repository, commit: commit, only: instrument.map { [$0] },
                        prefetched: prefetchedTexts)
    }

    /// Every gap at the as-of date that `filter` keeps.
    func gaps(schedule: ReviewSchedule, history: TextHistory, filter: GapReport.Filter = .init()) -> GapReport {
        GapReport(snapshot: snapshot, state: state, schedule: schedule,
                  amendedSinceEvidence: history.amendedSinceEvidence(snapshot: snapshot, asOf: asOf),
                  languagesOutOfStep: history.languagesOutOfStep(asOf: asOf), filter: filter)
    }
}

/// How far ahead the schedule looks: `18m` (months), `2y` (years) or a number of months.
struct ReviewHorizon: ExpressibleByArgument, Sendable {
    static let `default` = ReviewHorizon(months: 18)

    let months: Int

    init(months: Int) { self.months = months }

    init?(argument: String) {
        let text = argument.lowercased()
        let multiplier = text.hasSuffix("y") ? 12 : 1
        let digits = text.hasSuffix("y") || text.hasSuffix("m") ? String(text.dropLast()) : text
        guard let number = Int(digits), number >= 0, number <= 1200 else { return nil }
        months = number * multiplier
    }

    var defaultValueDescription: String { "\(months)m" }
}

extension GapRule: ExpressibleByArgument {}
extension GapSeverity: ExpressibleByArgument {}
extension TrackedChanges: ExpressibleByArgument {}
