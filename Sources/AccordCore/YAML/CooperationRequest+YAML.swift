public import Foundation

extension CooperationRequest {
    /// Fields that would hold a person's identity. A register names people by the sending
    /// authority's reference only, so these are refused outright rather than as unknown.
    static let personalFields: Set<String> = [
        "name", "names", "full-name", "victim", "victim-name", "suspect", "suspect-name", "person", "alias",
        "birth-date", "date-of-birth", "born", "age", "sex", "gender", "nationality-document", "passport",
        "id-number", "identity-card", "address", "phone", "photo", "family", "parents",
    ]

    /// Reads `Requests/<yyyy>/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<CooperationRequest> {
        YAMLReader.parse(data, file: file, decode: CooperationRequest.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        f.refuse(Self.personalFields) { field in
            L10n.english("{1} would identify a person: a register holds the sending authority's reference only", field)
        }
        let id = f.required("id")?.recordID()
        let kind = f.required("kind")?.choice(Kind.self)
        var reference: String?
        if let value = f.required("reference"), let text = value.text() {
            if let problem = Self.referenceProblem(text) { _ = value.problem(problem) as String? } else { reference = text }
        }
        let from = f.required("from")?.party()
        let to = f.required("to")?.party()
        let sent = f.required("sent")?.date()
        let answered = f.optional("answered")?.date()
        let outcome = f.optional("outcome")?.choice(Outcome.self)
        let note = f.optional("note")?.nonEmptyText()
        let provenance = Provenance(yaml: f)
        let reporter = f.optional("reporter")?.nonEmptyText()
        let recordedAt = f.optional("recorded-at")?.recordingTime()
        if let from, let to, from == to { f.problem(at: "to", L10n.english("a request goes from one party to the other; both are {1}", to)) }
        if let sent, let answered, answered.isWhollyBefore(sent) {
            f.problem(at: "answered", L10n.english("the answer ({1}) is dated before the request was sent ({2})", answered, sent))
        }
        if outcome != nil, answered == nil { f.problem(at: "outcome", L10n.english("an outcome needs the date the request was answered (answered)")) }
        if let kind, let outcome, !kind.outcomes.contains(outcome) {
            f.problem(at: "outcome", L10n.english("{1} requests are answered {2}, not {3}", kind.rawValue, kind.outcomes.map(\.rawValue).joined(separator: ", "), outcome.rawValue))
        }
        guard f.finish(), let id, let kind, let reference, let from, let to, let sent else { return nil }
        self.init(id: id, kind: kind, reference: reference, from: from, to: to, sent: sent, answered: answered,
                  outcome: outcome, note: note, provenance: provenance, reporter: reporter, recordedAt: recordedAt)
    }

    /// Why `text` cannot be a pseudonymous reference, or nil when it can: a file number of
    /// letters, digits and `-` `_` `.` `/`, with a digit and no spaces, so that a name
    /// typed in its place is refused.
    public static func referenceProblem(_ text: String) -> String? {
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)) }
        let hasDigit = text.unicodeScalars.contains { ("0"..."9").contains($0) }
        if text.isEmpty || text.count > 40 || !allowed || !hasDigit {
            return text.isEmpty
                ? L10n.english("an empty reference is not a file reference: write the sending authority's number (letters, digits and - _ . /, with a digit, no spaces, at most 40), never a name")
                : L10n.english("this is not a file reference: write the sending authority's number (letters, digits and - _ . /, with a digit, no spaces, at most 40), never a name")
        }
        return nil
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("kind", .plain(kind.rawValue))
        map.add("reference", .text(reference))
        map.add("from", .plain(from.code))
        map.add("to", .plain(to.code))
        map.add("sent", .date(sent))
        map.add("answered", .date(answered))
        map.add("outcome", outcome.map { .plain($0.rawValue) })
        map.add("note", .text(note))
        provenance.add(to: &map)
        map.add("reporter", .text(reporter))
        map.add("recorded-at", recordedAt.map { .plain($0.text) })
        return map
    }
}
