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
        #expect(TextLayout.articleHeading("Article 5 of this Agreement applies", emphasised: false) == nil)
        #expect(TextLayout.articleHeading("Article 5 Scope", emphasised: true)?.id == "5")
        #expect(TextLayout.articleHeading("Điều 12. Hiệu lực", emphasised: false)?.id == "12")
        #expect(TextLayout.articleHeading("ĐIỀU 3: PHẠM VI", emphasised: false)?.id == "3")
        #expect(TextLayout.articleHeading("មាត្រា ១២ — ការអនុវត្ត", emphasised: false)?.id == "12")
        #expect(TextLayout.articleHeading("Articles 5 and 6", emphasised: true) == nil)
        let long = "Article 4. " + String(repeating: "The Parties shall cooperate. ", count: 12)
        let split = TextLayout.articleHeading(long, emphasised: false)
        #expect(split?.heading == "Article 4.")
        #expect(split?.rest?.hasPrefix("The Parties shall cooperate.") == true)
    }

    @Test func plainLinesKeepEveryWordAndEscapeHashes() throws {
        let markdown = TextLayout.markdown(PlainDocument.lines(of: "Title\n\n# not a heading\nArticle 1. One\n1. First.\n"))
        #expect(markdown == "# Title\n\n # not a heading\n\n## Article 1. One\n\n1. First.\n")
        let text = try InstrumentText.parse(Data(markdown.utf8), file: "x")
        #expect(text.articles.map(\.id) == ["1"])
    }
}
