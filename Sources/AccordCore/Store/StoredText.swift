internal import Foundation
internal import GitStore

/// An instrument text as a read of the derived store found it, left undecoded: most
/// commands never look at a text's articles, and the texts of every instrument are the
/// largest coded records a read decodes (Benchmarks/README.md). The texts are decoded
/// together when a command first asks for them (``TrackerSnapshot/texts``).
struct StoredText: Sendable {
    let path: String
    let blob: ObjectID
    /// The row's coded record.
    let bytes: Data
    /// Where to read the text from when the row no longer decodes.
    let gitDirectory: URL

    /// `texts` with each of `stored` added, decoded on every core: from its row, or, when
    /// the row does not decode (the store is only a copy), parsed from git as a read
    /// without the store does.
    static func decode(_ stored: [StoredText], into texts: [InstrumentID: [String: InstrumentText]]) -> [InstrumentID: [String: InstrumentText]] {
        var texts = texts
        for case .text(let instrument, let language, .success(let value))? in ParallelMap.map(stored, perCore: 1, \.record) {
            if let id = InstrumentID(instrument) { texts[id, default: [:]][language] = value }
        }
        return texts
    }

    /// The text's record; nil when neither its row nor git gives it.
    private var record: TrackerRecord? {
        if let decoded = DerivedStore.decode(TrackerRecord.self, from: bytes) { return decoded }
        // A repository handle of its own: texts are decoded on several threads.
        guard let repository = try? Repository.open(gitDirectory: gitDirectory, workTree: nil),
              let data = try? repository.blob(blob) else { return nil }
        return TrackerRecord.parse(path: path, data: data)
    }
}
