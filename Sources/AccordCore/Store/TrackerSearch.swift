internal import Foundation
public import GitStore
internal import GRDB

/// One title, note, summary or article whose words a search found.
public struct SearchHit: Sendable, Hashable, Codable {
    /// What sort of record the words are in.
    public enum Kind: String, Sendable, Hashable, Codable {
        case instrument, commitment, text, plan, item, meeting, decision, report, evidence
    }

    /// What sort of record the words are in.
    public let kind: Kind
    /// The record's id: an instrument, plan, meeting, report or evidence id, or a
    /// commitment's, plan item's or decision's qualified id (`tip-2005#3.1`).
    public let id: String
    /// Where in the record: `title`, `note`, `summary`, `text`, or a text's article id.
    public let part: String
    /// The language of a title or text; empty for anything else.
    public let language: String
    /// The record's date (signing, adoption, meeting, report or evidence date), if any.
    public let date: CalendarDate?
    /// The file the words are in.
    public let path: String
    /// The words themselves, as written (a whole note, title or article).
    public let text: String
    /// What the reader must be told of the record the words are in (see
    /// ``ProvenanceMark``); set by ``marked(in:)``.
    public var marks: [ProvenanceMark] = []
}

extension SearchHit {
    /// Where in the record, in the reader's language: title, note, summary, text, or the
    /// article of a text (`article 3.1`).
    public var partLabel: String {
        switch part {
        case "title": L10n.t("title", context: "search hit")
        case "note": L10n.t("note", context: "search hit")
        case "summary": L10n.t("summary", context: "search hit")
        case "text": L10n.t("text", context: "search hit")
        case Article.preambleID where kind == .text: L10n.t("preamble", context: "search hit")
        default: kind == .text ? L10n.t("article {1}", part) : part
        }
    }
}

extension Array where Element == SearchHit {
    /// The hits with the marks of the records they are in: a commitment, item, decision,
    /// report, piece of evidence or meeting written for illustration; an article of a
    /// working-summary text. A title or note of an instrument is marked only when the
    /// instrument itself is illustrative: its texts being summaries says nothing of its title.
    /// A report's mark is read from its head and a piece of evidence's from that piece: no
    /// other record is decoded.
    public func marked(in snapshot: TrackerSnapshot) -> [SearchHit] {
        let index = ProvenanceIndex(snapshot)
        return map { hit in
            var hit = hit
            let marks: Set<ProvenanceMark>
            switch hit.kind {
            case .text:
                marks = InstrumentID(hit.id).flatMap(snapshot.instrument)?.marks(of: hit.language)
                    ?? index.marks(of: hit.id)
            case .instrument, .plan:
                marks = index.marks(of: hit.id).intersection([.illustrative])
            case .commitment, .item, .decision, .meeting:
                marks = index.marks(of: hit.id)
            case .report:
                marks = snapshot.reportOutline(hit.id)?.illustrative == true ? [.illustrative] : []
            case .evidence:
                marks = RecordID(hit.id).flatMap(snapshot.evidence).map(ProvenanceIndex.marks(of:)) ?? []
            }
            hit.marks = marks.ordered
            return hit
        }
    }
}

/// Finds records by the words in their titles, notes and texts, through a full-text index
/// in the ``DerivedStore``.
///
/// Text is split into words by ICU's word breaker (``WordSegmenter``), so words of
/// scripts written without spaces, like Khmer, are found one by one; words are compared
/// in lower case, accents and tone marks kept (Vietnamese *bà* and *ba* are different
/// words). A search finds the titles, notes and articles that hold every word of the
/// query. Restricted evidence is never indexed: not its title, not its note.
///
/// The index follows the tracker at the commit searched: the first search indexes every
/// file; a later one compares the folders of the commit indexed with those of the commit
/// searched (a folder with the same tree id is skipped whole) and re-reads only the files
/// that changed, whoever committed them. Without a usable store, the same search runs over
/// the files read in memory, with the same answers.
public enum TrackerSearch {
    /// The hits for `query` in the tracker at `commit`, in path order (instrument texts
    /// and records, then reports, evidence, meetings and plans, as the folders sort), each
    /// file's in the order written. With `asOf`, records dated after it are left out.
    public static func search(_ query: String, repository: Repository, commit: ObjectID,
                              asOf: CalendarDate? = nil) throws -> [SearchHit] {
        let words = Set(searchWords(query))
        guard !words.isEmpty else { return [] }
        let key = try TrackerKey(repository: repository, commit: commit, version: RecordStore.formatVersion).text
        if let store = DerivedStore.open(gitDirectory: repository.gitDirectory),
           let hits = try indexed(words, store: store, repository: repository, commit: commit, key: key, asOf: asOf) {
            return hits
        }
        // No store to use: the same answers from the files themselves.
        let files = try RevisionFiles(repository: repository, commit: commit)
        var hits: [SearchHit] = []
        for (path, blob) in files.files where isSearched(path) {
            for entry in try entries(path: path, blob: blob, repository: repository)
            where words.isSubset(of: entry.words) && entry.isOnOrBefore(asOf) {
                hits.append(entry.hit)
            }
        }
        return hits
    }

