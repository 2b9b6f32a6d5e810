internal import Foundation

/// The translations of accord's messages into one language, read from a gettext `.po`
/// file: each English message (`msgid`) with its translation (`msgstr`), optionally told
/// apart by a context (`msgctxt`) where one English word needs two translations.
public struct MessageCatalog: Sendable {
    /// What went wrong reading a catalog: the file, line and what was expected.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Translations by key (``key(_:context:)``); an untranslated entry (empty `msgstr`)
    /// is left out, so its English shows.
    public private(set) var translations: [String: String] = [:]
    /// Every key the file lists, translated or not.
    public private(set) var keys: Set<String> = []

    /// The key of an English message in a context.
    public static func key(_ english: String, context: String? = nil) -> String {
        context.map { "\($0)\u{4}\(english)" } ?? english
    }

    /// Reads the text of a `.po` file. Only what accord's catalogs use is read: comments,
    /// `msgctxt`, `msgid`, `msgstr` and continuation strings; plural forms are refused,
    /// since neither Vietnamese nor Khmer inflect for number.
    public init(po text: String, file: String) throws(Failure) {
        struct Entry { var context: String?, id: String?, translation: String? }
        var field: WritableKeyPath<Entry, String?>?
        var entry = Entry()
        var number = 0
        func finish() {
            if let id = entry.id, !id.isEmpty {
                let key = Self.key(id, context: entry.context)
                keys.insert(key)
                if let value = entry.translation, !value.isEmpty { translations[key] = value }
            }
            entry = Entry()
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { finish(); field = nil; continue }
            if line.hasPrefix("#") { continue }
            let keyword = line.prefix { $0 != " " && $0 != "\"" }
            let rest = line.dropFirst(keyword.count).trimmingCharacters(in: .whitespaces)
            let value = try Self.quoted(rest, file: file, line: number)
            switch keyword {
            case "msgctxt":
                if entry.id != nil { finish() }
                entry.context = value; field = \.context
            case "msgid":
                if entry.id != nil { finish() }
                entry.id = value; field = \.id
            case "msgstr":
                guard entry.id != nil else { throw Failure(file: file, line: number, message: "msgstr without a msgid before it") }
                entry.translation = value; field = \.translation
            case "":
                guard let field else { throw Failure(file: file, line: number, message: "a string that continues nothing") }
                entry[keyPath: field] = (entry[keyPath: field] ?? "") + value
            default:
                throw Failure(file: file, line: number,
                              message: "'\(keyword)' is not read by accord (msgctxt, msgid, msgstr and comments are)")
            }
        }
        finish()
    }

    /// The content of a `"…"` string with its C escapes (`\n`, `\t`, `\"`, `\\`) undone.
    private static func quoted(_ text: String, file: String, line: Int) throws(Failure) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else {
            throw Failure(file: file, line: line, message: "expected a string in double quotes")
        }
        var result = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"", "\\": result.append(character)
                default: throw Failure(file: file, line: line, message: "unknown escape \\\(character)")
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                throw Failure(file: file, line: line, message: "a double quote inside a string must be written \\\"")
            } else {
                result.append(character)
            }
        }
        if escaped { throw Failure(file: file, line: line, message: "the string ends in a lone backslash") }
        return result
    }
}
