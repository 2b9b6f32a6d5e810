import AccordCore
import AccordReports
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

    @Test func rightAlignedNumbersEndTogether() {
        var table = TextTable([.init("ភាគី"), .init("សរុប", .right)])
        table.add(["VN", "12"])
        table.add(["KH", "3"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(Set(lines.map(DisplayWidth.of)).count == 1, "\(lines)")
    }
}
