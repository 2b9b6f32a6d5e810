import Foundation
import TestSupport
import Testing

/// The web server's forms speak each visitor's language, not the server's: visitors in
/// Vietnamese, Khmer and English send a bad form at the same time to a server started in
/// English, and each reads the problems in their own language.
@Suite struct ServeLanguageTests {
    /// What a visitor reads after sending the progress form with a date that is no date,
    /// no status and no target: one message of each problem, by language.
    static let expected: [String: (shown: [String], absent: [String])] = [
        "vi": (["không phải là ngày (yyyy-mm-dd)", "hãy chọn một tình trạng: not-started",
                "hãy cho biết báo cáo nói về cam kết, mục kế hoạch hay quyết định nào",
                "x1 không phải mã Bên"],
               ["is not a date", "choose a status", "say which commitment", "មិនមែនជាកាលបរិច្ឆេទ"]),
        "km": (["មិនមែនជាកាលបរិច្ឆេទទេ (yyyy-mm-dd)", "សូមជ្រើសរើសស្ថានភាពមួយ៖ not-started",
                "សូមប្រាប់ថារបាយការណ៍នេះនិយាយអំពីការប្តេជ្ញា ធាតុផែនការ ឬសេចក្តីសម្រេចណា", "x1 មិនមែនជាកូដភាគីទេ"],
               ["is not a date", "choose a status", "say which commitment", "không phải là ngày"]),
        "en": (["is not a date (yyyy-mm-dd)", "choose a status: not-started",
                "say which commitment, plan item or decision the report is on", "x1 is not a party code"],
               ["không phải là ngày", "មិនមែនជាកាលបរិច្ឆេទ"]),
    ]

