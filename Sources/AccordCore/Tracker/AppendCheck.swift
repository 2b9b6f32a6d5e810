internal import Foundation

/// The check of status reports, evidence and attachments added to a revision whose
/// instruments, plans, meetings and settings have no problems: what `accord log` checks
/// before it commits, and what the derived store checks of the records a sync, a pull or a
/// `git commit` brings.
///
/// These records are append-only and nothing refers to a report, so adding one cannot change
/// what another file means: the new records are checked against what they refer to alone
/// (the settings, instruments, plans and meetings, called the owners here), the
/// evidence and attachments they cite, and the ids already taken. The whole-tracker check
/// gives the same problems for the new files; reading 100,000 reports to find them is what
/// this avoids. Whoever builds the check says how the revision answers each question: from a
/// snapshot, from parsed rows, or from the derived store's tables.
struct AppendCheck {
    /// The settings, instruments, plans and meetings of the revision (all of them, or at
    /// least those the added records name when none of them is evidence with values).
    /// Texts play no part: only an instrument's own check reads them.
    let owners: [TrackerRecord]
    /// The targets the owners define, when the caller has them already.
    var targets: [TrackedTarget]?
    /// Whether the revision holds the attachment with this blob id.
    let hasAttachment: (String) -> Bool
    /// Whether the revision holds evidence with this id.
    let hasEvidence: (RecordID) -> Bool
    /// The path of the revision's status report or evidence (by `kind`) with this id, if any.
    let pathOfID: (Kind, RecordID) -> String?

    /// A record that has an id of its own among those that may be added.
    enum Kind { case report, evidence }

    /// Whether a file of this kind (by its path) is one this check takes: a status report,
    /// evidence or an attachment (with problems of its own or not: those are reported too).
    static func covers(kind: TrackerRecord.Kind) -> Bool {
        switch kind {
        case .report, .evidence, .attachment: return true
        default: return false
        }
    }

    /// The problems of `added` (files at the paths `paths`, all of kinds it ``covers(kind:)``) in
    /// the revision: what a whole check of the revision with them would report for their
    /// files, and a new id that another file of the revision already has (the whole check
    /// would name whichever file sorts later, which may be the one already there).
    func problems(of added: [TrackerRecord], paths: Set<String>) -> [Diagnostic] {
        var cited: [TrackerRecord] = []
        var seen = Set<String>()
        for record in added {
            guard case .evidence(let file) = record, let blob = file.value?.attachment?.blob,
                  hasAttachment(blob), seen.insert(blob).inserted else { continue }
            cited.append(.attachment(blob: blob))
        }
        var problems = TrackerSnapshot.problems(in: owners + cited + added, only: paths,
                                                knownEvidence: hasEvidence, targets: targets)
        problems += Self.repeatedIDs(in: added, pathOfID: pathOfID)
        return Set(problems).sorted()
    }

    /// A new status report or piece of evidence among `added` whose id the revision's
    /// record at another path has (`pathOfID` says where).
    static func repeatedIDs(in added: [TrackerRecord], pathOfID: (Kind, RecordID) -> String?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for record in added {
            switch record {
            case .report(let file):
                guard let report = file.value, let other = pathOfID(.report, report.id), other != file.file else { continue }
                problems.append(file.diagnostic("id", L10n.english("{1} is also the id of {2}", report.id, other)))
            case .evidence(let file):
                guard let item = file.value, let other = pathOfID(.evidence, item.id), other != file.file else { continue }
                problems.append(file.diagnostic("id", L10n.english("{1} is also the id of {2}", item.id, other)))
            default:
                continue
            }
        }
        return problems
    }
}
