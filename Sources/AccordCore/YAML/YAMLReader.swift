import Foundation
internal import Yams

/// What reading one file produced: the value when it could be read, every problem found,
/// and where each field sits so that checks across files can name the line.
public struct ParsedFile<Value: Sendable>: Sendable {
    /// The file's path inside the tracker.
    public let file: String
    /// The value, or nil when a required part could not be read.
    public let value: Value?
    /// Every problem found in the file.
    public let diagnostics: [Diagnostic]
    /// The line of each field path read (`commitments[2].due`).
    let lines: [String: Int]
    /// The field paths of the list elements with an id, keyed `list#id` (`commitments#3.1`);
    /// more than one when the id is repeated.
    let elementPaths: [String: [String]]

    /// The line of `field`, or of the nearest enclosing field that was read, else 1.
    public func line(of field: String) -> Int {
        var path = field
        while !path.isEmpty {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return lines[""] ?? 1
    }

    /// The field path of the element with `id` in the list named `list`, such as
    /// `commitments[2]` for `("commitments", "3.1")`.
    public func path(of list: String, id: String) -> String {
        elementPaths["\(list)#\(id)"]?.first ?? list
    }

    /// The field paths of every element with `id` in `list`, in file order.
    public func paths(of list: String, id: String) -> [String] {
        elementPaths["\(list)#\(id)"] ?? []
    }

    /// A diagnostic about `field` in this file.
    public func diagnostic(_ field: String, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line(of: field), field: field, message: message)
    }
}

/// Collects the problems and field lines of one file while it is read. Lives only for the
/// duration of one parse.
final class YAMLLog {
    let file: String
    var diagnostics: [Diagnostic] = []
    var lines: [String: Int]
    var elementPaths: [String: [String]] = [:]

    init(file: String) {
        self.file = file
        // Room for a status report's or an evidence record's fields without growing.
        lines = Dictionary(minimumCapacity: 16)
    }

    func report(_ path: String, line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, field: path, message: message))
    }
}

/// One copy of each small field-line table: thousands of evidence files laid out alike
/// have the same table, which otherwise each keeps (close to a kilobyte apiece).
private enum LineTables {
    private static let known = LockedValue<Set<[String: Int]>>([])

    /// `lines`, or an equal table already kept; a large table (a plan's, a register's) is
    /// given back as it is, and so is every table once many are kept (a long-running
    /// `accord serve` reads files of every shape).
    static func shared(_ lines: [String: Int]) -> [String: Int] {
        guard lines.count <= 24 else { return lines }
        return known.withLock { known in
            known.count < 4096 ? known.insert(lines).memberAfterInsert : known.firstIndex(of: lines).map { known[$0] } ?? lines
        }
    }
}

/// Reads a whole file into a value through `decode`, collecting every problem.
enum YAMLReader {
    /// The largest record file read, in bytes. Records are a few hundred bytes and a large
    /// commitment register or plan a few hundred kilobytes; a bigger file is refused rather
    /// than parsed, so one file cannot hold every command up.
    static let maximumBytes = 4 * 1_048_576

