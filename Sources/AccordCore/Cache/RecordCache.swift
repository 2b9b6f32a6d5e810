internal import CMemory
internal import Foundation
public import GitStore

/// Parsed tracker records, cached in the repository's git folder under `accord/cache/`.
///
/// A file of the cache holds every record of one revision with the git blob id it was
/// parsed from, and is named after that revision's *tracker key*: the ids of `accord.yaml`
/// and of the five record folders' trees. Git ids never change meaning, so a file found
/// under a key is right for every commit with that key: the cache cannot go stale. A new
/// revision reuses the records of the latest file whose path and blob id are unchanged and
/// parses only the rest, so nothing is parsed twice.
///
/// A *whole* file has two parts: the snapshot itself (sorted, checked: all a cached load
/// reads), and the records by path and blob id (read only to build the next revision's
/// file). A revision that only adds status reports, evidence or attachments to the one
/// before it (what `accord log` and `accord evidence add` commit) gets an *appended* file
/// instead: the key of the revision before and the records added, read by applying them to
/// that revision's snapshot. At most ``maximumChain`` appended files rest on one whole file.
///
/// The cache is never needed: a missing, damaged or older-format file is ignored and
/// written again, and any failure to write it is ignored too. Files are written to a
/// temporary name and renamed, so a reader never sees half a file. Only a few revisions are
/// kept (`kept`, with the files their chains rest on), so the folder stays small and flat.
struct RecordCache {
    /// Bump when the binary layout, or what ``TrackerRecord/parse(path:data:)`` makes of
    /// a file, changes: files of another version are then ignored and replaced.
    static let formatVersion = 22
    static let magic = Array("accord-record-cache\n".utf8)
    /// The newest files kept, with the files their chains rest on.
    static let kept = 3
    /// Appended files a chain may hold before a whole file is written again: each costs a
    /// small file read and the records it adds applied on every warm read.
    static let maximumChain = 8

    /// The repository's git folder.
    let gitDirectory: URL
    /// `<gitdir>/accord/cache/records`.
    let folder: URL

    /// Waits for any file still being written (`PendingCacheWrites`) before the folder is
    /// read, so that a read in this process sees every file it wrote.
    init(gitDirectory: URL) {
        self.gitDirectory = gitDirectory
        folder = gitDirectory.appendingPathComponent("accord/cache/records", isDirectory: true)
        PendingCacheWrites.wait()
    }

    /// One cached file of a revision.
    struct Entry {
        let path: String
        let blob: ObjectID
        let record: TrackerRecord
    }

    /// The key of the tracker at `commit`: the ids of what accord reads, and the format.
    static func key(of repository: Repository, at commit: ObjectID) throws -> String {
        var parts = ["v\(formatVersion)"]
        for name in [TrackerLayout.settings] + TrackerLayout.folders {
            parts.append(try repository.entry(name, at: commit).map { "\(name)=\($0.id.hex)" } ?? "\(name)=-")
        }
        return parts.joined(separator: " ")
    }

