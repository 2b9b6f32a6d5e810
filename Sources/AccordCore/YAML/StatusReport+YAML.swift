public import Foundation

extension StatusReport {
    /// Reads `Events/<yyyy>/<mm>/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<StatusReport> {
        YAMLReader.parse(data, file: file, direct: { readCanonical($0, file: file) }, decode: StatusReport.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.recordID()
        let target = f.required("target")?.qualifiedID()
        let status = f.required("status")?.choice(Status.self)
        let date = f.required("date")?.day()
        let party = f.required("party")?.reportingParty()
        let reporter = f.optional("reporter")?.nonEmptyText()
        let note = f.optional("note")?.text()
        let evidence = f.optional("evidence")?.list { $0.recordID() } ?? []
        let provenance = Provenance(yaml: f)
        let parties = f.optional("parties")?.list { $0.party() } ?? []
        let recordedAt = f.optional("recorded-at")?.recordingTime()
        if party == .joint, parties.count < 2 {
            f.problem(at: "parties", near: "party", L10n.english("a joint report names the parties who made it together (two or more)"))
        }
        if let party, party != .joint, !parties.isEmpty {
            f.problem(at: "parties", L10n.english("only a joint report (party: joint) names parties; this one is {1}'s", party))
        }
        if status == .notApplicable, ReadableText.isBlank(note ?? "") {
            f.problem(at: "note", near: "status", L10n.english("a not-applicable status needs a note saying why"))
        }
        guard f.finish(), let id, let target, let status, let date, let party else { return nil }
        self.init(
            id: id, target: target, status: status, date: date, party: party,
            reporter: reporter, note: note, evidence: evidence, provenance: provenance, parties: parties, recordedAt: recordedAt)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("target", .text(target.description))
        map.add("status", .plain(status.rawValue))
        map.add("date", .date(date))
        map.add("party", .party(party))
        if !parties.isEmpty { map.add("parties", .parties(parties)) }
        map.add("reporter", .text(reporter))
        map.add("note", .text(note))
        map.add("evidence", .ids(evidence))
        map.add("recorded-at", recordedAt.map { .plain($0.text) })
        provenance.add(to: &map)
        return map
    }
}
