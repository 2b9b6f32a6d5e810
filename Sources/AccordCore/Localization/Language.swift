/// A language accord speaks: its messages, table headings and reports come in each.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case english = "en"
    case vietnamese = "vi"
    case khmer = "km"

    /// The language a code names: `vi`, `vi-VN`, `vi_VN.UTF-8` or `km_KH@euro` all name
    /// their language; nil for a language accord has no catalog for, or `C`/`POSIX`.
    public init?(code: String) {
        let language = code.prefix { $0 != "_" && $0 != "-" && $0 != "." && $0 != "@" }.lowercased()
        guard let known = Language(rawValue: language) else { return nil }
        self = known
    }

    /// The BCP 47 tag for HTML `lang` attributes and ICU formatters.
    public var tag: String { rawValue }
}
extension Language: CodingKeyRepresentable {}
