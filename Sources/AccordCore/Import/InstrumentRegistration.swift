public import Foundation
public import GitStore

/// A new instrument with its first texts, checked against the tracker and recorded as one
/// commit dated on the signing day (the author date, noon UTC) and tagged `<id>@<date>`:
/// each text is in force from its date, so the first text must carry the day it was signed
/// for the text history (`revisions`, `diff`, `gaps`) to run forward from it.
public struct InstrumentRegistration: Sendable {
    /// One text to record: its language and the text read from the user's file.
    public struct Text: Sendable {
        /// The language tag.
        public let language: String
        /// The imported text.
        public let imported: ImportedText

        /// Creates a text.
        public init(language: String, imported: ImportedText) {
            self.language = language
            self.imported = imported
        }
    }

    /// What was recorded.
    public struct Recorded: Sendable {
        /// The new commit.
        public let commit: ObjectID
        /// The tag on it.
        public let tag: String
    }

    /// The instrument's record, as it will be written to `instrument.yaml`.
    public let instrument: Instrument
    /// Its texts, one per language.
    public let texts: [Text]

    /// Describes an instrument to record; its `languages:` are those of `texts` unless set.
    public init(instrument: Instrument, texts: [Text]) {
        var instrument = instrument
        for text in texts where !instrument.languages.contains(text.language) { instrument.languages.append(text.language) }
        self.instrument = instrument
        self.texts = texts
    }

    /// The tag the first text gets: `<id>@<signing date>`.
    public var tag: String { "\(instrument.id)@\(instrument.signed.date)" }

    /// The files the commit writes, path to bytes.
    public var files: [(path: String, data: Data)] {
        let folder = "\(TextRevisions.instrumentsFolder)/\(instrument.id)"
        return [("\(folder)/instrument.yaml", Data(instrument.yamlText().utf8))]
            + texts.map { (TextRevisions.path(of: instrument.id, language: $0.language), Data($0.imported.markdown.utf8)) }
    }

    /// Checks and commits. Nothing is written when a check fails: an instrument with that
    /// id exists (73), two texts in one language, a signing day after `today`, or a record
    /// `accord validate` would refuse (65).
    public func record(in repository: Repository, author: (name: String, email: String),
                       today: CalendarDate = .today()) throws -> Recorded {
        let folder = "\(TextRevisions.instrumentsFolder)/\(instrument.id)"
        let tip = try repository.tip()
        if let tip, try repository.read("\(folder)/instrument.yaml", at: tip) != nil {
            throw AccordError(.cannotCreate, L10n.t("the instrument {1} exists already ({2}/instrument.yaml); record a new text of it with accord amend", instrument.id, folder))
        }
        if let repeated = Dictionary(grouping: texts, by: \.language).first(where: { $0.value.count > 1 }) {
            throw AccordError(.data, L10n.t("two texts given for the language {1}", repeated.key))
        }
        do {
            try FactDate.requireReached(instrument.signed.date, today: today, what: L10n.t("an instrument"),
                                        instead: L10n.t("record it once it is signed"))
        } catch { throw AccordError(.data, error.message) }
        // The record must read back as written: a value the YAML cannot carry is caught here.
        let parsed = Instrument.parse(Data(instrument.yamlText().utf8), file: "\(folder)/instrument.yaml")
        guard parsed.diagnostics.isEmpty else { throw InvalidTrackerData(parsed.diagnostics) }
        if try repository.tags().contains(where: { $0.name == tag }) {
            throw AccordError(.cannotCreate, L10n.t("the tag {1} exists already", tag))
        }
        var changes = ChangeSet()
        for file in files { changes.write(file.path, file.data) }
        let signature = Signature(name: author.name, email: author.email, date: instrument.signed.date.noonUTC)
        let title = instrument.title[instrument.languages.first ?? "en"] ?? instrument.title.values.sorted().first ?? ""
        let message = "Add \(instrument.id): \(title)"
        let commit = try repository.apply(changes, message: message, author: signature,
                                          verify: TrackerWriteCheck.verify(repository))
        try repository.createTag(tag, target: commit, message: "\(tag): the text as signed\n", tagger: signature)
        return Recorded(commit: commit, tag: tag)
    }
}
