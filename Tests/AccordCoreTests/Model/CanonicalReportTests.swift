import Foundation
import Testing
@testable import AccordCore

/// Status reports in the layout accord writes are read by a reader of their own; it must
/// give exactly what the general reader gives, and leave every other text to it.
@Suite struct CanonicalReportTests {
    /// What the general reader makes of `text`.
    func general(_ text: String) -> ParsedFile<StatusReport> {
        YAMLReader.parse(Data(text.utf8), file: "Events/2019/03/x.yaml", decode: StatusReport.init(yaml:))
    }

    func direct(_ text: String) -> ParsedFile<StatusReport>? {
        guard case .success(let decoded) = SourceText.decode(Data(text.utf8), file: "Events/2019/03/x.yaml") else { return nil }
        return StatusReport.readCanonical(decoded, file: "Events/2019/03/x.yaml")
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

    /// Reports with every combination of the optional fields, as accord writes them.
    static let written: [String] = {
        let reporters: [String?] = [nil, "Officer 43 <officer43@example.gov.vn>", "Nguyễn Văn An", "a: b", "#1 desk", "- dash"]
        let notes: [String?] = [nil, "Báo cáo tiến độ 41143: work in-progress in province 5.", "say \"no\"\\ then\ttab",
                                "line one\nline two", "null", "ភ្នំពេញ", "", "  "]
        let evidence: [[String]] = [[], ["ev-2019-03-02-6c5"], ["ev-a", "ev-b", "ev-c"]]
        var texts: [String] = []
        for (index, status) in Status.allCases.enumerated() {
            for reporter in reporters {
                for note in notes {
                    for ids in evidence {
                        let report = StatusReport(
                            id: RecordID("sr-2019-03-10-vn-\(index)")!, target: QualifiedID("plan-08#6.2")!, status: status,
                            date: CalendarDate("2019-03-10")!, party: PartyCode("VN")!, reporter: reporter, note: note,
                            evidence: ids.map { RecordID($0)! })
                        texts.append(report.yamlText())
                    }
                }
            }
        }
        return texts
    }()

    @Test func reportsAsWrittenAreReadDirectlyAndAlike() {
        var direct = 0
        for text in Self.written {
            expectSame(text)
            if self.direct(text) != nil { direct += 1 }
        }
        // Only the blank notes on not-applicable reports, which the general reader refuses,
        // are left to it.
        #expect(direct > Self.written.count * 9 / 10, "\(direct) of \(Self.written.count)")
        let plain = "id: sr-1\ntarget: plan-08#6.2\nstatus: partial\ndate: 2019-03-10\nparty: VN\n"
        #expect(self.direct(plain) != nil)
        #expect(self.direct(plain + "evidence: [ev-1, ev-2]\n")?.value?.evidence.map(\.rawValue) == ["ev-1", "ev-2"])
    }

    static let base = "id: sr-1\ntarget: plan-08#6.2\nstatus: partial\ndate: 2019-03-10\nparty: VN\nreporter: A <a@x>\nnote: ok\nevidence: [ev-1]\n"

    static func replacing(_ old: String, _ new: String) -> String { base.replacingOccurrences(of: old, with: new) }

    /// Texts the general reader reads fine but not in the written layout: left to it.
    static let otherLayouts: [String] = [
        replacing("id: sr-1\ntarget: plan-08#6.2\n", "target: plan-08#6.2\nid: sr-1\n"),
        replacing("id: sr-1", "id: \"sr-1\""),
        replacing("[ev-1]", "[ev-1,ev-2]"),
        replacing("evidence: [ev-1]", "evidence:\n  - ev-1"),
        replacing("note: ok", "note: null"),
        replacing("note: ok", "note: ~"),
        replacing("note: ok", "note:"),
        replacing("note: ok", "note:  ok"),
        replacing("[ev-1]", "[ev-1, ]"),
        base + "# comment\n",
        "---\n" + base,
    ]

    /// Texts with a problem the general reader names.
    static let broken: [String] = [
        base + "note: again\n", base + "colour: blue\n",
        replacing("id: sr-1", "id: SR-1"),
        replacing("date: 2019-03-10", "date: 2019-02-30"),
        replacing("status: partial", "status: done"),
        replacing("party: VN", "party: vn"),
        replacing("target: plan-08#6.2", "target: plan-08"),
        replacing("[ev-1]", "[Ev-1]"),
        replacing("reporter: A <a@x>", "reporter: \" \""),
        replacing("status: partial", "status: not-applicable").replacingOccurrences(of: "note: ok", with: "note: \"\\u2028\""),
        replacing("party: VN\n", ""),
        replacing("note: ok", "note: \"ok"),
        replacing("note: ok", "note: \"a\" b"),
        replacing("note: ok", "note: \u{7}"),
        " " + base,
    ]

    @Test func everyOtherTextIsLeftToTheGeneralReader() {
        let fine = [Self.base, Self.replacing("note: ok", "note: a # b"), Self.replacing("note: ok", "note: \"tab\\there\""),
                    Self.replacing("note: ok", "note: ok "), Self.replacing("\n", "\r\n"),
                    Self.replacing("[ev-1]", "[\"ev-1\", ev-2]"), Self.replacing("[ev-1]", "[null]"),
                    Self.replacing("reporter: A <a@x>", "reporter: \"\\tA\"")]
        for text in fine + Self.otherLayouts + Self.broken {
            expectSame(text)
        }
        for text in Self.otherLayouts {
            #expect(general(text).diagnostics.isEmpty, "\(text.debugDescription)")
            #expect(direct(text) == nil, "read directly: \(text.debugDescription)")
        }
        for text in Self.broken {
            #expect(!general(text).diagnostics.isEmpty, "general reader found no problem: \(text.debugDescription)")
            #expect(direct(text) == nil, "read directly although the general reader refuses it: \(text.debugDescription)")
        }
        #expect(direct(Self.base) != nil)
        #expect(direct(Self.replacing("[ev-1]", "[\"ev-1\", ev-2]"))?.value?.evidence.map(\.rawValue) == ["ev-1", "ev-2"])
    }
}
