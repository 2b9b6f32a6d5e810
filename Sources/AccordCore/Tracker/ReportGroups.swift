internal import Foundation
internal import GitStore

/// What the state needs of a status report without the rest of it: its date, its status
/// and the evidence it cites. A cached read decodes these for all reports, and a report's
/// other fields (id, reporter, note) only for the groups a command looks into.
public struct ReportHead: Sendable, Hashable {
    public let date: CalendarDate
    public let status: Status
    public let evidence: [RecordID]
    /// Whether the report was written for illustration.
    public let illustrative: Bool

    init(date: CalendarDate, status: Status, evidence: [RecordID], illustrative: Bool = false) {
        self.date = date
        self.status = status
        self.evidence = evidence
        self.illustrative = illustrative
    }

    init(_ report: StatusReport) {
        self.init(date: report.date, status: report.status, evidence: report.evidence,
                  illustrative: report.provenance.illustrative)
    }
}

/// Where the bytes of status reports read without them are had when a command looks at
/// them (the derived store's rows, else git).
protocol ReportBytes: AnyObject, Sendable {
    /// The bytes of each file (path and blob id), in order: exactly the blob's, or nil.
    func bytes(of files: [(path: String, blob: ObjectID)]) -> [Data?]
}

/// A status report as it is filed: what filing it and folding the state need (its id,
/// target, party, time recorded and head), and the report itself, which a report read
/// from the derived store is parsed into only when a command looks at it.
final class ReportEntry: Sendable {
    let recordID: RecordID
    var id: String { recordID.rawValue }
    let target: QualifiedID
    let party: PartyCode
    let recordedAt: RecordingTime?
    let head: ReportHead
    private let source: Source

    private enum Source: Sendable {
        /// Boxed: a report held inline would make every entry its size, the 100,000 filed
        /// by their heads too.
        indirect case parsed(StatusReport)
        /// Its file at `path`, git blob `blob`, whose bytes `bytes` gives when the report is
        /// looked at: a read keeps no report's bytes.
        case stored(path: String, blob: ObjectID, bytes: any ReportBytes)
    }

    init(_ report: StatusReport) {
        recordID = report.id
        target = report.target
        party = report.party
        recordedAt = report.recordedAt
        head = ReportHead(report)
        source = .parsed(report)
    }

    /// A report read from the store: its filing fields as the store kept them
    /// (``StoredReportHead``), and where its file's bytes are had.
    init(_ stored: StoredReportHead, path: String, blob: ObjectID, bytes: any ReportBytes) {
        recordID = stored.id
        target = stored.target
        party = stored.party
        recordedAt = stored.recordedAt
        head = ReportHead(date: stored.date, status: stored.status, evidence: stored.evidence, illustrative: stored.illustrative)
        source = .stored(path: path, blob: blob, bytes: bytes)
    }

    /// The path of the report's file.
    var path: String {
        switch source {
        case .parsed(let report): return report.path
        case .stored(let path, _, _): return path
        }
    }

    /// The reports of `entries`, in order: the bytes of those read from the store fetched
    /// together (a group's reports are looked at together). The bytes are those of the
    /// report's blob and gave this very head when they were stored, so they parse; should
    /// they not, or not be had, the report is rebuilt from what the head holds rather than
    /// stopping the command.
    static func reports(of entries: [ReportEntry]) -> [StatusReport] {
        var wanted: [ObjectIdentifier: (source: any ReportBytes, files: [(path: String, blob: ObjectID)])] = [:]
        for entry in entries {
            guard case .stored(let path, let blob, let bytes) = entry.source else { continue }
            wanted[ObjectIdentifier(bytes), default: (bytes, [])].files.append((path, blob))
        }
        var fetched: [String: Data] = [:]
        for (source, files) in wanted.values {
            for (file, data) in zip(files, source.bytes(of: files)) { fetched[file.path] = data }
        }
        return entries.map { entry in
            switch entry.source {
            case .parsed(let report):
                return report
            case .stored(let path, _, _):
                if let data = fetched[path] ?? nil, let report = StatusReport.parse(data, file: path).value { return report }
                return StatusReport(id: entry.recordID, target: entry.target, status: entry.head.status, date: entry.head.date,
                                    party: entry.party, evidence: entry.head.evidence,
                                    provenance: Provenance(illustrative: entry.head.illustrative), recordedAt: entry.recordedAt)
            }
        }
    }

