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
                let heading = Self.headingText(line.text)
                let id: String
                let articleTitle: String
                if let numbered = Self.articleNumber(in: heading) {
                    (id, articleTitle) = numbered
                } else if drafts.isEmpty {
                    (id, articleTitle) = (Article.preambleID, heading)
                } else {
                    throw error(line, .unnumberedHeading(heading))
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

    /// A heading's text: after the `##`, without an optional closing run of `#`.
    private static func headingText(_ line: String) -> String {
        var words = ReadableText.collapsed(String(line.drop(while: { $0 == "#" }))).split(separator: " ")
        if let last = words.last, last.allSatisfy({ $0 == "#" }) { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// The article id and title in a heading such as `Article 7. Purpose`, `Điều 7a: ...`
    /// or `មាត្រា ៧`: a number (ASCII or Khmer digits, optionally one letter) as the first,
    /// second or third word, then an optional separator and the title.
    static func articleNumber(in heading: String) -> (id: String, title: String)? {
        let characters = Array(heading)
        var index = 0
        for _ in 0..<3 {
            if index < characters.count, asciiDigit(characters[index]) != nil {
                return numbered(characters, from: index)
            }
            // Skip a label word (`Article`, `Điều`, `មាត្រា`) and the space after it.
            while index < characters.count, characters[index] != " " { index += 1 }
            index += 1
        }
        return nil
    }

    private static func numbered(_ characters: [Character], from start: Int) -> (id: String, title: String)? {
        var index = start
        var id = ""
        while index < characters.count, let digit = asciiDigit(characters[index]) {
            id.append(digit)
            index += 1
        }
        if index < characters.count, characters[index].isASCII, characters[index].isLetter,
           index + 1 == characters.count || !characters[index + 1].isLetter {
            id.append(Character(characters[index].lowercased()))
            index += 1
        }
        // The number must end the word: `7a` is an article, `7th` or `2005-style` is not.
        if index < characters.count, characters[index].isLetter || characters[index].isNumber {
            return nil
        }
        var rest = characters[index...].drop(while: { $0 == " " })
        if let first = rest.first, ".—–-:".contains(first) { rest = rest.dropFirst() }
        return (id, String(rest).trimmingCharacters(in: .whitespaces))
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
    private func article(from draft: ArticleDraft) throws(InstrumentTextError) -> Article {
        var lead: [String] = []
        var clauses: [ClauseDraft] = []
        var detached: [String] = []
        var firstLines: [String: Int] = [:]
        var afterBlank = false

        for line in draft.body {
            let trimmed = ReadableText.collapsed(line.text)
            if let (number, marker, rest) = Self.clauseMarker(line.text) {
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

    /// A clause marker at the start of a line (`2. `, `2) `, `(2) `, at most three spaces
    /// in, ASCII or Khmer digits): the clause number in ASCII digits, the marker as written
    /// and the rest of the line.
    static func clauseMarker(_ line: String) -> (number: String, marker: String, rest: String)? {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return nil }
        let text = line.dropFirst(indent)
        guard let length = ReadableText.subPointMarkerLength(String(text.prefix(12))) else { return nil }
        let marker = String(text.prefix(length))
        let digits = marker.compactMap(asciiDigit)
        // Only digits make a clause: `(a)` and `(iv)` are sub-points inside one.
        guard digits.count == marker.filter({ $0 != "(" && $0 != ")" && $0 != "." }).count else { return nil }
        return (String(digits), marker, String(text.dropFirst(length)))
    }
}
