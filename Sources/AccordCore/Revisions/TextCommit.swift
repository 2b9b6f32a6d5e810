public import GitStore

/// What ``TextRevisions`` needs of one commit that touched an instrument's folder: its
/// id, date, message and tags, and the blob id of each language's text at that commit.
///
/// Plain values, so the revisions can be computed (and later cached) from object ids and
/// blob bytes alone, without the repository.
public struct TextCommit: Sendable, Hashable {
    /// The commit's id.
    public let id: ObjectID
    /// Its author date as a calendar day: the date of the fact the commit records.
    public let date: CalendarDate
    /// The commit message.
    public let message: String
    /// The tags that name this commit.
    public let tags: [String]
    /// The blob id of `text.<lang>.md` at this commit, by language tag.
    public let texts: [String: ObjectID]

    /// Creates a commit description.
    public init(id: ObjectID, date: CalendarDate, message: String, tags: [String] = [], texts: [String: ObjectID]) {
        self.id = id
        self.date = date
        self.message = message
        self.tags = tags
        self.texts = texts
    }
}
