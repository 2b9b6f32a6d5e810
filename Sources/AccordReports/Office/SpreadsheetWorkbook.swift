internal import AccordCore
public import Foundation

/// A report as an Excel workbook (.xlsx, Office Open XML), one sheet per table: a bold header
/// row frozen at the top, columns as wide as their content (within limits), and each cell
/// typed by its column's kind — numbers as numbers, days as dates shown `yyyy-mm-dd`,
/// `true`/`false` as booleans, anything else as text. Text goes in as inline strings, so
/// no value can ever become a formula, and Khmer and Vietnamese stay as written (UTF-8).
///
/// Written by hand over ZIPFoundation: accord already reads .xlsx with it, the few parts a
/// workbook needs are short, and a C writer would be one more system library to build on.
public struct SpreadsheetWorkbook: Sendable {
    /// A sheet: its tab name and its table.
    public struct Sheet: Sendable {
        /// The tab's name (Excel keeps 31 characters and refuses `[]:*?/\`).
        public var name: String
        /// The header and rows.
        public var table: CSVTable

        /// A sheet named `name` holding `table`.
        public init(name: String, table: CSVTable) {
            self.name = name
            self.table = table
        }
    }

    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// A workbook of these sheets.
    public init(_ sheets: [Sheet]) { self.sheets = sheets }

    /// The workbook as the bytes of an .xlsx file.
    public func data() throws -> Data {
        var package = OfficePackage()
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        package.add("[Content_Types].xml", OfficeXML.contentTypes(
            [("xl/workbook.xml", "\(main).sheet.main+xml"), ("xl/styles.xml", "\(main).styles+xml")]
                + sheets.indices.map { ("xl/worksheets/sheet\($0 + 1).xml", "\(main).worksheet+xml") }))
        package.add("_rels/.rels", OfficeXML.relationships([("rId1", "officeDocument", "xl/workbook.xml")]))
        package.add("xl/_rels/workbook.xml.rels", OfficeXML.relationships(
            sheets.indices.map { ("rId\($0 + 1)", "worksheet", "worksheets/sheet\($0 + 1).xml") }
                + [("rId\(sheets.count + 1)", "styles", "styles.xml")]))
        package.add("xl/workbook.xml", workbookXML())
        package.add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", Self.sheetXML(sheet.table))
        }
        return try package.data()
    }

    private func workbookXML() -> String {
        var used = Set<String>()
        let entries = sheets.enumerated().map { index, sheet in
            var name = Self.tabName(sheet.name)
            // Tab names must differ, ignoring case.
            while used.contains(name.lowercased()) { name = String(name.prefix(28)) + " \(index + 1)" }
            used.insert(name.lowercased())
            return "<sheet name=\"\(OfficeXML.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return OfficeXML.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets>" + entries.joined() + "</sheets></workbook>"
    }

    /// A name Excel accepts for a tab.
    static func tabName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    /// Style 0: plain; 1: the header (bold); 2: a date shown `yyyy-mm-dd`; 3 and 4: text and
    /// header with Khmer letters, in the Khmer font the Word reports ask for (a cell has one
    /// font, and Calibri has no Khmer: without it Excel and LibreOffice draw boxes or a
    /// fallback chosen by the machine); 5 and 6: plain and Khmer text wrapped within its
    /// column, from the top (a column too wide to show whole).
    static let styles = OfficeXML.declaration + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\
        <font><sz val="11"/><name val="\(WordFile.khmerFont)"/></font><font><b/><sz val="11"/><name val="\(WordFile.khmerFont)"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    /// One sheet: frozen header, column widths, typed cells.
    static func sheetXML(_ table: CSVTable) -> String {
        // Printed, a sheet fits the width of a landscape A4 page: its columns stay together.
        var xml = OfficeXML.declaration
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        let widths = table.columns.indices.map { width(of: $0, in: table) }
        // Text wider than its column is wrapped there rather than cut off by the next cell.
        let wrapped = table.columns.indices.map { column in
            table.kinds[column] == .text && widths[column] == maximumWidth
        }
        if !table.columns.isEmpty {
            xml += "<cols>" + table.columns.indices.map { column in
                "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(widths[column])\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        xml += "<row r=\"1\">" + table.columns.enumerated().map { column, name in
            "<c r=\"\(reference(column, 1))\" s=\"\(hasKhmer(name) ? 4 : 1)\" t=\"inlineStr\"><is>\(text(name))</is></c>"
        }.joined() + "</row>"
        for (index, row) in table.rows.enumerated() {
            let number = index + 2
            xml += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() where !value.isEmpty {
                xml += cell(value, kind: table.kinds[column], at: reference(column, number), wrapped: wrapped[column])
            }
            xml += "</row>"
        }
        return xml + "</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
    }

    /// A cell typed by its column's kind; a value that does not read as that kind (a partial
    /// date such as `2019-10`) stays text rather than being lost or guessed at.
    static func cell(_ value: String, kind: CSVTable.ColumnKind, at reference: String, wrapped: Bool = false) -> String {
        switch kind {
        case .number:
            // Only plain decimal numbers: Double also reads `inf` or `0x10`, which a cell cannot hold.
            if value.allSatisfy({ "0123456789.-+eE".contains($0) }), let number = Double(value), number.isFinite {
                return "<c r=\"\(reference)\"><v>\(value)</v></c>"
            }
        case .date:
            if let date = CalendarDate(value) { return "<c r=\"\(reference)\" s=\"2\"><v>\(serial(date))</v></c>" }
        case .flag:
            if value == "true" || value == "false" { return "<c r=\"\(reference)\" t=\"b\"><v>\(value == "true" ? 1 : 0)</v></c>" }
        case .text: break
        }
        let style = hasKhmer(value) ? (wrapped ? 6 : 3) : (wrapped ? 5 : 0)
        return "<c r=\"\(reference)\"\(style == 0 ? "" : " s=\"\(style)\"") t=\"inlineStr\"><is>\(text(value))</is></c>"
    }

    /// Whether `value` has Khmer letters, so its cell asks for the Khmer font.
    static func hasKhmer(_ value: String) -> Bool { value.unicodeScalars.contains(where: DocumentFont.isKhmer) }

    /// An inline string, keeping leading and trailing spaces.
    static func text(_ value: String) -> String {
        let spaced = value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return (spaced ? "<t xml:space=\"preserve\">" : "<t>") + OfficeXML.escape(value) + "</t>"
    }

    /// The day as Excel counts it: days since 1899-12-30.
    static func serial(_ date: CalendarDate) -> Int {
        CalendarDate(year: 1899, month: 12, day: 30)!.days(until: date)
    }

    /// `A1`, `AB12`: the column's letters and the row's number.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = "", rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return "\(letters)\(row)"
    }

    /// A width that shows the header and most values whole: the widest cell (in terminal
    /// columns, which count a CJK or Khmer cluster as Excel roughly does) plus a margin,
    /// between 8 and 60 characters; a date column is as wide as a date.
    static func width(of column: Int, in table: CSVTable) -> Int {
        if table.kinds[column] == .date { return max(12, DisplayWidth.of(table.columns[column]) + 2) }
        let widest = table.rows.lazy.prefix(1000).map { DisplayWidth.of($0[column]) }.max() ?? 0
        return min(maximumWidth, max(8, max(widest, DisplayWidth.of(table.columns[column])) + 2))
    }

    /// The widest a column is made, in characters.
    static let maximumWidth = 60
}
