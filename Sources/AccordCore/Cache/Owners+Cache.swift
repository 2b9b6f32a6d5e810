/// The cache's layout of instruments and action plans. Written by hand, like status reports
/// and evidence: every command reads every instrument and plan, a ministry's plans hold
/// thousands of items, and decoding them through `Codable` was a fifth of a warm read.
///
/// Each type writes its fields in declaration order; a field added to a type must be added
/// here too (the round-trip test in `CacheCodingTests` fills every field). Dictionaries are
/// written sorted by key, so the same value always gives the same bytes.
extension Instrument {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.string(kind.rawValue)
        writer.texts(title)
        writer.list(parties) { $0.party($1) }
        signed.write(to: &writer)
        writer.list(signatories) { $1.write(to: &$0) }
        writer.list(inForce) { writer, entry in
            writer.date(entry.date)
            writer.optional(entry.party) { $0.party($1) }
        }
        writer.string(status.rawValue)
        writer.optional(ended) { $0.date($1) }
        writer.list(languages) { $0.string($1) }
        writer.optional(amends) { $0.string($1.rawValue) }
        writer.optional(supersedes) { $0.string($1.rawValue) }
        writer.list(amendments) { writer, amendment in
            amendment.signing.write(to: &writer)
            writer.optional(amendment.title) { $0.string($1) }
            writer.list(amendment.signatories) { $1.write(to: &$0) }
            writer.optional(amendment.reason) { $0.string($1) }
        }
        writer.list(sources) { $1.write(to: &$0) }
        writer.list(reviewCycles) { $1.write(to: &$0) }
        writer.list(commitments) { $1.write(to: &$0) }
        writer.optional(note) { $0.string($1) }
        writer.list(texts.keys.sorted()) { writer, language in
            writer.string(language)
            writer.flag(texts[language]!.authentic)
            writer.provenance(texts[language]!.provenance)
        }
        writer.optional(prevails) { $0.string($1) }
        writer.provenance(provenance)
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.valid(InstrumentID.init), kind: try reader.valid(Kind.init(rawValue:)),
            title: try reader.texts(), parties: try reader.list { try $0.party() },
            signed: try Signing(from: &reader), signatories: try reader.list { try Signatory(from: &$0) },
            inForce: try reader.list { EntryIntoForce(date: try $0.date(), party: try $0.optional { try $0.party() }) },
            status: try reader.valid(Standing.init(rawValue:)), ended: try reader.optional { try $0.date() },
            languages: try reader.list { try $0.string() },
            amends: try reader.optional { try $0.valid(InstrumentID.init) },
            supersedes: try reader.optional { try $0.valid(InstrumentID.init) },
            amendments: try reader.list { reader in
                Amendment(signing: try Signing(from: &reader), title: try reader.optional { try $0.string() },
                          signatories: try reader.list { try Signatory(from: &$0) },
                          reason: try reader.optional { try $0.string() })
            },
            sources: try reader.list { try SourceNote(from: &$0) },
            reviewCycles: try reader.list { try ReviewCycle(from: &$0) },
            commitments: try reader.list { try Commitment(from: &$0) },
            note: try reader.optional { try $0.string() },
            texts: try Dictionary(try reader.list { reader in
                (try reader.string(), TextStanding(authentic: try reader.flag(), provenance: try reader.provenance()))
            }, uniquingKeysWith: { _, _ in throw CacheCorrupt() }),
            prevails: try reader.optional { try $0.string() }, provenance: try reader.provenance())
    }
}

extension Commitment {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.optional(clause) { $0.string($1) }
        writer.string(summary)
        writer.string(bound.description)
        writer.partyTexts(responsible)
        writer.optional(due) { $1.write(to: &$0) }
        writer.list(indicators) { $0.string($1) }
        writer.optional(note) { $0.string($1) }
        writer.provenance(provenance)
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.string(), clause: try reader.optional { try $0.string() }, summary: try reader.string(),
            bound: try reader.valid(Bound.init), responsible: try reader.partyTexts(),
            due: try reader.optional { try DueSchedule(from: &$0) }, indicators: try reader.list { try $0.string() },
            note: try reader.optional { try $0.string() }, provenance: try reader.provenance())
    }
}

extension ActionPlan {
    func write(to writer: inout CacheWriter) {
        writer.string(id.rawValue)
        writer.texts(title)
        writer.list(parties) { $0.party($1) }
        adopted.write(to: &writer)
        writer.optional(start) { $0.date($1) }
        writer.optional(end) { $0.date($1) }
        writer.list(implements) { $0.string($1.rawValue) }
        writer.string(status.rawValue)
        writer.list(sources) { $1.write(to: &$0) }
        writer.list(reviewCycles) { $1.write(to: &$0) }
        writer.list(areas) { writer, area in
            writer.string(area.id)
            writer.string(area.title)
            writer.list(area.items) { $1.write(to: &$0) }
        }
        writer.optional(note) { $0.string($1) }
        writer.provenance(provenance)
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.valid(InstrumentID.init), title: try reader.texts(), parties: try reader.list { try $0.party() },
            adopted: try Signing(from: &reader), start: try reader.optional { try $0.date() },
            end: try reader.optional { try $0.date() }, implements: try reader.list { try $0.valid(InstrumentID.init) },
            status: try reader.valid(Instrument.Standing.init(rawValue:)),
            sources: try reader.list { try SourceNote(from: &$0) },
            reviewCycles: try reader.list { try ReviewCycle(from: &$0) },
            areas: try reader.list { reader in
                PlanArea(id: try reader.string(), title: try reader.string(), items: try reader.list { try PlanItem(from: &$0) })
            },
            note: try reader.optional { try $0.string() }, provenance: try reader.provenance())
    }
}

