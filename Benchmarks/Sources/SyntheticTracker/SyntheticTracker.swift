public import AccordCore
public import Foundation
public import GitStore

/// A made-up tracker the size of a ministry's ten years of use, for benchmarks and for the
/// cache's smoke test: instruments with long texts and commitment registers, action plans,
/// status reports, evidence and meetings, dated over ten years and committed in date order.
///
/// Everything comes from one seeded generator, so a seed and a scale always give the same
/// files and the same commits (commit ids differ only by the committer's clock).
public struct SyntheticTracker: Sendable {
    /// How much to make.
    public struct Scale: Sendable {
        public var instruments: Int
        public var articles: Int
        /// Plans: one per instrument, `areas` × `itemsPerArea` items each.
        public var areas: Int
        public var itemsPerArea: Int
        public var reports: Int
        public var evidence: Int
        public var meetings: Int
        public var commits: Int

        public init(instruments: Int, articles: Int, areas: Int, itemsPerArea: Int, reports: Int,
                    evidence: Int, meetings: Int, commits: Int) {
            self.instruments = instruments
            self.articles = articles
            self.areas = areas
            self.itemsPerArea = itemsPerArea
            self.reports = reports
            self.evidence = evidence
            self.meetings = meetings
            self.commits = commits
        }

        /// The full-size target: 10 instruments × 200 articles, 2,000 plan items, 100,000
        /// status reports, 20,000 pieces of evidence, 50,000 commits.
        public static let full = Scale(instruments: 10, articles: 200, areas: 10, itemsPerArea: 20,
                                       reports: 100_000, evidence: 20_000, meetings: 20, commits: 50_000)
        /// A tenth of `full` in every dimension (one instrument of 200 articles).
        public static let tenth = Scale(instruments: 1, articles: 200, areas: 10, itemsPerArea: 20,
                                        reports: 10_000, evidence: 2_000, meetings: 2, commits: 5_000)
        /// A few hundred records, for tests.
        public static let tiny = Scale(instruments: 1, articles: 12, areas: 2, itemsPerArea: 3,
                                       reports: 200, evidence: 40, meetings: 2, commits: 100)

        /// `full`, `tenth` or `tiny`.
        public init?(named name: String) {
            switch name {
            case "full": self = .full
            case "tenth": self = .tenth
            case "tiny": self = .tiny
            default: return nil
            }
        }
    }

    /// One commit: its date, author, message and files.
    public struct Step: Sendable {
        public var date: CalendarDate
        public var author: String
        public var message: String
        public var files: [String: Data]
    }

    /// The commits, oldest first.
    public let steps: [Step]

    /// The ten years the records span.
    static let firstYear = 2015
    static let years = 10
    static let parties = [PartyCode("VN")!, PartyCode("KH")!]

