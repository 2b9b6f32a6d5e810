internal import Foundation

/// The cache's layout of one record. Status reports and evidence, which a ministry has by
/// the hundred thousand, have a hand-written layout; the rest go through `Codable`.
extension TrackerRecord {
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .settings(let file): writer.integer(0); try file.write(to: &writer) { try $0.coded($1) }
        case .instrument(let file): writer.integer(1); try file.write(to: &writer) { $1.write(to: &$0) }
        case .plan(let file): writer.integer(2); try file.write(to: &writer) { $1.write(to: &$0) }
        case .meeting(let file): writer.integer(3); try file.write(to: &writer) { try $0.coded($1) }
        case .evidence(let file): writer.integer(4); try file.write(to: &writer) { $1.write(to: &$0) }
        case .report(let file): writer.integer(5); try file.write(to: &writer) { $1.write(to: &$0) }
        case .text(let instrument, let language, let result):
            writer.integer(6)
            writer.string(instrument)
            writer.string(language)
            switch result {
            case .success(let text): writer.flag(true); text.write(to: &writer)
            case .failure(let error): writer.flag(false); try writer.coded(error)
            }
        case .attachment(let blob): writer.integer(7); writer.string(blob)
        case .misplaced(let diagnostic): writer.integer(8); diagnostic.write(to: &writer)
        case .withdrawal(let file): writer.integer(9); try file.write(to: &writer) { $1.write(to: &$0) }
        case .request(let file): writer.integer(10); try file.write(to: &writer) { try $0.coded($1) }
        }
    }

    init(from reader: inout CacheReader) throws {
        switch try reader.integer() {
        case 0: self = .settings(try ParsedFile(from: &reader) { try $0.coded(TrackerSettings.self) })
        case 1: self = .instrument(try ParsedFile(from: &reader) { try Instrument(from: &$0) })
        case 2: self = .plan(try ParsedFile(from: &reader) { try ActionPlan(from: &$0) })
        case 3: self = .meeting(try ParsedFile(from: &reader) { try $0.coded(Meeting.self) })
        case 4: self = .evidence(try ParsedFile(from: &reader) { try Evidence(from: &$0) })
        case 5: self = .report(try ParsedFile(from: &reader) { try StatusReport(from: &$0) })
        case 6:
            let instrument = try reader.string()
            let language = try reader.string()
            let result: Result<InstrumentText, InstrumentTextError> = try reader.flag()
                ? .success(try InstrumentText(from: &reader)) : .failure(try reader.coded(InstrumentTextError.self))
            self = .text(instrument: instrument, language: language, result)
        case 7: self = .attachment(blob: try reader.string())
        case 8: self = .misplaced(try Diagnostic(from: &reader))
        case 9: self = .withdrawal(try ParsedFile(from: &reader) { try Withdrawal(from: &$0) })
        case 10: self = .request(try ParsedFile(from: &reader) { try $0.coded(CooperationRequest.self) })
        default: throw CacheCorrupt()
        }
    }
}

extension ParsedFile {
    func write(to writer: inout CacheWriter, value write: (inout CacheWriter, Value) throws -> Void) throws {
        writer.string(file)
        writer.list(diagnostics) { $1.write(to: &$0) }
        writer.lines(lines)
        writer.elementPaths(elementPaths)
        writer.flag(value != nil)
        if let value { try write(&writer, value) }
    }

    init(from reader: inout CacheReader, value read: (inout CacheReader) throws -> Value) throws {
        let file = try reader.string()
        let diagnostics = try reader.list { try Diagnostic(from: &$0) }
        let lines = try reader.lines()
        let elementPaths = try reader.elementPaths()
        let value = try reader.flag() ? try read(&reader) : nil
        self.init(file: file, value: value, diagnostics: diagnostics, lines: lines, elementPaths: elementPaths)
    }
}

extension Diagnostic {
    func write(to writer: inout CacheWriter) {
        writer.string(file)
        writer.integer(line)
        writer.string(field)
        writer.string(message)
    }

    init(from reader: inout CacheReader) throws {
        self.init(file: try reader.string(), line: try reader.integer(), field: try reader.string(), message: try reader.string())
    }
}

extension CacheWriter {
    /// A date as its year, month and day, 0 for a month or day the source did not give.
    mutating func date(_ date: CalendarDate) {
        let parts = date.codedParts
        integer(parts.year)
        integer(parts.month)
        integer(parts.day)
    }

    mutating func target(_ id: QualifiedID) {
        string(id.owner)
        string(id.local)
    }
}

