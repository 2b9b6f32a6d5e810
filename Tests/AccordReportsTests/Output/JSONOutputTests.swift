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

    private struct Entry: Encodable {
        let name: String
        let tags: [String]
        let note: String?
        let counts: [String: Int]
    }

    private struct Listing: Encodable {
        let entries: [Entry]
        let id: String?
        let marks: [String]
    }

    private struct Others: Encodable {
        let id: String?
        let marks: [String]
    }

    /// A document written one list element at a time is the document rendered whole, byte
    /// for byte: with empty lists and objects inside elements, absent keys, an empty list,
    /// and a list whose key does not sort first (then rendered whole).
    @Test func aListWrittenInPiecesIsTheRenderedDocument() throws {
        let entries = (0..<2_000).map { number in
            Entry(name: "ev-\(number) \"quoted\" / Hà Nội", tags: number.isMultiple(of: 2) ? [] : ["a", "b"],
                  note: number.isMultiple(of: 5) ? nil : "line\nbreak", counts: number.isMultiple(of: 3) ? [:] : ["x": number])
        }
        for (list, id, marks) in [(entries, "plan-01", ["illustrative"]), (entries, nil, []), ([], "x", [])] {
            var pieces: [String] = []
            try JSONOutput.write(Listing(entries: list, id: id, marks: marks), listing: list, as: "entries",
                                 beside: Others(id: id, marks: marks)) { pieces.append($0) }
            #expect(pieces.joined() == (try JSONOutput.render(Listing(entries: list, id: id, marks: marks))))
            #expect(list.isEmpty || pieces.count > 1)
        }
        // `zebra` sorts after `id`: the document is rendered whole.
        var pieces: [String] = []
        try JSONOutput.write(Listing(entries: entries, id: "x", marks: []), listing: entries, as: "zebra",
                             beside: Others(id: "x", marks: [])) { pieces.append($0) }
        #expect(pieces == [try JSONOutput.render(Listing(entries: entries, id: "x", marks: []))])
    }
}
