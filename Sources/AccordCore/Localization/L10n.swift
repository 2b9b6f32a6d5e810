internal import Foundation

/// accord's messages in the reader's language: `L10n.t("Commitment")` is the heading in
/// the language chosen for this run, or the English given when the catalog lacks it.
///
/// The English text is the key, as in gettext: code reads as it prints, and a translator
/// sees the whole English message. Values go in as numbered placeholders, `{1}`, `{2}`, so
/// a translation may put them in another order:
/// `L10n.t("{1} of {2} commitments met", met, total)`.
public enum L10n {
    /// The language of this run, for everything but what ``with(_:_:)`` renders in
    /// another: chosen once from the command line, the environment and the tracker.
    public static var language: Language { override ?? chosen.value.languages[0] }

    /// Every language asked for, first the interface's: `--lang vi,km` asks for a summary
    /// in Vietnamese and Khmer.
    public static var languages: [Language] { override.map { [$0] } ?? chosen.value.languages }

    /// `english` in the run's language, its `{1}`, `{2}` … replaced by `arguments`.
    public static func t(_ english: String, _ arguments: any CustomStringConvertible...) -> String {
        translate(english, context: nil, in: language, arguments)
    }

    /// `english` in `context` (a `msgctxt` that tells apart two uses of one English word).
    public static func t(_ english: String, context: String, _ arguments: any CustomStringConvertible...) -> String {
        translate(english, context: context, in: language, arguments)
    }

    /// `english` in `language`, whatever the run's language.
    public static func t(_ english: String, in language: Language, _ arguments: any CustomStringConvertible...) -> String {
        translate(english, context: nil, in: language, arguments)
    }

    /// Whether `language`'s catalog translates `english` (an untranslated message shows
    /// in English; a check can say so).
    public static func isTranslated(_ english: String, context: String? = nil, in language: Language) -> Bool {
        language == .english || catalogs[language]?.translations[MessageCatalog.key(english, context: context)] != nil
    }

    /// Runs `body` with messages in `language`: how a bilingual document renders each half.
    public static func with<Result>(_ language: Language, _ body: () throws -> Result) rethrows -> Result {
        try $override.withValue(language, operation: body)
    }

    // MARK: Choosing the language

    /// Where the run's languages came from, strongest first: a tracker's default gives
    /// way to anything the user said.
    public enum Source: Int, Sendable, Comparable {
        case option, accordEnvironment, locale, tracker, fallback
        public static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
    }

    /// A language list that names something accord does not speak.
    public struct UnknownLanguage: Error, Sendable, CustomStringConvertible {
        public let given: String
        public let origin: String
        public var description: String {
            "unknown language \(given) in \(origin): accord speaks \(Language.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    /// The languages of `list` (`vi`, `vi,km`, `km_KH.UTF-8`), in order, without repeats.
    public static func parse(_ list: String, origin: String) throws(UnknownLanguage) -> [Language] {
        var languages: [Language] = []
        for part in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let language = Language(code: part) else { throw UnknownLanguage(given: part, origin: origin) }
            if !languages.contains(language) { languages.append(language) }
        }
        guard !languages.isEmpty else { throw UnknownLanguage(given: "'\(list)'", origin: origin) }
        return languages
    }

    /// Chooses the run's languages from `--lang` (`option`), else `ACCORD_LANG`, else the
    /// first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (used only when it names a
    /// language accord speaks; `C` and `POSIX` do not). A tracker's default
    /// (``adoptTrackerDefault(_:)``) applies when none of these chose. Output for programs
    /// (`machineReadable`: JSON, CSV) is English whatever was asked, so scripts read the
    /// same words everywhere; a language asked for is still checked.
    public static func choose(option: String?, environment: [String: String],
                              machineReadable: Bool = false) throws(UnknownLanguage) {
        defer { if machineReadable { set([.english], from: .option) } }
        if let option {
            set(try parse(option, origin: "--lang"), from: .option)
        } else if let value = environment["ACCORD_LANG"], !value.isEmpty {
            set(try parse(value, origin: "ACCORD_LANG"), from: .accordEnvironment)
        } else if let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }),
                  let language = Language(code: locale) {
            set([language], from: .locale)
        }
    }

    /// The tracker's `language:` from accord.yaml, used when the user chose nothing.
    public static func adoptTrackerDefault(_ languages: [Language]) {
        guard !languages.isEmpty else { return }
        set(languages, from: .tracker)
    }

    /// Sets the run's languages unless a stronger source set them already.
    static func set(_ languages: [Language], from source: Source) {
        chosen.update { current in
            if source <= current.source { current = Choice(languages: languages, source: source) }
        }
    }

    // MARK: Internals

    struct Choice: Sendable {
        var languages: [Language]
        var source: Source
    }

    @TaskLocal static var override: Language?
    private static let chosen = Guarded(Choice(languages: [.english], source: .fallback))

    /// The catalogs built into accord (from the repository's `Languages/*.po`), read on first use.
    static let catalogs: [Language: MessageCatalog] = {
        var catalogs: [Language: MessageCatalog] = [:]
        for (code, text) in embeddedCatalogs {
            // A catalog that does not read fails the catalog tests; at run time its
            // messages fall back to English rather than stop the command.
            guard let language = Language(rawValue: code),
                  let catalog = try? MessageCatalog(po: text, file: "Languages/\(code).po") else { continue }
            catalogs[language] = catalog
        }
        return catalogs
    }()

    /// The catalogs' texts as built in, by language code: for the tests that check them.
    public static var builtInCatalogs: [(language: String, text: String)] {
        embeddedCatalogs.map { (language: $0.language, text: $0.text) }
    }

    private static func translate(_ english: String, context: String?, in language: Language,
                                  _ arguments: [any CustomStringConvertible]) -> String {
        let template = language == .english
            ? english
            : catalogs[language]?.translations[MessageCatalog.key(english, context: context)] ?? english
        return arguments.isEmpty ? template : fill(template, arguments)
    }

    /// `template` with `{n}` replaced by the n-th argument; other braces stay as written.
    static func fill(_ template: String, _ arguments: [any CustomStringConvertible]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let digits = after.prefix(while: \.isASCII).prefix(while: \.isNumber)
            if !digits.isEmpty, let close = after.dropFirst(digits.count).first, close == "}",
               let number = Int(digits), number >= 1, number <= arguments.count {
                result += arguments[number - 1].description
                rest = after.dropFirst(digits.count + 1)
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}

/// A value shared between threads, changed under a lock.
final class Guarded<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
    func update(_ change: (inout Value) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        change(&stored)
    }
}
