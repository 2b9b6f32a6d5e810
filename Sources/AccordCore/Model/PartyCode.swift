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

    /// The parties of a joint commitment reporting together (`--party joint`): not a country,
    /// only ever the party of a status report on a joint commitment.
    public static let joint = PartyCode(unchecked: "joint")

    /// A code known to be well formed (read back from what accord wrote and checked).
    init(unchecked code: String) { self.code = code }

    /// Accepts a party code, or `joint` (see ``joint``) where a status report's party is read.
    public init?(reportingParty text: String) {
        if text == Self.joint.code { self = .joint } else { self.init(text) }
    }

    public var description: String { code }

    public static func < (lhs: PartyCode, rhs: PartyCode) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let party = PartyCode(reportingParty: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: L10n.english("{1} is not a party code", text))
        }
        self = party
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
