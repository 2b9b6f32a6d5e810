public import Foundation

/// What `accord evidence add` was asked to record, before it is checked.
public struct EvidenceRequest: Sendable {
    public var title: String
    public var kind: Evidence.Kind
    public var date: CalendarDate
    public var party: PartyCode?
    public var source: String?
    public var url: String?
    public var sensitivity: Evidence.Sensitivity
    /// Ids as typed: commitments, plan items or decisions.
    public var supports: [String]
    /// `indicator=value` pairs as typed.
    public var values: [String]
    /// Where the values were counted and the period they cover; they apply to every value.
    public var scope: String?
    public var period: String?
    public var note: String?
    /// True when the evidence was written for illustration and states no real fact.
    public var illustrative = false

    /// Creates a request.
    public init(title: String, kind: Evidence.Kind, date: CalendarDate, party: PartyCode? = nil,
                source: String? = nil, url: String? = nil, sensitivity: Evidence.Sensitivity = .public,
                supports: [String] = [], values: [String] = [], scope: String? = nil, period: String? = nil,
                note: String? = nil) {
        self.title = title
        self.kind = kind
        self.date = date
        self.party = party
        self.source = source
        self.url = url
        self.sensitivity = sensitivity
        self.supports = supports
        self.values = values
        self.scope = scope
        self.period = period
        self.note = note
    }

    /// The evidence this request makes, checked against `snapshot`: supported ids must
    /// exist (66), values must read `indicator=number` (64), the party must be one of the
    /// tracker's and the date not after `today` (65). Indicators and scopes are checked
    /// with the rest of the record by the tracker's validation.
    public func evidence(in snapshot: TrackerSnapshot, resolver: IDResolver, today: CalendarDate,
                         attachment: Evidence.Attachment?,
                         id: (CalendarDate, String) -> RecordID = RecordName.evidence) throws -> Evidence {
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AccordError(.usage, L10n.t("the title is empty: say what the evidence is with --title")) }
        try FactDate.requireReached(date, today: today, what: L10n.t("evidence"))
        if let party, let parties = snapshot.settings?.partyCodes, !parties.contains(party) {
            throw AccordError(.data, L10n.t("{1} is not a party of this tracker ({2})", party, parties.map(\.code).joined(separator: ", ")))
        }
        let supports = try self.supports.map { text -> QualifiedID in
            let resolved = try resolver.resolve(text, as: [.commitment, .planItem, .decision])
            return resolved.qualifiedID!
        }
        for target in supports { try FactDate.requireExisting(target, on: date, in: snapshot, what: L10n.t("evidence")) }
        let values = try self.values.map { text -> Evidence.Value in
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let number = Double(parts[1]), number.isFinite else {
                throw AccordError(.usage, L10n.t("--value {1} should read INDICATOR=NUMBER, e.g. victims=77", text))
            }
            guard abs(number) <= YAMLValue.largestNumber else {
                throw AccordError(.usage, L10n.t("--value {1}: the number is too large (at most 1000000000000000 either way)", text))
            }
            return Evidence.Value(indicator: parts[0], scope: scope, period: period, value: number)
        }
        // A restricted title must not show in the id, which every copy and output carries.
        let named = sensitivity == .restricted ? "" : title
        var evidenceID = id(date, named)
        while resolver.isTaken(evidenceID.rawValue) { evidenceID = id(date, named) }
        func text(_ value: String?) -> String? {
            value.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var evidence = Evidence(id: evidenceID, kind: kind, title: title, date: date, recorded: today > date ? today : nil,
                                party: party, source: text(source), url: text(url), sensitivity: sensitivity,
                                supports: supports, attachment: attachment, values: values, note: text(note))
        evidence.provenance.illustrative = illustrative
        return evidence
    }
}

extension Evidence {
    /// The commit message recording it: `evidence ev-…: <title>`, with what it supports;
    /// for restricted evidence `evidence ev-… (restricted)`: messages are never encrypted.
    public var commitMessage: String {
        let head = sensitivity == .restricted ? "evidence \(id) (restricted)" : "evidence \(id): \(title)"
        guard !supports.isEmpty else { return head }
        return "\(head)\n\nSupports \(supports.map(\.description).joined(separator: ", "))."
    }
}

extension Evidence {
    /// This restricted evidence as stored: the whole record encrypted for `recipients`
    /// (``sealed``), and in clear only what anyone may see. `attachment`, the sealed bytes
    /// of the attached file, is what the record's attachment names.
    public func sealing(for recipients: [String]) throws -> Evidence {
        let inner = try AgeEnvelope.seal(Data(yamlText().utf8), for: recipients, armored: true)
        return Evidence(id: id, kind: kind, title: Redaction.placeholder, date: date, recorded: recorded, party: party,
                        sensitivity: .restricted, supports: supports, sealed: String(decoding: inner, as: UTF8.self))
    }

    /// The record a sealed one holds, read with the age identity file `identity`; nil when
    /// the identity is not a recipient; throws when the record inside is not this one.
    public func unsealed(identity: URL) throws -> Evidence? {
        guard let sealed else { return self }
        guard let text = try AgeEnvelope.open(Data(sealed.utf8), identity: identity) else { return nil }
        guard var inner = Evidence.parse(text, file: path).value, inner.id == id else {
            throw AccordError(.data, L10n.t("{1}: the sealed record does not read as evidence {2}", path, id))
        }
        // What everyone sees stays as the outer record has it: the copies must agree on it.
        inner.kind = kind
        inner.date = date
        inner.party = party
        inner.supports = supports
        inner.sealed = sealed
        return inner
    }
}
