public import Foundation
public import GitStore

/// A new revision of an instrument's text (an amendment, a corrected translation), checked
/// against the tracker and then recorded as one commit dated on the revision's day, tagged
/// `<instrument>@<date>`.
///
/// The register stays truthful: an amendment with signatories is an act that revised the
/// text, so it is appended to `amendments:` in the same commit; a revision without them (a
/// corrected translation, a fixed typo) changes only the text. A language the instrument
/// has no text in yet is refused unless `addingLanguages`, which adds it to `languages:`.
public struct TextAmendment: Sendable {
    /// One new text: its language, the file it came from (for messages) and its bytes.
    public struct NewText: Sendable {
        /// The language tag.
        public let language: String
        /// The file the user gave, as shown in messages.
        public let file: String
        /// The bytes.
        public let data: Data

        /// Creates a new text.
        public init(language: String, file: String, data: Data) {
            self.language = language
            self.file = file
            self.data = data
        }
    }

    /// What was recorded.
    public struct Recorded: Sendable {
        /// The new commit.
        public let commit: ObjectID
        /// The tag put on it.
        public let tag: String
        /// The diff of each revised language against its text before, by language; absent
        /// for a language's first text.
        public let diffs: [String: InstrumentDiff]
        /// Whether an entry was added to `amendments:`.
        public let registered: Bool
        /// The commitments pointed at another clause, commitment id to its clause now.
        public let remapped: [String: String]
        /// True when nothing was committed: an earlier amend of the same texts, killed
        /// before it could tag its commit, was found and tagged.
        public var repaired = false
    }

    /// The instrument.
    public let instrument: InstrumentID
    /// The new texts, at most one per language.
    public let texts: [NewText]
    /// The day of the revision: the commit's author date and the tag's date.
    public let date: CalendarDate
    /// The commit message.
    public let message: String
    /// Who signed the amending act; empty for a correction.
    public let signatories: [Signatory]
    /// Where it was signed.
    public let place: String?
    /// Whether a language without a text yet may be added.
    public let addingLanguages: Bool
    /// Where register clauses went, old clause to new (`--remap 4.2=5.2`).
    public let remap: [String: String]
    /// Whether the proposed remap of the register is taken (`--accept-remap`).
    public let acceptingRemap: Bool

    /// Describes a revision to record.
    public init(instrument: InstrumentID, texts: [NewText], date: CalendarDate, message: String,
                signatories: [Signatory] = [], place: String? = nil, addingLanguages: Bool = false,
                remap: [String: String] = [:], acceptingRemap: Bool = false) {
        self.instrument = instrument
        self.texts = texts
        self.date = date
        self.message = message
        self.signatories = signatories
        self.place = place
        self.addingLanguages = addingLanguages
        self.remap = remap
        self.acceptingRemap = acceptingRemap
    }

    /// The tag the revision gets: `<instrument>@<date>`.
    public var tag: String { "\(instrument)@\(date)" }

