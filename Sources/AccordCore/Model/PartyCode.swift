/// A party to an instrument: an ISO 3166-1 alpha-2 country code in capitals (`VN`, `KH`).
public struct PartyCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The two capital letters.
    public let code: String

    /// Accepts exactly two ASCII capital letters.
    public init?(_ text: String) {
        guard text.utf8.count == 2, text.utf8.allSatisfy({ (65...90).contains($0) }) else {
            return nil
        }
        code = text
    }

    public var description: String { code }

    public static func < (lhs: PartyCode, rhs: PartyCode) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let party = PartyCode(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(text) is not a party code")
        }
        self = party
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
