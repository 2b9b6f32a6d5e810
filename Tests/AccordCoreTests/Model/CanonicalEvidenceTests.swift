import Foundation
import Testing
@testable import AccordCore

/// Flat evidence in the layout accord writes is read by a reader of its own; it must give
/// exactly what the general reader gives, and leave every other text to it.
@Suite struct CanonicalEvidenceTests {
    let check = CanonicalReaderCheck(file: "Evidence/2019/x.yaml", decode: Evidence.init(yaml:),
                                     canonical: { Evidence.readCanonical($0, file: $1) })

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
        let direct = check.readDirectly(Self.written)
        #expect(direct == Self.written.count, "\(direct) of \(Self.written.count)")
        let plain = "id: ev-1\nkind: media\ntitle: A photo\ndate: 2019-03-10\n"
        #expect(check.direct(plain)?.value?.title == "A photo")
        #expect(check.direct(plain + "supports: [plan-08#1.1, \"plan-08#1.2\"]\n")?.value?.supports.map(\.description)
                == ["plan-08#1.1", "plan-08#1.2"])
    }

    static let base = "id: ev-1\nkind: statistics\ntitle: Return\ndate: 2019-03-10\nparty: KH\nsource: Provincial office\n"
        + "url: https://example.org/r\nillustrative: true\nsensitivity: public\nsupports: [plan-08#1.16]\nnote: ok\n"

    static func replacing(_ old: String, _ new: String) -> String { base.replacingOccurrences(of: old, with: new) }

    /// Texts the general reader reads fine but not in the flat written layout: left to it.
    static let otherLayouts: [String] = [
        replacing("[plan-08#1.16]", "[plan-08#1.16,plan-08#1.17]"),
        replacing("source: Provincial office", "source: ~"),
        replacing("note: ok\n", "values:\n  - indicator: cases\n    value: 139\n"),
        replacing("note: ok\n", "attachment:\n  name: a.pdf\n  blob: \(String(repeating: "a", count: 40))\n  size: 10\n"),
    ]

    /// Texts with a problem the general reader names: each field given values its check
    /// refuses, and the title left out.
    static let broken = CanonicalReaderCheck<Evidence>.refusing([
        "id": ["EV-1"], "kind": ["rumour"], "date": ["2019-02-30", "10/03/2019"], "party": ["kh"],
        "title": ["\" \"", "\"\\u3000\""], "source": ["\"\\t\""], "url": ["example.org/r", "\"https://example.org/a b\""],
        "illustrative": ["yes"], "sensitivity": ["secret"], "supports": ["[plan-08]"],
    ], in: base) + [replacing("title: Return\n", "")]

    @Test func everyOtherTextIsLeftToTheGeneralReader() {
        let fine = [Self.replacing("title: Return", "title: \"tab\\there\""),
                    Self.replacing("date: 2019-03-10", "date: \"2019\""),
                    Self.replacing("supports: [plan-08#1.16]", "supports: []")]
        // `illustrative: false` is read directly: it is what leaving the field out means.
        check.expectLeftToTheGeneralReader(base: Self.base, list: "supports",
                                           fine: fine + [Self.replacing("illustrative: true", "illustrative: false")],
                                           otherLayouts: Self.otherLayouts, broken: Self.broken)
    }
}
