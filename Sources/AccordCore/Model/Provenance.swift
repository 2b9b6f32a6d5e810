/// Where a record comes from, and whether it records a fact at all.
///
/// A tracker used for training or demonstration mixes sourced facts with records written
/// only to show how the tool works. Outputs must never let the second pass for the first,
/// so every record can say which it is, and the reports carry the mark wherever the record
/// is used (see ``ProvenanceMark``).
public struct Provenance: Sendable, Hashable, Codable {
    /// The citation: who said it, where and when.
    public var source: String?
    /// Where the source can be read.
    public var url: String?
    /// True when the record was written for illustration and states no real fact.
    public var illustrative: Bool

    /// Creates a provenance.
    public init(source: String? = nil, url: String? = nil, illustrative: Bool = false) {
        self.source = source
        self.url = url
        self.illustrative = illustrative
    }

    /// Nothing said: no source, not illustrative.
    public var isEmpty: Bool { source == nil && url == nil && !illustrative }
}

/// What a reader must be told about a record shown in an output: that it was written for
/// illustration, or that it rests on a working summary rather than an authentic text.
public enum ProvenanceMark: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Written for illustration; states no real fact.
    case illustrative
    /// Rests on a working summary of a text, not on its authentic wording.
    case workingSummary = "working-summary"

    /// The words shown beside the record, in the run's language: `illustrative`,
    /// `working summary`.
    public var label: String {
        switch self {
        case .illustrative: L10n.t("illustrative")
        case .workingSummary: L10n.t("working summary")
        }
    }

    public static func < (lhs: ProvenanceMark, rhs: ProvenanceMark) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Whether one language's text of an instrument is authentic or a working summary.
public struct TextStanding: Sendable, Hashable, Codable {
    /// True for an authentic text; false for a working summary written to follow it.
    public var authentic: Bool
    /// Where the text (or what it summarises) comes from.
    public var provenance: Provenance

    /// Creates a standing.
    public init(authentic: Bool, provenance: Provenance = Provenance()) {
        self.authentic = authentic
        self.provenance = provenance
    }
}