extension CacheReader {
    mutating func date() throws -> CalendarDate {
        guard let date = CalendarDate(codedYear: try integer(), month: try integer(), day: try integer()) else { throw CacheCorrupt() }
        return date
    }

    mutating func target() throws -> QualifiedID {
        guard let id = QualifiedID(owner: try string(), local: try string()) else { throw CacheCorrupt() }
        return id
    }
}

extension StatusReport {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.target(target)
        writer.string(status.rawValue)
        writer.date(date)
        writer.string(party.code)
        writer.optional(reporter) { $0.string($1) }
        writer.optional(note) { $0.string($1) }
        writer.list(evidence) { $0.string($1.rawValue) }
        writer.provenance(provenance)
        writer.list(parties) { $0.string($1.code) }
        writer.optional(recordedAt) { $0.string($1.text) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.valid(RecordID.init), target: try reader.target(),
            status: try reader.valid(Status.init(rawValue:)), date: try reader.date(),
            party: try reader.valid(PartyCode.init(reportingParty:)), reporter: try reader.optional { try $0.string() },
            note: try reader.optional { try $0.string() }, evidence: try reader.list { try $0.valid(RecordID.init) },
            provenance: try reader.provenance(),
            parties: try reader.list { try $0.valid { PartyCode($0) } },
            recordedAt: try reader.optional { try $0.valid(RecordingTime.init) })
    }
}

extension Withdrawal {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.string(withdraws.rawValue)
        writer.date(date)
        writer.string(reason)
        writer.optional(replacedBy) { $0.string($1.rawValue) }
        writer.optional(reporter) { $0.string($1) }
        writer.optional(recordedAt) { $0.string($1.text) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(id: try reader.valid(RecordID.init), withdraws: try reader.valid(RecordID.init), date: try reader.date(),
                  reason: try reader.string(), replacedBy: try reader.optional { try $0.valid(RecordID.init) },
                  reporter: try reader.optional { try $0.string() },
                  recordedAt: try reader.optional { try $0.valid(RecordingTime.init) })
    }
}

extension Evidence {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.string(kind.rawValue)
        writer.string(title)
        writer.date(date)
        writer.optional(recorded) { $0.date($1) }
        writer.optional(party) { $0.string($1.code) }
        writer.provenance(provenance)
        writer.string(sensitivity.rawValue)
        writer.list(supports) { $0.target($1) }
        writer.optional(attachment) { writer, attachment in
            writer.string(attachment.name)
            writer.string(attachment.blob)
            writer.integer(attachment.size)
        }
        writer.list(values) { writer, value in
            writer.string(value.indicator)
            writer.optional(value.scope) { $0.string($1) }
            writer.optional(value.period) { $0.string($1) }
            writer.string(String(value.value.bitPattern))
            writer.provenance(value.provenance)
            writer.list(value.breakdowns) { writer, breakdown in
                writer.string(breakdown.dimension.rawValue)
                writer.list(breakdown.parts) { writer, part in
                    writer.string(part.category)
                    writer.string(String(part.value.bitPattern))
                }
            }
        }
        writer.optional(note) { $0.string($1) }
        writer.optional(sealed) { $0.string($1) }
    }

    init(from reader: inout CacheReader) throws {
        let id = try reader.valid(RecordID.init), kind = try reader.valid(Kind.init(rawValue:))
        let title = try reader.string(), date = try reader.date()
        let recorded = try reader.optional { try $0.date() }
        let party = try reader.optional { try $0.valid { PartyCode($0) } }
        let provenance = try reader.provenance()
        self.init(
            id: id, kind: kind, title: title, date: date, recorded: recorded, party: party,
            source: provenance.source, url: provenance.url,
            sensitivity: try reader.valid(Sensitivity.init(rawValue:)),
            supports: try reader.list { try $0.target() },
            attachment: try reader.optional { Attachment(name: try $0.string(), blob: try $0.string(), size: try $0.integer()) },
            values: try reader.list { reader in
                Value(indicator: try reader.string(), scope: try reader.optional { try $0.string() },
                      period: try reader.optional { try $0.string() },
                      value: Double(bitPattern: try reader.valid { UInt64($0) }), provenance: try reader.provenance(),
                      breakdowns: try reader.list { reader in
                          Breakdown(dimension: try reader.valid(Breakdown.Dimension.init(rawValue:)), parts: try reader.list { reader in
                              Breakdown.Part(category: try reader.string(), value: Double(bitPattern: try reader.valid { UInt64($0) }))
                          })
                      })
            },
            note: try reader.optional { try $0.string() }, sealed: try reader.optional { try $0.string() },
            illustrative: provenance.illustrative)
    }

}

