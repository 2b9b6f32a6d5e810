/// The id of a record that is a file of its own: a piece of evidence (`ev-…`), a status
/// report (`sr-…`) or a meeting (`2016-10-05-sihanoukville-review`).
///
/// Same spelling rules as ``InstrumentID``: the id is also the file name.
public struct RecordID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The id as written.
    public let rawValue: String

    /// Accepts a well-formed id, else nil.
    public init?(_ text: String) {
        guard InstrumentID.isSlug(text) else { return nil }
        rawValue = text
    }

    /// An id known to be well formed (read back from what accord wrote and checked).
    init(unchecked text: String) { rawValue = text }

    public var description: String { rawValue }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: L10n.english("{1} is not an id", text))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
