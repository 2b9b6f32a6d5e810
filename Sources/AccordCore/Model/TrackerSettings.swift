/// The tracker's settings, `accord.yaml`: who the parties are, the languages, thresholds,
/// and the indicators and scopes evidence may report.
public struct TrackerSettings: Sendable, Hashable, Codable {
    /// A party with its display name.
    public struct Party: Sendable, Hashable, Codable {
        /// The code.
        public var code: PartyCode
        /// The name to show.
        public var name: String
        /// The keys that may sign for it (see `Signer`); empty when none are listed.
        public var signers: [Signer]
        /// The age public keys (`age1…`) restricted evidence is encrypted for.
        public var recipients: [String]

        /// Creates a party.
        public init(code: PartyCode, name: String, signers: [Signer] = [], recipients: [String] = []) {
            self.code = code
            self.name = name
            self.signers = signers
            self.recipients = recipients
        }
    }

    /// Limits the checks and reports use.
    public struct Thresholds: Sendable, Hashable, Codable {
        /// In-progress work with no report or evidence for longer is stale.
        public var staleAfterMonths: Int
        /// Larger attachments are refused.
        public var attachmentMaxMB: Int
        /// A meeting this close to a scheduled review counts as holding it.
        public var reviewToleranceMonths: Int

        /// Creates thresholds; the defaults are those docs/formats.md shows.
        public init(staleAfterMonths: Int = 12, attachmentMaxMB: Int = 50, reviewToleranceMonths: Int = 3) {
            self.staleAfterMonths = staleAfterMonths
            self.attachmentMaxMB = attachmentMaxMB
            self.reviewToleranceMonths = reviewToleranceMonths
        }
    }

    /// Where an indicator value was counted.
    public struct Scope: Sendable, Hashable, Codable {
        /// The id evidence uses.
        public var id: String
        /// What it covers.
        public var title: String

        /// Creates a scope.
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    /// The format version; 1.
    public var format: Int
    /// The tracker's name.
    public var name: String
    /// The parties.
    public var parties: [Party]
    /// Languages texts may be written in; the first is the default.
    public var languages: [String]
    /// Limits.
    public var thresholds: Thresholds
    /// The statistics evidence may carry.
    public var indicators: [Indicator]
    /// Where values may be counted.
    public var scopes: [Scope]
    /// What `sync` does with incoming changes a party did not sign.
    public var signatures: SignaturePolicy
    /// The languages accord speaks for this tracker when its user chose none (`language:`);
    /// more than one makes summaries bilingual. Empty: the user's locale, else English.
    public var interfaceLanguages: [Language] = []
    /// The digits outputs use when the user chose none (`digits:`); nil for ASCII.
    public var digits: LocalForms.Digits? = nil

    /// Creates settings.
    public init(
        format: Int = 1, name: String, parties: [Party], languages: [String] = ["en"],
        thresholds: Thresholds = Thresholds(), indicators: [Indicator] = [], scopes: [Scope] = [],
        signatures: SignaturePolicy = .off, interfaceLanguages: [Language] = []
    ) {
        self.format = format
        self.name = name
        self.parties = parties
        self.languages = languages
        self.thresholds = thresholds
        self.indicators = indicators
        self.scopes = scopes
        self.signatures = signatures
        self.interfaceLanguages = interfaceLanguages
    }

    /// The party codes, in order.
    public var partyCodes: [PartyCode] { parties.map(\.code) }

    /// Whether any party lists signers: records can then be verified.
    public var hasSigners: Bool { parties.contains { !$0.signers.isEmpty } }

    /// Every party's recipients, each once, in order: who restricted evidence is encrypted for.
    public var recipients: [String] {
        var seen = Set<String>()
        return parties.flatMap(\.recipients).filter { seen.insert($0).inserted }
    }
}