    /// The file name of a key: a 128-bit FNV-1a hash; the full key inside the file decides.
    static func fileName(of key: String) -> String {
        var hash: (UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)
        for byte in key.utf8 {
            hash.0 = (hash.0 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            hash.1 = (hash.1 ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ hash.0
        }
        return String(format: "%016llx%016llx", hash.0, hash.1)
    }

    /// The snapshot cached for `key`, or nil when there is no usable file. Of a whole file,
    /// only the header and the snapshot part are read, not the records after them; an
    /// appended file gives the snapshot of the whole file its chain rests on, with the
    /// records each file of the chain added.
    func snapshot(for key: String, use: SnapshotUse = .whole) -> TrackerSnapshot? {
        guard let chain = chain(of: key), let snapshot = wholeSnapshot(chain.whole, use: use) else { return nil }
        if chain.appended.isEmpty { return snapshot }
        // All at once, oldest first: each report group and the id table are rebuilt once.
        return snapshot.appending(chain.appended.reversed().flatMap { $0.map(\.record) })
    }

    /// The snapshot part of the whole file of `key`.
    private func wholeSnapshot(_ key: String, use: SnapshotUse) -> TrackerSnapshot? {
        guard let file = FileHandle(forReadingAtPath: url(of: key).path) else { return nil }
        defer { try? file.close() }
        do {
            guard let head = try file.read(upToCount: 4096) else { return nil }
            var reader = CacheReader(Array(head))
            guard try Self.readHeader(&reader, key: key), try reader.integer() == Layout.wholeTag else { return nil }
            let size = try reader.integer()
            guard let part = CacheBytes.map(file.fileDescriptor, offset: reader.offset, count: size) else { return nil }
            var snapshotReader = CacheReader(part)
            let snapshot = try TrackerSnapshot(from: &snapshotReader, use: use)
            return snapshotReader.isAtEnd ? snapshot : nil
        } catch {
            return nil
        }
    }

    /// The files behind `key`: the records added by each appended file, newest first, and
    /// the key of the whole file the chain rests on; nil when a file of it is missing or
    /// unusable, or the chain is longer than ``maximumChain``.
    private func chain(of key: String) -> (appended: [[Entry]], whole: String)? {
        var appended: [[Entry]] = []
        var key = key
        while true {
            switch head(of: key) {
            case nil: return nil
            case .whole: return (appended, key)
            case .appended(let base):
                guard appended.count < Self.maximumChain, let added = addedEntries(of: key) else { return nil }
                appended.append(added)
                key = base
            }
        }
    }

    /// What the file of `key` is; nil when it is missing or unusable.
    private func head(of key: String) -> Layout? {
        guard let file = FileHandle(forReadingAtPath: url(of: key).path) else { return nil }
        defer { try? file.close() }
        do {
            guard let head = try file.read(upToCount: 4096) else { return nil }
            var reader = CacheReader(Array(head))
            guard try Self.readHeader(&reader, key: key) else { return nil }
            switch try reader.integer() {
            case Layout.wholeTag: return .whole
            case Layout.appendedTag: return .appended(base: try reader.string())
            default: return nil
            }
        } catch {
            return nil
        }
    }

    /// The records an appended file adds to its base.
    private func addedEntries(of key: String) -> [Entry]? {
        guard var reader = open(url(of: key), key: key) else { return nil }
        do {
            guard try reader.integer() == Layout.appendedTag else { return nil }
            _ = try reader.string()
            let entries = try reader.list { try Entry(from: &$0) }
            return reader.isAtEnd ? entries : nil
        } catch {
            return nil
        }
    }

    /// Reads the magic, the format version and the key; false when they are not this
    /// format's, or (given `key`) for another key.
    private static func readHeader(_ reader: inout CacheReader, key: String?) throws -> Bool {
        guard let stored = try storedKey(&reader) else { return false }
        return key.map { $0 == stored } ?? true
    }

    /// The key after the magic and the format version; nil when they are not this format's.
    private static func storedKey(_ reader: inout CacheReader) throws -> String? {
        for byte in magic where try reader.integer() != Int(byte) { return nil }
        guard try reader.integer() == formatVersion else { return nil }
        return try reader.string()
    }

    private func url(of key: String) -> URL {
        folder.appendingPathComponent(Self.fileName(of: key))
    }

    /// The key stored in a file, whatever it is.
    private func storedKey(_ url: URL) -> String? {
        guard let file = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? file.close() }
        guard let head = try? file.read(upToCount: 4096) else { return nil }
        var reader = CacheReader(Array(head))
        return try? Self.storedKey(&reader)
    }

    /// The records of the most recently written file, by path: candidates for reuse.
    func latestEntries() -> [String: Entry] {
        let newest = newestFiles(in: folder).first.map { folder.appendingPathComponent($0) }
        guard let newest, let key = storedKey(newest), let entries = records(for: key) else { return [:] }
        return Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes the records of `key`, then drops the files no longer needed. Failures are
    /// ignored: the cache only saves time. Every slot of `entries` is filled (`build` fills
    /// them in place).
    func save(_ entries: [Entry?], snapshot: TrackerSnapshot, key: String) {
        _ = write(key: key, snapshot: snapshot, recordCount: entries.count) { file, writer in
            // Each entry is written where it lies in the array: taking it out (a loop over
            // the array, or a lazy map) copies it, retaining and releasing every field.
            for index in entries.indices {
                try writer.entry(entries[index]!)
                if writer.bytes.count >= 1 << 20 { try writer.flush(to: file) }
            }
        }
    }

    /// Writes the file of `key` for a revision that only adds `added` to the revision of
    /// `base`, whose file must be here. Usually an *appended* file: the base's key and the
    /// added records, a few hundred bytes where a whole file of a large tracker is tens of
    /// megabytes. When the chain of appended files would grow past ``maximumChain``, a whole
    /// file instead: `snapshot()` in full, then the records of the chain's whole file copied
    /// byte for byte, then those the appended files and `added` add. False when the base
    /// file is missing or unusable (nothing is written then).
    func saveAppended(_ added: [Entry], snapshot: () -> TrackerSnapshot?, key: String, base: String) -> Bool {
        guard let chain = chain(of: base) else { return false }
        if chain.appended.count < Self.maximumChain {
            return write(key: key) { _, writer in
                writer.integer(Layout.appendedTag)
                writer.string(base)
                writer.integer(added.count)
                for entry in added { try writer.entry(entry) }
            }
        }
        guard let snapshot = snapshot() else { return false }
        // The whole file's records are not read into memory: its header, then its records
        // are copied over in pieces.
        guard let source = FileHandle(forReadingAtPath: url(of: chain.whole).path) else { return false }
        defer { try? source.close() }
        let count: Int
        do {
            guard let head = try source.read(upToCount: 4096) else { return false }
            var reader = CacheReader(Array(head))
            guard try Self.readHeader(&reader, key: chain.whole), try reader.integer() == Layout.wholeTag else { return false }
            let size = try reader.integer()
            try source.seek(toOffset: UInt64(reader.offset + size))
            guard let countBytes = try source.read(upToCount: 10) else { return false }
            var countReader = CacheReader(Array(countBytes))
            count = try countReader.integer()
            try source.seek(toOffset: UInt64(reader.offset + size + countReader.offset))
        } catch {
            return false
        }
        let later = chain.appended.reversed().flatMap { $0 } + added
        return write(key: key, snapshot: snapshot, recordCount: count + later.count) { file, writer in
            try writer.flush(to: file)
            while let piece = try source.read(upToCount: 1 << 20), !piece.isEmpty { try file.write(contentsOf: piece) }
            // The copied records defined tables of repeated values this writer does not know.
            writer.refersBack = false
            for entry in later { try writer.entry(entry) }
        }
    }

    /// Writes a whole file: header, `snapshot`, the number of records, then `records`
    /// writes them.
    private func write(key: String, snapshot: TrackerSnapshot, recordCount: Int,
                       records: (FileHandle, inout CacheWriter) throws -> Void) -> Bool {
        write(key: key) { file, writer in
            writer.integer(Layout.wholeTag)
            // Written out part by part: the file of a large tracker is tens of megabytes, and
            // holding it in memory at once raised a cold read's peak.
            try writer.flushSized(to: file) { try snapshot.write(to: &$0) }
            writer.integer(recordCount)
            try records(file, &writer)
        }
    }

    /// Writes a file: header, then `body` writes the rest; under a temporary name renamed
    /// into place, then the files no longer needed are dropped. False (and nothing left
    /// behind) on any failure.
    private func write(key: String, body: (FileHandle, inout CacheWriter) throws -> Void) -> Bool {
        let manager = FileManager.default
        let target = url(of: key)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // A write finishing on another thread may outlive the repository (removed while
            // the command ran): its git folder is never made again for a cache file.
            guard manager.fileExists(atPath: gitDirectory.path) else { return false }
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            guard manager.createFile(atPath: temporary.path, contents: nil) else { return false }
            let file = try FileHandle(forWritingTo: temporary)
            defer { try? file.close() }
            var writer = CacheWriter()
            for byte in Self.magic { writer.integer(Int(byte)) }
            writer.integer(Self.formatVersion)
            writer.string(key)
            try body(file, &writer)
            try writer.flush(to: file)
            try file.close()
            guard rename(temporary.path, target.path) == 0 else { try? manager.removeItem(at: temporary); return false }
            prune()
            return true
        } catch {
            try? manager.removeItem(at: temporary)
            return false
        }
    }

    /// Drops every file but the newest `kept` and the files their chains rest on.
    private func prune() {
        let manager = FileManager.default
        let files = newestFiles(in: folder).map { folder.appendingPathComponent($0) }
        var needed = Set<String>()
        for newest in files.prefix(Self.kept) {
            needed.insert(newest.lastPathComponent)
            var key = storedKey(newest)
            var steps = 0
            while let current = key, steps <= Self.maximumChain, case .appended(let base) = head(of: current) {
                needed.insert(Self.fileName(of: base))
                key = base
                steps += 1
            }
        }
        for old in files where !needed.contains(old.lastPathComponent) {
            try? manager.removeItem(at: old)
        }
    }

    /// Opens a file after its header; nil when it is missing, of another format, or (given
    /// `key`) for another key.
    private func open(_ url: URL, key: String?) -> CacheReader? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var reader = CacheReader(Array(data))
        return (try? Self.readHeader(&reader, key: key)) == true ? reader : nil
    }

