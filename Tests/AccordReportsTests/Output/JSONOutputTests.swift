import AccordReports
import Testing

@Suite struct JSONOutputTests {
    private struct Report: Encodable {
        let name: String
    }

    @Test func aReportGetsItsVersionBesideItsKeys() throws {
        let text = try JSONOutput.render(Report(name: "a"))
        #expect(text == "{\n  \"name\" : \"a\",\n  \"version\" : 1\n}\n")
    }

    /// A top-level list once stopped the process (JSONEncoder cannot add a key to a list).
    @Test func aListGoesUnderItemsBesideTheVersion() throws {
        #expect(try JSONOutput.render([Report(name: "a")])
                == "{\n  \"items\" : [\n    {\n      \"name\" : \"a\"\n    }\n  ],\n  \"version\" : 1\n}\n")
        #expect(try JSONOutput.render(Set([3])) == "{\n  \"items\" : [\n    3\n  ],\n  \"version\" : 1\n}\n")
        let empty = try JSONOutput.render([String]())
        #expect(empty.hasPrefix("{\n  \"items\" : [") && empty.hasSuffix("],\n  \"version\" : 1\n}\n"))
    }

    @Test func aDictionaryIsAnObjectAsBefore() throws {
        let text = try JSONOutput.render(["remotes": ["origin"]])
        #expect(text == "{\n  \"remotes\" : [\n    \"origin\"\n  ],\n  \"version\" : 1\n}\n")
    }
}
