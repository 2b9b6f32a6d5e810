public import Foundation
public import GitStore

extension TrackerSnapshot {
    /// The problems that adding `files` (paths and bytes, not yet committed) would cause in
    /// those files, checked against this snapshot of the commit they go on.
    ///
    /// Status reports, evidence and attachments are append-only: adding one cannot change
    /// what another file means, so they are checked against the snapshot's values alone
    /// (its instruments, plans, meetings, evidence ids) instead of re-reading all
    /// 100,000 records of a large tracker. Anything else, or a tracker whose instruments,
    /// plans, meetings or settings have problems of their own, is checked against every
    /// record of `commit` read from `repository`.
    public func problems(adding files: [String: Data], repository: Repository, commit: ObjectID) throws -> [Diagnostic] {
        let newFiles = Set(files.keys)
        let added = files.map { TrackerRecord.parse(path: $0.key, data: $0.value) }
        if newFiles.allSatisfy({ AppendCheck.covers(kind: TrackerRecord.classify($0)) }), let check = appendCheck() {
            return check.problems(of: added, paths: newFiles)
        }
        // A file written anew (a request being answered) stands in for the one committed.
        let kept = try TrackerRecord.all(in: repository, at: commit).filter { record in
            guard case .request(let file) = record else { return true }
            return !newFiles.contains(file.file)
        }
        let problems = TrackerSnapshot.problems(in: kept + added, only: newFiles)
        return Set(problems + AppendCheck.repeatedIDs(in: added, pathOfID: pathOfID)).sorted()
    }

    /// After `commit` added `files` (checked with ``problems(adding:repository:commit:)``,
    /// none found) on top of `parent`, the revision this snapshot was read from, adds their
    /// records to the derived store, so that the next command reads `commit` without
    /// comparing trees. Only done when the result is exactly what a full read would give:
    /// this snapshot has no problems, `commit`'s only parent is `parent`, and the files are
    /// status reports, evidence and attachments without problems. Failures are ignored:
    /// the next read then brings the store up to `commit` itself.
    public func storeAppended(_ files: [String: Data], repository: Repository, parent: ObjectID, commit: ObjectID) {
        storeAppended(files, repository: repository, parent: parent, series: [commit])
    }

