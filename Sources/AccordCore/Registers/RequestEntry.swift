public import Foundation

/// What `accord request add` and `accord request answer` ask, checked against the tracker
/// before anything is written: the parties must be the tracker's, the dates reached and in
/// order, the reference a file number and not a name, the outcome one the kind allows.
public enum RequestEntry {
    /// A new request, sent by `from` to `to` on `sent` (a day, a month or a year), maybe
    /// already answered. A request of the same kind from the same party with the same
    /// reference is refused (65): it is recorded already.
    public static func add(kind: CooperationRequest.Kind, reference: String, from: PartyCode, to: PartyCode,
                           sent: CalendarDate, answered: CalendarDate? = nil, outcome: CooperationRequest.Outcome? = nil,
                           note: String? = nil, provenance: Provenance = Provenance(), reporter: String? = nil,
                           in snapshot: TrackerSnapshot, today: CalendarDate, now: Date = Date()) throws -> CooperationRequest {
        if let problem = CooperationRequest.referenceProblem(reference) {
            throw AccordError(.usage, problem, field: "--reference")
        }
        let parties = snapshot.settings?.partyCodes ?? []
        for (field, party) in [("--from", from), ("--to", to)] where !parties.contains(party) {
            throw AccordError(.data, L10n.t("{1} is not a party of this tracker ({2})", party, parties.map(\.code).joined(separator: ", ")),
                              field: field)
        }
        guard from != to else { throw AccordError(.usage, L10n.t("a request goes from one party to the other; both are {1}", to), field: "--to") }
        try FactDate.requireReached(sent.firstDay, today: today, what: L10n.t("a request sent"))
        if let same = snapshot.requests.first(where: { $0.kind == kind && $0.from == from && $0.reference == reference }) {
            throw AccordError(.data, L10n.t("{1}'s {2} request {3} is recorded already as {4}; record its answer with accord request answer {4}", from, kind.rawValue, reference, same.id), field: "--reference")
        }
        var id = RecordName.request(sent: sent)
        while snapshot.requests.contains(where: { $0.id == id }) { id = RecordName.request(sent: sent) }
        var request = CooperationRequest(id: id, kind: kind, reference: reference, from: from, to: to, sent: sent,
                                         note: note?.trimmedOrNil, provenance: provenance,
                                         reporter: reporter, recordedAt: RecordingTime(now))
        if let answered {
            request = try answering(request, on: answered, outcome: outcome, note: nil, today: today)
        } else if outcome != nil {
            throw AccordError(.usage, L10n.t("an outcome needs the date the request was answered (--answered)"), field: "--outcome")
        }
        return request
    }

    /// The request `id` (the id, a unique start of it, or the reference) with its answer:
    /// on `answered`, with `outcome`. Refused when it was answered already (65).
    public static func answer(_ id: String, on answered: CalendarDate, outcome: CooperationRequest.Outcome?, note: String?,
                              in snapshot: TrackerSnapshot, today: CalendarDate) throws -> CooperationRequest {
        let request = try find(id, in: snapshot)
        if let earlier = request.answered {
            throw AccordError(.data, L10n.t("it was answered already on {1} ({2})", earlier, request.path), id: request.id.rawValue)
        }
        return try answering(request, on: answered, outcome: outcome, note: note, today: today)
    }

    /// The request named by `text`: its id, a start of an id that only one has, or its reference.
    public static func find(_ text: String, in snapshot: TrackerSnapshot) throws -> CooperationRequest {
        if let exact = snapshot.requests.first(where: { $0.id.rawValue == text }) { return exact }
        let matches = snapshot.requests.filter { $0.id.rawValue.hasPrefix(text) || $0.reference == text }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw AccordError(.notFound, L10n.t("no request with this id or reference (accord status lists the registers)"), id: text)
        default:
            throw AccordError(.usage, L10n.t("more than one request matches: {1}", matches.prefix(5).map(\.id.rawValue).joined(separator: ", ")), id: text)
        }
    }

    private static func answering(_ request: CooperationRequest, on answered: CalendarDate, outcome: CooperationRequest.Outcome?,
                                  note: String?, today: CalendarDate) throws -> CooperationRequest {
        try FactDate.requireReached(answered.firstDay, today: today, what: L10n.t("an answer"))
        if answered.isWhollyBefore(request.sent) {
            throw AccordError(.data, L10n.t("the answer ({1}) is dated before the request was sent ({2})", answered, request.sent),
                              field: "--answered")
        }
        if let outcome, !request.kind.outcomes.contains(outcome) {
            throw AccordError(.usage, L10n.t("{1} requests are answered {2}, not {3}", request.kind.rawValue, request.kind.outcomes.map(\.rawValue).joined(separator: ", "), outcome.rawValue), field: "--outcome")
        }
        var answeredRequest = request
        answeredRequest.answered = answered
        answeredRequest.outcome = outcome
        if let note = note?.trimmedOrNil {
            answeredRequest.note = request.note.map { "\($0) \(note)" } ?? note
        }
        return answeredRequest
    }
}

extension String {
    /// The text without surrounding white space, or nil when nothing is left.
    var trimmedOrNil: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
