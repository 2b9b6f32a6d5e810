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

/// White space is collapsed on the bytes wherever the character reading would give the same
/// line; the byte reading must hold that promise for every scalar it judges.
@Suite struct CollapsingTests {
    /// The line as the byte reading gives it, or nil when it leaves the line to characters.
    func byScalars(_ line: String) -> String? {
        switch ReadableText.collapsedByScalars(line) {
        case .unchanged: line
        case .collapsed(let text): text
        case .unknown: nil
        }
    }

    @Test func everyScalarJudgedCollapsesAsCharactersDo() {
        var judged = 0
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value), ReadableText.scalarKind(value) != .other || value < 0x80 else { continue }
            judged += 1
            for line in ["\(scalar)", " \(scalar)", "\(scalar) ", "a \(scalar) b", "a\(scalar)b", "\t\(scalar)\u{A0}x",
                         "ក \(scalar)", "\(scalar)\u{17B6} x", "x  \(scalar)\u{200B}y", "\r\n\(scalar)\r\n"] {
                let characters = ReadableText.collapsedByCharacters(line)
                if let bytes = byScalars(line) {
                    #expect(bytes == characters, "U+\(String(value, radix: 16)) in \(line.debugDescription)")
                }
                #expect(ReadableText.collapsed(line) == characters, "U+\(String(value, radix: 16)) in \(line.debugDescription)")
            }
        }
        #expect(judged > 1_000)
    }

    @Test func linesOfTheThreeLanguagesAreReadOnTheirBytes() {
        let lines = [
            ("  Article 7.   Purpose  ", "Article 7. Purpose"),
            ("Điều 7.\tMục đích\u{A0}của  Hiệp định", "Điều 7. Mục đích của Hiệp định"),
            ("មាត្រា ៧ \u{200B}គោលបំណង", "មាត្រា ៧ គោលបំណង"),
            ("already one space", "already one space"),
            ("“quoted” — dash…", "“quoted” — dash…"),
        ]
        for (line, expected) in lines {
            #expect(byScalars(line) == expected, "\(line.debugDescription)")
            #expect(ReadableText.collapsedByCharacters(line) == expected)
        }
        #expect(ReadableText.collapsedByScalars("already one space") == .unchanged)
    }

    @Test func aMarkAfterWhiteSpaceOrAnUnknownScalarIsLeftToCharacters() {
        // The space and the vowel sign are one character, which is white space: the sign
        // goes with the space.
        let line = "ក \u{17B6}ខ"
        #expect(ReadableText.collapsedByScalars(line) == .unknown)
        #expect(ReadableText.collapsed(line) == "ក ខ")
        for other in ["a \u{301}b", "日本", "😀 x", "\u{600} x"] {
            #expect(ReadableText.collapsedByScalars(other) == .unknown, "\(other.debugDescription)")
            #expect(ReadableText.collapsed(other) == ReadableText.collapsedByCharacters(other))
        }
    }
}
