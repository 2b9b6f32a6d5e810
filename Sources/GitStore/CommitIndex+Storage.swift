internal import Foundation

/// The stored form of the commit index: `.git/accord/cache/commits/<40 hex digits>`, one file
/// per segment, named after the newest commit it was written for.
///
/// A segment holds commits that are all reachable from its name, with their parents' ids;
/// the commits it does not hold are in the segments it names as bases (read first). Commit
/// ids never change meaning, so a segment can never be stale: it is either read whole or, when
/// damaged, ignored and those commits walked again. Layout (integers are unsigned LEB128,
/// times zigzag LEB128, ids 20 raw bytes):
///
///     magic "accord commit index\n", format version
///     base count, base names; depth (1 + the deepest base's)
///     path count, then per path: byte count, UTF-8 bytes
///     commit count, then every commit id
///     per commit: time, parent count, per parent a reference (k > 0: the commit k places
///       later in this segment; 0: a 20-byte id follows), then one change list per parent
///       (one for a root): change count, per change: path number, kind (0 added,
///       1 modified, 2 deleted), the old id unless added, the new id unless deleted
///     the magic again, so that a truncated file is never taken for a whole one
extension CommitIndex {
    /// Bump whenever the layout or what goes into it changes; files of other versions are ignored.
    static let formatVersion: UInt64 = 1
    private static let magic = Array("accord commit index\n".utf8)

    /// A segment file that is not a whole segment of this format version.
    struct DamagedSegment: Error {}

    /// Commits as the build produces them and a segment stores them, each path numbered once.
    struct NewSegment {
        private(set) var paths: [String] = []
        private var numbers: [String: Int32] = [:]
        var commits: [NewCommit] = []

        /// The change with its path numbered in this segment.
        mutating func change(_ change: RawPathChange) -> Change {
            Change(path: number(change.path), kind: change.kind, oldID: change.oldID, newID: change.newID)
        }

        mutating func number(_ path: String) -> Int32 {
            if let number = numbers[path] { return number }
            numbers[path] = Int32(paths.count)
            paths.append(path)
            return Int32(paths.count - 1)
        }
    }

    struct NewCommit {
        var id: RawObjectID
        var time: Int64
        var parents: [RawObjectID]
        /// Against each parent in turn; one list against the empty tree for a root. Paths are
        /// numbers in the segment's table.
        var lists: [[Change]]
    }

    /// Reads a segment and appends its commits; returns its base names. On any damage the
    /// index is left as it was.
    mutating func appendSegment(_ bytes: UnsafeRawBufferPointer, name: RawObjectID) throws(DamagedSegment) -> [RawObjectID] {
        let mark = self.mark
        do {
            return try { () throws(DamagedSegment) -> [RawObjectID] in
                var reader = SegmentReader(bytes)
                try reader.expect(Self.magic)
                guard try reader.number() == Self.formatVersion else { throw DamagedSegment() }
                let bases = try (0..<reader.count()).map { _ throws(DamagedSegment) in try reader.id() }
                let depth = try reader.count()
                let pathBase = Int32(pathCount)
                let paths = try reader.count()
                reservePaths(paths, segmentSize: bytes.count)
                for _ in 0..<paths { addPath(try reader.bytes(try reader.count())) }
                let count = try reader.count()
                reserveCommits(count, segmentSize: bytes.count)
                let ids = try (0..<count).map { _ throws(DamagedSegment) in try reader.id() }
                for (position, id) in ids.enumerated() {
                    let time = try reader.signedNumber()
                    var commitParents: [RawObjectID] = []
                    var known: [Int32] = []
                    for _ in 0..<(try reader.count()) {
                        let reference = try reader.count()
                        if reference == 0 {
                            commitParents.append(try reader.id())
                            known.append(-1)
                        } else {
                            guard position + reference < count else { throw DamagedSegment() }
                            commitParents.append(ids[position + reference])
                            known.append(Int32(mark.commits + position + reference))
                        }
                    }
                    addCommit(id: id, time: time, parents: commitParents, known: known)
                    for _ in 0..<max(commitParents.count, 1) {
                        for _ in 0..<(try reader.count()) {
                            let path = try reader.count()
                            guard path < paths else { throw DamagedSegment() }
                            let kind: PathChange.Kind
                            switch try reader.byte() {
                            case 0: kind = .added
                            case 1: kind = .modified
                            case 2: kind = .deleted
                            default: throw DamagedSegment()
                            }
                            let oldID = kind == .added ? RawObjectID.none : try reader.id()
                            let newID = kind == .deleted ? RawObjectID.none : try reader.id()
                            addChange(Change(path: pathBase + Int32(path), kind: kind, oldID: oldID, newID: newID))
                        }
                        endList()
                    }
                }
                try reader.expect(Self.magic)
                guard reader.isAtEnd else { throw DamagedSegment() }
                endSegment(name: name, depth: depth, from: mark)
                return bases
            }()
        } catch {
            rollBack(to: mark)
            throw DamagedSegment()
        }
    }

