/// Where a commitment, plan item or decision stands for one party, as a status report says.
public enum Status: String, Sendable, Hashable, CaseIterable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case partial
    case implemented
    case blocked
    case notApplicable = "not-applicable"

    /// Whether nothing more is owed: implemented, or declared not applicable.
    public var isSettled: Bool { self == .implemented || self == .notApplicable }
}
