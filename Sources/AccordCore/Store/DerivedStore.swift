internal import Foundation
internal import GRDB

/// Data derived from the repository's git objects, kept in one SQLite database in the git
/// folder: `<gitdir>/accord/derived.sqlite`.
///
/// Every row is keyed by git ids (blob ids, tree ids), which never change meaning, so no row
/// goes stale, and nothing in the store is ever needed for an answer: a read that finds no
/// row works it out from git and stores it. A store that cannot be opened, is damaged, or
/// was made by another version of its layout (`PRAGMA user_version`) is deleted and made
/// again; a failure in the middle of a command only makes that command work without it.
final class DerivedStore: @unchecked Sendable {
    /// Bump when a table's layout changes: a store of another version is made again.
    static let schemaVersion = 9

    /// Where the store lives in a repository's git folder.
    static func location(gitDirectory: URL) -> URL {
        gitDirectory.appendingPathComponent("accord/derived.sqlite")
    }

    let url: URL
    private let lock = NSLock()
    /// A pool: one connection writes, and reads made on other threads (a prefetch while the
    /// records are read) go on at once, each on a connection of its own.
    private var pool: DatabasePool?
    /// Whether this process wrote to the store (guarded by `lock`): only then is the
    /// write-ahead log folded back when it closes.
    private var wrote = false

    private init(url: URL, pool: DatabasePool) {
        self.url = url
        self.pool = pool
    }

    /// One store per file for the whole process: every part of a run shares its
    /// connections, writes one at a time.
    private static let opened = LockedValue<[String: DerivedStore]>([:])

    /// The store of the repository whose git folder is `gitDirectory`, made when missing,
    /// damaged or of another version; nil when it cannot be made (a read-only git folder).
    static func open(gitDirectory: URL) -> DerivedStore? {
        let url = location(gitDirectory: gitDirectory)
        _ = closesAtExit
        return opened.withLock { stores in
            if let store = stores[url.path], store.isOpen { return store }
            guard FileManager.default.fileExists(atPath: gitDirectory.path),
                  let pool = connect(url) ?? { remove(url); return connect(url) }() else { return nil }
            let store = DerivedStore(url: url, pool: pool)
            stores[url.path] = store
            return store
        }
    }

    /// Closes every store when the process exits, its write-ahead log folded into the
    /// database file first (``close()``): the next command reads one file, and a copy of
    /// that file alone (a USB stick's, a backup's) holds everything.
    private static let closesAtExit: Bool = {
        atexit {
            let stores = DerivedStore.opened.withLock { stores in
                defer { stores = [:] }
                return Array(stores.values)
            }
            for store in stores { store.close() }
        }
        return true
    }()

