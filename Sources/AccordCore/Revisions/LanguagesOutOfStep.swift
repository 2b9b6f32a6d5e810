/// An instrument whose text in one language was revised after another language's latest
/// revision: the translations no longer say the same thing.
public struct LanguagesOutOfStep: Sendable, Hashable, Codable {
    /// The language that lags.
    public struct Lagging: Sendable, Hashable, Codable {
        /// The language tag.
        public let language: String
        /// The date of its latest revision.
        public let lastRevised: CalendarDate
    }

    /// The instrument.
    public let instrument: InstrumentID
    /// The language revised most recently.
    public let latestLanguage: String
    /// The date of that revision.
    public let latestRevision: CalendarDate
    /// Its tag, or its short commit id.
    public let revision: String
    /// The languages last revised earlier, oldest first.
    public let lagging: [Lagging]

    /// Whether the texts of `revisions` are out of step: nil when every language that has
    /// a text was last revised on the same date (or there is only one). A removed text is
    /// not a language that lags. With `asOf`, revisions dated after it are ignored.
    public static func find(in revisions: TextRevisions, asOf: CalendarDate? = nil) -> LanguagesOutOfStep? {
        var latest: [String: (date: CalendarDate, label: String)] = [:]
        var order: [String] = []
        for revision in revisions.revisions where asOf == nil || revision.date <= asOf! {
            for change in revision.languages {
                if !order.contains(change.language) { order.append(change.language) }
                latest[change.language] = change.kind == .removed ? nil : (revision.date, revision.label)
            }
        }
        let present = order.filter { latest[$0] != nil }
        guard let newest = present.max(by: { latest[$0]!.date < latest[$1]!.date }) else { return nil }
        let newestDate = latest[newest]!.date
        let lagging = present.filter { latest[$0]!.date < newestDate }
            .sorted { latest[$0]!.date < latest[$1]!.date }
            .map { Lagging(language: $0, lastRevised: latest[$0]!.date) }
        guard !lagging.isEmpty else { return nil }
        return LanguagesOutOfStep(instrument: revisions.instrument, latestLanguage: newest, latestRevision: newestDate,
                                  revision: latest[newest]!.label, lagging: lagging)
    }
}
