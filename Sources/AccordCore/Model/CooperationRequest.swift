/// One entry of the registers a cooperation study keeps: a request one party sent the other
/// (to verify a victim's identity or nationality, to take over a case, to extradite a
/// suspect or to give legal assistance), when it was sent, and when and how it was answered.
/// Stored as `Requests/<yyyy>/<id>.yaml`, filed under the year it was sent.
///
/// A request names people only by a pseudonymous reference (the file number the sending
/// authority gave it): a register is read at meetings and printed, and the persons it is
/// about are victims and suspects.
public struct CooperationRequest: Sendable, Hashable, Codable {
    /// What is asked.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// To verify a presumed victim's identity or nationality before return.
        case verification
        /// To take over the investigation or prosecution of a case.
        case caseTransfer = "case-transfer"
        /// To extradite a suspect or convicted person.
        case extradition
        /// Mutual legal assistance in a criminal matter (evidence, testimony, documents).
        case legalAssistance = "legal-assistance"

        /// The kind's name in the run's language.
        public var label: String {
            switch self {
            case .verification: L10n.t("verification")
            case .caseTransfer: L10n.t("case transfer")
            case .extradition: L10n.t("extradition")
            case .legalAssistance: L10n.t("legal assistance")
            }
        }

        /// The outcomes an answer to this kind of request can have.
        public var outcomes: [Outcome] {
            self == .verification ? [.confirmed, .notConfirmed] : [.accepted, .partlyAccepted, .refused]
        }
    }

    /// How a request was answered.
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        /// Identity or nationality confirmed.
        case confirmed
        /// Identity or nationality could not be confirmed.
        case notConfirmed = "not-confirmed"
        /// The case, extradition or assistance was accepted or given.
        case accepted
        /// Given in part.
        case partlyAccepted = "partly-accepted"
        /// Refused.
        case refused

        /// The outcome's name in the run's language.
        public var label: String {
            switch self {
            case .confirmed: L10n.t("confirmed")
            case .notConfirmed: L10n.t("not confirmed")
            case .accepted: L10n.t("accepted")
            case .partlyAccepted: L10n.t("partly accepted")
            case .refused: L10n.t("refused")
            }
        }
    }

    /// The id, equal to the file name: `rq-<sent>-<5 random>`.
    public var id: RecordID
    /// What is asked.
    public var kind: Kind
    /// The sending authority's file number: a pseudonymous reference, never a name.
    public var reference: String
    /// The party that sent the request.
    public var from: PartyCode
    /// The party asked, whose answer is awaited.
    public var to: PartyCode
    /// When it was sent; a month or a year where the source gives no day.
    public var sent: CalendarDate
    /// When it was answered; nil while it is open.
    public var answered: CalendarDate?
    /// How it was answered.
    public var outcome: Outcome?
    /// A sentence on the request or its answer; no names.
    public var note: String?
    /// Where the record comes from; illustrative records state no real request.
    public var provenance: Provenance
    /// Who recorded it, as `Name <email>`.
    public var reporter: String?
    /// When accord wrote it.
    public var recordedAt: RecordingTime?

    /// Creates a request.
    public init(id: RecordID, kind: Kind, reference: String, from: PartyCode, to: PartyCode, sent: CalendarDate,
                answered: CalendarDate? = nil, outcome: Outcome? = nil, note: String? = nil,
                provenance: Provenance = Provenance(), reporter: String? = nil, recordedAt: RecordingTime? = nil) {
        self.id = id
        self.kind = kind
        self.reference = reference
        self.from = from
        self.to = to
        self.sent = sent
        self.answered = answered
        self.outcome = outcome
        self.note = note
        self.provenance = provenance
        self.reporter = reporter
        self.recordedAt = recordedAt
    }

    /// The path of its file in the tracker: under the year it was sent.
    public var path: String { "Requests/\(sent.year)/\(id).yaml" }

    /// The days it took to answer, as the fewest and the most the dates allow: equal when
    /// both dates are days; a month or a year widens the range. Nil while open.
    public var daysToAnswer: ClosedRange<Int>? {
        guard let answered else { return nil }
        return Self.days(from: sent, to: answered)
    }

    /// The days it has waited on `date` without an answer (same reading of partial dates as
    /// ``daysToAnswer``); nil when it was answered by then or not yet sent.
    public func daysOpen(on date: CalendarDate) -> ClosedRange<Int>? {
        guard sent.firstDay <= date, answered.map({ $0.firstDay > date }) ?? true else { return nil }
        return Self.days(from: sent, to: date)
    }

    /// The fewest and the most days between two dates that may be partial, never below zero.
    static func days(from start: CalendarDate, to end: CalendarDate) -> ClosedRange<Int> {
        let fewest = max(0, start.lastDay.days(until: end.firstDay))
        let most = max(fewest, start.firstDay.days(until: end.lastDay))
        return fewest...most
    }

    /// The marks a reader must see beside it.
    public var marks: Set<ProvenanceMark> { provenance.illustrative ? [.illustrative] : [] }

    /// The commit message recording it: kind, parties and reference, which is pseudonymous.
    public var commitMessage: String {
        answered.map { "\(id): \(kind.rawValue) request \(from) to \(to) answered \($0)" }
            ?? "\(id): \(kind.rawValue) request \(from) to \(to), sent \(sent)"
    }
}