    /// Plans every file and commit.
    public init(scale: Scale, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var events: [(date: CalendarDate, order: Int, author: String, path: String, data: Data)] = []
        func add(_ date: CalendarDate, _ order: Int, _ path: String, _ text: String, author: String = "Secretariat") {
            events.append((date, order, author, path, Data(text.utf8)))
        }
        let start = CalendarDate(year: Self.firstYear, month: 1, day: 1)!
        let recordsStart = CalendarDate(year: Self.firstYear, month: 3, day: 1)!
        let totalDays = Self.years * 365 - 60

        add(start, 0, "accord.yaml", Self.settings().yamlText())

        var targets: [(id: QualifiedID, parties: [PartyCode])] = []
        for number in 1...scale.instruments {
            let id = InstrumentID(String(format: "agr-%02d", number))!
            let signed = CalendarDate(year: Self.firstYear, month: 1, day: 1 + number)!
            var instrument = Self.instrument(id, scale: scale, signed: signed)
            add(signed, 1, "Agreements/\(id)/text.en.md", Self.text(id, articles: scale.articles, revision: 0))
            add(signed, 1, "Agreements/\(id)/instrument.yaml", instrument.yamlText())
            for commitment in instrument.commitments {
                targets.append((instrument.qualifiedID(of: commitment)!, commitment.bound.parties(of: instrument.parties)))
            }
            // Two amendments revise the text and the register's record of them.
            for revision in 1...2 {
                let date = CalendarDate(year: Self.firstYear + 3 * revision, month: 6, day: number)!
                instrument.amendments.append(.init(signing: Signing(date: date, place: "Hà Nội"),
                                                   title: "Amendment \(revision) of \(id)"))
                add(date, 1, "Agreements/\(id)/text.en.md", Self.text(id, articles: scale.articles, revision: revision))
                add(date, 1, "Agreements/\(id)/instrument.yaml", instrument.yamlText())
            }
            // Its plan, revised every year.
            let planID = InstrumentID(String(format: "plan-%02d", number))!
            var plan = Self.plan(planID, implementing: instrument, scale: scale, random: &random)
            for item in plan.areas.flatMap(\.items) {
                targets.append((QualifiedID(owner: planID.rawValue, local: item.id)!, Self.parties))
            }
            let adopted = CalendarDate(year: Self.firstYear, month: 2, day: number)!
            add(adopted, 2, "Plans/\(planID).yaml", plan.yamlText())
            for year in 1..<Self.years {
                plan.note = "Revised at the annual review of \(Self.firstYear + year)."
                add(CalendarDate(year: Self.firstYear + year, month: 1, day: 15 + number)!, 2, "Plans/\(planID).yaml", plan.yamlText())
            }
        }

        for number in 0..<scale.meetings {
            let date = recordsStart.adding(days: (number * totalDays) / max(scale.meetings, 1))
            let id = RecordID("\(date)-joint-review-\(number + 1)")!
            let meeting = Meeting(
                id: id, title: "Joint review \(number + 1)", date: date, venue: number % 2 == 0 ? "Hà Nội" : "Phnom Penh",
                host: Self.parties[number % 2], reviews: [], attendees: ["Ministry of Public Security (VN)", "Ministry of Interior (KH)"],
                decisions: [
                    Decision(id: "1", text: "Adopt the report of the working group."),
                    Decision(id: "2", text: "Exchange statistics every quarter.",
                             due: DueSchedule(first: date.adding(days: 90)), bound: .each),
                ])
            add(date, 3, meeting.path, meeting.yamlText())
        }

        var evidenceByTarget: [QualifiedID: [(RecordID, CalendarDate)]] = [:]
        var evidenceDates = (0..<scale.evidence).map { _ in recordsStart.adding(days: random.next(below: totalDays)) }
        evidenceDates.sort()
        for (number, date) in evidenceDates.enumerated() {
            let target = targets[random.next(below: targets.count)]
            let id = RecordID("ev-\(date)-\(String(number, radix: 36))")!
            let kinds = Evidence.Kind.allCases
            let party = random.next(below: 4) == 0 ? nil : Self.parties[random.next(below: 2)]
            var values: [Evidence.Value] = []
            if random.next(below: 5) == 0 {
                values = [Evidence.Value(indicator: "cases", scope: "vn-kh-border", period: String(date.year),
                                         value: Double(random.next(below: 200)))]
            }
            // A few pieces are dated by their month or year alone, as sources often give them.
            let written = number % 50 == 7 ? CalendarDate(year: date.year, month: date.month)!
                : number % 200 == 13 ? CalendarDate(year: date.year, month: nil)! : date
            let evidence = Evidence(
                id: id, kind: kinds[random.next(below: kinds.count)], title: "Evidence \(number) on \(target.id)",
                date: written, party: party, source: "Provincial department, quarterly return \(number % 97)",
                supports: [target.id], values: values)
            evidenceByTarget[target.id, default: []].append((id, date))
            add(date, 4, evidence.path, evidence.yamlText(), author: "Officer \(number % 50)")
        }

        let statuses: [Status] = [.notStarted, .inProgress, .inProgress, .partial, .implemented, .blocked, .notApplicable]
        var reportDates = (0..<scale.reports).map { _ in recordsStart.adding(days: random.next(below: totalDays)) }
        reportDates.sort()
        for (number, date) in reportDates.enumerated() {
            let target = targets[random.next(below: targets.count)]
            let party = target.parties[random.next(below: target.parties.count)]
            let id = RecordID("sr-\(date)-\(party.code.lowercased())-\(String(number, radix: 36))")!
            var cited: [RecordID] = []
            if random.next(below: 3) == 0, let candidates = evidenceByTarget[target.id] {
                if let last = candidates.last(where: { $0.1 <= date }) { cited = [last.0] }
            }
            let status = statuses[random.next(below: statuses.count)]
            let report = StatusReport(
                id: id, target: target.id, status: status, date: date, party: party,
                reporter: "Officer \(number % 50) <officer\(number % 50)@example.gov.\(party.code.lowercased())>",
                note: "Báo cáo tiến độ \(number): work \(status.rawValue) in province \(number % 63 + 1).",
                evidence: cited)
            add(date, 5, report.path, report.yamlText(), author: "Officer \(number % 50)")
        }

        events.sort { ($0.date, $0.order) < ($1.date, $1.order) }
        // Records are spread evenly over the commits left after the structural ones; a
        // structural file (a text, a register, a plan) always gets a commit of its own.
        let structural = events.filter { $0.order < 3 }.count
        let recordCommits = max(1, scale.commits - structural)
        let records = events.count - structural
        var steps: [Step] = []
        var recordIndex = 0
        var lastBatch = -1
        for event in events {
            if event.order < 3 {
                if let last = steps.last, last.date == event.date, last.message.hasPrefix("Revise"),
                   last.files.keys.contains(where: { $0.hasPrefix((event.path as NSString).deletingLastPathComponent + "/") }) {
                    steps[steps.count - 1].files[event.path] = event.data
                } else {
                    steps.append(Step(date: event.date, author: event.author, message: "Revise \(event.path)", files: [event.path: event.data]))
                }
                lastBatch = -1
                continue
            }
            let batch = recordIndex * recordCommits / max(records, 1)
            recordIndex += 1
            if batch == lastBatch {
                steps[steps.count - 1].files[event.path] = event.data
                steps[steps.count - 1].date = event.date
            } else {
                steps.append(Step(date: event.date, author: event.author, message: "Record \(event.path.split(separator: "/").last!)", files: [event.path: event.data]))
                lastBatch = batch
            }
        }
        self.steps = steps
    }