    /// The records cached for `key` (those of the whole file its chain rests on, then those
    /// each appended file adds), or nil when there is no usable file.
    func records(for key: String) -> [Entry]? {
        guard let chain = chain(of: key), var reader = open(url(of: chain.whole), key: chain.whole) else { return nil }
        do {
            guard try reader.integer() == Layout.wholeTag else { return nil }
            try reader.skipSized()
            let entries = try reader.list { try Entry(from: &$0) }
            return reader.isAtEnd ? entries + chain.appended.reversed().flatMap { $0 } : nil
        } catch {
            return nil
        }
    }
}

/// What follows a file's header: a whole snapshot and records, or the key of the base and
/// the records added to it.
private enum Layout {
    case whole
    case appended(base: String)

    /// The integer that says which, after the header.
    static let wholeTag = 0
    static let appendedTag = 1
}

extension RecordCache.Entry {
    init(from reader: inout CacheReader) throws {
        self.init(path: try reader.string(), blob: try reader.valid(ObjectID.init(hex:)), record: try TrackerRecord(from: &reader))
    }
}

/// What a command reads of a snapshot. A cached read decodes up front, on all cores, what
/// the command needs, and leaves the rest encoded until it is asked for.
public enum SnapshotUse: Sendable {
    /// Every record: the state of every target, gaps, summaries, lists.
    case whole
    /// A few records, found by id or owner: `show`, `history`, `log`. The evidence is
    /// decoded piece by piece as asked for.
    case few
}

