public import Foundation

/// What `accord log` was asked to record, before it is checked against the tracker.
public struct StatusReportRequest: Sendable {
    /// The target as typed: a commitment, plan item or tracked decision (short forms allowed).
    public var target: String
    /// The status.
    public var status: Status
    /// The day the status is true from.
    public var date: CalendarDate
    /// The reporting party; may be left out when the target binds one party.
    /// ``PartyCode/joint`` for a report the parties of a joint commitment make together.
    public var party: PartyCode?
    /// For a joint report, the parties making it (default: every party the target binds).
    public var parties: [PartyCode] = []
    /// `Name <email>` or a name.
    public var reporter: String?
    /// Free text.
    public var note: String?
    /// Evidence ids as typed.
    public var evidence: [String]
    /// Where the report comes from, and whether it was written for illustration.
    public var provenance = Provenance()

    /// Creates a request.
    public init(target: String, status: Status, date: CalendarDate, party: PartyCode? = nil,
                reporter: String? = nil, note: String? = nil, evidence: [String] = []) {
        self.target = target
        self.status = status
        self.date = date
        self.party = party
        self.reporter = reporter
        self.note = note
        self.evidence = evidence
    }

    /// The target it names, checked: an unknown id fails with exit 66 and suggestions, an
    /// ambiguous one with 64, a decision without a due date (not tracked) with 65.
    public func resolveTarget(in snapshot: TrackerSnapshot, resolver: IDResolver) throws -> TrackedTarget {
        let resolved = try resolver.resolve(target, as: [.commitment, .planItem, .decision])
        guard let id = resolved.qualifiedID, let tracked = snapshot.target(id) else {
            throw AccordError(.data, L10n.t("{1} is a decision without a due date, so it is not tracked; record evidence for it instead", resolved.id))
        }
        return tracked
    }

    /// The party reporting: the one given, which the target must bind, else `preferred` (a
    /// user's default) when the target binds it, else the only party it binds. Several
    /// bound parties and none given: exit 64.
    public func resolveParty(for target: TrackedTarget, preferring preferred: PartyCode? = nil) throws(AccordError) -> PartyCode {
        let codes = target.parties.map(\.code)
        let bound = codes.count < 2 ? codes.joined() : L10n.t("{1} and {2}", codes.dropLast().joined(separator: ", "), codes[codes.count - 1])
        if party == .joint {
            guard target.isJoint else {
                throw AccordError(.data, L10n.t("{1} binds {2} separately, not jointly: each party reports for itself (--party {3})", target.id, bound, target.parties.first?.code ?? "VN"))
            }
            return .joint
        }
        if party == nil, let preferred, target.parties.contains(preferred) { return preferred }
        if let party {
            guard target.parties.contains(party) else {
                throw AccordError(.data, L10n.t("{1} does not bind {2} (it binds {3})", target.id, party, bound))
            }
            return party
        }
        guard target.parties.count == 1, let only = target.parties.first else {
            throw AccordError(.usage, L10n.t("{1} binds {2}: say which party reports with --party", target.id, bound))
        }
        return only
    }

    /// The report this request makes, checked against `snapshot`: the target, party and
    /// evidence must exist, the date must not be after `today`, and `not-applicable`
    /// needs a note. `id` names it (see `RecordName.statusReport`).
    /// `now` is when it is recorded: the report gets a later time than any report of the
    /// same party on the same target, so that its place among them is the order of writing.
    public func report(in snapshot: TrackerSnapshot, resolver: IDResolver, today: CalendarDate, now: Date = Date(),
                       id: (CalendarDate, PartyCode) -> RecordID = RecordName.statusReport) throws -> StatusReport {
        let target = try resolveTarget(in: snapshot, resolver: resolver)
        let party = try resolveParty(for: target)
        var parties: [PartyCode] = []
        if party == .joint {
            parties = self.parties.isEmpty ? target.parties : self.parties
            for named in parties where !target.parties.contains(named) {
                throw AccordError(.data, L10n.t("{1} does not bind {2} (it binds {3})", target.id, named, target.parties.map(\.code).joined(separator: " and ")))
            }
            if Set(parties).count < 2 { throw AccordError(.data, L10n.t("a joint report is made by two or more parties (--parties VN KH)")) }
        } else if !self.parties.isEmpty {
            throw AccordError(.usage, L10n.t("--parties names the parties of a joint report (--party joint)"))
        }
        let earlier = snapshot.reports(onTargets: { $0 == target.id }).filter { $0.party == party }.compactMap(\.recordedAt).max()
        let recordedAt = max(RecordingTime(now), earlier?.next ?? RecordingTime(now))
        try FactDate.requireReached(date, today: today, what: L10n.t("a status report"))
        try FactDate.requireExisting(target.id, on: date, in: snapshot, what: L10n.t("a status report"))
        let note = self.note.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if status == .notApplicable, note == nil {
            throw AccordError(.data, L10n.t("a not-applicable status needs a note saying why (--note or --note-file)"))
        }
        let evidence = try self.evidence.map { text in
            RecordID(try resolver.resolve(text, as: [.evidence]).id)!
        }
        var reportID = id(date, party)
        while resolver.isTaken(reportID.rawValue) { reportID = id(date, party) }
        return StatusReport(id: reportID, target: target.id, status: status, date: date, party: party,
                            reporter: reporter, note: note, evidence: evidence, provenance: provenance, parties: parties,
                            recordedAt: recordedAt)
    }
}

extension StatusReport {
    /// The commit message recording it: `tip-2005#7.2: VN implemented`, then the note's
    /// first line.
    public var commitMessage: String {
        let head = "\(target): \(party) \(status.rawValue)"
        guard let line = note?.split(separator: "\n").first else { return head }
        return "\(head)\n\n\(line)"
    }
}
