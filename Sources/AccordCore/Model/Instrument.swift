/// An agreement, treaty, memorandum or procedure between the parties, with the register
/// of what they committed to. Stored as `Agreements/<id>/instrument.yaml`.
public struct Instrument: Sendable, Hashable, Codable {
    /// The kind of instrument.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case agreement, treaty, memorandum, procedure, plan, other
    }

    /// Whether the instrument has effect.
    public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
        case inForce = "in-force"
        case notYetInForce = "not-yet-in-force"
        case superseded, expired, terminated
    }

    /// The day an instrument entered into force, for one party or (party nil) for all.
    public struct EntryIntoForce: Sendable, Hashable, Codable {
        /// The day.
        public var date: CalendarDate
        /// The party, or nil for every party.
        public var party: PartyCode?

        /// Creates an entry into force.
        public init(date: CalendarDate, party: PartyCode? = nil) {
            self.date = date
            self.party = party
        }
    }

    /// An act that revised the text; each is a revision of the text files, tagged
    /// `<id>@<date>`.
    public struct Amendment: Sendable, Hashable, Codable {
        /// When and where it was signed.
        public var signing: Signing
        /// The amending act's title.
        public var title: String?
        /// Who signed it.
        public var signatories: [Signatory]
        /// Why the text was revised.
        public var reason: String?

        /// Creates an amendment.
        public init(signing: Signing, title: String? = nil, signatories: [Signatory] = [], reason: String? = nil) {
            self.signing = signing
            self.title = title
            self.signatories = signatories
            self.reason = reason
        }
    }

    /// The id, equal to the folder name.
    public var id: InstrumentID
    /// The kind.
    public var kind: Kind
    /// The title per language tag.
    public var title: [String: String]
    /// The parties, in the order the instrument names them.
    public var parties: [PartyCode]
    /// When and where it was signed.
    public var signed: Signing
    /// Who signed.
    public var signatories: [Signatory]
    /// When it entered into force.
    public var inForce: [EntryIntoForce]
    /// Whether it has effect now.
    public var status: Standing
    /// The languages of its `text.<lang>.md` files.
    public var languages: [String]
    /// The instrument this one amends.
    public var amends: InstrumentID?
    /// The instrument this one replaces.
    public var supersedes: InstrumentID?
    /// The acts that revised this text, oldest first.
    public var amendments: [Amendment]
    /// Where facts come from.
    public var sources: [SourceNote]
    /// The reviews it calls for.
    public var reviewCycles: [ReviewCycle]
    /// The commitment register.
    public var commitments: [Commitment]
    /// Free text.
    public var note: String?
    /// Whether each language's text is authentic or a working summary, by language tag; a
    /// language missing here is not described either way.
    public var texts: [String: TextStanding]
    /// The language whose text prevails where the texts differ, when the instrument names one.
    public var prevails: String?
    /// Where the instrument's record comes from, and whether it is illustrative.
    public var provenance: Provenance

    /// Creates an instrument.
    public init(
        id: InstrumentID, kind: Kind, title: [String: String], parties: [PartyCode],
        signed: Signing, signatories: [Signatory] = [], inForce: [EntryIntoForce] = [],
        status: Standing, languages: [String] = [], amends: InstrumentID? = nil,
        supersedes: InstrumentID? = nil, amendments: [Amendment] = [], sources: [SourceNote] = [],
        reviewCycles: [ReviewCycle] = [], commitments: [Commitment] = [], note: String? = nil,
        texts: [String: TextStanding] = [:], prevails: String? = nil, provenance: Provenance = Provenance()
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.parties = parties
        self.signed = signed
        self.signatories = signatories
        self.inForce = inForce
        self.status = status
        self.languages = languages
        self.amends = amends
        self.supersedes = supersedes
        self.amendments = amendments
        self.sources = sources
        self.reviewCycles = reviewCycles
        self.commitments = commitments
        self.note = note
        self.texts = texts
        self.prevails = prevails
        self.provenance = provenance
    }

    /// The full id of a commitment of this instrument.
    public func qualifiedID(of commitment: Commitment) -> QualifiedID? {
        QualifiedID(owner: id.rawValue, local: commitment.id)
    }

    /// The marks every use of the instrument carries: illustrative when its record is, a
    /// working summary when any of its texts is described as one.
    public var marks: Set<ProvenanceMark> {
        var marks: Set<ProvenanceMark> = []
        if provenance.illustrative { marks.insert(.illustrative) }
        if texts.values.contains(where: { !$0.authentic }) { marks.insert(.workingSummary) }
        return marks
    }

    /// The marks of one language's text: illustrative with the instrument, a working summary
    /// when the instrument describes that text as one.
    public func marks(of language: String) -> Set<ProvenanceMark> {
        var marks: Set<ProvenanceMark> = provenance.illustrative ? [.illustrative] : []
        if texts[language]?.authentic == false { marks.insert(.workingSummary) }
        return marks
    }
}
