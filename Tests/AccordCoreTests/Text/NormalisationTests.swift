import Foundation
import Testing
@testable import AccordCore

/// Text already in NFC is recognised without ICU when all its characters lie in ranges that
/// NFC never changes; the ranges must hold that promise for every character in them.
@Suite struct NormalisationTests {
    static let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x1E00...0x1EFF, 0x2010...0x205F]

    func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func everyCharacterOfTheRangesIsLeftAsItIsByNFCWhereverItStands() {
        for range in Self.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value) else { continue }
                // Alone, after letters it could combine with, and before a letter.
                for text in ["\(scalar)", "a\(scalar)", "e\(scalar)", "O\(scalar)", "\u{1EA1}\(scalar)x"] {
                    #expect(ReadableText.isNFCByRange(text), "U+\(String(value, radix: 16))")
                    // Foundation's own normaliser, not the ICU one accord uses.
                    #expect(scalars(text.precomposedStringWithCanonicalMapping) == scalars(text),
                            "U+\(String(value, radix: 16)) in \(text.debugDescription)")
                }
            }
        }
    }

    @Test func otherCharactersGoToICU() {
        for text in ["Tie\u{302}\u{301}n", "\u{2000}", "\u{212B}", "ភ្នំពេញ", "e\u{301}", "\u{0344}"] {
            #expect(!ReadableText.isNFCByRange(text), "\(text.debugDescription)")
        }
        #expect(scalars(ReadableText.nfc("Tie\u{302}\u{301}n")) == scalars("Tiến"))
        #expect(scalars(ReadableText.nfc("ភ្នំពេញ")) == scalars("ភ្នំពេញ"))
    }

    @Test func recordFilesComeOutInNFCWhateverTheirBytes() throws {
        let precomposed = "note: \"Báo cáo tiến độ\"\n"
        let decomposed = precomposed.decomposedStringWithCanonicalMapping
        #expect(scalars(decomposed) != scalars(precomposed))
        for bytes in [Data(precomposed.utf8), Data(decomposed.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(decomposed.utf8),
                      Data(decomposed.replacingOccurrences(of: "\n", with: "\r\n").utf8)] {
            let text = try SourceText.decode(bytes, file: "x.yaml").get()
            #expect(scalars(text) == scalars(precomposed))
        }
        let broken = Data("note: \"Báo\"\n".utf8) + Data([0xC3, 0x28, 0x0A])
        #expect(throws: Diagnostic.self) { try SourceText.decode(broken, file: "x.yaml").get() }
        if case .failure(let problem) = SourceText.decode(broken, file: "x.yaml") {
            #expect(problem.description == "x.yaml:2: the file is not UTF-8 text (byte 14)")
        }
    }
}