    @Test(.scratchFolder) func aBadFormShowsItsProblemsInEachVisitorsLanguage() throws {
        let scratch = try ScratchFolder.current.url
        let tracker = scratch.appendingPathComponent("tracker")
        #expect(try AccordProcess.run(["init", tracker.path]).status == 0)
        let commits = try AccordProcess.git(["rev-list", "--count", "HEAD"], in: tracker)
        let (server, base) = try Self.serve(tracker)
        defer { server.terminate(); server.waitUntilExit() }

        // Two visits in each language, all at once: a choice per request, never the last one made.
        let languages = ["vi", "km", "en", "vi", "km", "en"]
        let pages = Pages()
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            let language = languages[index]
            let jar = scratch.appendingPathComponent("cookies-\(index)").path
            do {
                let form = try Self.curl(["-c", jar, "-H", "Accept-Language: \(language)", "\(base)/log"])
                let token = form.body.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.output.1) } ?? ""
                let sent = try Self.curl(["-b", jar, "-H", "Accept-Language: \(language)", "--data",
                                          "csrf=\(token)&date=not-a-date&party=x1&note=met+on+2019-12-01+in+1+place", "\(base)/log"])
                pages.add(index, sent)
            } catch {
                pages.add(index, (0, "\(error)"))
            }
        }
        for (index, language) in languages.enumerated() {
            let page = try #require(pages.page(index))
            #expect(page.status == 422, "\(language): \(page.status) \(page.body.prefix(300))")
            #expect(page.body.contains("<html lang=\"\(language)\""), "\(language)")
            for text in Self.expected[language]!.shown {
                #expect(page.body.contains(text), "\(language) page lacks \(text)")
            }
            for text in Self.expected[language]!.absent {
                #expect(!page.body.contains(text), "\(language) page holds \(text)")
            }
            // What the visitor typed comes back as typed, whatever forms the page's dates take.
            #expect(page.body.contains("met on 2019-12-01 in 1 place</textarea>"), "\(language): \(page.body)")
        }
        // Nothing was recorded.
        #expect(try AccordProcess.git(["rev-list", "--count", "HEAD"], in: tracker) == commits)
    }

    /// The gaps page's severities and reasons follow the visitor too, whichever language asked
    /// for that date's gaps first (the server keeps them by date and language).
    @Test(.scratchFolder) func theGapsPageSpeaksTheVisitorsLanguage() throws {
        let scratch = try ScratchFolder.current.url
        let tracker = scratch.appendingPathComponent("tracker")
        #expect(try AccordProcess.run(["init", "--example", tracker.path]).status == 0)
        let (server, base) = try Self.serve(tracker)
        defer { server.terminate(); server.waitUntilExit() }
        let english = try Self.curl(["-H", "Accept-Language: en", "\(base)/gaps?as-of=2019-12-01"])
        #expect(english.body.contains(">high<") && english.body.contains("due 2017-12-31"), "\(english.body.prefix(300))")
        let vietnamese = try Self.curl(["-H", "Accept-Language: vi", "\(base)/gaps?as-of=2019-12-01"])
        // Dates in the visitor's form, as the terminal writes them; the date field keeps ISO.
        #expect(vietnamese.body.contains(">cao<") && vietnamese.body.contains("hạn 31/12/2017"), "\(vietnamese.body.prefix(300))")
        #expect(!vietnamese.body.contains(">high<") && !vietnamese.body.contains("due 2017-12-31") && !vietnamese.body.contains("hạn 2017-12-31"))
        #expect(vietnamese.body.contains("value=\"2019-12-01\""), "\(vietnamese.body.prefix(2000))")
        // Rules by name too (the English page says Overdue; the code stays the filter's value).
        #expect(english.body.contains("<td>Overdue</td>") && !vietnamese.body.contains("<td>Overdue</td>") && !vietnamese.body.contains("<td>overdue</td>"))
        // The schedule, kept across visitors, names standings and says what the marks mean
        // in each visitor's language, whoever asked first.
        let englishSchedule = try Self.curl(["-H", "Accept-Language: en", "\(base)/schedule?as-of=2019-12-01"])
        #expect(englishSchedule.body.contains("<td>missed</td>") && englishSchedule.body.contains("Entries marked [illustrative]"))
        let khmerSchedule = try Self.curl(["-H", "Accept-Language: km", "\(base)/schedule?as-of=2019-12-01"])
        let missed = "ខកខាន"
        #expect(missed != "missed" && khmerSchedule.body.contains("<td>\(missed)</td>"), "\(khmerSchedule.body.suffix(1500))")
        #expect(!khmerSchedule.body.contains("<td>missed</td>") && !khmerSchedule.body.contains("Entries marked"))
        #expect(khmerSchedule.body.contains("10/10/2006"))
        // The instrument form names the kinds; the codes stay the values sent.
        let form = try Self.curl(["-H", "Accept-Language: vi", "\(base)/instruments/new"])
        #expect(form.body.contains("<option value=\"treaty\">điều ước</option>"), "\(form.status) \(form.body.prefix(200))")
        #expect(!form.body.contains(">treaty</option>"))
    }

    /// A tracker that writes Khmer digits (`digits: khmer`) has the server write them too,
    /// in the page's text; the date picker keeps the ISO date.
    @Test func aTrackerThatWritesKhmerDigitsHasThePagesWriteThem() throws {
        let scratch = try ScratchFolder.make()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let tracker = scratch.appendingPathComponent("tracker")
        #expect(try AccordProcess.run(["init", "--example", tracker.path]).status == 0)
        let settings = tracker.appendingPathComponent("accord.yaml")
        try (try String(contentsOf: settings, encoding: .utf8) + "digits: khmer\n").write(to: settings, atomically: true, encoding: .utf8)
        _ = try AccordProcess.git(["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-am", "Khmer digits"], in: tracker)
        let (server, base) = try Self.serve(tracker)
        defer { server.terminate(); server.waitUntilExit() }
        let page = try Self.curl(["-H", "Accept-Language: km", "\(base)/schedule?as-of=2019-12-01"])
        #expect(page.body.contains("<td>១០/១០/២០០៦</td>"), "\(page.body.suffix(1500))")
        #expect(page.body.contains("value=\"2019-12-01\""))
    }

    /// The pages of all requests, by request.
    final class Pages: @unchecked Sendable {
        // `@unchecked`: `pages` is only touched under `lock`.
        private let lock = NSLock()
        private var pages: [Int: (status: Int, body: String)] = [:]
        func add(_ index: Int, _ page: (status: Int, body: String)) { lock.withLock { pages[index] = page } }
        func page(_ index: Int) -> (status: Int, body: String)? { lock.withLock { pages[index] } }
    }

    /// `accord serve` on a free loopback port, in English, once it answers.
    static func serve(_ tracker: URL) throws -> (Process, String) {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<60_000)
            let server = Process()
            server.executableURL = AccordProcess.binary
            server.arguments = ["serve", "--repo", tracker.path, "--listen", "127.0.0.1:\(port)"]
            var environment = ProcessInfo.processInfo.environment
            environment["ACCORD_LANG"] = "en"
            environment["ACCORD_DURABILITY"] = "relaxed"
            server.environment = environment
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            let base = "http://127.0.0.1:\(port)"
            for _ in 0..<300 where server.isRunning {
                if let answer = try? curl([base + "/login"]), answer.status != 0 { return (server, base) }
                Thread.sleep(forTimeInterval: 0.1)
            }
            server.terminate()
            server.waitUntilExit()
        }
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "accord serve did not start"])
    }

    /// The status and body of a request made with curl.
    static func curl(_ arguments: [String]) throws -> (status: Int, body: String) {
        let result = try Command.run("/usr/bin/curl", ["-s", "--max-time", "60", "-w", "\n%{http_code}"] + arguments)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