    /// `direct`, when given, reads the decoded text of the one layout it knows straight into
    /// the result, and answers nil for any other text, which is then read as below.
    static func parse<Value>(
        _ data: Data, file: String, direct: ((String) -> ParsedFile<Value>?)? = nil, decode: (YAMLFields) -> Value?
    ) -> ParsedFile<Value> {
        func refused(_ line: Int, _ message: String) -> ParsedFile<Value> {
            ParsedFile(file: file, value: nil, diagnostics: [Diagnostic(file: file, line: line, field: "", message: message)],
                       lines: [:], elementPaths: [:])
        }
        guard data.count <= maximumBytes else {
            return refused(1, L10n.english("the file is {1} bytes; a record file may hold at most {2} MiB", data.count, maximumBytes / 1_048_576))
        }
        let text: String
        switch SourceText.decode(data, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic):
            return ParsedFile(file: file, value: nil, diagnostics: [diagnostic], lines: [:], elementPaths: [:])
        }
        if let direct, let result = direct(text) { return result }
        let log = YAMLLog(file: file)
        let value: Value? = {
            let root: YAMLNode?
            if let canonical = CanonicalYAML.parse(text) {
                // The layout accord writes, read without a general parser.
                root = canonical
            } else if let (line, message) = YAMLPreflight.problem(in: text) {
                log.report("", line: line, message)
                return nil
            } else {
                do {
                    root = try compose(text)
                } catch {
                    let (line, message) = describe(error)
                    log.report("", line: line, message)
                    return nil
                }
            }
            guard let root else {
                log.report("", line: 1, L10n.english("the file is empty"))
                return nil
            }
            let value = YAMLValue(node: root, path: "", log: log)
            guard let fields = value.fields() else { return nil }
            return decode(fields)
        }()
        return ParsedFile(
            file: file, value: value, diagnostics: log.diagnostics,
            lines: LineTables.shared(log.lines), elementPaths: log.elementPaths)
    }

    /// The document read by the general YAML parser.
    static func compose(_ text: String) throws -> YAMLNode? {
        // The basic resolver: accord reads every scalar as written, so the default resolver's
        // regular expressions would be wasted; UTF-8 given, because the default encoding
        // reads the environment on every call.
        try Yams.compose(yaml: text, .basic, .default, .utf8).map(YAMLNode.init)
    }

    /// A line and a lowercase sentence for a Yams error.
    private static func describe(_ error: any Error) -> (Int, String) {
        guard let error = error as? YamlError else { return (1, L10n.english("not readable as YAML: {1}", String(describing: error))) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return (mark.line, L10n.english("YAML syntax: {1}", problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark.line, L10n.english("duplicate key {1}", duplicates.joined(separator: ", ")))
        case .reader(let problem, let offset, _, let yaml):
            // The offset counts characters; the line is one more than the line ends before it.
            let line = offset.map { offset in yaml.prefix(offset).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } } ?? 1
            return (line, L10n.english("YAML syntax: {1}", problem))
        default:
            return (1, L10n.english("not readable as YAML: {1}", error))
        }
    }
}

/// One node of a file being read, with its field path.
struct YAMLValue {
    let node: YAMLNode
    let path: String
    let log: YAMLLog

    init(node: YAMLNode, path: String, log: YAMLLog) {
        self.node = node
        self.path = path
        self.log = log
        log.lines[path] = line
    }

    var line: Int { node.line }

    /// Reports a problem with this value; returns nil so decoders can `return problem(…)`.
    @discardableResult
    func problem<T>(_ message: String) -> T? {
        log.report(path, line: line, message)
        return nil
    }

    /// `~`, `null` or nothing, written plain.
    var isNull: Bool {
        guard case .scalar(let text, plain: true, _) = node, text.utf8.count <= 4 else { return false }
        return Self.nullWords.contains(text)
    }

    /// What a plain scalar may say to mean null.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// Whether `text` starts with an ASCII character other than a space or a tab: then it
    /// is not blank, whatever follows.
    static func startsWithPrintable(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first < 0x80 && first != 0x20 && first != 0x09
    }

    /// The scalar's text exactly as written, whatever YAML would resolve it to, so that
    /// `3.1`, `no` or `2019` stay text.
    func text() -> String? {
        guard case .scalar(let text, _, _) = node else { return problem(L10n.english("expected text, found {1}", shape)) }
        return text
    }

    /// Text that must not be empty.
    func nonEmptyText() -> String? {
        guard let text = text() else { return nil }
        guard !Self.isBlank(text) else { return problem(L10n.english("must not be empty")) }
        return text
    }

