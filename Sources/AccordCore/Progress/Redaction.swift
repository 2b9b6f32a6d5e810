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
    /// Opens sealed records with the reader's key, each when first shown; nil without a key.
    public let opener: SealedEvidenceOpener?
    /// The parties whose restricted evidence may be shown; nil: every party's. Evidence of
    /// another party, or of none, stays hidden whatever key the reader holds (a web server
    /// holds one key for all its users).
    public let parties: Set<PartyCode>?

    /// A policy that hides restricted content unless `includeRestricted`; sealed records
    /// show only as far as `opener` can open them, and only those of `parties`.
    public init(includeRestricted: Bool, opener: SealedEvidenceOpener? = nil, parties: Set<PartyCode>? = nil) {
        self.includeRestricted = includeRestricted
        self.opener = opener
        self.parties = parties
    }

    /// Whether `evidence` has content this policy hides.
    public func hides(_ evidence: Evidence) -> Bool {
        guard evidence.sensitivity == .restricted else { return false }
        guard includeRestricted, mayShow(evidence) else { return true }
        return evidence.sealed != nil && opener?.open(evidence) == nil
    }

    /// Whether restricted `evidence` is of a party this policy shows.
    private func mayShow(_ evidence: Evidence) -> Bool {
        guard let parties else { return true }
        return evidence.party.map(parties.contains) ?? false
    }

    /// `evidence` as the reader may see it: opened, unchanged, or with title replaced by
    /// ``placeholder`` and note, source, url, attachment and values removed.
    public func apply(_ evidence: Evidence) -> Evidence {
        if includeRestricted, mayShow(evidence), evidence.sealed != nil, let opened = opener?.open(evidence) { return opened }
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

/// Opens sealed evidence with one age identity file, each record once, when a command first
/// shows it: a command that shows none of them runs no decryption.
public final class SealedEvidenceOpener: @unchecked Sendable, Hashable {
    /// The identity file.
    public let identity: URL
    /// Called once, the first time a record cannot be opened because the identity is not
    /// among its recipients.
    private let notARecipient: @Sendable () -> Void
    private let lock = NSLock()
    private var opened: [RecordID: Evidence?] = [:]
    private var warned = false

    /// An opener reading `identity`; fails when the file is missing or unreadable.
    public init(identity: URL, notARecipient: @escaping @Sendable () -> Void) throws {
        guard FileManager.default.isReadableFile(atPath: identity.path) else {
            throw AccordError(.notFound, L10n.t("the age identity {1} is missing or unreadable", identity.path))
        }
        self.identity = identity
        self.notARecipient = notARecipient
    }

    /// The record `sealed` holds; nil when this identity is not a recipient. Any other
    /// failure (a damaged identity file or record) ends the command: it is reported by
    /// `check()` before anything is shown.
    func open(_ sealed: Evidence) -> Evidence? {
        lock.lock()
        defer { lock.unlock() }
        if let known = opened[sealed.id] { return known }
        let result = (try? sealed.unsealed(identity: identity)) ?? nil
        opened[sealed.id] = .some(result)
        if result == nil, !warned {
            warned = true
            notARecipient()
        }
        return result
    }

    /// Opens `sample` (a sealed record) now, so that an identity file age cannot read is
    /// reported as such, not as records it does not open.
    public func check(with sample: Evidence) throws {
        guard let inner = try sample.unsealed(identity: identity) else { return }
        lock.lock()
        opened[sample.id] = .some(inner)
        lock.unlock()
    }

    public static func == (lhs: SealedEvidenceOpener, rhs: SealedEvidenceOpener) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
