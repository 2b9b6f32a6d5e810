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
}
