/// A kind of gap between what was committed and what the records show. Each rule has a
/// fixed severity, so a script can gate on `--fail-on` and a reader can sort by it.
///
/// The table in docs/commands/gaps.md lists the rules with what closes each gap.
public enum GapRule: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A commitment, plan item or decision with no evidence at all for a party.
    case noEvidence = "no-evidence"
    /// A due date or a plan item's end passed and the party has not settled it.
    case overdue
    /// Work in progress with no report or evidence for longer than the stale threshold.
    case stale
    /// No responsible (or lead) agency named for a party.
    case noOwner = "no-owner"
    /// A commitment of an agreement that no plan item carries out.
    case uncovered
    /// A joint commitment with reports or evidence from one party only.
    case oneSided = "one-sided"
    /// The clause changed after the latest evidence about it.
    case amendedSinceEvidence = "amended-since-evidence"
    /// A scheduled review passed (beyond the tolerance) without a meeting holding it.
    case reviewOverdue = "review-overdue"
    /// One language version of a text was revised and another was not.
    case languagesOutOfStep = "languages-out-of-step"
    /// A meeting's decision with no due date: nobody can say when it is late.
    case noDueDate = "no-due-date"

    /// How serious a gap of this rule is.
    public var severity: GapSeverity {
        switch self {
        case .overdue, .reviewOverdue: .high
        case .stale, .noOwner, .oneSided, .amendedSinceEvidence: .medium
        case .noEvidence, .uncovered, .languagesOutOfStep, .noDueDate: .low
        }
    }

    /// A short heading for reports, in the run's language: `Overdue`, `No owner`.
    public var title: String {
        switch self {
        case .noEvidence: L10n.t("No evidence")
        case .overdue: L10n.t("Overdue")
        case .stale: L10n.t("Stale")
        case .noOwner: L10n.t("No owner")
        case .uncovered: L10n.t("Not covered by a plan")
        case .oneSided: L10n.t("One-sided")
        case .amendedSinceEvidence: L10n.t("Amended since evidence")
        case .reviewOverdue: L10n.t("Review overdue")
        case .languagesOutOfStep: L10n.t("Languages out of step")
        case .noDueDate: L10n.t("No due date")
        }
    }

    /// Rules in the order reports list them: most serious first, then as declared.
    public static func < (lhs: GapRule, rhs: GapRule) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How serious a gap is: `high` needs the next meeting's attention, `low` is housekeeping.
public enum GapSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case low, medium, high

    public static func < (lhs: GapSeverity, rhs: GapSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