    /// As ``storeAppended(_:repository:parent:commit:)``, after `series` (each commit on the
    /// one before, the first on `parent`) added `files` between them: the store moves from
    /// `parent` to the last commit of the series.
    public func storeAppended(_ files: [String: Data], repository: Repository, parent: ObjectID, series: [ObjectID]) {
        guard diagnostics.isEmpty, let last = series.last else { return }
        var expected = parent
        for commit in series {
            guard (try? repository.commit(commit).parents) == [expected] else { return }
            expected = commit
        }
        var rows: [RecordStore.Row] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            guard let entry = try? repository.entry(path, at: last) else { return }
            let row = RecordStore.row(path: path, blob: entry.id, data: data)
            guard Self.isAppendable(row.record) else { return }
            rows.append(row)
        }
        RecordStore.saveAppended(rows, repository: repository, parent: parent, commit: last)
    }

    /// This snapshot with the record files `files` (path → content) added, as a full read of
    /// a commit adding them to this snapshot's revision gives (what a long-running reader,
    /// the web server, keeps after its own write); nil unless this snapshot has no problems
    /// and every file is a status report, evidence or attachment without problems.
    public func appending(files: [String: Data]) -> TrackerSnapshot? {
        appending(files.sorted { $0.key < $1.key }.map { TrackerRecord.parse(path: $0.key, data: $0.value) })
    }

    /// Whether `record` is a status report, evidence or attachment without problems: what
    /// ``appending(_:)`` takes.
    static func isAppendable(_ record: TrackerRecord) -> Bool {
        guard record.diagnostics.isEmpty else { return false }
        switch record {
        case .report(let file): return file.value != nil
        case .evidence(let file): return file.value != nil
        case .attachment: return true
        default: return false
        }
    }

    /// This snapshot with `added` (status reports, evidence and attachments without
    /// problems) added: what a full read of the revision that adds them gives, when this
    /// snapshot has no problems. Nil when a record is of another kind or has a problem.
    /// Only the report groups the new reports join are decoded; the rest are shared.
    func appending(_ added: [TrackerRecord]) -> TrackerSnapshot? {
        guard diagnostics.isEmpty, added.allSatisfy(Self.isAppendable) else { return nil }
        var newEvidence: [Evidence] = [], newReports: [StatusReport] = [], newAttachments: [String] = []
        for record in added {
            switch record {
            case .report(let file): if let value = file.value { newReports.append(value) }
            case .evidence(let file): if let value = file.value { newEvidence.append(value) }
            case .attachment(let blob): newAttachments.append(blob)
            default: return nil
            }
        }
        return TrackerSnapshot(
            settings: settings, instruments: instruments, texts: textShelf, plans: plans,
            evidence: newEvidence.isEmpty ? evidenceStore : evidenceStore.inserting(newEvidence),
            meetings: meetings, attachments: attachments.union(newAttachments), withdrawals: withdrawals, requests: requests, targets: targets, diagnostics: []
        ) { targets, position in reportGroups.inserting(newReports, targets: targets, position: position) }
    }

    /// The check of append-only records added to this snapshot; nil when its owners have
    /// problems. Evidence and reports are known by id, looked up in the snapshot's tables,
    /// rather than rebuilt as records to check against.
    private func appendCheck() -> AppendCheck? {
        let ownerFolders = ["accord.yaml", "Agreements/", "Plans/", "Meetings/"]
        if diagnostics.contains(where: { problem in ownerFolders.contains { problem.file.hasPrefix($0) } }) { return nil }
        var owners: [TrackerRecord] = []
        if let settings { owners.append(.settings(.checked("accord.yaml", settings))) }
        for instrument in instruments {
            owners.append(.instrument(.checked("Agreements/\(instrument.id)/instrument.yaml", instrument)))
        }
        for plan in plans { owners.append(.plan(.checked("Plans/\(plan.id).yaml", plan))) }
        for meeting in meetings { owners.append(.meeting(.checked(meeting.path, meeting))) }
        // The targets are this snapshot's: the owners are the very records they came from.
        return AppendCheck(
            owners: owners, targets: targets, hasAttachment: attachments.contains, hasEvidence: evidenceStore.contains,
            pathOfID: pathOfID)
    }

    /// The path of this snapshot's status report or evidence with the id `id`, if any.
    private func pathOfID(_ kind: AppendCheck.Kind, _ id: RecordID) -> String? {
        switch kind {
        case .report:
            return reportGroups.path(of: id)
        case .evidence:
            return evidence(withID: id).first?.path
        }
    }
}

extension ParsedFile {
    /// A file already read and checked, rebuilt from its value (no field lines: problems
    /// are only reported in the new files).
    static func checked(_ file: String, _ value: Value) -> ParsedFile {
        ParsedFile(file: file, value: value, diagnostics: [], lines: [:], elementPaths: [:])
    }
}

extension TrackerSnapshot {
    /// Why adding `report` would change nothing in the state at `asOf` (the status of its
    /// party on its target, what is overdue, which periods are settled); nil when it changes
    /// something, or when that cannot be told without a full read (a tracker with problems).
    public func changesNothing(_ report: StatusReport, asOf: CalendarDate) -> String? {
        guard let after = appending([.report(.checked(report.path, report))]) else { return nil }
        func progress(_ snapshot: TrackerSnapshot) -> PartyProgress? {
            let state = TrackerState(snapshot, asOf: asOf, owners: [report.target.owner]).target(report.target)
            return report.party == .joint ? state?.joint : state?.progress(of: report.party)
        }
        guard let before = progress(self), let now = progress(after),
              before.status == now.status, before.isOverdue == now.isOverdue,
              before.periods.map(\.isSettled) == now.periods.map(\.isSettled) else { return nil }
        let who = report.party == .joint ? L10n.t("the joint status") : L10n.t("{1}'s status", report.party)
        if let latest = now.reports.last, latest.id != report.id {
            return L10n.t("a later report ({1}, {2}, {3}) still decides {4} on {5}", latest.id, latest.date, latest.status.rawValue, who, report.target)
        }
        return L10n.t("{1} on {2} was {3} already", who, report.target, before.status.rawValue)
            + (before.latestDate.map { L10n.t(" (since {1})", $0) } ?? "")
    }
}
