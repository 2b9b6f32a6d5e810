internal import Foundation
internal import GRDB
public import GitStore

/// Parsed tracker records in the ``DerivedStore`` (tables `record` and `recordState`).
///
/// The store holds the records of one revision of the tracker: each row is one file's
/// path, the git blob id it was parsed from and what it takes to have its ``TrackerRecord``
/// again without git (``Body``); the state row names the revision by its ``TrackerKey`` and keeps the
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
    static let formatVersion = 8

    /// Files read from git before they are parsed together: bounds the memory a cold read
    /// holds in raw file contents.
    static let parseChunk = 4096

    /// The stored bytes after which a warm read hands the rows fetched so far to be turned
    /// into records: the few large records (plans, registers, texts) then spread over
    /// several pieces of work instead of ending the read on one core.
    static let readChunkBytes = 256 * 1024

    /// One stored file. `source` holds the file's bytes between reading and storing when
    /// ``body(of:)`` says the row keeps them; it is empty otherwise.
    struct Row: Sendable {
        let path: String
        let blob: ObjectID
        let record: TrackerRecord
        var source = Data()

        /// What the `head` column keeps of a status report or a piece of evidence (see
        /// ``StoredReportHead``, ``StoredEvidenceHead``); nil for other records and for one
        /// that did not parse.
        var head: String? {
            switch record {
            case .report(let file): return file.value.map { StoredReportHead($0).text(blob: blob) }
            case .evidence(let file): return file.value.map { StoredEvidenceHead($0).text(blob: blob) }
            default: return nil
            }
        }

        /// The part of the `record` table the row lies in, which orders it: a status report
        /// that parsed lies with the other reports on its target's owner, a piece of
        /// evidence that parsed with the other evidence (``evidenceCluster``; the owners it
        /// supports are in the `evidenceOwner` table), every other row in the part named
        /// by the empty text. A read for one owner then reads its reports, the evidence of
        /// its owners and that part, and steps over the rest.
        var cluster: String {
            switch record {
            case .report(let file): return file.value?.target.owner ?? ""
            case .evidence(let file): return file.value == nil ? "" : RecordStore.evidenceCluster
            default: return ""
            }
        }

        /// The instruments, plans and meetings whose targets a piece of evidence supports.
        var evidenceOwners: Set<String> {
            guard case .evidence(let file) = record, let evidence = file.value else { return [] }
            return Set(evidence.supports.map(\.owner))
        }
    }

    /// The cluster of the evidence that parsed: no owner's id begins with a space.
    static let evidenceCluster = " evidence"

    /// How a row keeps its record: the file's own bytes, parsed again when read, or the
    /// parsed record in its `Codable` form.
    ///
    /// Every YAML record (status reports, evidence, withdrawals, requests, instruments,
    /// plans, meetings, the settings) keeps its file's bytes: accord's YAML readers read
    /// the layout accord writes faster than any `Codable` decoder reads the parsed record
    /// back (Benchmarks/README.md), and the stored row is the file itself, whatever the
    /// parser becomes. Attachments and misplaced files are known from
    /// the path alone and keep nothing. Instrument texts keep the parsed text, which the
    /// text parser takes longer to make.
    enum Body: Int {
        case source = 0
        case coded = 1
    }

    /// The form in which the row of `path` keeps its record.
    static func body(of path: String) -> Body {
        switch TrackerRecord.classify(path) {
        case .report, .evidence, .withdrawal, .request, .attachment, .misplaced,
             .settings, .instrument, .plan, .meeting: return .source
        case .text: return .coded
        }
    }

    /// A row parsed from `data`, the content of `path` at `blob`, keeping the bytes when its
    /// body is the source.
    static func row(path: String, blob: ObjectID, data: Data) -> Row {
        let record = TrackerRecord.parse(path: path, data: data)
        return Row(path: path, blob: blob, record: record, source: body(of: path) == .source ? data : Data())
    }

    /// What the `record` table keeps of `row`: its form and bytes; nil when the record
    /// cannot be encoded.
    private static func stored(_ row: Row) -> (form: Int, bytes: Data)? {
        switch body(of: row.path) {
        case .source: return (Body.source.rawValue, row.source)
        case .coded: return DerivedStore.encode(row.record).map { (Body.coded.rawValue, $0) }
        }
    }

    /// The record a stored row keeps; nil when the bytes are not what its form says. A row
    /// that keeps the file's bytes is parsed only when they hash to the row's blob id: bytes
    /// damaged into another file would otherwise parse into a different, plausible record.
    private static func storedRecord(path: String, blob: ObjectID, form: Int, bytes: Data) -> TrackerRecord? {
        guard let kept = Body(rawValue: form), kept == body(of: path) else { return nil }
        switch kept {
        case .source:
            if TrackerRecord.needsContent(path) {
                guard (try? Repository.blobID(of: bytes)) == blob else { return nil }
            }
            return TrackerRecord.parse(path: path, data: bytes)
        case .coded:
            return DerivedStore.decode(TrackerRecord.self, from: bytes)
        }
    }

    /// The key of the tracker at `commit` for this version of the stored records.
    static func key(of repository: Repository, at commit: ObjectID) throws -> TrackerKey {
        try TrackerKey(repository: repository, commit: commit, version: formatVersion)
    }

    // MARK: Reading

    /// The records of the tracker at `commit` in path order, and the problems a check of
    /// all of them finds when that is known without checking them again.
    static func records(repository: Repository, commit: ObjectID) throws -> (rows: [Row], diagnostics: [Diagnostic]?, key: TrackerKey) {
        let read = try load(repository: repository, commit: commit, parsingReports: true)
        return (read.rows, read.diagnostics, read.key)
    }

    /// The records of the tracker at `commit`, as ``records(repository:commit:)``; with
    /// `parsingReports` false, status reports may be left unparsed (``Stored/reports``)
    /// when the problems of the revision are known: what building a snapshot needs.
    static func load(repository: Repository, commit: ObjectID, parsingReports: Bool) throws -> Stored {
        let key = try key(of: repository, at: commit)
        guard let store = DerivedStore.open(gitDirectory: repository.gitDirectory) else {
            return Stored(key: key, diagnostics: nil, rows: try parseAll(repository: repository, commit: commit))
        }
        if let stored = read(store, gitDirectory: repository.gitDirectory, parsingReports: parsingReports) {
            if stored.key == key { return stored }
            if let changes = key.changes(since: stored.key, repository: repository) {
                if let updated = try? update(stored, changes: changes, to: key, in: store, repository: repository) { return updated }
                // Reports, evidence and texts left unparsed follow only a change whose problems
                // are known without them; any other change is followed with every record at hand.
                if !stored.reports.isEmpty || !stored.evidence.isEmpty || !stored.texts.isEmpty, let parsed = read(store, gitDirectory: repository.gitDirectory),
                   let updated = try? update(parsed, changes: changes, to: key, in: store, repository: repository) {
                    return updated
                }
            }
        }
        return try saveParsed(commit: commit, key: key, in: store, repository: repository, filingReports: !parsingReports)
    }

    /// The records of the tracker at `commit` with the status reports in `scope` alone
    /// (every party's), and where the revision's other reports are, found by id: what
    /// recording or showing one target needs. Nil unless the store stands at `commit` and
    /// knows it has no problems (the caller then reads everything, which brings the store
    /// up to `commit`).
    static func load(repository: Repository, commit: ObjectID, reportsOn scope: ReportScope,
                     citing: Set<String>) -> (Stored, ReportsElsewhere)? {
        guard let key = try? key(of: repository, at: commit),
              let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let stored = read(store, gitDirectory: repository.gitDirectory, parsingReports: false, at: key, reportsOn: scope,
                                citing: citing),
              stored.diagnostics?.isEmpty == true else { return nil }
        return (stored, StoredReportPaths(store: store, key: key, gitDirectory: repository.gitDirectory, commit: commit).elsewhere)
    }

    /// Every file parsed from git and stored anew. Each chunk of rows is written as soon as
    /// it is parsed, while the next is parsed, and its files' bytes, kept for the store
    /// alone, are then let go: the bytes of the whole tracker are never held at once. When
    /// the store cannot be written, the tracker is parsed again without it (the store only
    /// saves time); an error reading git is thrown.
    ///
    /// With `filingReports`, the status reports are parsed after every other file and
    /// checked as they come (``ReportFiling``): each is kept by its head, as a warm read
    /// keeps it, and the parsed report let go, so the parsed reports of the whole tracker
    /// are never held at once either. The problems of the revision are then known, and
    /// stored with the rows.
    private static func saveParsed(commit: ObjectID, key: TrackerKey, in store: DerivedStore, repository: Repository,
                                   filingReports: Bool = false) throws -> Stored {
        var files = try RevisionFiles(repository: repository, commit: commit).files
        var reportCount = 0
        if filingReports {
            // Stable: each part stays in path order.
            let reports = files.filter { TrackerRecord.classify($0.path) == .report }
            reportCount = reports.count
            if !reports.isEmpty {
                files.removeAll { TrackerRecord.classify($0.path) == .report }
                files += reports
            }
        }
        var rows: [Row] = []
        var filing: ReportFiling?
        defer { filing?.wait() }
        var diagnostics: [Diagnostic]?
        var failure: (any Error)?
        let bytes = StoredReportBytes(store: store, gitDirectory: repository.gitDirectory)
        let saved: Void? = store.write { db in
            rows.reserveCapacity(files.count - reportCount)
            try db.execute(sql: "DELETE FROM record")
            try db.execute(sql: "DELETE FROM evidenceOwner")
            let insertion = try Insertion(db, replacing: false)
            var writing = false
            do {
                try parse(files, repository: repository) { chunk in
                    writing = true
                    try insert(chunk, with: insertion)
                    writing = false
                    var reports: [(file: ParsedFile<StatusReport>, blob: ObjectID)] = []
                    for var row in chunk {
                        if filingReports, case .report(let file) = row.record {
                            reports.append((file, row.blob))
                            if file.value != nil { continue }
                        }
                        row.source = Data()
                        rows.append(row)
                    }
                    guard !reports.isEmpty else { return }
                    // The reports come last: every file they refer to is read.
                    if filing == nil { filing = ReportFiling(rows: rows, reports: reportCount, bytes: bytes) }
                    filing?.add(reports)
                }
            } catch {
                // Git not giving a file fails the read; the store not taking a row only the store.
                if !writing { failure = error }
                throw error
            }
            diagnostics = filing?.finish()
            try db.execute(sql: "INSERT OR REPLACE INTO recordState (id, trackerKey, diagnostics) VALUES (1, ?, ?)",
                           arguments: [key.text, diagnostics.flatMap { DerivedStore.encode($0) }])
        }
        if let failure { throw failure }
        guard saved != nil else { return Stored(key: key, diagnostics: nil, rows: try parseAll(repository: repository, commit: commit)) }
        return Stored(key: key, diagnostics: diagnostics, rows: rows, reports: filing?.entries ?? [])
    }

    /// The status reports of a cold read, checked against the other files as they are
    /// parsed and kept by their heads (``StoredReportHead``), their bytes fetched from the
    /// store when a command looks at them. Each chunk is filed on a queue of its own while
    /// the reading thread reads and stores the next.
    private final class ReportFiling: @unchecked Sendable {
        // Changed on `queue` alone, and read once `group` has been waited for.
        private var validation: TrackerValidation
        private var filed: [ReportEntry] = []
        private let bytes: any ReportBytes
        private let queue = DispatchQueue(label: "accord.report-filing")
        private let group = DispatchGroup()

        /// Ready to check the `reports` reports of a tracker whose other files are `rows`.
        init(rows: [Row], reports: Int, bytes: any ReportBytes) {
            // A report that could not be read is among `rows` too, but is checked with the others.
            let files = TrackerFileSet(rows.lazy.map(\.record).filter { if case .report = $0 { false } else { true } })
            validation = TrackerValidation.reportByReport(files: files, targets: TrackerSnapshot.owners(of: files).4, reports: reports)
            filed.reserveCapacity(reports)
            self.bytes = bytes
        }

        /// Checks `reports` (in path order, after those added before) and keeps each that
        /// could be read by its head.
        func add(_ reports: [(file: ParsedFile<StatusReport>, blob: ObjectID)]) {
            queue.async(group: group) { [self] in
                for (file, blob) in reports {
                    validation.add(file)
                    guard let report = file.value else { continue }
                    filed.append(ReportEntry(StoredReportHead(report), path: file.file, blob: blob, bytes: bytes))
                }
            }
        }

        /// Waits for the reports handed over.
        func wait() { group.wait() }

        /// Every problem of the tracker, sorted, once the reports handed over are checked.
        func finish() -> [Diagnostic] {
            group.wait()
            return validation.finish().sorted()
        }

        /// The reports kept by their heads, in path order.
        var entries: [ReportEntry] {
            group.wait()
            return filed
        }
    }

    /// What a read of the stored rows gives: the state's key and problems, the rows in path
    /// order, and, when the read left status reports unparsed, their entries.
    struct Stored {
        let key: TrackerKey
        let diagnostics: [Diagnostic]?
        let rows: [Row]
        var reports: [ReportEntry] = []
        /// Evidence left unparsed, as ``reports``: its head, and its file's bytes.
        var evidence: [EvidenceStore.Entry] = []
        /// Instrument texts left undecoded, as ``reports``.
        var texts: [StoredText] = []
    }

    /// The stored state and every row, read in one read transaction; nil when there is no
    /// state, it is of another version, or any row does not give its record back. Rows are
    /// fetched a chunk at a time, each chunk turned into records on other cores while the
    /// next is fetched (``BatchPipeline``), so the stored bytes of the whole tracker are
    /// never held at once.
    ///
    /// With `parsingReports` false and the state's problems known, a status report whose
    /// row has a head (see ``StoredReportHead``) is not parsed: it becomes a
    /// ``ReportEntry`` holding its head, its bytes fetched and parsed only if a command looks at it.
    /// With `expected`, nil unless the state is that revision's; with `scope` too (which
    /// needs the problems known), only the reports in `scope` are read, their heads found
    /// by the database, and only the evidence that may support a target of the scope's
    /// owner (the `evidenceOwner` table), or that those reports or `citing` cite
    /// (``ScopedEvidence``).
    private static func read(_ store: DerivedStore, gitDirectory: URL, parsingReports: Bool = true,
                             at expected: TrackerKey? = nil, reportsOn scope: ReportScope? = nil,
                             citing: Set<String> = []) -> Stored? {
        enum Read {
            case row(Row)
            case report(ReportEntry)
            case evidence(StoredEvidenceHead, EvidenceStore.Source)
            case text(StoredText)
            /// A report out of the scope read for.
            case skipped
        }
        let reportBytes = StoredReportBytes(store: store, gitDirectory: gitDirectory, scope: scope)
        // One read transaction: the state and every row as they stood together.
        let fetched = store.read { db -> (String, Data?, [Row], [ReportEntry], [EvidenceStore.Entry], [StoredText])? in
            guard let state = try Row_State.fetch(db), state.key.hasPrefix("v\(formatVersion) "),
                  expected.map({ $0.text == state.key }) ?? true else { return nil }
            let lazy = !parsingReports && state.diagnostics != nil
            if scope != nil && !lazy { return nil }
            var rows: [Row] = [], reports: [ReportEntry] = [], evidence: [EvidenceStore.Entry] = [], texts: [StoredText] = []
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM record") ?? 0
            rows.reserveCapacity(lazy ? count / 4 : count)
            if lazy && scope == nil { reports.reserveCapacity(count) }
            // Rows are decoded on other cores while the next chunk is fetched.
            let pipeline = BatchPipeline<(path: String, blob: String, form: Int, bytes: Data, head: String?), Read?> { stored in
                guard let id = ObjectID(hex: stored.blob) else { return nil }
                if lazy, body(of: stored.path) == .coded {
                    // An instrument text is decoded when a command first asks for the texts.
                    guard Body(rawValue: stored.form) == .coded else { return nil }
                    return .text(StoredText(path: stored.path, blob: id, bytes: stored.bytes, gitDirectory: gitDirectory))
                }
                if lazy, let text = stored.head {
                    guard Body(rawValue: stored.form) == .source, body(of: stored.path) == .source else { return nil }
                    if TrackerRecord.classify(stored.path) == .evidence {
                        // Kept with its bytes, checked now: a piece is parsed when looked at.
                        guard let head = StoredEvidenceHead(text: text, blobHex: stored.blob),
                              (try? Repository.blobID(of: stored.bytes)) == id else { return nil }
                        return .evidence(head, .stored(bytes: stored.bytes, path: stored.path))
                    }
                    guard let head = StoredReportHead(text: text, blobHex: stored.blob) else { return nil }
                    if let scope, !scope.contains(head.target) { return .skipped }
                    return .report(ReportEntry(head, path: stored.path, blob: id, bytes: reportBytes))
                }
                guard let record = storedRecord(path: stored.path, blob: id, form: stored.form, bytes: stored.bytes) else { return nil }
                if let scope, case .report(let file) = record, !(file.value.map { scope.contains($0.target) } ?? false) { return .skipped }
                return .row(Row(path: stored.path, blob: id, record: record))
            }
            var chunk: [(path: String, blob: String, form: Int, bytes: Data, head: String?)] = []
            var chunkBytes = 0
            chunk.reserveCapacity(parseChunk)
            // A report filed by its head is read without its bytes (fetched when looked at).
            // Read for a scope, the database reads the reports on the scope's owner whose
            // heads name a target in it (``ReportScope/headPattern``), the evidence that
            // supports a target of that owner, and the rows of no cluster (``Row/cluster``).
            let cursor = try GRDB.Row.fetchCursor(db, sql: lazy
                ? "SELECT path, blob, form, CASE WHEN head IS NULL OR cluster = '\(evidenceCluster)' THEN body ELSE x'' END, head FROM record"
                    + (scope == nil ? "" : " WHERE (\(headInScope)) OR cluster = '' OR (cluster = '\(evidenceCluster)' AND path IN "
                        + "(SELECT path FROM evidenceOwner WHERE owner = :owner))")
                : "SELECT path, blob, form, body, head FROM record",
                arguments: scope.map(scopeArguments) ?? StatementArguments())
            func take(_ batches: [[Read?]]) -> Bool {
                for batch in batches {
                    for item in batch {
                        switch item {
                        case .some(.row(let row)): rows.append(row)
                        case .some(.report(let entry)): reports.append(entry)
                        case .some(.evidence(let head, let source)): evidence.append((head, source))
                        case .some(.text(let text)): texts.append(text)
                        case .some(.skipped): continue
                        case .none: return false
                        }
                    }
                }
                return true
            }
            while let row = try cursor.next() {
                let bytes: Data = row[3]
                chunk.append((row[0], row[1], row[2], bytes, row[4]))
                chunkBytes += bytes.count
                if chunk.count == parseChunk || chunkBytes >= readChunkBytes {
                    pipeline.submit(chunk)
                    chunk = []
                    chunkBytes = 0
                    chunk.reserveCapacity(parseChunk)
                    guard take(pipeline.ready()) else { return nil }
                }
            }
            pipeline.submit(chunk)
            guard take(pipeline.finish()) else { return nil }
            if scope != nil {
                // The evidence left out that a report read cites (or that a new report will),
                // or that a withdrawal names, is read after all: a command shows, and checks,
                // what a report of its scope cites, and a withdrawn piece's replacement.
                var cited = citing, read: [String] = []
                for entry in reports { for id in entry.head.evidence { cited.insert(id.rawValue) } }
                for row in rows {
                    switch row.record {
                    case .report(let file): for id in file.value?.evidence ?? [] { cited.insert(id.rawValue) }
                    case .withdrawal(let file):
                        guard let withdrawal = file.value else { continue }
                        cited.insert(withdrawal.withdraws.rawValue)
                        if let replacement = withdrawal.replacedBy { cited.insert(replacement.rawValue) }
                    case .evidence: read.append(TrackerLayout.recordName(ofPath: row.path))
                    default: continue
                    }
                }
                for piece in evidence { read.append(piece.head.id.rawValue) }
                cited.subtract(read)
                if !cited.isEmpty {
                    guard try ScopedEvidence.readCited(cited, in: db, into: &rows) else { return nil }
                }
            }
            sortByPath(&rows)
            return (state.key, state.diagnostics, rows, reports, evidence, texts)
        }
        guard let found = fetched ?? nil else { return nil }
        var diagnostics: [Diagnostic]?
        if let data = found.1 {
            guard let decoded = DerivedStore.decode([Diagnostic].self, from: data) else { return nil }
            diagnostics = decoded
        }
        return Stored(key: TrackerKey(text: found.0), diagnostics: diagnostics, rows: found.2, reports: found.3, evidence: found.4,
                      texts: found.5)
    }

    /// Puts `rows` in path order, as a read of the files gives them. They come from the
    /// table a cluster at a time, each cluster in path order: their positions are sorted,
    /// then the rows swapped into place, each moved once (a row is a large value to copy).
    private static func sortByPath(_ rows: inout [Row]) {
        guard !rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].path < rows[$0].path }) else { return }
        // `order[i]` is the position of the row that belongs at `i`; each cycle of the
        // permutation is followed once, a position set to itself when its row is in place.
        var order = rows.indices.sorted { rows[$0].path < rows[$1].path }
        for start in order.indices where order[start] != start {
            var current = start
            while order[current] != start {
                let next = order[current]
                rows.swapAt(current, next)
                order[current] = current
                current = next
            }
            order[current] = current
        }
    }

    /// True for a `record` row of a status report on a target of a scope, its owner bound as
    /// `:owner` and its ``ReportScope/headPattern`` as `:head` (``scopeArguments(_:)``):
    /// the reports a read for that scope files.
    static let headInScope = "cluster = :owner AND instr(head, :head) > 0"

    /// The values ``headInScope`` is read with for `scope`.
    static func scopeArguments(_ scope: ReportScope) -> StatementArguments {
        ["owner": scope.owner, "head": scope.headPattern]
    }

    /// The evidence a read for a scope reads besides the pieces that support a target of
    /// its owner: those its reports cite.
    private enum ScopedEvidence {
        /// Appends to `rows` the evidence filed under the names in `cited`: a record's file
        /// name is its id, and a scoped read is made only of a tracker whose check between
        /// files found no problem. False when a row does not give its record back.
        static func readCited(_ cited: Set<String>, in db: Database, into rows: inout [Row]) throws -> Bool {
            let names = String(decoding: try JSONEncoder().encode(cited), as: UTF8.self)
            // `Evidence/<yyyy>/` is 14 characters, `.yaml` 5.
            let cursor = try GRDB.Row.fetchCursor(db, sql: """
                SELECT path, blob, form, body FROM record WHERE path >= 'Evidence/' AND path < 'Evidence0'
                AND substr(path, 15, length(path) - 19) IN (SELECT value FROM json_each(?))
                """, arguments: [names])
            while let row = try cursor.next() {
                let path: String = row[0]
                guard TrackerRecord.classify(path) == .evidence, cited.contains(TrackerLayout.recordName(ofPath: path)) else { continue }
                guard let blob = ObjectID(hex: row[1]), let record = storedRecord(path: path, blob: blob, form: row[2], bytes: row[3]) else { return false }
                rows.append(Row(path: path, blob: blob, record: record))
            }
            return true
        }
    }

    /// The one state row: the key of the revision the rows hold, and its problems (nil
    /// until checked).
    private enum Row_State {
        static func fetch(_ db: Database) throws -> (key: String, diagnostics: Data?)? {
            guard let row = try GRDB.Row.fetchOne(db, sql: "SELECT trackerKey, diagnostics FROM recordState WHERE id = 1") else { return nil }
            return (row[0], row[1])
        }
    }

    /// The target of the status report `id` at `commit`, from the stored head of the file a
    /// report of that id is filed in when its date is the one the id starts with
    /// (``RecordName/statusReportDate(of:)``); nil when the store does not stand at `commit`
    /// or holds no such head there.
    static func storedTarget(ofReport id: String, repository: Repository, commit: ObjectID) -> QualifiedID? {
        guard let date = RecordName.statusReportDate(of: id),
              let key = try? key(of: repository, at: commit),
              let store = DerivedStore.open(gitDirectory: repository.gitDirectory) else { return nil }
        return store.read { db -> QualifiedID? in
            guard try Row_State.fetch(db)?.key == key.text,
                  let row = try GRDB.Row.fetchOne(db, sql: "SELECT blob, head FROM record WHERE path = ?",
                                                  arguments: [StatusReport.path(id: id, date: date)]),
                  let text: String = row[1], let head = StoredReportHead(text: text, blobHex: row[0]),
                  head.id.rawValue == id else { return nil }
            return head.target
        } ?? nil
    }

    /// The problems a check of the tracker at `commit` found, when the store stands at that
    /// revision and knows them; nil otherwise. Reads the state row alone.
    static func storedDiagnostics(repository: Repository, commit: ObjectID) -> [Diagnostic]? {
        guard let key = try? key(of: repository, at: commit),
              let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let state = store.read({ db in try Row_State.fetch(db) }) ?? nil,
              state.key == key.text, let data = state.diagnostics else { return nil }
        return DerivedStore.decode([Diagnostic].self, from: data)
    }

    // MARK: Following a change

    /// The records of the revision `key`, made from the stored ones by the files `changes`
    /// lists, and the problems when they are known without a whole check: the change only
    /// adds status reports, evidence and attachments, the stored revision had no problems,
    /// and an ``AppendCheck`` of the new files against the stored rows finds none (what
    /// `accord log` checks of a new report; nothing refers to a report, so reports left
    /// unparsed count only by their ids). Nil when the stored reports were left
    /// unparsed and the problems are not known so: the whole check needs them. The database
    /// is changed in place, row by row, in one transaction that first makes sure no other
    /// process moved it meanwhile.
    private static func update(_ stored: Stored, changes: [PathChange],
                               to key: TrackerKey, in store: DerivedStore, repository: Repository) throws -> Stored? {
        let parsed = try parsedRows(changes, repository: repository)
        let changed = Dictionary(changes.map { ($0.path, $0.kind) }, uniquingKeysWith: { _, last in last })
        var rows = stored.rows.filter { changed[$0.path] == nil }
        rows.append(contentsOf: parsed)
        rows.sort { $0.path < $1.path }

        var diagnostics: [Diagnostic]?
        if stored.diagnostics?.isEmpty == true, changes.allSatisfy({ $0.kind == .added }) {
            let check = appendCheck(for: parsed) { wanted in
                answers(wanted, rows: stored.rows, reports: stored.reports, evidence: stored.evidence)
            }
            if let check, check.problems(of: parsed.map(\.record), paths: Set(parsed.map(\.path))).isEmpty { diagnostics = [] }
        }
        if diagnostics == nil, !stored.reports.isEmpty || !stored.evidence.isEmpty || !stored.texts.isEmpty { return nil }
        advance(store, from: stored.key, to: key, deleting: changes.filter { $0.kind == .deleted }.map(\.path),
                adding: parsed, diagnostics: diagnostics)
        return Stored(key: key, diagnostics: diagnostics, rows: rows.map { Row(path: $0.path, blob: $0.blob, record: $0.record) },
                      reports: stored.reports, evidence: stored.evidence, texts: stored.texts.filter { changed[$0.path] == nil })
    }

    /// The problems of the tracker at `commit` when the store can tell them without reading
    /// every row: it stands at `commit` and knows them, or it stands, without problems, at
    /// a revision that `commit` only adds status reports, evidence and attachments to (a
    /// sync, a pull, a `git commit` of new records), and an ``AppendCheck`` of the new files
    /// against the owners' rows and the ids the store holds finds none. The store then moves
    /// to `commit`, the new files' rows added. Nil otherwise (the caller reads the tracker).
    static func knownDiagnostics(repository: Repository, commit: ObjectID) -> [Diagnostic]? {
        guard let key = try? key(of: repository, at: commit),
              let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
              let state = store.read({ db in try Row_State.fetch(db) }) ?? nil else { return nil }
        let diagnostics = state.diagnostics.flatMap { DerivedStore.decode([Diagnostic].self, from: $0) }
        if state.key == key.text { return diagnostics }
        guard diagnostics?.isEmpty == true, state.key.hasPrefix("v\(formatVersion) ") else { return nil }
        let base = TrackerKey(text: state.key)
        guard let changes = key.changes(since: base, repository: repository),
              changes.allSatisfy({ $0.kind == .added && AppendCheck.covers(kind: TrackerRecord.classify($0.path)) }),
              let added = try? parsedRows(changes, repository: repository),
              let check = appendCheck(for: added, answers: { wanted in store.read { db in try answers(wanted, in: db) } ?? nil }),
              check.problems(of: added.map(\.record), paths: Set(added.map(\.path))).isEmpty else { return nil }
        advance(store, from: base, to: key, deleting: [], adding: added, diagnostics: [])
        return []
    }

    /// The files `changes` adds or modifies, read from git and parsed.
    private static func parsedRows(_ changes: [PathChange], repository: Repository) throws -> [Row] {
        let inputs = try changes.filter { $0.kind != .deleted }.map { change -> (path: String, blob: ObjectID, data: Data) in
            guard let blob = change.newID else { throw AccordError(.internal, L10n.t("{1} changed without a new id", change.path)) }
            return (change.path, blob, TrackerRecord.needsContent(change.path) ? try repository.blob(blob) : Data())
        }
        return ParallelMap.map(inputs, perCore: 16) { row(path: $0.path, blob: $0.blob, data: $0.data) }
    }

    /// Moves the store from the revision `base` to `key` in one transaction, unless another
    /// process moved it meanwhile: the rows of `deleting` go, those of `adding` are written
    /// over their paths, and the problems are kept (nil: not known). Failures are ignored.
    private static func advance(_ store: DerivedStore, from base: TrackerKey, to key: TrackerKey,
                                deleting: [String], adding: [Row], diagnostics: [Diagnostic]?) {
        let diagnosticsBody = diagnostics.flatMap { DerivedStore.encode($0) }
        _ = store.write { db in
            guard try Row_State.fetch(db)?.key == base.text else { return }
            for path in deleting { try delete(path, in: db) }
            try insert(adding, into: db)
            try db.execute(sql: "UPDATE recordState SET trackerKey = ?, diagnostics = ? WHERE id = 1",
                           arguments: [key.text, diagnosticsBody])
        }
    }

    // MARK: Checking added records

    /// What an ``AppendCheck`` of added records asks of the revision they join: the paths of
    /// the records with their ids, the evidence their reports cite, the attachments their
    /// evidence cites.
    private struct Wanted {
        var reports = Set<RecordID>(), evidence = Set<RecordID>(), attachments: [String: String] = [:]
        /// The instruments, plans and meetings the records name (targets, supported
        /// decisions); nil when every one is needed (evidence with values: an indicator may
        /// be any plan's).
        var owners: Set<String>? = []
    }

    /// The revision's answers: its owners (settings, instruments, plans, meetings),
    /// where each wanted report and piece of evidence is, which wanted attachments it holds.
    private struct Answers {
        var owners: [TrackerRecord] = []
        var reports: [RecordID: String] = [:], evidence: [RecordID: String] = [:], attachments = Set<String>()
    }

    /// The check of `added`, the revision answering through `answers`; nil when a record is
    /// of a kind the check does not take, or the revision cannot answer.
    private static func appendCheck(for added: [Row], answers: (Wanted) -> Answers?) -> AppendCheck? {
        var wanted = Wanted()
        for row in added {
            switch row.record {
            case .report(let file):
                guard let report = file.value else { continue }
                wanted.reports.insert(report.id)
                wanted.evidence.formUnion(report.evidence)
                wanted.owners?.insert(report.target.owner)
            case .evidence(let file):
                guard let item = file.value else { continue }
                wanted.evidence.insert(item.id)
                if let attachment = item.attachment { wanted.attachments[attachment.blob] = attachment.path }
                if item.values.isEmpty { wanted.owners?.formUnion(item.supports.map(\.owner)) } else { wanted.owners = nil }
            case .attachment:
                continue
            default:
                return nil
            }
        }
        guard let found = answers(wanted) else { return nil }
        return AppendCheck(
            owners: found.owners, hasAttachment: found.attachments.contains, hasEvidence: { found.evidence[$0] != nil },
            pathOfID: { kind, id in kind == .report ? found.reports[id] : found.evidence[id] })
    }

    /// The answers of the revision whose rows are `rows`, its unparsed reports `reports` and
    /// evidence `evidence`.
    private static func answers(_ wanted: Wanted, rows: [Row], reports: [ReportEntry],
                                evidence: [EvidenceStore.Entry]) -> Answers {
        var found = Answers()
        for row in rows {
            switch row.record {
            case .settings, .instrument, .plan, .meeting:
                found.owners.append(row.record)
            case .report(let file):
                if let id = file.value?.id, wanted.reports.contains(id) { found.reports[id] = found.reports[id] ?? row.path }
            case .evidence(let file):
                if let id = file.value?.id, wanted.evidence.contains(id) { found.evidence[id] = found.evidence[id] ?? row.path }
            case .attachment(let blob):
                if wanted.attachments[blob] != nil { found.attachments.insert(blob) }
            default:
                continue
            }
        }
        for entry in reports {
            if wanted.reports.contains(entry.recordID) { found.reports[entry.recordID] = found.reports[entry.recordID] ?? entry.path }
        }
        for piece in evidence {
            guard wanted.evidence.contains(piece.head.id), found.evidence[piece.head.id] == nil,
                  case .stored(_, let path) = piece.source else { continue }
            found.evidence[piece.head.id] = path
        }
        return found
    }

    /// The answers of the revision the store holds, read from its tables: the settings and
    /// the owners the records name decoded (each filed under its id, which a revision
    /// without problems makes sure of; every instrument, plan and meeting when the names are
    /// not enough), and the paths under `Events/` and `Evidence/` scanned by name only when
    /// an id is wanted there (a status report or piece of evidence is filed as `<id>.yaml`).
    /// Texts are not read: only an instrument's own check looks at them. Nil when a row does
    /// not give its record back.
    private static func answers(_ wanted: Wanted, in db: Database) throws -> Answers? {
        var found = Answers()
        let owners: RowCursor
        if let names = wanted.owners {
            var paths = [TrackerLayout.settings]
            for name in names.sorted() {
                paths += ["Agreements/\(name)/instrument.yaml", "Plans/\(name).yaml", "Meetings/\(name).yaml"]
            }
            owners = try GRDB.Row.fetchCursor(db, sql: "SELECT path, blob, form, body FROM record WHERE path IN (SELECT value FROM json_each(?))",
                                              arguments: [String(decoding: try JSONEncoder().encode(paths), as: UTF8.self)])
        } else {
            owners = try GRDB.Row.fetchCursor(db, sql: """
                SELECT path, blob, form, body FROM record WHERE path = ? OR (path >= 'Agreements/' AND path < 'Agreements0')
                OR (path >= 'Plans/' AND path < 'Plans0') OR (path >= 'Meetings/' AND path < 'Meetings0')
                """, arguments: [TrackerLayout.settings])
        }
        while let row = try owners.next() {
            let path: String = row[0]
            switch TrackerRecord.classify(path) {
            case .settings, .instrument, .plan, .meeting: break
            default: continue
            }
            guard let blob = ObjectID(hex: row[1]), let record = storedRecord(path: path, blob: blob, form: row[2], bytes: row[3]) else { return nil }
            found.owners.append(record)
        }
        func scan(_ folder: String, kind: TrackerRecord.Kind, ids: Set<RecordID>, into places: inout [RecordID: String]) throws {
            guard !ids.isEmpty else { return }
            let names = Dictionary(ids.map { ($0.rawValue + ".yaml", $0) }, uniquingKeysWith: { first, _ in first })
            let paths = try String.fetchCursor(db, sql: "SELECT path FROM record WHERE path >= ? AND path < ?",
                                               arguments: [folder + "/", folder + "0"])
            // By bytes: 100,000 paths at full size, and a path is ASCII.
            while let path = try paths.next() {
                let bytes = path.utf8
                guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")),
                      let id = names[String(path[bytes.index(after: slash)...])],
                      places[id] == nil, TrackerRecord.classify(path) == kind else { continue }
                places[id] = path
            }
        }
        try scan("Events", kind: .report, ids: wanted.reports, into: &found.reports)
        try scan("Evidence", kind: .evidence, ids: wanted.evidence, into: &found.evidence)
        for (blob, path) in wanted.attachments
        where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM record WHERE path = ?)", arguments: [path]) == true {
            found.attachments.insert(blob)
        }
        return found
    }

    // MARK: Reading everything

    /// Every file of the tracker at `commit`, read from git and parsed.
    static func parseAll(repository: Repository, commit: ObjectID) throws -> [Row] {
        let files = try RevisionFiles(repository: repository, commit: commit).files
        var rows: [Row] = []
        rows.reserveCapacity(files.count)
        try parse(files, repository: repository) { rows += $0 }
        return rows
    }

    /// Reads `files` from git and parses them, handing their rows to `take` a chunk at a
    /// time, in order, on this thread. Three stages overlap: a chunk of files is read on a
    /// thread of its own (one libgit2 handle, used by that thread alone while this runs:
    /// libgit2 serialises reads of a pack anyway), the chunk before it is parsed on all
    /// cores, and `take` runs on this thread for the chunk before that.
    private static func parse(_ files: [(path: String, blob: ObjectID)], repository: Repository, _ take: ([Row]) throws -> Void) throws {
        let parsing = DispatchGroup()
        let chunk = ParsedChunk()
        let reading = DispatchGroup()
        let read = ReadChunk(repository)
        defer {
            reading.wait()
            parsing.wait()
        }
        func startReading(at start: Int) {
            guard start < files.count else { return }
            let slice = Array(files[start..<min(start + parseChunk, files.count)])
            DispatchQueue.global().async(group: reading) {
                read.inputs = Result {
                    try slice.map { file in
                        (path: file.path, blob: file.blob,
                         data: TrackerRecord.needsContent(file.path) ? try read.repository.blob(file.blob) : Data())
                    }
                }
            }
        }
        startReading(at: 0)
        for start in stride(from: 0, to: files.count, by: parseChunk) {
            reading.wait()
            let inputs = try read.inputs.get()
            startReading(at: start + parseChunk)
            parsing.wait()
            let parsed = chunk.rows
            chunk.rows = []
            DispatchQueue.global().async(group: parsing) {
                chunk.rows = ParallelMap.map(inputs) { row(path: $0.path, blob: $0.blob, data: $0.data) }
            }
            if start > 0 { try take(parsed) }
        }
        parsing.wait()
        if !files.isEmpty { try take(chunk.rows) }
    }

    /// Writes `rows` over the rows of their paths.
    private static func insert(_ rows: [Row], into db: Database) throws {
        try insert(rows, with: Insertion(db))
    }

    /// Writes `rows` with `statements` (``Insertion``).
    private static func insert(_ rows: [Row], with statements: Insertion) throws {
        let bodies = ParallelMap.map(rows) { (body: stored($0), head: $0.head, cluster: $0.cluster) }
        for (row, stored) in zip(rows, bodies) {
            guard let body = stored.body else { throw AccordError(.internal, L10n.t("{1} could not be encoded", row.path)) }
            try statements.record.execute(arguments: [stored.cluster, row.path, row.blob.hex, body.form, body.bytes, stored.head])
            guard TrackerRecord.classify(row.path) == .evidence else { continue }
            if statements.replacing { try statements.forgetOwners.execute(arguments: [row.path]) }
            for owner in row.evidenceOwners { try statements.owner.execute(arguments: [owner, row.path]) }
        }
    }

    /// The statements that write rows: a row over the row of its path (a path is unique
    /// across clusters), and the owners of a piece of evidence, those of an earlier row of
    /// its path forgotten first unless the tables were emptied (`replacing` false).
    private struct Insertion {
        let record: Statement, owner: Statement, forgetOwners: Statement
        let replacing: Bool

        init(_ db: Database, replacing: Bool = true) throws {
            record = try db.makeStatement(sql: "INSERT OR REPLACE INTO record (cluster, path, blob, form, body, head) VALUES (?, ?, ?, ?, ?, ?)")
            owner = try db.makeStatement(sql: "INSERT OR IGNORE INTO evidenceOwner (owner, path) VALUES (?, ?)")
            forgetOwners = try db.makeStatement(sql: "DELETE FROM evidenceOwner WHERE path = ?")
            self.replacing = replacing
        }
    }

    /// Deletes the rows of `path`.
    private static func delete(_ path: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM record WHERE path = ?", arguments: [path])
        try db.execute(sql: "DELETE FROM evidenceOwner WHERE path = ?", arguments: [path])
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
        guard let none = DerivedStore.encode([Diagnostic]()) else { return }
        _ = store.write { db in
            guard let state = try Row_State.fetch(db), state.key == base.text,
                  let data = state.diagnostics, DerivedStore.decode([Diagnostic].self, from: data)?.isEmpty == true else { return }
            try insert(added, into: db)
            try db.execute(sql: "UPDATE recordState SET trackerKey = ?, diagnostics = ? WHERE id = 1", arguments: [key.text, none])
        }
    }
}

