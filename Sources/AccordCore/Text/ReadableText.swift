internal import CICU
internal import Foundation

/// Text as people read it: the form in which instrument texts are stored and compared.
///
/// Two spellings a reader cannot tell apart must compare equal, so every piece of text is
/// put in Unicode NFC (a Vietnamese text saved decomposed equals the same text precomposed)
/// and its layout is reduced to what carries meaning: paragraphs (separated by `"\n\n"`)
/// and the lines that start a sub-point, a list item, a heading or a quotation (separated
/// by `"\n"`). Inside a line every run of white space is one space, so re-wrapping,
/// re-indenting and trailing blanks are not changes. The zero-width space, which Khmer
/// writers insert only as a line-break hint, is dropped for the same reason.
enum ReadableText {
    /// The NFC form of `text`.
    static func nfc(_ text: String) -> String {
        if isNFCByRange(text) { return text }
        var source = Array(text.utf16)
        if source.isEmpty { return text }
        let length = Int32(source.count)
        if accord_is_nfc(&source, length) { return text }
        var capacity = source.count * 2 + 8
        while true {
            var destination = [UInt16](repeating: 0, count: capacity)
            let written = Int(accord_nfc(&source, length, &destination, Int32(capacity)))
            // NFC fails only for want of memory; the text as decoded is then the best left.
            if written < 0 { return text }
            if written > capacity {
                capacity = written
                continue
            }
            return String(decoding: destination[0..<written], as: UTF16.self)
        }
    }