extension PlanItem {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.string(title)
        writer.partyTexts(lead)
        writer.list(partners.keys.sorted()) { writer, party in
            writer.party(party)
            writer.list(partners[party]!) { $0.string($1) }
        }
        writer.optional(start) { $0.date($1) }
        writer.optional(end) { $0.date($1) }
        writer.list(deliverables) { $0.string($1) }
        writer.list(indicators) { writer, indicator in
            writer.string(indicator.id)
            writer.optional(indicator.title) { $0.string($1) }
            writer.optional(indicator.unit) { $0.string($1) }
            writer.optional(indicator.target) { $0.integer(Int(bitPattern: UInt($1.bitPattern))) }
        }
        writer.list(implements) { $0.target($1) }
        writer.optional(note) { $0.string($1) }
        writer.provenance(provenance)
    }

    init(from reader: inout CacheReader) throws {
        self.init(
            id: try reader.string(), title: try reader.string(), lead: try reader.partyTexts(),
            partners: try Dictionary(try reader.list { (try $0.party(), try $0.list { try $0.string() }) },
                                 uniquingKeysWith: { _, _ in throw CacheCorrupt() }),
            start: try reader.optional { try $0.date() }, end: try reader.optional { try $0.date() },
            deliverables: try reader.list { try $0.string() },
            indicators: try reader.list { reader in
                Indicator(id: try reader.string(), title: try reader.optional { try $0.string() },
                          unit: try reader.optional { try $0.string() },
                          target: try reader.optional { Double(bitPattern: UInt64(UInt(bitPattern: try $0.integer()))) })
            },
            implements: try reader.list { try $0.target() }, note: try reader.optional { try $0.string() },
            provenance: try reader.provenance())
    }
}

extension Signing {
    func write(to writer: inout CacheWriter) {
        writer.date(date)
        writer.optional(place) { $0.string($1) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(date: try reader.date(), place: try reader.optional { try $0.string() })
    }
}

extension Signatory {
    func write(to writer: inout CacheWriter) {
        writer.party(party)
        writer.string(name)
    }

    init(from reader: inout CacheReader) throws {
        self.init(party: try reader.party(), name: try reader.string())
    }
}

extension SourceNote {
    func write(to writer: inout CacheWriter) {
        writer.optional(about) { $0.string($1) }
        writer.optional(says) { $0.string($1) }
        writer.string(source)
    }

    init(from reader: inout CacheReader) throws {
        self.init(about: try reader.optional { try $0.string() }, says: try reader.optional { try $0.string() },
                  source: try reader.string())
    }
}

extension ReviewCycle {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.string(title)
        schedule.write(to: &writer)
        writer.list(hosts) { $0.party($1) }
        writer.provenance(provenance)
    }

    init(from reader: inout CacheReader) throws {
        self.init(id: try reader.string(), title: try reader.string(), schedule: try DueSchedule(from: &reader),
                  hosts: try reader.list { try $0.party() }, provenance: try reader.provenance())
    }
}

extension DueSchedule {
    func write(to writer: inout CacheWriter) {
        writer.date(first)
        writer.optional(everyMonths) { $0.integer($1) }
        writer.optional(until) { $0.date($1) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(first: try reader.date(), everyMonths: try reader.optional { try $0.integer() },
                  until: try reader.optional { try $0.date() })
    }
}

extension CacheWriter {
    mutating func party(_ party: PartyCode) {
        string(party.code)
    }

    /// A record's provenance: citation, address, illustrative.
    mutating func provenance(_ provenance: Provenance) {
        optional(provenance.source) { $0.string($1) }
        optional(provenance.url) { $0.string($1) }
        flag(provenance.illustrative)
        string(provenance.textLanguage.rawValue)
        list(provenance.translations.keys.sorted { $0.rawValue < $1.rawValue }) { writer, language in
            writer.string(language.rawValue)
            writer.texts(provenance.translations[language]!)
        }
    }

    /// Text by language tag, sorted by tag.
    mutating func texts(_ table: [String: String]) {
        list(table.keys.sorted()) { writer, key in
            writer.string(key)
            writer.string(table[key]!)
        }
    }

    /// Text by party, sorted by party.
    mutating func partyTexts(_ table: [PartyCode: String]) {
        list(table.keys.sorted()) { writer, party in
            writer.party(party)
            writer.string(table[party]!)
        }
    }
}

extension CacheReader {
    mutating func party() throws -> PartyCode {
        try valid { PartyCode($0) }
    }

    mutating func provenance() throws -> Provenance {
        let source = try optional { try $0.string() }, url = try optional { try $0.string() }, illustrative = try flag()
        let textLanguage = try valid { Language(rawValue: $0) }
        let translations = try Dictionary(try list { (try $0.valid { Language(rawValue: $0) }, try $0.texts()) },
                                          uniquingKeysWith: { _, _ in throw CacheCorrupt() })
        return Provenance(source: source, url: url, illustrative: illustrative, textLanguage: textLanguage, translations: translations)
    }

    mutating func texts() throws -> [String: String] {
        try Dictionary(try list { (try $0.string(), try $0.string()) }, uniquingKeysWith: { _, _ in throw CacheCorrupt() })
    }

    mutating func partyTexts() throws -> [PartyCode: String] {
        try Dictionary(try list { (try $0.party(), try $0.string()) }, uniquingKeysWith: { _, _ in throw CacheCorrupt() })
    }
}
