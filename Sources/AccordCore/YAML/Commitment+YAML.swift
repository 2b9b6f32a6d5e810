extension Commitment {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.localID()
        if let id { f.mark(list: "commitments", id: id) }
        let clause = f.optional("clause")?.localID()
        let summary = f.required("summary")?.nonEmptyText()
        let bound = f.optional("bound").map(Bound.init(yaml:)) ?? .each
        let responsible = f.optional("responsible")?.perParty { $0.nonEmptyText() } ?? [:]
        let due = DueSchedule(yaml: f)
        let indicators = f.optional("indicators")?.list { $0.recordID()?.rawValue } ?? []
        let note = f.optional("note")?.text()
        let provenance = Provenance(yaml: f)
        guard f.finish(), let id, let summary, let bound else { return nil }
        self.init(
            id: id, clause: clause, summary: summary, bound: bound, responsible: responsible,
            due: due, indicators: indicators, note: note, provenance: provenance)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .id(id))
        map.add("clause", clause.map { .id($0) })
        map.add("summary", .text(summary))
        map.add("bound", .plain(bound.description))
        map.add("responsible", .perParty(responsible) { .text($0) })
        due?.add(to: &map)
        map.add("indicators", .ids(indicators))
        map.add("note", .text(note))
        provenance.add(to: &map)
        return .map(map)
    }
}

extension DueSchedule {
    /// Reads the flat fields `due`, `every-months` and `until` of a commitment or decision.
    init?(yaml f: YAMLFields) {
        let dueValue = f.optional("due")
        let due = dueValue?.date()
        let every = f.optional("every-months")?.integer(atLeast: 1, atMost: 1200)
        let until = f.optional("until")?.date()
        guard dueValue != nil else {
            if every != nil || until != nil {
                f.owner.problem(L10n.english("every-months and until need a due date")) as Void?
            }
            return nil
        }
        guard let due else { return nil }
        self.init(first: due, everyMonths: every, until: until)
    }

    func add(to map: inout YAMLMap) {
        map.add("due", .date(first))
        map.add("every-months", .integer(everyMonths))
        map.add("until", .date(until))
    }
}
