public import Foundation

extension Evidence {
    /// Reads `Evidence/<yyyy>/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<Evidence> {
        YAMLReader.parse(data, file: file, direct: { readCanonical($0, file: file) }, decode: Evidence.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.recordID()
        let kind = f.required("kind")?.choice(Kind.self)
        let sealed = f.optional("sealed")?.nonEmptyText()
        // A sealed record keeps its title inside the encrypted part.
        let title = sealed == nil ? f.required("title")?.nonEmptyText() : Redaction.placeholder
        let date = f.required("date")?.date()
        let recorded = f.optional("recorded")?.date()
        let party = f.optional("party")?.party()
        let source = f.optional("source")?.nonEmptyText()
        let url = f.optional("url")?.webAddress()
        let illustrative = f.optional("illustrative")?.boolean() ?? false
        let sensitivity = f.optional("sensitivity")?.choice(Sensitivity.self) ?? .public
        let supports = f.optional("supports")?.list { $0.qualifiedID() } ?? []
        let attachment = f.optional("attachment").flatMap(Attachment.init(yaml:))
        let values = f.optional("values")?.list(Value.init(yaml:)) ?? []
        let note = f.optional("note")?.text()
        if sealed != nil, sensitivity != .restricted {
            f.problem(at: "sealed", L10n.english("only restricted evidence is sealed: add sensitivity: restricted or remove sealed"))
        }
        guard f.finish(), let id, let kind, let title, let date else { return nil }
        self.init(
            id: id, kind: kind, title: title, date: date, recorded: recorded, party: party,
            source: source, url: url, sensitivity: sensitivity, supports: supports,
            attachment: attachment, values: values, note: note, sealed: sealed, illustrative: illustrative)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("kind", .plain(kind.rawValue))
        if sealed == nil { map.add("title", .text(title)) }
        map.add("date", .date(date))
        map.add("recorded", .date(recorded))
        map.add("party", .party(party))
        map.add("source", .text(source))
        map.add("url", .text(url))
        if provenance.illustrative { map.add("illustrative", .plain("true")) }
        map.add("sensitivity", .plain(sensitivity.rawValue))
        map.add("supports", .ids(supports))
        map.add("attachment", attachment?.yaml)
        map.add("values", .list(values.map(\.yaml)))
        map.add("note", .text(note))
        map.add("sealed", sealed.map { .block($0) })
        return map
    }
}

extension Evidence.Attachment {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let name = f.required("name")?.nonEmptyText()
        let blobValue = f.required("blob")
        var blob = blobValue?.text()
        if let text = blob, text.utf8.count != 40 || !text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            blobValue?.problem(L10n.english("{1} is not a git blob id (40 lowercase hex digits)", text)) as Void?
            blob = nil
        }
        let size = f.required("size")?.integer(atLeast: 0)
        guard f.finish(), let name, let blob, let size else { return nil }
        self.init(name: name, blob: blob, size: size)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("name", .text(name))
        map.add("blob", .text(blob))
        map.add("size", .integer(size))
        return .map(map)
    }
}

extension Evidence.Value {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let indicator = f.required("indicator")?.recordID()?.rawValue
        let scope = f.optional("scope")?.recordID()?.rawValue
        let period = f.optional("period")?.nonEmptyText()
        let number = f.required("value")?.number()
        let provenance = Provenance(yaml: f)
        var breakdowns: [Evidence.Breakdown] = []
        if let split = f.optional("breakdown")?.fields() {
            for dimension in Evidence.Breakdown.Dimension.allCases {
                guard let parts = split.optional(dimension.rawValue)?.orderedMap({ category, value -> Evidence.Breakdown.Part? in
                    guard RecordID(category) != nil else {
                        return value.problem(L10n.english("{1} is not a category name (lowercase letters, digits and dashes, such as under-18)", category))
                    }
                    return value.number().map { Evidence.Breakdown.Part(category: category, value: $0) }
                }) else { continue }
                breakdowns.append(Evidence.Breakdown(dimension: dimension, parts: parts))
            }
            _ = split.finish()
        }
        guard f.finish(), let indicator, let number else { return nil }
        self.init(indicator: indicator, scope: scope, period: period, value: number, provenance: provenance, breakdowns: breakdowns)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("indicator", .text(indicator))
        map.add("scope", .text(scope))
        map.add("period", period.map { .id($0) })
        map.add("value", .number(value))
        if !breakdowns.isEmpty {
            var split = YAMLMap()
            for breakdown in breakdowns {
                var parts = YAMLMap()
                for part in breakdown.parts { parts.add(part.category, .number(part.value)) }
                split.add(breakdown.dimension.rawValue, .map(parts))
            }
            map.add("breakdown", .map(split))
        }
        provenance.add(to: &map)
        return .map(map)
    }
}
