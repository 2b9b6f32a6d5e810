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
    /// The language the record's free text is written in (`en` when not said).
    public var textLanguage: Language
    /// Translations of the record's free text, by language and then field:
    /// `["km": ["title": "…"]]`. A field with no translation into a language shows as written.
    public var translations: [Language: [String: String]]

    /// Creates a provenance.
    public init(source: String? = nil, url: String? = nil, illustrative: Bool = false,
                textLanguage: Language = .english, translations: [Language: [String: String]] = [:]) {
        self.source = source
        self.url = url
        self.illustrative = illustrative
        self.textLanguage = textLanguage
        self.translations = translations
    }

    /// Nothing said: no source, not illustrative, no translations.
    public var isEmpty: Bool { source == nil && url == nil && !illustrative && translations.isEmpty && textLanguage == .english }

    private enum CodingKeys: String, CodingKey { case source, url, illustrative, textLanguage, translations }

    // Written by hand so values stored before translations existed still read.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        source = try values.decodeIfPresent(String.self, forKey: .source)
        url = try values.decodeIfPresent(String.self, forKey: .url)
        illustrative = try values.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
        textLanguage = try values.decodeIfPresent(Language.self, forKey: .textLanguage) ?? .english
        translations = try values.decodeIfPresent([Language: [String: String]].self, forKey: .translations) ?? [:]
    }

    /// The record's `field`, written as `original`, in `language`: the record's translation,
    /// or the text as written with ``untranslated`` set when the record has none (and the
    /// text is in another language).
    public func text(_ field: String, _ original: String, in language: Language) -> (text: String, untranslated: Language?) {
        if language == textLanguage { return (original, nil) }
        if let translated = translations[language]?[field] { return (translated, nil) }
        return (original, textLanguage)
    }

    /// ``text(_:_:in:)`` in the run's language as one string: an untranslated text is
    /// followed by the tag of the language it is written in, `Strengthen training [en]`.
    public func shown(_ field: String, _ original: String) -> String {
        let result = text(field, original, in: L10n.language)
        return result.untranslated.map { result.text + " [\($0.tag)]" } ?? result.text
    }

    /// ``shown(_:_:)`` for a reader of Vietnamese or Khmer, the text as written in English.
    /// For views that terminal tables and JSON share: output for programs is English, and
    /// keeps the record's own text.
    public func forReader(_ field: String, _ original: String) -> String {
        L10n.language == .english ? original : shown(field, original)
    }
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
