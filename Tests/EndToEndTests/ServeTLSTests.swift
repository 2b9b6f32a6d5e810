import Foundation
import TestSupport
import Testing

/// HTTPS in `accord serve`: the default build refuses `--tls-cert` and says how to get a
/// build that has it; a build with the TLS trait (`make build-tls`, in `.build-tls`)
/// serves the dashboard over HTTPS with a certificate made by openssl.
@Suite struct ServeTLSTests {
    @Test(.scratchFolder) func theDefaultBuildRefusesTLSOptionsAndSaysHowToGetThem() throws {
        let scratch = try ScratchFolder.current.url
        let tracker = scratch.appendingPathComponent("tracker")
        #expect(try AccordProcess.run(["init", tracker.path]).status == 0)
        let result = try AccordProcess.run(["serve", "--repo", tracker.path, "--tls-cert", "cert.pem", "--tls-key", "key.pem"])
        #expect(result.status == 64)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.hasPrefix("accord: this accord was built without TLS: build it with swift build --traits TLS"))
    }

    /// The binary `make build-tls` makes: the same sources built with `--traits TLS`.
    static let tlsBinary = AccordProcess.packageRoot.appendingPathComponent(".build-tls/debug/accord")

    @Test(.scratchFolder, .tags(.slow), runBySlowTarget) func servesHTTPSWithACertificateFromOpenSSL() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tlsBinary.path) else {
            Issue.record("\(Self.tlsBinary.path) is missing: make build-tls builds it (swift build --traits TLS)")
            return
        }
        let scratch = try ScratchFolder.current.url
        let tracker = scratch.appendingPathComponent("tracker")
        try AccordProcess.copyExample(to: tracker)
        let cert = scratch.appendingPathComponent("cert.pem").path
        let key = scratch.appendingPathComponent("key.pem").path
        let made = try Command.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                               "-days", "2", "-subj", "/CN=localhost",
                                               "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], timeout: 60)
        try #require(made.status == 0, "openssl: \(made.stderr)")

        // What cannot be used stops the start with one line: a missing file (66), a
        // certificate given as the key (65), and a key that is not the certificate's (65).
        func refusal(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(executable: Self.tlsBinary, ["serve", "--repo", tracker.path, "--listen", "127.0.0.1:1"] + arguments, timeout: 60)
        }
        let missing = try refusal(["--tls-cert", cert, "--tls-key", scratch.appendingPathComponent("nothing.pem").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("accord: --tls-key ") && missing.stderr.contains("no such readable file"))
        let notAKey = try refusal(["--tls-cert", cert, "--tls-key", cert])
        #expect(notAKey.status == 65)
        #expect(notAKey.stderr.hasPrefix("accord: --tls-key ") && notAKey.stderr.split(separator: "\n").count == 1)
        let otherKey = scratch.appendingPathComponent("other.pem").path
        #expect(try Command.run("openssl", ["genrsa", "-out", otherKey, "2048"], timeout: 60).status == 0)
        let mismatched = try refusal(["--tls-cert", cert, "--tls-key", otherKey])
        #expect(mismatched.status == 65)
        #expect(mismatched.stderr.contains("is not the key of --tls-cert"))
        let onlyOne = try refusal(["--tls-cert", cert])
        #expect(onlyOne.status == 64)

        let server = try RunningServer(binary: Self.tlsBinary, tracker: tracker, arguments: ["--tls-cert", cert, "--tls-key", key])
        defer { server.stop() }
        let port = server.port
        try #require(server.said.contains("at https://127.0.0.1:\(port)/"), "the server said: \(server.said)")

        let page = try server.fetch("/", scheme: "https", ["--fail", "--cacert", cert])
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("<html"))
        #expect(page.stdout.contains("Dashboard"))
        // Without the certificate curl does not trust the server; plain HTTP gets no page.
        let untrusted = try server.fetch("/", scheme: "https")
        #expect(untrusted.status == 60)
        let plain = try server.fetch("/", ["--fail"])
        #expect(plain.status != 0)
        #expect(!plain.stdout.contains("Dashboard"))
    }
}
