internal import Foundation
internal import GRDB
internal import GRDBSQLite
public import GitStore

/// GitStore's commit index and folder histories kept in the ``DerivedStore``: what a
/// repository handle learned of history (each commit's parents, time and changed files; a
/// top-level folder's entry in each commit), in the tables `historyCommit`, `historyPath`
/// and `historyChange` (the commit index) and `historyFolder` (the folder histories).
///
/// Rows are keyed by commit ids, so none goes stale; an addition is one transaction, so the
/// store never holds a commit without its parents. A damaged store is deleted by
/// ``DerivedStore/access(_:)`` and answers nothing: the history is read from git again.
final class DerivedHistoryStore: HistoryStore, Sendable {
    private let gitDirectory: URL

    /// The history kept in the derived store of the repository at `gitDirectory`, opened
    /// when first asked.
    init(gitDirectory: URL) {
        self.gitDirectory = gitDirectory
    }

    /// The process's connection to the store (see ``DerivedStore/open(gitDirectory:)``); a
    /// store that cannot be opened answers nothing and keeps nothing.
    private var derived: DerivedStore? { DerivedStore.open(gitDirectory: gitDirectory) }

    // MARK: - The commit index

    func storedCommitChanges() -> StoredCommitChanges {
        storedCommitTable(touching: nil)?.storedCommitChanges ?? StoredCommitChanges()
    }

    func storedCommitTable(touching selection: PathSelection?) -> StoredCommitTable? {
        // A folder is chosen as the paths under it, which needs its `/`; lists go to SQLite
        // as JSON, which a build of it may lack (then the whole index is read: an error
        // inside the read would count as damage).
        guard selection?.folders.allSatisfy({ $0.hasSuffix("/") }) ?? true,
              let files = try? JSONEncoder().encode(selection?.files.sorted() ?? []),
              selection == nil || readsJSON else { return nil }
        return damageChecked { db -> StoredCommitTable in
            var table = StoredCommitTable()
            // 50,000 commits and 120,000 changes and paths at a decade's size: the columns are
            // read where SQLite holds them (``Columns``), not through a row value each.
            var chosen: [Int: Int32] = [:]
            if let selection {
                // The paths chosen, to their number in the table: the files found by the
                // path's unique index, each folder as the range of paths under it (paths
                // compare as bytes, and "0" follows "/"). Lists go in as one JSON array.
                func choose(_ rows: Columns) throws {
                    while try rows.next() {
                        let number = try rows.int(0)
                        guard chosen[number] == nil else { continue }
                        chosen[number] = Int32(table.pathCount)
                        table.addPath(try rows.textBytes(1))
                    }
                }
                try choose(Columns(db, "SELECT number, path FROM historyPath WHERE path IN (SELECT value FROM json_each(?))",
                                   [String(decoding: files, as: UTF8.self)]))
                for folder in selection.folders {
                    try choose(Columns(db, "SELECT number, path FROM historyPath WHERE path >= ? AND path < ?",
                                       [folder, String(folder.dropLast()) + "0"]))
                }
            } else {
                // Path numbers are the table's; a hole (none is ever deleted) stays an empty path.
                let paths = try Columns(db, "SELECT number, path FROM historyPath ORDER BY number")
                while try paths.next() {
                    let number = try paths.int(0)
                    guard number >= table.pathCount, number < 1 << 30 else { throw DamagedRow() }
                    while table.pathCount < number { table.addPath(UnsafeRawBufferPointer(start: nil, count: 0)) }
                    table.addPath(try paths.textBytes(1))
                }
            }
            // Commit numbers (row ids, counted from 1) to positions in the table.
            var positions: [Int32] = []
            let commits = try Columns(db, "SELECT number, id, time, parents FROM historyCommit WHERE changesKnown = 1 ORDER BY number")
            while try commits.next() {
                let number = try commits.int(0)
                guard number >= 0, number < 1 << 30 else { throw DamagedRow() }
                if positions.count <= number { positions += repeatElement(-1, count: number + 1 - positions.count) }
                positions[number] = Int32(table.commitCount)
                try table.addCommit(id: try commits.id(1), time: Int64(try commits.int(2)), parents: try commits.idBytes(3))
            }
            // In the order they were stored, as a commit's changes keep it.
            let changes = try Columns(db, selection == nil
                ? "SELECT commitNumber, list, path, kind, oldID, newID FROM historyChange ORDER BY rowid"
                : "SELECT commitNumber, list, path, kind, oldID, newID FROM historyChange WHERE path IN (SELECT value FROM json_each(?)) ORDER BY rowid",
                selection == nil ? [] : ["[" + chosen.keys.sorted().map(String.init).joined(separator: ",") + "]"])
            while try changes.next() {
                let number = try changes.int(0), kind = try changes.int(3), path = try changes.int(2)
                guard number >= 0, number < positions.count, positions[number] >= 0, Self.kinds.indices.contains(kind),
                      let place = selection == nil ? Int32(exactly: path) : chosen[path] else { throw DamagedRow() }
                let change = Self.kinds[kind]
                // A change of no list or path of the table throws: damage, as any error but
                // the database's (``damageChecked(_:)``).
                try table.addChange(commit: Int(positions[number]), list: try changes.int(1), StoredChange(
                    path: place, kind: change,
                    oldID: change == .added ? .none : try changes.id(4),
                    newID: change == .deleted ? .none : try changes.id(5)))
            }
            return table.grouped()
        } ?? nil
    }

