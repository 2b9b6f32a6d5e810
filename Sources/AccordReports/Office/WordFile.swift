public import AccordCore
public import Foundation

/// A Word document (.docx, Office Open XML) built block by block: headings with real heading
/// styles (so Word's navigation pane and outline see them), paragraphs of runs, shaded notice
/// paragraphs, tables with a repeated header row, and tracked changes (`w:ins`, `w:del`) that
/// Word and LibreOffice offer to accept or reject. Every run says its language: Khmer runs
/// are marked `km-KH` as complex script in a Khmer font, other runs the document's language.
///
/// Written by hand over ZIPFoundation, like ``SpreadsheetWorkbook``: a report needs a few
/// elements of WordprocessingML, and an external converter (pandoc) could not write tracked
/// changes from accord's redlines.
public struct WordFile: Sendable {
    /// A stretch of text with one formatting.
    public struct Run: Sendable {
        /// The text; a line break in it becomes a break in the line.
        public var text: String
        /// Bold.
        public var bold = false
        /// Italic.
        public var italic = false
        /// Struck through (a deletion shown, not tracked).
        public var strike = false
        /// Underlined (an insertion shown, not tracked).
        public var underline = false
        /// A tracked insertion or deletion, by the document's ``WordFile/Revision``.
        public var change: Change?

        /// A run of `text`.
        public init(_ text: String, bold: Bool = false, italic: Bool = false, strike: Bool = false,
                    underline: Bool = false, change: Change? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.strike = strike
            self.underline = underline
            self.change = change
        }
    }

    /// A tracked change.
    public enum Change: Sendable {
        /// Text only in the new version.
        case inserted
        /// Text only in the old version.
        case deleted
    }

    /// Who made the tracked changes, and when.
    public struct Revision: Sendable {
        /// The author Word shows beside each change.
        public var author: String
        /// The day of the changes.
        public var date: CalendarDate

        /// A revision by `author` on `date`.
        public init(author: String, date: CalendarDate) {
            self.author = author
            self.date = date
        }
    }

    /// The font Khmer runs ask for; the same family as the one the HTML reports embed.
    static let khmerFont = "Noto Sans Khmer"

    /// Whether dates and numbers take the reader's forms (``LocalForms``), in the language
    /// each text is added in: for reports; a redline keeps the text compared as it is.
    public var localForms = false

    private var body: [String] = []
    private let language: String
    private let revision: Revision?
    private var nextChange = 1

    /// An empty document in `language` (`en`, `vi`, `km`); tracked changes carry `revision`,
    /// and a document with one records further edits as tracked changes too.
    public init(language: String, revision: Revision? = nil) {
        self.language = Self.tag(language)
        self.revision = revision
    }

    /// The Word language tag of accord's language code.
    static func tag(_ language: String) -> String {
        switch language {
        case "vi": "vi-VN"
        case "km": "km-KH"
        default: "en-GB"
        }
    }

    /// A heading: level 0 is the document's title, 1 to 3 the heading levels.
    public mutating func heading(_ text: String, level: Int) {
        heading([Run(text)], level: level)
    }

    /// A heading of runs (tracked changes in an article's number, say).
    public mutating func heading(_ runs: [Run], level: Int, change: Change? = nil) {
        paragraph(runs, style: level == 0 ? "Title" : "Heading\(min(level, 3))", change: change)
    }

    /// A paragraph of plain text.
    public mutating func paragraph(_ text: String, style: String? = nil) {
        paragraph([Run(text)], style: style)
    }

    /// The shaded notice that opens a report on illustrative or working-summary records.
    public mutating func notice(_ label: String, _ text: String) {
        paragraph([Run(label + " ", bold: true), Run(text)], style: "Notice")
    }

    /// A bulleted list, one item a paragraph.
    public mutating func bullets(_ items: [String]) {
        for item in items { paragraph([Run("•\t" + item)], style: "ListBullet") }
    }

    /// A paragraph of runs in `style`; `change` marks the paragraph itself as inserted or
    /// deleted, so accepting or rejecting the change leaves no empty paragraph behind.
    public mutating func paragraph(_ runs: [Run], style: String? = nil, change: Change? = nil) {
        body.append(paragraphXML(runs, style: style, change: change))
    }

