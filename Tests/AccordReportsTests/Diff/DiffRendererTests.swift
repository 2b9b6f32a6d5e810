import AccordCore
import AccordReports
import Foundation
import Testing

@Suite struct DiffRendererTests {
    @Test func terminalWithoutColourUsesWordDiffMarkers() throws {
        let output = DiffTerminalRenderer(colour: false).render(try DiffSamples.diff())
        #expect(output == """
            --- Agreements/tip-2005/text.en.md
            +++ Agreements/tip-2012/text.en.md

            Article 1 — modified
              Title: Purpose
              The parties cooperate to prevent trafficking in [-women-] [-&-] [-children-]{+persons+}.
              1.1  Each party designates a focal agency.
              1.2  The focal agencies meet at least [-once-]{+twice+} a year.
              1.3 (added)  {+The+} {+focal+} {+agencies+} {+report+} {+to+} {+the+} {+ministers.+}

            Article 2 — removed
              Title: [-Hotline-]
              [-Each-] [-party-] [-keeps-] [-a-] [-hotline.-]

            Article 2 (renumbered from 3) — unchanged text

            3 of 4 articles changed: 1 removed, 1 renumbered, 1 modified; 9 words added, 9 removed

            """)
    }

    @Test func terminalWithColourStrikesDeletionsInRedAndInsertionsInGreen() throws {
        let output = DiffTerminalRenderer(colour: true).render(try DiffSamples.diff())
        #expect(output.contains("at least \u{1B}[31;9monce\u{1B}[0m\u{1B}[32;4mtwice\u{1B}[0m a year."))
        #expect(output.contains("\u{1B}[1mArticle 1 — modified\u{1B}[0m"))
        #expect(!output.contains("[-"))
    }

    @Test func terminalSaysSoWhenNothingChanged() throws {
        let text = try InstrumentText.parse(Data(DiffSamples.old.utf8), file: "a.md")
        let output = DiffTerminalRenderer(colour: false).render(InstrumentDiff(old: text, new: text))
        #expect(output == "--- a.md\n+++ a.md\nno changes\n")
    }

    @Test func markdownStrikesDeletionsAndBoldsInsertions() throws {
        let output = DiffMarkdownRenderer().render(try DiffSamples.diff())
        #expect(output == """
            # Changes to the text

            `Agreements/tip-2005/text.en.md` → `Agreements/tip-2012/text.en.md`

            3 of 4 articles changed: 1 removed, 1 renumbered, 1 modified; 9 words added, 9 removed.

            | Article | Change | Words added | Words removed |
            |---|---|--:|--:|
            | Article 1 | modified | 9 | 3 |
            | Article 2 | removed | 0 | 6 |
            | Article 2 (renumbered from 3) | unchanged text | 0 | 0 |

            ## Article 1 — modified

            **Title:** Purpose

            The parties cooperate to prevent trafficking in ~~women & children~~**persons**.

            **1.1** Each party designates a focal agency.

            **1.2** The focal agencies meet at least ~~once~~**twice** a year.

            **1.3 (added)** **The focal agencies report to the ministers.**

            ## Article 2 — removed

            **Title:** ~~Hotline~~

            ~~Each party keeps a hotline.~~

            ## Article 2 (renumbered from 3) — unchanged text

            """)
    }

    @Test func markdownMarkersWrapWordsNotSpacesOrLineBreaks() throws {
        let old = try InstrumentText.parse(Data("## Article 1\n\nOne two.\n".utf8), file: "a.md")
        let new = try InstrumentText.parse(Data("## Article 1\n\nOne two.\n\nThree four.\n".utf8), file: "b.md")
        let output = DiffMarkdownRenderer().render(InstrumentDiff(old: old, new: new))
        #expect(output.contains("One two.\n\n**Three four.**\n"))
    }

    @Test func statListsEachChangedArticleAndATotal() throws {
        let output = DiffStatRenderer().render(try DiffSamples.diff())
        #expect(output == """
            article                        change          added  removed
            Article 1                      modified           +9       -3
            Article 2                      removed            +0       -6
            Article 2 (renumbered from 3)  unchanged text     +0       -0
            3 of 4 articles changed: 1 removed, 1 renumbered, 1 modified; 9 words added, 9 removed

            """)
    }

    @Test func htmlIsOneSelfContainedEscapedPage() throws {
        let diff = try DiffSamples.diff()
        let output = DiffHTMLRenderer().render(diff)
        #expect(output.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(output.contains("<meta charset=\"utf-8\">"))
        #expect(output.contains("<style>"))
        #expect(output.contains("trafficking in <del>women &amp; children</del><ins>persons</ins>."))
        #expect(output.contains("<h2>Article 2 (renumbered from 3) — unchanged text</h2>"))
        #expect(output.contains("<p class=\"clause\"><span class=\"label\">1.3 (added)</span> <ins>The focal agencies report to the ministers.</ins></p>"))
        for remote in ["<script", "src=", "href=", "http://", "https://", "@import", "url("] {
            #expect(!output.contains(remote), "found \(remote)")
        }
        #expect(output.hasSuffix("</html>\n"))
    }

    @Test func htmlEscapesEveryValue() throws {
        let hostile = "## Article 1. <b>\"x\" & 'y'</b>\n\n<script>alert(1)</script>\n"
        let old = try InstrumentText.parse(Data("## Article 1. Title\n\nText.\n".utf8), file: "<old>.md")
        let new = try InstrumentText.parse(Data(hostile.utf8), file: "new&.md")
        let output = DiffHTMLRenderer().render(InstrumentDiff(old: old, new: new))
        #expect(!output.contains("<script>"))
        #expect(!output.contains("<b>"))
        #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(output.contains("&quot;x&quot; &amp; &#39;y&#39;"))
        #expect(output.contains("<code>&lt;old&gt;.md</code> → <code>new&amp;.md</code>"))
    }

    @Test func jsonHasSortedKeysAndRebuildsTheNewText() throws {
        let diff = try DiffSamples.diff()
        let output = try DiffJSONRenderer().render(diff)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["articles", "frontMatter", "newFile", "oldFile", "title", "version"])
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.map { $0["kind"] as? String } == ["unchanged", "modified", "removed", "renumbered"])
        #expect(articles[3]["oldID"] as? String == "3" && articles[3]["newID"] as? String == "2")
        #expect(output.contains("\"op\" : \"deleted\",\n                \"text\" : \"once\""))
        #expect(output.range(of: "\"clauses\"")!.lowerBound < output.range(of: "\"closing\"")!.lowerBound)

        let decoded = try JSONDecoder().decode(InstrumentDiff.self, from: Data(output.utf8))
        let old = try InstrumentText.parse(Data(DiffSamples.old.utf8), file: "Agreements/tip-2005/text.en.md")
        let new = try InstrumentText.parse(Data(DiffSamples.new.utf8), file: "Agreements/tip-2012/text.en.md")
        #expect(try decoded.apply(to: old).normalizedMarkdown == new.normalizedMarkdown)
    }
}

@Suite struct DiffRendererScriptTests {
    @Test func khmerRedlineMarksTheOneChangedWord() throws {
        let old = try InstrumentText.parse(Data("""
            ## មាត្រា ៣ — កិច្ចសហប្រតិបត្តិការ

            ១. ភាគីទាំងពីរសហការគ្នាដើម្បីទប់ស្កាត់ការជួញដូរមនុស្ស។
            """.utf8), file: "Agreements/tip-2005/text.km.md")
        let new = try InstrumentText.parse(Data("""
            ## មាត្រា ៣ — កិច្ចសហប្រតិបត្តិការ

            ១. ភាគីទាំងពីរសហការគ្នាដើម្បីបង្ក្រាបការជួញដូរមនុស្ស។
            """.utf8), file: "Agreements/tip-2012/text.km.md")
        let output = DiffTerminalRenderer(colour: false).render(InstrumentDiff(old: old, new: new))
        #expect(output == """
            --- Agreements/tip-2005/text.km.md
            +++ Agreements/tip-2012/text.km.md

            Article 3 — modified
              Title: កិច្ចសហប្រតិបត្តិការ
              3.1  ភាគីទាំងពីរសហការគ្នាដើម្បី[-ទប់ស្កាត់-]{+បង្ក្រាប+}ការជួញដូរមនុស្ស។

            1 of 1 articles changed: 1 modified; 1 word added, 1 removed

            """)
    }

    @Test func vietnameseDecomposedTextShowsOnlyTheChangedDiacritic() throws {
        let old = try InstrumentText.parse(Data("## Điều 1.\n\nCác bên phòng, chống mua bán người.\n".utf8), file: "a.vi.md")
        // Stored decomposed (NFD), with "bán" changed to "bàn".
        let new = try InstrumentText.parse(
            Data("## Đie\u{302}\u{300}u 1.\n\nCa\u{301}c be\u{302}n pho\u{300}ng, cho\u{302}\u{301}ng mua ba\u{300}n ngu\u{31B}o\u{31B}\u{300}i.\n".utf8),
            file: "b.vi.md")
        let output = DiffMarkdownRenderer().render(InstrumentDiff(old: old, new: new))
        #expect(output.contains("\nCác bên phòng, chống mua ~~bán~~**bàn** người.\n"))
        #expect(output.contains("| Article 1 | modified | 1 | 1 |"))
    }

    @Test func markdownShowsHTMLInTextsAsWords() throws {
        let old = try InstrumentText.parse(Data("## Article 1. <b>Bold</b>\n\nOne & two.\n".utf8), file: "a.md")
        let new = try InstrumentText.parse(Data("## Article 1. <b>Bold</b>\n\nOne & two <script>alert(1)</script>.\n".utf8), file: "b.md")
        let output = DiffMarkdownRenderer().render(InstrumentDiff(old: old, new: new))
        #expect(!output.contains("<script>"))
        #expect(!output.contains("<b>"))
        #expect(output.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(output.contains("One & two"))
    }
}
