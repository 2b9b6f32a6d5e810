@testable import AccordReports
import Testing

/// Long texts in a summary's tables are cut on a word with an ellipsis, and the tag of an
/// untranslated text (` [en]`) is kept after the cut.
@Suite struct SummaryLayoutTests {
    @Test func aTagIsKeptAfterTheCut() {
        let long = String(repeating: "Tiêu đề dài ", count: 10) + "[en]"
        let cut = SummaryLayout.short(long, 30)
        #expect(cut.hasSuffix("… [en]"))
        #expect(cut.count <= 30 + " [en]".count + 1)
        #expect(SummaryLayout.short("Title [vi]", 80) == "Title [vi]")
        #expect(SummaryLayout.short(String(repeating: "word ", count: 30) + "[VI]", 20).hasSuffix("…"))
    }

    nonisolated(unsafe) static let pattern = try! Regex(#" \[[a-z]{2}\]$"#)

    /// The tag as the pattern ` \[[a-z]{2}\]$` finds it, character by character.
    static func byPattern(_ text: String, _ limit: Int) -> String {
        if let tag = text.firstMatch(of: pattern) {
            return byPattern(String(text[..<tag.range.lowerBound]), limit) + text[tag.range]
        }
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + "…"
    }

    @Test func theTagIsFoundAsThePatternFindsIt() {
        // Every text of up to three pieces near a tag's shape: spaces, brackets, letters of
        // either case, a digit, a precomposed and a combining accent, Khmer, a newline.
        let pieces = [" ", "[", "]", " [", "vi]", "En]", "a", "E", "1", "é", "e\u{301}", "\u{301}", "ក", "\n", " [en]", "[km]"]
        var texts = [""], longest = [""]
        for _ in 1...3 {
            longest = longest.flatMap { text in pieces.map { text + $0 } }
            texts += longest
        }
        for text in texts {
            for limit in [2, 5, 80] {
                #expect(SummaryLayout.short(text, limit) == Self.byPattern(text, limit), "\(text.debugDescription) at \(limit)")
            }
        }
    }
}
