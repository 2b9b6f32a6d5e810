public import Foundation

/// What readers may see of restricted evidence.
///
/// Restricted evidence still counts (coverage, gaps, the timeline of a commitment), and
/// its existence shows: id, kind, date, party, what it supports and that it is restricted.
/// Its title, note, source, url, attachment and indicator values are hidden unless the
/// reader asked for them (`--include-restricted`) and, for a sealed record (see
/// ``Evidence/sealed``), holds a key it was encrypted for: the flag alone opens nothing.
/// Values are hidden too: a figure is content as much as a title is.
public struct Redaction: Sendable, Hashable {
    /// The title shown in place of a hidden one.
    public static let placeholder = "restricted"

    /// Whether restricted evidence is shown in full.
    public let includeRestricted: Bool
    /// Sealed records opened with the reader's key, by id.
    public let opened: [RecordID: Evidence]

    /// A policy that hides restricted content unless `includeRestricted`; sealed records
    /// show only as far as `opened` holds them.
    public init(includeRestricted: Bool, opened: [RecordID: Evidence] = [:]) {
        self.includeRestricted = includeRestricted
        self.opened = opened
    }

    /// Whether `evidence` has content this policy hides.
    public func hides(_ evidence: Evidence) -> Bool {
        evidence.sensitivity == .restricted && (!includeRestricted || (evidence.sealed != nil && opened[evidence.id] == nil))
    }

    /// `evidence` as the reader may see it: opened, unchanged, or with title replaced by
    /// ``placeholder`` and note, source, url, attachment and values removed.
    public func apply(_ evidence: Evidence) -> Evidence {
        guard hides(evidence) else { return opened[evidence.id] ?? evidence }
        var shown = evidence
        shown.title = Self.placeholder
        shown.note = nil
        shown.source = nil
        shown.url = nil
        shown.attachment = nil
        shown.values = []
        return shown
    }

    /// This policy with the sealed records among `evidence` opened by the age identity
    /// file `identity`, and the ids of those it could not open (it is not a recipient).
    public func opening(_ evidence: [Evidence], identity: URL) throws -> (redaction: Redaction, unopened: [RecordID]) {
        guard FileManager.default.isReadableFile(atPath: identity.path) else {
            throw AgeEnvelope.Failure(message: "the age identity \(identity.path) is missing or unreadable", exitStatus: .noInput)
        }
        var opened = self.opened
        var unopened: [RecordID] = []
        for item in evidence where item.sealed != nil && opened[item.id] == nil {
            do {
                opened[item.id] = try item.unsealed(identity: identity)
            } catch let failure as AgeEnvelope.Failure where failure.isNotARecipient {
                unopened.append(item.id)
            }
        }
        return (Redaction(includeRestricted: includeRestricted, opened: opened), unopened)
    }
}
