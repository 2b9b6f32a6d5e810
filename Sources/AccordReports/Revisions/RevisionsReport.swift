public import AccordCore

/// What `accord revisions` shows: the revisions of an instrument's texts (all, or those of
/// one language) and whether its languages are out of step. One value, rendered for a
/// terminal by ``RevisionsTerminalRenderer`` and as JSON by ``JSONOutput``.
public struct RevisionsReport: Sendable, Codable {
    /// The instrument.
    public let instrument: InstrumentID
    /// The language asked for; nil for all.
    public let language: String?
    /// The revisions, oldest first.
    public let revisions: [TextRevision]
    /// The languages that lag behind the latest revision; nil when they are in step.
    public let outOfStep: LanguagesOutOfStep?
    /// The marks of the texts listed (``ProvenanceMark``): `working-summary` when they are
    /// summaries, not authentic texts.
    public let marks: [ProvenanceMark]
    /// The banner when the texts are marked.
    public let notice: ProvenanceNotice?

    /// The report on `revisions`, limited to those touching `language` when given and to
    /// those dated on or before `asOf`.
    /// `marks` are those of the texts (``Instrument/marks(of:)``).
    public init(_ revisions: TextRevisions, language: String? = nil, asOf: CalendarDate? = nil,
                marks: Set<ProvenanceMark> = []) {
        self.marks = marks.ordered
        notice = ProvenanceNotice(marks)
        instrument = revisions.instrument
        self.language = language
        self.revisions = (language.map(revisions.revisions(of:)) ?? revisions.revisions)
            .filter { asOf == nil || $0.date <= asOf! }
        outOfStep = LanguagesOutOfStep.find(in: revisions, asOf: asOf)
    }
}
