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

extension IDResolver.Kind {
    /// What an id names, for people: `commitment`, `cam kết`, `ការប្តេជ្ញា`.
    public var displayName: String {
        switch self {
        case .instrument: L10n.t("instrument", context: "kind")
        case .plan: L10n.t("plan", context: "kind")
        case .article: L10n.t("article", context: "kind")
        case .clause: L10n.t("clause", context: "kind")
        case .commitment: L10n.t("commitment", context: "kind")
        case .planArea: L10n.t("plan area", context: "kind")
        case .planItem: L10n.t("plan item", context: "kind")
        case .meeting: L10n.t("meeting", context: "kind")
        case .decision: L10n.t("decision", context: "kind")
        case .evidence: L10n.t("evidence", context: "kind")
        case .report: L10n.t("status report", context: "kind")
        }
    }
}

extension SearchHit.Kind {
    /// What sort of record a search hit is in, for people, named as ids are named
    /// (``IDResolver/Kind/displayName``): `status report`, `báo cáo tình trạng`.
    public var displayName: String {
        let named: IDResolver.Kind? = switch self {
        case .instrument: .instrument
        case .commitment: .commitment
        case .plan: .plan
        case .item: .planItem
        case .meeting: .meeting
        case .decision: .decision
        case .report: .report
        case .evidence: .evidence
        case .text: nil
        }
        return named?.displayName ?? L10n.t("text", context: "kind")
    }
}

extension Instrument.Kind {
    /// `agreement`, `hiệp định`, `កិច្ចព្រមព្រៀង`.
    public var displayName: String {
        switch self {
        case .agreement: L10n.t("agreement", context: "instrument")
        case .treaty: L10n.t("treaty", context: "instrument")
        case .memorandum: L10n.t("memorandum", context: "instrument")
        case .procedure: L10n.t("procedure", context: "instrument")
        case .plan: L10n.t("plan", context: "instrument")
        case .other: L10n.t("other", context: "instrument")
        }
    }
}

extension Instrument.Standing {
    /// `in force`, `có hiệu lực`, `ចូលជាធរមាន`.
    public var displayName: String {
        switch self {
        case .inForce: L10n.t("in force", context: "standing")
        case .notYetInForce: L10n.t("not yet in force", context: "standing")
        case .superseded: L10n.t("superseded", context: "standing")
        case .expired: L10n.t("expired", context: "standing")
        case .terminated: L10n.t("terminated", context: "standing")
        }
    }
}

extension Evidence.Kind {
    /// `minutes`, `biên bản`, `កំណត់ហេតុ`.
    public var displayName: String {
        switch self {
        case .minutes: L10n.t("minutes", context: "evidence")
        case .statistics: L10n.t("statistics", context: "evidence")
        case .legalAct: L10n.t("legal act", context: "evidence")
        case .trainingRecord: L10n.t("training record", context: "evidence")
        case .report: L10n.t("report", context: "evidence")
        case .media: L10n.t("media", context: "evidence")
        case .correspondence: L10n.t("correspondence", context: "evidence")
        case .other: L10n.t("other", context: "evidence")
        }
    }
}

extension Evidence.Sensitivity {
    /// `public`, `công khai`, `សាធារណៈ`.
    public var displayName: String {
        switch self {
        case .public: L10n.t("public", context: "sensitivity")
        case .restricted: L10n.t("restricted", context: "sensitivity")
        }
    }
}

extension ReviewSchedule.Standing {
    /// `held`, `đã tổ chức`, `បានធ្វើ`.
    public var displayName: String {
        switch self {
        case .held: L10n.t("held", context: "review")
        case .missed: L10n.t("missed", context: "review")
        case .due: L10n.t("due", context: "review")
        case .upcoming: L10n.t("upcoming", context: "review")
        }
    }
}
