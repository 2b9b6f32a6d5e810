import Foundation
import Testing
@testable import AccordCore

/// Holds a reader of records in the layout accord writes (``CanonicalRecord``) to the
/// general reader: where it answers, the same value, problems, field lines and element
/// paths; where the general reader names a problem, no answer.
struct CanonicalReaderCheck<Value: Sendable & Equatable> {
    let file: String
    let decode: (YAMLFields) -> Value?
    let canonical: (String, String) -> ParsedFile<Value>?

    func general(_ text: String) -> ParsedFile<Value> {
        YAMLReader.parse(Data(text.utf8), file: file, decode: decode)
    }

    func direct(_ text: String) -> ParsedFile<Value>? {
        guard case .success(let decoded) = SourceText.decode(Data(text.utf8), file: file) else { return nil }
        return canonical(decoded, file)
    }

    func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = general(text)
        guard let found = direct(text) else { return }
        #expect(found.value == expected.value, "\(text)", sourceLocation: sourceLocation)
        #expect(found.diagnostics == expected.diagnostics, "\(text)", sourceLocation: sourceLocation)
        #expect(found.lines == expected.lines, "\(text)", sourceLocation: sourceLocation)
        #expect(found.elementPaths == expected.elementPaths, "\(text)", sourceLocation: sourceLocation)
        #expect(found.file == expected.file, sourceLocation: sourceLocation)
    }

    /// How many of `texts` are read directly, each checked against the general reader.
    func readDirectly(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var count = 0
        for text in texts {
            expectSame(text, sourceLocation: sourceLocation)
            if direct(text) != nil { count += 1 }
        }
        return count
    }

    /// Variants of `base` (a record holding `note: ok`) that any record's general reader
    /// reads fine but not in the written layout: a comment, a document marker, the note
    /// written as null in three ways.
    /// Also its first two fields swapped, its id quoted, and its one-item list at `list`
    /// written as a block list.
    private static func otherLayouts(of base: String, list: String) -> [String] {
        let lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func with(_ line: Int, as text: String) -> String {
            var changed = lines
            changed[line] = text
            return changed.joined(separator: "\n")
        }
        var swapped = lines
        swapped.swapAt(0, 1)
        var variants = [base + "# comment\n", "---\n" + base, swapped.joined(separator: "\n"),
                        with(0, as: "id: \"\(lines[0].dropFirst("id: ".count))\"")]
        if let listLine = lines.firstIndex(where: { $0.hasPrefix(list + ": [") }) {
            variants.append(with(listLine, as: "\(list):\n  - \(lines[listLine].dropFirst(list.count + 3).dropLast())"))
        }
        return variants + ["note: null", "note: ~", "note:"].map { base.replacingOccurrences(of: "note: ok", with: $0) }
    }

    /// Variants of `base` that any record's general reader refuses: a field given twice, an
    /// unknown field, an indented document, an unclosed quote.
    private static func broken(_ base: String) -> [String] {
        [base + "note: again\n", base + "colour: blue\n", " " + base, base.replacingOccurrences(of: "note: ok", with: "note: \"ok")]
    }

    /// `base` with each field of `refused` given, in turn, each of its values.
    static func refusing(_ refused: [String: [String]], in base: String) -> [String] {
        refused.sorted { $0.key < $1.key }.flatMap { field, values in
            values.map { value in
                base.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasPrefix(field + ": ") ? "\(field): \(value)" : String($0) }.joined(separator: "\n")
            }
        }
    }

    /// Every text is read alike by both; `otherLayouts` (fine to the general reader) and
    /// `broken` (not) are left to the general reader. Each list is joined by the variants
    /// of `base` that hold for any record (a record holding `note: ok` and a one-item list
    /// at `list`): it, with a comment after the note and with CRLF line ends;
    /// ``otherLayouts(of:list:)``; ``broken(_:)``.
    func expectLeftToTheGeneralReader(base: String, list: String, fine: [String], otherLayouts: [String], broken: [String],
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let fine = fine + [base, base.replacingOccurrences(of: "note: ok", with: "note: a # b"),
                           base.replacingOccurrences(of: "\n", with: "\r\n")]
        let otherLayouts = otherLayouts + Self.otherLayouts(of: base, list: list)
        #expect(otherLayouts.contains { $0.contains("\(list):\n  - ") }, "no one-item list \(list) in the base",
                sourceLocation: sourceLocation)
        let broken = broken + Self.broken(base)
        #expect(direct(base) != nil, sourceLocation: sourceLocation)
        for text in fine + otherLayouts + broken {
            expectSame(text, sourceLocation: sourceLocation)
        }
        for text in otherLayouts {
            #expect(general(text).diagnostics.isEmpty, "\(text.debugDescription)", sourceLocation: sourceLocation)
            #expect(direct(text) == nil, "read directly: \(text.debugDescription)", sourceLocation: sourceLocation)
        }
        for text in broken {
            #expect(!general(text).diagnostics.isEmpty, "general reader found no problem: \(text.debugDescription)",
                    sourceLocation: sourceLocation)
            #expect(direct(text) == nil, "read directly although the general reader refuses it: \(text.debugDescription)",
                    sourceLocation: sourceLocation)
        }
    }
}
