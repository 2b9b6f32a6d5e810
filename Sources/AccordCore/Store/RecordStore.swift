internal import Foundation
internal import GRDB
public import GitStore

/// Parsed tracker records in the ``DerivedStore`` (tables `record` and `recordState`).
///
/// The store holds the records of one revision of the tracker: each row is one file's
/// path, the git blob id it was parsed from and the parsed ``TrackerRecord`` (through its
/// `Codable` form); the state row names the revision by its ``TrackerKey`` and keeps the
/// problems the whole-tracker check found there (null until checked). Reading a revision
/// with the same key reads the rows and checks nothing. Reading another revision, whoever
/// made it (accord, `git commit`, a pull, a checkout of an older commit, a rebase),
/// compares the two keys' trees (unchanged folders skipped whole), parses only the files
/// that differ, and changes only their rows; when the change only adds status reports,
/// evidence and attachments to a revision without problems, only the new files are
/// checked. With no usable state, every file is parsed and every row written again.
///
/// Nothing here is ever needed for an answer: a row that does not decode, a damaged or
/// locked database, or a failure to write, makes the command read from git.
enum RecordStore {
    /// Bump when what ``TrackerRecord/parse(path:data:)`` makes of a file, or the coded
    /// form of a record, changes: rows of another version are then read again.
    static let formatVersion = 4

    /// Files read from git before they are parsed together: bounds the memory a cold read
    /// holds in raw file contents.
    static let parseChunk = 4096

    /// One stored file.
    struct Row: Sendable {
        let path: String
        let blob: ObjectID
        let record: TrackerRecord
    }

    /// The key of the tracker at `commit` for this version of the stored records.
    static func key(of repository: Repository, at commit: ObjectID) throws -> TrackerKey {
        try TrackerKey(repository: repository, commit: commit, version: formatVersion)
    }

    // MARK: Reading

    /// The records of the tracker at `commit` in path order, and the problems a check of
    /// all of them finds when that is known without checking them again.
    static func records(repository: Repository, commit: ObjectID) throws -> (rows: [Row], diagnostics: [Diagnostic]?, key: TrackerKey) {
        let key = try key(of: repository, at: commit)
        guard let store = DerivedStore.open(gitDirectory: repository.gitDirectory) else {
            return (try parseAll(repository: repository, commit: commit), nil, key)
        }
        if let stored = read(store) {
            if stored.key == key { return (stored.rows, stored.diagnostics, key) }
            if let changes = key.changes(since: stored.key, repository: repository),
               let updated = try? update(stored, changes: changes, to: key, in: store, repository: repository) {
                return (updated.rows, updated.diagnostics, key)
            }
        }
        let rows = try parseAll(repository: repository, commit: commit)
        saveAll(rows, key: key, in: store)
        return (rows, nil, key)
    }

    /// The stored state and every row, read in one transaction; nil when there is no
    /// state, it is of another version, or anything fails to decode.
    private static func read(_ store: DerivedStore) -> (key: TrackerKey, diagnostics: [Diagnostic]?, rows: [Row])? {
        let fetched = store.access { db -> (String, Data?, [(String, String, Data)])? in
            var result: (String, Data?, [(String, String, Data)])?
            try db.inTransaction(.deferred) {
                guard let state = try Row_State.fetch(db) else { return .commit }
                let rows = try GRDB.Row.fetchAll(db, sql: "SELECT path, blob, body FROM record").map { row in
                    (row[0] as String, row[1] as String, row[2] as Data)
                }
                result = (state.key, state.diagnostics, rows)
                return .commit
            }
            return result
        }
        guard let found = fetched ?? nil, found.0.hasPrefix("v\(formatVersion) ") else { return nil }
        var diagnostics: [Diagnostic]?
        if let data = found.1 {
            guard let decoded = DerivedStore.decode([Diagnostic].self, from: data) else { return nil }
            diagnostics = decoded
        }
        let decoded = ParallelMap.map(found.2) { path, blob, body -> Row? in
            guard let id = ObjectID(hex: blob), let record = DerivedStore.decode(TrackerRecord.self, from: body) else { return nil }
            return Row(path: path, blob: id, record: record)
        }
        var rows: [Row] = []
        rows.reserveCapacity(decoded.count)
        for row in decoded {
            guard let row else { return nil }
            rows.append(row)
        }
        rows.sort { $0.path < $1.path }
        return (TrackerKey(text: found.0), diagnostics, rows)
    }

    /// The one state row: the key of the revision the rows hold, and its problems (nil
    /// until checked).
    private enum Row_State {
        static func fetch(_ db: Database) throws -> (key: String, diagnostics: Data?)? {
            guard let row = try GRDB.Row.fetchOne(db, sql: "SELECT trackerKey, diagnostics FROM recordState WHERE id = 1") else { return nil }
            return (row[0], row[1])
        }
    }

