@testable import AccordReports
import Testing

/// Markdown markers are escaped by scalars: a marker carrying a combining mark is one
/// Character, yet a Markdown renderer reads the marker.
@Suite struct MarkdownEscapingTests {
    @Test func markersCarryingACombiningMarkAreEscaped() {
        #expect(DiffMarkdownRenderer.escaped("*\u{301}bold*") == "\\*\u{301}bold\\*")
        #expect(DiffMarkdownRenderer.escaped("<\u{301}b> [x]\u{300}") == "&lt;\u{301}b> \\[x\\]\u{300}")
        #expect(DiffMarkdownRenderer.inert("<\u{301}script>") == "&lt;\u{301}script>")
    }

    @Test func anAmpersandIsEscapedOnlyWhereItCouldStartAnEntity() {
        #expect(DiffMarkdownRenderer.escaped("One & two, R&D, &#38;") == "One & two, R\\&D, \\&#38;")
        #expect(DiffMarkdownRenderer.escaped("Hà Nội và Phnom Penh") == "Hà Nội và Phnom Penh")
        #expect(DiffMarkdownRenderer.inert("no tags here") == "no tags here")
    }
}
