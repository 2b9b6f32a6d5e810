// Reading and writing the small values records share.

extension Signing {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let date = f.required("date")?.date()
        let place = f.optional("place")?.nonEmptyText()
        guard f.finish(), let date else { return nil }
        self.init(date: date, place: place)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("date", .date(date))
        map.add("place", .text(place))
        return .map(map)
    }
}

extension Signatory {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let party = f.required("party")?.party()
        let name = f.required("name")?.nonEmptyText()
        guard f.finish(), let party, let name else { return nil }
        self.init(party: party, name: name)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("party", .party(party))
        map.add("name", .text(name))
        return .map(map)
    }
}

extension SourceNote {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let about = f.optional("about")?.nonEmptyText()
        let says = f.optional("says")?.nonEmptyText()
        let source = f.required("source")?.nonEmptyText()
        guard f.finish(), let source else { return nil }
        self.init(about: about, says: says, source: source)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("about", .text(about))
        map.add("says", .text(says))
        map.add("source", .text(source))
        return .map(map)
    }
}

extension Provenance {
    /// Reads the flat fields `source`, `url` and `illustrative` that every record may carry.
    init(yaml f: YAMLFields) {
        let source = f.optional("source")?.nonEmptyText()
        let url = f.optional("url")?.webAddress()
        let illustrative = f.optional("illustrative")?.boolean() ?? false
        let textLanguage = f.optional("text-language").flatMap { value -> Language? in
            guard let code = value.text() else { return nil }
            guard let language = Language(rawValue: code) else {
                return value.problem(L10n.english("{1} is not a language accord speaks (en, vi, km)", code))
            }
            return language
        } ?? .english
        var translations: [Language: [String: String]] = [:]
        if let value = f.optional("translations"), let byLanguage = value.textMaps() {
            for (code, fields) in byLanguage {
                guard let language = Language(rawValue: code) else {
                    f.problem(at: "translations", L10n.english("{1} is not a language accord speaks (en, vi, km)", code))
                    continue
                }
                if language == textLanguage {
                    f.problem(at: "translations", L10n.english("{1} is the language the record is written in (text-language)", code))
                }
                for field in fields.keys.sorted() where !Self.translatable.contains(field) || !f.has(field) {
                    f.problem(at: "translations", L10n.english("{1}.{2} translates a field this record does not have (translations are of {3})", code, field, Self.translatable.joined(separator: ", ")))
                }
                translations[language] = fields
            }
        }
        self.init(source: source, url: url, illustrative: illustrative, textLanguage: textLanguage, translations: translations)
    }

    /// The free-text fields a record may carry translations of.
    static let translatable = ["title", "text", "summary", "note", "description"]

    /// Writes the fields that say something; `illustrative` only when true.
    func add(to map: inout YAMLMap) {
        map.add("source", .text(source))
        map.add("url", .text(url))
        if illustrative { map.add("illustrative", .plain("true")) }
        if textLanguage != .english { map.add("text-language", .plain(textLanguage.rawValue)) }
        if !translations.isEmpty {
            var byLanguage = YAMLMap()
            for language in translations.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                byLanguage.add(language.rawValue, .textMap(translations[language]!))
            }
            map.add("translations", .map(byLanguage))
        }
    }
}

extension TextStanding {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let authentic = f.required("authentic")?.boolean()
        let provenance = Provenance(yaml: f)
        guard f.finish(), let authentic else { return nil }
        self.init(authentic: authentic, provenance: provenance)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("authentic", .plain(authentic ? "true" : "false"))
        provenance.add(to: &map)
        return .map(map)
    }
}

