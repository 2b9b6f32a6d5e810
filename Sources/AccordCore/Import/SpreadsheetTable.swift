internal import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first sheet of a spreadsheet (`.xlsx`) or a CSV file as a table: a header row of
/// column names, then rows of cells. Values keep their type where the file has one (a date
/// cell is a date, not its serial number). What accord cannot read faithfully — a formula, a
/// merged cell — is refused with the row and column, never guessed.
public struct SpreadsheetTable: Sendable {
    /// A cell's value.
    public enum Cell: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
        case date(CalendarDate)
        case bool(Bool)

        /// The value as text, as a user typed it.
        public var text: String {
            switch self {
            case .empty: ""
            case .text(let value): value
            case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            case .date(let value): value.description
            case .bool(let value): value ? "true" : "false"
            }
        }
    }

    /// One row: its number as the spreadsheet shows it (the header is row 1) and its cells
    /// by column name.
    public struct Row: Sendable {
        public let number: Int
        public let cells: [String: Cell]
    }

    /// The file, as named in messages.
    public let file: String
    /// The column names, lowercased and trimmed, in order.
    public let columns: [String]
    /// The rows below the header, blank rows left out.
    public let rows: [Row]

    /// The largest file read.
    public static let maximumFileBytes = 32 * 1_048_576

    /// Reads `path` by its extension (`.xlsx` or `.csv`). Fails with one sentence naming the
    /// file, and the row and column where one is at fault: 66 missing, 65 anything else.
    public static func read(path: String, file: String? = nil) throws -> SpreadsheetTable {
        let file = file ?? path
        let kind = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard kind == "xlsx" || kind == "csv" else {
            throw AccordError(.data, L10n.t("{1}: accord reads tables from .xlsx and .csv files, not .{2}", file, kind)
                + (kind == "xls" ? L10n.t(" (save the sheet as .xlsx)") : ""))
        }
        // The size is asked first, so a file over the limit is refused without being read.
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw AccordError(.notFound, L10n.t("{1}: no such file or not readable", file))
        }
        guard size <= maximumFileBytes else {
            throw AccordError(.data, L10n.t("{1}: the file is {2} MiB; accord reads tables of at most {3} MiB",
                                            file, size / 1_048_576, maximumFileBytes / 1_048_576))
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw AccordError(.notFound, L10n.t("{1}: no such file or not readable", file))
        }
        guard !data.isEmpty else { throw AccordError(.data, L10n.t("{1}: the file is empty", file)) }
        let grid = kind == "csv" ? try CSVGrid.rows(of: data, file: file) : try XLSXGrid.rows(of: data, file: file)
        guard let headerIndex = grid.firstIndex(where: { !$0.cells.allSatisfy { $0 == .empty } }) else {
            throw AccordError(.data, L10n.t("{1}: the table is empty (no header row)", file))
        }
        let header = grid[headerIndex]
        var columns: [String] = []
        for (index, cell) in header.cells.enumerated() {
            let name = cell.text.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty && index >= header.cells.lastIndex(where: { $0 != .empty })! { break }
            guard !name.isEmpty else {
                throw AccordError(.data, L10n.t("{1}:{2}:{3}: the header has no name for this column", file, header.number, columnLetter(index)))
            }
            if columns.contains(name) { throw AccordError(.data, L10n.t("{1}:{2}:{3}: column \"{4}\" appears twice", file, header.number, columnLetter(index), name)) }
            columns.append(name)
        }
        var rows: [Row] = []
        for row in grid[(headerIndex + 1)...] where !row.cells.allSatisfy({ $0 == .empty }) {
            if let extra = row.cells.indices.first(where: { $0 >= columns.count && row.cells[$0] != .empty }) {
                throw AccordError(.data, L10n.t("{1}:{2}:{3}: a value in a column without a header", file, row.number, columnLetter(extra)))
            }
            var cells: [String: Cell] = [:]
            for (index, name) in columns.enumerated() { cells[name] = index < row.cells.count ? row.cells[index] : .empty }
            rows.append(Row(number: row.number, cells: cells))
        }
        return SpreadsheetTable(file: file, columns: columns, rows: rows)
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    public static func columnLetter(_ index: Int) -> String {
        var index = index + 1, result = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            index = (index - 1) / 26
        }
        return result
    }

    /// A raw row of a file: its number and its cells, by position.
    struct GridRow {
        var number: Int
        var cells: [Cell]
    }
}

