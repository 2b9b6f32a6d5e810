/// Everything a review meeting's summary shows, built once from the tracker; the Markdown
/// and HTML renderers in AccordReports are pure functions of it.
///
/// Sections: the header (meeting, dates, venue, parties); what changed since the previous
/// meeting (status changes, new evidence, text revisions with their redlines); progress by
/// area and party; gaps by rule; what falls due before the next review; indicator
/// statistics; a draft agenda from overdue and one-sided items.
public struct ReviewSummary: Sendable, Hashable, Codable {
    /// The meeting the summary is for, as the header shows it.
    public struct MeetingInfo: Sendable, Hashable, Codable {
        public let id: RecordID
        public let title: String
        public let date: CalendarDate
        public let endDate: CalendarDate?
        public let venue: String?
        public let host: PartyCode?
        public let reviews: [String]
        public let attendees: [String]
        /// The meeting's decisions, as `id: text (due date)`.
        public let decisions: [String]
        /// `illustrative` when the meeting's record was written for illustration.
        public var marks: [ProvenanceMark] = []
        /// The body whose meeting it is (the series).
        public var body: String?
        public var coChairs: [String] = []
        /// Each party's delegation, in party order.
        public var delegations: [Delegation] = []
        public var agenda: [String] = []
        public var minutesSignedBy: [String] = []
    }

    /// One party's delegation to a meeting.
    public struct Delegation: Sendable, Hashable, Codable {
        public let party: PartyCode
        public let members: [String]
    }

    /// A status report in the period, with the party's own note.
    public struct ReportEntry: Sendable, Hashable, Codable {
        public let date: CalendarDate
        public let target: QualifiedID
        public let summary: String
        public let party: PartyCode
        /// The party's status on the target before this report (not started when none).
        public let from: Status
        public let status: Status
        /// What the party reported, in its words.
        public let note: String?
        public let report: RecordID
        /// Evidence the report cites.
        public let evidence: [RecordID]
        public var marks: [ProvenanceMark] = []
    }

    /// What one party did in the period: every report and piece of evidence it filed, and
    /// how many of the targets binding it it has never reported on ("not reported", which
    /// is not the same as a report saying "not started"). Records the parties filed
    /// together are under ``PartyCode/joint``.
    public struct Side: Sendable, Hashable, Codable {
        public let party: PartyCode
        public let reports: [ReportEntry]
        public let evidence: [EvidenceEntry]
        /// Targets binding the party (at the as-of date) on which it never reported.
        public let notReported: Int
        /// Targets binding the party.
        public let bound: Int
    }

    /// A target binding several parties on which each of them reported: their statuses side
    /// by side, and the status they agree on (the joint report's, or the one both give).
    public struct JointStanding: Sendable, Hashable, Codable {
        public struct Given: Sendable, Hashable, Codable {
            public let party: PartyCode
            public let status: Status
            public let date: CalendarDate
        }
        public let target: QualifiedID
        public let summary: String
        public let statuses: [Given]
        /// The jointly agreed status, nil where the parties' reports differ.
        public let agreed: Status?
        public var marks: [ProvenanceMark] = []
    }

    /// How much of the gap list a summary prints.
    public enum GapDetail: String, Sendable, Hashable, Codable, CaseIterable {
        /// The most serious and oldest gaps, up to a cap, with the rest counted.
        case top
        /// Every gap, in an annex at the end.
        case all
    }

    /// A party with its name.
    public struct Party: Sendable, Hashable, Codable {
        public let code: PartyCode
        public let name: String
    }

    /// A status report that changed a party's status on a target.
    public struct StatusChange: Sendable, Hashable, Codable {
        public let date: CalendarDate
        public let target: QualifiedID
        public let summary: String
        public let party: PartyCode
        public let from: Status
        public let to: Status
        public let report: RecordID
        /// The marks of the report and of its target.
        public var marks: [ProvenanceMark] = []
    }

    /// A piece of evidence dated in the period. Restricted evidence appears only when asked for.
    public struct EvidenceEntry: Sendable, Hashable, Codable {
        public let id: RecordID
        public let date: CalendarDate
        public let kind: String
        public let title: String
        public let party: PartyCode?
        public let supports: [QualifiedID]
        /// `illustrative` when the evidence was written for illustration.
        public var marks: [ProvenanceMark] = []
        /// The evidence's note: what it shows, in the filer's words.
        public var note: String?
    }

