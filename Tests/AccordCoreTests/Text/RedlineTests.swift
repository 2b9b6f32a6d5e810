import Foundation
import Testing
@testable import AccordCore

@Suite struct RedlineTests {
    @Test func englishRedlineShowsChangedWords() {
        let redline = Redline(
            from: "The focal agencies meet at least once a year, alternating the host.",
            to: "The focal agencies meet at least twice a year, alternating the host country.")
        #expect(redline.segments == [
            .equal("The focal agencies meet at least "),
            .deleted("once"), .inserted("twice"),
            .equal(" a year, alternating the host"),
            .inserted(" country"),
            .equal("."),
        ])
        #expect(redline.wordsAdded == 2)
        #expect(redline.wordsRemoved == 1)
    }

    @Test func aReplacedPhraseReadsAsOneDeletionAndOneInsertion() {
        let redline = Redline(from: "Each party designates a focal agency.", to: "Each party appoints one lead ministry.")
        #expect(redline.segments == [
            .equal("Each party "),
            .deleted("designates a focal agency"), .inserted("appoints one lead ministry"),
            .equal("."),
        ])
    }

    @Test func vietnameseDecomposedTextEqualsPrecomposedButForTheChangedDiacritic() throws {
        let precomposed = "Các bên hợp tác phòng, chống mua bán người."
        // The same sentence stored decomposed (NFD), with "bán" changed to "bàn".
        let decomposed = "Ca\u{301}c be\u{302}n ho\u{31B}\u{323}p ta\u{301}c pho\u{300}ng, cho\u{302}\u{301}ng mua ba\u{300}n ngu\u{31B}o\u{31B}\u{300}i."
        #expect(Array(decomposed.utf8) != Array(precomposed.utf8))
        let old = try TextFixtures.parse("## Điều 1.\n\n\(precomposed)\n", file: "text.vi.md")
        let new = try TextFixtures.parse("## Điều 1.\n\n\(decomposed)\n", file: "text.vi.md")
        let diff = InstrumentDiff(old: old, new: new)
        let change = try #require(diff.articles.first)
        #expect(change.kind == .modified)
        #expect(change.lead.segments == [
            .equal("Các bên hợp tác phòng, chống mua "),
            .deleted("bán"), .inserted("bàn"),
            .equal(" người."),
        ])
        // Output is NFC: the inserted word is precomposed.
        #expect(Array(change.lead.newText.unicodeScalars) == Array("Các bên hợp tác phòng, chống mua bàn người.".unicodeScalars))
    }

    @Test func khmerRedlineShowsTheOneWordChangedInsideARunWithoutSpaces() {
        // "The two parties cooperate to prevent trafficking in persons."
        let redline = Redline(
            from: "ភាគីទាំងពីរសហការគ្នាដើម្បីទប់ស្កាត់ការជួញដូរមនុស្ស។",
            to: "ភាគីទាំងពីរសហការគ្នាដើម្បីបង្ក្រាបការជួញដូរមនុស្ស។")
        #expect(redline.segments == [
            .equal("ភាគីទាំងពីរសហការគ្នាដើម្បី"),
            .deleted("ទប់ស្កាត់"), .inserted("បង្ក្រាប"),
            .equal("ការជួញដូរមនុស្ស។"),
        ])
        #expect(redline.wordsAdded == 1 && redline.wordsRemoved == 1)
    }

    @Test func tokensNeverSplitAGraphemeCluster() {
        let text = "ភាគីទាំងពីរ e\u{301}te\u{301} 👩🏽‍⚖️ hợp tác"
        let tokens = WordSegmenter.tokens(text)
        #expect(tokens.map(\.text).joined() == text)
        for token in tokens {
            #expect(token.text.unicodeScalars.first.map { !$0.properties.isGraphemeExtend } ?? true)
        }
        #expect(tokens.contains { $0.text == "👩🏽‍⚖️" })
        #expect(tokens.contains(TextToken("e\u{301}te\u{301}", kind: .word)))
    }

    /// Break iterators are reused across calls and threads: texts segmented from many tasks
    /// at once come out as they do one at a time, in every script and on both paths (text
    /// whose scalars are each a character, and text with combining marks).
    @Test func segmentingFromManyTasksAtOnceGivesTheSameTokens() async {
        let texts = [
            "Die Vertragsparteien übermitteln einander die Änderungen des Gesetzes.",
            "Hai Bên phối hợp phòng, chống mua bán người; Tòa án xét xử.",
            "ភាគីទាំងពីរសហការគ្នាដើម្បីបង្ក្រាបការជួញដូរមនុស្ស។",
            "e\u{301}te\u{301} 👩🏽‍⚖️ (1) Article 8 bis",
        ]
        let expected = texts.map { WordSegmenter.tokens($0) }
        let results = await withTaskGroup(of: (Int, [TextToken]).self) { group in
            for round in 0..<64 {
                group.addTask { (round % texts.count, WordSegmenter.tokens(texts[round % texts.count])) }
            }
            return await group.reduce(into: [(Int, [TextToken])]()) { $0.append($1) }
        }
        for (index, tokens) in results { #expect(tokens == expected[index]) }
        #expect(expected[0].filter { $0.kind == .word }.map(\.text).prefix(3) == ["Die", "Vertragsparteien", "übermitteln"])
        #expect(expected.enumerated().allSatisfy { $1.map(\.text).joined() == texts[$0] })
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func equalAndDeletedGiveTheOldTextAndEqualAndInsertedTheNew(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<40 {
            let old = TextFixtures.sentence(Int(random.next() % 40), &random)
            let new = RandomEdits.edit(old, &random)
            let redline = Redline(from: old, to: new)
            #expect(redline.oldText == old)
            #expect(redline.newText == new)
            #expect(redline.isChanged == (old != new))
        }
    }

    /// Old- and new-style tone placement (`Tòa`/`Toà`) is one word respelled: shown, not
    /// counted, and it does not break the phrase around it.
    @Test func vietnameseTonePlacementIsShownAsARespellingNotAChangedWord() {
        let redline = Redline(from: "Tòa án nhân dân tối cao xét xử", to: "Toà án nhân dân tối cao xét xử")
        #expect(redline.segments == [.deleted("Tòa"), .inserted("Toà"), .equal(" án nhân dân tối cao xét xử")])
        #expect(redline.wordsAdded == 0 && redline.wordsRemoved == 0)
        #expect(redline.oldText == "Tòa án nhân dân tối cao xét xử")
        #expect(redline.newText == "Toà án nhân dân tối cao xét xử")
        let spanish = Redline(from: "El texto público", to: "El texto publicó")
        #expect(spanish.wordsAdded == 1 && spanish.wordsRemoved == 1)
    }
}

/// Random word-level edits of a text, for property tests.
enum RandomEdits {
    static func edit(_ text: String, _ random: inout SplitMix64) -> String {
        var words = text.split(separator: " ").map(String.init)
        for _ in 0..<Int(random.next() % 6) {
            let position = words.isEmpty ? 0 : Int(random.next() % UInt64(words.count))
            let word = TextFixtures.vocabulary[Int(random.next() % UInt64(TextFixtures.vocabulary.count))]
            switch random.next() % 3 {
            case 0: words.insert(word, at: position)
            case 1 where !words.isEmpty: words.remove(at: position)
            default: if !words.isEmpty { words[position] = word }
            }
        }
        return words.joined(separator: " ")
    }
}
