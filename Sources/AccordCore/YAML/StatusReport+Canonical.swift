internal import Foundation

extension StatusReport {
    /// A status report laid out exactly as accord writes it, read straight into its value.
    ///
    /// A large tracker is mostly status reports, and a cold read parses every one. This
    /// reader takes one line per field, in the written order (`id`, `target`, `status`,
    /// `date`, `party`, then `reporter`, `note`, `evidence` and `recorded-at` when present), plain values
    /// (the reporter, the note and each piece of evidence may be double-quoted) and the
    /// evidence as `[a, b]`. It answers nil for anything else, and for any field a check
    /// would refuse or that YAML reads as null; the general reader then reads the file and
    /// names its problems. Where it answers, it gives what the general reader gives: the
    /// value, the line of every field, no problem (a test holds the two to that). A check
    /// added to `StatusReport.init(yaml:)` must be added here too, or this reader must answer
    /// nil for what it refuses; a field added to the layout is left to the general reader
    /// until it is added here.
    static func readCanonical(_ text: String, file: String) -> ParsedFile<StatusReport>? {
        var text = text
        return text.withUTF8 { bytes in
            guard CanonicalYAML.allowedCharacters(bytes) else { return nil }
            var reader = CanonicalReportReader(bytes: bytes)
            guard let fields = reader.fields() else { return nil }
            return fields.report(file: file, bytes: bytes)
        }
    }
}

/// The fields of a report file in the written order; the first five are required.
private let reportKeys: [[UInt8]] = ["id", "target", "status", "date", "party", "reporter", "note", "evidence", "recorded-at"]
    .map { Array($0.utf8) }
private let requiredKeys = 5

private struct CanonicalReportReader {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Each field's value (start and end offsets) and line, by its place in `reportKeys`.
    struct Fields {
        var values: [(start: Int, end: Int, line: Int)?] = Array(repeating: nil, count: reportKeys.count)
    }

    /// Splits the text into `key: value` lines, each key once and in order; nil otherwise.
    mutating func fields() -> Fields? {
        var fields = Fields()
        var next = 0, offset = 0, line = 0
        let count = bytes.count
        while offset < count {
            var end = offset
            while end < count, bytes[end] != 0x0A { end += 1 }
            line += 1
            // The key of this line among those still allowed; required ones may not be skipped.
            guard let slot = (next..<reportKeys.count).first(where: { hasKey(reportKeys[$0], at: offset, end: end) }),
                  slot == next || next >= requiredKeys && slot >= requiredKeys else { return nil }
            let start = offset + reportKeys[slot].count + 2
            guard start < end else { return nil }
            fields.values[slot] = (start, end, line)
            next = slot + 1
            offset = end + 1
        }
        guard next >= requiredKeys else { return nil }
        return fields
    }

    /// Whether the line from `offset` starts with `key` and `": "`.
    private func hasKey(_ key: [UInt8], at offset: Int, end: Int) -> Bool {
        guard offset + key.count + 2 <= end else { return false }
        for (index, byte) in key.enumerated() where bytes[offset + index] != byte { return false }
        return bytes[offset + key.count] == UInt8(ascii: ":") && bytes[offset + key.count + 1] == 0x20
    }
}

extension CanonicalReportReader.Fields {
    func report(file: String, bytes: UnsafeBufferPointer<UInt8>) -> ParsedFile<StatusReport>? {
        func plain(_ slot: Int) -> String? {
            guard let (start, end, _) = values[slot], CanonicalYAML.isPlainText(bytes, start, end, inFlow: false) else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            // YAML reads these as null; the general reader says what that means for the field.
            return YAMLValue.nullWords.contains(text) ? nil : text
        }
        /// A plain or double-quoted value; `.some(nil)` when the field is absent.
        func text(_ slot: Int) -> String?? {
            guard let (start, end, _) = values[slot] else { return .some(nil) }
            if bytes[start] == UInt8(ascii: "\"") {
                guard let (text, after) = CanonicalYAML.quoted(bytes, from: start, end: end), after == end else { return nil }
                return .some(text)
            }
            return plain(slot).map { .some($0) }
        }
        guard let id = plain(0).flatMap(RecordID.init), let target = plain(1).flatMap(QualifiedID.init),
              let status = plain(2).flatMap(Status.init(rawValue:)), let date = plain(3).flatMap({ CalendarDate($0) }),
              let party = plain(4).flatMap({ PartyCode($0) }),
              case .some(let reporter) = text(5), case .some(let note) = text(6) else { return nil }
        // A reporter must not be blank; a not-applicable status needs a note: the general
        // reader words those problems.
        if let reporter, !YAMLValue.startsWithPrintable(reporter) { return nil }
        if status == .notApplicable, ReadableText.isBlank(note ?? "") { return nil }
        var evidence: [RecordID] = []
        if let (start, end, _) = values[7] {
            guard bytes[start] == UInt8(ascii: "["), let items = CanonicalYAML.flowItems(bytes, from: start, end: end) else {
                return nil
            }
            for item in items {
                guard let id = RecordID(item.text) else { return nil }
                evidence.append(id)
            }
        }
        var recordedAt: RecordingTime?
        if values[8] != nil {
            guard let time = plain(8).flatMap(RecordingTime.init) else { return nil }
            recordedAt = time
        }
        return ParsedFile(
            file: file,
            value: StatusReport(id: id, target: target, status: status, date: date, party: party,
                                reporter: reporter, note: note, evidence: evidence, recordedAt: recordedAt),
            diagnostics: [], lines: FieldLines.table(values.map { $0?.line }, evidence: evidence.count), elementPaths: [:])
    }
}

/// The field-line tables of reports: a table depends only on which fields a file has, on
/// which lines, and on how many pieces of evidence it cites, so files laid out alike share
/// one table, made once (and then recognised as the same one without comparing it).
private enum FieldLines {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [UInt64: [String: Int]] = [:]

    static func table(_ lines: [Int?], evidence: Int) -> [String: Int] {
        // Four bits a field's line (a report has nine lines at most), sixteen for the count.
        var key = UInt64(evidence)
        var fits = evidence < 1 << 16
        for (slot, line) in lines.enumerated() {
            let line = line ?? 0
            fits = fits && line < 16
            key |= UInt64(line & 0xF) << (16 + 4 * slot)
        }
        guard fits else { return make(lines, evidence: evidence) }
        lock.lock()
        defer { lock.unlock() }
        if let table = made[key] { return table }
        let table = make(lines, evidence: evidence)
        made[key] = table
        return table
    }

    /// What the general reader records: the root on line 1, each field on its line, and
    /// each cited piece of evidence on the line of the list.
    private static func make(_ lines: [Int?], evidence: Int) -> [String: Int] {
        var table: [String: Int] = ["": 1]
        for (slot, line) in lines.enumerated() {
            guard let line else { continue }
            table[String(decoding: reportKeys[slot], as: UTF8.self)] = line
        }
        if let line = lines[7] {
            for index in 0..<evidence { table["evidence[\(index + 1)]"] = line }
        }
        return table
    }
}
