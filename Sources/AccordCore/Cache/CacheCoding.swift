internal import Foundation

/// Writes the cache's binary format: unsigned LEB128 integers, length-prefixed UTF-8
/// strings, and a table of repeated values (the line tables of thousands of status reports
/// are the same few), so reading 100,000 records costs little more than copying their text.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    private var lineTables: [[String: Int]: Int] = [:]
    private var pathTables: [[String: [String]]: Int] = [:]
    private var lastLineTable: (table: [String: Int], index: Int)?
    private var lastPathTable: (table: [String: [String]], index: Int)?
    /// False for bytes appended after records copied from another file: their tables are
    /// unknown here, so every later table is written out in full (still read correctly).
    var refersBack = true

    mutating func integer(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// The bytes written so far, emptied out to be stored; the tables of repeated values
    /// stay, so later writes may still refer back to them.
    mutating func drain() -> Data {
        defer { bytes.removeAll(keepingCapacity: true) }
        return Data(bytes)
    }

    /// Like ``sized(_:)``, straight to `file` after the bytes so far, and streamed: `write`
    /// gets a writer that ``spill()`` empties into the file as it goes, and the part's length,
    /// reserved before it as a ten-byte integer, is filled in at the end. The snapshot part
    /// of a large tracker is tens of megabytes, and holding it in memory raised a cold
    /// read's peak.
    mutating func flushSized(to file: FileHandle, _ write: (inout CacheWriter) throws -> Void) throws {
        try flush(to: file)
        let lengthAt = try file.offset()
        try file.write(contentsOf: Self.padded(0))
        var part = CacheWriter()
        part.sink = file
        try write(&part)
        try part.flush(to: file, keepCapacity: false)
        let end = try file.offset()
        try file.seek(toOffset: lengthAt)
        try file.write(contentsOf: Self.padded(Int(end - lengthAt) - 10))
        try file.seek(toOffset: end)
    }

    /// `value` as an unsigned LEB128 integer padded to ten bytes (read as any other).
    private static func padded(_ value: Int) -> [UInt8] {
        var rest = UInt64(value)
        return (0..<10).map { index in
            defer { rest >>= 7 }
            return UInt8(rest & 0x7F) | (index < 9 ? 0x80 : 0)
        }
    }

    /// Where ``spill()`` writes; nil when the writer keeps everything in memory.
    var sink: FileHandle?

    /// Writes the bytes so far to ``sink`` once they pass a megabyte (nothing written
    /// since may refer back to them).
    mutating func spill() throws {
        guard let sink, bytes.count >= 1 << 20 else { return }
        try flush(to: sink)
    }

    /// Writes the bytes so far to `file` without copying them, then empties them out (see
    /// ``drain()``); the memory is released unless `keepCapacity`.
    mutating func flush(to file: FileHandle, keepCapacity: Bool = true) throws {
        try file.write(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: keepCapacity)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        flag(value != nil)
        if let value { write(&self, value) }
    }

    mutating func list<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        integer(values.count)
        for value in values { write(&self, value) }
    }

    /// Bytes already in the cache's format, copied as they are.
    mutating func raw(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
    }

    mutating func raw(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
    }

    /// A value through its `Codable` form, in ``BinaryCoding``'s layout: for the records
    /// with many optional and nested fields (instruments, plans, meetings, settings).
    mutating func coded<T: Encodable>(_ value: T) throws {
        let encoded = try BinaryCoding.encode(value)
        integer(encoded.count)
        bytes.append(contentsOf: encoded)
    }

    /// A part prefixed by its length, so a reader may skip it.
    mutating func sized(_ write: (inout CacheWriter) throws -> Void) rethrows {
        var part = CacheWriter()
        try write(&part)
        integer(part.bytes.count)
        bytes.append(contentsOf: part.bytes)
        part.bytes = []
    }

    /// Writes each distinct table once; later uses are a back-reference.
    mutating func lines(_ table: [String: Int]) {
        // Records parsed alike share one table (``SharedTables``); comparing with the last one
        // is then a check of identity, not a hash of every key.
        if refersBack, let last = lastLineTable, sameStorage(last.table, table) || last.table == table {
            integer(last.index + 1)
            return
        }
        if let index = lineTables[table], refersBack {
            lastLineTable = (table, index)
            integer(index + 1)
            return
        }
        lastLineTable = (table, lineTables.count)
        lineTables[table] = lineTables.count
        integer(0)
        integer(table.count)
        for (key, line) in table.sorted(by: { $0.key < $1.key }) { string(key); integer(line) }
    }

    mutating func elementPaths(_ table: [String: [String]]) {
        if refersBack, let last = lastPathTable, last.table == table { integer(last.index + 1); return }
        if let index = pathTables[table], refersBack {
            lastPathTable = (table, index)
            integer(index + 1)
            return
        }
        lastPathTable = (table, pathTables.count)
        pathTables[table] = pathTables.count
        integer(0)
        integer(table.count)
        for (key, paths) in table.sorted(by: { $0.key < $1.key }) { string(key); list(paths) { $0.string($1) } }
    }
}

