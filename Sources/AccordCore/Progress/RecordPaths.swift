public import GitStore
/// The files that belong to an id: its own file or folder, and the records about it.
/// `accord history ID` keeps the commits touching these.
public struct RecordPaths: Sendable {
    /// Exact file paths.
    public let files: Set<String>
    /// Folder prefixes (ending in `/`).
    public let folders: [String]
    /// The status reports among ``files``, by date then id: found through the reports'
    /// groups, so a history need not decode every report of the tracker.
    public let reports: [StatusReport]

    /// The paths of `resolved` in `snapshot`: an instrument's folder, a plan's or meeting's
    /// file, an evidence or report file (and an evidence's attachment); plus every status
    /// report on the targets it holds, and the evidence supporting them or cited by them.
    public init(resolved: IDResolver.Resolved, snapshot: TrackerSnapshot) {
        let owner = resolved.qualifiedID?.owner ?? resolved.id
        var files: Set<String> = []
        var folders: [String] = []
        var reports: [StatusReport] = []
        func targets(_ id: QualifiedID) -> Bool {
            switch resolved.kind {
            case .instrument, .plan, .meeting: return id.owner == owner
            case .article, .planArea:
                return id.owner == owner && (id.local == resolved.qualifiedID?.local
                    || id.local.hasPrefix((resolved.qualifiedID?.local ?? "") + "."))
            default: return id.description == resolved.id
            }
        }
        switch resolved.kind {
        case .evidence:
            if let withdrawal = RecordID(resolved.id).flatMap(snapshot.withdrawal(of:)) { files.insert(withdrawal.path) }
            if let item = RecordID(resolved.id).flatMap(snapshot.evidence) {
                files.insert(item.path)
                if let attachment = item.attachment { files.insert(attachment.path) }
            }
            if let id = RecordID(resolved.id) {
                for report in snapshot.reports(citing: id) { files.insert(report.path); reports.append(report) }
            }
        case .report:
            if let withdrawal = RecordID(resolved.id).flatMap(snapshot.withdrawal(of:)) { files.insert(withdrawal.path) }
            if let report = snapshot.report(resolved.id) {
                files.insert(report.path)
                reports.append(report)
            }
        default:
            if let instrument = InstrumentID(owner).flatMap(snapshot.instrument) {
                folders.append("Agreements/\(instrument.id)/")
            } else if snapshot.plan(InstrumentID(owner) ?? InstrumentID("x")!) != nil {
                files.insert("Plans/\(owner).yaml")
            } else if let meeting = snapshot.meetings.first(where: { $0.id.rawValue == owner }) {
                files.insert(meeting.path)
            }
            var cited: Set<RecordID> = []
            for report in snapshot.reports(onTargets: targets) {
                files.insert(report.path)
                reports.append(report)
                cited.formUnion(report.evidence)
            }
            // The evidence on the owner's targets found by its heads; only the evidence cited
            // is decoded.
            for head in snapshot.evidenceHeads(supportingTargetsOf: [owner]) where head.supports.contains(where: targets) {
                files.insert(Evidence.path(id: head.id, date: head.date))
            }
            for item in cited.flatMap(snapshot.evidence(withID:)) { files.insert(item.path) }
        }
        self.files = files
        self.folders = folders
        self.reports = reports
    }

    /// Whether `path` belongs to the id.
    public func contains(_ path: String) -> Bool { selection.contains(path) }

    /// The files and folders, as a history selects them.
    public var selection: PathSelection { PathSelection(files: files, folders: folders) }
}