/// Whether a load may use the record cache.
public enum CacheUse: Sendable {
    /// Read and write the cache (what the commands do).
    case enabled
    /// Parse every file and leave the cache alone (for checks and comparisons).
    case disabled
}

extension TrackerSnapshot {
    /// Reads the tracker at `revision` (a commit id, branch, tag; default the branch tip),
    /// through the record cache unless `cache` is `.disabled`. The result is the same
    /// either way.
    public static func load(repository: Repository, at revision: String = "HEAD", cache: CacheUse = .enabled) throws -> TrackerSnapshot {
        try load(repository: repository, commit: repository.resolve(revision), cache: cache)
    }

    /// Reads the tracker at `commit`, through the record cache unless `cache` is `.disabled`;
    /// `use` says what the caller will read of it (the answers are the same either way).
    public static func load(repository: Repository, commit: ObjectID, cache: CacheUse = .enabled,
                            use: SnapshotUse = .whole) throws -> TrackerSnapshot {
        guard cache == .enabled else { return try load(RevisionFiles(repository: repository, commit: commit)) }
        let store = RecordCache(gitDirectory: repository.gitDirectory)
        let key = try RecordCache.key(of: repository, at: commit)
        if let snapshot = store.snapshot(for: key, use: use) { return snapshot }
        if let snapshot = store.update(repository: repository, commit: commit, key: key, use: use) { return snapshot }
        return try store.build(repository: repository, commit: commit, key: key).snapshot
    }
}

extension TrackerRecord {
    /// Every record of the tracker at `commit`, in path order, through the record cache
    /// (what a write checks its new record against).
    public static func all(in repository: Repository, at commit: ObjectID) throws -> [TrackerRecord] {
        let store = RecordCache(gitDirectory: repository.gitDirectory)
        let key = try RecordCache.key(of: repository, at: commit)
        // An appended file (see `saveAppended`) holds its newest records last.
        if let entries = store.records(for: key) { return entries.sorted { $0.path < $1.path }.map(\.record) }
        return try store.build(repository: repository, commit: commit, key: key).records()
    }
}