/// RFC 4180 CSV, UTF-8 (a byte order mark and CRLF accepted), every value text.
enum CSVGrid {
    static func rows(of data: Data, file: String) throws -> [SpreadsheetTable.GridRow] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw AccordError(.data, L10n.t("{1}: the file is not valid UTF-8 (save it as CSV UTF-8)", file))
        }
        var rows: [SpreadsheetTable.GridRow] = []
        var field = "", fields: [String] = [], quoted = false, line = 1, rowLine = 1, afterQuote = false
        func endRow() {
            fields.append(field)
            rows.append(.init(number: rowLine, cells: fields.map { $0.isEmpty ? .empty : .text($0) }))
            fields = []
            field = ""
        }
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                    } else { quoted = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": fields.append(field); field = ""; afterQuote = false
            case "\r": continue
            case "\n":
                endRow()
                afterQuote = false
                line += 1
                rowLine = line
            default:
                if afterQuote {
                    throw AccordError(.data, L10n.t("{1}:{2}: text after a closing quote (a field with quotes must be quoted whole)", file, rowLine))
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw AccordError(.data, L10n.t("{1}:{2}: a quoted field is not closed", file, rowLine)) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        // Rows are numbered as a spreadsheet shows them: by record, a quoted line break inside.
        return rows.enumerated().map { .init(number: $0.offset + 1, cells: $0.element.cells) }
    }
}

/// The first sheet of an Office Open XML workbook.
enum XLSXGrid {
    static func rows(of data: Data, file: String) throws -> [SpreadsheetTable.GridRow] {
        let archive = try ZipContainer.open(data, file: file, kind: "spreadsheet (.xlsx)")
        let limit: UInt64 = 64 * 1_048_576
        guard let sheet = try ZipContainer.part("xl/worksheets/sheet1.xml", of: archive, file: file, limit: limit) else {
            throw AccordError(.data, L10n.t("{1}: not a spreadsheet: it has no first sheet (xl/worksheets/sheet1.xml)", file))
        }
        let strings = try ZipContainer.part("xl/sharedStrings.xml", of: archive, file: file, limit: limit)
            .map { try SharedStrings.read($0, file: file) } ?? []
        let dateStyles = try ZipContainer.part("xl/styles.xml", of: archive, file: file, limit: limit)
            .map { try DateStyles.read($0, file: file) } ?? []
        let reader = SheetReader(file: file, strings: strings, dateStyles: dateStyles)
        let parser = XMLParser(data: sheet)
        parser.delegate = reader
        if !parser.parse() {
            if let failure = reader.failure { throw failure }
            throw AccordError(.data, L10n.t("{1}: xl/worksheets/sheet1.xml:{2}: the sheet is damaged (not well-formed XML)", file, parser.lineNumber))
        }
        if let failure = reader.failure { throw failure }
        if let merged = reader.merged.first {
            throw AccordError(.data, L10n.t("{1}:{2}:{3}: merged cells ({4}); unmerge them and fill in each row", file, merged.row, merged.column, merged.range))
        }
        return reader.rows
    }

    /// `B12` as column index 1 and row 12.
    static func position(_ reference: String) -> (column: Int, row: Int)? {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (column, row)
    }

    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = "", inText = false, inPhonetic = false

        static func read(_ data: Data, file: String) throws -> [String] {
            let reader = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            guard parser.parse() else { throw AccordError(.data, L10n.t("{1}: xl/sharedStrings.xml is damaged", file)) }
            return reader.strings
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "si": current = ""
            case "t": inText = true
            case "rPh": inPhonetic = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText && !inPhonetic { current += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
    }

    /// Which cell styles (`s=` index) show a number as a date.
    private final class DateStyles: NSObject, XMLParserDelegate {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        private var inCellFormats = false

        static func read(_ data: Data, file: String) throws -> [Bool] {
            let reader = DateStyles()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            guard parser.parse() else { throw AccordError(.data, L10n.t("{1}: xl/styles.xml is damaged", file)) }
            return reader.formats.map { id in
                if (14...22).contains(id) || (45...47).contains(id) { return true }
                guard let code = reader.custom[id] else { return false }
                // Quoted text and [colour] parts say nothing about the kind of value.
                let bare = code.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "\\[[^\\]]*\\]", with: "", options: .regularExpression).lowercased()
                return bare.contains("y") || bare.contains("d")
            }
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "cellXfs" { inCellFormats = false }
        }
    }

    private final class SheetReader: NSObject, XMLParserDelegate {
        let file: String
        let strings: [String]
        let dateStyles: [Bool]
        var rows: [SpreadsheetTable.GridRow] = []
        var merged: [(row: Int, column: String, range: String)] = []
        var failure: AccordError?
        private var rowNumber = 0
        private var reference = "", type = "", style = 0, value = "", inValue = false, formula = false

        init(file: String, strings: [String], dateStyles: [Bool]) {
            self.file = file
            self.strings = strings
            self.dateStyles = dateStyles
        }

