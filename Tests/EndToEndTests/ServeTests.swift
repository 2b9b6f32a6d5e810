import Foundation
import TestSupport
import Testing

/// `accord serve` in a real browser: the script drives headless Chromium through
/// Selenium (python3-selenium and chromium-driver, installed by make test) and checks
/// sign-in, the forms, their refusals and what lands in git.
@Suite struct ServeTests {
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
        let scratch = try ScratchFolder()
        let script = AccordProcess.packageRoot.appendingPathComponent("Tests/Browser/\(name)")
        let result = try CLI.run(executable: URL(fileURLWithPath: "/usr/bin/python3"),
                                 [script.path, AccordProcess.binary.path, scratch.url.path], timeout: 600)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("all checks passed"))
    }

    @Test func serveRefusesAnotherAddressWithoutAccounts() throws {
        let scratch = try ScratchFolder.make()
        defer { try? FileManager.default.removeItem(at: scratch) }
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