    /// A revision of one language of an instrument's text in the period.
    public struct TextChange: Sendable, Hashable, Codable {
        public let instrument: InstrumentID
        public let language: String
        public let date: CalendarDate
        /// The tag or short commit id.
        public let revision: String
        /// The commit's first line.
        public let summary: String
        /// The redline against the previous version.
        public let diff: InstrumentDiff

        /// Creates a text change.
        public init(instrument: InstrumentID, language: String, date: CalendarDate, revision: String,
                    summary: String, diff: InstrumentDiff) {
            self.instrument = instrument
            self.language = language
            self.date = date
            self.revision = revision
            self.summary = summary
            self.diff = diff
        }
    }

    /// How one party stands on the targets of one area: counts per status.
    public struct PartyTally: Sendable, Hashable, Codable {
        public let party: PartyCode
        /// Targets per status; statuses with none are left out.
        public let statuses: [Status: Int]
        /// Targets this party is bound by.
        public let total: Int
        /// Targets it never reported on: counted here, not as not started.
        public var notReported = 0
        /// Implemented or not applicable.
        public var settled: Int { (statuses[.implemented] ?? 0) + (statuses[.notApplicable] ?? 0) }

        enum CodingKeys: String, CodingKey { case party, statuses, total, notReported = "not-reported" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(party, forKey: .party)
            try container.encode(total, forKey: .total)
            try container.encode(notReported, forKey: .notReported)
            try container.encode(Dictionary(uniqueKeysWithValues: statuses.map { ($0.key.rawValue, $0.value) }), forKey: .statuses)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            party = try container.decode(PartyCode.self, forKey: .party)
            total = try container.decode(Int.self, forKey: .total)
            notReported = try container.decodeIfPresent(Int.self, forKey: .notReported) ?? 0
            let raw = try container.decode([String: Int].self, forKey: .statuses)
            statuses = Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in Status(rawValue: key).map { ($0, value) } })
        }

        init(party: PartyCode, statuses: [Status: Int], total: Int, notReported: Int = 0) {
            self.party = party
            self.statuses = statuses
            self.total = total
            self.notReported = notReported
        }
    }

    /// An area of a plan, or the commitment register of an instrument, with each party's tally.
    public struct AreaProgress: Sendable, Hashable, Codable {
        /// `plan-2017-2020#3` for a plan area, `tip-2005` for an instrument's commitments.
        public let id: String
        public let title: String
        public let parties: [PartyTally]
        /// The marks of the instrument or plan and of the targets counted.
        public var marks: [ProvenanceMark] = []
    }

    /// One value of an indicator series.
    public struct IndicatorPoint: Sendable, Hashable, Codable {
        /// The period as written (`2015`, `2012-2017`).
        public let period: String
        public let value: Double
        /// The evidence the value comes from (the latest when several give one).
        public let evidence: RecordID
        /// The party whose evidence gives the value, when it names one.
        public var party: PartyCode?
        /// Other values given for the same period by other evidence, when sources disagree.
        public let otherValues: [Double]
        /// Every figure given for the period, each with its source: a figure two sources
        /// give differently is shown with both.
        public var attributions: [Attribution] = []
        /// `illustrative` when a figure shown was written for illustration.
        public var marks: [ProvenanceMark] = []
        /// Each figure of the period split by sex, age group or form of exploitation, with its source.
        public var breakdowns: [BreakdownFigure] = []
    }

    /// A figure of a period split by one characteristic, as one source gives it, and
    /// whether its parts add up to it.
    public struct BreakdownFigure: Sendable, Hashable, Codable {
        /// What it is split by.
        public let dimension: Evidence.Breakdown.Dimension
        /// The parts, as written.
        public let parts: [Evidence.Breakdown.Part]
        /// The figure the parts split.
        public let value: Double
        /// The sum of the parts.
        public let sum: Double
        /// The figure's own source, else its evidence's.
        public let source: String?
        public let evidence: RecordID
        /// The party whose evidence gives it.
        public var party: PartyCode?
        /// Whether the parts add up to the figure.
        public var agrees: Bool { sum == value }
    }

    /// One figure for a period and where it comes from.
    public struct Attribution: Sendable, Hashable, Codable {
        public let value: Double
        /// The figure's own source, else its evidence's.
        public let source: String?
        public let evidence: RecordID
        /// The party whose evidence gives the figure, when the evidence names one.
        public var party: PartyCode?
    }

    /// The values of one indicator in one scope, by period.
    public struct IndicatorSeries: Sendable, Hashable, Codable {
        public let indicator: String
        public let title: String
        public let unit: String?
        public let scope: String?
        public let scopeTitle: String?
        public let points: [IndicatorPoint]
        /// Each total a source reports for a span of years, next to the sum of the yearly figures.
        public var totals: [TotalCheck] = []
        /// What the indicator counts (accord.yaml's `definition`), when given.
        public var definition: String?
    }

    /// A total reported for a span of years (a value whose period is `2015-2019`) and the sum
    /// of the yearly values recorded for those years: a source's printed total is kept as
    /// given, and a disagreement is a warning for the meeting, not a correction.
    public struct TotalCheck: Sendable, Hashable, Codable {
        /// The period as written (`2015-2019`).
        public let period: String
        public let reported: Double
        /// The sum of the yearly values (each year's value as the table shows it).
        public let computed: Double
        /// Years of the span with no value recorded: then the sum is partial.
        public let missingYears: [String]
        /// Whether the sum is complete and equals the reported total.
        public var agrees: Bool { missingYears.isEmpty && computed == reported }
    }

    /// A plan item's indicator with its target, and what the evidence records for it.
    public struct PlanTarget: Sendable, Hashable, Codable {
        /// The plan item (`plan-2017-2020#1.2`).
        public let item: QualifiedID
        public let indicator: String
        public let title: String
        public let unit: String?
        public let target: Double
        /// The latest value recorded by the as-of date, if any.
        public let actual: Double?
        /// The period of that value, as written.
        public let period: String?
        /// The scope of that value, if any.
        public var scope: String?
        /// The evidence it comes from.
        public let evidence: RecordID?
        public var marks: [ProvenanceMark] = []
    }

    /// A point of the draft agenda, with its sub-points.
    public struct AgendaItem: Sendable, Hashable, Codable {
        public let title: String
        public let points: [String]
    }

    /// The tracker's name.
    public let trackerName: String
    /// The parties with their names.
    public let parties: [Party]
    /// The meeting the summary is for, if any.
    public let meeting: MeetingInfo?
    /// The date the summary is evaluated at.
    public let asOf: CalendarDate
    /// Changes are counted after this date (the previous meeting's date), if any.
    public let since: CalendarDate?
    /// The previous meeting, if the period starts at one.
    public let previousMeeting: RecordID?
    /// Status reports in the period that changed a status.
    public let statusChanges: [StatusChange]
    /// Evidence dated in the period.
    public let newEvidence: [EvidenceEntry]
    /// Restricted evidence in the period left out of the summary.
    public let restrictedOmitted: Int
    /// The tracker's records not signed by their party, by id, with how they are signed
    /// (`SignatureStatus`); nil when accord.yaml lists no signers.
    public var unverified: [String: String]?
    /// Revisions of the texts in the period.
    public let textChanges: [TextChange]
    /// Progress by plan area and by instrument.
    public let progress: [AreaProgress]
    /// The gaps at the as-of date.
    public let gaps: GapReport
    /// The next review after the as-of date, with what falls due before it.
    public let nextReview: ReviewSchedule.Review?
    /// Indicator statistics.
    public let indicators: [IndicatorSeries]
    /// The draft agenda.
    public let agenda: [AgendaItem]
    /// The banner when anything summarised is marked.
    public let notice: ProvenanceNotice?
    /// The title and date of the previous meeting of the series, when the period starts at one.
    public var previousMeetingTitle: String?
    /// The previous meeting's decisions as they stand at the as-of date: the follow-up
    /// every summary opens with.
    public var followUp: [ActionLogEntry] = []
    /// This meeting's decisions, with owners, due dates and flags.
    public var actionLog: [ActionLogEntry] = []
    /// What each party did in the period (then what the parties filed together).
    public var sides: [Side] = []
    /// Targets on which every party bound reported, with a report in the period.
    public var jointStandings: [JointStanding] = []
    /// Each plan item indicator with a target, against the latest value recorded for it.
    public var planTargets: [PlanTarget] = []
    /// How long the parties take to answer each other's requests, from the registers, at
    /// the as-of date (every year, not only the period: slowness shows over years).
    public var registers = RequestRegister([], asOf: CalendarDate(year: 1, month: 1, day: 1)!)
    /// How many gaps the summary prints; the JSON always holds them all.
    public var gapDetail: GapDetail = .top
    /// The marks of the marked records the summary refers to by id (the review cycles the
    /// meeting held, the targets new evidence supports), so a reference shows its mark.
    public var referenceMarks: [String: [ProvenanceMark]] = [:]
}