extension RecordCache {
    /// Reads the revision, reusing the latest file's records where path and blob id are
    /// unchanged, checks it, and writes its file.
    func build(repository: Repository, commit: ObjectID, key: String) throws -> (snapshot: TrackerSnapshot, records: () -> [TrackerRecord]) {
        let files = try RevisionFiles(repository: repository, commit: commit)
        let previous = latestEntries()
        let paths = try files.paths()
        var entries: [Entry?] = []
        entries.reserveCapacity(paths.count)
        var unparsed: [Int] = []
        for (path, blob) in files.files {
            if let cached = previous[path], cached.blob == blob {
                entries.append(cached)
            } else {
                unparsed.append(entries.count)
                entries.append(nil)
            }
        }
        // Parsing is most of a cold read and each file stands alone: a chunk of files is
        // read from git on this thread (one libgit2 handle: reading on two was no faster, as
        // libgit2 serialises reads of a pack) while the chunk before it is parsed on all cores.
        let parsing = DispatchGroup()
        let chunk = ParsedChunk()
        // The records sorted by kind for the snapshot. On a cold read every file is parsed,
        // chunk after chunk in path order, so each chunk is filed while the next is parsed.
        var fileSet = TrackerFileSet()
        fileSet.reserve(for: paths)
        let filingWhileParsing = unparsed.count == entries.count
        /// The records of the chunk parsed last, taken once its task is done.
        func parsed() -> [TrackerRecord] {
            parsing.wait()
            defer { chunk.records = [] }
            return chunk.records
        }
        func keep(_ indexes: [Int], _ records: [TrackerRecord]) {
            for (index, record) in zip(indexes, records) {
                entries[index] = Entry(path: paths[index], blob: files.files[index].blob, record: record)
                if filingWhileParsing { fileSet.add(record) }
            }
        }
        var inFlight: [Int] = []
        for start in stride(from: 0, to: unparsed.count, by: Self.parseChunk) {
            let indexes = Array(unparsed[start..<min(start + Self.parseChunk, unparsed.count)])
            let inputs = try indexes.map { index -> (path: String, data: Data) in
                let path = paths[index]
                return (path, TrackerRecord.needsContent(path) ? try repository.blob(files.files[index].blob) : Data())
            }
            let (done, records) = (inFlight, parsed())
            inFlight = indexes
            DispatchQueue.global().async(group: parsing) {
                chunk.records = ParallelMap.map(inputs) { TrackerRecord.parse(path: $0.path, data: $0.data) }
                // Equal line tables kept once (a cold read of a large tracker held one per
                // file), here rather than on the reading thread: one chunk is parsed at a time.
                for index in chunk.records.indices { chunk.records[index] = chunk.records[index].sharingTables(&chunk.tables) }
            }
            // The chunk before is filed while this one is parsed.
            keep(done, records)
        }
        keep(inFlight, parsed())
        // Parsing freed as much as it kept (YAML trees, file contents) spread over the
        // heap: hand it back before the snapshot is built and written, which need as much again.
        _ = accord_release_free_memory()
        if !filingWhileParsing {
            for entry in entries { fileSet.add(entry!.record) }
        }
        let snapshot = TrackerSnapshot(files: fileSet, diagnostics: nil)
        fileSet = TrackerFileSet()
        // Every slot is filled by now; no second array of 120,000 entries is made for it.
        // Written on another core while the command goes on with the snapshot (both only
        // read the two): the write is a single-threaded quarter of a second at full
        // benchmark size.
        let written = entries
        PendingCacheWrites.start { [self] in save(written, snapshot: snapshot, key: key) }
        return (snapshot, { entries.map { $0!.record } })
    }

