import AccordCore
import AccordReports
import Testing

/// Khmer in a page of another language is marked as Khmer, and a page with Khmer carries
/// the font that draws it.
struct HTMLTextTests {
    @Test func khmerRunsInAnEnglishPageAreSpansOfTheirLanguage() {
        let html = L10n.with(.english) { HTMLText.content("Phnom Penh (ភ្នំពេញ ក្រុង) & <Hanoi>") }
        #expect(html == "Phnom Penh (<span lang=\"km\">ភ្នំពេញ ក្រុង</span>) &amp; &lt;Hanoi&gt;")
        #expect(L10n.with(.khmer) { HTMLText.content("ភ្នំពេញ") } == "ភ្នំពេញ")
        #expect(L10n.with(.vietnamese) { HTMLText.content("Hà Nội") } == "Hà Nội")
    }

    @Test func aPageEmbedsTheKhmerFontOnlyWhenItHasKhmerText() {
        let khmer = L10n.with(.khmer) { HTMLText.page(title: "សេចក្តីសង្ខេប", style: "", body: ["<p>ក</p>"]) }
        #expect(khmer.contains("<html lang=\"km\">"))
        #expect(khmer.contains("@font-face { font-family: \"\(DocumentFont.khmer.family)\"; src: url(data:font/ttf;base64,AAEAAA"))
        let english = L10n.with(.english) { HTMLText.page(title: "Summary", style: "", body: ["<p>Hanoi</p>"]) }
        #expect(english.contains("<html lang=\"en\">") && !english.contains("@font-face"))
    }

    /// A quote, `<` or `&` carrying a combining mark is one Character, but a browser reads
    /// the ASCII byte: it is escaped all the same (in an attribute, an unescaped quote
    /// would end the value).
    @Test func aSpecialCharacterCarryingACombiningMarkIsStillEscaped() {
        #expect(HTMLText.escape("a\"\u{301} onclick=x") == "a&quot;\u{301} onclick=x")
        #expect(HTMLText.escape("<\u{301}script>") == "&lt;\u{301}script&gt;")
        #expect(HTMLText.escape("&\u{323}'\u{300}") == "&amp;\u{323}&#39;\u{300}")
    }

    @Test func textWithNothingToEscapeComesBackByteForByte() {
        for text in ["", "Bộ Công an, Việt Nam", "Vie\u{302}\u{323}t", "ក្រសួងមហាផ្ទៃ", "plain"] {
            #expect(Array(HTMLText.escape(text).utf8) == Array(text.utf8))
        }
        #expect(HTMLText.escape("Hà Nội & <Phnom Penh> \"x\" 'y'") == "Hà Nội &amp; &lt;Phnom Penh&gt; &quot;x&quot; &#39;y&#39;")
    }
}