    func close() {
        // What was handed over to be written later is written first.
        waitForLaterWrites()
        lock.withLock {
            // A pool closes its writer before its readers, which open the file read-only and
            // cannot fold the write-ahead log back into it: the writer folds it first. A
            // command that wrote nothing leaves the files as they are: emptying the log
            // would have the next open write to it again (GRDB keeps a log it opens with
            // from being empty), so every read would write and sync the disk.
            if wrote { _ = try? pool?.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
            try? pool?.close()
            pool = nil
        }
    }

    private var isOpen: Bool { lock.withLock { pool != nil } }

    /// Opens the database at `url` and makes sure it holds this version's tables; nil when
    /// it is not a database of this version or cannot be read.
    private static func connect(_ url: URL) -> DatabasePool? {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            // Another accord may be writing (two commands at once): wait for it a little.
            configuration.busyMode = .timeout(2)
            configuration.label = "accord derived store"
            // A pool keeps the database in write-ahead-log mode, which keeps the file whole
            // if the machine stops mid-write and lets readers go on while another writes.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            let fits = try pool.writeWithoutTransaction { db -> Bool in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version == schemaVersion { return true }
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                guard version == 0, tables == 0 else { return false }
                try db.inTransaction {
                    try db.execute(sql: schema)
                    try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                    return .commit
                }
                return true
            }
            if fits { return pool }
            try? pool.close()
            return nil
        } catch {
            return nil
        }
    }

    /// Deletes the database and its write-ahead log.
    private static func remove(_ url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    /// The tables. Texts and comparisons carry the version of what made them, so that a
    /// change to the text parser replaces those rows alone; the parsed records carry theirs
    /// in the state's key (see ``RecordStore``). The `history…` tables are GitStore's
    /// commit index and folder histories (``DerivedHistoryStore``): a commit's parents are
    /// their 20-byte ids one after another, a change's `list` is which parent it is against.
    /// The `record` table is ordered by its `cluster` (``RecordStore/Row/cluster``), so that
    /// the status reports of one instrument, plan or meeting lie together.
    private static let schema = """
        CREATE TABLE text (
            blob TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            body BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE textChange (
            name TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            body BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE searchState (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            trackerKey TEXT NOT NULL
        );
        CREATE TABLE searchFile (
            path TEXT PRIMARY KEY,
            blob TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE searchEntry (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            kind TEXT NOT NULL,
            record TEXT NOT NULL,
            part TEXT NOT NULL,
            language TEXT NOT NULL,
            date TEXT,
            body TEXT NOT NULL
        );
        CREATE INDEX searchEntryPath ON searchEntry(path);
        CREATE VIRTUAL TABLE searchWords USING fts5(words, tokenize = 'ascii');
        CREATE TABLE record (
            cluster TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            blob TEXT NOT NULL,
            form INTEGER NOT NULL,
            body BLOB NOT NULL,
            head TEXT,
            PRIMARY KEY (cluster, path)
        ) WITHOUT ROWID;
        CREATE TABLE evidenceOwner (
            owner TEXT NOT NULL,
            path TEXT NOT NULL,
            PRIMARY KEY (owner, path)
        ) WITHOUT ROWID;
        CREATE INDEX evidenceOwnerPath ON evidenceOwner(path);
        CREATE TABLE recordState (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            trackerKey TEXT NOT NULL,
            diagnostics BLOB
        );
        CREATE TABLE historyCommit (
            number INTEGER PRIMARY KEY,
            id BLOB NOT NULL UNIQUE,
            time INTEGER NOT NULL,
            parents BLOB NOT NULL,
            changesKnown INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE historyPath (
            number INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE
        );
        CREATE TABLE historyChange (
            commitNumber INTEGER NOT NULL,
            list INTEGER NOT NULL,
            path INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            oldID BLOB,
            newID BLOB
        );
        CREATE INDEX historyChangePath ON historyChange(path);
        CREATE TABLE historyFolder (
            folder TEXT NOT NULL,
            id BLOB NOT NULL,
            time INTEGER NOT NULL,
            parents BLOB NOT NULL,
            entry BLOB,
            mode INTEGER NOT NULL,
            PRIMARY KEY (folder, id)
        ) WITHOUT ROWID;
        CREATE TABLE historyAnswer (
            folder TEXT NOT NULL,
            tip BLOB NOT NULL,
            paths TEXT NOT NULL,
            histories BLOB NOT NULL,
            PRIMARY KEY (folder, tip, paths)
        );
        """

    /// Runs `body` on the database, on the connection that writes, once no other write is
    /// under way; nil on any failure. A damaged database is closed and deleted, so that the
    /// next command makes it again; this one goes on without it. The lock guards the
    /// connection, not the write: reads on other threads go on meanwhile.
    func access<T>(_ body: (Database) throws -> T) -> T? {
        guard let pool = lock.withLock({ () -> DatabasePool? in
            wrote = true
            return pool
        }) else { return nil }
        do {
            return try pool.writeWithoutTransaction(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            reset()
            return nil
        } catch {
            return nil
        }
    }

    /// Writes handed over by ``writeLater(_:)``, one at a time, in order.
    private let later = DispatchQueue(label: "accord.derived-store.later")

    /// Runs `body` in one transaction of its own on another thread, after the writes
    /// handed over before it, and returns at once; failures are ignored. For what only
    /// saves time later (parsed texts, what was learned of history): the thread that learned
    /// it goes on while another write (a cold read's records) holds the database, and
    /// ``close()`` waits for it before the process exits.
    func writeLater(_ body: @escaping @Sendable (Database) throws -> Void) {
        later.async { _ = self.write(body) }
    }

    /// Waits for the writes handed over by ``writeLater(_:)`` so far.
    func waitForLaterWrites() {
        later.sync {}
    }

    /// Runs `body`, which only reads, in one read transaction of its own: it sees one
    /// state of the database throughout, and goes on while other threads read or write.
    /// Nil on any failure; a damaged database is closed and deleted, as by ``access(_:)``.
    func read<T>(_ body: (Database) throws -> T) -> T? {
        guard let pool = lock.withLock({ pool }) else { return nil }
        do {
            return try pool.read(body)
        } catch let error as DatabaseError where Self.isDamage(error) {
            reset()
            return nil
        } catch {
            return nil
        }
    }

    /// Runs `body` in one transaction; nil (and nothing written) on any failure.
    func write<T>(_ body: (Database) throws -> T) -> T? {
        let done: T?? = access { db in
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result
        }
        return done ?? nil
    }

    private static func isDamage(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT, .SQLITE_SCHEMA, .SQLITE_ERROR].contains(error.resultCode)
    }

    /// Closes and deletes the store, so that the next open makes it again. Waits for the
    /// reads and writes under way on its connections; must not be called from inside one.
    func reset() {
        lock.withLock {
            try? pool?.close()
            pool = nil
            Self.remove(url)
        }
    }
}

extension DerivedStore {
    /// Values stored as the bytes of their Codable form.
    static func encode(_ value: some Encodable) -> Data? {
        try? JSONEncoder().encode(value)
    }

    /// A value stored by ``encode(_:)``; nil when the bytes are not one.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        try? JSONDecoder().decode(type, from: data)
    }
}

/// A value guarded by a lock.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
