import AccordReports
import Foundation
import Testing

@Suite struct TerminalStyleTests {
    private func colour(_ choice: ColourChoice, _ environment: [String: String], terminal: Bool) -> Bool {
        TerminalStyle(choice: choice, environment: environment, toTerminal: terminal).colour
    }

    /// The documented order: an explicit choice, then NO_COLOR, then FORCE_COLOR or
    /// CLICOLOR_FORCE, then whether the text goes to a terminal that is not dumb.
    @Test func decidesInTheDocumentedOrder() {
        #expect(colour(.always, ["NO_COLOR": "1"], terminal: false))
        #expect(!colour(.never, ["FORCE_COLOR": "1"], terminal: true))
        #expect(!colour(.auto, ["NO_COLOR": "1", "FORCE_COLOR": "1"], terminal: true))
        #expect(colour(.auto, ["FORCE_COLOR": "1"], terminal: false))
        #expect(colour(.auto, ["CLICOLOR_FORCE": "1"], terminal: false))
        #expect(!colour(.auto, ["FORCE_COLOR": "0"], terminal: false))
        #expect(colour(.auto, ["NO_COLOR": ""], terminal: true))  // empty is unset
        #expect(!colour(.auto, ["TERM": "dumb"], terminal: true))
        #expect(colour(.auto, [:], terminal: true))
        #expect(!colour(.auto, [:], terminal: false))
    }

    @Test func readsGitsSpellings() {
        #expect(ColourChoice(setting: "Always") == .always)
        #expect(ColourChoice(setting: "true") == .always)
        #expect(ColourChoice(setting: "off") == .never)
        #expect(ColourChoice(setting: "auto") == .auto)
        #expect(ColourChoice(setting: "sometimes") == nil)
    }

    /// Every report printed with --json carries the schema's version beside its own keys.
    @Test func jsonReportsCarryTheVersion() throws {
        struct Report: Encodable { let id: String; let count: Int }
        let text = try JSONOutput.render(Report(id: "tip-2005", count: 2))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == JSONOutput.version)
        #expect(object["id"] as? String == "tip-2005")
        #expect(!(try JSONOutput.encode(Report(id: "x", count: 1))).contains("version"))
    }
}
