@testable import AccordCore
import Testing

/// Record paths are classified on their bytes when they are ASCII; that reading must agree
/// with the character-by-character one on every path, and the whole classification must
/// put each file where the layout says.
@Suite struct PathClassificationTests {
    typealias Kind = TrackerRecord.Kind

    static let paths: [(String, Kind?)] = [
        ("accord.yaml", .settings),
        ("Agreements/tip-2005/instrument.yaml", .instrument),
        ("Agreements/tip-2005/text.vi.md", .text(instrument: "tip-2005", language: "vi")),
        ("Agreements/tip-2005/text.x.md", .text(instrument: "tip-2005", language: "x")),
        ("Agreements//instrument.yaml", .instrument),
        ("Plans/plan-2017-2020.yaml", .plan),
        ("Plans/.yaml", .plan),
        ("Meetings/2016-10-05-review.yaml", .meeting),
        ("Evidence/2019/ev-2019-03-02-6c5.yaml", .evidence),
        ("Evidence/attachments/ab/cdef01", .attachment(blob: "abcdef01")),
        ("Events/2019/03/sr-2019-03-10-vn-vqv.yaml", .report),
        // Not where a record belongs: the byte reading leaves these to the other one.
        ("Agreements/tip-2005/text.md", nil),
        ("Agreements/tip-2005/text..md", nil),
        ("Agreements/tip-2005/notes.md", nil),
        ("Agreements/tip-2005/x/instrument.yaml", nil),
        ("accord.yml", nil),
        ("Plans/plan.yml", nil),
        ("Plans//x.yaml", nil),
        ("Plans/a/x.yaml", nil),
        ("Evidence/19/ev.yaml", nil),
        ("Evidence/2019/ev.yml", nil),
        ("Evidence/attachments/ab", nil),
        ("Events/2019/3/sr.yaml", nil),
        ("Events/2019/03/sr.yaml/x", nil),
        ("Events/2O19/03/sr.yaml", nil),
        ("Events/2019/sr-x.yaml", nil),
        ("", nil),
        ("/", nil),
        ("Meetings/review.yaml/", nil),
    ]

    @Test func theByteReadingAgreesWithTheCharacterReading() {
        for (path, expected) in Self.paths {
            let bytes = Array(path.utf8)
            let fast = bytes.withUnsafeBufferPointer(TrackerRecord.classifyASCII)
            #expect(fast == expected, "\(path)")
            if let fast {
                #expect(TrackerRecord.classifyCharacters(path) == fast, "\(path)")
            } else if case .misplaced = TrackerRecord.classifyCharacters(path) {
            } else {
                Issue.record("\(path): the byte reading left out a path that names a record")
            }
        }
    }

    @Test func pathsBeyondASCIIAreReadByCharacter() {
        // `é` written as `e` and a combining accent: two scalars, one character.
        let path = "Agreements/tip-2005/text.e\u{301}.md"
        #expect(path.utf8.withContiguousStorageIfAvailable(TrackerRecord.classifyASCII) == .some(nil))
        #expect(TrackerRecord.classify(path) == .text(instrument: "tip-2005", language: "e\u{301}"))
        #expect(TrackerRecord.classify("Plans/kế-hoạch.yaml") == .plan)
        #expect(TrackerRecord.classify("Événements/2019/03/sr.yaml")
            == .misplaced("accord does not read this file; records belong at a place accord reads"))
    }

    @Test func theCrossFileChecksAnswerYesOnBytesOnlyWhenTheyMatchExactly() {
        #expect(TrackerValidation.isNamed("Events/2019/03/sr-a.yaml", "sr-a"))
        #expect(TrackerValidation.isNamed("sr-a.yaml", "sr-a"))
        #expect(!TrackerValidation.isNamed("Events/2019/03/xsr-a.yaml", "sr-a"))
        #expect(!TrackerValidation.isNamed("Events/2019/03/sr-a.yml", "sr-a"))
        #expect(!TrackerValidation.isNamed("a.yaml", "sr-a"))
        #expect(!TrackerValidation.isNamed("", ""))
        let march = CalendarDate(year: 2019, month: 3, day: 10)!
        #expect(TrackerValidation.isFiled("Events/2019/03/sr-a.yaml", under: march))
        #expect(!TrackerValidation.isFiled("Events/2019/04/sr-a.yaml", under: march))
        #expect(!TrackerValidation.isFiled("Events/2018/03/sr-a.yaml", under: march))
        #expect(!TrackerValidation.isFiled("Events/2019/3/sr-a.yaml", under: march))
        #expect(!TrackerValidation.isFiled("Evidence/2019/03/sr.yaml", under: march))
        #expect(!TrackerValidation.isFiled("Events/0999/03/sr.yaml", under: CalendarDate(year: 999, month: 3, day: 1)!))
    }
}
