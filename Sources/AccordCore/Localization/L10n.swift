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

    /// `english` in `context`, in `language` whatever the run's.
    public static func t(_ english: String, context: String, in language: Language, _ arguments: any CustomStringConvertible...) -> String {
        translate(english, context: context, in: language, arguments)
    }

    /// `english` filled with `arguments` but not translated: a message that is kept (in the
    /// derived store, in JSON) in English and translated where it is shown, by
    /// ``shown(_:)``. The catalogs list it like any other message.
    public static func english(_ english: String, _ arguments: any CustomStringConvertible...) -> String {
        arguments.isEmpty ? english : fill(english, arguments)
    }

    /// `text`, an English message already filled with its values (``english(_:_:)``, or a
    /// ``t(_:_:)`` made in English), in the run's language: the catalog message it was made
    /// from is found by its words, and the values it holds are put into the translation
    /// (each translated too when it is a message itself). Text no message matches is
    /// returned as it is, so a message already translated, or a value such as a path, passes
    /// through unchanged.
    public static func shown(_ text: String) -> String {
        shown(text, in: language, depth: 0)
    }

    private static func shown(_ text: String, in language: Language, depth: Int) -> String {
        guard language != .english, !text.isEmpty, depth < 4, let patterns = patterns(language) else { return text }
        // By its bytes: Foundation's `contains` searches through NSString.
        if text.utf8.contains(UInt8(ascii: "\n")) {
            // One message a line, indentation kept (a list of problems).
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let indent = line.prefix { $0 == " " }
                return indent + shown(String(line.dropFirst(indent.count)), in: language, depth: depth)
            }.joined(separator: "\n")
        }
        if let exact = catalog(language)?.translations[text] { return exact }
        // A status's code (`in-progress`), as a filled message holds it, is shown by its name.
        if let status = Status(rawValue: text) { return with(language) { status.displayName } }
        // By index: a loop over the patterns' values copied each one, three references
        // retained and released, for every message tried.
        let bytes = text.utf8.count
        for index in patterns.candidates(for: text) where patterns.list[index].leastBytes <= bytes {
            guard let values = patterns.list[index].match(text) else { continue }
            return fill(patterns.list[index].translation, values.map { shown($0, in: language, depth: depth + 1) })
        }
        return text
    }

    /// A language's messages with placeholders, found by the bytes a filled message begins
    /// and ends with: a message whose English begins (ends) with an ASCII character is only
    /// tried on texts that begin (end) with it, so a summary is tried against a few dozen
    /// messages rather than all.
    struct Patterns: Sendable {
        /// Most English words first (``L10n/patterns(_:)``).
        let list: [Pattern]
        /// Indices into `list`, in its order, by ``key(_:_:)``: 0 stands for a placeholder
        /// or a character past ASCII at that end, which any text's byte may meet.
        private let byEnds: [UInt16: [Int]]

        init(_ list: [Pattern]) {
            self.list = list
            func end(_ byte: UInt8?) -> UInt8 { byte.flatMap { $0 < 0x80 ? $0 : nil } ?? 0 }
            var byEnds: [UInt16: [Int]] = [:]
            for (index, pattern) in list.enumerated() {
                // A piece that begins or ends past ASCII could be met by canonically equal
                // characters of other bytes: such a message is tried on every text.
                let first = pattern.pieces[0].utf8.first, last = pattern.pieces[pattern.pieces.count - 1].utf8.last
                byEnds[Self.key(end(first), end(last)), default: []].append(index)
            }
            self.byEnds = byEnds
        }

        private static func key(_ first: UInt8, _ last: UInt8) -> UInt16 { UInt16(first) << 8 | UInt16(last) }

        /// The indices of the messages `text` may be filled from, in the list's order.
        func candidates(for text: String) -> [Int] {
            let first = text.utf8.first ?? 0, last = text.utf8.last ?? 0
            var keys = [Self.key(first, last), Self.key(first, 0), Self.key(0, last), Self.key(0, 0)]
            keys = Array(Set(keys))
            return keys.flatMap { byEnds[$0] ?? [] }.sorted()
        }
    }

    /// A catalog message with placeholders, as the pieces of English between them: what
    /// ``shown(_:)`` matches a filled message against.
    struct Pattern: Sendable {
        /// The English between placeholders; `pieces.count == order.count + 1`.
        let pieces: [String]
        /// The number of each placeholder, in the English's order.
        let order: [Int]
        let translation: String
        /// The fewest UTF-8 bytes a filled message has: its pieces and a byte a value.
        let leastBytes: Int
        /// Whether the first and last pieces are ASCII, whose bytes a filled message must
        /// then begin and end with.
        private let asciiEnds: Bool
        /// The bytes of the first and last pieces.
        private let firstBytes: [UInt8], lastBytes: [UInt8]

        init(pieces: [String], order: [Int], translation: String) {
            self.pieces = pieces
            self.order = order
            self.translation = translation
            leastBytes = pieces.reduce(order.count) { $0 + $1.utf8.count }
            asciiEnds = pieces[0].utf8.allSatisfy { $0 < 0x80 } && pieces[pieces.count - 1].utf8.allSatisfy { $0 < 0x80 }
            firstBytes = Array(pieces[0].utf8)
            lastBytes = Array(pieces[pieces.count - 1].utf8)
        }

        /// The values of `text` by placeholder number, when `text` is this message filled.
        func match(_ text: String) -> [String]? {
            // Most candidates are ruled out by the bytes alone, before any comparison of
            // characters: a whole history asks this for every summary and its values.
            let bytes = text.utf8
            guard bytes.count >= leastBytes else { return nil }
            if asciiEnds {
                var contiguous = text  // `withUTF8` copies only a string whose bytes are not together
                guard contiguous.withUTF8({ $0.starts(with: firstBytes) && $0.suffix(lastBytes.count).elementsEqual(lastBytes) }) else { return nil }
            }
            // The bytes counted above leave room for a value between the two ends: each
            // value found below is checked not to be empty.
            guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]) else { return nil }
            var rest = text.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count)
            var found: [String] = []
            for piece in pieces.dropFirst().dropLast() {
                // The first occurrence: values are usually shorter than the words around them.
                guard let range = Self.firstRange(of: piece, in: rest), range.lowerBound > rest.startIndex else { return nil }
                found.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
            guard !rest.isEmpty else { return nil }
            found.append(String(rest))
            var values = Array(repeating: "", count: order.max() ?? 0)
            for (index, number) in order.enumerated() { values[number - 1] = found[index] }
            return values
        }

        /// Where `piece` first stands in `text` as whole characters, found by its bytes
        /// (Foundation's search goes through NSString, slow for this many searches).
        static func firstRange(of piece: String, in text: Substring) -> Range<String.Index>? {
            let needle = Array(piece.utf8), bytes = text.utf8
            guard let head = needle.first else { return text.startIndex..<text.startIndex }
            var contiguous = text  // `withUTF8` copies only a text whose bytes are not together
            return contiguous.withUTF8 { buffer -> Range<String.Index>? in
                var from = 0
                while let start = buffer[from...].firstIndex(of: head) {
                    if buffer[start...].starts(with: needle) {
                        let lower = bytes.index(bytes.startIndex, offsetBy: start), upper = bytes.index(lower, offsetBy: needle.count)
                        // Not inside a character: a letter's combining mark is not a match's end.
                        if String.Index(lower, within: text.base) != nil, String.Index(upper, within: text.base) != nil {
                            return lower..<upper
                        }
                    }
                    from = start + 1
                }
                return nil
            }
        }
    }

    /// The text around each `{n}` of `template`, and the numbers in the order they stand.
    static func placeholders(in template: String) -> (pieces: [String], order: [Int]) {
        // Byte by byte: a regular expression made every catalog's first use slow.
        let bytes = Array(template.utf8)
        var pieces: [String] = [], order: [Int] = []
        var pieceStart = 0, index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{") {
                var end = index + 1
                while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
                if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}") {
                    pieces.append(String(decoding: bytes[pieceStart..<index], as: UTF8.self))
                    order.append(Int(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)) ?? 1)
                    index = end + 1
                    pieceStart = index
                    continue
                }
            }
            index += 1
        }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        return (pieces, order)
    }

    /// Each language's messages with placeholders, most English words first, so the most
    /// specific message wins; messages with fewer than four letters of their own (`{1}: {2}`)
    /// would match almost anything and are left out.
    static func patterns(_ language: Language) -> Patterns? { readPatterns[language]?.value }

    private static let readPatterns: [Language: Lazy<Patterns?>] = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        (language, Lazy { () -> Patterns? in
            guard let catalog = catalog(language) else { return nil }
            var list: [Pattern] = []
            for (key, translation) in catalog.translations where !key.contains("\u{4}") {
                let (pieces, order) = placeholders(in: key)
                guard !order.isEmpty, Set(order).count == order.count,
                      pieces.joined().filter(\.isLetter).count >= 4 else { continue }
                // Two placeholders side by side cannot be told apart.
                guard !pieces.dropFirst().dropLast().contains(where: \.isEmpty) else { continue }
                list.append(Pattern(pieces: pieces, order: order, translation: translation))
            }
            return Patterns(list.sorted {
                let a = $0.pieces.joined().count, b = $1.pieces.joined().count
                return a != b ? a > b : $0.translation < $1.translation
            })
        })
    })

    /// Whether `text` is the catalog message `english` filled with values, as written in
    /// `language` (the run's when nil): code that tells failures apart by their message
    /// asks this rather than matching English words a translation does not keep.
    public static func isMessage(_ text: String, madeFrom english: String, in language: Language? = nil) -> Bool {
        let template = translate(english, context: nil, in: language ?? self.language, [])
        let (pieces, order) = placeholders(in: template)
        guard !order.isEmpty else { return text == template }
        // A placeholder used twice is matched by its first use only.
        let numbered = order.enumerated().map { $0.offset + 1 }
        return Pattern(pieces: pieces, order: numbered, translation: template).match(text) != nil
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

    /// The catalog of `language` built into accord (from the repository's `Languages/*.po`),
    /// read the first time the language is used: a run in Vietnamese does not read Khmer's.
    static func catalog(_ language: Language) -> MessageCatalog? { readCatalogs[language]?.value }

    private static let readCatalogs: [Language: Lazy<MessageCatalog?>] = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        (language, Lazy { () -> MessageCatalog? in
            // A catalog that does not read fails the catalog tests; at run time its
            // messages fall back to English rather than stop the command.
            guard let text = embeddedCatalogs.first(where: { $0.language == language.rawValue })?.text else { return nil }
            return try? MessageCatalog(po: text, file: "Languages/\(language.rawValue).po")
        })
    })

    /// The catalogs' texts as built in, by language code: for the tests that check them.
    public static var builtInCatalogs: [(language: String, text: String)] {
        embeddedCatalogs.map { (language: $0.language, text: $0.text) }
    }

    private static func translate(_ english: String, context: String?, in language: Language,
                                  _ arguments: [any CustomStringConvertible]) -> String {
        let template = language == .english
            ? english
            : catalog(language)?.translations[MessageCatalog.key(english, context: context)] ?? english
        guard !arguments.isEmpty else { return template }
        // Counts of five digits or more are grouped the reader's way (`12.345`); shorter
        // numbers, years among them, are left as they are.
        let values = language == .english ? arguments : arguments.map { value -> any CustomStringConvertible in
            guard let number = value as? Int, abs(number) >= 10_000 else { return value }
            return LocalForms.count(number, in: language)
        }
        return fill(template, values)
    }

    /// `template` with `{n}` replaced by the n-th argument; other braces stay as written.
    static func fill(_ template: String, _ arguments: [any CustomStringConvertible]) -> String {
        // Scanned as UTF-8 bytes: every gap and message of a large tracker passes through
        // here, and `{`, `}` and ASCII digits never occur inside a longer UTF-8 sequence.
        let bytes = Array(template.utf8)
        var result = ""
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            var end = index + 1
            var number = 0
            while end < bytes.count, end - index <= 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            if end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "}"), number >= 1, number <= arguments.count {
                result += String(decoding: bytes[copied..<index], as: UTF8.self)
                result += arguments[number - 1].description
                index = end + 1
                copied = index
            } else {
                index += 1
            }
        }
        return result + String(decoding: bytes[copied...], as: UTF8.self)
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
