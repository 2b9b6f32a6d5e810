/// What the state needs of a status report without the rest of it: its date, its status
/// and the evidence it cites. A cached read decodes these for all reports, and a report's
/// other fields (id, reporter, note) only for the groups a command looks into.
public struct ReportHead: Sendable, Hashable {
    public let date: CalendarDate
    public let status: Status
    public let evidence: [RecordID]

    init(date: CalendarDate, status: Status, evidence: [RecordID]) {
        self.date = date
        self.status = status
        self.evidence = evidence
    }

    init(_ report: StatusReport) {
        self.init(date: report.date, status: report.status, evidence: report.evidence)
    }
}

/// The status reports of one party on one target, oldest first (by date, then id).
///
/// Read from the record cache, a group holds its reports' heads and the bytes of the
/// reports themselves, decoded the first time they are asked for: `accord status` on a
/// decade of reporting needs the latest status of a few thousand groups, not the text of
/// 100,000 reports.
final class ReportGroup: Sendable {
    let heads: [ReportHead]
    /// Where the encoded reports are, when the group was read from the cache: written back
    /// byte for byte, decoded or not.
    let encoded: (bytes: [UInt8], span: Range<Int>)?
    private let decoded: Lazy<[StatusReport]>

    static let empty = ReportGroup([])

    /// A group of reports already in memory, sorted by date then id.
    init(_ reports: [StatusReport]) {
        heads = reports.map(ReportHead.init)
        encoded = nil
        decoded = Lazy { reports }
    }

    /// A group read from the cache: `heads`, and its reports as a list at `span` of `bytes`
    /// (a part whose checksum was verified, so it decodes as written).
    init(heads: [ReportHead], bytes: [UInt8], span: Range<Int>) {
        self.heads = heads
        encoded = (bytes, span)
        decoded = Lazy {
            var reader = CacheReader(bytes, offset: span.lowerBound)
            guard let reports = try? reader.list({ try StatusReport(from: &$0) }), reader.offset == span.upperBound,
                  reports.count == heads.count else {
                // The part's checksum matched, so its bytes are those accord wrote.
                preconditionFailure("accord: the record cache in .git/accord/cache/records is damaged; delete that folder and run again")
            }
            return reports
        }
    }

    var count: Int { heads.count }

    /// The reports, decoded on first use.
    var reports: [StatusReport] { decoded.value }

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

    /// The same group with `report` added in its place.
    func inserting(_ report: StatusReport) -> ReportGroup {
        var reports = reports
        let index = reports.firstIndex { ($0.date, $0.id) > (report.date, report.id) } ?? reports.endIndex
        reports.insert(report, at: index)
        return ReportGroup(reports)
    }
}

/// The status reports of one party on one target up to the as-of date, oldest first; the
/// reports are decoded the first time one is read.
public struct ReportList: RandomAccessCollection, Sendable {
    let group: ReportGroup
    public let endIndex: Int
    public var startIndex: Int { 0 }

    init(_ group: ReportGroup, count: Int) {
        self.group = group
        endIndex = count
    }

    public subscript(position: Int) -> StatusReport {
        precondition(position >= 0 && position < endIndex, "report index out of range")
        return group.reports[position]
    }

    /// The heads of these reports (date, status, cited evidence), known without decoding them.
    public var heads: ArraySlice<ReportHead> { group.heads[..<endIndex] }
}

/// Every status report of a snapshot, grouped by the target and party it is filed under.
final class ReportGroups: Sendable {
    /// By target position in the snapshot's targets, then party position in the target's
    /// parties. A target whose id an earlier target already has gets empty groups: its
    /// reports are filed under the first.
    let filed: [[ReportGroup]]
    /// Reports on no known target, or by a party the target does not bind (problems that
    /// `validate` reports), by date then id.
    let unfiled: ReportGroup
    private let sorted: Lazy<[StatusReport]>

    /// Groups read or changed: every report is decoded when the whole list is first asked for.
    init(filed: [[ReportGroup]], unfiled: ReportGroup) {
        self.filed = filed
        self.unfiled = unfiled
        sorted = Lazy {
            let groups = filed.flatMap { $0 } + [unfiled]
            // Decoded on all cores, then merged into date order.
            let decoded = ParallelMap.map(groups) { $0.reports }
            return decoded.flatMap { $0 }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        }
    }

    /// Files `reports` (sorted by date then id) under `targets`. The sorted list is not
    /// kept: the groups hold the reports, and a cold read of a large tracker is at its
    /// peak of memory here.
    convenience init(sorting reports: [StatusReport], targets: [TrackedTarget], position: (QualifiedID) -> Int?) {
        var filed = targets.map { [[StatusReport]](repeating: [], count: $0.parties.count) }
        var unfiled: [StatusReport] = []
        for report in reports {
            if let index = position(report.target), let party = targets[index].parties.firstIndex(of: report.party) {
                filed[index][party].append(report)
            } else {
                unfiled.append(report)
            }
        }
        self.init(filed: filed.map { $0.map { $0.isEmpty ? ReportGroup.empty : ReportGroup($0) } },
                  unfiled: unfiled.isEmpty ? ReportGroup.empty : ReportGroup(unfiled))
    }

    /// The same reports with `reports` added, filed under `targets` (those of the snapshot
    /// they are added to): only the groups they join are decoded.
    func inserting(_ reports: [StatusReport], targets: [TrackedTarget], position: (QualifiedID) -> Int?) -> ReportGroups {
        var filed = filed
        var unfiled = unfiled
        for report in reports {
            if let index = position(report.target), let party = targets[index].parties.firstIndex(of: report.party) {
                filed[index][party] = filed[index][party].inserting(report)
            } else {
                unfiled = unfiled.inserting(report)
            }
        }
        return ReportGroups(filed: filed, unfiled: unfiled)
    }

    /// Every report, by date then id.
    var all: [StatusReport] { sorted.value }

    /// How many reports there are, without decoding them.
    var count: Int { filed.reduce(unfiled.count) { total, groups in groups.reduce(total) { $0 + $1.count } } }

    /// Every group: the filed ones in order, then the unfiled.
    var groups: [ReportGroup] { filed.flatMap { $0 } + [unfiled] }
}