        private func fail(_ parser: XMLParser, _ message: String) {
            if failure == nil { failure = AccordError(.data, message) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                rows.append(.init(number: rowNumber, cells: []))
            case "c":
                reference = attributes["r"] ?? ""
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                formula = false
            case "v", "t": inValue = true
            case "f": formula = true
            case "mergeCell":
                let range = attributes["ref"] ?? ""
                let first = XLSXGrid.position(String(range.prefix { $0 != ":" }))
                merged.append((first?.row ?? 0, SpreadsheetTable.columnLetter(first?.column ?? 0), range))
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": inValue = false
            case "c":
                guard let position = XLSXGrid.position(reference), !rows.isEmpty else { return }
                let at = "\(file):\(position.row):\(SpreadsheetTable.columnLetter(position.column))"
                if formula {
                    return fail(parser, L10n.t("{1}: a formula; accord records values, not calculations: paste the values (Paste Special → Values only)", at))
                }
                let cell: SpreadsheetTable.Cell
                switch type {
                case "s":
                    guard let index = Int(value), strings.indices.contains(index) else {
                        return fail(parser, L10n.t("{1}: the cell names a string the file does not have (the file is damaged)", at))
                    }
                    cell = strings[index].isEmpty ? .empty : .text(strings[index])
                case "inlineStr", "str": cell = value.isEmpty ? .empty : .text(value)
                case "b": cell = .bool(value == "1")
                case "e": return fail(parser, L10n.t("{1}: an error value ({2}) in the cell", at, value))
                case "d":
                    guard let date = CalendarDate(String(value.prefix(10))) else { return fail(parser, L10n.t("{1}: {2} is not a date", at, value)) }
                    cell = .date(date)
                default:
                    guard !value.isEmpty else { cell = .empty; break }
                    guard let number = Double(value) else { return fail(parser, L10n.t("{1}: {2} is not a number (the file is damaged)", at, value)) }
                    if dateStyles.indices.contains(style), dateStyles[style] {
                        // Serial days since 1899-12-30 (the 1900 date system, its leap-year bug included).
                        let seconds = Int((number.rounded(.down) - 25_569) * 86_400)
                        cell = .date(CalendarDate(secondsSince1970: seconds, offsetMinutes: 0))
                    } else {
                        cell = .number(number)
                    }
                }
                var cells = rows[rows.count - 1].cells
                while cells.count < position.column { cells.append(.empty) }
                if cells.count == position.column { cells.append(cell) } else { cells[position.column] = cell }
                rows[rows.count - 1].cells = cells
            default: break
            }
        }
    }
}

/// The columns of a table to import, found by the names accord reads (English) or by those
/// names in Vietnamese or Khmer: a ministry's sheet keeps the headers its staff wrote.
/// Headers are compared lowercased, with `_` and `-` read as spaces.
public struct TableColumns: Sendable {
    /// The header of each column found, as the table writes it, by the name accord reads.
    public let written: [String: String]
    /// The headers that name no column accord reads, with their column letters.
    public let unknown: [(letter: String, header: String)]

    /// The columns of `table` among `known`; `names` gives each known name in a language.
    public init(_ table: SpreadsheetTable, known: [String], names: (Language) -> [String: String]) {
        var aliases: [String: String] = [:]
        for language in Language.allCases where language != .english {
            for (name, translated) in names(language) where known.contains(name) && aliases[Self.normal(translated)] == nil {
                aliases[Self.normal(translated)] = name
            }
        }
        var written: [String: String] = [:], unknown: [(letter: String, header: String)] = []
        for (index, header) in table.columns.enumerated() {
            let normal = Self.normal(header)
            if let name = known.contains(normal) ? normal : aliases[normal], written[name] == nil {
                written[name] = header
            } else {
                unknown.append((SpreadsheetTable.columnLetter(index), header))
            }
        }
        self.written = written
        self.unknown = unknown
    }

    /// Whether the table has the column accord calls `name`.
    public func has(_ name: String) -> Bool { written[name] != nil }

    /// The cell of `row` in the column accord calls `name`; empty when the table lacks it.
    public func cell(_ name: String, of row: SpreadsheetTable.Row) -> SpreadsheetTable.Cell {
        written[name].flatMap { row.cells[$0] } ?? .empty
    }

    /// The column as messages name it: its header as written, else accord's name.
    public func header(_ name: String) -> String { written[name] ?? name }

    /// A header's normal form: lowercased (``SpreadsheetTable`` lowercases headers as it
    /// reads them), composed, `_` and `-` as spaces, spaces collapsed (`Lead_Agency` is `lead agency`).
    static func normal(_ header: String) -> String {
        header.lowercased().precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
            .split(separator: " ").joined(separator: " ")
    }
}
