import AccordCore
import Foundation
import Testing

/// The values a person types for an instrument or a revision, read the same by the
/// commands and the web forms.
@Suite struct InstrumentFieldsTests {
    @Test func aSignatoryNeedsItsPartyFirstAndAName() {
        #expect(Signatory(written: "VN: Minister of Public Security") == Signatory(party: PartyCode("VN")!, name: "Minister of Public Security"))
        #expect(Signatory(written: "Minister of Public Security") == nil)
        #expect(Signatory(written: "VN:  ") == nil)
    }

    @Test func anEntryIntoForceIsADateOrAPartysDate() {
        #expect(Instrument.EntryIntoForce(written: "2005-10-10") == .init(date: CalendarDate("2005-10-10")!))
        #expect(Instrument.EntryIntoForce(written: "KH: 2006-01-02") == .init(date: CalendarDate("2006-01-02")!, party: PartyCode("KH")))
        #expect(Instrument.EntryIntoForce(written: "soon") == nil)
    }

    @Test func titlesGoToTheFirstLanguageUnlessNamed() {
        let titles = Instrument.titles(written: ["Agreement", "vi: Hiệp định", "Another"], firstLanguage: "en")
        #expect(titles == ["en": "Agreement", "vi": "Hiệp định"])
    }

    @Test func aRemapIsPairsOfClauses() throws {
        #expect(try TextAmendment.remap(written: ["4.2=5.2,4.4=5.4", "7=8"]) == ["4.2": "5.2", "4.4": "5.4", "7": "8"])
        #expect(throws: AccordError.self) { try TextAmendment.remap(written: ["4.2"]) }
        #expect(throws: AccordError.self) { try TextAmendment.remap(written: ["4.2=5.2", "4.2=6.1"]) }
    }
}