    /// Whether `text` holds nothing but white space and line breaks (as
    /// `CharacterSet.whitespacesAndNewlines` counts them). Usually the first byte answers: a
    /// note starts with a letter; only text that starts with white space goes to Foundation.
    static func isBlank(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        if first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Whether every character of `text` is one that NFC leaves as it is and that never
    /// combines with the character before it: U+0000–U+02FF (ASCII and the Latin letters
    /// with their accents precomposed), U+1E00–U+1EFF (Latin Extended Additional: Vietnamese's
    /// precomposed letters) and U+2010–U+205F (dashes, quotation marks, ellipsis). Such text
    /// is NFC as it stands, and most Vietnamese text is such; anything else goes to ICU.
    /// Read on the UTF-8 bytes: no UTF-16 copy, no call into ICU.
    static func isNFCByRange(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            let count = bytes.count
            while offset < count {
                let lead = bytes[offset]
                if lead < 0x80 {
                    offset += 1
                } else if lead < 0xCC {
                    // C2–CB: two bytes, U+0080–U+02FF.
                    offset += 2
                } else if lead == 0xE1, offset + 1 < count, (0xB8...0xBB).contains(bytes[offset + 1]) {
                    // E1 B8 80 – E1 BB BF: U+1E00–U+1EFF.
                    offset += 3
                } else if lead == 0xE2, offset + 2 < count,
                          bytes[offset + 1] == 0x80 && bytes[offset + 2] >= 0x90
                          || bytes[offset + 1] == 0x81 && bytes[offset + 2] <= 0x9F {
                    // E2 80 90 – E2 81 9F: U+2010–U+205F.
                    offset += 3
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The normalised form of a block of source lines (already NFC): paragraphs split at
    /// blank lines, lines joined unless they start a sub-point, spaces collapsed.
    static func normalize<Lines: Sequence>(lines: Lines) -> String where Lines.Element == String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            let words = collapsed(line)
            if words.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(words)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map(normalizeParagraph).joined(separator: "\n\n")
    }

    /// One paragraph's lines as they read: a quotation keeps one `> ` in front, and each
    /// line that starts a structure of its own stays a line.
    private static func normalizeParagraph(_ lines: [String]) -> String {
        if lines.allSatisfy({ $0.hasPrefix(">") }) {
            let inner = lines.map { collapsed(String($0.dropFirst())) }.filter { !$0.isEmpty }
            return "> " + joinLines(inner).split(separator: "\n").joined(separator: "\n> ")
        }
        return joinLines(lines)
    }

    private static func joinLines(_ lines: [String]) -> String {
        var result: [String] = []
        for line in lines {
            if let last = result.last, !startsOwnLine(line), !last.hasPrefix("#") {
                result[result.count - 1] = last + " " + line
            } else {
                result.append(line)
            }
        }
        return result.joined(separator: "\n")
    }

    /// The line with its white space runs reduced to single spaces and trimmed.
    static func collapsed(_ line: String) -> String {
        switch collapsedByScalars(line) {
        case .unchanged: line
        case .collapsed(let text): text
        case .unknown: collapsedByCharacters(line)
        }
    }

    /// `collapsed` as it is defined: on characters (grapheme clusters), so that a space with
    /// a combining mark after it is one white space character and goes with the mark.
    static func collapsedByCharacters(_ line: String) -> String {
        line.split(whereSeparator: { $0.isWhitespace || $0 == "\u{200B}" }).joined(separator: " ")
    }

    /// What `collapsedByScalars` found.
    enum Collapse: Equatable {
        /// The line is already collapsed.
        case unchanged
        case collapsed(String)
        /// The line holds a scalar the byte reading does not know, or a mark right after
        /// white space: only `collapsedByCharacters` reads it right.
        case unknown
    }

    /// `collapsed` read on the UTF-8 bytes, where each scalar can be judged alone: every
    /// scalar lies in the ranges `scalarKind` knows, and no mark follows white space (a
    /// mark never starts a character, so there the two readings would differ). Asking
    /// characters for their properties was most of the time spent parsing a text.
    static func collapsedByScalars(_ line: String) -> Collapse {
        var line = line
        return line.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var changed = false
            // A separator was passed since the last kept scalar.
            var pendingSpace = false
            var offset = 0
            while offset < bytes.count {
                let lead = bytes[offset]
                var length = 1
                var kind = ScalarKind.standalone
                if lead < 0x80 {
                    if lead == 0x20 || (0x09...0x0D).contains(lead) { kind = .separator }
                } else if lead < 0xE0, offset + 1 < bytes.count {
                    length = 2
                    kind = scalarKind(UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))
                } else if lead < 0xF0, offset + 2 < bytes.count {
                    length = 3
                    kind = scalarKind(UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6
                                      | UInt32(bytes[offset + 2] & 0x3F))
                } else {
                    return .unknown
                }
                switch kind {
                case .other:
                    return .unknown
                case .mark where pendingSpace:
                    return .unknown
                case .separator:
                    // Only a single ASCII space between two kept scalars stays as it is.
                    if lead != 0x20 || pendingSpace || output.isEmpty { changed = true }
                    pendingSpace = true
                case .standalone, .mark:
                    if pendingSpace, !output.isEmpty { output.append(0x20) }
                    pendingSpace = false
                    output.append(contentsOf: bytes[offset..<offset + length])
                }
                offset += length
            }
            if pendingSpace { changed = true }
            return changed ? .collapsed(String(decoding: output, as: UTF8.self)) : .unchanged
        }
    }

    /// How `collapsedByScalars` treats a scalar.
    enum ScalarKind {
        /// White space (`Character.isWhitespace`) or the zero-width space: cut at.
        case separator
        /// Never part of a character with the scalar before it.
        case standalone
        /// Khmer vowel signs and marks: part of the character before them.
        case mark
        /// Not judged here.
        case other
    }

    /// The kind of a scalar above ASCII, for the Latin, Vietnamese and Khmer letters and the
    /// punctuation instrument texts use; `.other` for the rest. None of the standalone
    /// scalars extends the character before it or joins the one after (Unicode's grapheme
    /// rules: no Extend, SpacingMark, ZWJ or Prepend), so only a mark can join white space.
    static func scalarKind(_ scalar: UInt32) -> ScalarKind {
        switch scalar {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: .separator
        case 0x80...0x2FF, 0x1E00...0x1EFF, 0x2010...0x205F: .standalone
        case 0x1780...0x17B3, 0x17D4...0x17DC, 0x17E0...0x17E9, 0x17F0...0x17F9: .standalone
        case 0x17B4...0x17D3, 0x17DD: .mark
        default: .other
        }
    }

    /// True when a (trimmed) line starts something a reader sees as its own line: a heading,
    /// a bullet, a numbered item or a lettered or numbered sub-point such as `a)` or `(iv)`.
    static func startsOwnLine(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if first == "#" || first == ">" { return true }
        if "-*+•".contains(first) { return line.dropFirst().first == " " }
        return subPointMarkerLength(line) != nil
    }

    /// The length of a sub-point or list marker (`a)`, `(b)`, `(iv)`, `3.`, `3)`, `(3)`, and
    /// Khmer's `ក-`, `ក.`, `១-`: see ``khmerMarkerLength(_:)``) followed by a space or the end
    /// of the line, or nil.
    static func subPointMarkerLength(_ line: String) -> Int? {
        let characters = Array(line.prefix(8))
        if let length = khmerMarkerLength(characters) { return length }
        var index = 0
        let parenthesised = characters.first == "("
        if parenthesised { index += 1 }
        let start = index
        while index < characters.count, characters[index].isLetter || characters[index].isNumber {
            index += 1
        }
        let label = characters[start..<index]
        guard !label.isEmpty, index < characters.count else { return nil }
        let allDigits = label.allSatisfy(\.isNumber)
        // A letter label is one letter or a short roman numeral, never an ordinary word.
        guard allDigits || label.count == 1 || label.allSatisfy({ "ivxlIVXL".contains($0) }) else {
            return nil
        }
        if parenthesised {
            guard characters[index] == ")" else { return nil }
        } else {
            guard characters[index] == ")" || (allDigits && characters[index] == ".") else { return nil }
        }
        index += 1
        guard index == characters.count || characters[index] == " " else { return nil }
        return index
    }

    /// The length of a Khmer point marker: one Khmer consonant (`ក`, `ខ`, `គ` … in the
    /// alphabet's order) or Khmer digits (`១`, `១២`), then a hyphen or dash (`ក-`, `១-`,
    /// `១–`), or a consonant then a full stop (`ក.`), as Cambodian laws number their points.
    /// After the mark comes a space, the end of the line or, after a dash, the point's first
    /// Khmer letter (`ក-ការ…`, as often typed). A consonant with a vowel or a subscript
    /// (`កា-`, `ក្ក.`) is a word, not a marker; a dash before a digit is a range (`២-៣`).
    static func khmerMarkerLength(_ characters: [Character]) -> Int? {
        guard let first = characters.first, let scalar = singleScalar(first) else { return nil }
        var index = 1
        let consonant = (0x1780...0x17A2).contains(scalar.value)
        if !consonant {
            guard (0x17E0...0x17E9).contains(scalar.value) else { return nil }
            while index < characters.count, let digit = singleScalar(characters[index]),
                  (0x17E0...0x17E9).contains(digit.value) { index += 1 }
        }
        guard index < characters.count else { return nil }
        let mark = characters[index]
        let dash = khmerPointDashes.contains(mark)
        guard dash || (consonant && mark == ".") else { return nil }
        index += 1
        guard index < characters.count else { return index }
        let next = characters[index]
        if next == " " { return index }
        if dash, let letter = next.unicodeScalars.first, (0x1780...0x17B3).contains(letter.value) { return index }
        return nil
    }

    /// The marks that close a Khmer point marker: hyphen, non-breaking hyphen, en and em dash.
    static let khmerPointDashes: Set<Character> = ["-", "\u{2011}", "–", "—"]

    /// The one scalar of a character made of one, or nil.
    private static func singleScalar(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }
}
