public import Foundation

/// What `accord retract`, `accord log --supersedes` and `accord evidence add --supersedes`
/// ask: to take back a status report or a piece of evidence, checked against the tracker.
public struct WithdrawalRequest: Sendable {
    /// The report or evidence to withdraw, as typed (short forms allowed).
    public var record: String
    /// Why.
    public var reason: String
    /// `Name <email>` or a name.
    public var reporter: String?

    /// Creates a request.
    public init(record: String, reason: String, reporter: String? = nil) {
        self.record = record
        self.reason = reason
        self.reporter = reporter
    }

    /// The record it names, checked: a status report or evidence (exit 66 when unknown),
    /// not withdrawn already (65).
    public func resolve(in snapshot: TrackerSnapshot, resolver: IDResolver) throws -> (id: RecordID, kind: IDResolver.Kind) {
        let resolved = try resolver.resolve(record, as: [.report, .evidence])
        guard let id = RecordID(resolved.id) else { throw AccordError(.usage, L10n.t("{1} is not a record id", resolved.id)) }
        if let earlier = snapshot.withdrawal(of: id) {
            if let replacement = earlier.replacedBy {
                throw AccordError(.data, L10n.t("{1} was superseded by {2} on {3} ({4}); withdraw {2} instead", id, replacement, earlier.date, earlier.id))
            }
            throw AccordError(.data, L10n.t("{1} was retracted already on {2} ({3})", id, earlier.date, earlier.id))
        }
        return (id, resolved.kind)
    }

    /// The withdrawal this request makes on `today`, replacing the record with `replacement`
    /// when given (which must be of the same kind, and is written in the same commit).
    public func withdrawal(in snapshot: TrackerSnapshot, resolver: IDResolver, today: CalendarDate, now: Date = Date(),
                           replacement: RecordID? = nil) throws -> Withdrawal {
        let (id, _) = try resolve(in: snapshot, resolver: resolver)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { throw AccordError(.usage, L10n.t("say why the record is withdrawn (--reason)")) }
        var withdrawalID = RecordName.withdrawal(date: today)
        while resolver.isTaken(withdrawalID.rawValue) { withdrawalID = RecordName.withdrawal(date: today) }
        return Withdrawal(id: withdrawalID, withdraws: id, date: today, reason: reason, replacedBy: replacement,
                          reporter: reporter, recordedAt: RecordingTime(now))
    }
}