    /// The problems a check of the tracker at `commit` found, when the store stands at that
    /// revision and knows them; nil otherwise. Reads the state row alone.
    static func storedDiagnostics(repository: Repository, commit: ObjectID) -> [Diagnostic]? {
        guard let key = try? key(of: repository, at: commit),
              let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let state = store.access({ db in try Row_State.fetch(db) }) ?? nil,
              state.key == key.text, let data = state.diagnostics else { return nil }
        return DerivedStore.decode([Diagnostic].self, from: data)
    }

    // MARK: Following a change

    /// The rows of the revision `key`, made from the stored ones by the files `changes`
    /// lists, and the problems when they are known without a whole check: the change only
    /// adds status reports, evidence and attachments, the stored revision had no problems,
    /// and the new files, checked against the rest, have none either (what `accord log`
    /// checks of a new report). The database is changed in place, row by row, in one
    /// transaction that first makes sure no other process moved it meanwhile.
    private static func update(_ stored: (key: TrackerKey, diagnostics: [Diagnostic]?, rows: [Row]), changes: [PathChange],
                               to key: TrackerKey, in store: DerivedStore, repository: Repository) throws -> (rows: [Row], diagnostics: [Diagnostic]?) {
        let inputs = try changes.filter { $0.kind != .deleted }.map { change -> (path: String, blob: ObjectID, data: Data) in
            guard let blob = change.newID else { throw AccordError(.internal, L10n.t("{1} changed without a new id", change.path)) }
            return (change.path, blob, TrackerRecord.needsContent(change.path) ? try repository.blob(blob) : Data())
        }
        let parsed = ParallelMap.map(inputs, perCore: 16) { Row(path: $0.path, blob: $0.blob, record: TrackerRecord.parse(path: $0.path, data: $0.data)) }
        let changed = Dictionary(changes.map { ($0.path, $0.kind) }, uniquingKeysWith: { _, last in last })
        var rows = stored.rows.filter { changed[$0.path] == nil }
        rows.append(contentsOf: parsed)
        rows.sort { $0.path < $1.path }

        var diagnostics: [Diagnostic]?
        if stored.diagnostics?.isEmpty == true, changes.allSatisfy({ $0.kind == .added }),
           parsed.allSatisfy({ TrackerSnapshot.isAppendable($0.record) }), !repeatsAnID(parsed, in: stored.rows) {
            let problems = TrackerSnapshot.problems(in: rows.map(\.record), only: Set(parsed.map(\.path)))
            if problems.isEmpty { diagnostics = [] }
        }
        let encoded = parsed.map { ($0.path, $0.blob.hex, DerivedStore.encode($0.record)) }
        let diagnosticsBody = diagnostics.flatMap { DerivedStore.encode($0) }
        _ = store.write { db in
            guard try Row_State.fetch(db)?.key == stored.key.text else { return }
            for change in changes where change.kind == .deleted {
                try db.execute(sql: "DELETE FROM record WHERE path = ?", arguments: [change.path])
            }
            for (path, blob, body) in encoded {
                guard let body else { throw AccordError(.internal, L10n.t("{1} could not be encoded", path)) }
                try db.execute(sql: "INSERT OR REPLACE INTO record (path, blob, body) VALUES (?, ?, ?)", arguments: [path, blob, body])
            }
            try db.execute(sql: "UPDATE recordState SET trackerKey = ?, diagnostics = ? WHERE id = 1",
                           arguments: [key.text, diagnosticsBody])
        }
        return (rows, diagnostics)
    }

    /// Whether a new report or piece of evidence has the id of another one: the whole
    /// check then decides which file it names.
    private static func repeatsAnID(_ added: [Row], in rows: [Row]) -> Bool {
        func id(_ record: TrackerRecord) -> String? {
            switch record {
            case .report(let file): return file.value.map { "report " + $0.id.rawValue }
            case .evidence(let file): return file.value.map { "evidence " + $0.id.rawValue }
            default: return nil
            }
        }
        let ids = added.compactMap { id($0.record) }
        let distinct = Set(ids)
        if distinct.count < ids.count { return true }
        if distinct.isEmpty { return false }
        return rows.contains { id($0.record).map(distinct.contains) ?? false }
    }

    // MARK: Reading everything

    /// Every file of the tracker at `commit`, read from git and parsed. A chunk of files is
    /// read on this thread (one libgit2 handle: libgit2 serialises reads of a pack) while
    /// the chunk before it is parsed on all cores.
    static func parseAll(repository: Repository, commit: ObjectID) throws -> [Row] {
        let files = try RevisionFiles(repository: repository, commit: commit).files
        var rows: [Row] = []
        rows.reserveCapacity(files.count)
        let parsing = DispatchGroup()
        let chunk = ParsedChunk()
        func finished() {
            parsing.wait()
            rows.append(contentsOf: chunk.rows)
            chunk.rows = []
        }
        for start in stride(from: 0, to: files.count, by: parseChunk) {
            let inputs = try files[start..<min(start + parseChunk, files.count)].map { file in
                (path: file.path, blob: file.blob,
                 data: TrackerRecord.needsContent(file.path) ? try repository.blob(file.blob) : Data())
            }
            finished()
            DispatchQueue.global().async(group: parsing) {
                chunk.rows = ParallelMap.map(inputs) { Row(path: $0.path, blob: $0.blob, record: TrackerRecord.parse(path: $0.path, data: $0.data)) }
            }
        }
        finished()
        return rows
    }

