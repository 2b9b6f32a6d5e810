@testable import AccordCore
import Foundation
import Testing

/// Texts read from real files LibreOffice wrote (Tests/Fixtures/Import, see make-fixtures.py):
/// the words are the source's, and the articles are found.
@Suite struct DocumentImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Import")

    /// The words of a text, split at white space, without the marks the import adds.
    static func words(_ text: String) -> [String] {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { $0 != "#" && $0 != "##" }
    }

    static func source(_ language: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("source/agreement.\(language).txt"), encoding: .utf8)
    }

    static func read(_ name: String, changes: TrackedChanges? = nil) throws -> ImportedText {
        try ImportedText.read(path: fixtures.appendingPathComponent(name).path, file: name, changes: changes)
    }

    @Test(arguments: ["agreement.en.docx", "agreement.vi.docx", "agreement.km.docx", "headings.en.docx",
                      "agreement.en.pdf", "agreement.vi.pdf", "source/agreement.km.txt"])
    func theWordsAreTheSourcesWords(_ name: String) throws {
        let language = name.split(separator: ".").dropLast().last.map(String.init)!
        let imported = try Self.read(name)
        #expect(Self.words(imported.markdown) == Self.words(try Self.source(language)))
    }

    @Test(arguments: [("agreement.en.docx", "Purpose"), ("agreement.vi.docx", "Mục đích"), ("agreement.km.docx", "គោលបំណង"),
                      ("headings.en.docx", "Purpose"), ("agreement.en.pdf", "Purpose"), ("agreement.vi.pdf", "Mục đích"),
                      ("agreement.km.pdf", "គោលបំណង")])
    func theArticlesAndClausesAreFound(_ name: String, _ firstTitle: String) throws {
        let text = try Self.read(name).text
        let expected = name.contains(".km.") ? ["1", "2"] : ["1", "2", "3"]
        #expect(text.articles.map(\.id) == expected)
        #expect(text.articles.first?.title == firstTitle)
        #expect(text.articles.first?.clauses.map(\.id) == ["1.1", "1.2"])
        #expect(!text.title.isEmpty)
        if !name.contains(".km.") {
            // Points a) and b) stay in their clause.
            #expect(text.articles[1].clauses.map(\.id) == ["2.1", "2.2"])
            #expect(text.articles[1].clauses[1].text.contains("b)"))
        }
    }

    @Test func aDraftGivesTheOldAndTheNewText() throws {
        let old = try Self.read("draft.en.docx", changes: .reject).text
        let new = try Self.read("draft.en.docx", changes: .accept).text
        #expect(old.clause("1.2")?.text.contains("at least once a year") == true)
        #expect(new.clause("1.2")?.text.contains("at least twice a year") == true)
        #expect(old.clause("1.3") == nil)
        #expect(new.clause("1.3")?.text.contains("report to the ministers") == true)
        #expect(old.clause("2.1")?.text.contains("promptly and safely") == true)
        #expect(new.clause("2.1")?.text.contains("victims safely") == true)
        #expect(throws: AccordError.self) { try Self.read("draft.en.docx") }
    }

    @Test func headingsNeedASeparatorOrEmphasis() {
        #expect(TextLayout.heading("Article 5 of this Agreement applies", emphasised: false) == nil)
        #expect(TextLayout.heading("Article 5 Scope", emphasised: true)?.id == "5")
        #expect(TextLayout.heading("Điều 12. Hiệu lực", emphasised: false)?.id == "12")
        #expect(TextLayout.heading("ĐIỀU 3: PHẠM VI", emphasised: false)?.id == "3")
        #expect(TextLayout.heading("មាត្រា ១២ — ការអនុវត្ត", emphasised: false)?.id == "12")
        #expect(TextLayout.heading("Articles 5 and 6", emphasised: true) == nil)
        let long = "Article 4. " + String(repeating: "The Parties shall cooperate. ", count: 12)
        let split = TextLayout.heading(long, emphasised: false)
        #expect(split?.heading == "Article 4.")
        #expect(split?.rest?.hasPrefix("The Parties shall cooperate.") == true)
    }

    @Test func plainLinesKeepEveryWordAndEscapeHashes() throws {
        let markdown = TextLayout.markdown(PlainDocument.lines(of: "Title\n\n# not a heading\nArticle 1. One\n1. First.\n"))
        #expect(markdown == "# Title\n\n # not a heading\n\n## Article 1. One\n\n1. First.\n")
        let text = try InstrumentText.parse(Data(markdown.utf8), file: "x")
        #expect(text.articles.map(\.id) == ["1"])
    }

    /// A Khmer law as ministries write it (law.km.docx, made by make-khmer-law.py with
    /// python-docx): the import finds its articles and its books, chapters and parts with the
    /// text format's own labels — numbers attached to `មាត្រា` and `មាត្រាទី`, `៣ថ្មី`, the
    /// `.-` and `៖` separators, bold headings without one — and keeps every word.
    @Test func aKhmerLawFindsItsArticlesAndChapters() throws {
        let imported = try Self.read("law.km.docx")
        let source = try String(contentsOf: Self.fixtures.appendingPathComponent("source/law.km.txt"), encoding: .utf8)
        let sourceWords = source.split(separator: "\n").map { $0.hasPrefix("*") ? String($0.dropFirst()) : String($0) }
            .joined(separator: "\n")
        #expect(Self.words(imported.markdown) == Self.words(sourceWords))
        let text = imported.text
        #expect(text.title == "ច្បាប់ស្តីពីកិច្ចសហប្រតិបត្តិការប្រឆាំងការជួញដូរមនុស្ស")
        #expect(text.articles.filter { $0.number != nil }.map(\.id) == ["1", "2", "3ថ្មី", "4"])
        #expect(text.articles.filter { $0.number == nil }.map(\.heading)
                == ["គន្ថីទី១ បទប្បញ្ញត្តិទូទៅ", "ជំពូកទី១", "ជំពូកទី២ ការការពារជនរងគ្រោះ", "ភាគ ២ បទប្បញ្ញត្តិអវសាន្ត"])
        #expect(text.articles.first { $0.id == "1" }?.title == "គោលបំណង")
        #expect(text.articles.first { $0.id == "2" }?.title == "វិសាលភាព")
        #expect(text.articles.first { $0.id == "1" }?.lead.contains("\n\nខ- ការពារសិទ្ធិ") == true)
        #expect(text.clause("2.2")?.marker == "២-")
        // The sentence that starts with `មាត្រា១` stays in article 3ថ្មី.
        #expect(text.articles.first { $0.id == "3ថ្មី" }?.lead.hasSuffix("ដែលជាកុមារ។") == true)
        #expect(imported.outline.contains("ជំពូកទី១"))
        #expect(imported.outline.contains("Article 2 — វិសាលភាព (2 clauses)"))
    }

    /// The import knows the headings the text format knows, and no others.
    @Test func importHeadingsAreTheTextFormatsLabels() {
        #expect(TextLayout.heading("មាត្រា១៩.- ការការពារ", emphasised: false)?.id == "19")
        #expect(TextLayout.heading("មាត្រាទី ១៩ថ្មី ៖ ការការពារ", emphasised: false)?.id == "19ថ្មី")
        #expect(TextLayout.heading("§ 7 Begriffe", emphasised: true)?.id == "7")
        #expect(TextLayout.heading("§7. Begriffe", emphasised: false)?.id == "7")
        #expect(TextLayout.heading("Điều 7đ. Quyền của nạn nhân", emphasised: false)?.id == "7đ")
        #expect(TextLayout.heading("Art. 8 bis", emphasised: false)?.id == "8bis")
        for section in ["Chương II. NHỮNG QUY ĐỊNH CHUNG", "Chương I", "Tiểu mục 2", "Mục 1.", "Phụ lục 1",
                        "ជំពូកទី១", "គន្ថី ១", "ភាគទី ២", "Annex 3: Forms"] {
            let heading = TextLayout.heading(section, emphasised: false)
            #expect(heading != nil && heading?.id == nil, "\(section)")
        }
        #expect(TextLayout.heading("ជំពូកទី២ ការការពារជនរងគ្រោះ", emphasised: true)?.heading == "ជំពូកទី២ ការការពារជនរងគ្រោះ")
        for sentence in ["Chương này quy định về hợp đồng.", "Section 3 of this Agreement applies", "ជំពូកទី២ ការការពារជនរងគ្រោះ",
                         "មាត្រា១ នៃច្បាប់នេះ", "ឆ្នាំ២០០៨ ច្បាប់", "Part of the costs"] {
            #expect(TextLayout.heading(sentence, emphasised: false) == nil, "\(sentence)")
        }
    }
}
