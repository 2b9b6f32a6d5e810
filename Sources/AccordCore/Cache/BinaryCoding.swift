/// A compact binary form of any `Codable` value, for the record cache's meetings and
/// settings and the text cache's changes: decoding it skips what JSON costs (text parsing,
/// number formatting, escapes). Instruments and plans, which every command reads by the
/// thousand items, have hand-written layouts instead (`Owners+Cache.swift`).
///
/// Each value is a tag byte and its content; keyed and unkeyed containers carry their
/// length in bytes, so a reader can step over one without decoding it:
/// `0` nil, `1`/`2` false/true, `3` integer (zigzag LEB128), `4` unsigned (LEB128),
/// `5` double (8 bytes), `6` string (length, UTF-8), `7` keyed (length, count, then key
/// and value pairs), `8` unkeyed (length, count, values).
enum BinaryCoding {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = EncodedSlot()
        try value.encode(to: BinaryEncoder(slot: root, codingPath: []))
        var bytes: [UInt8] = []
        root.write(to: &bytes)
        return bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = BinaryNodes(bytes)
        guard try reader.end(of: 0) == bytes.count else { throw CacheCorrupt() }
        return try reader.decode(type, at: 0, codingPath: [])
    }
}

// MARK: - Encoding

/// A value being encoded: filled in by whichever container is handed out for it.
private final class EncodedSlot {
    enum Value {
        case null, bool(Bool), int(Int64), unsigned(UInt64), double(Double), string(String)
        case keyed(EncodedEntries), unkeyed(EncodedItems)
    }
    var value: Value = .null

    func write(to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes.append(0)
        case .bool(let flag): bytes.append(flag ? 2 : 1)
        case .int(let number): bytes.append(3); Self.leb(UInt64(bitPattern: (number << 1) ^ (number >> 63)), &bytes)
        case .unsigned(let number): bytes.append(4); Self.leb(number, &bytes)
        case .double(let number):
            bytes.append(5)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .string(let text): bytes.append(6); Self.text(text, &bytes)
        case .keyed(let entries):
            var body: [UInt8] = []
            Self.leb(UInt64(entries.list.count), &body)
            for (key, slot) in entries.list { Self.text(key, &body); slot.write(to: &body) }
            bytes.append(7); Self.leb(UInt64(body.count), &bytes); bytes.append(contentsOf: body)
        case .unkeyed(let items):
            var body: [UInt8] = []
            Self.leb(UInt64(items.list.count), &body)
            for slot in items.list { slot.write(to: &body) }
            bytes.append(8); Self.leb(UInt64(body.count), &bytes); bytes.append(contentsOf: body)
        }
    }

    static func leb(_ value: UInt64, _ bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 { bytes.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
        bytes.append(UInt8(rest))
    }

    static func text(_ value: String, _ bytes: inout [UInt8]) {
        leb(UInt64(value.utf8.count), &bytes)
        bytes.append(contentsOf: value.utf8)
    }
}

private final class EncodedEntries { var list: [(String, EncodedSlot)] = [] }
private final class EncodedItems { var list: [EncodedSlot] = [] }

