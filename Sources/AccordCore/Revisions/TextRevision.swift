public import GitStore

/// One revision of an instrument's texts: a commit that changed at least one of its
/// `text.<lang>.md` files, with what changed in each language and which languages it
/// left as they were.
public struct TextRevision: Sendable, Hashable, Codable {
    /// The commit.
    public let commit: ObjectID
    /// The author date: the day the revision was signed or made.
    public let date: CalendarDate
    /// The tag `<instrument>@<date>` naming the commit, if there is one.
    public let tag: String?
    /// The commit message.
    public let message: String
    /// The languages whose text this revision added, changed or removed, in the
    /// instrument's language order.
    public let languages: [LanguageRevision]
    /// The languages that have a text but were not revised here, with the date of the
    /// revision their text comes from.
    public let unrevised: [UnrevisedLanguage]

    /// Creates a revision.
    public init(commit: ObjectID, date: CalendarDate, tag: String?, message: String,
                languages: [LanguageRevision], unrevised: [UnrevisedLanguage]) {
        self.commit = commit
        self.date = date
        self.tag = tag
        self.message = message
        self.languages = languages
        self.unrevised = unrevised
    }

    /// The first line of the message.
    public var summary: String { String(message.prefix { $0 != "\n" }) }

    /// What this revision did to `language`; nil when it left that text alone.
    public func change(of language: String) -> LanguageRevision? {
        languages.first { $0.language == language }
    }

    /// `tip-2005@2012-09-28`, else the short commit id: how people name the revision.
    public var label: String { tag ?? shortCommit }

    /// The commit's abbreviated id, as `git log --oneline` shows it.
    public var shortCommit: String { commit.short }
}

/// What one revision did to the text in one language.
public struct LanguageRevision: Sendable, Hashable, Codable {
    /// How the file changed.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The language's first text.
        case added
        /// A new version of an existing text.
        case revised
        /// The text file was removed.
        case removed
    }

    /// The language tag (`en`).
    public let language: String
    /// How the file changed.
    public let kind: Kind
    /// The text's blob id after the revision; nil when removed.
    public let blob: ObjectID?
    /// The text's blob id before; nil when added.
    public let previousBlob: ObjectID?
    /// The date of the revision the previous text came from; nil when added.
    public let previousDate: CalendarDate?
    /// The articles that changed (not unchanged ones); empty when the text was added or removed.
    public let articles: [ArticleRevision]
    /// The ids of the articles and clauses whose text under that id differs
    /// (``InstrumentDiff/changedProvisions()``), in reading order; empty when added or removed.
    public let provisions: [String]
    /// Words added and removed in the whole text.
    public let wordsAdded: Int
    /// Words removed from the whole text.
    public let wordsRemoved: Int

    /// Creates a language revision.
    public init(language: String, kind: Kind, blob: ObjectID?, previousBlob: ObjectID?, previousDate: CalendarDate?,
                articles: [ArticleRevision] = [], provisions: [String] = [], wordsAdded: Int = 0, wordsRemoved: Int = 0) {
        self.language = language
        self.kind = kind
        self.blob = blob
        self.previousBlob = previousBlob
        self.previousDate = previousDate
        self.articles = articles
        self.provisions = provisions
        self.wordsAdded = wordsAdded
        self.wordsRemoved = wordsRemoved
    }
}

/// One changed article of a revision, in brief: enough to list, not the redline.
public struct ArticleRevision: Sendable, Hashable, Codable {
    /// The article's id before; nil when added.
    public let oldID: String?
    /// The article's id after; nil when removed.
    public let newID: String?
    /// How it changed.
    public let kind: ArticleChange.Kind
    /// Whether its words changed (a renumbered or moved article may be otherwise the same).
    public let isModified: Bool

    /// The summary of one article change of a diff.
    public init(_ change: ArticleChange) {
        oldID = change.oldID
        newID = change.newID
        kind = change.kind
        isModified = change.isModified
    }

    /// `7`, `7 (renumbered from 6)`, `9 (removed)`, `10 (added)`, `3 (moved)`.
    public var description: String {
        switch kind {
        case .added: "\(newID ?? "") (added)"
        case .removed: "\(oldID ?? "") (removed)"
        case .renumbered: "\(newID ?? "") (renumbered from \(oldID ?? ""))"
        case .moved: "\(newID ?? "") (moved)"
        case .replaced: "\(newID ?? "") (replaced)"
        case .modified, .unchanged: newID ?? oldID ?? ""
        }
    }
}

/// A language a revision did not touch, and since when its text has stood.
public struct UnrevisedLanguage: Sendable, Hashable, Codable {
    /// The language tag.
    public let language: String
    /// The date of the revision its text comes from.
    public let since: CalendarDate

    /// Creates the note.
    public init(language: String, since: CalendarDate) {
        self.language = language
        self.since = since
    }
}
