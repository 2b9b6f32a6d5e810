public import Foundation

/// Every file of a tracker at one revision, each read once, and every problem found in them
/// and between them.
public struct TrackerSnapshot: Sendable {
    /// accord.yaml, when it could be read.
    public let settings: TrackerSettings?
    /// The instruments, by id.
    public let instruments: [Instrument]
    /// The instrument texts: instrument id, then language tag. Those read from the derived
    /// store are decoded on the first question (``StoredText``).
    public var texts: [InstrumentID: [String: InstrumentText]] { textShelf.value }
    let textShelf: Lazy<[InstrumentID: [String: InstrumentText]]>
    /// The action plans, by id.
    public let plans: [ActionPlan]
    /// The evidence, by date then id (found by id and owner through ``EvidenceStore``).
    public var evidence: [Evidence] { evidenceStore.all }
    /// How many pieces of evidence there are, without decoding them.
    public var evidenceCount: Int { evidenceStore.count }
    /// How many pieces of evidence are dated on or before `date`, without decoding them.
    public func evidenceCount(through date: CalendarDate) -> Int { evidenceStore.heads.count { $0.date <= date } }
    /// The latest piece of sealed evidence (what a key is tried on), if any; only it is decoded.
    public var lastSealedEvidence: Evidence? { evidenceStore.lastSealed }
    /// The status reports, in report order (date, time recorded, id); the state needs only
    /// their heads (see ``ReportHead``), filed by target and party.
    public var reports: [StatusReport] { reportGroups.all }
    /// How many status reports there are, without decoding them.
    public var reportCount: Int { reportGroups.count }
    /// The meetings, by date then id.
    public let meetings: [Meeting]
    /// The withdrawals of status reports and evidence, by date then id.
    public let withdrawals: [Withdrawal]
    /// The requests of the registers (verification, case transfer, extradition, legal
    /// assistance), by date sent then id, whatever the as-of date: ``RequestRegister``
    /// reads them at a date.
    public let requests: [CooperationRequest]
    /// The withdrawal of each withdrawn record, by the record's id (the first, when one was
    /// withdrawn twice).
    public let withdrawn: [RecordID: Withdrawal]
    /// The places of withdrawn reports in their groups: by target position, then reporting
    /// party position (see ``withdrawnReports(target:party:)``).
    private let withdrawnPlaces: [Int: [Int: Set<Int>]]
    /// Everything progress is reported on, by id.
    public let targets: [TrackedTarget]
    /// The git blob ids of the attachments present.
    public let attachments: Set<String>
    /// Every problem, sorted by file and line. Empty when the tracker is valid.
    public let diagnostics: [Diagnostic]
    /// The commitments an amendment added or changed, with the amendment's date: they
    /// bind from it (see ``inForce(on:history:)``). Empty until the history is read.
    public internal(set) var commitmentsSince: [QualifiedID: CalendarDate] = [:]
    /// The meetings planned after the as-of date, when the snapshot stands at a date
    /// (``meetings`` then holds only those held by it).
    public internal(set) var plannedMeetings: [Meeting] = []

    private let targetIndex: [QualifiedID: Int]
    /// The reports by target and party.
    let reportGroups: ReportGroups
    let evidenceStore: EvidenceStore

    /// Reads every file of `files` and checks them against each other.
    public static func load(_ files: some TrackerFiles) throws -> TrackerSnapshot {
        let records = try files.paths().map { path in
            TrackerRecord.parse(path: path, data: TrackerRecord.needsContent(path) ? try files.read(path) : Data())
        }
        return TrackerSnapshot(records: records)
    }

    /// Reads the tracker in the folder `folder`.
    public static func load(folder: URL) throws -> TrackerSnapshot {
        try load(FolderFiles(root: folder))
    }

    /// Builds the snapshot from files already read. Pure: the same records give the same
    /// snapshot.
    public init(records: [TrackerRecord]) {
        self.init(records: records, diagnostics: nil)
    }

    /// Builds the snapshot; `known` are the problems an earlier check of the very same
    /// records found (kept by the derived store: ``RecordStore``), nil to check them now.
    init(records: [TrackerRecord], diagnostics known: [Diagnostic]?) {
        self.init(files: TrackerFileSet(records), diagnostics: known)
    }