/// Reads what ``CacheWriter`` wrote; any inconsistency throws ``CacheCorrupt``, and the
/// caller then rebuilds the cache from the repository.
struct CacheReader {
    private let bytes: CacheBytes
    /// Where the next read starts.
    private(set) var offset: Int
    private var lineTables: [[String: Int]] = []
    private var pathTables: [[String: [String]]] = []

    init(_ bytes: CacheBytes, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// A reader of a copy of `bytes`.
    init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(CacheBytes(bytes), offset: offset)
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func integer() throws(CacheCorrupt) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheCorrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
    }

    mutating func flag() throws(CacheCorrupt) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheCorrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    private mutating func span() throws(CacheCorrupt) -> Range<Int> {
        let count = try integer()
        guard count >= 0, count <= bytes.count - offset else { throw CacheCorrupt() }
        offset += count
        return offset - count..<offset
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let range = try span()
        return String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws -> T) throws -> T? {
        try flag() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try integer()
        guard count >= 0, count <= bytes.count - offset else { throw CacheCorrupt() }
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    mutating func coded<T: Decodable>(_ type: T.Type) throws -> T {
        try BinaryCoding.decode(type, from: Array(bytes[try span()]))
    }

    /// A part written by `sized` (or a length and ``CacheWriter/raw(_:)``), left undecoded:
    /// the bytes it lies in (shared, not copied) and where.
    mutating func sizedPart() throws(CacheCorrupt) -> (bytes: CacheBytes, span: Range<Int>) {
        (bytes, try span())
    }

    /// The next `count` bytes, left undecoded: where they are.
    mutating func skip(_ count: Int) throws(CacheCorrupt) -> Range<Int> {
        guard count >= 0, count <= bytes.count - offset else { throw CacheCorrupt() }
        offset += count
        return offset - count..<offset
    }

    /// The bytes a reader reads (shared, not copied).
    var allBytes: CacheBytes { bytes }

    /// A part written by ``CacheWriter/sized(_:)``, read by `read`, which must end exactly
    /// where the part does.
    mutating func sized<T>(_ read: (inout CacheReader) throws -> T) throws -> T {
        let span = try span()
        var part = self
        part.offset = span.lowerBound
        let value = try read(&part)
        guard part.offset == span.upperBound else { throw CacheCorrupt() }
        return value
    }

    /// Skips a part written by `sized` (or `coded`).
    mutating func skipSized() throws {
        _ = try span()
    }


    mutating func lines() throws -> [String: Int] {
        let reference = try integer()
        if reference > 0 {
            guard reference <= lineTables.count else { throw CacheCorrupt() }
            return lineTables[reference - 1]
        }
        var table: [String: Int] = [:]
        for _ in 0..<(try integer()) { table[try string()] = try integer() }
        lineTables.append(table)
        return table
    }

    mutating func elementPaths() throws -> [String: [String]] {
        let reference = try integer()
        if reference > 0 {
            guard reference <= pathTables.count else { throw CacheCorrupt() }
            return pathTables[reference - 1]
        }
        var table: [String: [String]] = [:]
        for _ in 0..<(try integer()) { table[try string()] = try list { try $0.string() } }
        pathTables.append(table)
        return table
    }

    /// A value that must be valid (an id, a date): a cache written by accord always holds
    /// valid ones, so anything else means the file is damaged.
    mutating func valid<T>(_ make: (String) -> T?) throws -> T {
        guard let value = make(try string()) else { throw CacheCorrupt() }
        return value
    }
}

/// A cache file could not be read as written; it is ignored and rebuilt.
struct CacheCorrupt: Error {
    /// Stops the process when a part decoded late (report heads, reports, evidence) does not
    /// decode although its checksum matched when the file was opened: the file changed
    /// underneath, and it is too late to rebuild it. An I/O error (exit 74) with what to do,
    /// not a crash: nothing was written, and running again after the removal is safe.
    static func stopAfterChecksumMatched() -> Never {
        FileHandle.standardError.write(Data(
            "accord: the record cache in .git/accord/cache/records changed while it was read; delete that folder and run again\n".utf8))
        exit(ExitStatus.ioError.rawValue)
    }
}
