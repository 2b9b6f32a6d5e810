/// A record that takes back a status report or a piece of evidence: retracted (it was a
/// mistake) or superseded (a new record replaces it). Stored as
/// `Withdrawals/<yyyy>/<id>.yaml`; append-only, like what it withdraws, so history is
/// never rewritten and two copies still merge as a union.
///
/// A withdrawn record counts for nothing at any as-of date: the state, the gaps and the
/// summaries leave it out, as if it had never been made; `show` and `history` still list
/// it, marked as withdrawn.
public struct Withdrawal: Sendable, Hashable, Codable {
    /// The id, equal to the file name: `wd-<date>-<5 random>`.
    public var id: RecordID
    /// The status report or evidence withdrawn.
    public var withdraws: RecordID
    /// The day it was withdrawn.
    public var date: CalendarDate
    /// Why, in a sentence; required.
    public var reason: String
    /// The record replacing it (`accord log --supersedes`, `accord evidence add
    /// --supersedes`); nil when simply retracted.
    public var replacedBy: RecordID?
    /// Who withdrew it, as `Name <email>`; becomes the commit's author.
    public var reporter: String?
    /// When accord wrote it.
    public var recordedAt: RecordingTime?

    /// Creates a withdrawal.
    public init(id: RecordID, withdraws: RecordID, date: CalendarDate, reason: String, replacedBy: RecordID? = nil,
                reporter: String? = nil, recordedAt: RecordingTime? = nil) {
        self.id = id
        self.withdraws = withdraws
        self.date = date
        self.reason = reason
        self.replacedBy = replacedBy
        self.reporter = reporter
        self.recordedAt = recordedAt
    }

    /// `retracted` or `superseded`.
    public var kind: String { replacedBy == nil ? "retracted" : "superseded" }

    /// The path of its file in the tracker.
    public var path: String { "Withdrawals/\(date.description.prefix(4))/\(id).yaml" }

    /// The commit message recording it; the reason stays in the file (it may be sensitive).
    public var commitMessage: String {
        replacedBy.map { "\(withdraws): superseded by \($0)" } ?? "\(withdraws): retracted"
    }
}
