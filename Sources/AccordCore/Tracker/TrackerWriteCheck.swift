public import GitStore

/// The check every write of texts, registers, meetings or summaries passes before the
/// branch moves (`Repository.apply(_:message:author:verify:)`): the tracker at the new
/// commit may have no problem that the tracker it was built on did not have. A write never
/// leaves a tracker that fails `accord validate` because of that write; problems that
/// were there before (a bad record arrived by sync) do not block it.
///
/// Status reports and evidence are checked against the snapshot they are added to
/// instead (``TrackerSnapshot/problems(adding:repository:commit:)``): appending a record
/// cannot change what another file means, so re-reading every record is not needed.
public enum TrackerWriteCheck {
    /// The `verify` closure for `Repository.apply`: throws ``InvalidTrackerData`` (65)
    /// listing the problems `commit` has and `base` had not.
    public static func verify(_ repository: Repository) -> (ObjectID, ObjectID?) throws -> Void {
        { commit, base in
            let problems = try newProblems(in: repository, commit: commit, base: base)
            if !problems.isEmpty { throw InvalidTrackerData(problems) }
        }
    }

    /// The problems of the tracker at `commit` not found at `base`. A problem is the same
    /// when its file, field and message are: an edit above it may move its line.
    public static func newProblems(in repository: Repository, commit: ObjectID, base: ObjectID?) throws -> [Diagnostic] {
        let after = try TrackerSnapshot.diagnostics(repository: repository, commit: commit)
        guard !after.isEmpty else { return [] }
        let before = try base.map { try TrackerSnapshot.diagnostics(repository: repository, commit: $0) } ?? []
        let known = Set(before.map { [$0.file, $0.field, $0.message] })
        return after.filter { !known.contains([$0.file, $0.field, $0.message]) }
    }
}
