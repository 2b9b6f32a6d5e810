public import AccordCore
import AccordReports
import Foundation
import GitStore
import Hummingbird
import HummingbirdTLS
import Mustache
import NIOSSL

/// `accord serve`: the tracker in a browser. Pages are rendered on the server from the
/// same report values the command line prints; forms write through the same code
/// (`TrackerSnapshot.commitRecord`), under the same lock, with the same checks and messages.
public struct WebServer: Sendable {
    /// Where and how the server listens, and which tracker it serves.
    public struct Settings: Sendable {
        /// The tracker's folder.
        public var repositoryPath: String
        /// The address to listen on (default loopback only).
        public var host: String
        /// The port.
        public var port: Int
        /// PEM files of the certificate chain and its private key, for HTTPS.
        public var tlsCertificate: String?
        public var tlsKey: String?

        /// Settings for serving `repositoryPath` on `host`:`port`.
        public init(repositoryPath: String, host: String = "127.0.0.1", port: Int = 8080,
                    tlsCertificate: String? = nil, tlsKey: String? = nil) {
            self.repositoryPath = repositoryPath
            self.host = host
            self.port = port
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
        }

        /// Whether only this machine can reach the server: then the desk at it needs no
        /// account. Any other address is the office network, where everyone signs in.
        public var isLoopbackOnly: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
    }

    let settings: Settings
    let site: Site

    /// A server for `settings`; exit 64 when it would listen beyond this machine with no
    /// account to sign in with, or with half a TLS configuration.
    public init(settings: Settings) throws {
        self.settings = settings
        if (settings.tlsCertificate == nil) != (settings.tlsKey == nil) {
            throw RecordingFailure("give --tls-cert and --tls-key together", .usage)
        }
        let repository = try TrackerLocation.openTracker(explicit: settings.repositoryPath, environment: [:],
                                                         currentDirectory: URL(fileURLWithPath: settings.repositoryPath))
        let path = repository.workingDirectory?.path ?? repository.gitDirectory.path
        let accounts = UserStore(repository: repository)
        if !settings.isLoopbackOnly && (try accounts.load()).isEmpty {
            throw RecordingFailure("listening on \(settings.host) needs accounts, and the tracker has none: "
                + "add one with accord user add NAME --party CODE --role admin", .usage)
        }
        site = try Site(repositoryPath: path, accounts: settings.isLoopbackOnly ? nil : accounts,
                        secureCookies: settings.tlsCertificate != nil)
    }

    /// The address people open in their browser.
    public var address: String {
        let scheme = settings.tlsCertificate == nil ? "http" : "https"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "\(scheme)://\(host):\(settings.port)/"
    }

    /// Serves until the process is interrupted; `ready` is called once the port is open.
    public func run(ready: @escaping @Sendable () -> Void = {}) async throws {
        let router = Router()
        site.addRoutes(to: router)
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil)
        if let certificate = settings.tlsCertificate, let key = settings.tlsKey {
            let tls: TLSConfiguration
            do {
                tls = TLSConfiguration.makeServerConfiguration(
                    certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                    privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            } catch {
                throw RecordingFailure("cannot read the TLS certificate \(certificate) or key \(key): \(error)", .noInput)
            }
            let app = Application(router: router, server: try .tls(.http1(), tlsConfiguration: tls),
                                  configuration: configuration, onServerRunning: { _ in ready() })
            try await app.runService()
        } else {
            let app = Application(router: router, configuration: configuration, onServerRunning: { _ in ready() })
            try await app.runService()
        }
    }
}