/// The bytes of status reports a read filed by their heads: fetched from the store's rows
/// a group at a time, each checked against its blob id, and read from git when a row is
/// gone, changed or damaged meanwhile (another process may have moved the store on). A
/// command that looks at many whole groups (`show` of a plan) gets the bytes of every
/// report its read filed in one pass after the first few groups: one query per group would
/// cost it more than the pass. (A summary asks for the few reports of its period in every
/// group at once, by name.)
private final class StoredReportBytes: ReportBytes {
    private let store: DerivedStore
    private let gitDirectory: URL
    /// For a read of one owner's reports, the scope read for: the pass then leaves out the
    /// other owners' reports, which no group of the read holds.
    private let scope: ReportScope?
    /// Groups fetched one by one so far, and the bytes of every report not yet served, once
    /// fetched at once.
    private let fetched = LockedValue<(groups: Int, all: [String: Data]?)>((0, nil))
    private static let groupsBeforeAll = 32

    init(store: DerivedStore, gitDirectory: URL, scope: ReportScope? = nil) {
        self.store = store
        self.gitDirectory = gitDirectory
        self.scope = scope
    }

    func bytes(of files: [(path: String, blob: ObjectID)]) -> [Data?] {
        let stored = fetched.withLock { state -> [String: Data] in
            if state.all == nil, state.groups >= Self.groupsBeforeAll {
                state.all = store.read { db in
                    var all: [String: Data] = [:]
                    let rows = try GRDB.Row.fetchCursor(db, sql: "SELECT path, body FROM record WHERE head IS NOT NULL AND cluster <> '\(RecordStore.evidenceCluster)'"
                                                            + (scope == nil ? "" : " AND \(RecordStore.headInScope)"),
                                                        arguments: scope.map(RecordStore.scopeArguments) ?? StatementArguments())
                    while let row = try rows.next() { all[row[0]] = row[1] }
                    return all
                } ?? [:]
            }
            if state.all != nil {
                // Taken out as served: a group's reports are parsed once and kept.
                var served: [String: Data] = [:]
                for file in files { served[file.path] = state.all?.removeValue(forKey: file.path) }
                return served
            }
            state.groups += 1
            return store.read { db in
                var found: [String: Data] = [:]
                let statement = try db.cachedStatement(sql: "SELECT body FROM record WHERE path = ?")
                for file in files {
                    if let body = try Data.fetchOne(statement, arguments: [file.path]) { found[file.path] = body }
                }
                return found
            } ?? [:]
        }
        // A repository handle of its own: entries may be looked at from any thread.
        var repository: Repository??
        return files.map { file in
            if let data = stored[file.path], (try? Repository.blobID(of: data)) == file.blob { return data }
            if repository == nil { repository = .some(try? Repository.open(gitDirectory: gitDirectory, workTree: nil)) }
            return try? repository??.blob(file.blob)
        }
    }
}