    /// Whether the store's SQLite reads JSON (`json_each`), asked without failing the read.
    private var readsJSON: Bool {
        let answered = derived?.read { db -> Bool in
            (try? Int.fetchOne(db, sql: "SELECT count(*) FROM json_each('[]')")) != nil
        }
        return answered == true
    }

    func addCommitChanges(_ added: StoredCommitChanges) {
        derived?.writeLater { db in
            // Statements prepared once for the whole addition: it may hold 50,000 commits.
            let addPath = try db.cachedStatement(sql: """
                INSERT INTO historyPath (path) VALUES (?)
                ON CONFLICT (path) DO UPDATE SET path = excluded.path RETURNING number
                """)
            let paths = try added.paths.map { path -> Int64 in
                try Int64.fetchOne(addPath, arguments: [path]) ?? -1
            }
            let isKnown = try db.cachedStatement(sql: "SELECT changesKnown FROM historyCommit WHERE number = ?")
            let addChange = try db.cachedStatement(sql: """
                INSERT INTO historyChange (commitNumber, list, path, kind, oldID, newID) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let markKnown = try db.cachedStatement(sql: "UPDATE historyCommit SET changesKnown = 1 WHERE number = ?")
            for commit in added.commits {
                let number = try self.commitNumber(commit.id, time: commit.time, parents: commit.parents, in: db)
                guard try !(Bool.fetchOne(isKnown, arguments: [number]) ?? false) else { continue }
                for (list, changes) in commit.changes.enumerated() {
                    for change in changes {
                        try addChange.execute(arguments: [number, list, paths[Int(change.path)], Self.kinds.firstIndex(of: change.kind),
                                                          change.oldID.isNone ? nil : Self.data(change.oldID),
                                                          change.newID.isNone ? nil : Self.data(change.newID)])
                    }
                }
                try markKnown.execute(arguments: [number])
            }
        }
    }

    // MARK: - Folder histories

    func storedFolderCommits(_ folder: String) -> [StoredFolderCommit] {
        damageChecked { db -> [StoredFolderCommit] in
            var result: [StoredFolderCommit] = []
            let rows = try Columns(db, "SELECT id, time, parents, entry, mode FROM historyFolder WHERE folder = ?", [folder])
            while try rows.next() {
                guard let mode = UInt32(exactly: try rows.int(4)) else { throw DamagedRow() }
                result.append(StoredFolderCommit(id: try rows.id(0), time: Int64(try rows.int(1)), parents: try rows.ids(2),
                                                 entry: try rows.id(3, orNull: true), mode: mode))
            }
            return result
        } ?? []
    }

    func addFolderCommits(_ commits: [StoredFolderCommit], folder: String) {
        derived?.writeLater { db in
            // One row a commit, its parents and time with it (not shared with the commit
            // index's rows): a folder's walk over a long history adds tens of thousands.
            let add = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO historyFolder (folder, id, time, parents, entry, mode) VALUES (?, ?, ?, ?, ?, ?)
                """)
            var parents: [UInt8] = []
            for commit in commits {
                parents.removeAll(keepingCapacity: true)
                commit.parents.forEach { $0.append(to: &parents) }
                try add.execute(arguments: [folder, Self.data(commit.id), commit.time, Data(parents),
                                            commit.entry.map(Self.data), commit.mode])
            }
        }
    }

