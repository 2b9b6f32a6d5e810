internal import AccordCore
import AccordReports
import Foundation
import GitStore
import Hummingbird
import Mustache

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

        /// Settings for serving `repositoryPath` on `host`:`port`.
        public init(repositoryPath: String, host: String = "127.0.0.1", port: Int = 8080, behindTLSProxy: Bool = false,
                    identityPath: String? = nil) {
            self.identityPath = identityPath
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

    /// A server for `settings`; exit 64 when it would listen beyond this machine with no
    /// account to sign in with.
    public init(settings: Settings) throws {
        self.settings = settings
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
        if let opener, let sample = try TrackerSnapshot.load(repository: repository).evidence.last(where: { $0.sealed != nil }) {
            try opener.check(with: sample)
        }
        site = try Site(repositoryPath: path, accounts: settings.isLoopbackOnly ? nil : accounts,
                        secureCookies: settings.behindTLSProxy, opener: opener)
    }

    /// The address people open in their browser.
    public var address: String {
        let scheme = "http"
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "\(scheme)://\(host):\(settings.port)/"
    }

    /// Serves until the process is interrupted; `ready` is called once the port is open.
    public func run(ready: @escaping @Sendable () -> Void = {}) async throws {
        let router = Router()
        site.addRoutes(to: router)
        let configuration = ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: nil)
        let app = Application(router: router, configuration: configuration, onServerRunning: { _ in ready() })
        try await app.runService()
    }
}
