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

    /// `texts` with each of `stored` added: decoded from its row, or, when the row does not
    /// decode (the store is only a copy), parsed from git as a read without the store does.
    static func decode(_ stored: [StoredText], into texts: [InstrumentID: [String: InstrumentText]]) -> [InstrumentID: [String: InstrumentText]] {
        var texts = texts
        var repository: Repository??
        for text in stored {
            var record = DerivedStore.decode(TrackerRecord.self, from: text.bytes)
            if record == nil {
                if repository == nil { repository = .some(try? Repository.open(gitDirectory: text.gitDirectory, workTree: nil)) }
                if let data = try? repository??.blob(text.blob) { record = TrackerRecord.parse(path: text.path, data: data) }
            }
            if case .text(let instrument, let language, .success(let value)) = record, let id = InstrumentID(instrument) {
                texts[id, default: [:]][language] = value
            }
        }
        return texts
    }
}