    // MARK: - Path histories

    /// The last few answers of each folder (one per tip and list of paths) are kept: a
    /// later tip finds its own from them (``Repository/histories(of:from:)``), and the
    /// table does not grow with every commit.
    private static let answersKept = 16

    func storedPathHistories(_ paths: [String], folder: String, tip: RawObjectID) -> [[RawObjectID]]? {
        damageChecked { db -> [[RawObjectID]]? in
            guard let row = try Row.fetchOne(db, sql: "SELECT histories FROM historyAnswer WHERE folder = ? AND tip = ? AND paths = ?",
                                             arguments: [folder, Self.data(tip), Self.joined(paths)]) else { return nil }
            let histories = try row.withUnsafeData(atIndex: 0) { data -> [[RawObjectID]] in
                guard let data else { throw DamagedRow() }
                return try Self.histories(data, count: paths.count)
            }
            return histories
        } ?? nil
    }

    func addPathHistories(_ histories: [[RawObjectID]], paths: [String], folder: String, tip: RawObjectID) {
        var body = Data()
        for ids in histories {
            withUnsafeBytes(of: UInt32(ids.count).littleEndian) { body.append(contentsOf: $0) }
            for id in ids { body.append(Self.data(id)) }
        }
        derived?.writeLater { [body] db in
            try db.execute(sql: "INSERT OR REPLACE INTO historyAnswer (folder, tip, paths, histories) VALUES (?, ?, ?, ?)",
                           arguments: [folder, Self.data(tip), Self.joined(paths), body])
            try db.execute(sql: """
                DELETE FROM historyAnswer WHERE folder = ? AND rowid NOT IN
                    (SELECT rowid FROM historyAnswer WHERE folder = ? ORDER BY rowid DESC LIMIT ?)
                """, arguments: [folder, folder, Self.answersKept])
        }
    }

    /// The paths of one answer as one key (U+001F cannot be part of a path accord asks about).
    private static func joined(_ paths: [String]) -> String { paths.joined(separator: "\u{1F}") }

    /// `count` histories, each a 4-byte little-endian count and that many 20-byte ids.
    private static func histories(_ data: Data, count: Int) throws -> [[RawObjectID]] {
        try data.withUnsafeBytes { bytes in
            var offset = 0
            var result: [[RawObjectID]] = []
            for _ in 0..<count {
                guard offset + 4 <= bytes.count else { throw DamagedRow() }
                let ids = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                guard ids <= (bytes.count - offset) / 20 else { throw DamagedRow() }
                result.append((0..<ids).map { RawObjectID(bytes: bytes.baseAddress! + offset + 20 * $0) })
                offset += 20 * ids
            }
            guard offset == bytes.count else { throw DamagedRow() }
            return result
        }
    }

    // MARK: - Rows

    /// `body` on the database; nil on any failure, and a store whose rows do not decode
    /// is deleted, to be made again by the next command.
    private func damageChecked<T>(_ body: (Database) throws -> T) -> T? {
        var damaged = false
        let derived = derived
        let result = derived?.read { db -> T? in
            do {
                return try body(db)
            } catch let error as DatabaseError {
                throw error
            } catch {
                damaged = true
                return nil
            }
        } ?? nil
        if damaged { derived?.reset() }
        return result
    }

    /// The change kinds by their stored number.
    private static let kinds: [PathChange.Kind] = [.added, .modified, .deleted]

