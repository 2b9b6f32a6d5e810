import AccordCore
@testable import AccordReports
import Testing

/// Tables of Vietnamese, Khmer and CJK cells line up on a terminal: each column starts at
/// the same cell on every line.
struct TextTableTests {
    /// The terminal cell at which each column starts on `line`, found from the widths of
    /// the cells before it (two spaces between columns).
    static func columnStarts(_ line: String, cells: [String]) -> [Int] {
        var starts: [Int] = [], position = 0
        var rest = Substring(line)
        for cell in cells {
            let skipped = rest.prefix { $0 == " " }
            position += skipped.count
            rest = rest.dropFirst(skipped.count)
            starts.append(position)
            #expect(rest.hasPrefix(cell), "\(line) should have \(cell) at cell \(position)")
            position += DisplayWidth.of(cell)
            rest = rest.dropFirst(cell.count)
        }
        return starts
    }

    @Test func khmerVietnameseAndWideCellsAlignByDisplayWidth() {
        let rows = [
            ["tip-2005", "ភ្នំពេញ", "ការប្រជុំ"],
            ["crime-1997", "Đà Nẵng", "Hội nghị"],
            ["ext-2013", "Co\u{302}ng va\u{306}n", "中文"],
            ["x", "ក", "-"],
        ]
        var table = TextTable([.init("id"), .init("venue"), .init("title")])
        for row in rows { table.add(row) }
        let lines = table.render().split(separator: "\n").map(String.init)
        let starts = lines.dropFirst(2).enumerated().map { Self.columnStarts($1, cells: rows[$0]) }
        #expect(Set(starts).count == 1, "\(lines.joined(separator: "\n"))")
        #expect(starts.first == [0, 12, 22])
        // The rule under each header is as wide as the column.
        #expect(lines[1] == "──────────  ────────  ────────")
    }

    /// A table written row by row, in pieces of whole lines, is the rendered table: a long
    /// history is written so, and its bytes must not change.
    @Test func aTableWrittenRowByRowIsTheRenderedTable() {
        var table = TextTable([.init("ngày\nghi"), .init("ភាគី"), .init("số", .right), .init("what")])
        let rows = (0..<3_000).map { number in
            ["2019-\(number % 12 + 1)", number.isMultiple(of: 3) ? "ក្រសួង" : "Bộ Công an", "\(number)",
             number.isMultiple(of: 7) ? "" : "report \(number) on tip-2005#7.2"]
        }
        for row in rows { table.add(row) }
        var pieces: [String] = []
        table.write(rows: rows.lazy, widths: table.widths(measuring: rows)) { pieces.append($0) }
        #expect(pieces.joined() == table.render())
        #expect(pieces.count > 1 && pieces.allSatisfy { $0.hasSuffix("\n") })
        var empty: [String] = []
        TextTable([.init("a"), .init("b")]).write(rows: [[String]](), widths: [1, 1]) { empty.append($0) }
        #expect(empty.joined() == TextTable([.init("a"), .init("b")]).render())
    }

    @Test func rightAlignedNumbersEndTogether() {
        var table = TextTable([.init("ភាគី"), .init("សរុប", .right)])
        table.add(["VN", "12"])
        table.add(["KH", "3"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(Set(lines.map(DisplayWidth.of)).count == 1, "\(lines)")
    }

    /// A column that wraps is narrowed to fit the width asked for: its words go on the
    /// lines below, in order and under the same column; a Khmer run with no spaces is cut
    /// between characters; the other columns keep their width.
    @Test func aWrappingColumnFitsTheWidthWithoutLosingWords() {
        var table = TextTable([.init("date"), .init("outcome", wraps: true)])
        let english = "missed no meeting on record within the tolerance; reviewed late by 2019-12-01-joint-review-2017-2019 on 2019-12-01"
        let khmer = String(repeating: "ការពិនិត្យឡើងវិញ", count: 6)
        table.add(["2019-03-31", english])
        table.add(["2020-12-31", khmer])
        table.add(["2021-10-10", "held"])
        let lines = table.render(width: 50).split(separator: "\n").map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= 50, "\(DisplayWidth.of(line)) cells: \(line)") }
        let body = Array(lines.dropFirst(2))
        // Each row starts with its date; its continuation lines start with the date's width of spaces.
        #expect(body.filter { !$0.hasPrefix(" ") }.map { String($0.prefix(10)) } == ["2019-03-31", "2020-12-31", "2021-10-10"])
        let first = body.prefix { !$0.hasPrefix("2020") }.map { String($0.dropFirst(12)) }
        #expect(first.joined(separator: " ") == english)
        #expect(first.count > 1)
        let second = body.drop { !$0.hasPrefix("2020") }.prefix { !$0.hasPrefix("2021") }.map { String($0.dropFirst(12)) }
        #expect(second.joined() == khmer)
        // The meeting's id fits a line: it is not cut.
        #expect(body.contains { $0.contains("2019-12-01-joint-review-2017-2019") })
        #expect(second.count > 1)
        // Wide enough, nothing wraps.
        #expect(table.render(width: 200) == table.render())
    }

    /// A styled word's escape (`ESC [ 1 m`) opens no bracketed mark: the words after it
    /// still break at their spaces, and a line starts and ends with a word.
    @Test func aStyledTextBreaksAtItsSpaces() {
        let text = "\u{1B}[1mLưu ý:\u{1B}[0m Các mục đánh dấu [minh họa] được viết để minh họa cách hồ sơ theo dõi hoạt động"
        let lines = TextTable.wrap(text, width: 30)
        #expect(lines.count > 2)
        for line in lines {
            #expect(DisplayWidth.of(line) <= 30 && !line.hasPrefix(" ") && !line.hasSuffix(" "), "\(lines)")
        }
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.contains { $0.contains("[minh họa]") })
    }

    /// The widest word of a cell is the same read byte by byte (ASCII) or word by word.
    @Test func theLongestWordOfACellIsItsWidestWord() {
        for text in ["", "a", "Officer 48", "KH reported in-progress on plan-08#5.2;  VN", "[working summary] x",
                     "a [b c d] e", "]] a b", "  lead  trail  ", "Lưu ý: [minh họa] ok", "សេចក្តីសង្ខេប ab", "\u{1B}[1mbold\u{1B}[0m x"] {
            let expected = TextTable.words(text).map { DisplayWidth.of(String($0)) }.max() ?? 0
            #expect(TextTable.longestWord(text) == expected, "\(text)")
        }
    }
}
