internal import AccordCore
import AccordReports
import Foundation
import GitStore
import Hummingbird
import HummingbirdCore
import Mustache
#if TLS
import HummingbirdTLS
import NIOSSL
#endif

/// `accord serve`: the tracker in a browser. Pages are rendered on the server from the
/// same report values the command line prints; forms write through the same code
/// (`RecordWriter`), under the same lock, with the same checks and messages.
public struct WebServer: Sendable {
    /// Where and how the server listens, and which tracker it serves.
    public struct Settings: Sendable {
        /// The tracker's folder.
        public var repositoryPath: String
        /// The address to listen on (default loopback only).
        public var host: String
        /// The port.
        public var port: Int
        /// Whether browsers reach the server through a TLS-terminating proxy: session
        /// cookies are then marked Secure.
        public var behindTLSProxy: Bool
        /// An age identity file restricted evidence is encrypted for: with it, the accounts
        /// allowed to (and the local desk) see restricted evidence; without, nobody does.
        public var identityPath: String?
        /// The PEM files of the certificate (with its chain) and private key the server
        /// speaks HTTPS with, in builds with the TLS trait; nil: plain HTTP.
        public var tls: (certificate: String, key: String)?

        /// Settings for serving `repositoryPath` on `host`:`port`.
        public init(repositoryPath: String, host: String = "127.0.0.1", port: Int = 8080, behindTLSProxy: Bool = false,
                    identityPath: String? = nil, tls: (certificate: String, key: String)? = nil) {
            self.identityPath = identityPath
            self.tls = tls
            self.repositoryPath = repositoryPath
            self.host = host
            self.port = port
            self.behindTLSProxy = behindTLSProxy
        }

        /// Whether only this machine can reach the server: then the desk at it needs no
        /// account. Any other address is the office network, where everyone signs in; so is
        /// a proxy, which brings the network to a loopback port.
        public var isLoopbackOnly: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) && !behindTLSProxy }
    }

    let settings: Settings
    let site: Site
    #if TLS
    let tlsConfiguration: TLSConfiguration?
    #endif

    /// Whether this build speaks HTTPS itself (it was built with the TLS package trait).
    public static var speaksTLS: Bool {
        #if TLS
        true
        #else
        false
        #endif
    }

    /// Exit 64 when `--tls-cert` and `--tls-key` come without each other, with
    /// `--behind-tls-proxy`, or in a build without the TLS trait (the message says how to
    /// make one). Checked before anything is read.
    public static func checkTLSOptions(certificate: String?, key: String?, behindTLSProxy: Bool) throws {
        guard certificate != nil || key != nil else { return }
        guard speaksTLS else {
            throw AccordError(.usage, L10n.t("this accord was built without TLS: build it with swift build --traits TLS (make build-tls), or serve behind an HTTPS proxy with --behind-tls-proxy"))
        }
        guard certificate != nil, key != nil else {
            throw AccordError(.usage, L10n.t("--tls-cert and --tls-key go together: give both PEM files"))
        }
        if behindTLSProxy {
            throw AccordError(.usage, L10n.t("give either --tls-cert and --tls-key or --behind-tls-proxy, not both"))
        }
    }

    /// A server for `settings`; exit 64 when it would listen beyond this machine with no
    /// account to sign in with.
    public init(settings: Settings) throws {
        self.settings = settings
        try Self.checkTLSOptions(certificate: settings.tls?.certificate, key: settings.tls?.key, behindTLSProxy: settings.behindTLSProxy)
        #if TLS
        tlsConfiguration = try settings.tls.map { try Self.tlsConfiguration(certificate: $0.certificate, key: $0.key) }
        #endif
        let repository = try TrackerLocation.openTracker(explicit: settings.repositoryPath, environment: [:],
                                                         currentDirectory: URL(fileURLWithPath: settings.repositoryPath))
        let path = repository.workingDirectory?.path ?? repository.gitDirectory.path
        let accounts = UserStore(repository: repository)
        if try !settings.isLoopbackOnly && accounts.load().isEmpty {
            throw AccordError(.usage, L10n.t("serving {1} needs accounts, and the tracker has none: add one with accord user add NAME --party CODE --role admin", settings.behindTLSProxy ? L10n.t("behind a proxy") : L10n.t("on {1}", settings.host)))
        }
        let opener = try settings.identityPath.map { identity in
            try SealedEvidenceOpener(identity: URL(fileURLWithPath: identity)) {
                FileHandle.standardError.write(Data((L10n.t("accord: warning: restricted records not encrypted for {1} stay hidden", identity) + "\n").utf8))
            }
        }
        if let opener, let sample = try TrackerSnapshot.load(repository: repository).lastSealedEvidence {
            try opener.check(with: sample)
        }
        site = try Site(repositoryPath: path, accounts: settings.isLoopbackOnly ? nil : accounts,
                        secureCookies: settings.behindTLSProxy || settings.tls != nil, opener: opener)
    }

    /// The address people open in their browser.
    public var address: String {
        let scheme = settings.tls == nil ? "http" : "https"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "\(scheme)://\(host):\(settings.port)/"
    }

    /// Serves until the process is interrupted; `ready` is called once the port is open.
    public func run(ready: @escaping @Sendable () -> Void = {}) async throws {
        let router = Router()
        site.addRoutes(to: router)
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil)
        let app = Application(router: router, server: try serverBuilder(), configuration: configuration, onServerRunning: { _ in ready() })
        try await app.runService()
    }

    /// HTTP/1.1, inside TLS when the server was given a certificate.
    private func serverBuilder() throws -> HTTPServerBuilder {
        #if TLS
        if let tlsConfiguration { return try .tls(.http1(), tlsConfiguration: tlsConfiguration) }
        #endif
        return .http1()
    }

    #if TLS
    /// The server's TLS settings from two PEM files: exit 66 when one is missing, 65 when
    /// it holds no certificate or key, or the key is not the certificate's.
    static func tlsConfiguration(certificate: String, key: String) throws -> TLSConfiguration {
        for (option, path) in [("--tls-cert", certificate), ("--tls-key", key)] where !FileManager.default.isReadableFile(atPath: path) {
            throw AccordError(.notFound, L10n.t("{1} {2}: no such readable file", option, path))
        }
        let chain: [NIOSSLCertificate]
        do { chain = try NIOSSLCertificate.fromPEMFile(certificate) } catch {
            throw AccordError(.data, L10n.t("--tls-cert {1}: not a PEM certificate ({2})", certificate, String(describing: error)))
        }
        guard !chain.isEmpty else { throw AccordError(.data, L10n.t("--tls-cert {1}: not a PEM certificate ({2})", certificate, "empty")) }
        let privateKey: NIOSSLPrivateKey
        do { privateKey = try NIOSSLPrivateKey(file: key, format: .pem) } catch {
            throw AccordError(.data, L10n.t("--tls-key {1}: not a PEM private key without a passphrase ({2})", key, String(describing: error)))
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(privateKey))
        // Made once here so that a key that is not the certificate's stops the start, not each connection.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw AccordError(.data, L10n.t("--tls-key {1} is not the key of --tls-cert {2} ({3})", key, certificate, String(describing: error)))
        }
        return configuration
    }
    #endif
}
