/// Names of the domain's fixed values for people, in the run's language. Files, JSON and
/// CSV keep the values' codes (`in-progress`); tables and reports show these.
extension Status {
    /// `in progress`, `đang thực hiện`, …
    public var displayName: String {
        switch self {
        case .notStarted: L10n.t("not started")
        case .inProgress: L10n.t("in progress")
        case .partial: L10n.t("partial")
        case .implemented: L10n.t("implemented")
        case .blocked: L10n.t("blocked")
        case .notApplicable: L10n.t("not applicable")
        }
    }
}

extension GapSeverity {
    /// `high`, `cao`, `ខ្ពស់`.
    public var displayName: String {
        switch self {
        case .low: L10n.t("low", context: "severity")
        case .medium: L10n.t("medium", context: "severity")
        case .high: L10n.t("high", context: "severity")
        }
    }
}
