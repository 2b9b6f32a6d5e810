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
            formatValue?.problem(L10n.english("format {1} is not known to this version of accord (it reads format 1)", value)) as Void?
            format = nil
        }
        let name = f.required("name")?.nonEmptyText()
        let parties = f.required("parties")?.list(Party.init(yaml:))
        let languages = f.optional("languages")?.languages() ?? []
        let thresholds = f.optional("thresholds").flatMap(Thresholds.init(yaml:)) ?? Thresholds()
        let indicators = f.optional("indicators")?.list { Indicator(yaml: $0, requireTitle: true) } ?? []
        let scopes = f.optional("scopes")?.list(Scope.init(yaml:)) ?? []
        let signatures = f.optional("signatures")?.choice(SignaturePolicy.self) ?? .off
        let interface = f.optional("language")?.interfaceLanguages() ?? []
        let digits = f.optional("digits")?.choice(LocalForms.Digits.self)
        guard f.finish(), let format, let name, let parties else { return nil }
        self.init(
            format: format, name: name, parties: parties, languages: languages,
            thresholds: thresholds, indicators: indicators, scopes: scopes, signatures: signatures,
            interfaceLanguages: interface)
        self.digits = digits
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
        if signatures != .off { map.add("signatures", .plain(signatures.rawValue)) }
        if !interfaceLanguages.isEmpty {
            map.add("language", .plain(interfaceLanguages.map(\.rawValue).joined(separator: ",")))
        }
        if let digits { map.add("digits", .plain(digits.rawValue)) }
        return map
    }
}

extension TrackerSettings.Party {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let code = f.required("code")?.party()
        let name = f.required("name")?.nonEmptyText()
        let signers = f.optional("signers")?.list(Signer.init(yaml:)) ?? []
        let recipients = f.optional("recipients")?.list { value -> String? in
            guard let text = value.text() else { return nil }
            guard AgeRecipient.isPublicKey(text) else {
                return value.problem(L10n.english("{1} is not an age public key (age1… in lowercase, as age-keygen prints it)", text))
            }
            return text
        } ?? []
        guard f.finish(), let code, let name else { return nil }
        self.init(code: code, name: name, signers: signers, recipients: recipients)
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("code", .party(code))
        map.add("name", .text(name))
        if !signers.isEmpty { map.add("signers", .list(signers.map(\.yaml))) }
        if !recipients.isEmpty { map.add("recipients", .list(recipients.map { .text($0) })) }
        return .map(map)
    }
}

extension Signer {
    init?(yaml value: YAMLValue) {
        guard let f = value.fields() else { return nil }
        let keyValue = f.required("key")
        var key = keyValue?.nonEmptyText()
        if let text = key, !Self.looksLikeSSHKey(text) {
            keyValue?.problem(L10n.english("{1} is not an SSH public key (ssh-ed25519 AAAA…, as in a .pub file)", text.prefix(30))) as Void?
            key = nil
        }
        let name = f.optional("name")?.nonEmptyText()
        let validFrom = f.optional("valid-from")?.date()
        let validUntil = f.optional("valid-until")?.date()
        guard f.finish(), let key else { return nil }
        self.init(key: key, name: name, validFrom: validFrom, validUntil: validUntil)
    }

    /// `TYPE BASE64 [comment]` with a type SSH signs with.
    static func looksLikeSSHKey(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count >= 2 else { return false }
        let types = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                     "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
        return types.contains(String(parts[0])) && parts[1].hasPrefix("AAAA")
    }

    var yaml: YAMLOutput {
        var map = YAMLMap()
        map.add("key", .text(key))
        map.add("name", .text(name))
        map.add("valid-from", .date(validFrom))
        map.add("valid-until", .date(validUntil))
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
