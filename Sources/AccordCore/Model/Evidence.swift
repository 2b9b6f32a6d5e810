/// A piece of evidence that something was done: minutes, statistics, a legal act.
/// Stored as `Evidence/<yyyy>/<id>.yaml` and never edited; a correction is a new record.
public struct Evidence: Sendable, Hashable, Codable {
    /// What sort of document it is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case minutes, statistics
        case legalAct = "legal-act"
        case trainingRecord = "training-record"
        case report, media, correspondence, other
    }

    /// Who may see it.
    public enum Sensitivity: String, Sendable, Hashable, Codable, CaseIterable {
        case `public`, restricted
    }

    /// A file kept with the evidence, stored under its git blob id.
    public struct Attachment: Sendable, Hashable, Codable {
        /// The name to show and to save it as.
        public var name: String
        /// The git blob id (40 hex digits) of its bytes.
        public var blob: String
        /// The size in bytes.
        public var size: Int

        /// Creates an attachment.
        public init(name: String, blob: String, size: Int) {
            self.name = name
            self.blob = blob
            self.size = size
        }

        /// The path of its bytes in the tracker: `Evidence/attachments/<aa>/<rest>`.
        public var path: String { "\(TrackerLayout.attachments)\(blob.prefix(2))/\(blob.dropFirst(2))" }
    }

    /// A figure the evidence reports for an indicator.
    public struct Value: Sendable, Hashable, Codable {
        /// The indicator's id (from accord.yaml or a plan item).
        public var indicator: String
        /// Where it was counted (a scope of accord.yaml).
        public var scope: String?
        /// The period it covers, as written (`2015`, `2012-2017`).
        public var period: String?
        /// The figure.
        public var value: Double
        /// Where this figure comes from when it is not the evidence's own source (a second
        /// source's different count), and whether it is illustrative.
        public var provenance: Provenance
        /// The figure split by sex, age group or form of exploitation, where the source does.
        public var breakdowns: [Breakdown]

        /// Creates a value.
        public init(indicator: String, scope: String? = nil, period: String? = nil, value: Double,
                    provenance: Provenance = Provenance(), breakdowns: [Breakdown] = []) {
            self.indicator = indicator
            self.scope = scope
            self.period = period
            self.value = value
            self.provenance = provenance
            self.breakdowns = breakdowns
        }
    }

    /// A figure split by one characteristic of the persons or cases counted: its parts, as
    /// the source gives them. Their sum is checked against the figure, not forced to it: a
    /// source's parts may leave some out.
    public struct Breakdown: Sendable, Hashable, Codable {
        /// What the figure is split by.
        public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
            /// Female, male, …
            case sex
            /// Age groups, such as `under-18` and `18-and-over`.
            case age
            /// Forms of exploitation, such as `sexual`, `forced-labour`, `forced-marriage`.
            case exploitation

            /// The dimension's name in the run's language.
            public var label: String {
                switch self {
                case .sex: L10n.t("sex")
                case .age: L10n.t("age group")
                case .exploitation: L10n.t("form of exploitation")
                }
            }
        }

        /// One part: a category as the source names it (a slug) and its figure.
        public struct Part: Sendable, Hashable, Codable {
            /// The category, such as `female` or `under-18`.
            public var category: String
            /// Its figure.
            public var value: Double

            /// Creates a part.
            public init(category: String, value: Double) {
                self.category = category
                self.value = value
            }
        }

        /// What the figure is split by.
        public var dimension: Dimension
        /// The parts, in the order written.
        public var parts: [Part]

        /// Creates a breakdown.
        public init(dimension: Dimension, parts: [Part]) {
            self.dimension = dimension
            self.parts = parts
        }

        /// The sum of the parts.
        public var sum: Double { parts.reduce(0) { $0 + $1.value } }
    }

    /// The id, equal to the file name.
    public var id: RecordID
    /// What sort of document it is.
    public var kind: Kind
    /// What it is.
    public var title: String
    /// The day the evidence speaks for; decides its folder year.
    public var date: CalendarDate
    /// When it was filed, if later.
    public var recorded: CalendarDate?
    /// The party that supplied it.
    public var party: PartyCode?
    /// Where it comes from, where it can be read, and whether it is illustrative.
    public var provenance: Provenance
    /// Where it comes from.
    public var source: String? {
        get { provenance.source }
        set { provenance.source = newValue }
    }
    /// Where it can be read.
    public var url: String? {
        get { provenance.url }
        set { provenance.url = newValue }
    }
    /// Who may see it.
    public var sensitivity: Sensitivity
    /// The commitments, plan items and decisions it supports.
    public var supports: [QualifiedID]
    /// The file kept with it.
    public var attachment: Attachment?
    /// Indicator figures.
    public var values: [Value]
    /// Free text; disagreeing sources are named here.
    public var note: String?
    /// For restricted evidence: the whole record, title and all, encrypted for the
    /// recipients of accord.yaml (an ASCII-armoured age file). The other fields then hold
    /// only what anyone may see: id, kind, dates, party, sensitivity and what it supports;
    /// the title is ``Redaction/placeholder``.
    public var sealed: String?

    /// Creates a piece of evidence.
    public init(
        id: RecordID, kind: Kind, title: String, date: CalendarDate, recorded: CalendarDate? = nil,
        party: PartyCode? = nil, source: String? = nil, url: String? = nil,
        sensitivity: Sensitivity = .public, supports: [QualifiedID] = [], attachment: Attachment? = nil,
        values: [Value] = [], note: String? = nil, sealed: String? = nil, illustrative: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.recorded = recorded
        self.party = party
        self.provenance = Provenance(source: source, url: url, illustrative: illustrative)
        self.sensitivity = sensitivity
        self.supports = supports
        self.attachment = attachment
        self.values = values
        self.note = note
        self.sealed = sealed
    }

    /// The path of its file in the tracker.
    public var path: String { Self.path(id: id, date: date) }

    /// The path of the file of the evidence `id` dated `date`.
    static func path(id: RecordID, date: CalendarDate) -> String { "Evidence/\(date.description.prefix(4))/\(id).yaml" }
}
