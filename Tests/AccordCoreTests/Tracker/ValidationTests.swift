import AccordCore
import Foundation
import Testing

/// Each rule has a fixture that breaks it; the message must name file, line and field.
@Suite struct ValidationTests {
    let instrument = "Agreements/tip-2005/instrument.yaml"
    let plan = "Plans/plan-2017-2020.yaml"

    func problems(_ change: (inout TrackerFixture) -> Void) throws -> [String] {
        var fixture = TrackerFixture.valid
        change(&fixture)
        return try fixture.problems()
    }

    func replacing(_ path: String, _ old: String, _ new: String) -> (inout TrackerFixture) -> Void {
        { fixture in
            let text = fixture[path]!
            precondition(text.contains(old), "\(old) not in \(path)")
            fixture[path] = text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test func theValidFixtureHasNoProblems() throws {
        let snapshot = try TrackerFixture.valid.snapshot()
        #expect(snapshot.diagnostics.map(\.description) == [])
        #expect(snapshot.instruments.count == 1)
        #expect(snapshot.targets.map(\.id.description)
            == ["2016-10-05-review#2", "plan-2017-2020#1.1", "tip-2005#4.1", "tip-2005#4.2", "tip-2005#5.1"])
    }

    @Test func aCommitmentOnAMissingClause() throws {
        #expect(try problems(replacing(instrument, "\"5.1\"", "\"6.1\""))
            == ["\(instrument):25: commitments[3].id: clause 6.1 is not in text.en.md"])
        #expect(try problems(replacing(instrument, "    bound: VN", "    bound: VN\n    clause: \"4.9\""))
            == ["\(instrument):28: commitments[3].clause: clause 4.9 is not in text.en.md"])
    }

    @Test func aListedLanguageWithoutItsText() throws {
        #expect(try problems(replacing(instrument, "languages: [en]", "languages: [en, vi]"))
            == ["\(instrument):9: languages[2]: text.vi.md is missing"])
    }

    @Test func duplicateCommitmentIDs() throws {
        #expect(try problems(replacing(instrument, "\"5.1\"", "\"4.1\""))
            == ["\(instrument):25: commitments[3].id: commitment 4.1 appears twice (first at line 16)"])
    }

    @Test func anItemImplementingAnUnknownCommitment() throws {
        #expect(try problems(replacing(plan, "implements: [tip-2005#4.1]", "implements: [tip-2005#9.9]"))
            == ["\(plan):22: areas[1].items[1].implements[1]: no commitment, plan item or decision tip-2005#9.9 in the tracker"])
    }

    @Test func anItemOutsideItsArea() throws {
        #expect(try problems(replacing(plan, "- id: \"1.1\"", "- id: \"2.1\""))
            == ["\(plan):16: areas[1].items[1].id: item 2.1 does not start with its area's id 1."])
    }

    @Test func fileNamesMustMatchIDs() throws {
        #expect(try problems { fixture in
            fixture["Agreements/tip-2005/instrument.yaml"] = nil
            fixture["Agreements/tip-2005/text.en.md"] = nil
            fixture["Agreements/tip-2006/instrument.yaml"] = TrackerFixture.instrument
            fixture["Agreements/tip-2006/text.en.md"] = TrackerFixture.text
            fixture["Plans/plan-2017-2020.yaml"] = nil
        } == ["Agreements/tip-2006/instrument.yaml:1: id: tip-2005 does not match its folder tip-2006"])
        #expect(try problems(replacing("Meetings/2016-10-05-review.yaml", "id: 2016-10-05-review", "id: 2016-10-03-review"))
            == ["Meetings/2016-10-05-review.yaml:1: id: 2016-10-03-review does not match its file name 2016-10-05-review.yaml",
                "Meetings/2016-10-05-review.yaml:1: id: a meeting's id starts with one of its days: 2016-10-04-…"].sorted())
    }

    @Test func evidenceFiledUnderAnotherYear() throws {
        #expect(try problems(replacing("Evidence/2016/ev-2016-review.yaml", "date: 2016-10-05", "date: 2015-10-05"))
            == ["Evidence/2016/ev-2016-review.yaml:4: date: the evidence is dated 2015-10-05 but filed under 2016; move it to Evidence/2015/"])
    }

    @Test func aReportFiledUnderAnotherMonth() throws {
        #expect(try problems(replacing("Events/2016/10/sr-2016-10-05-vn.yaml", "date: 2016-10-05", "date: 2016-11-05"))
            == ["Events/2016/10/sr-2016-10-05-vn.yaml:4: date: the report is dated 2016-11-05 but filed under 2016/10; move it to Events/2016/11/"])
    }

    @Test func duplicateRecordIDsInDifferentFolders() throws {
        // Every later copy names the first one.
        #expect(try problems { fixture in
            for year in [2017, 2018] {
                fixture["Evidence/\(year)/ev-2016-review.yaml"] = TrackerFixture.evidence
                    .replacingOccurrences(of: "date: 2016-10-05", with: "date: \(year)-01-05")
            }
        } == ["Evidence/2017/ev-2016-review.yaml:1: id: ev-2016-review is also the id of Evidence/2016/ev-2016-review.yaml",
              "Evidence/2018/ev-2016-review.yaml:1: id: ev-2016-review is also the id of Evidence/2016/ev-2016-review.yaml"])
    }

    @Test func recordsLinkingUnknownThings() throws {
        let report = "Events/2016/10/sr-2016-10-05-vn.yaml"
        let evidence = "Evidence/2016/ev-2016-review.yaml"
        let found = try problems { fixture in
            replacing(report, "target: tip-2005#4.1", "target: tip-2005#4.7")(&fixture)
            replacing(report, "evidence: [ev-2016-review]", "evidence: [ev-2016-review, ev-missing]")(&fixture)
            replacing(evidence, "indicator: cases", "indicator: arrests")(&fixture)
            replacing(evidence, "scope: vn-nationwide", "scope: mars")(&fixture)
            replacing(evidence, "supports: [tip-2005#4.1]", "supports: [tip-2005#4.1]\nparty: LA")(&fixture)
        }
        #expect(found == [
            "\(report):2: target: no commitment, plan item or decision tip-2005#4.7 in the tracker",
            "\(report):7: evidence[2]: no evidence ev-missing in the tracker",
            "\(evidence):6: party: LA is not a party in accord.yaml",
            "\(evidence):8: values[1].indicator: no indicator arrests in accord.yaml or a plan",
            "\(evidence):9: values[1].scope: no scope mars in accord.yaml",
        ])
    }

    @Test func aReportByAPartyTheTargetDoesNotBind() throws {
        let (path, text) = TrackerFixture.report("sr-kh", target: "tip-2005#5.1", status: "in-progress",
                                                 date: "2017-02-01", party: "KH")
        #expect(try problems { $0[path] = text } == ["\(path):5: party: tip-2005#5.1 does not bind KH"])
    }

    @Test func aReportOnADecisionWithoutDueDate() throws {
        let (path, text) = TrackerFixture.report("sr-d", target: "2016-10-05-review#1", status: "implemented",
                                                 date: "2017-02-01", party: "KH")
        #expect(try problems { $0[path] = text }
            == ["\(path):2: target: decision 2016-10-05-review#1 has no due date, so it is not tracked"])
    }

    @Test func aMeetingHoldingAnUnknownReviewCycle() throws {
        #expect(try problems(replacing("Meetings/2016-10-05-review.yaml", "reviews: [tip-2005/annual]",
                                       "reviews: [tip-2005/biennial, crime-1997/annual]"))
            == ["Meetings/2016-10-05-review.yaml:7: reviews[1]: tip-2005 has no review cycle biennial",
                "Meetings/2016-10-05-review.yaml:7: reviews[2]: no instrument or plan crime-1997 in the tracker"])
    }

    @Test func notApplicableWithoutANote() throws {
        let (path, text) = TrackerFixture.report("sr-na", target: "tip-2005#4.2", status: "not-applicable",
                                                 date: "2017-02-01", party: "KH")
        #expect(try problems { $0[path] = text } == ["\(path):3: note: a not-applicable status needs a note saying why"])
    }

    @Test func aKeyWrittenTwiceIsRefused() throws {
        let (path, text) = TrackerFixture.report("sr-twice", target: "tip-2005#4.2", status: "partial",
                                                 date: "2017-02-01", party: "KH", note: "first")
        let found = try problems { $0[path] = text + "note: second\n" }
        #expect(found == ["\(path):6: duplicate key note"], "\(found)")
    }

    @Test func notApplicableWithABlankNote() throws {
        for note in ["\"  \"", "\"\\t\"", "\"\\u2028\""] {
            let (path, text) = TrackerFixture.report("sr-na", target: "tip-2005#4.2", status: "not-applicable",
                                                     date: "2017-02-01", party: "KH", note: note)
            let found = try problems { $0[path] = text }
            #expect(found == ["\(path):6: note: a not-applicable status needs a note saying why"], "\(found)")
        }
        let (path, text) = TrackerFixture.report("sr-na", target: "tip-2005#4.2", status: "not-applicable",
                                                 date: "2017-02-01", party: "KH", note: "\" no budget\"")
        #expect(try problems { $0[path] = text } == [])
    }

    @Test func filesOutOfPlaceAreReported() throws {
        #expect(try problems { $0["Events/2016/sr-x.yaml"] = TrackerFixture.report }
            == ["Events/2016/sr-x.yaml:1: accord does not read this file; records belong at Events/<yyyy>/<mm>/<report-id>.yaml"])
    }

    @Test func problemsInManyFilesAreAllReportedInOneRun() throws {
        let found = try problems { fixture in
            replacing(instrument, "due: 2007-01-31", "due: 2019-02-30")(&fixture)
            replacing(plan, "end: 2017-06-30", "end: 2017-06-31")(&fixture)
            replacing("Meetings/2016-10-05-review.yaml", "host: KH", "host: XX")(&fixture)
            fixture["accord.yaml"] = TrackerFixture.settings + "colour: blue\n"
        }
        #expect(found == [
            "\(instrument):23: commitments[2].due: 2019-02-30 is not a date",
            "Meetings/2016-10-05-review.yaml:6: host: XX is not a party in accord.yaml",
            "\(plan):21: areas[1].items[1].end: 2017-06-31 is not a date",
            "accord.yaml:16: colour: unknown field",
        ])
        // The CLI's error: exit status 65 and every problem in the message.
        let error = InvalidTrackerData([
            Diagnostic(file: "a.yaml", line: 2, field: "x", message: "bad")])
        #expect(error.exitStatus == .dataError)
        #expect(error.message == "1 problem in the tracker data:\n  a.yaml:2: x: bad")
    }

    @Test func aTrackerOnDiskWithBOMAndCRLFIsValid() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("accord-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in TrackerFixture.valid.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let text = "\u{FEFF}" + String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
            try Data(text.utf8).write(to: url)
        }
        try Data("not a record".utf8).write(to: root.appendingPathComponent("Evidence/.DS_Store"))
        let snapshot = try TrackerSnapshot.load(folder: root)
        #expect(snapshot.diagnostics.map(\.description) == [])
        #expect(snapshot.reports.count == 1)
        #expect(snapshot.meetings.first?.decisions.count == 2)
    }
}
