import Foundation
import Testing
@testable import AccordCore

/// Status reports in the layout accord writes are read by a reader of their own; it must
/// give exactly what the general reader gives, and leave every other text to it.
@Suite struct CanonicalReportTests {
    let check = CanonicalReaderCheck(file: "Events/2019/03/x.yaml", decode: StatusReport.init(yaml:),
                                     canonical: { StatusReport.readCanonical($0, file: $1) })

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
        let direct = check.readDirectly(Self.written)
        // Only the blank notes on not-applicable reports, which the general reader refuses,
        // are left to it.
        #expect(direct > Self.written.count * 9 / 10, "\(direct) of \(Self.written.count)")
        let plain = "id: sr-1\ntarget: plan-08#6.2\nstatus: partial\ndate: 2019-03-10\nparty: VN\n"
        #expect(check.direct(plain) != nil)
        #expect(check.direct(plain + "evidence: [ev-1, ev-2]\n")?.value?.evidence.map(\.rawValue) == ["ev-1", "ev-2"])
    }

    static let base = "id: sr-1\ntarget: plan-08#6.2\nstatus: partial\ndate: 2019-03-10\nparty: VN\nreporter: A <a@x>\nnote: ok\nevidence: [ev-1]\n"

    static func replacing(_ old: String, _ new: String) -> String { base.replacingOccurrences(of: old, with: new) }

    /// Texts the general reader reads fine but not in the written layout: left to it.
    static let otherLayouts: [String] = [
        replacing("[ev-1]", "[ev-1,ev-2]"),
        replacing("note: ok", "note:  ok"),
        replacing("[ev-1]", "[ev-1, ]"),
    ]

    /// Texts with a problem the general reader names: each field given values its check
    /// refuses, the party left out, and a not-applicable status whose note is blank.
    static let broken = CanonicalReaderCheck<StatusReport>.refusing([
        "id": ["SR-1"], "date": ["2019-02-30"], "status": ["done"], "party": ["vn"], "target": ["plan-08"],
        "evidence": ["[Ev-1]"], "reporter": ["\" \""], "note": ["\"a\" b", "\u{7}"],
    ], in: base) + [
        replacing("status: partial", "status: not-applicable").replacingOccurrences(of: "note: ok", with: "note: \"\\u2028\""),
        replacing("party: VN\n", ""),
    ]

    @Test func everyOtherTextIsLeftToTheGeneralReader() {
        let fine = [Self.replacing("note: ok", "note: \"tab\\there\""),
                    Self.replacing("note: ok", "note: ok "),
                    Self.replacing("[ev-1]", "[\"ev-1\", ev-2]"), Self.replacing("[ev-1]", "[null]"),
                    Self.replacing("reporter: A <a@x>", "reporter: \"\\tA\"")]
        check.expectLeftToTheGeneralReader(base: Self.base, list: "evidence", fine: fine, otherLayouts: Self.otherLayouts, broken: Self.broken)
        #expect(check.direct(Self.replacing("[ev-1]", "[\"ev-1\", ev-2]"))?.value?.evidence.map(\.rawValue) == ["ev-1", "ev-2"])
    }
}