    /// Whether `text` holds only what `CharacterSet.whitespaces` holds (tab and the space
    /// separators), or nothing.
    static func isBlank(_ text: String) -> Bool {
        if startsWithPrintable(text) { return false }
        return text.unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// A date as a source may write it: a day, or a month or year where it gives no day
    /// (see ``CalendarDate``).
    func date() -> CalendarDate? {
        guard let text = text() else { return nil }
        guard let date = CalendarDate(written: text) else {
            return problem(Self.isDateShaped(text) ? L10n.english("{1} is not a date", text)
                                                   : L10n.english("{1} is not a date (expected yyyy-mm-dd, yyyy-mm or yyyy)", text))
        }
        return date
    }

    /// A full day, `yyyy-mm-dd`: a date a record is filed under (a status report's).
    func day() -> CalendarDate? {
        guard let text = text() else { return nil }
        guard let date = CalendarDate(text) else {
            if let partial = CalendarDate(written: text) {
                return problem(L10n.english("{1} is not a day: a status report is dated yyyy-mm-dd", partial))
            }
            return problem(Self.isDateShaped(text) ? L10n.english("{1} is not a date", text) : L10n.english("{1} is not a date (expected yyyy-mm-dd)", text))
        }
        return date
    }

    /// Digits and dashes where a date has them, so "2019-02-30" is called no date, not misshapen.
    private static func isDateShaped(_ text: String) -> Bool {
        [4, 7, 10].contains(text.utf8.count) && text.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == 45 : (48...57).contains(byte)
        }
    }

    func integer(atLeast minimum: Int = Int.min, atMost maximum: Int = Int.max) -> Int? {
        guard let text = text() else { return nil }
        guard let value = Int(text) else { return problem(L10n.english("{1} is not a whole number", text)) }
        guard value >= minimum else { return problem(L10n.english("{1} is less than {2}", value, minimum)) }
        guard value <= maximum else { return problem(L10n.english("{1} is more than {2}", value, maximum)) }
        return value
    }

    /// The largest magnitude of a number accord reads: every whole number up to it is exact
    /// in a `Double` and prints as written.
    static let largestNumber = 1e15

    func number() -> Double? {
        guard let text = text() else { return nil }
        guard let value = Double(text), value.isFinite else { return problem(L10n.english("{1} is not a number", text)) }
        guard abs(value) <= Self.largestNumber else {
            return problem(L10n.english("{1} is too large (at most 1000000000000000 either way)", text))
        }
        return value
    }

    /// A status report's party: a party code, or `joint` (see ``PartyCode/joint``).
    func reportingParty() -> PartyCode? {
        guard let text = text() else { return nil }
        return text == PartyCode.joint.code ? .joint : party()
    }

    /// When accord wrote a record (see ``RecordingTime``).
    func recordingTime() -> RecordingTime? {
        guard let text = text() else { return nil }
        return RecordingTime(text) ?? problem(L10n.english("{1} is not a time (expected yyyy-mm-ddThh:mm:ss.sssZ, in UTC)", text))
    }

    func party() -> PartyCode? {
        guard let text = text() else { return nil }
        guard let party = PartyCode(text) else {
            return problem(L10n.english("{1} is not a party code (two capital letters, such as VN)", text))
        }
        return party
    }

    func instrumentID() -> InstrumentID? {
        guard let text = text() else { return nil }
        guard let id = InstrumentID(text) else {
            return problem(L10n.english("{1} is not an id (lowercase letters, digits and hyphens)", text))
        }
        return id
    }

    func recordID() -> RecordID? {
        guard let text = text() else { return nil }
        guard let id = RecordID(text) else {
            return problem(L10n.english("{1} is not an id (lowercase letters, digits and hyphens)", text))
        }
        return id
    }

    func qualifiedID() -> QualifiedID? {
        guard let text = text() else { return nil }
        guard let id = QualifiedID(text) else {
            return problem(L10n.english("{1} is not a qualified id (such as tip-2005#7.2)", text))
        }
        return id
    }

    /// A local id such as `7.2`.
    func localID() -> String? {
        guard let text = text() else { return nil }
        guard QualifiedID.isLocalID(text) else {
            return problem(L10n.english("{1} is not a local id (digits or letters joined by dots, such as 7.2)", text))
        }
        return text
    }

