internal import Foundation

// How the values a person types for a new instrument or a revision are read, the same on
// the command line (`instrument add`, `amend`) and in the web form.

extension Signatory {
    /// `PARTY: NAME`, as `VN: Minister of Public Security`; nil without a party code first
    /// or without a name.
    public init?(written value: String) {
        let parts = value.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let party = PartyCode(parts[0].trimmingCharacters(in: .whitespaces)),
              case let name = parts[1].trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        self.init(party: party, name: name)
    }
}

extension Instrument.EntryIntoForce {
    /// A date (in force for every party) or `PARTY: DATE`; nil for anything else.
    public init?(written value: String) {
        let parts = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 1, let date = CalendarDate(parts[0]) {
            self.init(date: date)
            return
        }
        guard parts.count == 2, let party = PartyCode(parts[0]), let date = CalendarDate(parts[1]) else { return nil }
        self.init(date: date, party: party)
    }
}

extension Instrument {
    /// The title per language from titles as written: `LANG: TITLE` for a language, a
    /// plain title (the first one) for `firstLanguage`.
    public static func titles(written values: [String], firstLanguage: String) -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            let parts = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].count <= 3, parts[0].allSatisfy({ $0.isLowercase }) {
                result[parts[0]] = parts[1]
            } else if result[firstLanguage] == nil {
                result[firstLanguage] = value
            }
        }
        return result
    }
}

extension TextAmendment {
    /// Where register clauses went, from pairs written `OLD=NEW` (several may share a value,
    /// separated by commas): old clause to new. A usage error names a pair that is not two
    /// clause numbers, or a clause given twice.
    public static func remap(written values: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in values.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, QualifiedID(owner: "x", local: parts[0]) != nil, QualifiedID(owner: "x", local: parts[1]) != nil else {
                throw AccordError(.usage, L10n.t("--remap {1} should read OLD=NEW with clause numbers, e.g. 4.2=5.2", pair))
            }
            guard result.updateValue(parts[1], forKey: parts[0]) == nil else {
                throw AccordError(.usage, L10n.t("--remap names clause {1} twice", parts[0]))
            }
        }
        return result
    }

    /// The language of a new text from `file`: the one its name ends with
    /// (`<anything>.<lang>.md`, `.docx` …) when the instrument has it, else the
    /// instrument's first language.
    public static func language(ofFile file: String, instrument: Instrument) -> String {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let parts = name.split(separator: ".")
        if parts.count >= 3, ImportedText.extensions.contains(parts.last!.lowercased()),
           instrument.languages.contains(String(parts[parts.count - 2])) {
            return String(parts[parts.count - 2])
        }
        return instrument.languages.first ?? "en"
    }
}
