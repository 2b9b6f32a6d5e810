/// What the history of the instrument texts says, read from git by the caller, so the
/// gap rules `amended-since-evidence` and `languages-out-of-step` stay pure functions of
/// values.
public struct TextHistoryFacts: Sendable, Hashable {
    /// A revision of the text that changed a commitment's clause.
    public struct ClauseRevision: Sendable, Hashable {
        /// The day of the revision (the commit's date).
        public var date: CalendarDate
        /// How to name it: the tag (`tip-2005@2012-09-28`) or a short commit id.
        public var revision: String

        /// Creates a clause revision.
        public init(date: CalendarDate, revision: String) {
            self.date = date
            self.revision = revision
        }
    }

    /// A language version left behind by a revision of another.
    public struct LanguageLag: Sendable, Hashable {
        /// The instrument.
        public var instrument: InstrumentID
        /// The language whose text was not revised (`vi`).
        public var language: String
        /// When that text last changed, if known.
        public var lastChanged: CalendarDate?
        /// The language revised later (`en`).
        public var revisedLanguage: String
        /// When it was revised.
        public var revised: CalendarDate
        /// How to name the revision: a tag or a short commit id.
        public var revision: String

        /// Creates a lag.
        public init(
            instrument: InstrumentID, language: String, lastChanged: CalendarDate?,
            revisedLanguage: String, revised: CalendarDate, revision: String
        ) {
            self.instrument = instrument
            self.language = language
            self.lastChanged = lastChanged
            self.revisedLanguage = revisedLanguage
            self.revised = revised
            self.revision = revision
        }
    }

    /// The latest revision that changed each commitment's clause, on or before the as-of date.
    public var clauseChanges: [QualifiedID: ClauseRevision]
    /// Language versions out of step at the as-of date.
    public var languageLags: [LanguageLag]

    /// Creates the facts; none by default (the two text rules then find nothing).
    public init(clauseChanges: [QualifiedID: ClauseRevision] = [:], languageLags: [LanguageLag] = []) {
        self.clauseChanges = clauseChanges
        self.languageLags = languageLags
    }
}
