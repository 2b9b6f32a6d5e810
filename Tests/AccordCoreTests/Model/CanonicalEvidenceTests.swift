import Foundation
import Testing
@testable import AccordCore

/// Flat evidence in the layout accord writes is read by a reader of its own; it must give
/// exactly what the general reader gives, and leave every other text to it.
@Suite struct CanonicalEvidenceTests {
    static let file = "Evidence/2019/x.yaml"

    func general(_ text: String) -> ParsedFile<Evidence> {
        YAMLReader.parse(Data(text.utf8), file: Self.file, decode: Evidence.init(yaml:))
    }

    func direct(_ text: String) -> ParsedFile<Evidence>? {
        guard case .success(let decoded) = SourceText.decode(Data(text.utf8), file: Self.file) else { return nil }
        return Evidence.readCanonical(decoded, file: Self.file)
    }

    func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = general(text)
        guard let found = direct(text) else { return }
        #expect(found.value == expected.value, "\(text)", sourceLocation: sourceLocation)
        #expect(found.diagnostics == expected.diagnostics, "\(text)", sourceLocation: sourceLocation)
        #expect(found.lines == expected.lines, "\(text)", sourceLocation: sourceLocation)
        #expect(found.elementPaths == expected.elementPaths, "\(text)", sourceLocation: sourceLocation)
        #expect(found.file == expected.file, sourceLocation: sourceLocation)
    }

    /// Evidence with the optional fields in many combinations, as accord writes it.
    static let written: [String] = {
        let titles = ["Quarterly return", "Biên bản họp liên ngành", "ឯកសារណែនាំ", "Đề án 2019: phase \"two\"", "a: b", "- dash", "null"]
        let dates = ["2019-03-10", "2019-03", "2019"]
        let optional: [(recorded: String?, party: String?, source: String?, url: String?, illustrative: Bool)] = [
            (nil, nil, nil, nil, false), ("2019-04-01", "VN", "Ministry of Public Security", "https://example.gov.vn/a?b=1", true),
            (nil, "KH", "ក្រសួងមហាផ្ទៃ", nil, false), ("2019-04", nil, nil, "http://example.org/x", false),
        ]
        let supports: [[String]] = [[], ["plan-08#1.16"], ["tip-2005#7.2", "plan-08#6.2", "plan-08#6.3"]]
        let notes: [String?] = [nil, "Seen at the border post.", "line one\nline two", "", "ភ្នំពេញ", "say \"no\"\\ then\ttab"]
        var texts: [String] = []
        for (index, kind) in Evidence.Kind.allCases.enumerated() {
            for title in titles {
                for date in dates {
                    for (position, extra) in optional.enumerated() {
                        for ids in supports {
                            let note = notes[(index + position + ids.count) % notes.count]
                            let sensitivity = Evidence.Sensitivity.allCases[(index + position) % Evidence.Sensitivity.allCases.count]
                            let evidence = Evidence(
                                id: RecordID("ev-2019-03-10-\(index)")!, kind: kind, title: title, date: CalendarDate(written: date)!,
                                recorded: extra.recorded.flatMap { CalendarDate(written: $0) }, party: extra.party.flatMap { PartyCode($0) },
                                source: extra.source, url: extra.url, sensitivity: sensitivity,
                                supports: ids.map { QualifiedID($0)! }, note: note, illustrative: extra.illustrative)
                            texts.append(evidence.yamlText())
                        }
                    }
                }
            }
        }
        return texts
    }()

    @Test func evidenceAsWrittenIsReadDirectlyAndAlike() {
        var direct = 0
        for text in Self.written {
            expectSame(text)
            if self.direct(text) != nil { direct += 1 }
        }
        #expect(direct == Self.written.count, "\(direct) of \(Self.written.count)")
        let plain = "id: ev-1\nkind: media\ntitle: A photo\ndate: 2019-03-10\n"
        #expect(self.direct(plain)?.value?.title == "A photo")
        #expect(self.direct(plain + "supports: [plan-08#1.1, \"plan-08#1.2\"]\n")?.value?.supports.map(\.description)
                == ["plan-08#1.1", "plan-08#1.2"])
    }

    static let base = "id: ev-1\nkind: statistics\ntitle: Return\ndate: 2019-03-10\nparty: KH\nsource: Provincial office\n"
        + "url: https://example.org/r\nillustrative: true\nsensitivity: public\nsupports: [plan-08#1.16]\nnote: ok\n"

    static func replacing(_ old: String, _ new: String) -> String { base.replacingOccurrences(of: old, with: new) }

    /// Texts the general reader reads fine but not in the flat written layout: left to it.
    static let otherLayouts: [String] = [
        replacing("id: ev-1\nkind: statistics\n", "kind: statistics\nid: ev-1\n"),
        replacing("id: ev-1", "id: \"ev-1\""),
        replacing("[plan-08#1.16]", "[plan-08#1.16,plan-08#1.17]"),
        replacing("supports: [plan-08#1.16]", "supports:\n  - plan-08#1.16"),
        replacing("note: ok", "note: null"),
        replacing("note: ok", "note:"),
        replacing("source: Provincial office", "source: ~"),
        replacing("note: ok\n", "values:\n  - indicator: cases\n    value: 139\n"),
        replacing("note: ok\n", "attachment:\n  name: a.pdf\n  blob: \(String(repeating: "a", count: 40))\n  size: 10\n"),
        replacing("illustrative: true", "illustrative: false"),
        base + "# comment\n",
        "---\n" + base,
    ]

    /// Texts with a problem the general reader names.
    static let broken: [String] = [
        base + "note: again\n", base + "colour: blue\n",
        replacing("id: ev-1", "id: EV-1"),
        replacing("kind: statistics", "kind: rumour"),
        replacing("date: 2019-03-10", "date: 2019-02-30"),
        replacing("date: 2019-03-10", "date: 10/03/2019"),
        replacing("party: KH", "party: kh"),
        replacing("title: Return", "title: \" \""),
        replacing("title: Return", "title: \"\\u3000\""),
        replacing("source: Provincial office", "source: \"\\t\""),
        replacing("url: https://example.org/r", "url: example.org/r"),
        replacing("url: https://example.org/r", "url: \"https://example.org/a b\""),
        replacing("illustrative: true", "illustrative: yes"),
        replacing("sensitivity: public", "sensitivity: secret"),
        replacing("[plan-08#1.16]", "[plan-08]"),
        replacing("title: Return\n", ""),
        replacing("note: ok", "note: \"ok"),
        " " + base,
    ]

    @Test func everyOtherTextIsLeftToTheGeneralReader() {
        let fine = [Self.base, Self.replacing("note: ok", "note: a # b"), Self.replacing("title: Return", "title: \"tab\\there\""),
                    Self.replacing("\n", "\r\n"), Self.replacing("date: 2019-03-10", "date: \"2019\""),
                    Self.replacing("supports: [plan-08#1.16]", "supports: []")]
        for text in fine + Self.otherLayouts + Self.broken {
            expectSame(text)
        }
        for text in Self.otherLayouts {
            #expect(general(text).diagnostics.isEmpty, "\(text.debugDescription)")
            if !text.contains("illustrative: false") {
                #expect(direct(text) == nil, "read directly: \(text.debugDescription)")
            }
        }
        for text in Self.broken {
            #expect(!general(text).diagnostics.isEmpty, "general reader found no problem: \(text.debugDescription)")
            #expect(direct(text) == nil, "read directly although the general reader refuses it: \(text.debugDescription)")
        }
        #expect(direct(Self.base) != nil)
    }
}
