extension StatusReport {
    /// The written order of a report's fields (`id`, `target`, `status`, `date`, `party`,
    /// then `reporter`, `note`, `evidence` and `recorded-at` when present); the first five
    /// are required.
    static let canonicalLayout = CanonicalRecord.Layout(
        ["id", "target", "status", "date", "party", "reporter", "note", "evidence", "recorded-at"], required: 5, list: "evidence")

    /// A status report laid out exactly as accord writes it (``CanonicalRecord``), read
    /// straight into its value: plain values (the reporter, the note and each piece of
    /// evidence may be double-quoted), the evidence as `[a, b]`. It answers nil for anything
    /// else, and for any field a check would refuse or that YAML reads as null; the general
    /// reader then reads the file and names its problems. Where it answers, it gives what
    /// the general reader gives: the value, the line of every field, no problem. A check
    /// added to `StatusReport.init(yaml:)` must be added here too, or this reader must answer
    /// nil for what it refuses; a field added to the layout is left to the general reader
    /// until it is added here.
    static func readCanonical(_ text: String, file: String) -> ParsedFile<StatusReport>? {
        CanonicalRecord.read(text, layout: canonicalLayout) { report($0, file: file) }
    }

    private static func report(_ fields: CanonicalRecord, file: String) -> ParsedFile<StatusReport>? {
        guard let id = fields.plain(0).flatMap(RecordID.init), let target = fields.plain(1).flatMap(QualifiedID.init),
              let status = fields.plain(2).flatMap(Status.init(rawValue:)), let date = fields.plain(3).flatMap({ CalendarDate($0) }),
              let party = fields.plain(4).flatMap({ PartyCode($0) }),
              // A reporter must not be blank; the general reader words that problem.
              case .some(let reporter) = fields.nonBlankText(5), case .some(let note) = fields.text(6),
              let evidence = fields.list(7, { RecordID($0) }) else { return nil }
        // A not-applicable status needs a note: the general reader words that problem too.
        if status == .notApplicable, ReadableText.isBlank(note ?? "") { return nil }
        var recordedAt: RecordingTime?
        if fields.has(8) {
            guard let time = fields.plain(8).flatMap(RecordingTime.init) else { return nil }
            recordedAt = time
        }
        return ParsedFile(
            file: file,
            value: StatusReport(id: id, target: target, status: status, date: date, party: party,
                                reporter: reporter, note: note, evidence: evidence, recordedAt: recordedAt),
            diagnostics: [], lines: fields.lines(listCount: evidence.count), elementPaths: [:])
    }
}
