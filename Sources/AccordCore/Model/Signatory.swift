/// Who signed for a party: a government, a minister, a ministry.
public struct Signatory: Sendable, Hashable, Codable {
    /// The party signed for.
    public var party: PartyCode
    /// The signatory's office or name.
    public var name: String

    /// Creates a signatory.
    public init(party: PartyCode, name: String) {
        self.party = party
        self.name = name
    }
}
