/// What readers may see of restricted evidence.
///
/// Restricted evidence still counts (coverage, gaps, the timeline of a commitment), and
/// its existence shows: id, kind, date, party, what it supports and that it is restricted.
/// Its title, note, source, url, attachment and indicator values are hidden unless the
/// reader asked for them (`--include-restricted`). Values are hidden too: a figure is
/// content as much as a title is.
public struct Redaction: Sendable, Hashable {
    /// The title shown in place of a hidden one.
    public static let placeholder = "restricted"

    /// Whether restricted evidence is shown in full.
    public let includeRestricted: Bool

    /// A policy that hides restricted content unless `includeRestricted`.
    public init(includeRestricted: Bool) {
        self.includeRestricted = includeRestricted
    }

    /// Whether `evidence` has content this policy hides.
    public func hides(_ evidence: Evidence) -> Bool {
        evidence.sensitivity == .restricted && !includeRestricted
    }

    /// `evidence` as the reader may see it: unchanged, or with title replaced by
    /// ``placeholder`` and note, source, url, attachment and values removed.
    public func apply(_ evidence: Evidence) -> Evidence {
        guard hides(evidence) else { return evidence }
        var shown = evidence
        shown.title = Self.placeholder
        shown.note = nil
        shown.source = nil
        shown.url = nil
        shown.attachment = nil
        shown.values = []
        return shown
    }
}
