internal import Foundation
internal import CLibGit2

/// The SHA-1 id of a git object (commit, tree, blob or tag), written as 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The id's 20 bytes: an id is a plain value, hashed and compared without text, and
    /// holds no memory of its own (a read keeps one for each of 120,000 files).
    let raw: RawObjectID

    init(raw: RawObjectID) {
        self.raw = raw
    }

    /// Accepts exactly 40 hex digits (either case); short ids go through `Repository.resolve`.
    public init?(hex: String) {
        var hex = hex
        guard let raw = hex.withUTF8({ RawObjectID(hex: UnsafeRawBufferPointer($0)) }) else { return nil }
        self.raw = raw
    }

    init(_ oid: git_oid) {
        var oid = oid
        raw = RawObjectID(&oid)
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        raw = RawObjectID(pointer)
    }

    /// The full id in lowercase hex.
    public var hex: String { raw.hex }

    /// The id whose 20 raw bytes these are (as `Repository.checkObjects` hands them out).
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 20 else { return nil }
        let copy = Array(bytes)
        raw = copy.withUnsafeBytes { RawObjectID(bytes: $0.baseAddress!) }
    }

    /// The id as libgit2's struct.
    var oid: git_oid { raw.oid }

    /// The first seven hex digits, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    /// In the order of the hex text: byte by byte.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.raw.precedes(rhs.raw) }

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

/// The 20 bytes of an object id as plain integers: hashed and compared without building the
/// hex text, for the commit index and tree comparison, which handle hundreds of thousands,
/// and for a ``HistoryStore`` that keeps them.
public struct RawObjectID: Hashable, Sendable {
    private var head: UInt64
    private var middle: UInt64
    private var tail: UInt32

    /// The all-zero id, which names no object; the commit index uses it for "none".
    public static let none = RawObjectID(head: 0, middle: 0, tail: 0)

    private init(head: UInt64, middle: UInt64, tail: UInt32) {
        self.head = head
        self.middle = middle
        self.tail = tail
    }

    /// Reads 20 bytes at `bytes`.
    public init(bytes: UnsafeRawPointer) {
        head = bytes.loadUnaligned(as: UInt64.self)
        middle = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        tail = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(bytes: UnsafeRawPointer(oid))
    }

    /// Reads 40 hex digits (either case); nil when they are not.
    init?(hex: UnsafeRawBufferPointer) {
        guard hex.count == 40 else { return nil }
        var bytes = (UInt64(0), UInt64(0), UInt32(0))
        let valid = withUnsafeMutableBytes(of: &bytes) { out -> Bool in
            for index in 0..<20 {
                guard let high = Self.nibble(hex[2 * index]), let low = Self.nibble(hex[2 * index + 1]) else { return false }
                out[index] = high << 4 | low
            }
            return true
        }
        guard valid else { return nil }
        self = withUnsafeBytes(of: &bytes) { RawObjectID(bytes: $0.baseAddress!) }
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        case 65...70: digit - 55
        default: nil
        }
    }

    /// The id's 20 bytes.
    public init(_ id: ObjectID) {
        self = id.raw
    }

    /// Whether this is ``none``.
    public var isNone: Bool { self == .none }

    /// Hashes the first 8 bytes alone: an id is a digest, already spread evenly (equality
    /// still compares all 20). A set of every id in a repository hashes one per tree entry.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(head)
    }

    /// The id as libgit2's struct.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeBytes(of: self) { source in
            withUnsafeMutableBytes(of: &oid) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(20))) }
        }
        return oid
    }

    /// Appends the 20 bytes to `buffer`.
    public func append(to buffer: inout [UInt8]) {
        withUnsafeBytes(of: self) { buffer.append(contentsOf: $0.prefix(20)) }
    }

    /// The public id.
    public var objectID: ObjectID { ObjectID(raw: self) }

    /// The id in lowercase hex.
    var hex: String {
        String(unsafeUninitializedCapacity: 40) { text in
            withUnsafeBytes(of: self) { bytes in
                for index in 0..<20 {
                    text[2 * index] = Self.digits[Int(bytes[index] >> 4)]
                    text[2 * index + 1] = Self.digits[Int(bytes[index] & 0x0f)]
                }
            }
            return 40
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether this id's bytes come before `other`'s, compared as unsigned bytes from the
    /// first (the order of the ids' hex texts).
    func precedes(_ other: RawObjectID) -> Bool {
        withUnsafeBytes(of: self) { left in
            withUnsafeBytes(of: other) { right in memcmp(left.baseAddress!, right.baseAddress!, 20) < 0 }
        }
    }
}