/// Where the reports of the revision `key` are, found by id in the store's paths (a report
/// is filed as `Events/<yyyy>/<mm>/<id>.yaml`, which a revision without problems makes sure
/// of); in the tree of `commit` when the store has moved to another revision meanwhile.
private final class StoredReportPaths: Sendable {
    private let store: DerivedStore
    private let key: TrackerKey
    private let gitDirectory: URL
    private let commit: ObjectID

    init(store: DerivedStore, key: TrackerKey, gitDirectory: URL, commit: ObjectID) {
        self.store = store
        self.key = key
        self.gitDirectory = gitDirectory
        self.commit = commit
    }

    var elsewhere: ReportsElsewhere { ReportsElsewhere(path: path(of:)) }

    func path(of id: RecordID) -> String? {
        let name = "/\(id.rawValue).yaml"
        func isReport(_ path: String) -> Bool { path.hasSuffix(name) && TrackerRecord.classify(path) == .report }
        let stored = store.read { db -> [String]? in
            guard try String.fetchOne(db, sql: "SELECT trackerKey FROM recordState WHERE id = 1") == key.text else { return nil }
            return try String.fetchAll(
                db, sql: "SELECT path FROM record WHERE path >= 'Events/' AND path < 'Events0' AND substr(path, -?) = ? ORDER BY path",
                arguments: [name.unicodeScalars.count, name])
        }
        if let found = stored ?? nil { return found.first(where: isReport) }
        let repository = try? Repository.open(gitDirectory: gitDirectory, workTree: nil)
        return (try? repository?.files(under: "Events", at: commit))??.first { isReport($0.path) }?.path
    }
}

