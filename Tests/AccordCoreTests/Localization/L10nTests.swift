@testable import AccordCore
import Foundation
import Testing

/// The message catalogs are complete and read; the language is chosen in the documented
/// order; messages fill their placeholders.
struct L10nTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every message the sources pass to `L10n.t` (outside comments), with its context.
    static func sourceKeys() throws -> Set<String> {
        let call = /L10n\.(?:t|english)\("((?:[^"\\]|\\.)*)"(?:,\s*context:\s*"((?:[^"\\]|\\.)*)")?/
        var keys: Set<String> = []
        let sources = root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let templates = url.lastPathComponent == "PageTemplates.swift"
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            // The patterns are tried only on the lines they can match: a regular expression
            // is slow to try on every line of the sources.
            where (templates || line.contains("L10n.")) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                // The web pages' `[[words]]` are collected from the templates by the update script.
                && !line.contains("// catalog: template words") {
                for match in line.matches(of: call) {
                    // The literal's escapes, as the compiler reads them: `\"` and `\n`.
                    let english = String(match.output.1).replacingOccurrences(of: "\\\"", with: "\"")
                        .replacingOccurrences(of: "\\n", with: "\n")
                    keys.insert(MessageCatalog.key(english, context: match.output.2.map(String.init)))
                }
                // The web pages' words, written [[English]] in their templates.
                if templates {
                    for match in line.matches(of: /\[\[(.+?)\]\]/) { keys.insert(String(match.output.1)) }
                }
            }
        }
        return keys
    }

    @Test func everyMessageIsTranslatedInEveryLanguage() throws {
        let keys = try Self.sourceKeys()
        #expect(keys.count > 100)
        let builtIn = L10n.builtInCatalogs
        #expect(Set(builtIn.map(\.language)) == Set(Language.allCases.filter { $0 != .english }.map(\.rawValue)))
        for (code, text) in builtIn {
            let catalog = try MessageCatalog(po: text, file: "Languages/\(code).po")
            let missing = keys.subtracting(catalog.translations.keys).sorted()
            #expect(missing.isEmpty, "Languages/\(code).po lacks \(missing.count): \(missing.prefix(5)) (scripts/update-catalogs.py adds them)")
            let unused = Set(catalog.keys).subtracting(keys).sorted()
            #expect(unused.isEmpty, "Languages/\(code).po has messages no source uses: \(unused.prefix(5))")
            for key in keys {
                guard let translation = catalog.translations[key] else { continue }
                let english = key.split(separator: "\u{4}").last.map(String.init) ?? key
                #expect(Self.placeholders(translation) == Self.placeholders(english),
                        "Languages/\(code).po: '\(english)' and its translation differ in placeholders")
            }
        }
    }

    /// A message the update script and the test above cannot see (not a string literal on
    /// the `L10n.t(` line) could be missing from a catalog unnoticed.
    @Test func everyMessageIsAStringLiteralTheCatalogCheckSees() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var hidden: [String] = []
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            for (number, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            // The pattern is tried only on the lines that name L10n: a regular expression is
            // slow to try on every line of the sources.
            where line.contains("L10n.") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                // The web pages' `[[words]]` are collected from the templates by the update script.
                && !line.contains("// catalog: template words") {
                for match in line.matches(of: /L10n\.(?:t|english)\(([^)]?)/) where match.output.1 != "\"" {
                    hidden.append("\(url.lastPathComponent):\(number + 1)")
                    _ = match
                }
            }
        }
        #expect(hidden.isEmpty, "L10n.t without a literal message: \(hidden)")
    }

    /// A translation left as the English words (a copy-paste, or a message filled in
    /// without translating) shows English in a Vietnamese or Khmer output.
    @Test func noLongMessageIsLeftInEnglish() throws {
        for (code, text) in L10n.builtInCatalogs {
            let catalog = try MessageCatalog(po: text, file: "Languages/\(code).po")
            let same = catalog.translations.filter { key, value in
                let english = key.split(separator: "\u{4}").last.map(String.init) ?? key
                let words = english.replacing(/\{[0-9]+\}/, with: "").filter(\.isLetter)
                // accord's own command lines (`accord init`), codes and one-word names
                // (Markdown) stay as they are.
                return value == english && words.count >= 8 && !english.contains("accord ") && english.contains(" ")
            }
            #expect(same.isEmpty, "Languages/\(code).po leaves English: \(same.keys.sorted().prefix(5))")
        }
    }

    static func placeholders(_ text: String) -> [String] {
        text.matches(of: /\{[0-9]+\}|\{\{[^{}]+\}\}/).map { String($0.output) }.sorted()
    }

    @Test func aCatalogReadsEntriesContextsAndContinuations() throws {
        let catalog = try MessageCatalog(po: """
            # a comment
            msgid ""
            msgstr "Language: vi\\n"

            msgid "Overdue"
            msgstr "Quá hạn"

            msgctxt "severity"
            msgid "high"
            msgstr "cao"

            msgid "Say \\"{1}\\""
            msgstr ""
            "Nói "
            "\\"{1}\\""

            msgid "Untranslated"
            msgstr ""
            """, file: "test.po")
        #expect(catalog.translations["Overdue"] == "Quá hạn")
        #expect(catalog.translations[MessageCatalog.key("high", context: "severity")] == "cao")
        #expect(catalog.translations["high"] == nil)
        #expect(catalog.translations["Say \"{1}\""] == "Nói \"{1}\"")
        #expect(catalog.translations["Untranslated"] == nil)
        #expect(catalog.keys.contains("Untranslated"))
    }

    @Test func aBrokenCatalogNamesItsLine() {
        #expect(throws: MessageCatalog.Failure.self) { try MessageCatalog(po: "msgid \"a\"\nmsgstr unquoted\n", file: "x.po") }
        do {
            _ = try MessageCatalog(po: "msgid \"a\"\nmsgid_plural \"as\"\n", file: "x.po")
            Issue.record("plural forms should be refused")
        } catch {
            #expect(error.description.hasPrefix("x.po:2: "))
        }
    }

    @Test func placeholdersAreFilledInAnyOrder() {
        #expect(L10n.fill("{2} before {1}", ["a", "b"]) == "b before a")
        #expect(L10n.fill("{1} of {3} and {x} {", [1, 2]) == "1 of {3} and {x} {")
        #expect(L10n.t("{1} on {2}.", in: .vietnamese, "Hội nghị", "2019-03-26") == "Hội nghị vào ngày 2019-03-26.")
        #expect(L10n.t("{1} on {2}.", in: .english, "Meeting", "2019-03-26") == "Meeting on 2019-03-26.")
    }

    @Test func withRendersInAnotherLanguage() {
        #expect(L10n.with(.khmer) { L10n.t("Overdue") } == "ហួសកាលកំណត់")
        #expect(L10n.with(.vietnamese) { L10n.t("low", context: "severity") } == "thấp")
        #expect(L10n.with(.vietnamese) { Status.blocked.displayName } == "bị vướng mắc")
    }

    @Test func languageCodesAndLists() throws {
        #expect(Language(code: "vi_VN.UTF-8") == .vietnamese)
        #expect(Language(code: "km-KH") == .khmer)
        #expect(Language(code: "en_US@euro") == .english)
        #expect(Language(code: "C.UTF-8") == nil)
        #expect(Language(code: "fr_FR") == nil)
        #expect(try L10n.parse("vi, km,vi", origin: "--lang") == [.vietnamese, .khmer])
        #expect(throws: L10n.UnknownLanguage.self) { try L10n.parse("vi,fr", origin: "--lang") }
        #expect(throws: L10n.UnknownLanguage.self) { try L10n.parse(",", origin: "--lang") }
    }

    /// A text is tried only against the messages that can begin and end as it does: for
    /// every catalog message filled with values of many shapes (ids, Khmer, Vietnamese,
    /// quotes, an empty one), the message found is the one a search of every message finds.
    @Test(arguments: [Language.vietnamese, .khmer])
    func messagesFoundByTheirEndsAreThoseEveryMessageGives(_ language: Language) throws {
        let patterns = try #require(L10n.patterns(language))
        let keys = try #require(L10n.catalog(language)).translations.keys.filter { !$0.contains("\u{4}") && $0.contains("{") }
        let values = ["tip-2005#7.2", "VN", "ភ្នំពេញ", "Ủy ban quốc gia", "\"quoted\"", "12", "K\u{301}", "a b; c", ")"]
        var tried = 0
        for (number, key) in keys.sorted().enumerated() {
            for shift in 0..<3 {
                var text = key
                for placeholder in 1...9 {
                    text = text.replacingOccurrences(of: "{\(placeholder)}", with: values[(number + placeholder + shift) % values.count])
                }
                let everyMessage = patterns.list.indices.first { patterns.list[$0].match(text) != nil }
                let candidates = patterns.candidates(for: text)
                #expect(candidates.first { patterns.list[$0].match(text) != nil } == everyMessage, "\(text)")
                #expect(candidates == candidates.sorted() && Set(candidates).count == candidates.count)
                if everyMessage != nil { tried += 1 }
            }
        }
        #expect(tried > 300, "most filled messages are found")
    }

    /// A history's summary holds each status by its code (`in-progress`): shown in
    /// Vietnamese or Khmer, the code becomes the status's name, as in every other table.
    @Test func aStatusCodeInASummaryIsShownByItsName() {
        for language in [Language.vietnamese, .khmer] {
            for status in Status.allCases {
                let shown = L10n.with(language) { L10n.shown(L10n.english("{1} reported {2} on {3}", "VN", status.rawValue, "tip-2005#7.2")) }
                let name = L10n.with(language) { status.displayName }
                #expect(shown.contains(name) && !shown.contains(status.rawValue), "\(language) \(status): \(shown)")
            }
        }
        #expect(L10n.with(.english) { L10n.shown("in-progress") } == "in-progress", "English keeps the code")
    }

    /// A message's placeholders, and a piece found in a filled message only as whole
    /// characters: not as the start of a letter with a combining mark.
    @Test func placeholdersAndPiecesAreFoundAsWritten() {
        #expect(L10n.placeholders(in: "{1} reported {2} on {3}") == (["", " reported ", " on ", ""], [1, 2, 3]))
        #expect(L10n.placeholders(in: "plan {2} of {1}.") == (["plan ", " of ", "."], [2, 1]))
        #expect(L10n.placeholders(in: "{x} {} {12}") == (["{x} {} ", ""], [12]))
        #expect(L10n.placeholders(in: "Ủy ban") == (["Ủy ban"], []))
        let text = "Ủy ban on tip-2005#7.2"
        let range = L10n.Pattern.firstRange(of: " on ", in: text[...])
        #expect(range.map { String(text[$0]) } == " on " && range?.lowerBound == text.firstIndex(of: " ").map { text.index($0, offsetBy: 4) })
        let decomposed = "Vie\u{302}t on e"
        let found = L10n.Pattern.firstRange(of: "e", in: decomposed[...])
        #expect(found.map { decomposed.distance(from: decomposed.startIndex, to: $0.lowerBound) } == 8, "the last e, not the one under its circumflex")
        #expect(L10n.Pattern.firstRange(of: "x", in: decomposed[...]) == nil)
    }
}