    /// The number of files written, counting each path once.
    public var fileCount: Int { Set(steps.flatMap(\.files.keys)).count }

    /// Commits every step into `repository`, calling `progress` every 1,000 commits.
    public func write(to repository: Repository, progress: (Int) throws -> Void = { _ in }) throws {
        for (number, step) in steps.enumerated() {
            var changes = ChangeSet()
            for (path, data) in step.files.sorted(by: { $0.key < $1.key }) { changes.write(path, data) }
            var components = DateComponents()
            components.year = step.date.year
            components.month = step.date.month
            components.day = step.date.day
            components.hour = 9 + number % 8
            components.minute = number % 60
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let author = Signature(name: step.author, email: "\(step.author.lowercased().replacingOccurrences(of: " ", with: "."))@example.gov.vn",
                                   date: calendar.date(from: components)!)
            try repository.apply(changes, message: step.message, author: author)
            if (number + 1) % 1_000 == 0 { try progress(number + 1) }
        }
    }

    // MARK: - Files

    static func settings() -> TrackerSettings {
        TrackerSettings(
            name: "Synthetic tracker: ten years of a ministry's instruments",
            parties: [.init(code: parties[0], name: "Viet Nam"), .init(code: parties[1], name: "Cambodia")],
            languages: ["en"],
            indicators: [Indicator(id: "cases", title: "Trafficking cases detected", unit: "cases"),
                         Indicator(id: "victims", title: "Victims identified", unit: "persons")],
            scopes: [.init(id: "vn-kh-border", title: "Viet Nam–Cambodia border provinces")])
    }

