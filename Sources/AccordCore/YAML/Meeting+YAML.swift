public import Foundation

extension Meeting {
    /// Reads `Meetings/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<Meeting> {
        YAMLReader.parse(data, file: file, decode: Meeting.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.recordID()
        let title = f.required("title")?.nonEmptyText()
        let date = f.required("date")?.date()
        let endDate = f.optional("end-date")?.date()
        if let date, let endDate, endDate.isWhollyBefore(date) {
            f.problem(at: "end-date", L10n.english("the meeting ends before it starts"))
        }
        let venue = f.optional("venue")?.nonEmptyText()
        let host = f.optional("host")?.party()
        let body = f.optional("body")?.text().flatMap { text -> String? in
            guard InstrumentID.isSlug(text) else {
                f.problem(at: "body", L10n.english("{1} is not a body's slug (lower-case letters, digits and hyphens, such as tip-2005-joint-review)", text))
                return nil
            }
            return text
        }
        let coChairs = f.optional("co-chairs")?.list { $0.nonEmptyText() } ?? []
        let delegations = f.optional("delegations")?.perParty { $0.list { $0.nonEmptyText() } } ?? [:]
        let agenda = f.optional("agenda")?.list { $0.nonEmptyText() } ?? []
        let minutesSignedBy = f.optional("minutes-signed-by")?.list { $0.nonEmptyText() } ?? []
        let reviews = f.optional("reviews")?.list { value -> ReviewReference? in
            guard let text = value.text() else { return nil }
            guard let reference = ReviewReference(text) else {
                value.problem(L10n.english("{1} is not a review cycle (such as tip-2005/annual)", text)) as Void?
                return nil
            }
            return reference
        } ?? []
        let attendees = f.optional("attendees")?.list { $0.nonEmptyText() } ?? []
        let decisions = f.optional("decisions")?.elements(Decision.init(yaml:)) ?? []
        let provenance = Provenance(yaml: f)
        let note = f.optional("note")?.text()
        let planned = f.optional("planned")?.choice(Planned.self) == .yes
        if planned, !decisions.isEmpty {
            f.problem(at: "decisions", near: "planned", L10n.english("a planned meeting has decided nothing yet"))
        }
        guard f.finish(), let id, let title, let date else { return nil }
        self.init(
            id: id, title: title, date: date, endDate: endDate, venue: venue, host: host,
            reviews: reviews, attendees: attendees, decisions: decisions, note: note, provenance: provenance,
            planned: planned, body: body, coChairs: coChairs, delegations: delegations, agenda: agenda,
            minutesSignedBy: minutesSignedBy)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("title", .text(title))
        map.add("date", .date(date))
        map.add("end-date", .date(endDate))
        map.add("venue", .text(venue))
        map.add("host", .party(host))
        map.add("body", .text(body))
        map.add("reviews", .ids(reviews))
        map.add("co-chairs", .list(coChairs.map { .text($0) }))
        map.add("delegations", .perParty(delegations) { .list($0.map { .text($0) }) })
        map.add("attendees", .list(attendees.map { .text($0) }))
        map.add("agenda", .list(agenda.map { .text($0) }))
        map.add("minutes-signed-by", .list(minutesSignedBy.map { .text($0) }))
        map.add("decisions", .list(decisions.map(\.yaml)))
        provenance.add(to: &map)
        map.add("note", .text(note))
        if planned { map.add("planned", .plain(Planned.yes.rawValue)) }
        return map
    }

    /// `planned: true`; `false` is the same as leaving it out.
    private enum Planned: String, CaseIterable { case yes = "true", no = "false" }
}

extension Decision {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.localID()
        if let id { f.mark(list: "decisions", id: id) }
        let text = f.required("text")?.nonEmptyText()
        let due = DueSchedule(yaml: f)
        let bound = f.optional("bound").map(Commitment.Bound.init(yaml:)) ?? .each
        let responsible = f.optional("responsible")?.perParty { $0.nonEmptyText() } ?? [:]
        let provenance = Provenance(yaml: f)
        guard f.finish(), let id, let text, let bound else { return nil }
        self.init(id: id, text: text, due: due, bound: bound, responsible: responsible, provenance: provenance)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .id(id))
        map.add("text", .text(text))
        due?.add(to: &map)
        if due != nil || bound != .each { map.add("bound", .plain(bound.description)) }
        map.add("responsible", .perParty(responsible) { .text($0) })
        provenance.add(to: &map)
        return .map(map)
    }
}
