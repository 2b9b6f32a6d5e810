public import AccordCore
/// A CSV document as RFC 4180 has it, for the reports officials open in a spreadsheet: a
/// header row, then one line per row, every line ended by CR LF. A field holding a comma,
/// a double quote, a CR or an LF is put in double quotes, with its quotes doubled; any
/// other field is written as it is. Text is UTF-8, in any script, unchanged — except that a
/// field a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab
/// or a CR, and not a plain number such as `-5`) gets a leading `'`: records arrive by sync
/// from the other party's copy, and opening a report must never run what they hold.
///
/// Every `--csv` renderer builds one of these; docs/csv.md documents their columns. The
/// same table, with the kind of each column, is what `--format xlsx` writes as a sheet
/// (``SpreadsheetWorkbook``), so the CSV and the spreadsheet always hold the same cells.
public struct CSVTable: Sendable {
    /// What a column holds, so a spreadsheet can store its cells typed rather than as text.
    public enum ColumnKind: Sendable {
        /// Words, ids, lists: stored as text.
        case text
        /// A count or an amount.
        case number
        /// A day, `yyyy-mm-dd`.
        case date
        /// `true` or `false`.
        case flag
    }

    /// The header row: the columns' stable names.
    public let columns: [String]
    /// The kind of each column, in the order of `columns`.
    public let kinds: [ColumnKind]
    /// The rows, each with as many cells as there are columns.
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns; `kinds` names the columns that are not text.
    public init(_ columns: [String], kinds: [String: ColumnKind] = [:]) {
        self.columns = columns
        self.kinds = columns.map { kinds[$0] ?? .text }
    }

    /// Adds a row; missing cells are empty and extra cells are dropped, so every line has
    /// as many fields as the header.
    public mutating func add(_ cells: [String]) {
        rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The document: the header and the rows, each line ended by CR LF.
    public func render() -> String {
        ([columns] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// `text` as one field: quoted when it holds a comma, a quote, a CR or an LF.
    public static func field(_ raw: String) -> String {
        let text = neutralised(raw)
        // Unicode scalars, not characters: "\r\n" is one Character, and a quote followed by a
        // combining mark is one too; each must still be seen.
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// The text with a `'` in front when a spreadsheet would take it for a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
              Double(text) == nil else { return text }
        return "'" + text
    }

    /// A list in one field: `tip-2005#7.1; tip-2005#7.2`.
    public static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    /// A record's marks (`illustrative; working-summary`), deduplicated in a fixed order.
    public static func marks(_ marks: [ProvenanceMark]) -> String { list(Set(marks).ordered.map(\.rawValue)) }

    /// A yes-or-no field: `true` or `false`.
    public static func flag(_ value: Bool) -> String { value ? "true" : "false" }
}