/// The rows of the chunk being parsed; written by the parsing task, read on the reading
/// thread only after waiting for that task, before the next task starts.
private final class ParsedChunk: @unchecked Sendable {
    var rows: [RecordStore.Row] = []
}

/// The files of the chunk being read from git, and the repository they are read from; both
/// used by the reading task alone until the calling thread has waited for it.
private final class ReadChunk: @unchecked Sendable {
    let repository: Repository
    var inputs: Result<[(path: String, blob: ObjectID, data: Data)], any Error> = .success([])

    init(_ repository: Repository) { self.repository = repository }
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
    /// Status reports read from the store are parsed only when a command looks at them.
    public static func load(repository: Repository, commit: ObjectID, cache: CacheUse = .enabled) throws -> TrackerSnapshot {
        guard cache == .enabled else { return try load(RevisionFiles(repository: repository, commit: commit)) }
        var read = try RecordStore.load(repository: repository, commit: commit, parsingReports: false)
        let key = read.key, known = read.diagnostics
        var files = TrackerFileSet(read.rows.lazy.map(\.record))
        files.storedReports = read.reports
        files.storedEvidence = read.evidence
        files.storedTexts = read.texts
        // The rows are let go before the snapshot is built: the file set holds their records.
        read = RecordStore.Stored(key: key, diagnostics: known, rows: [])
        let snapshot = TrackerSnapshot(files: files, diagnostics: known)
        if known == nil {
            RecordStore.saveDiagnostics(snapshot.diagnostics, key: key, repository: repository)
        }
        return snapshot
    }
}