    /// One of the raw values of `T`.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
        guard let text = text() else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            return problem(L10n.english("{1} is not one of: {2}", text, allowed))
        }
        return value
    }

    func fields() -> YAMLFields? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping, found {1}", shape)) }
        return YAMLFields(pairs: pairs, owner: self)
    }

    /// Every element read by `each`, or nil when any element failed (after reading them
    /// all, so every problem is reported). Use for lists whose positions matter.
    func list<T>(_ each: (YAMLValue) -> T?) -> [T]? {
        guard case .sequence(let sequence, _) = node else { return problem(L10n.english("expected a list, found {1}", shape)) }
        var result: [T] = []
        var failed = false
        for (index, element) in sequence.enumerated() {
            let value = YAMLValue(node: element, path: "\(path)[\(index + 1)]", log: log)
            if let item = each(value) { result.append(item) } else { failed = true }
        }
        return failed ? nil : result
    }

    /// The elements that could be read; the others are reported and left out. Use for lists
    /// of records with ids, whose positions are found again through the id.
    func elements<T>(_ each: (YAMLValue) -> T?) -> [T] {
        guard case .sequence(let sequence, _) = node else { return problem(L10n.english("expected a list, found {1}", shape)) ?? [] }
        return sequence.enumerated().compactMap { index, element in
            each(YAMLValue(node: element, path: "\(path)[\(index + 1)]", log: log))
        }
    }

    /// A mapping from party codes to values (`responsible`, `lead`).
    func perParty<T>(_ each: (YAMLValue) -> T?) -> [PartyCode: T]? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping, found {1}", shape)) }
        var result: [PartyCode: T] = [:]
        var failed = false
        for pair in pairs {
            let (key, value) = (pair.key, pair.value)
            let keyValue = YAMLValue(node: key, path: path, log: log)
            guard let party = keyValue.party() else { failed = true; continue }
            let element = YAMLValue(node: value, path: "\(path).\(party)", log: log)
            if let item = each(element) { result[party] = item } else { failed = true }
        }
        return failed ? nil : result
    }

    /// A mapping read in the order written: `each` gets each key and its value.
    func orderedMap<T>(_ each: (String, YAMLValue) -> T?) -> [T]? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping, found {1}", shape)) }
        var result: [T] = []
        var failed = false
        for pair in pairs {
            guard let name = YAMLValue(node: pair.key, path: path, log: log).text() else { failed = true; continue }
            if let item = each(name, YAMLValue(node: pair.value, path: "\(path).\(name)", log: log)) { result.append(item) } else { failed = true }
        }
        return failed ? nil : result
    }

    /// A mapping from keys (language tags) to text.
    func textMap() -> [String: String]? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping, found {1}", shape)) }
        var result: [String: String] = [:]
        var failed = false
        for pair in pairs {
            let (key, value) = (pair.key, pair.value)
            guard let name = YAMLValue(node: key, path: path, log: log).text() else { failed = true; continue }
            if let text = YAMLValue(node: value, path: "\(path).\(name)", log: log).nonEmptyText() {
                result[name] = text
            } else {
                failed = true
            }
        }
        return failed ? nil : result
    }

    /// A mapping from keys to mappings of text: `translations`, language to field to text.
    func textMaps() -> [String: [String: String]]? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping, found {1}", shape)) }
        var result: [String: [String: String]] = [:]
        var failed = false
        for pair in pairs {
            guard let name = YAMLValue(node: pair.key, path: path, log: log).text() else { failed = true; continue }
            if let texts = YAMLValue(node: pair.value, path: "\(path).\(name)", log: log).textMap() {
                result[name] = texts
            } else {
                failed = true
            }
        }
        return failed ? nil : result
    }

    private var shape: String {
        switch node {
        case .scalar(let text, _, _): return text.isEmpty ? "nothing" : "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The fields of one mapping being read. Every field read is marked, so `finish()` can
/// report the ones nobody asked for as unknown.
final class YAMLFields {
    let owner: YAMLValue
    private let pairs: [(key: String, line: Int, value: YAMLNode)]
    /// Whether each pair's key has been asked for.
    private var read: [Bool]
    /// Where the last key asked for was: decoders ask in the order files are written, so
    /// the search starts just after it.
    private var cursor = 0
    private let problemsBefore: Int

    init(pairs: [YAMLPair], owner: YAMLValue) {
        self.owner = owner
        problemsBefore = owner.log.diagnostics.count
        self.pairs = pairs.map { pair in (pair.key.scalarText ?? "", pair.key.line, pair.value) }
        read = Array(repeating: false, count: pairs.count)
    }

    var path: String { owner.path }
    var log: YAMLLog { owner.log }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The field, or nil (and a problem) when it is missing or null.
    func required(_ key: String) -> YAMLValue? {
        if let value = optional(key) { return value }
        log.report(childPath(key), line: owner.line, L10n.english("is required"))
        return nil
    }

    /// The field, or nil when it is missing or null.
    func optional(_ key: String) -> YAMLValue? {
        // Keys are unique within a mapping (both readers refuse a repeated key).
        var found: Int?
        for step in 0..<pairs.count {
            let index = (cursor + step) % pairs.count
            if pairs[index].key == key {
                found = index
                break
            }
        }
        guard let found else { return nil }
        read[found] = true
        cursor = found + 1
        let pair = pairs[found]
        let value = YAMLValue(node: pair.value, path: childPath(key), log: log)
        return value.isNull ? nil : value
    }

    /// Whether the mapping has the field `key` (read or not).
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Reports a problem with the field `key`, on the line of `key` if it is there, else of
    /// `near`, else of the mapping.
    func problem(at key: String, near: String? = nil, _ message: String) {
        let line = [key, near].compactMap { $0 }.lazy
            .compactMap { name in self.pairs.first { $0.key == name }?.line }.first ?? owner.line
        log.report(childPath(key), line: line, message)
    }

    /// Reports each of `keys` that is present, on its own line, with `message(key)`, and
    /// marks it read so that it is not reported again as unknown: for fields a record must
    /// never hold, whose mistake deserves more than "unknown field".
    func refuse(_ keys: Set<String>, _ message: (String) -> String) {
        for (index, pair) in pairs.enumerated() where keys.contains(pair.key) {
            read[index] = true
            log.report(childPath(pair.key), line: pair.line, message(pair.key))
        }
    }

    /// Remembers this mapping's path as the place of the element `id` of `list`.
    func mark(list: String, id: String) {
        log.elementPaths["\(list)#\(id)", default: []].append(path)
    }

    /// Reports every field that was not read as unknown, and tells whether the fields read
    /// had no problem. Decoders return nil when they had: a half-read record is never used.
    func finish() -> Bool {
        let clean = log.diagnostics.count == problemsBefore
        for (pair, read) in zip(pairs, read) where !read {
            log.report(childPath(pair.key), line: pair.line, L10n.english("unknown field"))
        }
        return clean
    }
}

/// A parsed file as the derived store keeps it: every field through `Codable`, but the field
/// lines and element paths (a dozen entries a record, read only to name a line in a problem)
/// as one string each, since decoding them as keyed containers cost about half of every read
/// of the store. The separators are control characters, which YAML keys cannot hold.
extension ParsedFile: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case file, value, diagnostics, lines, elementPaths }
    private static var entrySeparator: Character { "\u{1E}" }
    private static var fieldSeparator: Character { "\u{1F}" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encode(diagnostics, forKey: .diagnostics)
        let lines = self.lines.map { "\($0.key)\(Self.fieldSeparator)\($0.value)" }
        try container.encode(lines.joined(separator: String(Self.entrySeparator)), forKey: .lines)
        let paths = elementPaths.map { ([$0.key] + $0.value).joined(separator: String(Self.fieldSeparator)) }
        try container.encode(paths.joined(separator: String(Self.entrySeparator)), forKey: .elementPaths)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        value = try container.decodeIfPresent(Value.self, forKey: .value)
        diagnostics = try container.decode([Diagnostic].self, forKey: .diagnostics)
        var lines: [String: Int] = [:]
        for entry in try container.decode(String.self, forKey: .lines).split(separator: Self.entrySeparator) {
            guard let cut = entry.lastIndex(of: Self.fieldSeparator), let line = Int(entry[entry.index(after: cut)...]) else {
                throw DecodingError.dataCorruptedError(forKey: .lines, in: container, debugDescription: "a field line")
            }
            lines[String(entry[..<cut])] = line
        }
        self.lines = lines
        var paths: [String: [String]] = [:]
        for entry in try container.decode(String.self, forKey: .elementPaths).split(separator: Self.entrySeparator) {
            let parts = entry.split(separator: Self.fieldSeparator, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else {
                throw DecodingError.dataCorruptedError(forKey: .elementPaths, in: container, debugDescription: "an element path")
            }
            paths[parts[0]] = Array(parts.dropFirst())
        }
        elementPaths = paths
    }
}
