extension Evidence {
    /// The written order of the fields a flat piece of evidence has (see `yaml`); the first
    /// four are required. Attachments, values and sealed parts are nested: a file with one
    /// is left to the general reader.
    static let canonicalLayout = CanonicalRecord.Layout(
        ["id", "kind", "title", "date", "recorded", "party", "source", "url", "illustrative", "sensitivity", "supports", "note"],
        required: 4, list: "supports")

    /// A piece of evidence laid out exactly as accord writes it and without nested fields
    /// (``CanonicalRecord``), read straight into its value; nil for anything else and for
    /// any field `Evidence.init(yaml:)` would refuse, which the general reader then reads
    /// and names. Where it answers, it gives what the general reader gives. A check added to
    /// `init(yaml:)` must be added here too, or answered nil.
    static func readCanonical(_ text: String, file: String) -> ParsedFile<Evidence>? {
        CanonicalRecord.read(text, layout: canonicalLayout) { evidence($0, file: file) }
    }

    private static func evidence(_ fields: CanonicalRecord, file: String) -> ParsedFile<Evidence>? {
        guard let id = fields.plain(0).flatMap({ RecordID($0) }), let kind = fields.plain(1).flatMap(Kind.init(rawValue:)),
              case .some(.some(let title)) = fields.nonBlankText(2),
              case .some(.some(let dateText)) = fields.text(3), let date = CalendarDate(written: dateText),
              case .some(let recordedText) = fields.text(4),
              case .some(let source) = fields.nonBlankText(6), case .some(let url) = fields.nonBlankText(7),
              let supports = fields.list(10, { QualifiedID($0) }),
              case .some(let note) = fields.text(11) else { return nil }
        var recorded: CalendarDate?
        if let recordedText {
            guard let day = CalendarDate(written: recordedText) else { return nil }
            recorded = day
        }
        var party: PartyCode?
        if fields.has(5) {
            guard let code = fields.plain(5).flatMap({ PartyCode($0) }) else { return nil }
            party = code
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(where: \.isWhitespace) { return nil }
        var illustrative = false
        if fields.has(8) {
            switch fields.plain(8) {
            case "true": illustrative = true
            case "false": illustrative = false
            default: return nil
            }
        }
        var sensitivity = Sensitivity.public
        if fields.has(9) {
            guard let chosen = fields.plain(9).flatMap(Sensitivity.init(rawValue:)) else { return nil }
            sensitivity = chosen
        }
        return ParsedFile(
            file: file,
            value: Evidence(id: id, kind: kind, title: title, date: date, recorded: recorded, party: party, source: source,
                            url: url, sensitivity: sensitivity, supports: supports, note: note, illustrative: illustrative),
            diagnostics: [], lines: fields.lines(listCount: supports.count), elementPaths: [:])
    }
}
