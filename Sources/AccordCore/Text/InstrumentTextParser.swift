import Foundation

/// Reads `text.<lang>.md` files into ``InstrumentText`` values (docs/text-format.md).
struct InstrumentTextParser {
    /// A line of the source: its 1-based number and its NFC text without the line end.
    struct Line {
        var number: Int
        var text: String
    }

    /// An article while its lines are being collected.
    private struct ArticleDraft {
        var id: String
        var heading: String
        var title: String
        var line: Int
        var body: [Line] = []
    }

    /// A clause while its lines are being collected.
    private struct ClauseDraft {
        var id: String
        var marker: String
        var line: Int
        var lines: [String]
    }

    let file: String

    func parse(_ data: Data) throws(InstrumentTextError) -> InstrumentText {
        let lines = try decodeLines(data)
        var title: String?
        var front: [String] = []
        var drafts: [ArticleDraft] = []
        var firstLines: [String: Int] = [:]
        var sawHeading = false

        for line in lines {
            if line.text.hasPrefix("# ") || line.text == "#" {
                guard title == nil, !sawHeading else { throw error(line, .misplacedTitle) }
                title = ReadableText.collapsed(String(line.text.dropFirst()))
            } else if line.text.hasPrefix("## ") || line.text == "##" {
                sawHeading = true
                let (heading, explicitID) = Self.headingText(line.text)
                var id: String
                let articleTitle: String
                if let explicitID {
                    (id, articleTitle) = (explicitID, Self.articleNumber(in: heading)?.title ?? Self.withoutExplicitID(heading))
                } else if !Self.isSectionLabel(heading), let numbered = Self.articleNumber(in: heading) {
                    (id, articleTitle) = numbered
                } else if drafts.isEmpty, !Self.isSectionLabel(heading) {
                    (id, articleTitle) = (Article.preambleID, heading)
                } else {
                    // Unnumbered matter after the first heading (final provisions, an annex,
                    // the signatures) is a section of its own, named by its heading; a second
                    // section of the same name is told apart by a count.
                    (id, articleTitle) = (Self.sectionID(heading), heading)
                    let base = id
                    var count = 2
                    while firstLines[id] != nil {
                        id = "\(base)-\(count)"
                        count += 1
                    }
                }
                if let first = firstLines[id] {
                    throw error(line, .duplicateArticle(id: id, firstLine: first))
                }
                firstLines[id] = line.number
                drafts.append(ArticleDraft(id: id, heading: heading, title: articleTitle, line: line.number))
            } else if drafts.isEmpty {
                front.append(line.text)
            } else {
                drafts[drafts.count - 1].body.append(line)
            }
        }
        let articles = try drafts.map { draft throws(InstrumentTextError) in try article(from: draft) }
        return InstrumentText(
            file: file, title: title ?? "", frontMatter: ReadableText.normalize(lines: front),
            articles: articles)
    }

    // MARK: - Lines

