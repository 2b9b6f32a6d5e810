public import Foundation
public import GitStore

/// The revisions of an instrument's texts, oldest first: every commit that changed one of
/// its `text.<lang>.md` files, with what changed in each language against that language's
/// previous revision.
///
/// Built by a pure function of the commits (``TextCommit``) and the bytes of their text
/// blobs, so a cache keyed by commit and blob ids can never be stale. Commits that touched
/// only `instrument.yaml` are not revisions of the text and are left out.
public struct TextRevisions: Sendable, Hashable, Codable {
    /// The instrument.
    public let instrument: InstrumentID
    /// The revisions, in history order (oldest first).
    public let revisions: [TextRevision]

    /// Computes the revisions from `commits` (oldest first, each touching the instrument's
    /// folder), reading each text blob once through `text`. `languages` orders the
    /// languages in the result (the instrument's `languages:`; others follow, sorted).
    ///
    /// Throws ``InstrumentTextError`` (exit 65) when a committed text does not parse; its
    /// file reads `<revision>:Agreements/<id>/text.<lang>.md`.
    public init(instrument: InstrumentID, languages: [String] = [], commits: [TextCommit],
                text: (ObjectID) throws -> Data) throws {
        try self.init(instrument: instrument, languages: languages, commits: commits) { blob, file in
            try InstrumentText.parse(try text(blob), file: file)
        }
    }

    /// Computes the revisions from `commits` as above, taking each text already parsed
    /// from `parsed` (a blob id and the file name to report it under).
    public init(instrument: InstrumentID, languages: [String] = [], commits: [TextCommit],
                parsed parse: (ObjectID, String) throws -> InstrumentText) throws {
        try self.init(instrument: instrument, languages: languages, commits: commits, parsed: parse,
                      checked: { _ = try parse($0, $1) }, known: { _, _ in nil }, learned: { _, _, _ in })
    }

    /// Computes the revisions as above; what changed between two texts (old and new blob)
    /// is taken from `known` when it knows, and the texts are then not read at all, else
    /// found by comparing them and handed to `learned` (a cache of comparisons). A text
    /// added and not compared is only `checked` (it throws what parsing it throws): a cache
    /// may know that it parses without reading it.
    init(instrument: InstrumentID, languages: [String] = [], commits: [TextCommit],
         parsed parse: (ObjectID, String) throws -> InstrumentText, checked: (ObjectID, String) throws -> Void,
         known: (ObjectID, ObjectID) -> TextChange?, learned: (ObjectID, ObjectID, TextChange) -> Void) throws {
        self.instrument = instrument
        var parsed: [ObjectID: InstrumentText] = [:]
        func load(_ blob: ObjectID, _ language: String, _ label: String) throws -> InstrumentText {
            if let known = parsed[blob] { return known }
            let value = try parse(blob, "\(label):\(Self.path(of: instrument, language: language))")
            parsed[blob] = value
            return value
        }
        func order(_ a: String, _ b: String) -> Bool {
            let ia = languages.firstIndex(of: a) ?? Int.max, ib = languages.firstIndex(of: b) ?? Int.max
            return ia != ib ? ia < ib : a < b
        }

        var current: [String: (blob: ObjectID, date: CalendarDate, label: String)] = [:]
        var result: [TextRevision] = []
        for commit in commits {
            let label = commit.tags.first { $0.hasPrefix("\(instrument)@") } ?? commit.id.short
            let touched = Set(commit.texts.keys).union(current.keys).filter { current[$0]?.blob != commit.texts[$0] }
            guard !touched.isEmpty else { continue }
            var changes: [LanguageRevision] = []
            for language in touched.sorted(by: order) {
                let before = current[language]
                guard let blob = commit.texts[language] else {
                    changes.append(LanguageRevision(language: language, kind: .removed, blob: nil,
                                                    previousBlob: before?.blob, previousDate: before?.date))
                    continue
                }
                guard let before else {
                    // A text that does not parse is an error.
                    if parsed[blob] == nil { try checked(blob, "\(label):\(Self.path(of: instrument, language: language))") }
                    changes.append(LanguageRevision(language: language, kind: .added, blob: blob,
                                                    previousBlob: nil, previousDate: nil))
                    continue
                }
                let change: TextChange
                if let found = known(before.blob, blob) {
                    change = found
                } else {
                    let diff = InstrumentDiff(old: try load(before.blob, language, before.label), new: try load(blob, language, label))
                    change = TextChange(articles: diff.changedArticles.map(ArticleRevision.init),
                                        provisions: diff.changedProvisions().sorted(by: QualifiedID.localOrder),
                                        wordsAdded: diff.wordsAdded, wordsRemoved: diff.wordsRemoved)
                    learned(before.blob, blob, change)
                }
                changes.append(LanguageRevision(
                    language: language, kind: .revised, blob: blob, previousBlob: before.blob, previousDate: before.date,
                    articles: change.articles, provisions: change.provisions,
                    wordsAdded: change.wordsAdded, wordsRemoved: change.wordsRemoved))
            }
            for language in touched {
                current[language] = commit.texts[language].map { ($0, commit.date, label) }
            }
            let unrevised = current.keys.filter { !touched.contains($0) }.sorted(by: order).map {
                UnrevisedLanguage(language: $0, since: current[$0]!.date)
            }
            result.append(TextRevision(commit: commit.id, date: commit.date, tag: label == commit.id.short ? nil : label,
                                       message: commit.message, languages: changes, unrevised: unrevised))
        }
        revisions = result
    }

    /// The path of the text in `language`: `Agreements/<id>/text.<lang>.md`.
    public static func path(of instrument: InstrumentID, language: String) -> String {
        "Agreements/\(instrument)/text.\(language).md"
    }

    /// The revisions that added, revised or removed the text in `language`.
    public func revisions(of language: String) -> [TextRevision] {
        revisions.filter { $0.change(of: language) != nil }
    }

    /// The languages that have had a text, in the order of the first revision naming them.
    public var languages: [String] {
        var seen: [String] = []
        for revision in revisions {
            for change in revision.languages where !seen.contains(change.language) { seen.append(change.language) }
        }
        return seen
    }

    /// The revision in force on `date`: the latest by date on or before it (a later commit
    /// wins a tie). Nil when the first revision is later.
    public func inForce(on date: CalendarDate) -> TextRevision? {
        revisions.enumerated().filter { $0.element.date <= date }
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
    }

    /// The revision with this commit id.
    public func revision(at commit: ObjectID) -> TextRevision? {
        revisions.first { $0.commit == commit }
    }
}