extension ReviewCycle {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.recordID()?.rawValue
        if let id { f.mark(list: "review-cycles", id: id) }
        let title = f.required("title")?.nonEmptyText()
        let onValue = f.optional("on"), everyValue = f.optional("every-months"), fromValue = f.optional("from")
        let on = onValue?.date()
        let every = everyValue?.integer(atLeast: 1, atMost: 1200)
        let from = fromValue?.date()
        let untilValue = f.optional("until")
        let until = untilValue?.date()
        let hosts = f.optional("hosts")?.list { $0.party() } ?? []
        let provenance = Provenance(yaml: f)
        var schedule: DueSchedule?
        switch (onValue, everyValue, fromValue) {
        case (_?, nil, nil) where untilValue == nil:
            schedule = on.map { DueSchedule(first: $0) }
        case (nil, _?, _?):
            if let every, let from { schedule = DueSchedule(first: from, everyMonths: every, until: until) }
        default:
            value.problem(L10n.english("needs either `on: DATE` or `every-months: N` with `from: DATE`")) as Void?
        }
        guard f.finish(), let id, let title, let schedule else { return nil }
        self.init(id: id, title: title, schedule: schedule, hosts: hosts, provenance: provenance)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .text(id))
        map.add("title", .text(title))
        if let every = schedule.everyMonths {
            map.add("every-months", .integer(every))
            map.add("from", .date(schedule.first))
            map.add("until", .date(schedule.until))
        } else {
            map.add("on", .date(schedule.first))
        }
        map.add("hosts", .parties(hosts))
        provenance.add(to: &map)
        return .map(map)
    }
}

extension Indicator {
    /// Reads an indicator; `requireTitle` for those declared in accord.yaml.
    init?(yaml value: YAMLValue, requireTitle: Bool) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.recordID()?.rawValue
        let title = requireTitle ? f.required("title")?.nonEmptyText() : f.optional("title")?.nonEmptyText()
        let unit = f.optional("unit")?.nonEmptyText()
        let target = f.optional("target")?.number()
        let definition = f.optional("definition")?.nonEmptyText()
        guard f.finish(), let id, !requireTitle || title != nil else { return nil }
        self.init(id: id, title: title, unit: unit, target: target, definition: definition)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .text(id))
        map.add("title", .text(title))
        map.add("unit", .text(unit))
        map.add("target", .number(target))
        map.add("definition", .text(definition))
        return .map(map)
    }
}

extension Commitment.Bound {
    init?(yaml value: YAMLValue) {
        guard let text = value.text() else { return nil }
        guard let bound = Self(text) else {
            value.problem(L10n.english("{1} is not each, joint or a party code", text)) as Void?
            return nil
        }
        self = bound
    }
}

extension YAMLValue {
    /// `true` or `false`, as written.
    func boolean() -> Bool? {
        guard let text = text() else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: return problem(L10n.english("{1} is not true or false", text))
        }
    }

    /// An address starting `http://` or `https://`, without spaces.
    func webAddress() -> String? {
        guard let text = nonEmptyText() else { return nil }
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(where: \.isWhitespace) else {
            return problem(L10n.english("{1} is not a web address (http:// or https://, no spaces)", text))
        }
        return text
    }

    /// Whether each language's text is authentic (`texts: {en: {authentic: false}}`); a
    /// language must be one of `languages`.
    func textStandings(languages: [String]) -> [String: TextStanding]? {
        guard case .mapping(let pairs, _) = node else { return problem(L10n.english("expected a mapping of language tags")) }
        var result: [String: TextStanding] = [:]
        var failed = false
        for pair in pairs {
            let key = YAMLValue(node: pair.key, path: path, log: log)
            guard let language = key.text() else { failed = true; continue }
            let value = YAMLValue(node: pair.value, path: "\(path).\(language)", log: log)
            guard languages.contains(language) else {
                value.problem(L10n.english("{1} is not one of the instrument's languages", language)) as Void?
                failed = true
                continue
            }
            if let standing = TextStanding(yaml: value) { result[language] = standing } else { failed = true }
        }
        return failed ? nil : result
    }

    /// A list of language tags (`[en, vi]`).
    func languages() -> [String]? {
        list { value in
            guard let text = value.text() else { return nil }
            guard !text.isEmpty, text.utf8.allSatisfy({ (97...122).contains($0) || $0 == 45 }) else {
                return value.problem(L10n.english("{1} is not a language tag (such as en, vi, km)", text))
            }
            return text
        }
    }

    /// `vi`, or `vi,km` for bilingual summaries: languages accord has catalogs for.
    func interfaceLanguages() -> [Language]? {
        guard let text = text() else { return nil }
        do {
            return try L10n.parse(text, origin: "language")
        } catch {
            return problem(L10n.english("{1} is not a language accord speaks ({2})", text, Language.allCases.map(\.rawValue).joined(separator: ", ")))
        }
    }
}
