import AccordCore
import AccordServer
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord serve`: the tracker in a browser, for desks without a terminal.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the tracker to browsers: pages, downloads and forms for every desk.",
            discussion: """
            Pages: the dashboard, each instrument (text in force, revisions, redline), each \
            commitment and plan item (timeline, evidence, gaps), gaps with filters, the \
            schedule (.ics), meetings with their summaries and the history, each at any date \
            (the as-of picker) and with CSV and XLSX downloads, and a search page. Forms log \
            progress, add evidence (with a file), add meetings, add or amend an instrument from \
            uploaded .docx/.pdf/.md/.txt files (with a preview of the articles found) and \
            retract, through the same checks and write path as the commands; the Sync button runs accord sync. Pages are in English, Vietnamese or \
            Khmer: the links on every page, else the account's --language, else the browser's.

              accord serve                                   # http://127.0.0.1:8080/, this machine only
              accord serve --listen 127.0.0.1:8081 --behind-tls-proxy   # a proxy serves HTTPS to the office

            On 127.0.0.1 (the default) nobody signs in: whoever can reach the port is the desk \
            at this machine, and records under git's user.name and user.email. On any other \
            address everyone signs in with an account made by accord user add, and the server \
            refuses to start without one. Stop it with Ctrl-C. See docs/commands/serve.md and \
            docs/security.md.

            Restricted evidence stays hidden unless the server is given --identity (an age \
            key it is encrypted for); then the desk on 127.0.0.1 sees it, and so does an account \
            made with --restricted own (its own party's) or --restricted all.

            HTTPS: give --tls-cert and --tls-key (PEM files) to a build made with the TLS \
            trait (swift build --traits TLS, or make build-tls; the default build leaves \
            BoringSSL out and refuses them), or put a TLS-terminating proxy in front \
            (docs/commands/serve.md) and give --behind-tls-proxy. Either way session cookies \
            are sent over HTTPS only.

            Exit codes: 64 usage (a bad --listen, another address with no accounts, --tls-cert \
            in a build without TLS), 65 a certificate or key that cannot be used, 66 no \
            tracker or no such certificate or key file, 74 the port cannot be opened.
            """)

        @OptionGroup var repository: RepositoryOptions

        @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "addr:port"))
        var listen: String = "127.0.0.1:8080"

        @Flag(name: .customLong("behind-tls-proxy"), help: "Browsers reach the server through an HTTPS proxy: mark session cookies Secure.")
        var behindTLSProxy = false

        @Option(name: .customLong("tls-cert"),
                help: ArgumentHelp("Serve HTTPS with this certificate (PEM, with its chain); needs --tls-key and a build with the TLS trait.",
                                   valueName: "pem"))
        var tlsCertificate: String?

        @Option(name: .customLong("tls-key"), help: ArgumentHelp("The certificate's private key (PEM, no passphrase).", valueName: "pem"))
        var tlsKey: String?

        @Option(help: ArgumentHelp("An age identity restricted evidence is encrypted for: accounts given --restricted (and the desk on 127.0.0.1) then see it.",
                                   valueName: "file"))
        var identity: String?

        func run() throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
                  (1...65535).contains(port) else {
                throw ValidationError(L10n.t("--listen {1} should be ADDRESS:PORT, as 127.0.0.1:8080", listen.debugDescription))
            }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            try WebServer.checkTLSOptions(certificate: tlsCertificate, key: tlsKey, behindTLSProxy: behindTLSProxy)
            let tracker = try repository.openTracker()
            let path = tracker.workingDirectory?.path ?? tracker.gitDirectory.path
            let server = try WebServer(settings: .init(repositoryPath: path, host: host, port: port,
                                                       behindTLSProxy: behindTLSProxy, identityPath: identity,
                                                       tls: tlsCertificate.flatMap { cert in tlsKey.map { (cert, $0) } }))
            let address = server.address
            let done = DispatchSemaphore(value: 0)
            let outcome = ServeOutcome()
            Task.detached {
                do {
                    try await server.run {
                        FileHandle.standardError.write(Data("accord: serving \(path) at \(address) (Ctrl-C stops)\n".utf8))
                    }
                } catch {
                    outcome.failure = error
                }
                done.signal()
            }
            done.wait()
            if let failure = outcome.failure {
                if failure is any AccordFailure { throw failure }
                throw AccordError(.io, L10n.t("cannot serve on {1}: {2}", listen, String(describing: failure)))
            }
        }
    }
}

/// How the server task ended, read after it signalled.
private final class ServeOutcome: @unchecked Sendable {
    var failure: (any Error)?
}
