public import AccordCore

/// What `accord validate` found: which files it read, what they hold and every problem.
public struct ValidationReport: Sendable, Encodable {
    /// What was read: `working-tree` (a working copy's files as they are on disk),
    /// `revision` (a commit's files) or `folder` (a folder given by path).
    public let checked: String
    /// The commit read, for `revision`.
    public let revision: String?
    /// Whether no problem was found.
    public let valid: Bool
    /// How many records of each kind were read.
    public let counts: Counts
    /// Every problem, sorted by file and line.
    public let problems: [Diagnostic]

    /// How many records of each kind a tracker holds.
    public struct Counts: Sendable, Encodable {
        public let instruments, commitments, plans, planItems, meetings, evidence, statusReports: Int
    }

    /// The report on `snapshot`, read from the place `checked` names, with `more` problems
    /// found outside the records (the shape of the git tree: ``TreeShape``).
    public init(_ snapshot: TrackerSnapshot, checked: String, revision: String? = nil, more: [Diagnostic] = []) {
        self.checked = checked
        self.revision = revision
        valid = snapshot.diagnostics.isEmpty && more.isEmpty
        problems = more.isEmpty ? snapshot.diagnostics : (snapshot.diagnostics + more).sorted()
        counts = Counts(
            instruments: snapshot.instruments.count,
            commitments: snapshot.instruments.map(\.commitments.count).reduce(0, +),
            plans: snapshot.plans.count,
            planItems: snapshot.plans.map(\.items.count).reduce(0, +),
            meetings: snapshot.meetings.count,
            evidence: snapshot.evidenceCount,
            statusReports: snapshot.reportCount)
    }

    /// What was read, in words: `the working tree`, `revision 1a2b3c4`, `the folder`.
    public var source: String {
        switch checked {
        case "working-tree": L10n.t("the working tree, committed or not")
        case "revision": L10n.t("revision {1}", revision.map { String($0.prefix(7)) } ?? "?")
        default: L10n.t("the folder")
        }
    }

    /// `valid: 3 instruments, 34 plan items, … (the working tree)`.
    public var summaryLine: String {
        let parts = [
            counts.instruments == 1 ? L10n.t("1 instrument") : L10n.t("{1} instruments", counts.instruments),
            counts.commitments == 1 ? L10n.t("1 commitment") : L10n.t("{1} commitments", counts.commitments),
            counts.plans == 1 ? L10n.t("1 plan") : L10n.t("{1} plans", counts.plans),
            counts.planItems == 1 ? L10n.t("1 plan item") : L10n.t("{1} plan items", counts.planItems),
            counts.meetings == 1 ? L10n.t("1 meeting") : L10n.t("{1} meetings", counts.meetings),
            counts.evidence == 1 ? L10n.t("1 piece of evidence") : L10n.t("{1} pieces of evidence", counts.evidence),
            counts.statusReports == 1 ? L10n.t("1 status report") : L10n.t("{1} status reports", counts.statusReports),
        ]
        return L10n.t("valid: {1} (checked {2})", parts.joined(separator: ", "), source)
    }
}