    /// Report order, as ``StatusReport/precedes(_:)``: date, time recorded, id.
    func precedes(_ other: ReportEntry) -> Bool {
        StatusReport.precedes((head.date, recordedAt, recordID), (other.head.date, other.recordedAt, other.recordID))
    }
}

/// The status reports of one party on one target, oldest first (in report order: see `StatusReport.precedes`),
/// with their heads: `accord status` needs the latest status of each group, not the
/// text of every report.
final class ReportGroup: Sendable {
    let count: Int
    /// The heads (date, status, cited evidence), oldest first.
    let heads: [ReportHead]
    let entries: [ReportEntry]
    private let decoded: Lazy<[StatusReport]>
    /// The reports, parsed when first asked for.
    var reports: [StatusReport] { decoded.value }
    /// Whether the reports have been made from their entries (parsed, when stored).
    var isParsed: Bool { decoded.isMade }

    static let empty = ReportGroup(entries: [])

    /// A group of entries sorted in report order.
    init(entries: [ReportEntry]) {
        count = entries.count
        heads = entries.map(\.head)
        self.entries = entries
        decoded = Lazy { ReportEntry.reports(of: entries) }
    }

    /// The reports at the given places of each group, in that order, parsed together
    /// without parsing the rest of their groups or keeping them: a summary looks at the
    /// few reports of each group that fall in its period, and asking for them all at once
    /// fetches only their bytes.
    static func reports(at wanted: [(group: ReportGroup, places: [Int])]) -> [[StatusReport]] {
        // Asked once: another thread may parse a group meanwhile.
        let wholeGroups = wanted.map(\.group.isParsed)
        let entries = zip(wanted, wholeGroups).flatMap { wanted, whole in whole ? [] : wanted.places.map { wanted.group.entries[$0] } }
        var parsed = ReportEntry.reports(of: entries)[...]
        return zip(wanted, wholeGroups).map { wanted, whole in
            let (group, places) = wanted
            if whole {
                let all = group.reports
                return places.map { all[$0] }
            }
            defer { parsed = parsed.dropFirst(places.count) }
            return Array(parsed.prefix(places.count))
        }
    }