    /// Builds the snapshot from records already sorted by kind (see ``init(records:diagnostics:)``).
    init(files: TrackerFileSet, diagnostics known: [Diagnostic]?) {
        let (settings, instruments, plans, meetings, targets) = Self.owners(of: files)
        let sortedEvidence = {
            // The evidence parsed, and that read from the derived store by its heads.
            var evidence = files.storedEvidence
            for file in files.evidence {
                if let value = file.value { evidence.append((StoredEvidenceHead(value), .parsed(value))) }
            }
            return EvidenceStore(evidence)
        }
        let filedReports = {
            // The stored reports are not copied when no report was parsed (a warm read's case).
            var reports = files.storedReports
            if !files.reports.isEmpty {
                reports.append(contentsOf: files.reports.lazy.compactMap(\.value).map(ReportEntry.init))
            }
            let position = Dictionary(targets.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            return ReportGroups(filing: reports, targets: targets, position: { position[$0] }, elsewhere: files.reportsElsewhere)
        }
        let diagnostics: [Diagnostic], evidence: EvidenceStore, reportGroups: ReportGroups
        if let known {
            // Nothing to check: the evidence and the reports are sorted on a core each.
            diagnostics = known
            (evidence, reportGroups) = ParallelMap.both(sortedEvidence, filedReports)
        } else {
            // The cross-file checks only read the files: they run on one core while the
            // evidence and the reports are sorted and filed on the other.
            (diagnostics, (evidence, reportGroups)) = ParallelMap.both({
                TrackerValidation(files: files, targets: targets).diagnostics.sorted()
            }, { (sortedEvidence(), filedReports()) })
        }
        let parsedTexts = files.texts, storedTexts = files.storedTexts
        self.init(
            settings: settings, instruments: instruments,
            texts: Lazy { storedTexts.isEmpty ? parsedTexts : StoredText.decode(storedTexts, into: parsedTexts) },
            plans: plans, evidence: evidence,
            meetings: meetings, attachments: files.attachments,
            withdrawals: files.withdrawals.compactMap(\.value).sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            requests: files.requests.compactMap(\.value).sorted { ($0.sent, $0.id) < ($1.sent, $1.id) },
            targets: targets, diagnostics: diagnostics
        ) { _, _ in reportGroups }
    }

    /// The settings, the sorted instruments, plans and meetings, and the targets they define.
    static func owners(of files: TrackerFileSet) -> (TrackerSettings?, [Instrument], [ActionPlan], [Meeting], [TrackedTarget]) {
        let settings = files.settings.first?.value
        let instruments = files.instruments.compactMap(\.value).sorted { $0.id < $1.id }
        let plans = files.plans.compactMap(\.value).sorted { $0.id < $1.id }
        let meetings = files.meetings.compactMap(\.value).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let targets = TrackedTarget.all(
            instruments: instruments, plans: plans, meetings: meetings, parties: settings?.partyCodes ?? [])
        return (settings, instruments, plans, meetings, targets)
    }

    /// The problems in the files `only` when read together with the rest of `records`:
    /// what a snapshot of `records` would report for those files.
    /// `knownEvidence` tells of evidence that exists without being among `records`;
    /// `targets`, when the caller has them already, are the targets `records` define.
    static func problems(in records: [TrackerRecord], only: Set<String>, knownEvidence: @escaping (RecordID) -> Bool = { _ in false },
                         targets: [TrackedTarget]? = nil) -> [Diagnostic] {
        var files = TrackerFileSet(records)
        files.knownEvidence = knownEvidence
        return TrackerValidation(files: files, targets: targets ?? owners(of: files).4, only: only).diagnostics
            .filter { only.contains($0.file) }
    }

    /// A snapshot from its parts, already sorted and checked, its reports already filed by
    /// `reportGroups` (given the targets and where an id is among them): what a cold read
    /// builds, and what a write that adds a report makes from the
    /// snapshot before it.
    init(
        settings: TrackerSettings?, instruments: [Instrument], texts: Lazy<[InstrumentID: [String: InstrumentText]]>,
        plans: [ActionPlan], evidence: EvidenceStore, meetings: [Meeting],
        attachments: Set<String>, withdrawals: [Withdrawal], requests: [CooperationRequest], targets: [TrackedTarget]? = nil, diagnostics: [Diagnostic],
        reportGroups: ([TrackedTarget], (QualifiedID) -> Int?) throws -> ReportGroups
    ) rethrows {
        self.settings = settings
        self.instruments = instruments
        self.textShelf = texts
        self.plans = plans
        self.evidenceStore = evidence
        self.meetings = meetings
        self.attachments = attachments
        let targets = targets ?? TrackedTarget.all(
            instruments: instruments, plans: plans, meetings: meetings, parties: settings?.partyCodes ?? [])
        self.targets = targets
        let targetIndex = Dictionary(targets.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.targetIndex = targetIndex
        let groups = try reportGroups(targets) { targetIndex[$0] }
        self.reportGroups = groups
        self.diagnostics = diagnostics
        self.withdrawals = withdrawals
        self.requests = requests
        let withdrawn = Dictionary(withdrawals.map { ($0.withdraws, $0) }, uniquingKeysWith: { first, _ in first })
        self.withdrawn = withdrawn
        // Found by their ids, without decoding a report.
        var places: [Int: [Int: Set<Int>]] = [:]
        for place in groups.filedPlaces(of: Set(withdrawn.keys.map(\.rawValue))) {
            places[place.target, default: [:]][place.party, default: []].insert(place.index)
        }
        withdrawnPlaces = places
    }

    /// Whether no problem was found.
    public var isValid: Bool { diagnostics.isEmpty }

    /// Throws every problem found, as one ``InvalidTrackerData`` (exit status 65).
    public func requireValid() throws(InvalidTrackerData) {
        if !diagnostics.isEmpty { throw InvalidTrackerData(diagnostics) }
    }

    /// Where the target with `id` is in ``targets``.
    func targetPosition(_ id: QualifiedID) -> Int? { targetIndex[id] }

    /// The target with `id`, if there is one.
    public func target(_ id: QualifiedID) -> TrackedTarget? {
        targetIndex[id].map { targets[$0] }
    }

    /// The places, in the report group of the target at `target` and its reporting party at
    /// `party`, of the reports that were withdrawn (see ``Withdrawal``): left out of the state.
    func withdrawnReports(target: Int, party: Int) -> Set<Int> { withdrawnPlaces[target]?[party] ?? [] }

    /// The withdrawal of the report or evidence `id`, if it was withdrawn.
    public func withdrawal(of id: RecordID) -> Withdrawal? { withdrawn[id] }

    /// Whether a status report has the id `id`; answered without decoding any report.
    public func hasReport(_ id: String) -> Bool { reportGroups.hasID(id) }

    /// The status report `id` in brief (target, party, date, status), read from the id table
    /// and its group without decoding it; nil when no report has that id.
    public func reportOutline(_ id: String) -> ReportOutline? { reportGroups.outline(of: id, targets: targets) }

    /// How many status reports are dated on or before `date`; counted from the heads,
    /// without decoding any report.
    public func reportCount(through date: CalendarDate) -> Int {
        reportGroups.groups.reduce(0) { $0 + $1.count(through: date) }
    }

    /// The status report `id`; only the reports of its target and party are decoded.
    public func report(_ id: String) -> StatusReport? { reportGroups.report(id) }

    /// Every status report's id, sorted; read from the id table, without decoding any report.
    var reportIDs: [String] { reportGroups.ids.all }

    /// The reports on the targets `matching` accepts, in report order; only their targets'
    /// groups are decoded.
    public func reports(onTargets matching: (QualifiedID) -> Bool) -> [StatusReport] {
        var found: [StatusReport] = []
        for (position, target) in targets.enumerated() where matching(target.id) {
            for group in reportGroups.filed[position] { found += group.reports }
        }
        if reportGroups.unfiled.count > 0 { found += reportGroups.unfiled.reports.filter { matching($0.target) } }
        return found.sorted { $0.precedes($1) }
    }

    /// The reports citing the evidence `id`, in report order; only the groups holding one
    /// are decoded.
    public func reports(citing id: RecordID) -> [StatusReport] {
        reportGroups.groups.filter { $0.heads.contains { $0.evidence.contains(id) } }
            .flatMap(\.reports).filter { $0.evidence.contains(id) }
            .sorted { $0.precedes($1) }
    }

    /// The instrument with `id`.
    public func instrument(_ id: InstrumentID) -> Instrument? { instruments.first { $0.id == id } }

    /// The plan with `id`.
    public func plan(_ id: InstrumentID) -> ActionPlan? { plans.first { $0.id == id } }

    /// The evidence with `id` (the first, if two share it); only that record is decoded.
    public func evidence(_ id: RecordID) -> Evidence? {
        evidenceStore.position(of: id).map(evidenceStore.evidence(at:))
    }

    /// Every piece of evidence with `id` (more than one only when the id is repeated, a
    /// problem `validate` reports), by date; only those records are decoded.
    public func evidence(withID id: RecordID) -> [Evidence] {
        evidenceStore.positions(of: id).map(evidenceStore.evidence(at:))
    }

    /// The heads of the evidence supporting a target of one of `owners` (instrument, plan or
    /// meeting ids), by date then id: the id, date and targets of each piece, none decoded.
    func evidenceHeads(supportingTargetsOf owners: Set<String>) -> [StoredEvidenceHead] {
        Set(owners.flatMap(evidenceStore.positions(supporting:))).sorted().map { evidenceStore.heads[$0] }
    }
}

/// The records of one load, sorted by kind, for building and checking a snapshot.
struct TrackerFileSet {
    var settings: [ParsedFile<TrackerSettings>] = []
    var instruments: [ParsedFile<Instrument>] = []
    var texts: [InstrumentID: [String: InstrumentText]] = [:]
    /// Texts read from the derived store and left undecoded, with the problems of the whole
    /// revision known, as ``storedReports``; not in ``texts`` or ``textFiles``.
    var storedTexts: [StoredText] = []
    var textFiles: [String: Set<String>] = [:]
    var plans: [ParsedFile<ActionPlan>] = []
    var evidence: [ParsedFile<Evidence>] = []
    var reports: [ParsedFile<StatusReport>] = []
    /// Status reports read from the derived store and left unparsed, with the problems of
    /// the whole revision known: they are filed, never checked (see ``RecordStore``).
    var storedReports: [ReportEntry] = []
    /// The status reports of the revision that are not in the set, found by id: set when
    /// the set holds only the reports on some targets.
    var reportsElsewhere: ReportsElsewhere?
    /// Evidence read from the derived store by its heads and left unparsed, with the
    /// problems of the whole revision known, as ``storedReports``.
    var storedEvidence: [EvidenceStore.Entry] = []
    var meetings: [ParsedFile<Meeting>] = []
    var withdrawals: [ParsedFile<Withdrawal>] = []
    var requests: [ParsedFile<CooperationRequest>] = []
    var attachments: Set<String> = []
    var fileDiagnostics: [Diagnostic] = []
    /// Whether evidence with an id exists without its file being in the set: what reports
    /// may cite (see `TrackerSnapshot.problems(adding:repository:commit:)`).
    var knownEvidence: (RecordID) -> Bool = { _ in false }

    init() {}

    init(_ records: some Collection<TrackerRecord>) {
        // Room for the many small records first, so their lists do not grow and move.
        var counts = (reports: 0, evidence: 0)
        for record in records {
            switch record {
            case .report: counts.reports += 1
            case .evidence: counts.evidence += 1
            default: break
            }
        }
        reports.reserveCapacity(counts.reports)
        evidence.reserveCapacity(counts.evidence)
        for record in records { add(record) }
    }

    /// Files one more record; records are added in path order.
    mutating func add(_ record: TrackerRecord) {
        switch record {
        case .settings(let file): settings.append(file); fileDiagnostics += file.diagnostics
        case .instrument(let file): instruments.append(file); fileDiagnostics += file.diagnostics
        case .plan(let file): plans.append(file); fileDiagnostics += file.diagnostics
        case .evidence(let file): evidence.append(file); fileDiagnostics += file.diagnostics
        case .report(let file): reports.append(file); fileDiagnostics += file.diagnostics
        case .withdrawal(let file): withdrawals.append(file); fileDiagnostics += file.diagnostics
        case .request(let file): requests.append(file); fileDiagnostics += file.diagnostics
        case .meeting(let file): meetings.append(file); fileDiagnostics += file.diagnostics
        case .attachment(let blob): attachments.insert(blob)
        case .misplaced(let diagnostic): fileDiagnostics.append(diagnostic)
        case .text(let instrument, let language, let result):
            textFiles[instrument, default: []].insert(language)
            if case .success(let text) = result, let id = InstrumentID(instrument) {
                texts[id, default: [:]][language] = text
            }
            fileDiagnostics += record.diagnostics
        }
    }
}
