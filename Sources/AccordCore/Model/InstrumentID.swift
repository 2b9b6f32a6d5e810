/// The id of an instrument or an action plan, typed by hand: `tip-2005`, `plan-2017-2020`.
///
/// Lowercase ASCII letters, digits and inner hyphens; it names a folder or a file, so it
/// must stay portable across file systems and git hosts.
public struct InstrumentID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The id as written.
    public let rawValue: String

    /// Accepts a well-formed id, else nil.
    public init?(_ text: String) {
        guard Self.isSlug(text) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: InstrumentID, rhs: InstrumentID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `text` is lowercase letters and digits, joined by single hyphens.
    static func isSlug(_ text: String) -> Bool {
        // Over the UTF-8 view, without copying: ids are checked by the hundred thousand.
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, first != 45, last != 45 else {
            return false
        }
        var previous: UInt8 = 0
        for byte in bytes {
            let isAlphanumeric = (97...122).contains(byte) || (48...57).contains(byte)
            guard isAlphanumeric || (byte == 45 && previous != 45) else { return false }
            previous = byte
        }
        return true
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = InstrumentID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: L10n.english("{1} is not an id", text))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
