internal import CLibGit2

/// The SHA-1 id of a git object (commit, tree, blob or tag), as 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The full id in lowercase hex.
    public let hex: String

    /// Accepts exactly 40 hex digits (either case); short ids go through `Repository.resolve`.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ $0.isHexDigit }) else { return nil }
        self.hex = hex.lowercased()
    }

    init(_ oid: git_oid) {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_fmt(&buffer, &oid)
        hex = String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// The id as libgit2's struct.
    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstrn(&oid, hex, 40)
        return oid
    }

    /// The first seven hex digits, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a 40-digit object id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (48...57).contains(self) || (65...70).contains(self) || (97...102).contains(self)
    }
}