    /// The bytes of a segment holding `segment`'s commits, children before parents where possible.
    static func encodeSegment(_ segment: NewSegment, bases: [RawObjectID], depth: Int) -> [UInt8] {
        var writer = SegmentWriter()
        writer.bytes(magic)
        writer.number(formatVersion)
        writer.number(UInt64(bases.count))
        bases.forEach { writer.id($0) }
        writer.number(UInt64(depth))
        writer.number(UInt64(segment.paths.count))
        for path in segment.paths {
            let bytes = Array(path.utf8)
            writer.number(UInt64(bytes.count))
            writer.bytes(bytes)
        }
        writer.number(UInt64(segment.commits.count))
        var positions: [RawObjectID: Int] = [:]
        for (position, commit) in segment.commits.enumerated() {
            writer.id(commit.id)
            positions[commit.id] = positions[commit.id] ?? position
        }
        for (position, commit) in segment.commits.enumerated() {
            writer.signedNumber(commit.time)
            writer.number(UInt64(commit.parents.count))
            for parent in commit.parents {
                if let later = positions[parent], later > position {
                    writer.number(UInt64(later - position))
                } else {
                    writer.number(0)
                    writer.id(parent)
                }
            }
            for list in commit.lists {
                writer.number(UInt64(list.count))
                for change in list {
                    writer.number(UInt64(change.path))
                    switch change.kind {
                    case .added: writer.byte(0)
                    case .modified: writer.byte(1)
                    case .deleted: writer.byte(2)
                    }
                    if change.kind != .added { writer.id(change.oldID) }
                    if change.kind != .deleted { writer.id(change.newID) }
                }
            }
        }
        writer.bytes(magic)
        return writer.buffer
    }

    /// The commits at `positions` as a segment would store them, to compact a chain into one.
    func newSegment(of positions: [Int32]) -> NewSegment {
        var segment = NewSegment()
        var renumbered = [Int32](repeating: -1, count: pathCount)
        for position in positions {
            let commit = commits[Int(position)]
            let lists = (0..<Int(commit.listCount)).map { list in
                changes(of: position, against: list).map { change in
                    var change = change
                    if renumbered[Int(change.path)] < 0 { renumbered[Int(change.path)] = segment.number(path(change.path)) }
                    change.path = renumbered[Int(change.path)]
                    return change
                }
            }
            segment.commits.append(NewCommit(id: commit.id, time: commit.time, parents: Array(parents[parentRange(of: position)]),
                                              lists: lists))
        }
        return segment
    }
}

/// A folder of history cache files named after commits: the commit index's segments
/// (`commits`), the folder histories (`folders/<folder>`). Every failure to write is
/// ignored: nothing here is ever required, and the next command tries again.
struct CacheFolder {
    let url: URL

    /// `.git/accord/cache/<path>`.
    init(gitDirectory: URL, path: String) {
        url = gitDirectory.appendingPathComponent("accord/cache/\(path)", isDirectory: true)
    }

    /// The commit index's folder.
    static func commitIndex(gitDirectory: URL) -> CacheFolder {
        CacheFolder(gitDirectory: gitDirectory, path: "commits")
    }

    /// The files stored, newest first.
    func names() -> [RawObjectID] {
        newestFiles(in: url).compactMap { name in ObjectID(hex: name).map { RawObjectID($0) } }
    }

    /// The file's bytes, mapped rather than copied: they are read once, straight into the
    /// arrays of the commit index or folder history.
    func read(_ name: RawObjectID) -> Data? {
        try? Data(contentsOf: file(name), options: .alwaysMapped)
    }

    /// Writes under a temporary name and renames, so a reader never sees half a file.
    func write(_ bytes: [UInt8], as name: RawObjectID) {
        let target = file(name)
        let temporary = url.appendingPathComponent(".\(name.objectID.hex).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    func remove(_ name: RawObjectID) {
        try? FileManager.default.removeItem(at: file(name))
    }

    private func file(_ name: RawObjectID) -> URL {
        url.appendingPathComponent(name.objectID.hex)
    }
}

/// Reads the commit index's and the folder histories' binary layout.
struct SegmentReader {
    typealias DamagedSegment = CommitIndex.DamagedSegment
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(DamagedSegment) -> UInt8 {
        guard offset < bytes.count else { throw DamagedSegment() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func number() throws(DamagedSegment) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw DamagedSegment() }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A count or index: a number small enough that a damaged file cannot make us allocate
    /// more than the file could hold.
    mutating func count() throws(DamagedSegment) -> Int {
        let value = try number()
        guard value <= UInt64(bytes.count) else { throw DamagedSegment() }
        return Int(value)
    }

    mutating func signedNumber() throws(DamagedSegment) -> Int64 {
        let value = try number()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func bytes(_ count: Int) throws(DamagedSegment) -> UnsafeRawBufferPointer {
        guard count <= bytes.count - offset else { throw DamagedSegment() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func id() throws(DamagedSegment) -> RawObjectID {
        let raw = try bytes(20)
        return RawObjectID(bytes: raw.baseAddress!)
    }

    mutating func expect(_ expected: [UInt8]) throws(DamagedSegment) {
        guard try bytes(expected.count).elementsEqual(expected) else { throw DamagedSegment() }
    }
}

/// Writes the commit index's and the folder histories' binary layout.
struct SegmentWriter {
    var buffer: [UInt8] = []

    mutating func byte(_ value: UInt8) {
        buffer.append(value)
    }

    mutating func bytes(_ values: [UInt8]) {
        buffer.append(contentsOf: values)
    }

    mutating func number(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            buffer.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        buffer.append(UInt8(value))
    }

    mutating func signedNumber(_ value: Int64) {
        number(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func id(_ value: RawObjectID) {
        value.append(to: &buffer)
    }
}