    /// The snapshot of `key` made from that of the newest file, when the two revisions
    /// differ only by status reports, evidence and attachments added without problems: what
    /// a commit of `accord log`, a sync or a pull that brings new reports, or a `git commit`
    /// of them, makes. Whoever made the revision, its folders are compared with the newest
    /// file's by tree id (unchanged folders skipped whole), only the added files are read
    /// and checked against the snapshot, and an appended file is written for `key`. Nil
    /// when anything else changed, or on any failure: the caller then reads in full.
    func update(repository: Repository, commit: ObjectID, key: String, use: SnapshotUse) -> TrackerSnapshot? {
        guard let newest = newestFiles(in: folder).first.map({ folder.appendingPathComponent($0) }),
              let baseKey = storedKey(newest), baseKey != key else { return nil }
        let old = Self.parts(of: baseKey), new = Self.parts(of: key)
        guard old.count == new.count, old.first?.0 == new.first?.0 else { return nil }
        var changes: [PathChange] = []
        do {
            for ((name, before), (sameName, after)) in zip(old, new).dropFirst() where before != after {
                // accord.yaml is a blob: any change to it changes what every record means.
                guard name == sameName, name != TrackerLayout.settings, let after else { return nil }
                changes += try repository.changes(fromTree: before, toTree: after, under: name)
                guard changes.count <= Self.largestUpdate else { return nil }
            }
        } catch {
            return nil
        }
        let added = changes.filter { TrackerLayout.isTracked($0.path) }
        guard !added.isEmpty, changes.allSatisfy({ $0.kind == .added }),
              let base = snapshot(for: baseKey, use: use), base.diagnostics.isEmpty else { return nil }
        var files: [String: Data] = [:]
        var entries: [Entry] = []
        for change in added {
            guard let blob = change.newID else { return nil }
            let content: Data?
            if TrackerRecord.needsContent(change.path) { content = try? repository.blob(blob) } else { content = Data() }
            guard let data = content else { return nil }
            files[change.path] = data
            let record = TrackerRecord.parse(path: change.path, data: data)
            guard TrackerSnapshot.isAppendable(record) else { return nil }
            entries.append(Entry(path: change.path, blob: blob, record: record))
        }
        // The checks a write of these files runs; the commit is only read when the records
        // are not all appendable, which was ruled out above.
        guard (try? base.problems(adding: files, repository: repository, commit: commit))?.isEmpty == true,
              let snapshot = base.appending(entries.map(\.record)) else { return nil }
        _ = saveAppended(entries, snapshot: { snapshot }, key: key, base: baseKey)
        return snapshot
    }

    /// The parts of a key: the format, then each name with its id (nil when absent).
    static func parts(of key: String) -> [(String, ObjectID?)] {
        key.split(separator: " ").map { part in
            guard let equals = part.firstIndex(of: "=") else { return (String(part), nil) }
            return (String(part[..<equals]), ObjectID(hex: String(part[part.index(after: equals)...])))
        }
    }

    /// More added files than this are read in full: the update would be no cheaper.
    static let largestUpdate = 2000

    /// Files read from git before they are parsed together: bounds the memory a cold read
    /// holds in raw file contents.
    static let parseChunk = 4096
}

/// Record cache files being written on another thread. A `RecordCache` waits for them
/// before reading its folder, and the process waits for them before it exits, so a file is
/// never left half written (it would be ignored, being under a temporary name, and the next
/// command would read cold again).
enum PendingCacheWrites {
    private static let group = DispatchGroup()
    private static let waitsAtExit: Bool = {
        atexit { PendingCacheWrites.wait() }
        return true
    }()

    /// Runs `write` on a global queue.
    static func start(_ write: @escaping @Sendable () -> Void) {
        _ = waitsAtExit
        DispatchQueue.global().async(group: group, execute: write)
    }

    /// Returns once every write started has ended.
    static func wait() {
        group.wait()
    }
}

/// The records of the chunk being parsed; written by the parsing task, read on the reading
/// thread only after waiting for that task, before the next task starts.
private final class ParsedChunk: @unchecked Sendable {
    var records: [TrackerRecord] = []
    /// The line tables of every chunk so far; used by one parsing task at a time.
    var tables = SharedTables()
}

extension CacheWriter {
    /// One record of a file's second part: its path, blob id and parsed value.
    mutating func entry(_ entry: RecordCache.Entry) throws {
        string(entry.path)
        string(entry.blob.hex)
        try entry.record.write(to: &self)
    }
}
