import AccordReports
import Testing

@Suite struct TerminalTextTests {
    @Test func controlCharactersAreShownNotObeyed() {
        let text = "a\u{1B}]0;title\u{07}b\rc\u{08}d\u{7F}e\u{9B}f\u{202E}g\n\th"
        #expect(TerminalText.visible(text, style: TerminalStyle(colour: false))
            == #"a\u{1B}]0;title\u{7}b\u{D}c\u{8}d\u{7F}e\u{9B}f\u{202E}g"# + "\n\th")
    }

    @Test func accordsOwnColoursPassOnlyWithColourOn() {
        let style = TerminalStyle(colour: true)
        let bold = style.bold("x") + style.deleted("y")
        #expect(TerminalText.visible(bold, style: style) == bold)
        #expect(TerminalText.visible(bold, style: TerminalStyle(colour: false)) == #"\u{1B}[1mx\u{1B}[0m\u{1B}[9;31my\u{1B}[0m"#)
        // Sequences accord never writes stay visible even with colour on.
        #expect(TerminalText.visible("\u{1B}[8mhidden\u{1B}[2J", style: style) == #"\u{1B}[8mhidden\u{1B}[2J"#)
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Việt Nam – ព្រះរាជាណាចក្រកម្ពុជា\u{200D} 100%\n"
        #expect(TerminalText.visible(text, style: TerminalStyle(colour: false)) == text)
    }
}