    /// How many reports are dated on or before `date` (they come first).
    func count(through date: CalendarDate) -> Int {
        // Usually all of them: the state is most often asked for today.
        if heads.last.map({ $0.date <= date }) ?? true { return heads.count }
        var low = 0, high = heads.count
        while low < high {
            let middle = (low + high) / 2
            if heads[middle].date <= date { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The same group with `report` added in its place, and that place.
    func inserting(_ report: StatusReport) -> (group: ReportGroup, index: Int) {
        var entries = entries
        let entry = ReportEntry(report)
        let index = entries.firstIndex { entry.precedes($0) } ?? entries.endIndex
        entries.insert(entry, at: index)
        return (ReportGroup(entries: entries), index)
    }
}

/// A status report in brief: what `accord history` says of one, read without decoding it.
public struct ReportOutline: Sendable, Hashable {
    public let id: String
    public let target: QualifiedID
    public let party: PartyCode
    public let date: CalendarDate
    public let status: Status
    /// Whether the report was written for illustration.
    public let illustrative: Bool

    /// The outline of a report already decoded.
    public init(_ report: StatusReport) {
        self.init(id: report.id.rawValue, target: report.target, party: report.party, date: report.date, status: report.status,
                  illustrative: report.provenance.illustrative)
    }

    init(id: String, target: QualifiedID, party: PartyCode, date: CalendarDate, status: Status, illustrative: Bool) {
        self.id = id
        self.target = target
        self.party = party
        self.date = date
        self.status = status
        self.illustrative = illustrative
    }

    /// Where its file is: `Events/<yyyy>/<mm>/<id>.yaml`.
    public var path: String { StatusReport.path(id: id, date: date) }
}

/// The status reports of one party on one target up to the as-of date that count (those
/// not withdrawn), oldest first.
public struct ReportList: RandomAccessCollection, Sendable {
    let group: ReportGroup
    /// The places in the group of the reports listed, when some are left out.
    private let kept: [Int]?
    public let endIndex: Int
    public var startIndex: Int { 0 }

    /// The first `count` reports of `group`, less those at the places `withdrawn`.
    init(_ group: ReportGroup, count: Int, withdrawn: Set<Int> = []) {
        self.group = group
        let kept = withdrawn.isEmpty ? nil : (0..<count).filter { !withdrawn.contains($0) }
        self.kept = kept
        endIndex = kept?.count ?? count
    }

    public subscript(position: Int) -> StatusReport {
        precondition(position >= 0 && position < endIndex, "report index out of range")
        return group.reports[kept?[position] ?? position]
    }

    /// The head of the latest of these reports, read without decoding any.
    public var lastHead: ReportHead? { endIndex == 0 ? nil : group.heads[kept?[endIndex - 1] ?? endIndex - 1] }

    /// The heads of these reports (date, status, cited evidence).
    public var heads: [ReportHead] {
        guard let kept else { return Array(group.heads[..<endIndex]) }
        let all = group.heads
        return kept.map { all[$0] }
    }
}

/// The status reports a read for one command holds (``TrackerSnapshot/load(repository:commit:reportsOn:)``):
/// those on one target, or on every target of one instrument, plan or meeting.
public enum ReportScope: Sendable, Hashable {
    case target(QualifiedID)
    case owner(String)

    /// The instrument, plan or meeting whose targets the scope is about.
    var owner: String {
        switch self {
        case .target(let id): return id.owner
        case .owner(let owner): return owner
        }
    }

    /// Whether a report on `target` is in the scope.
    func contains(_ target: QualifiedID) -> Bool {
        switch self {
        case .target(let id): return target == id
        case .owner(let owner): return target.owner == owner
        }
    }

    /// What the stored head of a report in the scope holds (``StoredReportHead``): its
    /// target is the second field, and only a target holds a `#`.
    var headPattern: String {
        switch self {
        case .target(let id): return "\u{1F}\(id.owner)#\(id.local)\u{1F}"
        case .owner(let owner): return "\u{1F}\(owner)#"
        }
    }
}

/// Status reports a snapshot knows by id alone: those out of the scope it was read for
/// (``TrackerSnapshot/load(repository:commit:reportsOn:)``).
struct ReportsElsewhere: Sendable {
    /// The path of the revision's report with this id, if it has one.
    let path: @Sendable (RecordID) -> String?
}

/// Every status report of a snapshot, grouped by the target and party it is filed under.
final class ReportGroups: Sendable {
    /// By target position in the snapshot's targets, then party position in the target's
    /// reporting parties (``TrackedTarget/reportingParties``). A target whose id an earlier target already has gets empty groups: its
    /// reports are filed under the first.
    let filed: [[ReportGroup]]
    /// Reports on no known target, or by a party the target does not bind (problems that
    /// `validate` reports), in report order (see `StatusReport.precedes`).
    let unfiled: ReportGroup
    /// Every report's id. Built when first asked for: commands that look up no report by
    /// id (`status`, `show` of a plan item) need not pay for sorting them all.
    var ids: ReportIDs { idTable.value }
    private let idTable: Lazy<ReportIDs>
    /// The reports that are not among the groups' entries, known by id alone; nil when
    /// every report of the revision is an entry.
    let elsewhere: ReportsElsewhere?
    /// The target position and party position of each filed group, by group number.
    private let owners: [(target: Int, party: Int)]
    private let sorted: Lazy<[StatusReport]>
    /// How many ids were looked up by a pass over the entries (see ``entry(_:)``).
    private let passes = LockedValue(0)
    /// The lookups by id answered by a pass over the entries before the id table is built:
    /// recording one report asks one or two, an import thousands.
    private static let passesBeforeTable = 8

    private init(filed: [[ReportGroup]], unfiled: ReportGroup, idTable: Lazy<ReportIDs>, elsewhere: ReportsElsewhere?) {
        self.filed = filed
        self.unfiled = unfiled
        self.idTable = idTable
        self.elsewhere = elsewhere
        owners = filed.enumerated().flatMap { position, groups in groups.indices.map { (position, $0) } }
        sorted = Lazy {
            let groups = filed.flatMap { $0 } + [unfiled]
            var all = groups.flatMap(\.reports)
            all.sort { $0.precedes($1) }
            return all
        }
    }

    /// Files `entries`, in any order, under `targets`, each group then sorted in report
    /// order: a few dozen reports each, against one sort of every report (the store gives
    /// them an owner at a time, each owner's in date order). The entries are not kept
    /// together: the groups hold them, and a cold read of a large tracker is at its peak of
    /// memory here. `elsewhere` finds the reports of the revision that are not among
    /// `entries`, when some are left out.
    convenience init(filing entries: [ReportEntry], targets: [TrackedTarget], position: (QualifiedID) -> Int?,
                     elsewhere: ReportsElsewhere? = nil) {
        // Each target's parties taken out once, not read through the target for each of
        // 100,000 reports.
        let parties = targets.map(\.reportingParties)
        var filed = parties.map { [[ReportEntry]](repeating: [], count: $0.count) }
        var unfiled: [ReportEntry] = []
        for entry in entries {
            if let index = position(entry.target), let party = parties[index].firstIndex(of: entry.party) {
                filed[index][party].append(entry)
            } else {
                unfiled.append(entry)
            }
        }
        // Sorted where they lie: most groups come in order already, and are only looked at.
        for target in filed.indices {
            for party in filed[target].indices { filed[target][party].sort { $0.precedes($1) } }
        }
        unfiled.sort { $0.precedes($1) }
        let groups = filed.map { $0.map { $0.isEmpty ? ReportGroup.empty : ReportGroup(entries: $0) } }
        let unfiledGroup = unfiled.isEmpty ? ReportGroup.empty : ReportGroup(entries: unfiled)
        // The id table is made when first asked for: `status` and `gaps` look up no report by id.
        let table = Lazy {
            var places: [(id: String, place: ReportIDs.Place)] = []
            places.reserveCapacity(entries.count)
            for (number, group) in (Array(groups.joined()) + [unfiledGroup]).enumerated() {
                for (index, entry) in group.entries.enumerated() { places.append((entry.id, .init(group: number, index: index))) }
            }
            return ReportIDs(sorting: places)
        }
        self.init(filed: groups, unfiled: unfiledGroup, idTable: table, elsewhere: elsewhere)
    }

    /// Every entry, in no particular order (filed groups first).
    var entries: [ReportEntry] { groups.flatMap(\.entries) }

    /// The same reports with `reports` added, filed under `targets` (those of the snapshot
    /// they are added to): only the groups they join are decoded.
    func inserting(_ reports: [StatusReport], targets: [TrackedTarget], position: (QualifiedID) -> Int?) -> ReportGroups {
        var filed = filed
        var unfiled = unfiled
        var places: [(id: String, place: ReportIDs.Place)] = []
        for report in reports {
            if let index = position(report.target), let party = targets[index].reportingParties.firstIndex(of: report.party) {
                let (group, at) = filed[index][party].inserting(report)
                filed[index][party] = group
                let number = filed[..<index].reduce(party) { $0 + $1.count }
                places.append((report.id.rawValue, .init(group: number, index: at)))
            } else {
                let (group, at) = unfiled.inserting(report)
                unfiled = group
                places.append((report.id.rawValue, .init(group: filed.reduce(0) { $0 + $1.count }, index: at)))
            }
        }
        let before = idTable, added = places
        return ReportGroups(filed: filed, unfiled: unfiled, idTable: Lazy { before.value.inserting(added) }, elsewhere: elsewhere)
    }

    /// What the report `id` says in brief, from its group and head: nil when no report has
    /// that id. Only a report on no known target is decoded (its group holds its target).
    func outline(of id: String, targets: [TrackedTarget]) -> ReportOutline? {
        guard let place = ids.place(of: id) else { return nil }
        if place.group < owners.count {
            let (position, party) = owners[place.group]
            let head = filed[position][party].heads[place.index]
            return ReportOutline(id: id, target: targets[position].id, party: targets[position].reportingParties[party],
                                 date: head.date, status: head.status, illustrative: head.illustrative)
        }
        return ReportOutline(unfiled.reports[place.index])
    }

    /// Where the report `id` is filed: its target's position, its reporting party's position
    /// and its place in that group; nil when no filed report has that id.
    func filedPlace(of id: String) -> (target: Int, party: Int, index: Int)? {
        guard let place = ids.place(of: id), place.group < owners.count else { return nil }
        return (owners[place.group].target, owners[place.group].party, place.index)
    }

    /// Where the filed reports whose ids are among `ids` are (as ``filedPlace(of:)``, every
    /// one of them when two share an id). A pass over the entries: a tracker's few
    /// withdrawals must not cost every read the sorting of every report id.
    func filedPlaces(of ids: Set<String>) -> [(target: Int, party: Int, index: Int)] {
        guard !ids.isEmpty else { return [] }
        // A few ids (a tracker withdraws a handful of reports) are compared directly: hashing
        // every report's id to ask a set costs more than the comparisons.
        let few = ids.count <= 16 ? Array(ids) : nil
        var found: [(target: Int, party: Int, index: Int)] = []
        for (target, groups) in filed.enumerated() {
            for (party, group) in groups.enumerated() {
                for (index, entry) in group.entries.enumerated() {
                    if few?.contains(entry.id) ?? ids.contains(entry.id) { found.append((target, party, index)) }
                }
            }
        }
        return found
    }

    /// The entry with `id` (one of them, when two share it). The first few lookups are a
    /// pass over the entries (what `log` asks of the id it is about to give: far less than
    /// sorting every id); later ones, and all once the table is built, search the table.
    private func entry(_ id: String) -> ReportEntry? {
        if !idTable.isMade, passes.withLock({ count in count += 1; return count <= Self.passesBeforeTable }) {
            for group in groups {
                if let entry = group.entries.first(where: { $0.recordID.rawValue == id }) { return entry }
            }
            return nil
        }
        guard let place = ids.place(of: id) else { return nil }
        let group = place.group < owners.count ? filed[owners[place.group].target][owners[place.group].party] : unfiled
        return place.index < group.entries.count ? group.entries[place.index] : nil
    }

    /// Whether a report has the id, among the entries or ``elsewhere``. No report is decoded.
    func hasID(_ id: String) -> Bool {
        entry(id) != nil || (elsewhere.map { elsewhere in RecordID(id).flatMap(elsewhere.path) != nil } ?? false)
    }

    /// The path of the report with `id`, among the entries or ``elsewhere``; nil when no
    /// report has it. No report is decoded.
    func path(of id: RecordID) -> String? {
        entry(id.rawValue)?.path ?? elsewhere?.path(id)
    }

    /// The report with `id`; only its group is decoded.
    func report(_ id: String) -> StatusReport? {
        guard let place = ids.place(of: id) else { return nil }
        let group = place.group < owners.count ? filed[owners[place.group].0][owners[place.group].1] : unfiled
        return place.index < group.count ? group.reports[place.index] : nil
    }

    /// Every report, in report order (see `StatusReport.precedes`).
    var all: [StatusReport] { sorted.value }

    /// How many reports there are, without decoding them.
    var count: Int { filed.reduce(unfiled.count) { total, groups in groups.reduce(total) { $0 + $1.count } } }

    /// Every group: the filed ones in order, then the unfiled.
    var groups: [ReportGroup] { filed.flatMap { $0 } + [unfiled] }
}

/// The ids of a snapshot's status reports, sorted, in a flat byte table, each with where its
/// report is (group number, position in the group): whether an id is taken, and what a
/// report says in brief (its target, party, date and status, from its group and head), are
/// answered by a binary search over bytes, with no report decoded: `accord history` and
/// `show` of a report look up ids by the hundred.
///
/// Layout: the number of ids (4 bytes, little-endian), then `count + 1` offsets (4 bytes
/// each) into the text, then each id's group number and position (4 bytes each), then the
/// ids' UTF-8 bytes one after another. Groups are numbered in ``ReportGroups/groups`` order.
struct ReportIDs: Sendable {
    let bytes: [UInt8]

    /// A report's place: its group's number and its position in that group.
    struct Place: Hashable, Sendable {
        let group: Int
        let index: Int
    }

    /// Report ids are ASCII (``RecordID``), so Swift's string order is their byte order:
    /// sorted as strings, without a byte array per id.
    init(sorting entries: [(id: String, place: Place)]) {
        let sorted = entries.sorted { $0.id < $1.id }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 * (sorted.count + 1) + sorted.reduce(0) { $0 + $1.id.utf8.count })
        func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) } }
        append(sorted.count)
        var offset = 0
        for (id, _) in sorted { append(offset); offset += id.utf8.count }
        append(offset)
        for (_, place) in sorted { append(place.group); append(place.index) }
        for (id, _) in sorted { bytes.append(contentsOf: id.utf8) }
        self.bytes = bytes
    }

    var count: Int { Int(word(0)) }
    private var placesStart: Int { 4 * (count + 2) }
    private var textStart: Int { 4 * (count + 2) + 8 * count }
    private func word(_ index: Int) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)) }
    }
    private func offset(_ index: Int) -> Int { Int(word(index + 1)) }
    private func place(_ index: Int) -> Place {
        let first = placesStart / 4 + 2 * index
        return Place(group: Int(word(first)), index: Int(word(first + 1)))
    }
    private func id(_ index: Int) -> ArraySlice<UInt8> { bytes[textStart + offset(index)..<textStart + offset(index + 1)] }

    /// Where `id` is, or where it would go.
    private func position(of id: [UInt8]) -> (index: Int, found: Bool) {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            let stored = self.id(middle)
            if stored.elementsEqual(id) { return (middle, true) }
            if stored.lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    func contains(_ id: String) -> Bool { position(of: Array(id.utf8)).found }

    /// Where the report with `id` is; nil when no report has it.
    func place(of id: String) -> Place? {
        let found = position(of: Array(id.utf8))
        return found.found ? place(found.index) : nil
    }

    /// Every id, sorted by its bytes.
    var all: [String] {
        bytes.withUnsafeBufferPointer { buffer in
            (0..<count).map { index in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[textStart + offset(index)..<textStart + offset(index + 1)]), as: UTF8.self)
            }
        }
    }

    /// The table with a report `id` placed at `place`: the reports after it in its group
    /// move down one. Spliced into the bytes, with nothing decoded.
    func inserting(_ id: String, at place: Place) -> ReportIDs {
        let id = Array(id.utf8)
        let at = position(of: id).index
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.bytes.count + 12 + id.count)
        func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) } }
        append(count + 1)
        for index in 0...at { append(offset(index)) }
        for index in at...count { append(offset(index) + id.count) }
        for index in 0...count {
            if index == at { append(place.group); append(place.index) }
            guard index < count else { break }
            let old = self.place(index)
            append(old.group)
            append(old.group == place.group && old.index >= place.index ? old.index + 1 : old.index)
        }
        let split = textStart + offset(at)
        bytes.append(contentsOf: self.bytes[textStart..<split])
        bytes.append(contentsOf: id)
        bytes.append(contentsOf: self.bytes[split...])
        return ReportIDs(bytes: bytes)
    }

    /// The table with each of `batch` placed in turn, as by ``inserting(_:at:)`` one after
    /// the other, but read and written once: a chain of appended cache files adds its reports
    /// at once, and splicing 100,000 ids once per report cost more than the rest of a read.
    func inserting(_ batch: [(id: String, place: Place)]) -> ReportIDs {
        if batch.count <= 1 { return batch.first.map { inserting($0.id, at: $0.place) } ?? self }
        struct Entry {
            var start: Int, length: Int, isNew: Bool
            var group: Int, index: Int
        }
        let old = bytes
        var added: [UInt8] = []
        var entries = (0..<count).map { index in
            let place = place(index)
            return Entry(start: textStart + offset(index), length: offset(index + 1) - offset(index), isNew: false,
                         group: place.group, index: place.index)
        }
        func text(_ entry: Entry) -> ArraySlice<UInt8> {
            entry.isNew ? added[entry.start..<entry.start + entry.length] : old[entry.start..<entry.start + entry.length]
        }
        for (id, place) in batch {
            let id = Array(id.utf8)
            var low = 0, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if text(entries[middle]).lexicographicallyPrecedes(id) { low = middle + 1 } else { high = middle }
            }
            for position in entries.indices where entries[position].group == place.group && entries[position].index >= place.index {
                entries[position].index += 1
            }
            entries.insert(Entry(start: added.count, length: id.count, isNew: true, group: place.group, index: place.index), at: low)
            added += id
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(old.count + 12 * batch.count + added.count)
        func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) } }
        append(entries.count)
        var textOffset = 0
        for entry in entries { append(textOffset); textOffset += entry.length }
        append(textOffset)
        for entry in entries { append(entry.group); append(entry.index) }
        for entry in entries { bytes.append(contentsOf: text(entry)) }
        return ReportIDs(bytes: bytes)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }
}