    /// The distinct words of `text` a search looks for (none: nothing to search).
    public static func words(of text: String) -> Set<String> { Set(searchWords(text)) }

    /// The words of `text` as the index holds them: ICU's words in lower case, split
    /// again at ASCII punctuation (what SQLite's `ascii` tokenizer splits at), so the index
    /// and a search in memory see the same words.
    static func searchWords(_ text: String) -> [String] {
        var words: [String] = []
        for token in WordSegmenter.tokens(text.precomposedStringWithCanonicalMapping) where token.kind == .word {
            let lower = token.text.lowercased()
            var word = ""
            for scalar in lower.unicodeScalars {
                if scalar.isASCII && !(CharacterSet.alphanumerics.contains(scalar)) {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                } else {
                    word.unicodeScalars.append(scalar)
                }
            }
            if !word.isEmpty { words.append(word) }
        }
        return words
    }

    /// Whether a tracker file can hold searched words: accord.yaml and attachments do not.
    private static func isSearched(_ path: String) -> Bool {
        path != TrackerLayout.settings && TrackerRecord.needsContent(path)
    }

    // MARK: The index

    /// The hits through the store's index, brought up to `key` first; nil when the store
    /// failed (it is then made again by the next command).
    private static func indexed(_ words: Set<String>, store: DerivedStore, repository: Repository,
                                commit: ObjectID, key: String, asOf: CalendarDate?) throws -> [SearchHit]? {
        let indexedKey = store.read { db in try String.fetchOne(db, sql: "SELECT trackerKey FROM searchState") } ?? nil
        if indexedKey != key {
            let changes = indexedKey.flatMap { changedPaths(from: $0, to: key, repository: repository) }
            let files: [(path: String, blob: ObjectID?)]
            if let changes {
                files = changes.filter { isSearched($0.path) }.map { ($0.path, $0.newID) }
            } else {
                files = try RevisionFiles(repository: repository, commit: commit).files
                    .filter { isSearched($0.path) }.map { ($0.path, $0.blob) }
            }
            // Read here (one libgit2 handle) a chunk at a time, so that no more than a chunk
            // of file contents is held, and split on all cores, before the database is
            // locked: the store is shared by the run.
            var parsed: [[Entry]?] = []
            parsed.reserveCapacity(files.count)
            for start in stride(from: 0, to: files.count, by: RecordStore.parseChunk) {
                let chunk = files[start..<min(start + RecordStore.parseChunk, files.count)]
                let contents = try chunk.map { file in try file.blob.map { try repository.blob($0) } }
                parsed += ParallelMap.map(Array(zip(chunk.map(\.path), contents))) { path, data in
                    data.map { entries(of: TrackerRecord.parse(path: path, data: $0), path: path) }
                }
            }
            let written = store.write { db -> Bool in
                if changes == nil {
                    for table in ["searchWords", "searchEntry", "searchFile", "searchState"] {
                        try db.execute(sql: "DELETE FROM \(table)")
                    }
                }
                for (file, fileEntries) in zip(files, parsed) {
                    if changes != nil {
                        try db.execute(sql: "DELETE FROM searchWords WHERE rowid IN (SELECT id FROM searchEntry WHERE path = ?)",
                                       arguments: [file.path])
                        try db.execute(sql: "DELETE FROM searchEntry WHERE path = ?", arguments: [file.path])
                        try db.execute(sql: "DELETE FROM searchFile WHERE path = ?", arguments: [file.path])
                    }
                    guard let blob = file.blob, let fileEntries else { continue }
                    try db.execute(sql: "INSERT INTO searchFile (path, blob) VALUES (?, ?)", arguments: [file.path, blob.hex])
                    for entry in fileEntries {
                        let hit = entry.hit
                        try db.execute(sql: """
                            INSERT INTO searchEntry (path, kind, record, part, language, date, body)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [hit.path, hit.kind.rawValue, hit.id, hit.part, hit.language,
                                             hit.date?.description, hit.text])
                        try db.execute(sql: "INSERT INTO searchWords (rowid, words) VALUES (?, ?)",
                                       arguments: [db.lastInsertedRowID, entry.words.sorted().joined(separator: " ")])
                    }
                }
                try db.execute(sql: "INSERT OR REPLACE INTO searchState (id, trackerKey) VALUES (1, ?)", arguments: [key])
                return true
            }
            guard written == true else { return nil }
        }
        let match = words.sorted().map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: " AND ")
        return store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.kind, e.record, e.part, e.language, e.date, e.path, e.body
                FROM searchWords JOIN searchEntry e ON e.id = searchWords.rowid
                WHERE searchWords MATCH ?
                ORDER BY e.path, e.id
                """, arguments: [match]).compactMap { row -> SearchHit? in
                let date: String? = row[4]
                guard let kind = SearchHit.Kind(rawValue: row[0]) else { return nil }
                let hit = SearchHit(kind: kind, id: row[1], part: row[2], language: row[3],
                                    date: date.flatMap { CalendarDate($0) }, path: row[5], text: row[6])
                return Entry(hit: hit, words: []).isOnOrBefore(asOf) ? hit : nil
            }
        }
    }

    /// The tracker files that differ between the revisions of two keys (see
    /// ``TrackerKey/changes(since:repository:settings:)``); nil when the keys are of
    /// another format or a tree cannot be read (everything is then indexed again).
    private static func changedPaths(from old: String, to new: String, repository: Repository) -> [PathChange]? {
        TrackerKey(text: new).changes(since: TrackerKey(text: old), repository: repository, settings: false)
    }

    // MARK: What is indexed

    /// One indexed title, note or article, with its words.
    struct Entry {
        let hit: SearchHit
        let words: Set<String>

        func isOnOrBefore(_ date: CalendarDate?) -> Bool {
            guard let date, let own = hit.date else { return true }
            return own <= date
        }
    }

    /// What the file `path` (blob `blob`) gives the index.
    static func entries(path: String, blob: ObjectID, repository: Repository) throws -> [Entry] {
        entries(of: TrackerRecord.parse(path: path, data: try repository.blob(blob)), path: path)
    }

    /// What a parsed file gives the index: titles, notes, summaries and articles, never
    /// anything of restricted evidence.
    static func entries(of record: TrackerRecord, path: String) -> [Entry] {
        var result: [Entry] = []
        func add(_ kind: SearchHit.Kind, _ id: String, _ part: String, _ text: String?, language: String = "", date: CalendarDate? = nil) {
            guard let text, !text.isEmpty else { return }
            let words = Set(searchWords(text))
            guard !words.isEmpty else { return }
            result.append(Entry(hit: SearchHit(kind: kind, id: id, part: part, language: language, date: date, path: path, text: text),
                                words: words))
        }
        switch record {
        case .instrument(let file):
            guard let instrument = file.value else { break }
            let id = instrument.id.rawValue, date = instrument.signed.date
            for (language, title) in instrument.title.sorted(by: { $0.key < $1.key }) {
                add(.instrument, id, "title", title, language: language, date: date)
            }
            add(.instrument, id, "note", instrument.note, date: date)
            for commitment in instrument.commitments {
                let qualified = "\(id)#\(commitment.id)"
                add(.commitment, qualified, "summary", commitment.summary, date: date)
                add(.commitment, qualified, "note", commitment.note, date: date)
            }
        case .text(let instrument, let language, .success(let text)):
            add(.text, instrument, "title", text.title, language: language)
            add(.text, instrument, "text", text.frontMatter, language: language)
            for article in text.articles {
                add(.text, instrument, article.id, article.fullText, language: language)
            }
        case .plan(let file):
            guard let plan = file.value else { break }
            let id = plan.id.rawValue, date = plan.adopted.date
            for (language, title) in plan.title.sorted(by: { $0.key < $1.key }) {
                add(.plan, id, "title", title, language: language, date: date)
            }
            add(.plan, id, "note", plan.note, date: date)
            for item in plan.items { add(.item, "\(id)#\(item.id)", "title", item.title, date: date) }
        case .meeting(let file):
            guard let meeting = file.value else { break }
            let id = meeting.id.rawValue
            add(.meeting, id, "title", meeting.title, date: meeting.date)
            add(.meeting, id, "note", meeting.note, date: meeting.date)
            for decision in meeting.decisions {
                add(.decision, "\(id)#\(decision.id)", "text", decision.text, date: meeting.date)
            }
        case .report(let file):
            guard let report = file.value else { break }
            add(.report, report.id.rawValue, "note", report.note, date: report.date)
        case .evidence(let file):
            // Restricted evidence stays out of the index whole: its title and note may name
            // victims, and a sealed record's plain fields say nothing worth finding.
            guard let evidence = file.value, evidence.sensitivity == .public, evidence.sealed == nil else { break }
            add(.evidence, evidence.id.rawValue, "title", evidence.title, date: evidence.date)
            add(.evidence, evidence.id.rawValue, "note", evidence.note, date: evidence.date)
        default:
            break
        }
        return result
    }
}
