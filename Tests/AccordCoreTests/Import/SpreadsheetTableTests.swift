@testable import AccordCore
import Foundation
import Testing

/// Tables from CSV and from .xlsx files LibreOffice wrote (Tests/Fixtures/Import/make-sheets.py).
@Suite struct SpreadsheetTableTests {
    func csv(_ text: String) throws -> SpreadsheetTable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SpreadsheetTable.read(path: url.path, file: "t.csv")
    }

    @Test func csvFollowsRFC4180() throws {
        let table = try csv("\u{FEFF}Target, Status ,Note\r\ntip-2005#1.1,implemented,\"said \"\"yes\"\", then\r\nleft\"\r\n\r\ntip-2005#1.2,partial,\n")
        #expect(table.columns == ["target", "status", "note"])
        #expect(table.rows.map(\.number) == [2, 4])
        #expect(table.rows[0].cells["note"] == .text("said \"yes\", then\r\nleft"))
        #expect(table.rows[1].cells["note"] == .empty)
    }

    @Test func csvProblemsNameTheRowOrColumn() {
        #expect(throws: AccordError(.data, "t.csv:1:B: column \"a\" appears twice")) { try csv("a,A\n1,2\n") }
        #expect(throws: AccordError(.data, "t.csv:2:C: a value in a column without a header")) { try csv("a,b\n1,2,3\n") }
        #expect(throws: AccordError(.data, "t.csv:2: a quoted field is not closed")) { try csv("a\n\"open\n") }
    }

    @Test func xlsxKeepsTypesAndText() throws {
        let path = DocumentImportTests.fixtures.appendingPathComponent("reports.xlsx").path
        let table = try SpreadsheetTable.read(path: path, file: "reports.xlsx")
        #expect(table.columns == ["target", "party", "status", "date", "note"])
        #expect(table.rows.map { $0.cells["date"] } == [.date(CalendarDate("2006-03-31")!), .date(CalendarDate("2006-04-15")!),
                                                         .date(CalendarDate("2006-06-30")!)])
        #expect(table.rows[1].cells["note"] == .text("ក្រសួងមហាផ្ទៃកំពុងរៀបចំ។"))
        #expect(SpreadsheetTable.columnLetter(0) == "A" && SpreadsheetTable.columnLetter(27) == "AB")
    }
}
