internal import Foundation
public import GitStore

/// Instrument texts parsed from git blobs, each parsed once: kept in memory for the run and
/// in the repository's git folder under `accord/cache/texts/<aa>/<rest of the blob id>`.
///
/// A blob id never changes meaning, so a stored text is right forever; a missing, damaged
/// or older-format file is parsed again and rewritten, and a failure to write is ignored.
/// Texts that do not parse are not stored: their error is reported again each time.
public final class TextCache: @unchecked Sendable {
    /// Bump when the layout of a file below changes.
    static let formatVersion = 1
    /// Bump when what ``InstrumentText/parse(_:file:)`` makes of a text, or its cached form
    /// (`InstrumentText.write(to:)`), changes; ``RecordCache/formatVersion`` then too, since
    /// the record cache holds texts as well. Kept apart from it so that a record cache
    /// change that leaves texts alone does not parse every text of the history again. (It
    /// began at 9, the record cache's version when the two were split, so texts stored
    /// before stay valid.)
    static let textVersion = 10
    static let magic = Array("accord-text-cache\n".utf8)

    /// The repository whose blobs are read; used by one thread at a time, with the cache.
    let repository: Repository
    fileprivate let folder: URL
    private var parsed: [ObjectID: InstrumentText] = [:]
    /// The comparisons read or made through this cache, by file name (see `change`).
    private var compared: [String: TextChange] = [:]

    /// A cache over `repository`'s blobs.
    public init(repository: Repository) {
        self.repository = repository
        folder = repository.gitDirectory.appendingPathComponent("accord/cache/texts", isDirectory: true)
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

    private func url(of blob: ObjectID) -> URL {
        let hex = blob.hex
        return folder.appendingPathComponent(String(hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(String(hex.dropFirst(2)))
    }

    private func load(_ blob: ObjectID) -> InstrumentText? {
        guard let data = FileManager.default.contents(atPath: url(of: blob).path) else { return nil }
        var reader = CacheReader(Array(data))
        do {
            for byte in Self.magic where try reader.integer() != Int(byte) { return nil }
            guard try reader.integer() == Self.formatVersion, try reader.integer() == Self.textVersion,
                  try reader.string() == blob.hex else { return nil }
            let text = try InstrumentText(from: &reader)
            return reader.isAtEnd ? text : nil
        } catch {
            return nil
        }
    }

    private func save(_ text: InstrumentText, blob: ObjectID) {
        var writer = CacheWriter()
        for byte in Self.magic { writer.integer(Int(byte)) }
        writer.integer(Self.formatVersion)
        writer.integer(Self.textVersion)
        writer.string(blob.hex)
        text.write(to: &writer)
        Self.store(writer, at: url(of: blob))
    }

    /// Writes a cache file under a temporary name renamed into place; failures are ignored.
    fileprivate static func store(_ writer: CacheWriter, at target: URL) {
        var writer = writer
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writer.drain().write(to: temporary)
            if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
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
    static let changeFormatVersion = 2

    /// What changed in `instrument`'s text from blob `old` to blob `new`, if that
    /// comparison was stored (``store(_:in:from:to:)``), under `accord/cache/texts/changes/`.
    /// Two blob ids never change meaning, so the revisions of a text are compared once, ever.
    func change(in instrument: InstrumentID, from old: ObjectID, to new: ObjectID) -> TextChange? {
        let name = Self.changeName(instrument, old, new)
        if let known = compared[name] { return known }
        guard let data = FileManager.default.contents(atPath: changeURL(name).path) else { return nil }
        var reader = CacheReader(Array(data))
        guard let change = try? Self.readChange(&reader, name: name), reader.isAtEnd else { return nil }
        compared[name] = change
        return change
    }

    /// Stores what changed between two texts that both parsed; failures are ignored.
    func store(_ change: TextChange, in instrument: InstrumentID, from old: ObjectID, to new: ObjectID) {
        let name = Self.changeName(instrument, old, new)
        compared[name] = change
        var writer = CacheWriter()
        for byte in Self.magic { writer.integer(Int(byte)) }
        writer.integer(Self.changeFormatVersion)
        writer.string(name)
        if (try? writer.coded(change)) != nil { Self.store(writer, at: changeURL(name)) }
    }

    private static func changeName(_ instrument: InstrumentID, _ old: ObjectID, _ new: ObjectID) -> String {
        "\(instrument)-\(old.hex)-\(new.hex)"
    }

    private func changeURL(_ name: String) -> URL {
        folder.appendingPathComponent("changes", isDirectory: true).appendingPathComponent(name)
    }

    private static func readChange(_ reader: inout CacheReader, name: String) throws -> TextChange? {
        for byte in magic where try reader.integer() != Int(byte) { return nil }
        guard try reader.integer() == changeFormatVersion, try reader.string() == name else { return nil }
        return try reader.coded(TextChange.self)
    }
}

extension InstrumentText {
    /// The same text, reporting itself as `file`.
    func labelled(_ file: String) -> InstrumentText {
        file == self.file ? self : InstrumentText(file: file, title: title, frontMatter: frontMatter, articles: articles)
    }
}
