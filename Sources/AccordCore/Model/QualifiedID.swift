/// An id inside a document: `tip-2005#7` (an article), `tip-2005#7.2` (a clause or a
/// commitment), `plan-2017-2020#3.1` (a plan item), `2016-10-05-sihanoukville-review#2`
/// (a meeting decision).
public struct QualifiedID: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The instrument, plan or meeting the id lives in.
    public let owner: String
    /// The part after `#`: digits or letters in dot-separated segments (`7`, `7.2`).
    public let local: String

    /// Joins an owner and a local id, or nil when either is malformed.
    public init?(owner: String, local: String) {
        guard InstrumentID.isSlug(owner), Self.isLocalID(local) else { return nil }
        self.owner = owner
        self.local = local
    }

    /// An id known to be well formed (read back from what accord wrote and checked).
    init(uncheckedOwner owner: String, local: String) {
        self.owner = owner
        self.local = local
    }

    /// Parses `owner#local`.
    public init?(_ text: String) {
        // An ASCII id (every well-formed one) is cut at its first `#` byte; other text is
        // split by character, as a `#` followed by a combining mark is not a `#`.
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard let cut = bytes.firstIndex(of: UInt8(ascii: "#")) else { return nil }
            self.init(owner: String(text[..<cut]), local: String(text[bytes.index(after: cut)...]))
            return
        }
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        self.init(owner: String(parts[0]), local: String(parts[1]))
    }

    public var description: String { "\(owner)#\(local)" }

    /// The segments of the local id: `7.2` gives `["7", "2"]`.
    public var segments: [Substring] { local.split(separator: ".") }

    /// Orders by owner, then by local id segment by segment, numbers numerically, so
    /// `#2` comes before `#10`.
    public static func < (lhs: QualifiedID, rhs: QualifiedID) -> Bool {
        if lhs.owner != rhs.owner { return lhs.owner < rhs.owner }
        return localOrder(lhs.local, rhs.local)
    }

    /// Compares two local ids segment by segment, numeric segments as numbers.
    public static func localOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.split(separator: "."), right = rhs.split(separator: ".")
        for (a, b) in zip(left, right) where a != b {
            if let x = Int(a), let y = Int(b) { return x < y }
            return a < b
        }
        return left.count < right.count
    }

    /// Whether `text` is a well-formed local id (`7`, `7.2`, `3a`).
    public static func isLocalID(_ text: String) -> Bool {
        // One pass, no allocation: every segment non-empty, of lowercase letters and digits.
        var segmentLength = 0
        for byte in text.utf8 {
            if byte == 46 {
                guard segmentLength > 0 else { return false }
                segmentLength = 0
            } else if (97...122).contains(byte) || (48...57).contains(byte) {
                segmentLength += 1
            } else {
                return false
            }
        }
        return segmentLength > 0
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = QualifiedID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: L10n.english("{1} is not an id", text))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
