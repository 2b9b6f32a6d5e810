public import GitStore

/// One version of an instrument's text in one language, as a user names it for `diff`: a
/// date (the revision in force that day), a tag (`tip-2005@2012-09-28`) or any git
/// revision (a commit id, `HEAD~1`).
public struct TextVersion: Sendable {
    /// The commit the text was read at.
    public let commit: ObjectID
    /// How to name it: the revision's tag, else the short commit id.
    public let label: String
    /// The text, parsed; its file reads `<label>:Agreements/<id>/text.<lang>.md`.
    public let text: InstrumentText

    /// Finds the version `spec` names. Throws ``AccordError`` (not found, 66) when
    /// `spec` is neither a date with a revision in force nor a revision git knows, or when
    /// the text in `language` does not exist there.
    public static func resolve(_ spec: String, language: String, revisions: TextRevisions,
                               in repository: Repository) throws -> TextVersion {
        let instrument = revisions.instrument
        if let date = CalendarDate(spec) ?? CalendarDate(LocalForms.typed(spec)) {
            guard let revision = revisions.inForce(on: date) else {
                let first = revisions.revisions.first.map { L10n.t(" (its first revision is dated {1})", $0.date) } ?? ""
                throw AccordError(.notFound, L10n.t("no revision of {1} was in force on {2}{3}", instrument, date, first))
            }
            return try read(instrument, language: language, at: revision.commit, label: revision.label, in: repository)
        }
        let commit: ObjectID
        do {
            commit = try repository.resolve(typed: spec)
        } catch let error as GitError where error.kind == .notFound || error.kind == .invalid {
            throw AccordError(.notFound, L10n.t("unknown revision \"{1}\": not a date (yyyy-mm-dd), a tag or a commit of this tracker", spec))
        }
        let isTag = try repository.tags().contains { $0.name == spec }
        let label = revisions.revision(at: commit)?.tag ?? (isTag ? spec : commit.short)
        return try read(instrument, language: language, at: commit, label: label, in: repository)
    }

    /// The text in `language` at `commit`; exit 66 when the file is not there.
    public static func read(_ instrument: InstrumentID, language: String, at commit: ObjectID, label: String,
                            in repository: Repository) throws -> TextVersion {
        let path = TextRevisions.path(of: instrument, language: language)
        guard let data = try repository.read(path, at: commit) else {
            throw AccordError(.notFound, L10n.t("{1} has no {2} text at {3} (no {4})", instrument, language, label, path))
        }
        return TextVersion(commit: commit, label: label, text: try InstrumentText.parse(data, file: "\(label):\(path)"))
    }
}
