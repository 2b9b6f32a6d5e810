@testable import AccordCore
import Foundation
import Testing

@Suite struct TrackerSearchTests {
    @Test func khmerWordsInATextAreFoundOneByOne() throws {
        let path = "Agreements/tip-2005/text.km.md"
        let markdown = "# កិច្ចព្រមព្រៀង\n\n## មាត្រា ១. គោលបំណង\n\n1. ភាគីទាំងពីរសហការការពារជនរងគ្រោះ។\n"
        let text = try InstrumentText.parse(Data(markdown.utf8), file: path)
        let entries = TrackerSearch.entries(of: .text(instrument: "tip-2005", language: "km", .success(text)), path: path)
        let victims = TrackerSearch.words(of: "ជនរងគ្រោះ")
        #expect(!victims.isEmpty)
        let found = entries.filter { victims.isSubset(of: $0.words) }
        #expect(found.map(\.hit.part) == ["១"] || found.map(\.hit.part) == ["1"])
        #expect(found.first?.hit.language == "km")
        // The sentence is not one word: a word of it alone finds it too.
        #expect(TrackerSearch.words(of: "ភាគីទាំងពីរសហការការពារជនរងគ្រោះ").count > 1)
    }

    @Test func vietnameseWordsKeepTheirMarksAndLoseTheirCase() {
        #expect(TrackerSearch.words(of: "Nạn nhân, BIÊN phòng!") == ["nạn", "nhân", "biên", "phòng"])
        #expect(TrackerSearch.words(of: "nan nhan").isDisjoint(with: TrackerSearch.words(of: "nạn nhân")))
        // Decomposed marks read as the composed ones.
        #expect(TrackerSearch.words(of: "nha\u{0323}n") == TrackerSearch.words(of: "nhạn"))
        #expect(TrackerSearch.words(of: "… — !").isEmpty)
    }

    @Test func restrictedEvidenceGivesNothingToIndex() {
        let path = "Evidence/2019/ev-2019-01-01-x.yaml"
        let yaml = "id: ev-2019-01-01-x\nkind: report\ntitle: Secret words\ndate: 2019-01-01\nparty: VN\nsensitivity: restricted\nnote: more\n"
        let record = TrackerRecord.parse(path: path, data: Data(yaml.utf8))
        #expect(TrackerSearch.entries(of: record, path: path).isEmpty)
        let open = TrackerRecord.parse(path: path, data: Data(yaml.replacingOccurrences(of: "restricted", with: "public").utf8))
        #expect(TrackerSearch.entries(of: open, path: path).map(\.hit.part) == ["title", "note"])
    }
}