    /// The commit's row number, adding the row when there is none.
    private func commitNumber(_ id: RawObjectID, time: Int64, parents: [RawObjectID], in db: Database) throws -> Int64 {
        let key = Self.data(id)
        if let number = try Int64.fetchOne(db.cachedStatement(sql: "SELECT number FROM historyCommit WHERE id = ?"),
                                           arguments: [key]) {
            return number
        }
        var joined: [UInt8] = []
        parents.forEach { $0.append(to: &joined) }
        try db.cachedStatement(sql: "INSERT INTO historyCommit (id, time, parents) VALUES (?, ?, ?)")
            .execute(arguments: [key, time, Data(joined)])
        return db.lastInsertedRowID
    }

    private static func data(_ id: RawObjectID) -> Data {
        var bytes: [UInt8] = []
        id.append(to: &bytes)
        return Data(bytes)
    }
}

/// A row that is not what this version writes.
private struct DamagedRow: Error {}

/// The rows of one query, stepped through one at a time, each column read where SQLite
/// holds it: GRDB's row values copy a blob into a `Data` and count references on every read.
/// A column of the wrong type or size throws ``DamagedRow``.
private struct Columns {
    private let statement: Statement
    private let cursor: RowCursor

    init(_ db: Database, _ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        statement = try db.makeStatement(sql: sql)
        cursor = try Row.fetchCursor(statement, arguments: arguments)
    }

    /// Moves to the next row; false after the last.
    func next() throws -> Bool { try cursor.next() != nil }

    private func type(_ index: Int32) -> Int32 { sqlite3_column_type(statement.sqliteStatement, index) }

    func int(_ index: Int32) throws -> Int {
        guard type(index) == SQLITE_INTEGER else { throw DamagedRow() }
        return Int(sqlite3_column_int64(statement.sqliteStatement, index))
    }

    /// A text column's bytes, every one (a NUL inside does not end it); valid until the next row.
    func textBytes(_ index: Int32) throws -> UnsafeRawBufferPointer {
        guard type(index) == SQLITE_TEXT, let text = sqlite3_column_text(statement.sqliteStatement, index) else { throw DamagedRow() }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement.sqliteStatement, index)))
    }

    /// The bytes of a blob column; nil for null.
    private func blob(_ index: Int32) throws -> UnsafeRawBufferPointer? {
        switch type(index) {
        case SQLITE_NULL: return nil
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement.sqliteStatement, index))
            return UnsafeRawBufferPointer(start: sqlite3_column_blob(statement.sqliteStatement, index), count: count)
        default: throw DamagedRow()
        }
    }

    /// A commit id (20 bytes); nil for null when `orNull`.
    func id(_ index: Int32, orNull: Bool) throws -> RawObjectID? {
        guard let bytes = try blob(index) else {
            if orNull { return nil }
            throw DamagedRow()
        }
        guard bytes.count == 20, let base = bytes.baseAddress else { throw DamagedRow() }
        return RawObjectID(bytes: base)
    }

    func id(_ index: Int32) throws -> RawObjectID {
        guard let id = try id(index, orNull: false) else { throw DamagedRow() }
        return id
    }

    /// Commit ids joined (20 bytes each; none for an empty blob).
    func ids(_ index: Int32) throws -> [RawObjectID] {
        let bytes = try idBytes(index)
        guard let base = bytes.baseAddress else { return [] }
        return stride(from: 0, to: bytes.count, by: 20).map { RawObjectID(bytes: base + $0) }
    }

    /// The bytes of commit ids joined (20 bytes each); valid until the next row.
    func idBytes(_ index: Int32) throws -> UnsafeRawBufferPointer {
        guard let bytes = try blob(index), bytes.count % 20 == 0 else { throw DamagedRow() }
        return bytes
    }
}

extension Repository {
    /// This handle, its commit index and folder histories kept in the repository's derived
    /// store (``DerivedHistoryStore``).
    @discardableResult
    public func keepingHistoryInDerivedStore() -> Repository {
        historyStore = DerivedHistoryStore(gitDirectory: gitDirectory)
        return self
    }
}