    /// The file's lines: byte order mark dropped, CRLF accepted, NFC applied.
    private func decodeLines(_ data: Data) throws(InstrumentTextError) -> [Line] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = Self.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].count(where: { $0 == 0x0A }) + 1
            throw InstrumentTextError(file: file, line: line, reason: .notUTF8)
        }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { index, raw in
            let content = raw.last == 0x0D ? raw.dropLast() : raw
            return Line(number: index + 1, text: ReadableText.nfc(String(decoding: content, as: UTF8.self)))
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private func error(_ line: Line, _ reason: InstrumentTextError.Reason) -> InstrumentTextError {
        InstrumentTextError(file: file, line: line.number, reason: reason)
    }

    // MARK: - Headings

    /// A heading's text: after the `##`, without an optional closing run of `#`; and the id
    /// given by a closing `{#id}` (kept in the text, so the heading reads back the same).
    private static func headingText(_ line: String) -> (text: String, id: String?) {
        var words = ReadableText.collapsed(String(line.drop(while: { $0 == "#" }))).split(separator: " ")
        if let last = words.last, last.allSatisfy({ $0 == "#" }) { words.removeLast() }
        let text = words.joined(separator: " ")
        guard let last = words.last, last.hasPrefix("{#"), last.hasSuffix("}"), last.count > 3 else { return (text, nil) }
        let id = String(last.dropFirst(2).dropLast())
        // An id must read as one word in a provision id (`tip-2005#5-2.1`): no dot, no `#`.
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return (text, nil) }
        return (text, id)
    }

    /// Words that start the heading of a part of the text that is not an article, numbered
    /// or not: annexes, appendices and schedules, and the books, chapters and parts that
    /// group articles. (`Phụ` starts `Phụ lục`, annex; `Chương` is chapter, `Phần` part,
    /// `Mục` section, `Tiểu` starts `Tiểu mục`, subsection; `ឧបសម្ព័ន្ធ` annex, `គន្ថី` and
    /// `ភាគ` book, `ជំពូក` chapter, `កថាភាគ` division, `ផ្នែក` part.)
    static let sectionLabels: Set<String> = [
        "annex", "annexe", "appendix", "schedule", "attachment", "book", "chapter", "part", "title", "section",
        "subsection", "division",
        "anhang", "anlage", "buch", "kapitel", "teil", "abschnitt", "titel", "unterabschnitt",
        "anexo", "apéndice", "libro", "capítulo", "título", "sección",
        "phụ", "chương", "phần", "mục", "tiểu",
        "ឧបសម្ព័ន្ធ", "គន្ថី", "ភាគ", "ជំពូក", "កថាភាគ", "ផ្នែក",
    ]

    /// Khmer's ordinal prefix, written between a label and its number (`ជំពូកទី ១`,
    /// `ជំពូកទី១`: chapter 1).
    static let khmerOrdinal = "ទី"

    /// True when the heading's first word names an annex, chapter or part (see ``sectionLabels``),
    /// also with a number or Khmer's ordinal attached to it (`ជំពូកទី១`).
    static func isSectionLabel(_ heading: String) -> Bool {
        let first = heading.prefix(while: { $0 != " " }).lowercased()
        var word = Substring(first.drop(while: { !$0.isLetter }))
        while let last = word.last, asciiDigit(last) != nil { word = word.dropLast() }
        if word.hasSuffix(khmerOrdinal), word.count > khmerOrdinal.count { word = word.dropLast(khmerOrdinal.count) }
        return sectionLabels.contains(first) || sectionLabels.contains(String(word))
    }

    /// The id of an unnumbered section: its heading's words, lowercased, joined by `-`
    /// (`Final provisions` → `final-provisions`, `Phụ lục I. Mẫu` → `phụ-lục-i`).
    static func sectionID(_ heading: String) -> String {
        // The name ends where a title would start: `Annex 1. Forms` is `annex-1`.
        var name = withoutExplicitID(heading)
        for separator in [". ", " — ", " – ", " - ", ": ", " ៖ "] {
            if let range = name.range(of: separator) { name = String(name[..<range.lowerBound]) }
        }
        let words = name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return words.isEmpty ? "section" : words.joined(separator: "-")
    }

    private static func withoutExplicitID(_ text: String) -> String {
        guard text.hasSuffix("}"), let open = text.range(of: " {#", options: .backwards) else { return text }
        return String(text[..<open.lowerBound])
    }

    /// The article id and title in a heading such as `Article 7. Purpose`, `Điều 7a: ...`
    /// or `មាត្រា ៧`: a number (ASCII or Khmer digits, see ``numberSuffix(_:)`` for what
    /// may follow it) as the first, second or third word, then an optional separator and
    /// the title.
    static func articleNumber(in heading: String) -> (id: String, title: String)? {
        let characters = Array(withoutExplicitID(heading))
        var index = 0
        for _ in 0..<3 {
            if index < characters.count, asciiDigit(characters[index]) != nil {
                return numbered(characters, from: index)
            }
            // Skip a label word (`Article`, `Điều`, `មាត្រា`) and the space after it. Khmer's
            // article label, in a script written without spaces, and `§` may carry the number
            // attached (`មាត្រា១៩`, `មាត្រាទី១៩`, `§7`); other words may not (`2nd`, `A4`, and
            // `ឆ្នាំ២០០៨`, "year 2008", are no article numbers).
            let start = index
            while index < characters.count, characters[index] != " " {
                if asciiDigit(characters[index]) != nil, attachedNumberLabels.contains(String(characters[start..<index])) {
                    return numbered(characters, from: index)
                }
                index += 1
            }
            index += 1
        }
        return nil
    }

    /// The words that label an article, lowercased: `Article` (`Art.`), German `Artikel`,
    /// Spanish `Artículo`, Vietnamese `Điều`, Khmer `មាត្រា`, and `§`. A heading needs none
    /// of them (any word may stand before the number); a document being imported, which has
    /// no `## ` marks, needs one to tell a heading from a sentence (``labelledHeading(_:)``).
    static let articleLabels: Set<String> = ["article", "art.", "artikel", "artículo", "điều", khmerArticle, "§"]

    /// Khmer's "article".
    static let khmerArticle = "មាត្រា"

    /// The labels an article number may be attached to: `§` and Khmer's "article", also
    /// with the ordinal (`មាត្រាទី`).
    static let attachedNumberLabels: Set<String> = ["§", khmerArticle, khmerArticle + khmerOrdinal]

    /// A line of a document that reads as a heading by its label alone, as the import finds
    /// them: an article label and its number (`Điều 7đ.`, `មាត្រា១៩`, `មាត្រាទី ១៩ថ្មី`,
    /// `§ 7`, `Art. 8 bis`), or a word of ``sectionLabels`` and a number in ASCII, Khmer or
    /// roman numerals (`Chương II`, `Tiểu mục 2`, `Phụ lục 1`, `ជំពូកទី១`, `គន្ថី ១`,
    /// `Annex 3`). `rest` is what follows the number: the title with its separator.
    enum LabelledHeading: Equatable {
        case article(id: String, title: String, rest: String)
        case section(rest: String)
    }

    /// The ``LabelledHeading`` `line` (one line, white space collapsed) starts with, if any.
    static func labelledHeading(_ line: String) -> LabelledHeading? {
        let characters = Array(ReadableText.nfc(line))
        let firstWord = characters.prefix(while: { $0 != " " })
        let label = String(firstWord).lowercased()
        var start: Int?
        if articleLabels.contains(label) || attachedNumberLabels.contains(label) {
            start = firstWord.count + 1
        } else if let attached = attachedNumberLabels.sorted(by: { $0.count > $1.count })
                    .first(where: { label.hasPrefix($0) && label.count > $0.count }) {
            start = attached.count
        }
        if let start, start < characters.count, asciiDigit(characters[start]) != nil,
           let found = numberedHeading(characters, from: start) {
            return .article(id: found.id, title: found.title, rest: found.rest)
        }
        let text = String(characters)
        guard isSectionLabel(text) else { return nil }
        // The section's number: attached to its label (`ជំពូកទី១`) or one of the two words
        // after it (`Chương II`, `Tiểu mục 2`, `ជំពូកទី ១`).
        let words = text.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        var number: Substring?
        if let attached = words.first?.drop(while: { asciiDigit($0) == nil }), !attached.isEmpty,
           attached.allSatisfy({ asciiDigit($0) != nil || titleSeparators.contains($0) }) {
            number = attached
        } else {
            number = words.dropFirst().prefix(2).first(where: isSectionNumber)
        }
        guard var number else { return nil }
        // The rest keeps its separator (`Chương II. Quy định chung`: `. Quy định chung`).
        while let last = number.last, titleSeparators.contains(last) { number = number.dropLast() }
        return .section(rest: String(text[number.endIndex...]).trimmingCharacters(in: .whitespaces))
    }

    /// A section's number as a word: ASCII or Khmer digits or an upper-case roman numeral,
    /// with an optional separator after it (`2`, `១`, `II.`, `IV:`).
    private static func isSectionNumber(_ word: Substring) -> Bool {
        var word = word
        while let last = word.last, titleSeparators.contains(last) { word = word.dropLast() }
        guard !word.isEmpty else { return false }
        return word.allSatisfy { asciiDigit($0) != nil } || word.allSatisfy { "IVXLC".contains($0) }
    }

    /// Latin ordinals that insert an article between two others (`8 bis`, `8ter`).
    static let latinOrdinals = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies",
                                "nonies", "decies"]
    /// Khmer "new", written after the number of an inserted article (`មាត្រា ១៩ថ្មី`).
    static let khmerNew = "ថ្មី"

    private static func numbered(_ characters: [Character], from start: Int) -> (id: String, title: String)? {
        numberedHeading(characters, from: start).map { ($0.id, $0.title) }
    }

    /// The id and title of the number at `start`, and what follows the number as written.
    private static func numberedHeading(_ characters: [Character], from start: Int) -> (id: String, title: String, rest: String)? {
        var index = start
        var id = ""
        func digits() {
            while index < characters.count, let digit = asciiDigit(characters[index]) {
                id.append(digit)
                index += 1
            }
        }
        digits()
        // `515-14`: a number of a code's chapter and of the article in it.
        if index + 1 < characters.count, "-‑".contains(characters[index]), asciiDigit(characters[index + 1]) != nil {
            id.append("-")
            index += 1
            digits()
        }
        let rest = String(characters[index...])
        if let suffix = numberSuffix(rest) {
            id += suffix.id
            index += suffix.length
        }
        // The number must end the word: `7a` is an article, `7th` or `2005-style` is not.
        if index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "-" {
            return nil
        }
        let afterNumber = characters[index...]
        var title = afterNumber.drop(while: { $0 == " " })
        // One separator, which Khmer laws often write as two marks (`មាត្រា ១.-`).
        if let first = title.first, titleSeparators.contains(first) {
            title = title.dropFirst().drop(while: { $0 == " " || titleSeparators.contains($0) })
        }
        return (id, String(title).trimmingCharacters(in: .whitespaces), String(afterNumber))
    }

    /// The marks between an article's number and its title.
    static let titleSeparators: Set<Character> = [".", "—", "–", "-", ":", "៖"]

    /// What may follow an article's number and belongs to its id: a Latin ordinal, attached
    /// or after a space (`8bis`, `8 bis`), Khmer "new" (`១៩ថ្មី`), or one letter of any
    /// script attached to it (`7a`, `7đ`). The id part is lowercase; `length` counts the
    /// characters read.
    static func numberSuffix(_ rest: String) -> (id: String, length: Int)? {
        let spaced = rest.hasPrefix(" ")
        let word = spaced ? rest.dropFirst() : Substring(rest)
        func endsWord(_ tail: Substring) -> Bool { tail.first.map { !($0.isLetter || $0.isNumber) } ?? true }
        let lowered = word.lowercased()
        for ordinal in latinOrdinals where lowered.hasPrefix(ordinal) {
            if endsWord(word.dropFirst(ordinal.count)) { return (ordinal, ordinal.count + (spaced ? 1 : 0)) }
        }
        if word.hasPrefix(khmerNew), endsWord(word.dropFirst(khmerNew.count)) {
            return (khmerNew, khmerNew.count + (spaced ? 1 : 0))
        }
        if !spaced, let letter = word.first, letter.isLetter, endsWord(word.dropFirst()) {
            return (letter.lowercased(), 1)
        }
        return nil
    }

    /// The ASCII digit for an ASCII or Khmer (០–៩) digit, or nil.
    static func asciiDigit(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return character
        case 0x17E0...0x17E9: return Character(Unicode.Scalar(scalar.value - 0x17E0 + 0x30)!)
        default: return nil
        }
    }

    // MARK: - Articles and clauses

    /// Splits an article's lines into lead, clauses and closing text.
    ///
    /// A clause runs until the next clause marker. After a blank line, an unindented
    /// paragraph that is not a sub-point is "detached": it joins the clause before it when
    /// another clause follows, and is the article's closing text when none does.
    ///
    /// A marker starts a clause only where a clause can start (``startsClause``): in an
    /// article whose clauses are paragraphs `(1)`, items `1.` and `1)` are sub-points of a
    /// paragraph, and a marker on a line that continues a sentence is a hard-wrapped line.
    private func article(from draft: ArticleDraft) throws(InstrumentTextError) -> Article {
        var lead: [String] = []
        var clauses: [ClauseDraft] = []
        var detached: [String] = []
        var firstLines: [String: Int] = [:]
        var afterBlank = false
        var parenthesised: Bool?
        var previous: String?

        for line in draft.body {
            let trimmed = ReadableText.collapsed(line.text)
            defer { previous = trimmed }
            if let (number, marker, rest) = Self.clauseMarker(line.text),
               Self.startsClause(after: previous, parenthesised: marker.hasPrefix("("), articleStyle: parenthesised)
                || parenthesised != true
                    && Self.continuesKhmerNumbering(marker: marker, number: number, after: clauses.last?.id, in: draft.id) {
                parenthesised = parenthesised ?? marker.hasPrefix("(")
                let id = "\(draft.id).\(number)"
                if let first = firstLines[id] {
                    throw error(line, .duplicateClause(id: id, firstLine: first))
                }
                firstLines[id] = line.number
                if !clauses.isEmpty {
                    clauses[clauses.count - 1].lines += detached
                }
                detached = []
                clauses.append(ClauseDraft(id: id, marker: marker, line: line.number, lines: [rest]))
                afterBlank = false
            } else if clauses.isEmpty {
                lead.append(line.text)
            } else if !detached.isEmpty {
                detached.append(line.text)
            } else if trimmed.isEmpty {
                afterBlank = true
                clauses[clauses.count - 1].lines.append("")
            } else if afterBlank, line.text.first != " ", line.text.first != "\t",
                      !ReadableText.startsOwnLine(trimmed) || trimmed.hasPrefix("#") {
                detached.append(line.text)
            } else {
                clauses[clauses.count - 1].lines.append(line.text)
                afterBlank = false
            }
        }
        return Article(
            id: draft.id, heading: draft.heading, title: draft.title,
            lead: ReadableText.normalize(lines: lead),
            clauses: clauses.map {
                Clause(id: $0.id, marker: $0.marker, text: ReadableText.normalize(lines: $0.lines), line: $0.line)
            },
            closing: ReadableText.normalize(lines: detached),
            line: draft.line)
    }

    /// Whether a line with a clause marker starts a clause: its marker has the article's
    /// style (once its first clause set it: `(1)` paragraphs hold `1.` and `1)` items), and
    /// the line before it is blank, a heading, or ends a sentence or an item. A marker after
    /// a line that stops mid-sentence (`… nach Absatz` then `2) …`) is a wrapped line.
    static func startsClause(after previous: String?, parenthesised: Bool, articleStyle: Bool?) -> Bool {
        if articleStyle == true, !parenthesised { return false }
        guard let previous, let last = previous.last, !previous.hasPrefix("#") else { return true }
        return sentenceEnds.contains(last)
    }

    /// Whether a Khmer dash marker (`២-`) numbers the clause after the last one (or the
    /// first clause, `១-`). Khmer lists often end their points with no mark at all, so the
    /// line before says nothing; a line wrapped inside a sentence that happens to begin with
    /// the next number and a dash is not a thing Khmer text does.
    static func continuesKhmerNumbering(marker: String, number: String, after lastClause: String?, in article: String) -> Bool {
        guard let dash = marker.last, ReadableText.khmerPointDashes.contains(dash), let value = Int(number) else { return false }
        guard let lastClause else { return value == 1 }
        return Int(lastClause.dropFirst(article.count + 1)).map { $0 + 1 == value } ?? false
    }

    /// Characters that end a sentence, an item or a quotation, in the scripts of the texts
    /// (`។` and `៕` are Khmer's full stops, `៖` its colon).
    static let sentenceEnds: Set<Character> = [".", ";", ":", ",", "!", "?", ")", "]", "\"", "”", "’", "'", "»", "។", "៕", "៖", "…"]

    /// A clause marker at the start of a line (`2. `, `2) `, `(2) `, Khmer `២- `, at most
    /// three spaces in, ASCII or Khmer digits): the clause number in ASCII digits, the marker as written
    /// and the rest of the line.
    static func clauseMarker(_ line: String) -> (number: String, marker: String, rest: String)? {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return nil }
        let text = line.dropFirst(indent)
        guard let length = ReadableText.subPointMarkerLength(String(text.prefix(12))) else { return nil }
        let marker = String(text.prefix(length))
        let digits = marker.compactMap(asciiDigit)
        // Only digits make a clause: `(a)` and `(iv)` are sub-points inside one.
        guard digits.count == marker.filter({ !"().".contains($0) && !ReadableText.khmerPointDashes.contains($0) }).count
        else { return nil }
        return (String(digits), marker, String(text.dropFirst(length)))
    }
}
