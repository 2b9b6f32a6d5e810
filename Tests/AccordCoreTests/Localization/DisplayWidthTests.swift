import AccordCore
import Testing

/// Terminal cells, as terminals advance the cursor.
struct DisplayWidthTests {
    @Test func latinVietnameseAndMarks() {
        #expect(DisplayWidth.of("status") == 6)
        #expect(DisplayWidth.of("Đà Nẵng") == 7)
        // Decomposed: the combining marks take no cell.
        #expect(DisplayWidth.of("Đa\u{300} Na\u{306}\u{303}ng") == 7)
        #expect(DisplayWidth.of("\u{1B}[1mbold\u{1B}[0m") == 4)
    }

    @Test func khmerSignsAndSubscriptsTakeNoCellOfTheirOwn() {
        // ក (1) + ា (spacing vowel, 1): 2; ្ (coeng) 0 and the subscript consonant 1.
        #expect(DisplayWidth.of("កា") == 2)
        #expect(DisplayWidth.of("ន្ត") == 2)
        // ំ is non-spacing, េ spacing: ភ្នំពេញ is ភ ្ ន ំ ព េ ញ → 1+0+1+0+1+1+1.
        #expect(DisplayWidth.of("ភ្នំពេញ") == 5)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func wideCharactersAndEmoji() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("👩‍⚖️") == 2)
        #expect(DisplayWidth.pad("中", to: 4) == "中  ")
        #expect(DisplayWidth.pad("ab", to: 4, leading: true) == "  ab")
    }

    /// A text takes the cells of its clusters, whether it is counted code point by code
    /// point (no emoji sequence) or cluster by cluster.
    @Test func aTextTakesTheCellsOfItsClusters() {
        for text in ["Đà Nẵng", "ភ្នំពេញ ឆ្នាំ ២០១៩", "中文 and 한국어", "Ba\u{301}o ca\u{301}o", "a\u{AD}b", "👍 ok", "👩‍⚖️ x", "❤️ ok"] {
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
        }
        #expect(DisplayWidth.of("\u{1B}[1mKH\u{1B}[0m បានរាយការណ៍") == DisplayWidth.of("KH បានរាយការណ៍"))
    }
}
