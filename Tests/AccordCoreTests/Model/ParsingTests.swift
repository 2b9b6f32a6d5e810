import AccordCore
import Foundation
import Testing

@Suite struct ParsingTests {
    let file = "Agreements/tip-2005/instrument.yaml"

    func parse(_ text: String) -> ParsedFile<Instrument> {
        Instrument.parse(Data(text.utf8), file: file)
    }

    @Test func anImpossibleDateNamesFileLineAndField() {
        let text = TrackerFixture.instrument.replacingOccurrences(of: "due: 2007-01-31", with: "due: 2019-02-30")
        let result = parse(text)
        #expect(result.diagnostics.map(\.description)
            == ["\(file):23: commitments[2].due: 2019-02-30 is not a date"])
    }

    @Test func everyProblemOfAFileIsReported() {
        let text = TrackerFixture.instrument
            .replacingOccurrences(of: "kind: agreement", with: "kind: pact")
            .replacingOccurrences(of: "parties: [VN, KH]", with: "parties: [VN, kh]")
            .replacingOccurrences(of: "every-months: 12\n  - id: \"5.1\"", with: "every-months: twelve\n  - id: \"5.1\"")
            .replacingOccurrences(of: "    bound: VN", with: "    bound: VN\n    colour: red")
        let problems = parse(text).diagnostics.map(\.description)
        #expect(problems == [
            "\(file):2: kind: pact is not one of: agreement, treaty, memorandum, procedure, plan, other",
            "\(file):5: parties[2]: kh is not a party code (two capital letters, such as VN)",
            "\(file):24: commitments[2].every-months: twelve is not a whole number",
            "\(file):28: commitments[3].colour: unknown field",
        ])
    }

    @Test func missingRequiredFieldsAreNamed() {
        let text = TrackerFixture.instrument.replacingOccurrences(of: "status: in-force\n", with: "")
            .replacingOccurrences(of: "    summary: Investigate cases.\n", with: "")
        let problems = parse(text).diagnostics.sorted().map(\.description)
        #expect(problems == [
            "\(file):1: status: is required",
            "\(file):24: commitments[3].summary: is required",
        ])
    }

    @Test func yamlSyntaxErrorsNameTheLine() {
        let result = parse("id: tip-2005\ntitle: [unclosed\nkind: agreement\n")
        #expect(result.value == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].file == file)
        #expect(result.diagnostics[0].message.hasPrefix("YAML syntax"))
    }

    @Test func aByteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}" + TrackerFixture.instrument.replacingOccurrences(of: "\n", with: "\r\n")
        let plain = try #require(parse(TrackerFixture.instrument).value)
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.value == plain)
    }

    @Test func bytesThatAreNotUTF8AreAProblemOnTheirLine() {
        var data = Data("id: tip-2005\nkind: agreement\ntitle:\n  en: Agr".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(contentsOf: Array("\n".utf8))
        let result = Instrument.parse(data, file: file)
        #expect(result.diagnostics.map(\.description) == ["\(file):4: the file is not UTF-8 text (byte 46)"])
    }

    @Test func textIsNormalisedToNFC() throws {
        let decomposed = "Vie\u{0323}\u{0302}t Nam"  // ệ written as e + dot below + circumflex
        let text = TrackerFixture.instrument.replacingOccurrences(
            of: "en: Agreement against trafficking", with: "vi: \(decomposed)")
        let instrument = try #require(parse(text).value)
        #expect(instrument.title["vi"] == "Việt Nam")
        #expect(instrument.title["vi"]?.unicodeScalars.count == 8)
    }

    @Test func idsStayTextWhateverYAMLWouldMakeOfThem() throws {
        let text = TrackerFixture.instrument.replacingOccurrences(of: "\"4.1\"", with: "4.10")
        let instrument = try #require(parse(text).value)
        #expect(instrument.commitments[0].id == "4.10")
    }

    @Test func aRecurrenceNeedsADueDate() {
        let text = TrackerFixture.instrument.replacingOccurrences(
            of: "    bound: VN", with: "    bound: VN\n    every-months: 6")
        #expect(parse(text).diagnostics.map(\.description)
            == ["\(file):25: commitments[3]: every-months and until need a due date"])
    }

    @Test func notApplicableNeedsANote() {
        let (path, text) = TrackerFixture.report("sr-1", target: "tip-2005#4.1", status: "not-applicable",
                                                 date: "2017-01-01", party: "VN")
        let result = StatusReport.parse(Data(text.utf8), file: path)
        #expect(result.diagnostics.map(\.description)
            == ["\(path):3: note: a not-applicable status needs a note saying why"])
    }
}
