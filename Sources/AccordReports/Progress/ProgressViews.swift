public import AccordCore

/// One party's standing on one target, as reports show it.
public struct PartyStatusView: Codable, Sendable, Hashable {
    public let party: String
    public let status: String
    /// The date of the report the status comes from.
    public let since: CalendarDate?
    public let overdue: Bool
    /// The responsible or lead agency.
    public let responsible: String?
    /// The next due date after the as-of date.
    public let nextDue: CalendarDate?
    /// Evidence counted for this party.
    public let evidence: Int
    /// `illustrative` when the report the status comes from was written for illustration.
    public let marks: [ProvenanceMark]

    /// The view of `progress` on `target`.
    public init(_ progress: PartyProgress, target: TrackedTarget) {
        party = progress.party.code
        status = progress.status.rawValue
        since = progress.latestDate
        overdue = progress.isOverdue
        responsible = target.responsible[progress.party]
        nextDue = progress.nextDue
        evidence = progress.evidence.count
        marks = progress.reports.lastHead?.illustrative == true ? [.illustrative] : []
    }
}

/// A commitment, plan item or decision in a list: what it is and where each party stands.
public struct TargetRow: Codable, Sendable, Hashable {
    public let id: String
    /// `commitment`, `plan-item` or `decision`.
    public let kind: String
    public let summary: String
    public let joint: Bool
    /// The first due date, or a plan item's end.
    public let due: CalendarDate?
    public let overdue: Bool
    public let parties: [PartyStatusView]
    /// `illustrative` when the target or what its status rests on was written for
    /// illustration; `working-summary` when its instrument's text is a working summary.
    public let marks: [ProvenanceMark]
    /// For a joint target, where the parties stand together (their joint reports, which
    /// alone settle it); absent otherwise.
    public let jointly: PartyStatusView?

    /// The row of `state`.
    public init(_ state: TargetState) {
        id = state.target.id.description
        kind = state.target.kind.rawValue
        summary = state.target.readerSummary
        joint = state.target.isJoint
        due = state.target.schedule?.first ?? state.target.end
        overdue = state.isOverdue
        parties = state.parties.map { PartyStatusView($0, target: state.target) }
        marks = state.marks.ordered
        jointly = state.joint.map { PartyStatusView($0, target: state.target) }
    }
}

/// One reporting period of a target with a due date (see `ReportingPeriod`).
public struct PeriodView: Codable, Sendable, Hashable {
    /// The party whose period it is, or `joint`.
    public let party: String
    /// The first day of the window; absent for a first period, open from the start.
    public let opens: CalendarDate?
    public let due: CalendarDate
    /// The report that settled it; absent when none did.
    public let settledBy: String?
    /// That report's date.
    public let settledOn: CalendarDate?
    /// Days the settling report came after the due date; absent when on time or unsettled.
    public let lateDays: Int?
    /// Due before the as-of date and not settled.
    public let overdue: Bool

    /// The periods of `progress`, at `asOf`.
    public static func all(_ progress: PartyProgress, asOf: CalendarDate) -> [PeriodView] {
        progress.periods.map { period in
            PeriodView(party: progress.party.code, opens: period.opens, due: period.due,
                       settledBy: period.settlingReport.map { progress.reports[$0].id.rawValue },
                       settledOn: period.settledOn, lateDays: period.lateDays,
                       overdue: period.isOverdue(on: asOf))
        }
    }
}

/// A piece of evidence as a reader may see it (see `Redaction`).
public struct EvidenceView: Codable, Sendable, Hashable {
    public struct AttachmentView: Codable, Sendable, Hashable {
        public let name: String
        public let path: String
        public let size: Int
    }
    public struct ValueView: Codable, Sendable, Hashable {
        public let indicator: String
        public let scope: String?
        public let period: String?
        public let value: Double
        /// The figure's own source, when it is not the evidence's.
        public let source: String?
        public let url: String?
        public let marks: [ProvenanceMark]
    }

    public let id: String
    public let kind: String
    public let date: CalendarDate
    public let party: String?
    /// `restricted` when redacted.
    public let title: String
    public let sensitivity: String
    /// Whether title, note, source, url, attachment and values were withheld.
    public let redacted: Bool
    public let supports: [String]
    public let source: String?
    public let url: String?
    public let note: String?
    public let attachment: AttachmentView?
    public let values: [ValueView]
    /// `illustrative` when the evidence, or a figure of it, was written for illustration.
    public let marks: [ProvenanceMark]
    /// How it was withdrawn, when it was: it then counts for nothing.
    public let withdrawn: WithdrawnView?

    /// The view of `evidence` under `redaction`, withdrawn by `withdrawal` when given.
    public init(_ evidence: Evidence, redaction: Redaction, withdrawal: Withdrawal? = nil) {
        let shown = redaction.apply(evidence)
        id = shown.id.rawValue
        kind = shown.kind.rawValue
        date = shown.date
        party = shown.party?.code
        title = redaction.hides(evidence) ? shown.title : evidence.provenance.forReader("title", shown.title)
        sensitivity = shown.sensitivity.rawValue
        redacted = redaction.hides(evidence)
        supports = shown.supports.map(\.description)
        source = shown.source
        url = shown.url
        note = shown.note
        attachment = shown.attachment.map { AttachmentView(name: $0.name, path: $0.path, size: $0.size) }
        values = shown.values.map { value in
            ValueView(indicator: value.indicator, scope: value.scope, period: value.period, value: value.value,
                      source: value.provenance.source, url: value.provenance.url,
                      marks: value.provenance.illustrative ? [.illustrative] : [])
        }
        marks = ProvenanceIndex.marks(of: evidence).ordered
        withdrawn = withdrawal.map(WithdrawnView.init)
    }
}

