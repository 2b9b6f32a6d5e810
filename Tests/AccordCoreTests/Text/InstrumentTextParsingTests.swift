import Foundation
import Testing
@testable import AccordCore

@Suite struct InstrumentTextParsingTests {
    @Test func readsTitleFrontMatterPreambleAndArticles() throws {
        let text = try TextFixtures.parse(TextFixtures.english)
        #expect(text.title == "Agreement on cooperation against trafficking in persons")
        #expect(text.frontMatter == "> Working summary written for the accord example. It is not the authentic text.")
        #expect(text.articles.map(\.id) == ["preamble", "1", "2", "3"])
        #expect(text.articles.map(\.title) == ["Preamble", "Purpose", "Definitions", "Repatriation"])
        #expect(text.articles.map(\.line) == [6, 11, 19, 33])
        let preamble = try #require(text.article("preamble"))
        #expect(preamble.lead.hasPrefix("The Government of the Socialist Republic of Viet Nam and the Royal Government of Cambodia,"))
        #expect(preamble.number == nil)
    }

    @Test func splitsAnArticleIntoLeadClausesAndClosingText() throws {
        let text = try TextFixtures.parse(TextFixtures.english)
        let purpose = try #require(text.article("1"))
        #expect(purpose.lead == "The parties cooperate to prevent trafficking in women and children.")
        #expect(purpose.clauses.map(\.id) == ["1.1", "1.2"])
        #expect(purpose.clauses[1].text == "The focal agencies meet at least once a year, alternating the host.")
        #expect(purpose.clauses[1].line == 16)

        let definitions = try #require(text.article("2"))
        #expect(definitions.heading == "Article 2 — Definitions")
        #expect(definitions.lead == "For this Agreement:")
        #expect(definitions.clauses.map(\.marker) == ["1.", "2)"])
        #expect(definitions.clause("2.2")?.text == """
            "Victim" means a person who has been trafficked, in particular:
            a) a woman or girl;
            b) a child under eighteen.

            The parties interpret this definition generously.
            """)
        #expect(definitions.closing == "These definitions apply to the whole Agreement.")
        #expect(text.clause("3.2")?.marker == "(2)")
        #expect(text.clause("3.2")?.text == "Each party bears the cost on its own territory.")
    }

    @Test func readsVietnameseAndKhmerHeadings() throws {
        let vietnamese = try TextFixtures.parse("""
            # Hiệp định

            ## Điều 7. Hồi hương

            1. Nạn nhân được hồi hương an toàn.
            """, file: "text.vi.md")
        #expect(vietnamese.articles.map(\.id) == ["7"])
        #expect(vietnamese.articles[0].title == "Hồi hương")
        #expect(vietnamese.clause("7.1")?.text == "Nạn nhân được hồi hương an toàn.")

        let khmer = try TextFixtures.parse("""
            # កិច្ចព្រមព្រៀង

            ## មាត្រា ៧ — ការធ្វើមាតុភូមិនិវត្តន៍

            ១. ភាគីទាំងពីរសហការគ្នា។

            ## មាត្រា ១២a
            """, file: "text.km.md")
        #expect(khmer.articles.map(\.id) == ["7", "12a"])
        #expect(khmer.articles[0].title == "ការធ្វើមាតុភូមិនិវត្តន៍")
        #expect(khmer.articles[0].number == 7)
        #expect(khmer.clause("7.1")?.marker == "១.")
        #expect(khmer.articles[1].number == 12)
    }

    @Test func acceptsByteOrderMarkAndCRLFAndNormalisesToNFC() throws {
        let plain = try TextFixtures.parse(TextFixtures.english)
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data(TextFixtures.english.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\r\n").utf8))
        let windows = try InstrumentText.parse(bytes, file: plain.file)
        #expect(windows == plain)

        let decomposed = try TextFixtures.parse("# Hiê\u{0323}p đi\u{0323}nh\n")
        #expect(Array(decomposed.title.unicodeScalars) == Array("Hiệp định".unicodeScalars))
    }

    @Test func rewrappingAndReindentingReadTheSame() throws {
        let rewrapped = TextFixtures.english
            .replacingOccurrences(of: "once a year,\n   alternating", with: "once   a\n      year, alternating")
            .replacingOccurrences(of: "Viet Nam and the Royal Government of\n", with: "Viet Nam\nand the Royal Government of  \n")
        #expect(rewrapped != TextFixtures.english)
        var a = try TextFixtures.parse(TextFixtures.english)
        var b = try TextFixtures.parse(rewrapped)
        a.articles = a.articles.map { var article = $0; article.line = 0; return article }
        b.articles = b.articles.map { var article = $0; article.line = 0; return article }
        #expect(a.articles.map(\.fullText) == b.articles.map(\.fullText))
    }

    @Test func normalisedMarkdownReadsBackToTheSameText() throws {
        let text = try TextFixtures.parse(TextFixtures.english)
        let again = try TextFixtures.parse(text.normalizedMarkdown)
        #expect(again.normalizedMarkdown == text.normalizedMarkdown)
        #expect(again.articles.map(\.fullText) == text.articles.map(\.fullText))
        #expect(again.articles.flatMap(\.clauses).map(\.id) == text.articles.flatMap(\.clauses).map(\.id))
    }

    @Test func reportsADuplicateArticleWithFileAndLine() {
        let source = "# T\n\n## Article 7. One\n\ntext\n\n## Article 7. Again\n"
        #expect {
            try TextFixtures.parse(source)
        } throws: { error in
            let error = error as? InstrumentTextError
            return error?.message == "Agreements/tip-2005/text.en.md:7: article 7 appears twice (first at line 3); to keep both, end this heading with an id of its own, e.g. {#7-2}"
                && error?.exitStatus == .dataError
        }
    }

    @Test func reportsADuplicateClauseWithFileAndLine() {
        let source = "## Điều 2.\n\n1. a.\n2. b.\n2) c\n"
        #expect {
            try TextFixtures.parse(source, file: "text.vi.md")
        } throws: { error in
            (error as? InstrumentTextError)?.message == "text.vi.md:5: clause 2.2 appears twice (first at line 4)"
        }
    }

    @Test func reportsBytesThatAreNotUTF8OnTheirLine() {
        var bytes = Data("# Title\n\n## Article 1\n".utf8)
        bytes.append(contentsOf: [0x41, 0xC3, 0x28, 0x0A])
        #expect {
            try InstrumentText.parse(bytes, file: "text.en.md")
        } throws: { error in
            (error as? InstrumentTextError)?.message == "text.en.md:4: the text is not valid UTF-8"
        }
    }

    @Test func reportsMisplacedHeadings() {
        #expect {
            try TextFixtures.parse("# T\n\n# Again\n", file: "f.md")
        } throws: { error in
            (error as? InstrumentTextError)?.reason == .misplacedTitle
        }
    }

    @Test func takesTheNumberOnlyNearTheStartOfAHeading() throws {
        let text = try TextFixtures.parse("## Preamble to the 2005 text\n\n## Article 1\n")
        #expect(text.articles.map(\.id) == ["preamble", "1"])
        #expect(text.articles[1].title == "")
    }

    @Test func readsTheNumberingStylesOfRealLaws() throws {
        let text = try TextFixtures.parse("""
            ## Article 8 bis. Inserted
            ## Art. 8ter
            ## Article L. 515-14 — Code article
            ## Điều 7đ. Bổ sung
            ## មាត្រា ១៩ថ្មី
            ## § 8a Zusatz
            ## Article 9. Duplicate kept {#9-2}
            ## Article 9. The other one
            """)
        #expect(text.articles.map(\.id) == ["8bis", "8ter", "515-14", "7đ", "19ថ្មី", "8a", "9-2", "9"])
        #expect(text.articles.map(\.title) == ["Inserted", "", "Code article", "Bổ sung", "", "Zusatz", "Duplicate kept", "The other one"])
        #expect(text.articles.map(\.number) == [8, 8, 515, 7, 19, 8, 9, 9])
        let again = try TextFixtures.parse(text.normalizedMarkdown)
        #expect(again.articles.map(\.id) == text.articles.map(\.id))
    }

    /// Published Vietnamese and Khmer laws group articles under numbered chapters and
    /// subsections (`Tiểu mục 1`, `ជំពូកទី ១`, Khmer often with the number attached), and
    /// Khmer articles are written `មាត្រា១` as often as `មាត្រា ១`: the groups are sections,
    /// never a second article 1, and an attached article number is read.
    @Test func chaptersOfVietnameseAndKhmerLawsAreSectionsAndAttachedNumbersAreRead() throws {
        let vietnamese = try TextFixtures.parse("""
            ## Chương I. NHỮNG QUY ĐỊNH CHUNG
            ## Điều 1. Phạm vi điều chỉnh
            ## Mục 1. QUY ĐỊNH CHUNG
            ## Tiểu mục 1. Hợp đồng
            ## Điều 2
            """)
        #expect(vietnamese.articles.map(\.id) == ["chương-i", "1", "mục-1", "tiểu-mục-1", "2"])
        let khmer = try TextFixtures.parse("""
            ## ជំពូកទី ១ អំពីអធិបតេយ្យ
            ## មាត្រា១ ៖ ព្រះរាជាណាចក្រ
            ## មាត្រាទី២
            ## ជំពូកទី២ ៖ អំពីព្រះមហាក្សត្រ
            ## គន្ថីទី ១
            ## មាត្រា ៣ថ្មី
            ## §4 Zusatz
            ## មាត្រា ៥.- គោលបំណង
            """)
        #expect(khmer.articles.map(\.id) == ["ជំពូកទី-១-អំពីអធិបតេយ្យ", "1", "2", "ជំពូកទី២", "គន្ថីទី-១", "3ថ្មី", "4", "5"])
        #expect(khmer.articles.map(\.title)[1...] == ["ព្រះរាជាណាចក្រ", "", "ជំពូកទី២ ៖ អំពីព្រះមហាក្សត្រ", "គន្ថីទី ១", "", "Zusatz", "គោលបំណង"])
        // Another word with a number attached is no article label.
        let latin = try TextFixtures.parse("## Article 1\n\n## A4 paper\n\n## ច្បាប់ឆ្នាំ២០០៨\n")
        #expect(latin.articles.map(\.id) == ["1", "a4-paper", "ច្បាប់ឆ្នាំ២០០៨"])
    }

    @Test func unnumberedMatterAfterTheArticlesIsASectionOfItsOwn() throws {
        let text = try TextFixtures.parse("""
            ## Article 1

            Text.

            ## Final provisions

            This Agreement enters into force on signature.

            ## Annex 1. Forms

            ## Phụ lục

            ## Signatures

            ## Signatures
            """)
        #expect(text.articles.map(\.id) == ["1", "final-provisions", "annex-1", "phụ-lục", "signatures", "signatures-2"])
        #expect(text.articles[1].lead == "This Agreement enters into force on signature.")
        #expect(text.articles.map(\.number) == [1, nil, nil, nil, nil, nil])
    }

    @Test func paragraphsHoldItemsAndWrappedLinesStayInTheirClause() throws {
        let text = try TextFixtures.parse("""
            ## § 113 Widerstand

            (1) Wer einem Amtsträger Widerstand leistet, wird bestraft.
            (2) Ein besonders schwerer Fall liegt in der Regel vor, wenn
            1. der Täter eine Waffe bei sich führt,
            2. der Täter durch eine Gewalttätigkeit den Angegriffenen in die Gefahr bringt.
            (3) Die Tat ist nicht nach dieser Vorschrift strafbar, wenn die Diensthandlung nach Absatz
            2) nicht rechtmäßig ist.
            """)
        #expect(text.articles[0].clauses.map(\.id) == ["113.1", "113.2", "113.3"])
        #expect(text.clause("113.2")?.text.contains("\n1. der Täter") == true)
        #expect(text.clause("113.3")?.text.hasSuffix("2) nicht rechtmäßig ist.") == true)
        let english = try TextFixtures.parse("## Article 4\n\n1. Each party acts under paragraph\n2) of Article 3.\n2. The parties meet.\n")
        #expect(english.articles[0].clauses.map(\.id) == ["4.1", "4.2"])
    }

    /// Cambodian laws number an article's points `១-`, `២-` (Khmer digits and a dash) and
    /// letter their sub-points `ក-`, `ខ-` (Khmer consonants in the alphabet's order), also
    /// `ក.` and `(ក)`; the dash is often typed with no space after it. Numbered points are
    /// clauses, lettered ones stay on their own lines inside the clause or the lead text,
    /// and a list whose points end with no mark still numbers its clauses.
    @Test func khmerPointsWithDashesAreClausesAndSubPoints() throws {
        let text = try TextFixtures.parse("""
            ## មាត្រា ៤.- និយមន័យ

            ក្នុងច្បាប់នេះ ពាក្យខាងក្រោមមានន័យដូចតទៅ៖
            ក- ជនរងគ្រោះ សំដៅដល់បុគ្គលដែលរងការជួញដូរ
            ខ-កុមារ សំដៅដល់បុគ្គលដែលមានអាយុក្រោមដប់ប្រាំបីឆ្នាំ
            គ. ស្ថាប័នបង្គោល សំដៅដល់ស្ថាប័នដែលភាគីចាត់តាំង
            (ឃ) ភាគី សំដៅដល់រដ្ឋាភិបាលនីមួយៗ។

            ## មាត្រា ៥.- កាតព្វកិច្ច

            ភាគីនីមួយៗមានកាតព្វកិច្ចដូចខាងក្រោម៖
            ១- ចាត់តាំងស្ថាប័នបង្គោលមួយ
            ២-ផ្តល់ជំនួយដល់ជនរងគ្រោះ ដូចជា៖
               ក- ការស្នាក់នៅ
               ខ- ការថែទាំសុខភាព
            ៣– រាយការណ៍ជារៀងរាល់ឆ្នាំ។
            """)
        let definitions = text.articles[0]
        #expect(definitions.clauses.isEmpty)
        let lines = definitions.lead.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.dropFirst().map { String($0.prefix(2)) } == ["ក-", "ខ-", "គ.", "(ឃ"])
        let duties = text.articles[1]
        #expect(duties.clauses.map(\.id) == ["5.1", "5.2", "5.3"])
        #expect(duties.clauses.map(\.marker) == ["១-", "២-", "៣–"])
        #expect(duties.clauses[0].text == "ចាត់តាំងស្ថាប័នបង្គោលមួយ")
        #expect(duties.clauses[1].text == "ផ្តល់ជំនួយដល់ជនរងគ្រោះ ដូចជា៖\nក- ការស្នាក់នៅ\nខ- ការថែទាំសុខភាព")
        // The canonical form reads back to the same clauses.
        let again = try TextFixtures.parse(text.normalizedMarkdown)
        #expect(again.articles.map(\.lead) == text.articles.map(\.lead))
        #expect(again.articles.flatMap(\.clauses).map { [$0.id, $0.marker, $0.text] }
                == text.articles.flatMap(\.clauses).map { [$0.id, $0.marker, $0.text] })
    }

    /// A Khmer line wrapped anywhere in a sentence never becomes a point: a range (`២-៣`),
    /// an abbreviation (`គ.ជ.ប`), a word with a vowel (`កា-`), a number out of sequence, and
    /// the same marker written with ASCII digits stay in the line they continue.
    @Test func wrappedKhmerLinesNeverBecomePoints() throws {
        let text = try TextFixtures.parse("""
            ## មាត្រា ៦

            ១- ភាគីទាំងពីរជួបប្រជុំគ្នា
            ២-៣ ដងក្នុងមួយឆ្នាំ ហើយអញ្ជើញ
            គ.ជ.ប ចូលរួម និង
            កា- ផ្សេងៗ និង
            ៥- នាក់ទៀត។
            ២- ស្ថាប័នបង្គោលរៀបចំរបាយការណ៍ តាមមាត្រា
            1- នៃច្បាប់នេះ។
            """)
        #expect(text.articles[0].clauses.map(\.id) == ["6.1", "6.2"])
        // `៥-` after a line that stops mid-sentence, out of sequence, keeps its line but stays
        // in the clause it continues.
        #expect(text.clause("6.1")?.text == "ភាគីទាំងពីរជួបប្រជុំគ្នា ២-៣ ដងក្នុងមួយឆ្នាំ ហើយអញ្ជើញ គ.ជ.ប ចូលរួម និង កា- ផ្សេងៗ និង\n៥- នាក់ទៀត។")
        #expect(text.clause("6.2")?.text == "ស្ថាប័នបង្គោលរៀបចំរបាយការណ៍ តាមមាត្រា 1- នៃច្បាប់នេះ។")
        // In an article of paragraphs `(1)`, numbered points are items inside them.
        let paragraphs = try TextFixtures.parse("## មាត្រា ៧\n\n(១) ភាគីទាំងពីរ៖\n១- ជួបប្រជុំគ្នា\n២- រាយការណ៍។\n(២) ស្ថាប័នបង្គោល។\n")
        #expect(paragraphs.articles[0].clauses.map(\.id) == ["7.1", "7.2"])
        #expect(paragraphs.clause("7.1")?.text == "ភាគីទាំងពីរ៖\n១- ជួបប្រជុំគ្នា\n២- រាយការណ៍។")
        for wrapped in ["២-៣ ដង", "គ.ជ.ប ចូលរួម", "កា- ផ្សេងៗ", "1- នៃ", "ក.- x", "១២ x"] {
            #expect(!ReadableText.startsOwnLine(wrapped), "\(wrapped)")
        }
        for point in ["ក- x", "ខ-ការ", "គ. x", "(ឃ) x", "ង) x", "១- x", "១២- x", "៣– x", "៤— x", "ក-"] {
            #expect(ReadableText.startsOwnLine(point), "\(point)")
        }
    }
}
