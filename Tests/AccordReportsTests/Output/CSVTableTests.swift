import AccordReports
import Testing

@Suite struct CSVTableTests {
    @Test func plainFieldsAreWrittenAsTheyAreAndLinesEndInCRLF() {
        var table = CSVTable(["id", "summary"])
        table.add(["tip-2005#7.2", "Verify a victim's nationality"])
        #expect(table.render() == "id,summary\r\ntip-2005#7.2,Verify a victim's nationality\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVTable.field("Ministry of Labour, Invalids and Social Affairs") == "\"Ministry of Labour, Invalids and Social Affairs\"")
        #expect(CSVTable.field("the \"objects\" of the source") == "\"the \"\"objects\"\" of the source\"")
        #expect(CSVTable.field("first line\nsecond") == "\"first line\nsecond\"")
        #expect(CSVTable.field("first\r\nsecond") == "\"first\r\nsecond\"")
        #expect(CSVTable.field("carriage\rreturn") == "\"carriage\rreturn\"")
        #expect(CSVTable.field("\"") == "\"\"\"\"")
        #expect(CSVTable.field("") == "")
        #expect(CSVTable.field(" spaces stay ") == " spaces stay ")
    }

    @Test func whatASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        #expect(CSVTable.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVTable.field("+1 report") == "'+1 report")
        #expect(CSVTable.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.field("- dissemination only") == "'- dissemination only")
        #expect(CSVTable.field("\tcmd") == "'\tcmd")
        #expect(CSVTable.field("-5") == "-5", "a plain number stays a number")
        #expect(CSVTable.field("2019-03-26") == "2019-03-26")
    }

    @Test func aQuoteCarryingACombiningMarkIsStillDoubled() {
        // U+0022 followed by U+0301 is one Character; the quote must still be escaped.
        #expect(CSVTable.field("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
    }

    @Test func vietnameseAndKhmerTextPassUnchanged() {
        let vietnamese = "Bộ Công an, Việt Nam"
        let khmer = "ក្រសួងមហាផ្ទៃ"
        var table = CSVTable(["vi", "km"])
        table.add([vietnamese, khmer])
        #expect(table.render() == "vi,km\r\n\"Bộ Công an, Việt Nam\",ក្រសួងមហាផ្ទៃ\r\n")
        // Decomposed (NFD) text is not normalised by the writer: bytes in are bytes out.
        let decomposed = "Vie\u{302}\u{323}t"
        #expect(Array(CSVTable.field(decomposed).unicodeScalars) == Array(decomposed.unicodeScalars))
    }

    @Test func everyRowHasAsManyFieldsAsTheHeader() {
        var table = CSVTable(["a", "b", "c"])
        table.add(["1"])
        table.add(["1", "2", "3", "4"])
        #expect(table.render() == "a,b,c\r\n1,,\r\n1,2,3\r\n")
    }

    @Test func listsAndFlags() {
        #expect(CSVTable.list(["tip-2005#7.1", "tip-2005#7.2"]) == "tip-2005#7.1; tip-2005#7.2")
        #expect(CSVTable.flag(true) == "true" && CSVTable.flag(false) == "false")
    }
}
