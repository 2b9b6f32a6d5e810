public import Foundation

extension Instrument {
    /// Reads `Agreements/<id>/instrument.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String) -> ParsedFile<Instrument> {
        YAMLReader.parse(data, file: file, decode: Instrument.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let id = f.required("id")?.instrumentID()
        let kind = f.required("kind")?.choice(Kind.self)
        let title = f.required("title")?.textMap()
        let parties = f.required("parties")?.list { $0.party() }
        let signed = f.required("signed").flatMap(Signing.init(yaml:))
        let signatories = f.optional("signatories")?.list(Signatory.init(yaml:)) ?? []
        let inForce = f.optional("in-force")?.list(EntryIntoForce.init(yaml:)) ?? []
        let status = f.required("status")?.choice(Standing.self)
        let ended = f.optional("ended")?.date()
        if let ended, let status, ![.superseded, .expired, .terminated].contains(status) {
            f.problem(at: "ended", near: "status", L10n.english("{1} ends an instrument whose status is {2}: an end date goes with superseded, expired or terminated", ended, status.rawValue))
        }
        if let ended, let date = signed?.date, ended < date {
            f.problem(at: "ended", L10n.english("the instrument ends ({1}) before it was signed ({2})", ended, date))
        }
        let languages = f.optional("languages")?.languages() ?? []
        let texts = f.optional("texts")?.textStandings(languages: languages) ?? [:]
        let prevailsValue = f.optional("prevails")
        let prevails = prevailsValue?.text()
        if let prevails, !languages.contains(prevails) {
            prevailsValue?.problem(L10n.english("{1} is not one of the instrument's languages", prevails)) as Void?
        }
        let amends = f.optional("amends")?.instrumentID()
        let supersedes = f.optional("supersedes")?.instrumentID()
        let amendments = f.optional("amendments")?.list(Amendment.init(yaml:)) ?? []
        let sources = f.optional("sources")?.list(SourceNote.init(yaml:)) ?? []
        let reviewCycles = f.optional("review-cycles")?.elements(ReviewCycle.init(yaml:)) ?? []
        let commitments = f.optional("commitments")?.elements(Commitment.init(yaml:)) ?? []
        let provenance = Provenance(yaml: f)
        let note = f.optional("note")?.text()
        guard f.finish(), let id, let kind, let title, let parties, let signed, let status else { return nil }
        self.init(
            id: id, kind: kind, title: title, parties: parties, signed: signed,
            signatories: signatories, inForce: inForce, status: status, ended: ended, languages: languages,
            amends: amends, supersedes: supersedes, amendments: amendments, sources: sources,
            reviewCycles: reviewCycles, commitments: commitments, note: note,
            texts: texts, prevails: prevails, provenance: provenance)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("id", .text(id.rawValue))
        map.add("kind", .plain(kind.rawValue))
        map.add("title", .textMap(title))
        map.add("parties", .parties(parties))
        map.add("signed", signed.yaml)
        map.add("signatories", .list(signatories.map(\.yaml)))
        map.add("in-force", .list(inForce.map(\.yaml)))
        map.add("status", .plain(status.rawValue))
        map.add("ended", .date(ended))
        map.add("languages", .flow(languages.map { .plain($0) }))
        var standings = YAMLMap()
        for language in texts.keys.sorted() { standings.add(language, texts[language]!.yaml) }
        map.add("texts", .map(standings))
        map.add("prevails", .text(prevails))
        map.add("amends", .text(amends?.rawValue))
        map.add("supersedes", .text(supersedes?.rawValue))
        map.add("amendments", .list(amendments.map(\.yaml)))
        map.add("sources", .list(sources.map(\.yaml)))
        map.add("review-cycles", .list(reviewCycles.map(\.yaml)))
        map.add("commitments", .list(commitments.map(\.yaml)))
        provenance.add(to: &map)
        map.add("note", .text(note))
        return map
    }
}

extension Instrument.EntryIntoForce {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let date = f.required("date")?.date()
        let party = f.optional("party")?.party()
        guard f.finish(), let date else { return nil }
        self.init(date: date, party: party)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("date", .date(date))
        map.add("party", .party(party))
        return .map(map)
    }
}

extension Instrument.Amendment {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let date = f.required("date")?.date()
        let place = f.optional("place")?.nonEmptyText()
        let title = f.optional("title")?.nonEmptyText()
        let signatories = f.optional("signatories")?.list(Signatory.init(yaml:)) ?? []
        let reason = f.optional("reason")?.nonEmptyText()
        guard f.finish(), let date else { return nil }
        self.init(signing: Signing(date: date, place: place), title: title, signatories: signatories, reason: reason)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("date", .date(signing.date))
        map.add("place", .text(signing.place))
        map.add("title", .text(title))
        map.add("signatories", .list(signatories.map(\.yaml)))
        map.add("reason", .text(reason))
        return .map(map)
    }
}