    /// Replaces every row with `rows`, the records of `key`, not yet checked. Failures are
    /// ignored: the store only saves time.
    private static func saveAll(_ rows: [Row], key: TrackerKey, in store: DerivedStore) {
        let bodies = ParallelMap.map(rows) { DerivedStore.encode($0.record) }
        _ = store.write { db in
            try db.execute(sql: "DELETE FROM record")
            let insert = try db.makeStatement(sql: "INSERT INTO record (path, blob, body) VALUES (?, ?, ?)")
            for (row, body) in zip(rows, bodies) {
                guard let body else { throw AccordError(.internal, L10n.t("{1} could not be encoded", row.path)) }
                try insert.execute(arguments: [row.path, row.blob.hex, body])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO recordState (id, trackerKey, diagnostics) VALUES (1, ?, NULL)",
                           arguments: [key.text])
        }
    }

    /// Keeps the problems a whole check of the revision `key` found, unless the store has
    /// moved to another revision meanwhile.
    static func saveDiagnostics(_ diagnostics: [Diagnostic], key: TrackerKey, repository: Repository) {
        guard let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let body = DerivedStore.encode(diagnostics) else { return }
        _ = store.write { db in
            try db.execute(sql: "UPDATE recordState SET diagnostics = ? WHERE id = 1 AND trackerKey = ?",
                           arguments: [body, key.text])
        }
    }

    /// After a commit of `added` (status reports, evidence and attachments, checked
    /// without problems) on top of `parent` alone, moves the store from `parent` to
    /// `commit` by adding their rows, when it stood at `parent` with no problems: the next
    /// command then reads the new revision without comparing trees. Failures are ignored.
    static func saveAppended(_ added: [Row], repository: Repository, parent: ObjectID, commit: ObjectID) {
        guard let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let base = try? key(of: repository, at: parent), let key = try? key(of: repository, at: commit) else { return }
        let encoded = added.map { ($0.path, $0.blob.hex, DerivedStore.encode($0.record)) }
        guard let none = DerivedStore.encode([Diagnostic]()) else { return }
        _ = store.write { db in
            guard let state = try Row_State.fetch(db), state.key == base.text,
                  let data = state.diagnostics, DerivedStore.decode([Diagnostic].self, from: data)?.isEmpty == true else { return }
            for (path, blob, body) in encoded {
                guard let body else { throw AccordError(.internal, L10n.t("{1} could not be encoded", path)) }
                try db.execute(sql: "INSERT OR REPLACE INTO record (path, blob, body) VALUES (?, ?, ?)", arguments: [path, blob, body])
            }
            try db.execute(sql: "UPDATE recordState SET trackerKey = ?, diagnostics = ? WHERE id = 1", arguments: [key.text, none])
        }
    }
}

/// The rows of the chunk being parsed; written by the parsing task, read on the reading
/// thread only after waiting for that task, before the next task starts.
private final class ParsedChunk: @unchecked Sendable {
    var rows: [RecordStore.Row] = []
}

/// Whether a load may use the derived store.
public enum CacheUse: Sendable {
    /// Read and write the stored records (what the commands do).
    case enabled
    /// Parse every file and leave the store alone (for checks and comparisons).
    case disabled
}

extension TrackerSnapshot {
    /// Reads the tracker at `revision` (a commit id, branch, tag; default the branch tip),
    /// through the derived store unless `cache` is `.disabled`. The result is the same
    /// either way.
    public static func load(repository: Repository, at revision: String = "HEAD", cache: CacheUse = .enabled) throws -> TrackerSnapshot {
        try load(repository: repository, commit: repository.resolve(revision), cache: cache)
    }

    /// Reads the tracker at `commit`, through the derived store unless `cache` is `.disabled`.
    public static func load(repository: Repository, commit: ObjectID, cache: CacheUse = .enabled) throws -> TrackerSnapshot {
        guard cache == .enabled else { return try load(RevisionFiles(repository: repository, commit: commit)) }
        let read = try RecordStore.records(repository: repository, commit: commit)
        let snapshot = TrackerSnapshot(files: TrackerFileSet(read.rows.map(\.record)), diagnostics: read.diagnostics)
        if read.diagnostics == nil {
            RecordStore.saveDiagnostics(snapshot.diagnostics, key: read.key, repository: repository)
        }
        return snapshot
    }
}

extension TrackerRecord {
    /// Every record of the tracker at `commit`, in path order, through the derived store
    /// (what a write checks its new record against).
    public static func all(in repository: Repository, at commit: ObjectID) throws -> [TrackerRecord] {
        try RecordStore.records(repository: repository, commit: commit).rows.map(\.record)
    }
}
