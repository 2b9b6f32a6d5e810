/// A key that may speak for a party: commits it signs count as that party's word while
/// the key is valid. A rotation adds the new key and ends the old one's `validUntil`; a
/// revocation ends it at once.
public struct Signer: Sendable, Hashable, Codable {
    /// The SSH public key, `TYPE BASE64` (a comment after it is kept but not compared).
    public var key: String
    /// Who holds it (a desk, an office), for reports.
    public var name: String?
    /// The first day commits it signs count (committer date); nil for always.
    public var validFrom: CalendarDate?
    /// The last day commits it signs count; nil for no end.
    public var validUntil: CalendarDate?

    /// Creates a signer.
    public init(key: String, name: String? = nil, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil) {
        self.key = key
        self.name = name
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// The key's type and base64 blob, which identify it: `ssh-ed25519 AAAA…`.
    public var keyIdentity: String { Self.identity(of: key) }

    /// `TYPE BASE64` of an `authorized_keys`-style line, without options or comment.
    static func identity(of line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).prefix(2).joined(separator: " ")
    }

    /// The entry as compared when accord.yaml changes: key, name and dates.
    var description: String {
        [keyIdentity, name ?? "", validFrom?.description ?? "", validUntil?.description ?? ""].joined(separator: "|")
    }

    /// Whether a commit made on `day` falls within the key's validity.
    public func isValid(on day: CalendarDate) -> Bool {
        (validFrom.map { day >= $0 } ?? true) && (validUntil.map { day <= $0 } ?? true)
    }
}

/// What `sync` does with incoming commits that change a party's records without that
/// party's signature (`signatures:` in accord.yaml).
public enum SignaturePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Signatures are not checked.
    case off
    /// Such commits are merged and listed on standard error.
    case warn
    /// Such commits are refused: nothing is merged.
    case require
}
