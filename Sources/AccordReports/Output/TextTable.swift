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
        /// A column with a header, left-aligned unless said otherwise.
        public init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
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
    /// before every line.
    public func render(indent: String = "", style: TerminalStyle = TerminalStyle(colour: false)) -> String {
        let headers = columns.map { $0.header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let widths = columns.indices.map { index in
            (headers[index] + rows.map { $0[index] }).map(Self.width).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { index -> String in
                let pad = String(repeating: " ", count: widths[index] - Self.width(cells[index]))
                return columns[index].alignment == .right ? pad + cells[index] : cells[index] + pad
            }
            // Trimmed in place: rebuilding the line from a reversed copy cost half of
            // `accord history` at 50,000 rows.
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return indent + text
        }
        // A header of fewer lines than the tallest sits on the last ones, next to the rule.
        let height = headers.map(\.count).max() ?? 1
        var lines = (0..<height).map { number in
            style.bold(line(headers.map { lines in
                let first = height - lines.count
                return number >= first ? lines[number - first] : ""
            }))
        }
        lines.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The display width of a cell in terminal cells, ignoring ANSI escapes.
    static func width(_ text: String) -> Int { DisplayWidth.of(text) }
}