extension TrackerSnapshot {
    /// The target of the status report `id` at `commit`, as the derived store knows it
    /// without reading the tracker: what a command about one report reads the tracker for
    /// (``load(repository:commit:reportsOn:citing:)``). Nil when the store cannot tell.
    public static func storedTarget(ofReport id: String, repository: Repository, commit: ObjectID) -> QualifiedID? {
        RecordStore.storedTarget(ofReport: id, repository: repository, commit: commit)
    }

    /// The tracker at `commit` for a command about one target, or one instrument, plan or
    /// meeting: every record except two kinds. The status reports out of `scope` it knows by
    /// id alone (``hasReport(_:)``, the check of a new report's id and
    /// ``IDResolver/resolveWithoutCatalog(_:)`` still see them; ``report(_:)``, ``reports``
    /// and the id catalog do not). The evidence that supports no target of the scope's owner,
    /// and that no report in `scope`, no withdrawal and nothing in `citing` (what a new report
    /// will cite) names, it does not hold at all. Nil unless the derived store stands at
    /// `commit` and knows it has no problems; the caller then loads the whole tracker.
    public static func load(repository: Repository, commit: ObjectID, reportsOn scope: ReportScope,
                            citing: Set<String> = []) -> TrackerSnapshot? {
        guard let (read, elsewhere) = RecordStore.load(repository: repository, commit: commit, reportsOn: scope, citing: citing)
        else { return nil }
        var files = TrackerFileSet(read.rows.lazy.map(\.record))
        files.storedReports = read.reports
        files.storedEvidence = read.evidence
        files.storedTexts = read.texts
        files.reportsElsewhere = elsewhere
        return TrackerSnapshot(files: files, diagnostics: read.diagnostics)
    }

    /// The problems of the tracker at `commit`, as ``load(repository:commit:cache:)`` finds
    /// them: told by the derived store when it knows them, or when `commit` only adds status
    /// reports, evidence and attachments to the revision it holds (then only the new files
    /// are read); otherwise from a read of the tracker.
    public static func diagnostics(repository: Repository, commit: ObjectID) throws -> [Diagnostic] {
        if let known = RecordStore.knownDiagnostics(repository: repository, commit: commit) { return known }
        return try load(repository: repository, commit: commit).diagnostics
    }
}

extension TrackerRecord {
    /// Every record of the tracker at `commit`, in path order, through the derived store
    /// (what a write checks its new record against).
    public static func all(in repository: Repository, at commit: ObjectID) throws -> [TrackerRecord] {
        try RecordStore.records(repository: repository, commit: commit).rows.map(\.record)
    }
}
