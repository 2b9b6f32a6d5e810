import Foundation
public import GitStore

extension TextRevisions {
    /// The revisions of `instrument`'s texts in the history of `start` (default HEAD).
    ///
    /// Walks the history of `Agreements/<id>/` (``Repository/histories(of:from:)``, from the
    /// history of `Agreements/` that `gaps` reads too, not the commit index), lists the text
    /// files of each commit, and hands the rest to the pure initialiser. Texts are parsed
    /// through `texts` (each blob once, kept in the git folder); a new ``TextCache`` when
    /// not given.
    public static func read(_ instrument: InstrumentID, languages: [String] = [], in repository: Repository,
                            from start: ObjectID? = nil, texts: TextCache? = nil) throws -> TextRevisions {
        try read(instrument, languages: languages, in: repository,
                 history: repository.histories(of: [folder(of: instrument)], from: start)[0], texts: texts)
    }

    /// The top-level folder holding every instrument's folder.
    public static let instrumentsFolder = "Agreements"

    /// The folder whose history holds an instrument's revisions.
    static func folder(of instrument: InstrumentID) -> String { "\(instrumentsFolder)/\(instrument)" }

    /// The revisions of `instrument`'s texts, given the history of its folder (newest first).
    static func read(_ instrument: InstrumentID, languages: [String], in repository: Repository,
                     history: [CommitInfo], texts: TextCache?) throws -> TextRevisions {
        let folder = folder(of: instrument)
        var tagsByCommit: [ObjectID: [String]] = [:]
        for tag in try repository.tags() { tagsByCommit[tag.target, default: []].append(tag.name) }
        let commits = try history.reversed().map { commit in
            var texts: [String: ObjectID] = [:]
            for entry in try repository.list(folder, at: commit.id) where entry.kind == .blob {
                if let language = textLanguage(entry.name) { texts[language] = entry.id }
            }
            return TextCommit(id: commit.id, date: commit.author.calendarDate, message: commit.message,
                              tags: tagsByCommit[commit.id] ?? [], texts: texts)
        }
        let texts = texts ?? TextCache(repository: repository)
        return try TextRevisions(instrument: instrument, languages: languages, commits: commits, parsed: texts.text,
                                 checked: texts.check, known: { texts.change(in: instrument, from: $0, to: $1) },
                                 learned: { texts.store($2, in: instrument, from: $0, to: $1) })
    }

    /// The language of a file named `text.<lang>.md`; nil for any other name.
    public static func textLanguage(_ fileName: String) -> String? {
        guard fileName.hasPrefix("text."), fileName.hasSuffix(".md") else { return nil }
        let language = fileName.dropFirst("text.".count).dropLast(".md".count)
        return language.isEmpty || language.contains(".") ? nil : String(language)
    }
}

extension Signature {
    /// The calendar day of the signature's moment in its own time zone: the day git log
    /// shows, and the date of the fact a commit records.
    public var calendarDate: CalendarDate {
        CalendarDate(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)), offsetMinutes: timeZoneOffsetMinutes)
    }
}
