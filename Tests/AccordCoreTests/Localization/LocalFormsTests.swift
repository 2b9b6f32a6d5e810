@testable import AccordCore
import Testing

/// Dates and digits in the reader's forms, with ids left as typed.
struct LocalFormsTests {
    @Test func datesTakeTheLocaleFormAndIdsStayAsTyped() {
        let text = "2019-12-01  tip-2005#7.2  ev-2019-12-01-cong-van  12 of 34 (35%)\n"
        #expect(LocalForms.apply(text, language: .english, digits: .latin) == text)
        let vietnamese = LocalForms.apply(text, language: .vietnamese, digits: .latin)
        #expect(vietnamese == "01/12/2019  tip-2005#7.2  ev-2019-12-01-cong-van  12 of 34 (35%)\n")
        let khmer = LocalForms.apply(text, language: .khmer, digits: .khmer)
        #expect(khmer.hasPrefix("០១/១២/២០១៩  tip-2005#7.2  ev-2019-12-01-cong-van  ១២ of 34 (35%)"))
        // A date keeps its ten cells, so terminal columns stay aligned.
        #expect(DisplayWidth.of("០១/១២/២០១៩") == DisplayWidth.of("2019-12-01"))
    }

    @Test func colourSequencesListNumbersAndSentenceEndsAreKept() {
        let red = "\u{1B}[31m3 overdue\u{1B}[0m"
        #expect(LocalForms.apply(red, language: .khmer, digits: .khmer) == "\u{1B}[31m៣ overdue\u{1B}[0m")
        #expect(LocalForms.apply("1. បើក\n2. វឌ្ឍនភាព 2019.", language: .khmer, digits: .khmer)
                == "1. បើក\n2. វឌ្ឍនភាព ២០១៩.")
        #expect(LocalForms.digits("2005", .khmer) == "២០០៥")
        // A number in a record's English words keeps its digits; one after Khmer words, or
        // in a cell of its own, takes Khmer digits.
        #expect(LocalForms.apply("Review for 2017–2019 | ចំណុច 12  VN  3/4", language: .khmer, digits: .khmer)
                == "Review for 2017–2019 | ចំណុច ១២  VN  ៣/៤")
    }

    @Test func htmlChangesTextOnly() {
        let page = "<style>body { font: 15px/1.5 sans; }</style><td class=\"n\" width=\"120\">2019-12-01</td><text x=\"4\">60%</text>"
        let khmer = LocalForms.applyHTML(page, language: .khmer, digits: .khmer)
        #expect(khmer == "<style>body { font: 15px/1.5 sans; }</style><td class=\"n\" width=\"120\">០១/១២/២០១៩</td><text x=\"4\">៦០%</text>")
    }

    @Test func recordTranslationsAreShownOrTagged() {
        let provenance = Provenance(translations: [.khmer: ["title": "កិច្ចប្រជុំ"]])
        #expect(provenance.text("title", "Meeting", in: .khmer).text == "កិច្ចប្រជុំ")
        #expect(provenance.text("title", "Meeting", in: .khmer).untranslated == nil)
        #expect(provenance.text("title", "Meeting", in: .vietnamese).untranslated == .english)
        #expect(provenance.text("title", "Meeting", in: .english).untranslated == nil)
        #expect(L10n.with(.vietnamese) { provenance.shown("title", "Meeting") } == "Meeting [en]")
        #expect(L10n.with(.khmer) { provenance.shown("title", "Meeting") } == "កិច្ចប្រជុំ")
    }
}
