import Foundation
import TestSupport
import Testing

/// `accord serve` in a real browser: the script drives headless Chromium through
/// Selenium (python3-selenium and chromium-driver, installed by make test) and checks
/// sign-in, the forms, their refusals and what lands in git.
@Suite(.scratchFolder) struct ServeTests {
    /// Each script checks one part in Chromium: sign-in, the forms and their refusals
    /// (`serve_browser_test.py`); an instrument added and amended from uploaded files and every
    /// list downloaded as a spreadsheet (`serve_instrument_test.py`); restricted evidence shown
    /// only to the accounts allowed to see it (`serve_restricted_test.py`); the Sync button
    /// against a hub (`serve_sync_test.py`).
    @Test(.tags(.slow), runBySlowTarget,
          arguments: ["serve_browser_test.py", "serve_instrument_test.py", "serve_restricted_test.py",
                     "serve_sync_test.py"])
    func browserScript(_ name: String) throws {
        for tool in ["/usr/bin/chromedriver", "/usr/bin/chromium"] where !FileManager.default.isExecutableFile(atPath: tool) {
            Issue.record("\(tool) is missing: make test-slow installs it (apt-get install chromium chromium-driver python3-selenium)")
            return
        }
        let scratch = try ScratchFolder.current
        let script = AccordProcess.packageRoot.appendingPathComponent("Tests/Browser/\(name)")
        let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/python3"),
                                 [script.path, AccordProcess.binary.path, scratch.url.path], timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("all checks passed"))
    }

    /// The example tracker served while `body` runs.
    private func withExampleServer(_ body: (RunningServer) throws -> Void) throws {
        let (scratch, tracker) = try AccordProcess.exampleTracker()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try RunningServer(tracker: tracker)
        defer { server.stop() }
        try #require(server.said.contains("accord: serving"), "the server said: \(server.said)")
        try body(server)
    }

    /// A long gaps list is shown 100 to a page, with links that keep the filters, while the
    /// downloads carry every gap; evidence kinds show by name in the page's language.
    @Test func gapsArePagedAndEvidenceKindsNamed() throws {
        try withExampleServer { server in
            let csv = try server.fetch("/gaps.csv")
            let total = csv.stdout.split(whereSeparator: \.isNewline).count - 1
            try #require(total > 200, "the example has more than two pages of gaps: \(total) \(csv.stderr)")
            let first = try server.fetch("/gaps").stdout
            #expect(first.contains("<p>\(total) gaps. Showing 1 to 100.</p>"))
            #expect(first.components(separatedBy: "<tr><td class=\"severity-").count - 1 == 100)
            #expect(first.contains("<a href=\"/gaps?page=2\" rel=\"next\">Next page</a>"))
            #expect(!first.contains("rel=\"prev\""))
            let pages = (total + 99) / 100
            let last = try server.fetch("/gaps?page=\(pages)").stdout
            #expect(last.contains("Showing \(100 * (pages - 1) + 1) to \(total).</p>"))
            #expect(last.components(separatedBy: "<tr><td class=\"severity-").count - 1 == total - 100 * (pages - 1))
            #expect(last.contains("Page \(pages) of \(pages)") && !last.contains("rel=\"next\""))
            // Past the end shows the last page; the links keep the filter, the downloads do not page.
            #expect(try server.fetch("/gaps?page=999").stdout.contains("Page \(pages) of \(pages)"))
            let filtered = try server.fetch("/gaps?party=VN&page=2").stdout
            #expect(filtered.contains("href=\"/gaps?party=VN&amp;page=1\" rel=\"prev\""))
            #expect(filtered.contains("href=\"/gaps.csv?party=VN\""))

            let item = try server.fetch("/show?id=tip-2005%237.2").stdout
            #expect(item.contains("(legal act, ") || item.contains("(report, ") || item.contains("(minutes, "))
            #expect(!item.contains("(legal-act, ") && !item.contains("(training-record, "))
            let form = try server.fetch("/evidence", ["-b", "accord_lang=vi"]).stdout
            #expect(form.contains("<option value=\"legal-act\">văn bản pháp luật</option>"))
            let khmer = try server.fetch("/evidence", ["-b", "accord_lang=km"]).stdout
            #expect(khmer.contains("<option value=\"minutes\">កំណត់ហេតុ</option>"))
        }
    }

    /// The history's, the meetings' and search's downloads carry the marks of illustrative
    /// records and working summaries, as every other list's do: a spreadsheet made from the
    /// example says what it is. The meetings' is the table of `list meetings --csv`.
    @Test func theDownloadsCarryTheMarksOfWhatTheyList() throws {
        let (scratch, tracker) = try AccordProcess.exampleTracker()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try RunningServer(tracker: tracker)
        defer { server.stop() }
        let history = try server.fetch("/history.csv").stdout.split(whereSeparator: \.isNewline)
        #expect(history.first == "date,kind,summary,author,commit,marks")
        #expect(history.dropFirst().contains { $0.hasSuffix(",illustrative") })
        #expect(history.dropFirst().contains { $0.hasSuffix(",illustrative; working-summary") })
        #expect(history.dropFirst().contains { $0.hasSuffix(",") }, "a commit of no illustrative record has no mark")

        let meetings = try server.fetch("/meetings.csv").stdout.split(whereSeparator: \.isNewline)
        let listed = try CLI.run(["list", "meetings", "--csv", "--repo", tracker.path])
        #expect(meetings == listed.stdout.split(whereSeparator: \.isNewline))
        #expect(meetings.first == "id,date,end,title,venue,host,decisions,reviews,marks")
        #expect(meetings.count > 10, "the example's meetings: \(meetings.count - 1)")

        let found = try server.fetch("/search.csv?q=trafficking").stdout.split(whereSeparator: \.isNewline)
        #expect(found.first == "kind,id,part,language,date,path,text,marks")
        #expect(found.dropFirst().contains { $0.hasSuffix(",illustrative") })
        #expect(found.dropFirst().contains { $0.hasSuffix(",working-summary") })
    }

    /// A search link whose words hold a quote carrying a combining mark (one Character)
    /// cannot add attributes to the page's search field: the quote is escaped.
    @Test func aSearchLinkCannotAddAttributesToThePage() throws {
        try withExampleServer { server in
            let page = try server.fetch("/search?q=%22%CC%81%20autofocus%20onfocus%3Dx%20%3C%CC%81b%3E").stdout
            #expect(page.contains("name=\"q\" value=\"&quot;\u{301} autofocus onfocus=x &lt;\u{301}b&gt;\""))
            #expect(!page.contains("\"\u{301}") && !page.contains("<\u{301}"))
        }
    }

    /// A search page whose hits are in the example's texts, which are working summaries,
    /// says so, as `accord search` does; one whose hits are not carries no banner.
    @Test func aSearchPageSaysWhenItsHitsAreWorkingSummaries() throws {
        try withExampleServer { server in
            let page = try server.fetch("/search?q=trafficking").stdout
            #expect(page.contains("<p class=\"notice\">"), "\(page.suffix(600))")
            #expect(page.contains("working summary") || page.contains("summaries of the instruments"))
            let none = try server.fetch("/search?q=zzzqqq").stdout
            #expect(!none.contains("<p class=\"notice\">"))
            // What sort of record and where in it, in the reader's language.
            #expect(page.contains("<tr><td>text</td>") && page.contains("<td>article "), "\(page.suffix(900))")
            let khmer = try server.fetch("/search?q=trafficking", ["-b", "accord_lang=km"]).stdout
            #expect(khmer.contains("<tr><td>អត្ថបទ</td>") && khmer.contains("<td>មាត្រា "), "\(khmer.suffix(900))")
            #expect(!khmer.contains("<tr><td>text</td>"))
        }
    }

    /// A computer with no Khmer font still shows the pages in Khmer: they name accord's own
    /// font, which the server gives to anyone (it is no record), and the pages' policy lets it in.
    @Test func thePagesBringTheirKhmerFont() throws {
        try withExampleServer { server in
            let page = try server.fetch("/", ["-b", "accord_lang=km", "-D", "-"]).stdout
            #expect(page.contains("url(/fonts/noto-sans-khmer.ttf)") && page.contains("font-family: \"accord Noto Sans Khmer\", system-ui"))
            #expect(page.contains("font-src 'self'"), "\(page.prefix(800))")
            let font = try server.fetch("/fonts/noto-sans-khmer.ttf", ["-o", "/dev/null", "-w", "%{http_code} %{content_type} %{size_download}"]).stdout
            let parts = font.split(separator: " ")
            #expect(parts.count == 3 && parts[0] == "200" && parts[1] == "font/ttf" && (Int(parts[2]) ?? 0) > 20_000, "\(font)")
        }
    }

    @Test(.scratchFolder) func serveRefusesAnotherAddressWithoutAccounts() throws {
        let scratch = try ScratchFolder.current.url
        let tracker = scratch.appendingPathComponent("tracker")
        #expect(try AccordProcess.run(["init", tracker.path]).status == 0)
        let result = try AccordProcess.run(["serve", "--repo", tracker.path, "--listen", "0.0.0.0:18099"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs accounts"))
        let proxied = try AccordProcess.run(["serve", "--repo", tracker.path, "--behind-tls-proxy"])
        #expect(proxied.status == 64)
        #expect(proxied.stderr.contains("behind a proxy needs accounts"))
        let listen = try AccordProcess.run(["serve", "--repo", tracker.path, "--listen", "nowhere"])
        #expect(listen.status == 64)
    }
}
