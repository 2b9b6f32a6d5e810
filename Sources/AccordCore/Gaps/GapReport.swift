/// Every gap in a tracker at an as-of date, with a count by rule and party: the answer to
/// "what is missing or late?". One result model; the renderers in AccordReports print it.
public struct GapReport: Sendable, Hashable, Codable {
    /// Which gaps to keep.
    public struct Filter: Sendable, Hashable {
        /// Only gaps of this party, and gaps of the parties together.
        public var party: PartyCode?
        /// Only gaps of this instrument, plan or meeting.
        public var instrument: String?
        /// Only these rules; empty means all.
        public var rules: Set<GapRule>

        /// Creates a filter; the default keeps everything.
        public init(party: PartyCode? = nil, instrument: String? = nil, rules: Set<GapRule> = []) {
            self.party = party
            self.instrument = instrument
            self.rules = rules
        }

        /// Whether the filter keeps `gap`.
        public func keeps(_ gap: Gap) -> Bool {
            (rules.isEmpty || rules.contains(gap.rule))
                && (instrument == nil || gap.instrument == instrument)
                && (party == nil || gap.party == nil || gap.party == party)
        }
    }

    /// How many gaps one rule found for one party (nil: the parties together).
    public struct Count: Sendable, Hashable, Codable {
        /// The rule.
        public let rule: GapRule
        /// The rule's severity.
        public let severity: GapSeverity
        /// The party, or nil for gaps of the parties together.
        public let party: PartyCode?
        /// How many.
        public let count: Int
    }

    /// The date evaluated at.
    public let asOf: CalendarDate
    /// The tracker's parties, in order (the columns of the summary).
    public let parties: [PartyCode]
    /// Every gap kept by the filter, most serious first.
    public let gaps: [Gap]
    /// Gaps by rule and party, in rule order then party order (nil last).
    public let summary: [Count]
    /// The banner when any gap is marked.
    public let notice: ProvenanceNotice?

    /// Finds the gaps of `state`, `schedule` (missed reviews) and the findings on the texts'
    /// history (``AmendedSinceEvidence``, ``LanguagesOutOfStep``, which need git history and
    /// so are read by the caller).
    public init(
        snapshot: TrackerSnapshot, state: TrackerState, schedule: ReviewSchedule,
        amendedSinceEvidence: [AmendedSinceEvidence] = [], languagesOutOfStep: [LanguagesOutOfStep] = [],
        filter: Filter = Filter()
    ) {
        let checks = GapChecks(
            snapshot: snapshot, state: state, schedule: schedule,
            amendments: amendedSinceEvidence, languageLags: languagesOutOfStep,
            staleAfterMonths: snapshot.settings?.thresholds.staleAfterMonths ?? TrackerSettings.Thresholds().staleAfterMonths)
        let rules = filter.rules.isEmpty ? Set(GapRule.allCases) : filter.rules
        let index = ProvenanceIndex(snapshot)
        // Each rule reads the state alone: the rules run on all cores, in the caller's
        // language (a task-local value the other threads do not inherit).
        let language = L10n.override
        let found = ParallelMap.map(GapRule.allCases.filter(rules.contains), perCore: 1) { rule in
            L10n.$override.withValue(language) { checks.gaps(of: rule) }
        }
        let gaps = Gap.inReportOrder(found.joined().filter(filter.keeps))
            .map { gap in
                var gap = gap
                // A review's item is `<owner>/<cycle>@<date>`; a text's, `<owner> text.<lang>.md`.
                let key = gap.rule == .reviewOverdue ? String(gap.item.prefix { $0 != "@" })
                    : gap.rule == .languagesOutOfStep ? gap.instrument : gap.item
                // A rule may know marks the index does not (a decision with no due date is no target).
                gap.marks = index.marks(of: key).union(gap.marks).ordered
                return gap
            }
        let parties = snapshot.settings?.partyCodes ?? []
        self.init(asOf: state.asOf, parties: parties, gaps: gaps)
    }

    /// A report of gaps already found.
    public init(asOf: CalendarDate, parties: [PartyCode], gaps: [Gap]) {
        self.asOf = asOf
        self.parties = parties
        self.gaps = gaps
        notice = ProvenanceNotice(Set(gaps.flatMap(\.marks)))
        var counts: [GapRule: [PartyCode?: Int]] = [:]
        for gap in gaps { counts[gap.rule, default: [:]][gap.party, default: 0] += 1 }
        let order = parties + Set(gaps.compactMap(\.party)).subtracting(parties).sorted()
        summary = counts.keys.sorted().flatMap { rule in
            let byParty = counts[rule]!
            return (order.map(Optional.some) + [nil]).compactMap { party in
                byParty[party].map { Count(rule: rule, severity: rule.severity, party: party, count: $0) }
            }
        }
    }

    /// Whether a gap of `severity` or worse exists (`--fail-on`).
    public func hasGap(atLeast severity: GapSeverity) -> Bool {
        gaps.contains { $0.severity >= severity }
    }

    /// The number of gaps per severity.
    public func count(of severity: GapSeverity) -> Int { gaps.count { $0.severity == severity } }
}