    /// A table: a bold, shaded header row repeated on each page (none when `header` is nil),
    /// then the rows; `numeric` columns are aligned right.
    public mutating func table(header: [String]?, rows: [[String]], numeric: Set<Int> = []) {
        let count = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        guard count > 0 else { return }
        // Columns share the text width of an A4 page with 2 cm margins (in twentieths of a
        // point) by their longest cell, within bounds, so dates and counts stay narrow; never
        // narrower than their longest word, so a date or an id is not broken over lines.
        // Khmer letters print wider than the terminal cells they are counted in.
        func width(_ text: some StringProtocol) -> Int {
            let cells = DisplayWidth.of(String(text))
            return text.unicodeScalars.contains(where: DocumentFont.isKhmer) ? cells * 3 / 2 : cells
        }
        let weights = (0..<count).map { column in
            let cells = ((header.map { [$0] } ?? []) + rows).map { column < $0.count ? $0[column] : "" }
            let longest = cells.map(width).max() ?? 0
            let word = cells.flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(width).max() ?? 0
            return min(40, max(5, longest, word + 1))
        }
        // Each column is at least as wide as its longest word (up to 14 characters) at the
        // widest digits of the 9-point table text, with the cell's margins, so a date or an id
        // is never broken across lines; the rest is shared by the weights. When the words
        // alone overfill the page, the columns of short values (dates, counts, ids) keep
        // their width and the columns of prose share what is left: prose wraps at spaces.
        // Khmer writes no spaces between words, and a line breaks between them where the
        // dictionary finds them: a Khmer run is not one long word.
        func wordWidth(_ word: some StringProtocol) -> Int {
            word.unicodeScalars.contains(where: DocumentFont.isKhmer) ? min(width(word), 6) : width(word)
        }
        let words = (0..<count).map { column in
            let cells = (header.map { [$0] } ?? []) + rows
            return cells.map { row in
                column < row.count ? row[column].split(whereSeparator: \.isWhitespace).map { wordWidth($0) }.max() ?? 0 : 0
            }.max() ?? 0
        }
        let minimums = words.map { 220 + 125 * min(14, $0) }
        let page = 9638
        let widths: [Int]
        if minimums.reduce(0, +) <= page {
            let spare = page - minimums.reduce(0, +)
            widths = zip(minimums, weights).map { minimum, weight in minimum + spare * weight / weights.reduce(0, +) }
        } else {
            // Short values: no cell of the column longer than its longest word plus a little.
            let short = (0..<count).map { column in
                let cells = ((header.map { [$0] } ?? []) + rows).map { column < $0.count ? $0[column] : "" }
                return (cells.map(width).max() ?? 0) <= 16
            }
            let kept = zip(minimums, short).filter(\.1).map(\.0).reduce(0, +)
            let shared = minimums.enumerated().filter { !short[$0.offset] }.map(\.element).reduce(0, +)
            let left = max(page - kept, 0)
            widths = minimums.enumerated().map { column, minimum in
                short[column] || shared == 0 ? (kept > page ? page * minimum / max(kept, 1) : minimum)
                    : max(600, left * minimum / shared)
            }
        }
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], header: Bool) -> String {
            "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + (0..<count).map { column in
                let text = column < cells.count ? cells[column] : ""
                return "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/>"
                    + (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>" : "") + "</w:tcPr>"
                    + cellParagraph(text, bold: header, alignRight: !header && numeric.contains(column)) + "</w:tc>"
            }.joined() + "</w:tr>"
        }
        if let header { xml += row(header, header: true) }
        for cells in rows { xml += row(cells, header: false) }
        body.append(xml + "</w:tbl>")
        // Two tables in a row would merge into one: a paragraph keeps them apart.
        body.append("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>")
    }

    /// A table cell's paragraph: never a tracked change.
    private func cellParagraph(_ text: String, bold: Bool, alignRight: Bool) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>" + (alignRight ? "<w:jc w:val=\"right\"/>" : "") + "</w:pPr>"
            + Self.scriptRuns(formed(text)).map { runXML(Run(text, bold: bold), text: $0.text, khmer: $0.khmer) }.joined() + "</w:p>"
    }

    /// `text` in the reader's forms when ``localForms`` is set.
    private func formed(_ text: String) -> String { localForms ? LocalForms.apply(text) : text }

    private mutating func paragraphXML(_ runs: [Run], style: String?, change: Change?) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let change, let mark = changeMark(change) { properties += "<w:rPr>\(mark)</w:rPr>" }
        var xml = "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
        for run in runs where !run.text.isEmpty {
            let pieces = Self.scriptRuns(formed(run.text)).map { runXML(run, text: $0.text, khmer: $0.khmer) }.joined()
            guard let change = run.change, let revision else {
                xml += pieces
                continue
            }
            let element = change == .inserted ? "w:ins" : "w:del"
            xml += "<\(element) w:id=\"\(nextChange)\" w:author=\"\(OfficeXML.escape(revision.author))\" w:date=\"\(revision.date)T00:00:00Z\">"
                + pieces + "</\(element)>"
            nextChange += 1
        }
        return xml + "</w:p>"
    }

    /// The empty `w:ins`/`w:del` that marks a paragraph mark as changed.
    private mutating func changeMark(_ change: Change) -> String? {
        guard let revision else { return nil }
        defer { nextChange += 1 }
        return "<\(change == .inserted ? "w:ins" : "w:del") w:id=\"\(nextChange)\" w:author=\"\(OfficeXML.escape(revision.author))\" w:date=\"\(revision.date)T00:00:00Z\"/>"
    }

    private func runXML(_ run: Run, text: String, khmer: Bool) -> String {
        var properties = khmer ? "<w:rFonts w:ascii=\"\(Self.khmerFont)\" w:hAnsi=\"\(Self.khmerFont)\" w:cs=\"\(Self.khmerFont)\"/>" : ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if run.strike { properties += "<w:strike/><w:color w:val=\"A00000\"/>" }
        if run.underline { properties += "<w:color w:val=\"006000\"/><w:u w:val=\"single\"/>" }
        properties += khmer ? "<w:cs/><w:lang w:val=\"km-KH\" w:bidi=\"km-KH\"/>" : "<w:lang w:val=\"\(language)\"/>"
        let deleted = run.change == .deleted && revision != nil
        let textElement = deleted ? "w:delText" : "w:t"
        let content = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : "<\(textElement) xml:space=\"preserve\">\(OfficeXML.escape(String(line)))</\(textElement)>"
        }.joined(separator: "<w:br/>")
        return "<w:r><w:rPr>\(properties)</w:rPr>\(content)</w:r>"
    }

    /// `text` cut where it passes between Khmer and other scripts; white space between two
    /// Khmer words stays with them.
    static func scriptRuns(_ text: String) -> [(text: String, khmer: Bool)] {
        guard text.unicodeScalars.contains(where: DocumentFont.isKhmer) else { return [(text, false)] }
        var runs: [(text: String, khmer: Bool)] = []
        for character in text {
            let khmer = character.unicodeScalars.contains(where: DocumentFont.isKhmer)
            if let last = runs.last, last.khmer == khmer || character.isWhitespace {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append((String(character), khmer))
            }
        }
        return runs
    }

    /// The document as the bytes of a .docx file.
    public func data() throws -> Data {
        var package = OfficePackage()
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        package.add("[Content_Types].xml", OfficeXML.contentTypes([
            ("word/document.xml", "\(main).document.main+xml"), ("word/styles.xml", "\(main).styles+xml"),
            ("word/settings.xml", "\(main).settings+xml"),
        ]))
        package.add("_rels/.rels", OfficeXML.relationships([("rId1", "officeDocument", "word/document.xml")]))
        package.add("word/_rels/document.xml.rels", OfficeXML.relationships([
            ("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"),
        ]))
        package.add("word/document.xml", OfficeXML.declaration
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + body.joined()
            // A4, 2 cm margins.
            + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
            + "w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>")
        package.add("word/styles.xml", styles())
        package.add("word/settings.xml", OfficeXML.declaration
            + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + (revision == nil ? "" : "<w:trackRevisions/>") + "<w:defaultTabStop w:val=\"360\"/></w:settings>")
        return try package.data()
    }

    private func styles() -> String {
        func paragraphStyle(_ id: String, _ name: String, paragraph: String = "", run: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:qFormat/>" + (paragraph.isEmpty ? "" : "<w:pPr>\(paragraph)</w:pPr>")
                + (run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>") + "</w:style>"
        }
        let headings = (1...3).map { level in
            paragraphStyle("Heading\(level)", "heading \(level)",
                           paragraph: "<w:keepNext/><w:spacing w:before=\"\(level == 1 ? 300 : 200)\" w:after=\"100\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                           run: "<w:b/><w:bCs/><w:sz w:val=\"\([30, 26, 23][level - 1])\"/><w:szCs w:val=\"\([30, 26, 23][level - 1])\"/>")
        }.joined()
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\""
        return OfficeXML.declaration
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"\(Self.khmerFont)\"/>"
            + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"\(language)\" w:eastAsia=\"\(language)\" w:bidi=\"km-KH\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + paragraphStyle("Title", "Title", paragraph: "<w:spacing w:after=\"240\"/>", run: "<w:b/><w:bCs/><w:sz w:val=\"34\"/><w:szCs w:val=\"34\"/>")
            + headings
            + paragraphStyle("Notice", "Notice", paragraph: "<w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"B45F06\"/></w:pBdr>"
                             + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF2CC\"/><w:ind w:left=\"170\"/>")
            + paragraphStyle("ListBullet", "List Bullet", paragraph: "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>")
            + paragraphStyle("TableText", "Table Text", paragraph: "<w:spacing w:after=\"0\"/>", run: "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }
}