    /// Checks the revision against the tip of `repository` and commits it with the tag.
    /// Nothing is written when a check fails:
    /// - no such instrument: ``AccordError`` (not found, 66);
    /// - a text that does not parse: ``InstrumentTextError`` naming the file and line (65);
    /// - a language the instrument has no text in (without `addingLanguages`), a text that
    ///   reads the same as the current one, a date before the instrument was signed, after
    ///   `today`, or before its latest revision (the history of a text runs forward): 65;
    /// - the tag exists already: 73.
    public func record(in repository: Repository, author: (name: String, email: String),
                       today: CalendarDate = .today()) throws -> Recorded {
        guard let tip = try repository.tip() else { throw AccordError(.notFound, L10n.t("the tracker has no commits")) }
        let folder = "Agreements/\(instrument)"
        let yamlPath = "\(folder)/instrument.yaml"
        guard let yamlData = try repository.read(yamlPath, at: tip) else {
            throw AccordError(.notFound, L10n.t("no instrument {1} in the tracker (no {2})", instrument, yamlPath))
        }
        let parsed = Instrument.parse(yamlData, file: yamlPath)
        guard parsed.diagnostics.isEmpty, let current = parsed.value else { throw InvalidTrackerData(parsed.diagnostics) }
        guard !texts.isEmpty else { throw AccordError(.usage, L10n.t("no text given")) }
        if date < current.signed.date {
            throw AccordError(.data, L10n.t("{1} is before {2} was signed ({3}); a revision cannot precede the text", date, instrument, current.signed.date))
        }
        do {
            try FactDate.requireReached(date, today: today, what: L10n.t("an amendment"), instead: L10n.t("record it once it is signed"))
        } catch { throw AccordError(.data, error.message) }
        // Each revision is in force from its date until the next: one dated before the
        // latest would put the texts out of order.
        if let latest = try TextRevisions.read(instrument, languages: current.languages, in: repository, from: tip).revisions.last,
           date < latest.date {
            throw AccordError(.data, L10n.t("{1} is before {2}'s latest revision ({3}, {4}): each text is in force from its date until the next, so texts are recorded oldest first; to enter an earlier text, commit the instrument with its first text dated on its signing day (git commit --date), then each later text with accord amend in date order; a correction of the current text is dated on or after {4}", date, instrument, latest.label, latest.date))
        }
        if let repeated = Dictionary(grouping: texts, by: \.language).first(where: { $0.value.count > 1 }) {
            throw AccordError(.usage, L10n.t("two texts given for the language {1}", repeated.key))
        }

        var languages = current.languages
        var changes = ChangeSet()
        var diffs: [String: InstrumentDiff] = [:]
        for text in texts {
            let new = try InstrumentText.parse(text.data, file: text.file)
            let path = TextRevisions.path(of: instrument, language: text.language)
            if !languages.contains(text.language) {
                guard addingLanguages else {
                    let known = languages.isEmpty ? "none" : languages.joined(separator: ", ")
                    throw AccordError(.data, L10n.t("{1} has no text in {2} (its languages: {3}); pass --add-language to add a {2} text", instrument, text.language, known))
                }
                languages.append(text.language)
            }
            if let oldData = try repository.read(path, at: tip) {
                let old = try InstrumentText.parse(oldData, file: path)
                let diff = InstrumentDiff(old: old, new: new)
                if diff.isEmpty {
                    if let untagged = try untaggedRevision(in: repository, from: tip) {
                        return untagged
                    }
                    throw AccordError(.data, L10n.t("no change: {1} reads the same as {2}; nothing to record", text.file, path))
                }
                diffs[text.language] = diff
            }
            changes.write(path, text.data)
        }

        if try repository.tags().contains(where: { $0.name == tag }) {
            throw AccordError(.cannotCreate, L10n.t("the tag {1} exists already: {2} has a revision dated {3}; record every language of one revision in one amend (repeat --text)", tag, instrument, date))
        }

        // The register rests on the text of its first language: what the new text moved,
        // reworded or removed there is remapped in the same commit, once accepted.
        var clauses: [String: String] = [:]
        if let language = current.languages.first, let diff = diffs[language] {
            clauses = try RegisterRemap(commitments: current.commitments, diff: diff)
                .resolved(explicit: remap, accepting: acceptingRemap, instrument: instrument, register: current.commitments)
                .filter { id, clause in current.commitments.first { $0.id == id }.map { ($0.clause ?? $0.id) != clause } ?? false }
        } else if !remap.isEmpty {
            throw AccordError(.usage, L10n.t("--remap needs a new {1} text: the register rests on that language", current.languages.first ?? ""))
        }

        var registered = false
        let amendment: Instrument.Amendment?
        if !signatories.isEmpty, !current.amendments.contains(where: { $0.signing.date == date }) {
            amendment = Instrument.Amendment(signing: Signing(date: date, place: place),
                                             title: String(message.prefix { $0 != "\n" }), signatories: signatories)
            registered = true
        } else {
            amendment = nil
        }
        if amendment != nil || languages != current.languages || !clauses.isEmpty {
            let original = String(decoding: yamlData, as: UTF8.self)
            let edited = current.editedYAML(original, file: yamlPath, adding: amendment,
                                            languages: languages == current.languages ? nil : languages, clauses: clauses)
            changes.write(yamlPath, Data(edited.utf8))
        }

        let signature = Signature(name: author.name, email: author.email, date: date.noonUTC)
        let checkTracker = TrackerWriteCheck.verify(repository)
        // Checked again under the write lock, on the tip the commit is built on: another
        // amend may have recorded this date, or these very texts, since they were read.
        let commit = try repository.apply(changes, message: message, author: signature, verify: { commit, base in
            if try repository.tags().contains(where: { $0.name == tag }) {
                throw AccordError(.cannotCreate, L10n.t("the tag {1} exists already: another amend recorded a revision of {2} dated {3} meanwhile; nothing was recorded", tag, instrument, date))
            }
            if let base {
                for text in texts {
                    let path = TextRevisions.path(of: instrument, language: text.language)
                    if try repository.read(path, at: base) == text.data {
                        throw AccordError(.data, L10n.t("no change: {1} reads the same as {2}, which another writer recorded meanwhile; nothing to record", text.file, path))
                    }
                }
            }
            try checkTracker(commit, base)
        }, whileLocked: { commit in
            // The tag is made under the same lock as the commit, so no writer sees one without the other.
            try repository.createTag(tag, target: commit, message: tagMessage, tagger: signature, whileHoldingWriteLock: true)
        })
        return Recorded(commit: commit, tag: tag, diffs: diffs, registered: registered, remapped: clauses)
    }

    /// The revision an earlier `amend` of these very texts committed but could not tag (it
    /// was killed between the two), tagged now; nil when there is none. It is the latest
    /// commit that wrote every given text as it now reads, dated `date`, with no tag `tag`.
    private func untaggedRevision(in repository: Repository, from tip: ObjectID) throws -> Recorded? {
        guard try !repository.tags().contains(where: { $0.name == tag }) else { return nil }
        let paths = texts.map { TextRevisions.path(of: instrument, language: $0.language) }
        for (text, path) in zip(texts, paths) where try repository.read(path, at: tip) != text.data { return nil }
        guard let written = try repository.history(of: paths[0], from: tip, limit: 1).first,
              written.author.date == date.noonUTC else { return nil }
        let signature = Signature(name: written.author.name, email: written.author.email, date: date.noonUTC)
        try repository.createTag(tag, target: written.id, message: tagMessage, tagger: signature)
        return Recorded(commit: written.id, tag: tag, diffs: [:], registered: false, remapped: [:], repaired: true)
    }

    /// The annotation: the message, then who signed.
    var tagMessage: String {
        var text = "\(tag): \(message)"
        if !signatories.isEmpty {
            text += "\n\nSigned by:\n" + signatories.map { "  \($0.party): \($0.name)" }.joined(separator: "\n")
        }
        return text + "\n"
    }
}