extension TrackerSnapshot {
    /// The snapshot's own values, sorted and checked, so a cached load builds nothing. Every
    /// section can be stepped over (each is sized, and the report groups come last), so a
    /// reader finds them all first and then reads them side by side.
    func write(to writer: inout CacheWriter) throws {
        writer.flag(settings != nil)
        if let settings { try writer.coded(settings) }
        writer.sized { $0.list(instruments) { $1.write(to: &$0) } }
        writer.sized { writer in
            writer.list(texts.keys.sorted()) { writer, instrument in
                writer.string(instrument.rawValue)
                let languages = texts[instrument]!
                writer.list(languages.keys.sorted()) { writer, language in
                    writer.string(language)
                    languages[language]!.write(to: &writer)
                }
            }
        }
        writer.sized { $0.list(plans) { $1.write(to: &$0) } }
        writer.sized { evidenceStore.write(to: &$0) }
        try writer.spill()
        try writer.coded(meetings)
        writer.sized { $0.list(attachments.sorted()) { $0.string($1) } }
        writer.sized { $0.list(diagnostics) { $1.write(to: &$0) } }
        writer.sized { $0.list(withdrawals) { $1.write(to: &$0) } }
        try writer.coded(requests)
        try reportGroups.write(to: &writer)
    }

    init(from reader: inout CacheReader, use: SnapshotUse = .whole) throws {
        // Where each section starts; then the sections, which stand alone, are decoded on
        // all cores. The plans, the evidence and the report heads are each a large share of
        // a warm command's time on a large tracker.
        let bytes = reader.allBytes
        let hasSettings = try reader.flag()
        let settingsAt = reader.offset
        if hasSettings { try reader.skipSized() }
        func skip() throws -> Int {
            let start = reader.offset
            try reader.skipSized()
            return start
        }
        let instrumentsAt = try skip(), textsAt = try skip(), plansAt = try skip()
        let evidenceAt = try skip()
        let meetingsAt = try skip(), attachmentsAt = try skip(), diagnosticsAt = try skip(), withdrawalsAt = try skip(), requestsAt = try skip()
        let groupsAt = reader.offset
        @Sendable func at(_ offset: Int) -> CacheReader { CacheReader(bytes, offset: offset) }

        // Each section is decoded once, by whichever thread asks first (see `Lazy`).
        let settings = Lazy { Result { () throws -> TrackerSettings? in
            var r = at(settingsAt); return hasSettings ? try r.coded(TrackerSettings.self) : nil
        } }
        let instruments = Lazy { Result { var r = at(instrumentsAt); return try r.sized { try $0.list { try Instrument(from: &$0) } } } }
        let texts = Lazy { Result { () throws -> [InstrumentID: [String: InstrumentText]] in
            var r = at(textsAt)
            let languages = try r.sized { reader in
                try reader.list { reader in
                    (try reader.valid(InstrumentID.init), try reader.list { (try $0.string(), try InstrumentText(from: &$0)) })
                }
            }
            return Dictionary(languages.map { ($0, Dictionary($1, uniquingKeysWith: { first, _ in first })) },
                              uniquingKeysWith: { _, last in last })
        } }
        let plans = Lazy { Result { var r = at(plansAt); return try r.sized { try $0.list { try ActionPlan(from: &$0) } } } }
        let evidence = Lazy { Result { () throws -> EvidenceStore in
            var r = at(evidenceAt)
            let store = try r.sized { try EvidenceStore(from: &$0) }
            if use == .whole { _ = store.all }
            return store
        } }
        let meetings = Lazy { Result { var r = at(meetingsAt); return try r.coded([Meeting].self) } }
        let attachments = Lazy { Result { var r = at(attachmentsAt); return Set(try r.sized { try $0.list { try $0.string() } }) } }
        let diagnostics = Lazy { Result { var r = at(diagnosticsAt); return try r.sized { try $0.list { try Diagnostic(from: &$0) } } } }
        let withdrawals = Lazy { Result { var r = at(withdrawalsAt); return try r.sized { try $0.list { try Withdrawal(from: &$0) } } } }
        let requests = Lazy { Result { var r = at(requestsAt); return try r.coded([CooperationRequest].self) } }
        let groups = Lazy { Result { () throws -> (ReportGroups.Stored, CacheReader) in
            var r = at(groupsAt)
            return (try ReportGroups.stored(from: &r, decodingHeads: use == .whole), r)
        } }
        // The targets (sorted, from the owners) are made by whichever core is free first,
        // rather than after everything else.
        let targets = Lazy { Result { () throws -> [TrackedTarget] in
            TrackedTarget.all(instruments: try instruments.value.get(), plans: try plans.value.get(),
                              meetings: try meetings.value.get(), parties: try settings.value.get()?.partyCodes ?? [])
        } }
        let sections: [@Sendable () -> Void] = [
            { _ = evidence.value }, { _ = groups.value }, { _ = plans.value }, { _ = instruments.value },
            { _ = meetings.value }, { _ = settings.value }, { _ = targets.value }, { _ = texts.value },
            { _ = attachments.value }, { _ = diagnostics.value }, { _ = withdrawals.value }, { _ = requests.value },
        ]
        DispatchQueue.concurrentPerform(iterations: sections.count) { sections[$0]() }

        let (stored, end) = try groups.value.get()
        reader = end
        try self.init(
            settings: try settings.value.get(), instruments: try instruments.value.get(), texts: try texts.value.get(),
            plans: try plans.value.get(), evidence: try evidence.value.get(), meetings: try meetings.value.get(),
            attachments: try attachments.value.get(), withdrawals: try withdrawals.value.get(), requests: try requests.value.get(), targets: try targets.value.get(),
            diagnostics: try diagnostics.value.get()
        ) { targets, _ in try ReportGroups(stored, targets: targets) }
    }
}

