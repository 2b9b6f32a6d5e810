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

    /// The view of `progress` on `target`.
    public init(_ progress: PartyProgress, target: TrackedTarget) {
        party = progress.party.code
        status = progress.status.rawValue
        since = progress.latestDate
        overdue = progress.isOverdue
        responsible = target.responsible[progress.party]
        nextDue = progress.nextDue
        evidence = progress.evidence.count
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

    /// The row of `state`.
    public init(_ state: TargetState) {
        id = state.target.id.description
        kind = state.target.kind.rawValue
        summary = state.target.summary
        joint = state.target.isJoint
        due = state.target.schedule?.first ?? state.target.end
        overdue = state.isOverdue
        parties = state.parties.map { PartyStatusView($0, target: state.target) }
        marks = state.marks.ordered
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

    /// The view of `evidence` under `redaction`.
    public init(_ evidence: Evidence, redaction: Redaction) {
        let shown = redaction.apply(evidence)
        id = shown.id.rawValue
        kind = shown.kind.rawValue
        date = shown.date
        party = shown.party?.code
        title = shown.title
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

    /// The view of `report`.
    public init(_ report: StatusReport) {
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
    }
}

/// Colour and words shared by the progress renderers.
enum ProgressStyle {
    /// A status coloured for a terminal: green when settled, red when blocked or overdue.
    static func status(_ status: String, overdue: Bool, style: TerminalStyle) -> String {
        let text = overdue ? "\(status) (overdue)" : status
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
        return style.bold("Note:") + " " + notice.text + "\n\n"
    }

    /// Text cut to `width` characters with an ellipsis.
    static func clip(_ text: String, _ width: Int) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}
