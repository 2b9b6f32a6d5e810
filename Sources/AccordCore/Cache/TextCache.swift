internal import Foundation
public import GitStore

/// Instrument texts parsed from git blobs, each parsed once: kept in memory for the run and
/// in the repository's git folder under `accord/cache/texts/<aa>/<rest of the blob id>`.
///
/// A blob id never changes meaning, so a stored text is right forever; a missing, damaged
/// or older-format file is parsed again and rewritten, and a failure to write is ignored.
/// Texts that do not parse are not stored: their error is reported again each time.
public final class TextCache: @unchecked Sendable {
    /// Bump with ``RecordCache/formatVersion`` changes that touch texts, or when the layout
    /// of a file below changes.
    static let formatVersion = 1
    static let magic = Array("accord-text-cache\n".utf8)

    private let repository: Repository
    private let folder: URL
    private var parsed: [ObjectID: InstrumentText] = [:]

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
            guard try reader.integer() == Self.formatVersion, try reader.integer() == RecordCache.formatVersion,
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
        writer.integer(RecordCache.formatVersion)
        writer.string(blob.hex)
        text.write(to: &writer)
        let target = url(of: blob)
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

extension InstrumentText {
    /// The same text, reporting itself as `file`.
    func labelled(_ file: String) -> InstrumentText {
        file == self.file ? self : InstrumentText(file: file, title: title, frontMatter: frontMatter, articles: articles)
    }
}
