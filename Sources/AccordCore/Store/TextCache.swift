internal import Foundation
internal import GRDB
public import GitStore

/// Instrument texts parsed from git blobs, each parsed once: kept in memory for the run and
/// in the repository's ``DerivedStore`` (table `text`, by blob id).
///
/// A blob id never changes meaning, so a stored text is right forever; a missing row, or
/// one made by another version of the parser, is parsed again and replaced. Texts that do
/// not parse are not stored: their error is reported again each time.
public final class TextCache: @unchecked Sendable {
    /// Bump when what ``InstrumentText/parse(_:file:)`` makes of a text changes: stored
    /// texts of another version are parsed again.
    static let textVersion = 13

    /// The repository whose blobs are read; used by one thread at a time, with the cache.
    let repository: Repository
    private let derived: DerivedStore?
    private var parsed: [ObjectID: InstrumentText] = [:]
    /// The comparisons read or made through this cache, by name (see `change`).
    private var compared: [String: TextChange] = [:]

    /// A cache over `repository`'s blobs.
    public init(repository: Repository) {
        self.repository = repository
        derived = DerivedStore.open(gitDirectory: repository.gitDirectory)
    }

    /// The text of `blob`, labelled `file` in what it reports (its problems, its `file`).
    public func text(_ blob: ObjectID, file: String) throws -> InstrumentText {
        if let known = parsed[blob] { return known.labelled(file) }
        if let stored = load(blob) {
            parsed[blob] = stored
            return stored.labelled(file)
        }
        let text = try InstrumentText.parse(try repository.blob(blob), file: file)
        parsed[blob] = text
        save(text, blob: blob)
        return text
    }

    /// Throws what parsing the text of `blob` throws; a text parsed before, here or into
    /// the store, is not read again (only texts that parse are stored).
    public func check(_ blob: ObjectID, file: String) throws {
        if parsed[blob] != nil { return }
        let stored = derived?.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM text WHERE blob = ? AND version = ?", arguments: [blob.hex, Self.textVersion])
        }
        if (stored ?? nil) == true { return }
        _ = try text(blob, file: file)
    }

    private func load(_ blob: ObjectID) -> InstrumentText? {
        let row = derived?.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM text WHERE blob = ? AND version = ?",
                              arguments: [blob.hex, Self.textVersion])
        }
        return (row ?? nil).flatMap { DerivedStore.decode(InstrumentText.self, from: $0) }
    }

    private func save(_ text: InstrumentText, blob: ObjectID) {
        guard let derived, let body = DerivedStore.encode(text) else { return }
        derived.writeLater { db in
            try db.execute(sql: "INSERT OR REPLACE INTO text (blob, version, body) VALUES (?, ?, ?)",
                           arguments: [blob.hex, Self.textVersion, body])
        }
    }
}

/// What a revision changed in one language, in brief: the part of a ``LanguageRevision``
/// that comes from comparing the two texts.
struct TextChange: Sendable, Codable {
    let articles: [ArticleRevision]
    let provisions: [String]
    let wordsAdded: Int
    let wordsRemoved: Int
}

extension TextCache {
    /// Bump when ``InstrumentDiff`` (matching, word counts) changes what it finds.
    static let changeFormatVersion = 4

    /// What changed in `instrument`'s text from blob `old` to blob `new`, if that
    /// comparison was stored (``store(_:in:from:to:)``, table `textChange`). Two blob ids
    /// never change meaning, so the revisions of a text are compared once, ever.
    func change(in instrument: InstrumentID, from old: ObjectID, to new: ObjectID) -> TextChange? {
        let name = Self.changeName(instrument, old, new)
        if let known = compared[name] { return known }
        let row = derived?.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM textChange WHERE name = ? AND version = ?",
                              arguments: [name, Self.changeFormatVersion])
        }
        guard let change = (row ?? nil).flatMap({ DerivedStore.decode(TextChange.self, from: $0) }) else { return nil }
        compared[name] = change
        return change
    }

    /// Stores what changed between two texts that both parsed; failures are ignored.
    func store(_ change: TextChange, in instrument: InstrumentID, from old: ObjectID, to new: ObjectID) {
        let name = Self.changeName(instrument, old, new)
        compared[name] = change
        guard let derived, let body = DerivedStore.encode(change) else { return }
        derived.writeLater { db in
            try db.execute(sql: "INSERT OR REPLACE INTO textChange (name, version, body) VALUES (?, ?, ?)",
                           arguments: [name, Self.changeFormatVersion, body])
        }
    }

    private static func changeName(_ instrument: InstrumentID, _ old: ObjectID, _ new: ObjectID) -> String {
        "\(instrument)-\(old.hex)-\(new.hex)"
    }
}

extension InstrumentText {
    /// The same text, reporting itself as `file`.
    func labelled(_ file: String) -> InstrumentText {
        file == self.file ? self : InstrumentText(file: file, title: title, frontMatter: frontMatter, articles: articles)
    }
}
