internal import Foundation

/// The cache's layout of one record. Status reports and evidence, which a ministry has by
/// the hundred thousand, have a hand-written layout; the rest go through `Codable`.
extension TrackerRecord {
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .settings(let file): writer.integer(0); try file.write(to: &writer) { try $0.json($1) }
        case .instrument(let file): writer.integer(1); try file.write(to: &writer) { try $0.json($1) }
        case .plan(let file): writer.integer(2); try file.write(to: &writer) { try $0.json($1) }
        case .meeting(let file): writer.integer(3); try file.write(to: &writer) { try $0.json($1) }
        case .evidence(let file): writer.integer(4); try file.write(to: &writer) { $1.write(to: &$0) }
        case .report(let file): writer.integer(5); try file.write(to: &writer) { $1.write(to: &$0) }
        case .text(let instrument, let language, let result):
            writer.integer(6)
            writer.string(instrument)
            writer.string(language)
            switch result {
            case .success(let text): writer.flag(true); try writer.json(text)
            case .failure(let error): writer.flag(false); try writer.json(error)
            }
        case .attachment(let blob): writer.integer(7); writer.string(blob)
        case .misplaced(let diagnostic): writer.integer(8); diagnostic.write(to: &writer)
        }
    }

    init(from reader: inout CacheReader) throws {
        switch try reader.integer() {
        case 0: self = .settings(try ParsedFile(from: &reader) { try $0.json(TrackerSettings.self) })
        case 1: self = .instrument(try ParsedFile(from: &reader) { try $0.json(Instrument.self) })
        case 2: self = .plan(try ParsedFile(from: &reader) { try $0.json(ActionPlan.self) })
        case 3: self = .meeting(try ParsedFile(from: &reader) { try $0.json(Meeting.self) })
        case 4: self = .evidence(try ParsedFile(from: &reader) { try Evidence(from: &$0) })
        case 5: self = .report(try ParsedFile(from: &reader) { try StatusReport(from: &$0) })
        case 6:
            let instrument = try reader.string()
            let language = try reader.string()
            let result: Result<InstrumentText, InstrumentTextError> = try reader.flag()
                ? .success(try reader.json(InstrumentText.self)) : .failure(try reader.json(InstrumentTextError.self))
            self = .text(instrument: instrument, language: language, result)
        case 7: self = .attachment(blob: try reader.string())
        case 8: self = .misplaced(try Diagnostic(from: &reader))
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

extension StatusReport {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.string(target.description)
        writer.string(status.rawValue)
        writer.string(date.description)
        writer.string(party.code)
        writer.optional(reporter) { $0.string($1) }
        writer.optional(note) { $0.string($1) }
        writer.list(evidence) { $0.string($1.rawValue) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.valid(RecordID.init), target: try reader.valid(QualifiedID.init),
            status: try reader.valid(Status.init(rawValue:)), date: try reader.valid(CalendarDate.init),
            party: try reader.valid(PartyCode.init), reporter: try reader.optional { try $0.string() },
            note: try reader.optional { try $0.string() }, evidence: try reader.list { try $0.valid(RecordID.init) })
    }
}

extension Evidence {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.string(kind.rawValue)
        writer.string(title)
        writer.string(date.description)
        writer.optional(recorded) { $0.string($1.description) }
        writer.optional(party) { $0.string($1.code) }
        writer.optional(source) { $0.string($1) }
        writer.optional(url) { $0.string($1) }
        writer.string(sensitivity.rawValue)
        writer.list(supports) { $0.string($1.description) }
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
        }
        writer.optional(note) { $0.string($1) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.valid(RecordID.init), kind: try reader.valid(Kind.init(rawValue:)),
            title: try reader.string(), date: try reader.valid(CalendarDate.init),
            recorded: try reader.optional { try $0.valid(CalendarDate.init) },
            party: try reader.optional { try $0.valid(PartyCode.init) },
            source: try reader.optional { try $0.string() }, url: try reader.optional { try $0.string() },
            sensitivity: try reader.valid(Sensitivity.init(rawValue:)),
            supports: try reader.list { try $0.valid(QualifiedID.init) },
            attachment: try reader.optional { Attachment(name: try $0.string(), blob: try $0.string(), size: try $0.integer()) },
            values: try reader.list { reader in
                Value(indicator: try reader.string(), scope: try reader.optional { try $0.string() },
                      period: try reader.optional { try $0.string() },
                      value: Double(bitPattern: try reader.valid { UInt64($0) }))
            },
            note: try reader.optional { try $0.string() })
    }
}