extension InstrumentText {
    func write(to writer: inout CacheWriter) {
        writer.string(file)
        writer.string(title)
        writer.string(frontMatter)
        writer.list(articles) { writer, article in
            writer.string(article.id)
            writer.string(article.heading)
            writer.string(article.title)
            writer.string(article.lead)
            writer.list(article.clauses) { writer, clause in
                writer.string(clause.id)
                writer.string(clause.marker)
                writer.string(clause.text)
                writer.integer(clause.line)
            }
            writer.string(article.closing)
            writer.integer(article.line)
        }
    }

    init(from reader: inout CacheReader) throws {
        self.init(file: try reader.string(), title: try reader.string(), frontMatter: try reader.string(),
                  articles: try reader.list { reader in
            Article(id: try reader.string(), heading: try reader.string(), title: try reader.string(), lead: try reader.string(),
                    clauses: try reader.list { Clause(id: try $0.string(), marker: try $0.string(), text: try $0.string(), line: try $0.integer()) },
                    closing: try reader.string(), line: try reader.integer())
        })
    }
}

/// Equal field-line tables, stored once. Thousands of status reports are laid out alike,
/// so their tables are equal; a cold read of a large tracker held one copy per file.
struct SharedTables {
    private var lines: Set<[String: Int]> = []
    private var elementPaths: Set<[String: [String]]> = []
    private var lastLines: [String: Int]?

    mutating func share(_ table: [String: Int]) -> [String: Int] {
        // Reports read straight from their layout come with a table already shared: the same
        // storage as the last one needs no hashing.
        if let last = lastLines, sameStorage(last, table) { return last }
        let shared = lines.insert(table).memberAfterInsert
        lastLines = shared
        return shared
    }

    mutating func share(_ table: [String: [String]]) -> [String: [String]] {
        elementPaths.insert(table).memberAfterInsert
    }
}

/// Whether two dictionaries are one and the same storage (then equal without comparing).
func sameStorage<Key, Value>(_ left: [Key: Value], _ right: [Key: Value]) -> Bool {
    withUnsafeBytes(of: left) { left in withUnsafeBytes(of: right) { right in left.elementsEqual(right) } }
}

extension ParsedFile {
    func sharingTables(_ tables: inout SharedTables) -> ParsedFile {
        ParsedFile(file: file, value: value, diagnostics: diagnostics,
                   lines: tables.share(lines), elementPaths: tables.share(elementPaths))
    }
}

extension TrackerRecord {
    /// The same record, its line tables shared with equal ones already seen.
    func sharingTables(_ tables: inout SharedTables) -> TrackerRecord {
        switch self {
        case .settings(let file): return .settings(file.sharingTables(&tables))
        case .instrument(let file): return .instrument(file.sharingTables(&tables))
        case .plan(let file): return .plan(file.sharingTables(&tables))
        case .evidence(let file): return .evidence(file.sharingTables(&tables))
        case .report(let file): return .report(file.sharingTables(&tables))
        case .meeting(let file): return .meeting(file.sharingTables(&tables))
        case .withdrawal(let file): return .withdrawal(file.sharingTables(&tables))
        case .request(let file): return .request(file.sharingTables(&tables))
        case .text, .attachment, .misplaced: return self
        }
    }
}
