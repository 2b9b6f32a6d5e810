import Foundation
import TestSupport
import Testing

/// gaps, schedule, summary and meeting add on the example, through the binary.
@Suite(.serialized, .tags(.slow), runBySlowTarget) struct ReportCommandTests {
    static let meeting = "2019-12-01-joint-review-2017-2019"

    /// A fresh example tracker in a scratch folder.
    func example() throws -> (scratch: URL, tracker: URL) { try AccordProcess.exampleTracker() }

    @Test func gapsFailOnSeverityAndFilter() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let all = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2019-12-01", "--fail-on", "high"])
        #expect(all.status == 1)
        #expect(all.stdout.contains("Gaps by rule and party"))
        let none = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2019-12-01",
                                          "--rule", "languages-out-of-step", "--as-of", "2010-01-01", "--fail-on", "low"])
        #expect(none.status == 0, "\(none.stdout)")
        let lag = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2019-12-01",
                                         "--rule", "languages-out-of-step", "--json"])
        #expect(lag.status == 0)
        #expect(lag.stdout.contains("\"item\" : \"tip-2005 text.vi.md\""))
        let kh = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2019-12-01", "--party", "KH", "--json"])
        #expect(!kh.stdout.contains("\"party\" : \"VN\""))
        let summary = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2019-12-01", "--summary"])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("Gaps by rule and party"))
        #expect(!summary.stdout.contains("to close:"), "--summary lists no single gap")
        #expect(all.stdout.contains("to close:"))
    }

    @Test func icsParsesWithPythonIcalendarAndMatchesScheduleJSON() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/python3"),
              try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", "import icalendar"]).status == 0 else {
            Issue.record("python3-icalendar is missing: make test installs it (apt-get install python3-icalendar)")
            return
        }
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let ics = scratch.appendingPathComponent("schedule.ics")
        #expect(try AccordProcess.run(["schedule", "--repo", tracker.path, "--as-of", "2019-12-01", "--ics", "--uid-domain", "example.org",
                                       "--output", ics.path]).status == 0)
        let json = try AccordProcess.run(["schedule", "--repo", tracker.path, "--as-of", "2019-12-01", "--json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let expected = (decoded["reviews"] as! [[String: Any]]).map { review -> String in
            let id = review["id"] as! String  // instrument/cycle@date
            let date = review["date"] as! String
            // A partial date (the five-year review of 2017) starts on its first day.
            let firstDay = date.count == 4 ? date + "-01-01" : date.count == 7 ? date + "-01" : date
            return id.replacingOccurrences(of: "/", with: ".").replacingOccurrences(of: "@", with: ".") + "@example.org "
                + firstDay.replacingOccurrences(of: "-", with: "")
        }
        // Each deadline before an upcoming review is an event of its own.
        var deadlines = Set<String>()
        for review in decoded["reviews"] as! [[String: Any]] {
            for item in review["dueBefore"] as? [[String: Any]] ?? [] {
                let target = (item["target"] as! String).replacingOccurrences(of: "#", with: ".")
                let date = item["date"] as! String
                let day: String = date.replacingOccurrences(of: "-", with: "")
                deadlines.insert("deadline.\(target).\(date)@example.org \(day)")
            }
        }
        #expect(!deadlines.isEmpty)
        let events = (expected + deadlines).sorted()
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                print(str(e['UID']) + ' ' + e.decoded('DTSTART').strftime('%Y%m%d'))
                alarms = [a for a in e.walk('VALARM')]
                print('ALARM ' + str(e['UID']) + ' ' + ','.join(str(a.decoded('TRIGGER')) for a in alarms) + ' '
                      + str(e['STATUS']) + ' ' + str(e['SEQUENCE']) + ' ' + e.decoded('LAST-MODIFIED').strftime('%Y%m%d'))
            """
        let parsed = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, ics.path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let lines = parsed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { !$0.hasPrefix("ALARM ") }.sorted() == events)
        let alarms = lines.filter { $0.hasPrefix("ALARM ") }
        // Deadlines warn 14 days ahead, the upcoming review 30 days; a missed review is cancelled.
        #expect(alarms.filter { $0.hasPrefix("ALARM deadline.") }.allSatisfy { $0.contains(" -14 days, 0:00:00 CONFIRMED") })
        #expect(alarms.contains { $0.hasPrefix("ALARM tip-2005.annual.2020-10-10@example.org -30 days, 0:00:00 TENTATIVE") })
        #expect(alarms.contains { $0.hasPrefix("ALARM tip-2005.annual.2008-10-10@example.org  CANCELLED") })
        #expect(alarms.allSatisfy { $0.hasSuffix(" 20191201") && $0.contains(" 7274 ") })
        let bytes = try Data(contentsOf: ics)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func htmlSummaryRendersInHeadlessChromium() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            Issue.record("chromium is missing: make test installs it (apt-get install chromium)")
            return
        }
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let html = scratch.appendingPathComponent("summary.html")
        #expect(try AccordProcess.run(["summary", "--repo", tracker.path, "--meeting", Self.meeting, "--format", "html",
                                       "--output", html.path]).status == 0)
        let page = try String(contentsOf: html, encoding: .utf8)
        // Self-contained: no external resource of any kind.
        for pattern in ["<link", "<script", "<img", "src=", "url(", "http://", "https://"] {
            #expect(!page.contains(pattern), "the HTML summary contains \(pattern)")
        }
        let png = scratch.appendingPathComponent("shot.png")
        let result = try AccordProcess.run(URL(fileURLWithPath: "/usr/bin/timeout"), [
            "60", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--enable-logging=stderr", "--v=0",
            "--screenshot=\(png.path)", "--window-size=1240,1754", "file://\(html.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("CONSOLE"), "console messages: \(result.stderr)")
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Width and height from the IHDR chunk, and enough bytes for a page that is not blank.
        let width = image[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = image[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1240 && height == 1754)
        #expect(image.count > 40_000, "screenshot of \(image.count) bytes looks blank")
    }

    @Test func meetingAddWritesOneCommitAndRefusesBadInput() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try AccordProcess.git(["rev-parse", "HEAD"], in: tracker)
        let badHost = try AccordProcess.run(["meeting", "add", "--repo", tracker.path, "--date", "2020-12-15",
                                             "--venue", "Hà Nội", "--host", "LA"])
        #expect(badHost.status == 65)
        #expect(badHost.stderr.contains("unknown host party LA"))
        let badCycle = try AccordProcess.run(["meeting", "add", "--repo", tracker.path, "--date", "2020-12-15",
                                              "--venue", "Hà Nội", "--host", "VN", "--cycle", "yearly"])
        #expect(badCycle.status == 65)
        #expect(badCycle.stderr.contains("unknown review cycle 'yearly'"))
        #expect(try AccordProcess.git(["rev-parse", "HEAD"], in: tracker) == before)

        let added = try AccordProcess.run([
            "meeting", "add", "--repo", tracker.path, "--date", "2020-12-15", "--venue", "Hà Nội", "--host", "VN",
            "--cycle", "plan-2017-2020/final", "--attendee", "Ministry of Public Security (VN)",
            "--decision", "Adopt the next plan.",
            "--decision", "Issue guidance on the extradition treaty::due=2021-06-30::VN=Ministry of Public Security"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Meetings/2020-12-15-ha-noi.yaml"))
        let log = try AccordProcess.git(["log", "-1", "--format=%ad %s", "--date=short"], in: tracker)
        #expect(log == "2020-12-15 Record meeting 2020-12-15-ha-noi\n")
        #expect(try AccordProcess.git(["rev-list", "--count", "\(before.trimmingCharacters(in: .whitespacesAndNewlines))..HEAD"], in: tracker) == "1\n")
        let schedule = try AccordProcess.run(["schedule", "--repo", tracker.path, "--as-of", "2021-01-01", "--json"])
        #expect(schedule.stdout.contains("\"meeting\" : \"2020-12-15-ha-noi\""))
        let gaps = try AccordProcess.run(["gaps", "--repo", tracker.path, "--as-of", "2021-07-01", "--rule", "overdue", "--json"])
        #expect(gaps.stdout.contains("2020-12-15-ha-noi#2"))
    }

    @Test func showSaysWhenACommitmentsTextWasAmendedSinceItsEvidence() throws {
        let (scratch, tracker) = try example()
        defer { try? FileManager.default.removeItem(at: scratch) }
        func show(_ id: String, _ asOf: String, json: Bool = false) throws -> AccordProcess.Result {
            let result = try AccordProcess.run(["show", id, "--repo", tracker.path, "--as-of", asOf] + (json ? ["--json"] : []),
                                               environment: ["NO_COLOR": "1"])
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        func object(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        // 7.2's only evidence (2009) predates the 2012 revision that changed clause 7.2.
        let flagged = try show("tip-2005#7.2", "2013-06-01")
        #expect(flagged.stdout.contains("text amended since evidence: clause 7.2 changed on 2012-09-28 (tip-2005@2012-09-28); "
            + "latest evidence 2009-12-03 (ev-2009-12-03-standard-procedure)"), "\(flagged.stdout)")
        let target = try #require(try object(show("tip-2005#7.2", "2013-06-01", json: true).stdout)["target"] as? [String: Any])
        let finding = try #require(target["amendedSinceEvidence"] as? [String: Any])
        #expect(finding["commitment"] as? String == "tip-2005#7.2")
        #expect(finding["clause"] as? String == "7.2")
        #expect(finding["revision"] as? String == "tip-2005@2012-09-28")
        #expect(finding["revisionDate"] as? String == "2012-09-28")
        #expect(finding["latestEvidence"] as? String == "ev-2009-12-03-standard-procedure")
        #expect(finding["latestEvidenceDate"] as? String == "2009-12-03")
        #expect(finding["languages"] as? [String] == ["en"])

        // The article lists each of its commitments that is flagged.
        let article = try show("tip-2005#7", "2013-06-01")
        #expect(article.stdout.contains("tip-2005#7.2 text amended since evidence: clause 7.2 changed on 2012-09-28"))
        let provision = try #require(try object(show("tip-2005#7", "2013-06-01", json: true).stdout)["provision"] as? [String: Any])
        let listed = try #require(provision["amendedSinceEvidence"] as? [[String: Any]])
        #expect(listed.compactMap { $0["commitment"] as? String } == ["tip-2005#7.1", "tip-2005#7.2"])

        // Before the revision, and once newer evidence is on file, nothing is flagged.
        for asOf in ["2012-01-01", "2019-12-01"] {
            #expect(!(try show("tip-2005#7.2", asOf).stdout.contains("amended since evidence")), "as of \(asOf)")
            let plain = try #require(try object(show("tip-2005#7.2", asOf, json: true).stdout)["target"] as? [String: Any])
            #expect(plain["amendedSinceEvidence"] == nil, "as of \(asOf)")
        }
    }
}