private struct BinaryEncoder: Encoder {
    let slot: EncodedSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let entries: EncodedEntries
        if case .keyed(let existing) = slot.value { entries = existing } else { entries = EncodedEntries(); slot.value = .keyed(entries) }
        return KeyedEncodingContainer(KeyedBinaryEncoding<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let items: EncodedItems
        if case .unkeyed(let existing) = slot.value { items = existing } else { items = EncodedItems(); slot.value = .unkeyed(items) }
        return UnkeyedBinaryEncoding(items: items, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBinaryEncoding(slot: slot, codingPath: codingPath) }
}

/// Puts a value in a slot: primitives directly, anything else through its own `encode(to:)`.
private func store<T: Encodable>(_ value: T, in slot: EncodedSlot, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.value = .string(text)
    case let number as Int: slot.value = .int(Int64(number))
    case let flag as Bool: slot.value = .bool(flag)
    case let number as Double: slot.value = .double(number)
    default: try value.encode(to: BinaryEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedBinaryEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let entries: EncodedEntries
    let codingPath: [any CodingKey]

    private func slot(_ key: Key) -> EncodedSlot {
        let slot = EncodedSlot()
        entries.list.append((key.stringValue, slot))
        return slot
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).value = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).value = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { slot(key).value = .double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { slot(key).value = .double(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).value = .int(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot(key).value = .int(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot(key).value = .int(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot(key).value = .int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot(key).value = .int(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot(key).value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot(key).value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, in: slot(key), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoder(slot: slot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryEncoder(slot: slot(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoder(slot: slot(Key(stringValue: "super")!), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BinaryEncoder(slot: slot(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedBinaryEncoding: UnkeyedEncodingContainer {
    let items: EncodedItems
    let codingPath: [any CodingKey]
    var count: Int { items.list.count }

    private func slot() -> EncodedSlot {
        let slot = EncodedSlot()
        items.list.append(slot)
        return slot
    }

    mutating func encodeNil() throws { slot().value = .null }
    mutating func encode(_ value: Bool) throws { slot().value = .bool(value) }
    mutating func encode(_ value: String) throws { slot().value = .string(value) }
    mutating func encode(_ value: Double) throws { slot().value = .double(value) }
    mutating func encode(_ value: Float) throws { slot().value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { slot().value = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot().value = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot().value = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot().value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot().value = .int(value) }
    mutating func encode(_ value: UInt) throws { slot().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot().value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot().value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot(), codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoder(slot: slot(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryEncoder(slot: slot(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { BinaryEncoder(slot: slot(), codingPath: codingPath) }
}

private struct SingleBinaryEncoding: SingleValueEncodingContainer {
    let slot: EncodedSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode(_ value: Bool) throws { slot.value = .bool(value) }
    mutating func encode(_ value: String) throws { slot.value = .string(value) }
    mutating func encode(_ value: Double) throws { slot.value = .double(value) }
    mutating func encode(_ value: Float) throws { slot.value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot.value = .int(value) }
    mutating func encode(_ value: UInt) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot.value = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot.value = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, in: slot, codingPath: codingPath) }
}

// MARK: - Decoding

/// The encoded bytes, read where a container points; every read checks its bounds, and
/// anything out of place throws ``CacheCorrupt`` (the cache file is then rebuilt).
private final class BinaryNodes: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func tag(_ at: Int) throws -> UInt8 {
        guard at < bytes.count else { throw CacheCorrupt() }
        return bytes[at]
    }

    /// A LEB128 integer at `at`, and where it ends.
    func leb(_ at: Int) throws -> (UInt64, Int) {
        var result: UInt64 = 0, shift: UInt64 = 0, at = at
        while true {
            guard at < bytes.count, shift < 64 else { throw CacheCorrupt() }
            let byte = bytes[at]
            at += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return (result, at) }
            shift += 7
        }
    }

    /// A length at `at` that fits in what is left, and where what it measures starts.
    func length(_ at: Int) throws -> (Int, Int) {
        let (value, next) = try leb(at)
        guard value <= UInt64(bytes.count - next) else { throw CacheCorrupt() }
        return (Int(value), next)
    }

    /// Where the value at `at` ends.
    func end(of at: Int) throws -> Int {
        switch try tag(at) {
        case 0, 1, 2: return at + 1
        case 3, 4: return try leb(at + 1).1
        case 5: guard at + 9 <= bytes.count else { throw CacheCorrupt() }; return at + 9
        case 6, 7, 8: let (count, start) = try length(at + 1); return start + count
        default: throw CacheCorrupt()
        }
    }

    func string(_ at: Int) throws -> String {
        guard try tag(at) == 6 else { throw CacheCorrupt() }
        let (count, start) = try length(at + 1)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    func bool(_ at: Int) throws -> Bool {
        switch try tag(at) {
        case 1: return false
        case 2: return true
        default: throw CacheCorrupt()
        }
    }

    func integer<T: FixedWidthInteger>(_ at: Int) throws -> T {
        switch try tag(at) {
        case 3:
            let raw = try leb(at + 1).0
            let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
            guard let result = T(exactly: value) else { throw CacheCorrupt() }
            return result
        case 4:
            guard let result = T(exactly: try leb(at + 1).0) else { throw CacheCorrupt() }
            return result
        default: throw CacheCorrupt()
        }
    }

    func double(_ at: Int) throws -> Double {
        guard try tag(at) == 5, at + 9 <= bytes.count else { throw CacheCorrupt() }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[at + 1 + index]) }
        return Double(bitPattern: bits)
    }

    /// The entries of the keyed value at `at`: each key's bytes and where its value is.
    func entries(_ at: Int) throws -> [(key: Range<Int>, value: Int)] {
        guard try tag(at) == 7 else { throw CacheCorrupt() }
        let (size, start) = try length(at + 1)
        let (count, first) = try leb(start)
        guard count <= UInt64(size) else { throw CacheCorrupt() }
        var entries: [(key: Range<Int>, value: Int)] = []
        entries.reserveCapacity(Int(count))
        var next = first
        for _ in 0..<count {
            let (keyCount, keyStart) = try length(next)
            let value = keyStart + keyCount
            entries.append((keyStart..<value, value))
            next = try end(of: value)
        }
        guard next == start + size else { throw CacheCorrupt() }
        return entries
    }

    /// Where the items of the unkeyed value at `at` are.
    func items(_ at: Int) throws -> [Int] {
        guard try tag(at) == 8 else { throw CacheCorrupt() }
        let (size, start) = try length(at + 1)
        let (count, first) = try leb(start)
        guard count <= UInt64(size) else { throw CacheCorrupt() }
        var items: [Int] = []
        items.reserveCapacity(Int(count))
        var next = first
        for _ in 0..<count {
            items.append(next)
            next = try end(of: next)
        }
        guard next == start + size else { throw CacheCorrupt() }
        return items
    }

    func keyEquals(_ range: Range<Int>, _ key: String) -> Bool {
        var key = key
        return key.withUTF8 { utf8 in
            utf8.count == range.count && bytes.withUnsafeBufferPointer { buffer in
                utf8.elementsEqual(UnsafeBufferPointer(rebasing: buffer[range]))
            }
        }
    }

    func decode<T: Decodable>(_ type: T.Type, at: Int, codingPath: [any CodingKey]) throws -> T {
        // The common leaves directly, without a decoder of their own.
        if T.self == String.self { return try string(at) as! T }
        if T.self == Int.self { return try integer(at) as Int as! T }
        if T.self == Bool.self { return try bool(at) as! T }
        if T.self == Double.self { return try double(at) as! T }
        return try T(from: BinaryDecoder(nodes: self, at: at, codingPath: codingPath))
    }
}

private struct BinaryDecoder: Decoder {
    let nodes: BinaryNodes
    let at: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try KeyedBinaryDecoding<Key>(nodes: nodes, entries: nodes.entries(at), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedBinaryDecoding(nodes: nodes, items: try nodes.items(at), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleBinaryDecoding(nodes: nodes, at: at, codingPath: codingPath)
    }
}

private struct KeyedBinaryDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let nodes: BinaryNodes
    let entries: [(key: Range<Int>, value: Int)]
    let codingPath: [any CodingKey]
    /// Values are asked for in the order they were written: the next one is tried first.
    private let cursor = Cursor()

    init(nodes: BinaryNodes, entries: [(key: Range<Int>, value: Int)], codingPath: [any CodingKey]) {
        self.nodes = nodes
        self.entries = entries
        self.codingPath = codingPath
    }

    var allKeys: [Key] {
        entries.compactMap { entry in
            Key(stringValue: nodes.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[entry.key]), as: UTF8.self) })
        }
    }

    private func find(_ key: Key) -> Int? {
        let name = key.stringValue
        if cursor.next < entries.count, nodes.keyEquals(entries[cursor.next].key, name) { return cursor.next }
        return entries.firstIndex { nodes.keyEquals($0.key, name) }
    }

    private func value(_ key: Key) throws -> Int {
        guard let index = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "not in the cache"))
        }
        cursor.next = index + 1
        return entries[index].value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let index = find(key) else { return true }
        guard try nodes.tag(entries[index].value) == 0 else { return false }
        cursor.next = index + 1
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try nodes.bool(value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try nodes.string(value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try nodes.double(value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try nodes.double(value(key))) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try nodes.integer(value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try nodes.integer(value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try nodes.integer(value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try nodes.integer(value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try nodes.integer(value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try nodes.integer(value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try nodes.integer(value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try nodes.integer(value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try nodes.integer(value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try nodes.integer(value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try nodes.decode(type, at: value(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoder(nodes: nodes, at: value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryDecoder(nodes: nodes, at: value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try BinaryDecoder(nodes: nodes, at: value(Key(stringValue: "super")!), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try BinaryDecoder(nodes: nodes, at: value(key), codingPath: codingPath + [key])
    }
}

/// Where a keyed container expects the next key (containers are values, their reads are not `mutating`).
private final class Cursor { var next = 0 }

private struct UnkeyedBinaryDecoding: UnkeyedDecodingContainer {
    let nodes: BinaryNodes
    let items: [Int]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(nodes: BinaryNodes, items: [Int], codingPath: [any CodingKey]) {
        self.nodes = nodes
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func item() throws -> Int {
        guard currentIndex < items.count else { throw CacheCorrupt() }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < items.count, try nodes.tag(items[currentIndex]) == 0 else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try nodes.bool(item()) }
    mutating func decode(_ type: String.Type) throws -> String { try nodes.string(item()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try nodes.double(item()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try nodes.double(item())) }
    mutating func decode(_ type: Int.Type) throws -> Int { try nodes.integer(item()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try nodes.integer(item()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try nodes.integer(item()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try nodes.integer(item()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try nodes.integer(item()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try nodes.integer(item()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try nodes.integer(item()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try nodes.integer(item()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try nodes.integer(item()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try nodes.integer(item()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try nodes.decode(type, at: item(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoder(nodes: nodes, at: item(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryDecoder(nodes: nodes, at: item(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { BinaryDecoder(nodes: nodes, at: try item(), codingPath: codingPath) }
}

private struct SingleBinaryDecoding: SingleValueDecodingContainer {
    let nodes: BinaryNodes
    let at: Int
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { (try? nodes.tag(at)) == 0 }
    func decode(_ type: Bool.Type) throws -> Bool { try nodes.bool(at) }
    func decode(_ type: String.Type) throws -> String { try nodes.string(at) }
    func decode(_ type: Double.Type) throws -> Double { try nodes.double(at) }
    func decode(_ type: Float.Type) throws -> Float { Float(try nodes.double(at)) }
    func decode(_ type: Int.Type) throws -> Int { try nodes.integer(at) }
    func decode(_ type: Int8.Type) throws -> Int8 { try nodes.integer(at) }
    func decode(_ type: Int16.Type) throws -> Int16 { try nodes.integer(at) }
    func decode(_ type: Int32.Type) throws -> Int32 { try nodes.integer(at) }
    func decode(_ type: Int64.Type) throws -> Int64 { try nodes.integer(at) }
    func decode(_ type: UInt.Type) throws -> UInt { try nodes.integer(at) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try nodes.integer(at) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try nodes.integer(at) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try nodes.integer(at) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try nodes.integer(at) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try nodes.decode(type, at: at, codingPath: codingPath) }
}
