public import Foundation

extension ActionPlan {
    /// Reads `Plans/<id>.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<ActionPlan> {
        YAMLReader.parse(data, file: file, decode: ActionPlan.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.instrumentID()
        let kindValue = f.required("kind")
        if let kind = kindValue?.text(), kind != "plan" {
            kindValue?.problem(L10n.english("an action plan has kind plan, not {1}", kind)) as Void?
        }
        let title = f.required("title")?.textMap()
        let parties = f.required("parties")?.list { $0.party() }
        let adopted = f.required("adopted").flatMap(Signing.init(yaml:))
        var start: CalendarDate?, end: CalendarDate?
        if let period = f.optional("period")?.fields() {
            start = period.required("start")?.date()
            end = period.required("end")?.date()
            _ = period.finish()
            if let start, let end, end.isWhollyBefore(start) {
                period.owner.problem(L10n.english("the period ends before it starts")) as Void?
            }
        }
        let implements = f.optional("implements")?.list { $0.instrumentID() } ?? []
        let status = f.optional("status")?.choice(Instrument.Standing.self) ?? .inForce
        let sources = f.optional("sources")?.list(SourceNote.init(yaml:)) ?? []
        let reviewCycles = f.optional("review-cycles")?.elements(ReviewCycle.init(yaml:)) ?? []
        let areas = f.optional("areas")?.elements(PlanArea.init(yaml:)) ?? []
        let provenance = Provenance(yaml: f)
        let note = f.optional("note")?.text()
        guard f.finish(), let id, let title, let parties, let adopted else { return nil }
        self.init(
            id: id, title: title, parties: parties, adopted: adopted, start: start, end: end,
            implements: implements, status: status, sources: sources, reviewCycles: reviewCycles,
            areas: areas, note: note, provenance: provenance)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("kind", .plain("plan"))
        map.add("title", .textMap(title))
        map.add("parties", .parties(parties))
        map.add("adopted", adopted.yaml)
        if start != nil || end != nil {
            var period = YAMLMap()
            period.add("start", .date(start))
            period.add("end", .date(end))
            map.add("period", .map(period))
        }
        map.add("implements", .ids(implements))
        map.add("status", .plain(status.rawValue))
        map.add("sources", .list(sources.map(\.yaml)))
        map.add("review-cycles", .list(reviewCycles.map(\.yaml)))
        map.add("areas", .list(areas.map(\.yaml)))
        provenance.add(to: &map)
        map.add("note", .text(note))
        return map
    }
}

extension PlanArea {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.localID()
        if let id { f.mark(list: "areas", id: id) }
        let title = f.required("title")?.nonEmptyText()
        let items = f.optional("items")?.elements(PlanItem.init(yaml:)) ?? []
        guard f.finish(), let id, let title else { return nil }
        self.init(id: id, title: title, items: items)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .id(id))
        map.add("title", .text(title))
        map.add("items", .list(items.map(\.yaml)))
        return .map(map)
    }
}

extension PlanItem {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.localID()
        if let id { f.mark(list: "items", id: id) }
        let title = f.required("title")?.nonEmptyText()
        let lead = f.optional("lead")?.perParty { $0.nonEmptyText() } ?? [:]
        let partners = f.optional("partners")?.perParty { $0.list { $0.nonEmptyText() } } ?? [:]
        let start = f.optional("start")?.date()
        let end = f.optional("end")?.date()
        if let start, let end, end.isWhollyBefore(start) { f.owner.problem(L10n.english("the item ends before it starts")) as Void? }
        let deliverables = f.optional("deliverables")?.list { $0.nonEmptyText() } ?? []
        let indicators = f.optional("indicators")?.list { Indicator(yaml: $0, requireTitle: false) } ?? []
        let implements = f.optional("implements")?.list { $0.qualifiedID() } ?? []
        let note = f.optional("note")?.text()
        let provenance = Provenance(yaml: f)
        guard f.finish(), let id, let title else { return nil }
        self.init(
            id: id, title: title, lead: lead, partners: partners, start: start, end: end,
            deliverables: deliverables, indicators: indicators, implements: implements, note: note,
            provenance: provenance)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .id(id))
        map.add("title", .text(title))
        map.add("lead", .perParty(lead) { .text($0) })
        map.add("partners", .perParty(partners) { .flow($0.map { .text($0) }) })
        map.add("start", .date(start))
        map.add("end", .date(end))
        map.add("deliverables", .list(deliverables.map { .text($0) }))
        map.add("indicators", .list(indicators.map(\.yaml)))
        map.add("implements", .ids(implements))
        map.add("note", .text(note))
        provenance.add(to: &map)
        return .map(map)
    }
}
