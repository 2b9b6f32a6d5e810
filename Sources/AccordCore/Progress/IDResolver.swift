/// Turns an id a person typed into the thing it names, accepting unique short forms.
///
/// Accepted, in this order: the full id (`tip-2005#7.2`); a unique local part
/// (`7.2` when only one instrument, plan or meeting has it); a unique prefix of a record id
/// (`ev-2016-sihan`, `tip-2005` → the only id starting so); failing those, a unique part
/// of an id without `#` (`sihanoukville` for the meeting `2016-10-05-sihanoukville-review`),
/// three characters at least; and `owner#local` where
/// the owner is itself a unique short form (`tip#7.2` is not accepted when `tip-2005` and
/// `tip-2012` both exist). Anything else is unknown (exit 66, with the nearest ids) or
/// ambiguous (exit 64, with the candidates).
public struct IDResolver: Sendable {
    /// What an id names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case instrument, plan, article, clause, commitment
        case planArea = "plan-area"
        case planItem = "plan-item"
        case meeting, decision, evidence
        case report = "status-report"

        /// Which kind wins when one full id names several things: a commitment rests on
        /// a clause of the same id, and the commitment is what people track.
        fileprivate var precedence: Int {
            switch self {
            case .commitment, .planItem, .decision: return 0
            case .clause: return 1
            case .article, .planArea: return 2
            default: return 3
            }
        }
    }

    /// A resolved id: its full spelling and what it names.
    public struct Resolved: Sendable, Hashable, Codable {
        /// The full id (`tip-2005#7.2`).
        public let id: String
        /// What it names.
        public let kind: Kind

        /// The id as `owner#local`, for the kinds that have one.
        public var qualifiedID: QualifiedID? { QualifiedID(id) }

        /// Creates a resolved id.
        public init(id: String, kind: Kind) {
            self.id = id
            self.kind = kind
        }
    }

    /// Why an id could not be resolved.
    public enum Failure: AccordFailure, Sendable, Equatable {
        /// Nothing has this id; the nearest ids, at most three.
        case unknown(String, suggestions: [String])
        /// Several things match the short form.
        case ambiguous(String, candidates: [String])
        /// The id names something that did not exist yet at the as-of date; the reason.
        case notYet(String, reason: String)

        /// Not found (66) for an unknown id or one that did not exist yet; usage (64) for
        /// an ambiguous one.
        public var accordError: AccordError {
            switch self {
            case .unknown(let text, let suggestions):
                return AccordError(.notFound, suggestions.isEmpty ? L10n.t("unknown id '{1}'", text)
                    : L10n.t("unknown id '{1}' (did you mean {2}?)", text, suggestions.joined(separator: ", ")))
            case .ambiguous(let text, let candidates):
                let shown = candidates.prefix(10).joined(separator: ", ")
                let more = candidates.count > 10 ? " " + L10n.t("and {1} more", candidates.count - 10) : ""
                return AccordError(.usage, L10n.t("ambiguous id '{1}': it could be {2}; give the full id", text, shown + more))
            case .notYet(let text, let reason):
                return AccordError(.notFound, L10n.t("{1} did not exist yet: {2}", text, reason))
            }
        }
    }

    /// Every id the snapshot knows, with what it names.
    public var catalog: [String: Kind] { tables.value.catalog }
    private var owners: [String] { tables.value.owners }
    private let snapshot: TrackerSnapshot
    /// Made on the first question that needs it (a large tracker has 120,000 ids).
    private let tables: Lazy<Tables>

    private struct Tables: Sendable {
        let catalog: [String: Kind]
        /// The ids without `#`, unsorted: `resolve` sorts the few candidates it finds.
        let owners: [String]
    }

    /// Indexes every id of `snapshot`: instruments with their articles, clauses and
    /// commitments, plans with areas and items, meetings with decisions, evidence and
    /// status reports. The index is built on the first question that needs it: a full id
    /// of a commitment, plan item or decision is answered from the snapshot directly.
    public init(_ snapshot: TrackerSnapshot) {
        self.snapshot = snapshot
        tables = Lazy { Self.tables(of: snapshot) }
    }

    private static func tables(of snapshot: TrackerSnapshot) -> Tables {
        var catalog: [String: Kind] = [:]
        func add(_ id: String, _ kind: Kind) {
            if let existing = catalog[id], existing.precedence <= kind.precedence { return }
            catalog[id] = kind
        }
        for instrument in snapshot.instruments {
            let owner = instrument.id.rawValue
            add(owner, .instrument)
            if let text = snapshot.primaryText(of: instrument) {
                for article in text.articles {
                    add("\(owner)#\(article.id)", .article)
                    for clause in article.clauses { add("\(owner)#\(clause.id)", .clause) }
                }
            }
            for commitment in instrument.commitments { add("\(owner)#\(commitment.id)", .commitment) }
        }
        for plan in snapshot.plans {
            let owner = plan.id.rawValue
            add(owner, .plan)
            for area in plan.areas {
                add("\(owner)#\(area.id)", .planArea)
                for item in area.items { add("\(owner)#\(item.id)", .planItem) }
            }
        }
        for meeting in snapshot.meetings {
            add(meeting.id.rawValue, .meeting)
            for decision in meeting.decisions { add("\(meeting.id)#\(decision.id)", .decision) }
        }
        for head in snapshot.evidenceStore.heads { add(head.id.rawValue, .evidence) }
        for id in snapshot.reportIDs { add(id, .report) }  // from the id table: no report decoded
        return Tables(catalog: catalog, owners: catalog.keys.filter { !$0.utf8.contains(UInt8(ascii: "#")) })
    }

    /// What the id `id` (one without `#`) names, looked up kind by kind in the order the
    /// catalog settles a tie in (instrument, plan, meeting, evidence, report), without
    /// building it: the catalog hashes every id, 100,000 report ids among them.
    private func recordKind(_ id: String) -> Kind? {
        if snapshot.instruments.contains(where: { $0.id.rawValue == id }) { return .instrument }
        if snapshot.plans.contains(where: { $0.id.rawValue == id }) { return .plan }
        if snapshot.meetings.contains(where: { $0.id.rawValue == id }) { return .meeting }
        if RecordID(id).map(snapshot.evidenceStore.contains) == true { return .evidence }
        return snapshot.hasReport(id) ? .report : nil
    }

    /// What the full id `id` names when it is no target: a clause or an article of the
    /// instrument's primary text, or an area of the plan, in the order the catalog settles a
    /// tie in (a clause before an article, an instrument's part before a plan's), without
    /// building the catalog.
    private func partKind(_ id: QualifiedID) -> Kind? {
        guard let owner = InstrumentID(id.owner) else { return nil }
        if let instrument = snapshot.instrument(owner), let text = snapshot.primaryText(of: instrument) {
            if text.articles.contains(where: { $0.clauses.contains { $0.id == id.local } }) { return .clause }
            if text.articles.contains(where: { $0.id == id.local }) { return .article }
        }
        if let plan = snapshot.plan(owner), plan.areas.contains(where: { $0.id == id.local }) { return .planArea }
        return nil
    }

    /// Whether an instrument, plan, meeting, piece of evidence or status report already has
    /// the id `id` (one without `#`): what a new record's id must not be. Answered without
    /// building the catalog.
    public func isTaken(_ id: String) -> Bool {
        snapshot.hasReport(id) || RecordID(id).map(snapshot.evidenceStore.contains) == true
            || snapshot.meetings.contains { $0.id.rawValue == id } || snapshot.instruments.contains { $0.id.rawValue == id }
            || snapshot.plans.contains { $0.id.rawValue == id } || snapshot.withdrawals.contains { $0.id.rawValue == id }
    }

    /// Resolves `text` when it is a full id, which needs no catalog: nil otherwise (a short
    /// form, an unknown id). The first steps of ``resolve(_:)``, and the same answer.
    public func resolveWithoutCatalog(_ text: String) -> Resolved? {
        let typed = LocalForms.typed(text).trimmingSpaces.lowercased()
        // The common case, a target's full id: targets are the kinds that win when one id
        // names several things.
        if let id = QualifiedID(typed), let target = snapshot.target(id) {
            switch target.kind {
            case .commitment: return Resolved(id: typed, kind: .commitment)
            case .planItem: return Resolved(id: typed, kind: .planItem)
            case .decision: return Resolved(id: typed, kind: .decision)
            }
        }
        // Then the full id of an instrument, plan, meeting, piece of evidence or report,
        // and of an article, clause or plan area.
        if !typed.utf8.contains(UInt8(ascii: "#")), let kind = recordKind(typed) { return Resolved(id: typed, kind: kind) }
        if let id = QualifiedID(typed), let kind = partKind(id) { return Resolved(id: typed, kind: kind) }
        return nil
    }

    /// Resolves `text`, accepting unique short forms.
    public func resolve(_ text: String) throws(Failure) -> Resolved {
        if let resolved = resolveWithoutCatalog(text) { return resolved }
        // Ids are ASCII: Khmer digits typed in one are read as the digits they stand for.
        let typed = LocalForms.typed(text).trimmingSpaces.lowercased()
        if let kind = catalog[typed] { return Resolved(id: typed, kind: kind) }
        var candidates: [String]
        if let hash = typed.firstIndex(of: "#") {
            // `owner#local` with a short owner: resolve the owner, keep the local part exact.
            let owner = String(typed[..<hash]), local = String(typed[typed.index(after: hash)...])
            candidates = owners.filter { $0.hasPrefix(owner) && catalog["\($0)#\(local)"] != nil }
                .map { "\($0)#\(local)" }
        } else {
            candidates = catalog.keys.filter { id in
                guard let hash = id.firstIndex(of: "#") else { return id.hasPrefix(typed) }
                return id[id.index(after: hash)...] == typed
            }
        }
        if candidates.isEmpty, !typed.contains("#"), typed.count >= 3 {
            // Meetings and records start with a date; a word from inside the id finds them.
            candidates = owners.filter { $0.contains(typed) }
        }
        candidates.sort(by: Self.order)
        if candidates.count == 1, let id = candidates.first, let kind = catalog[id] {
            return Resolved(id: id, kind: kind)
        }
        if candidates.count > 1 { throw .ambiguous(text, candidates: candidates) }
        throw .unknown(text, suggestions: suggestions(for: typed))
    }

    /// Resolves `text` and requires one of `kinds`; anything else is reported as unknown
    /// for this purpose (exit 66), naming what was expected.
    public func resolve(_ text: String, as kinds: Set<Kind>) throws(Failure) -> Resolved {
        let resolved = try resolve(text)
        guard kinds.contains(resolved.kind) else {
            let nearest = catalog.filter { kinds.contains($0.value) }.map(\.key)
            let ranked = Self.nearest(to: resolved.id, among: nearest)
            throw .unknown(text, suggestions: ranked)
        }
        return resolved
    }

    /// The ids nearest to `text` by edit distance, at most three, close enough to be a typo.
    public func suggestions(for text: String) -> [String] {
        Self.nearest(to: text, among: catalog.keys)
    }

    /// The three ids of `ids` nearest to `text` (ties in reading order). Kept as they are
    /// found rather than sorted at the end: a typed target is near thousands of ids of a
    /// large tracker, and every comparison in reading order parses two of them.
    static func nearest(to text: String, among ids: some Sequence<String>) -> [String] {
        let limit = max(2, text.count / 3)
        let typed = Array(text.unicodeScalars)
        var best: [(distance: Int, id: String)] = []
        func precedes(_ a: (distance: Int, id: String), _ b: (distance: Int, id: String)) -> Bool {
            a.distance != b.distance ? a.distance < b.distance : order(a.id, b.id)
        }
        for id in ids {
            // Once three are found, only as near as the third can still take a place.
            guard let distance = EditDistance.between(typed, id, limit: best.count == 3 ? best[2].distance : limit) else { continue }
            let found = (distance: distance, id: id)
            guard best.count < 3 || precedes(found, best[2]) else { continue }
            best.insert(found, at: best.firstIndex { precedes(found, $0) } ?? best.endIndex)
            if best.count > 3 { best.removeLast() }
        }
        return best.map(\.id)
    }

    /// Full ids in reading order: owner, then the local part numerically.
    static func order(_ lhs: String, _ rhs: String) -> Bool {
        if let left = QualifiedID(lhs), let right = QualifiedID(rhs) { return left < right }
        return lhs < rhs
    }
}

extension TrackerSnapshot {
    /// The text an instrument's clauses are read from: the first of its languages that has
    /// a file (the same rule validation uses for commitments' clauses).
    public func primaryText(of instrument: Instrument) -> InstrumentText? {
        let texts = self.texts[instrument.id] ?? [:]
        for language in instrument.languages { if let text = texts[language] { return text } }
        return texts.keys.sorted().first.flatMap { texts[$0] }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
