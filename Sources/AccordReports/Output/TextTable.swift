import AccordCore

/// A plain-text table for terminals: a header row, a rule, then rows, with columns padded
/// to the widest cell. Widths are terminal cells (`DisplayWidth`), so Vietnamese, Khmer
/// and CJK text align: combining marks take none, wide characters two.
public struct TextTable: Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: Sendable { case left, right }

    /// A column: its header and alignment. A header may hold line breaks: a long heading
    /// on two short lines keeps a narrow column narrow.
    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment
        /// Whether the column's text wraps onto more lines when the table is wider than
        /// the width it is rendered for (a column of sentences: an outcome, a reason).
        public var wraps: Bool
        /// A column with a header, left-aligned unless said otherwise.
        public init(_ header: String, _ alignment: Alignment = .left, wraps: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.wraps = wraps
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns.
    public init(_ columns: [Column]) { self.columns = columns }

    /// Adds a row; missing cells are blank and extra cells are dropped.
    public mutating func add(_ cells: [String]) {
        rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The table as lines of text, each line without trailing spaces; `indent` is put
    /// before every line. When the table is wider than `width` terminal cells, the
    /// columns that wrap are narrowed to fit (keeping their headings, and their words whole
    /// as far as the width allows) and their text continues on the lines below, under the
    /// same column.
    public func render(indent: String = "", style: TerminalStyle = TerminalStyle(colour: false), width: Int? = nil) -> String {
        let widths = widths(measuring: rows, fitting: width, indent: indent)
        var text = ""
        // Room for every line at its padded width (more where a character takes more than
        // a byte): a text grown by doubling holds up to twice what it needs at the end.
        text.reserveCapacity((rows.count + (headerLines.map(\.count).max() ?? 1) + 1) * (indent.utf8.count + widths.reduce(2 * widths.count, +)))
        write(rows: rows, widths: widths, indent: indent, style: style) { text += $0 }
        return text
    }

    /// The widths ``render(indent:style:width:)`` gives the columns when `rows` are its
    /// rows and nothing wraps: each column's widest cell or header line.
    public func widths(measuring rows: some Sequence<[String]>) -> [Int] {
        var widths = headerLines.map { $0.map(Self.width).max() ?? 0 }
        for row in rows {
            for index in widths.indices where index < row.count { widths[index] = max(widths[index], Self.width(row[index])) }
        }
        return widths
    }

    /// The widths ``render(indent:style:width:)`` gives the columns of `rows` in `width`
    /// terminal cells (nil: as wide as they need). When the table is wider, the columns
    /// that wrap are narrowed: each keeps room for its heading and its longest word (an id
    /// is not cut unless it is longer than ``longestWordKept``), and the widest are
    /// narrowed first, to one width, until the table fits. The rows are read a second
    /// time, for their words, only then.
    public func widths(measuring rows: some Collection<[String]>, fitting width: Int?, indent: String = "") -> [Int] {
        var widths = widths(measuring: rows)
        let wrapping = columns.indices.filter { columns[$0].wraps }
        guard let width, !wrapping.isEmpty else { return widths }
        let total = Self.width(indent) + widths.reduce(0, +) + 2 * (widths.count - 1)
        guard total > width else { return widths }
        let available = width - (total - wrapping.reduce(0) { $0 + widths[$1] })
        // A word is looked for only in a cell wider than the longest found, and no longer
        // once one is as long as a column ever keeps whole.
        var longestWords = [Int](repeating: 0, count: wrapping.count)
        for row in rows {
            guard longestWords.contains(where: { $0 < Self.longestWordKept }) else { break }
            for (slot, index) in wrapping.enumerated() where index < row.count && longestWords[slot] < Self.longestWordKept
                && Self.width(row[index]) > longestWords[slot] {
                longestWords[slot] = max(longestWords[slot], Self.longestWord(row[index]))
            }
        }
        let headers = headerLines
        func floors(keeping kept: Int) -> [Int] {
            zip(wrapping, longestWords).map { index, longestWord in
                min(widths[index], max(headers[index].map(Self.width).max() ?? 0, min(longestWord, kept)))
            }
        }
        // Words are kept whole only as far as the width allows.
        var kept = Self.longestWordKept
        while kept > 0, floors(keeping: kept).reduce(0, +) > available { kept -= 1 }
        let floors = floors(keeping: kept)
        func fitted(_ cap: Int) -> [Int] { zip(wrapping, floors).map { max($1, min(widths[$0], cap)) } }
        var cap = wrapping.map { widths[$0] }.max() ?? 0
        while cap > 1, fitted(cap).reduce(0, +) > available { cap -= 1 }
        for (index, fit) in zip(wrapping, fitted(cap)) { widths[index] = fit }
        return widths
    }

    /// Writes the table's lines as ``render(indent:style:width:)`` makes them, with these
    /// column `widths` (``widths(measuring:fitting:indent:)``), to `write` in pieces of whole
    /// lines: rows made one at a time from `rows` are written and let go, so a table of
    /// 50,000 rows is never held whole (the `rows` this table holds are not used). A cell
    /// of a column that wraps, wider than its column, goes on over the lines below.
    public func write(rows: some Sequence<[String]>, widths: [Int], indent: String = "",
                      style: TerminalStyle = TerminalStyle(colour: false), to write: (String) throws -> Void) rethrows {
        func line(_ cells: [String], measured: [Int]? = nil) -> String {
            let padded = columns.indices.map { index -> String in
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: max(0, widths[index] - (measured?[index] ?? Self.width(cell))))
                return columns[index].alignment == .right ? pad + cell : cell + pad
            }
            // Trimmed in place: rebuilding the line from a reversed copy cost half of
            // `accord history` at 50,000 rows.
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return indent + text
        }
        let wrapping = columns.indices.filter { columns[$0].wraps }
        // The lines of a row: one, unless a cell of a wrapping column is wider than it.
        func add(_ cells: [String], to text: inout String) {
            let measured = columns.indices.map { index in index < cells.count ? Self.width(cells[index]) : 0 }
            guard wrapping.contains(where: { measured[$0] > widths[$0] }) else {
                text += line(cells, measured: measured)
                text += "\n"
                return
            }
            let wrapped = columns.indices.map { index -> [String] in
                let cell = index < cells.count ? cells[index] : ""
                return columns[index].wraps && measured[index] > widths[index] ? Self.wrap(cell, width: widths[index]) : [cell]
            }
            for number in 0..<(wrapped.map(\.count).max() ?? 1) {
                text += line(wrapped.map { number < $0.count ? $0[number] : "" })
                text += "\n"
            }
        }
        // A header of fewer lines than the tallest sits on the last ones, next to the rule.
        let headers = headerLines
        let height = headers.map(\.count).max() ?? 1
        var text = ""
        for number in 0..<height {
            text += style.bold(line(headers.map { lines in
                let first = height - lines.count
                return number >= first ? lines[number - first] : ""
            })) + "\n"
        }
        text += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows {
            add(row, to: &text)
            if text.utf8.count >= Self.pieceSize {
                try write(text)
                text = ""
            }
        }
        if !text.isEmpty { try write(text) }
    }

    /// About how many bytes of lines ``write(rows:widths:indent:style:to:)`` hands over at once.
    static let pieceSize = 1 << 16

    /// Each column's header as its lines.
    private var headerLines: [[String]] {
        columns.map { $0.header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The display width of a cell in terminal cells, ignoring ANSI escapes.
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }

    /// The words of `text` at its spaces, a bracketed mark (`[minh họa]`) one word (the `[`
    /// of a terminal's escape, `ESC [ 1 m`, opens none).
    static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex, depth = 0
        var previous: Character = " "
        for index in text.indices {
            defer { previous = text[index] }
            switch text[index] {
            case "[" where previous != "\u{1B}": depth += 1
            case "]": depth = max(0, depth - 1)
            case " " where depth == 0:
                if start < index { words.append(text[start..<index]) }
                start = text.index(after: index)
            default: break
            }
        }
        if start < text.endIndex { words.append(text[start...]) }
        return words
    }

    /// The width of the widest of ``words(_:)`` in `text`, read byte by byte when `text` is
    /// printable ASCII (a cell a byte): the narrowing of a column asks it of every cell.
    static func longestWord(_ text: String) -> Int {
        var longest = 0, current = 0, depth = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else {
                return words(text).reduce(0) { max($0, Self.width(String($1))) }
            }
            switch byte {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: " ") where depth == 0:
                longest = max(longest, current)
                current = 0
                continue
            default: break
            }
            current += 1
        }
        return max(longest, current)
    }

    /// The widest word a wrapping column keeps whole when it narrows.
    static let longestWordKept = 36

    /// `text` cut into lines of at most `width` cells, at spaces; a word wider than the
    /// line is cut at its word boundaries, and between characters only when one word is.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard Self.width(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        // The line's width, kept as words are added: words joined by a space take the sum
        // of their widths and one.
        var lineWidth = 0
        func add(_ word: Substring) {
            let wordWidth = Self.width(String(word))
            if wordWidth > width {
                // Cut at the word boundaries ICU finds (Khmer writes no spaces between
                // words), between characters only where one word is wider than the line;
                // the last piece goes on with the words after it.
                if !line.isEmpty { lines.append(line); line = "" }
                for token in WordSegmenter.tokens(String(word)) {
                    if Self.width(line + token.text) <= width { line += token.text; continue }
                    if !line.isEmpty { lines.append(line); line = "" }
                    for character in token.text {
                        if !line.isEmpty, Self.width(line + String(character)) > width { lines.append(line); line = "" }
                        line.append(character)
                    }
                }
                lineWidth = Self.width(line)
            } else if line.isEmpty {
                line = String(word)
                lineWidth = wordWidth
            } else if lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
            } else {
                lines.append(line)
                line = String(word)
                lineWidth = wordWidth
            }
        }
        for word in words(text) { add(word) }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