/// A status report as reports show it.
public struct StatusReportView: Codable, Sendable, Hashable {
    public let id: String
    public let target: String
    public let party: String
    public let status: String
    public let date: CalendarDate
    public let reporter: String?
    public let note: String?
    public let evidence: [String]
    /// Where the report comes from.
    public let source: String?
    /// `illustrative` when the report was written for illustration.
    public let marks: [ProvenanceMark]
    /// The parties who made a joint report (party `joint`); empty otherwise.
    public let parties: [String]
    /// When accord wrote it (UTC); absent for reports written before it did.
    public let recordedAt: String?
    /// How it was withdrawn, when it was: it then counts for nothing.
    public let withdrawn: WithdrawnView?

    /// The view of `report`, withdrawn by `withdrawal` when given.
    public init(_ report: StatusReport, withdrawal: Withdrawal? = nil) {
        id = report.id.rawValue
        target = report.target.description
        party = report.party.code
        status = report.status.rawValue
        date = report.date
        reporter = report.reporter
        note = report.note
        evidence = report.evidence.map(\.rawValue)
        source = report.provenance.source
        marks = ProvenanceIndex.marks(of: report).ordered
        parties = report.parties.map(\.code)
        recordedAt = report.recordedAt?.text
        withdrawn = withdrawal.map(WithdrawnView.init)
    }
}

/// The withdrawal of a status report or a piece of evidence (see `Withdrawal`).
public struct WithdrawnView: Codable, Sendable, Hashable {
    /// `retracted` or `superseded`.
    public let kind: String
    /// The withdrawal's id.
    public let by: String
    public let date: CalendarDate
    public let reason: String
    /// The record replacing it; absent when retracted.
    public let replacedBy: String?

    /// The view of `withdrawal`.
    public init(_ withdrawal: Withdrawal) {
        kind = withdrawal.kind
        by = withdrawal.id.rawValue
        date = withdrawal.date
        reason = withdrawal.reason
        replacedBy = withdrawal.replacedBy?.rawValue
    }

    /// `retracted` or `superseded` for people, in the run's language.
    public var displayKind: String {
        kind == "superseded" ? L10n.t("superseded", context: "withdrawal") : kind == "retracted" ? L10n.t("retracted", context: "withdrawal") : kind
    }

    /// `retracted on 2026-12-05 (wd-…): reason` or `superseded by sr-… on …`.
    public var sentence: String {
        replacedBy.map { L10n.t("superseded by {1} on {2} ({3}): {4}", $0, date, by, reason) }
            ?? L10n.t("retracted on {1} ({2}): {3}", date, by, reason)
    }
}

/// Colour and words shared by the progress renderers.
enum ProgressStyle {
    /// A status coloured for a terminal: green when settled, red when blocked or overdue.
    static func status(_ status: String, overdue: Bool, style: TerminalStyle) -> String {
        let text = overdue ? L10n.t("{1} (overdue)", status) : status
        if overdue || status == Status.blocked.rawValue { return style.red(text) }
        if status == Status.implemented.rawValue || status == Status.notApplicable.rawValue { return style.green(text) }
        if status == Status.notStarted.rawValue { return style.dim(text) }
        return style.yellow(text)
    }

    /// `VN implemented · KH in-progress (overdue)`.
    static func parties(_ parties: [PartyStatusView], style: TerminalStyle) -> String {
        parties.map { "\($0.party) \(status($0.status, overdue: $0.overdue, style: style))" }.joined(separator: " · ")
    }

    /// `[illustrative] text`: the marks before a value, so clipping never cuts them off.
    static func marked(_ text: String, _ marks: [ProvenanceMark]) -> String {
        marks.isEmpty ? text : ProvenanceNotice.tags(marks) + " " + text
    }

    /// The banner of a terminal view, followed by a blank line; empty without a notice.
    static func banner(_ notice: ProvenanceNotice?, style: TerminalStyle) -> String {
        guard let notice else { return "" }
        return style.bold(L10n.t("Note:")) + " " + notice.text + "\n\n"
    }

    /// Text cut to `width` terminal cells (its first line) with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        guard DisplayWidth.of(line) > width else { return line }
        // The tag of an untranslated text (`… [en]`) is kept: it is what tells the reader.
        if let tag = Language.allCases.map({ " [\($0.tag)]" }).first(where: line.hasSuffix) {
            return prefix(String(line.dropLast(tag.count)), width: width - tag.count - 1) + "…" + tag
        }
        return prefix(line, width: width - 1) + "…"
    }

    /// `text` broken into lines of at most `width` terminal cells, each of its lines on its
    /// own, as a table's wrapping cell is (``TextTable/wrap(_:width:)``: at spaces, and a
    /// word wider than the line at its word boundaries): prose under a table that fits the
    /// terminal.
    static func wrap(_ text: String, _ width: Int = 80) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TextTable.wrap(String($0), width: width).joined(separator: "\n") }
            .joined(separator: "\n")
    }

    /// The longest start of `text` that takes at most `width` terminal cells.
    static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(String(character))
            guard used + cells <= width else { break }
            result.append(character)
            used += cells
        }
        return result
    }
}
