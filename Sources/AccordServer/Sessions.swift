import AccordCore
import Foundation

/// Who is making a request: an account, or the desk at the server's own keyboard when the
/// server listens on loopback only and so needs no accounts.
struct Visitor: Sendable {
    /// The account, nil for the local desk.
    let account: UserAccount?

    /// The local desk: may do everything, records under the repository's git identity.
    static let localDesk = Visitor(account: nil)

    /// Whether the visitor may do what `role` may.
    func may(_ role: Role) -> Bool { (account?.role ?? .admin) >= role }
}

/// One browser: who signed in (nil before signing in), its token against cross-site
/// forms, and when it ends.
struct Session: Sendable {
    let visitor: Visitor?
    let csrfToken: String
    let expires: Date
    /// The language of this request's pages (chosen per request, see `Site.language`).
    var language: Language = .english
    /// The request's path and query (for the language links).
    var here = "/"
}

/// The sessions of the running server, in memory: a restart signs everyone out, which
/// is the safe way round. Tokens are 256 random bits.
actor SessionBook {
    private var sessions: [String: Session] = [:]
    /// How long a session lasts without signing in again.
    let lifetime: TimeInterval = 8 * 3600

    /// Opens a session for `visitor`; returns its cookie token.
    func open(for visitor: Visitor?) -> (token: String, session: Session) {
        let session = Session(visitor: visitor, csrfToken: Self.randomToken(), expires: Date().addingTimeInterval(lifetime))
        let token = Self.randomToken()
        sessions[token] = session
        if sessions.count % 64 == 0 { sessions = sessions.filter { $0.value.expires > Date() } }
        return (token, session)
    }

    /// The live session of `token`, if any.
    func session(_ token: String?) -> Session? {
        guard let token, let session = sessions[token] else { return nil }
        guard session.expires > Date() else { sessions[token] = nil; return nil }
        return session
    }

    /// Ends the session of `token`.
    func close(_ token: String?) {
        if let token { sessions[token] = nil }
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }
}

/// Failed sign-ins, counted per account name and for the whole server, so that guessing
/// passwords is slow whichever name is tried.
actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private var all: [Date] = []
    /// Failures allowed per name in `window` before that name is refused until the window passes.
    let perName = 5
    /// Failures allowed for all names together in `window`.
    let overall = 50
    let window: TimeInterval = 300

    /// Whether a sign-in as `name` may be tried now.
    func allows(_ name: String) -> Bool {
        let since = Date().addingTimeInterval(-window)
        all.removeAll { $0 < since }
        failures[name, default: []].removeAll { $0 < since }
        return failures[name, default: []].count < perName && all.count < overall
    }

    /// Counts a failed sign-in as `name`.
    func failed(_ name: String) {
        failures[name, default: []].append(Date())
        all.append(Date())
    }

    /// Clears the failures of `name` after a successful sign-in.
    func succeeded(_ name: String) { failures[name] = nil }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