    /// One commitment on the first clause of every tenth article.
    static func instrument(_ id: InstrumentID, scale: Scale, signed: CalendarDate) -> Instrument {
        let commitments = stride(from: 1, through: scale.articles, by: 10).map { article in
            Commitment(
                id: "\(article).1", summary: "Carry out article \(article) of \(id).",
                bound: article % 20 == 1 ? .joint : .each,
                responsible: [parties[0]: "Ministry of Public Security", parties[1]: "Ministry of Interior"],
                due: article % 30 == 1
                    ? DueSchedule(first: signed.adding(months: 12), everyMonths: 12, until: CalendarDate(year: firstYear + years - 1, month: 12, day: 31))
                    : DueSchedule(first: signed.adding(months: 6 + article % 60)))
        }
        return Instrument(
            id: id, kind: .agreement, title: ["en": "Agreement \(id) on cooperation against trafficking in persons"],
            parties: parties, signed: Signing(date: signed, place: "Hà Nội"), inForce: [.init(date: signed)],
            status: .inForce, languages: ["en"],
            reviewCycles: [ReviewCycle(id: "annual", title: "Annual joint review",
                                       schedule: DueSchedule(first: signed.adding(months: 12), everyMonths: 12), hosts: parties)],
            commitments: commitments)
    }

    /// A synthetic instrument text of `articles` articles, each with a lead and two clauses;
    /// revision N rewords every (7 + N)th article.
    public static func text(_ id: InstrumentID, articles: Int, revision: Int) -> String {
        var lines = ["# Agreement \(id) on cooperation against trafficking in persons", "",
                     "> Synthetic text for benchmarks. Revision \(revision).", "", "## Preamble", "",
                     "The Parties, recognising the need to cooperate, have agreed as follows:", ""]
        for article in 1...articles {
            let amended = revision > 0 && article % (7 + revision) == 0
            lines += ["## Article \(article). Provision \(article)", "",
                      "The Parties cooperate on matter \(article)\(amended ? ", as amended in revision \(revision)" : "").", "",
                      "1. Each Party designates a focal agency for matter \(article) and informs the other in writing.",
                      "2. The focal agencies meet at least once a year, alternating the host, and report to the Joint Committee.",
                      ""]
        }
        return lines.joined(separator: "\n")
    }

    static func plan(_ id: InstrumentID, implementing instrument: Instrument, scale: Scale,
                     random: inout SplitMix64) -> ActionPlan {
        let commitments = instrument.commitments.compactMap { instrument.qualifiedID(of: $0) }
        let areas = (1...scale.areas).map { area in
            PlanArea(id: "\(area)", title: "Area \(area)", items: (1...scale.itemsPerArea).map { item in
                let start = CalendarDate(year: firstYear + random.next(below: years - 1), month: 1 + random.next(below: 12), day: 1)!
                return PlanItem(
                    id: "\(area).\(item)", title: "Item \(area).\(item) of \(id)",
                    lead: [parties[0]: "Ministry of Public Security", parties[1]: "Ministry of Interior"],
                    start: start, end: start.adding(months: 6 + random.next(below: 30)),
                    deliverables: ["Deliverable of item \(area).\(item)"],
                    implements: [commitments[(area * scale.itemsPerArea + item) % commitments.count]])
            })
        }
        return ActionPlan(
            id: id, title: ["en": "Action plan \(id)"], parties: parties,
            adopted: Signing(date: CalendarDate(year: firstYear, month: 2, day: 1)!),
            start: CalendarDate(year: firstYear, month: 1, day: 1)!, end: CalendarDate(year: firstYear + years - 1, month: 12, day: 31)!,
            implements: [instrument.id], areas: areas)
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so the data is the same
/// on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

