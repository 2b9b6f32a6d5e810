public import Foundation

extension TrackerSettings {
    /// Reads `accord.yaml`; every problem is in the result.
    public static func parse(_ data: Data, file: String = "accord.yaml") -> ParsedFile<TrackerSettings> {
        YAMLReader.parse(data, file: file, decode: TrackerSettings.init(yaml:))
    }

    /// The YAML text of the file, in the documented layout.
    public func yamlText() -> String { yaml.text() }

    init?(yaml f: YAMLFields) {
        let formatValue = f.required("format")
        var format = formatValue?.integer()
        if let value = format, value != 1 {
            formatValue?.problem("format \(value) is not known to this version of accord (it reads format 1)") as Void?
            format = nil
        }
        let name = f.required("name")?.nonEmptyText()
        let parties = f.required("parties")?.list(Party.init(yaml:))
        let languages = f.optional("languages")?.languages() ?? []
        let thresholds = f.optional("thresholds").flatMap(Thresholds.init(yaml:)) ?? Thresholds()
        let indicators = f.optional("indicators")?.list { Indicator(yaml: $0, requireTitle: true) } ?? []
        let scopes = f.optional("scopes")?.list(Scope.init(yaml:)) ?? []
        guard f.finish(), let format, let name, let parties else { return nil }
        self.init(
            format: format, name: name, parties: parties, languages: languages,
            thresholds: thresholds, indicators: indicators, scopes: scopes)
    }

    var yaml: YAMLMap {
        var map = YAMLMap()
        map.add("format", .integer(format))
        map.add("name", .text(name))
        map.add("parties", .list(parties.map(\.yaml)))
        map.add("languages", .flow(languages.map { .plain($0) }))
        map.add("thresholds", thresholds.yaml)
        map.add("indicators", .list(indicators.map(\.yaml)))
        map.add("scopes", .list(scopes.map(\.yaml)))
        return map
    }
}

extension TrackerSettings.Party {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let code = f.required("code")?.party()
        let name = f.required("name")?.nonEmptyText()
        guard f.finish(), let code, let name else { return nil }
        self.init(code: code, name: name)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("code", .party(code))
        map.add("name", .text(name))
        return .map(map)
    }
}

extension TrackerSettings.Thresholds {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let defaults = Self()
        // Bounded so that date and size arithmetic on them cannot overflow.
        let stale = f.optional("stale-after-months")?.integer(atLeast: 1, atMost: 1200)
        let attachment = f.optional("attachment-max-mb")?.integer(atLeast: 1, atMost: 1_048_576)
        let tolerance = f.optional("review-tolerance-months")?.integer(atLeast: 0, atMost: 120)
        guard f.finish() else { return nil }
        self.init(
            staleAfterMonths: stale ?? defaults.staleAfterMonths,
            attachmentMaxMB: attachment ?? defaults.attachmentMaxMB,
            reviewToleranceMonths: tolerance ?? defaults.reviewToleranceMonths)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("stale-after-months", .integer(staleAfterMonths))
        map.add("attachment-max-mb", .integer(attachmentMaxMB))
        map.add("review-tolerance-months", .integer(reviewToleranceMonths))
        return .map(map)
    }
}

extension TrackerSettings.Scope {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let id = f.required("id")?.recordID()?.rawValue
        let title = f.required("title")?.nonEmptyText()
        guard f.finish(), let id, let title else { return nil }
        self.init(id: id, title: title)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("id", .text(id))
        map.add("title", .text(title))
        return .map(map)
    }
}
