public import AccordCore

/// What a redline page says above the changes: the instrument's title and the two versions
/// compared, each with its date and tag when it is a recorded revision.
public struct DiffHeading: Sendable, Hashable {
    /// One version of the text.
    public struct Version: Sendable, Hashable {
        /// The tag or short commit id that names it.
        public var label: String
        /// The date of the revision, when the version is one.
        public var date: CalendarDate?
        /// The revision's tag, when it has one.
        public var tag: String?

        /// A version with its label, date and tag.
        public init(label: String, date: CalendarDate? = nil, tag: String? = nil) {
            self.label = label
            self.date = date
            self.tag = tag
        }
    }

    /// The instrument's title.
    public var title: String
    /// The language of the text compared (`en`, `vi`, `km`): the page's `lang` and labels.
    public var language: String
    /// The old version.
    public var old: Version
    /// The new version.
    public var new: Version

    /// A heading with its parts.
    public init(title: String, language: String, old: Version, new: Version) {
        self.title = title
        self.language = language
        self.old = old
        self.new = new
    }
}
