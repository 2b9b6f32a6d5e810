import AccordCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension Site {
    func addSignIn(to router: Router<BasicRequestContext>) {
        router.get("/login") { request, _ in
            let (session, cookie) = await session(for: request)
            return html200(render("login", ["hideAsOf": true], session: session, reading: nil, query: FormFields()), cookie: cookie)
        }
        router.post("/login") { request, _ in try await signIn(request) }
        router.post("/logout") { request, _ in
            let (session, cookie) = await session(for: request)
            var request = request
            let fields = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: Self.formLimit)))
            guard fields["csrf"] == session.csrfToken else { return forged(session: session, cookie: cookie) }
            await sessions.close(request.cookies[Self.cookieName]?.value)
            return redirect(accounts == nil ? "/" : "/login", cookie: self.cookie("", maxAge: 0))
        }
    }

    /// Checks the name and password (slowly, by design of scrypt, and at most a few
    /// failures a name in five minutes), then starts a new session: the token of the
    /// session before signing in is never reused.
    func signIn(_ request: Request) async throws -> Response {
        let (session, cookie) = await session(for: request)
        var request = request
        let fields = FormFields(urlEncoded: String(buffer: try await request.collectBody(upTo: Self.formLimit)))
        guard fields["csrf"] == session.csrfToken else { return forged(session: session, cookie: cookie) }
        guard let accounts else { return redirect("/", cookie: cookie) }
        let name = fields["name"] ?? ""
        func again(_ problem: String, _ status: HTTPResponse.Status) -> Response {
            html200(render("login", ["hideAsOf": true, "problem": problem, "values": ["name": name]], session: session, reading: nil,
                           query: FormFields()), status: status, cookie: cookie)
        }
        guard await throttle.allows(name) else {
            return again(L10n.t("too many failed sign-ins: wait five minutes and try again", in: session.language), .tooManyRequests)
        }
        let password = fields.pairs.first { $0.name == "password" }?.value ?? ""
        let account = try await blocking { () throws -> UserAccount? in
            // A hash is computed even for an unknown name, so the time taken does not say which names exist.
            let account = try accounts.account(named: name)
            let stored = account?.password ?? Self.unknownNameHash
            return PasswordHash.verify(password, against: stored) ? account : nil
        }
        guard let account else {
            await throttle.failed(name)
            return again(L10n.t("the name or the password is wrong", in: session.language), .unauthorized)
        }
        await throttle.succeeded(name)
        await sessions.close(request.cookies[Self.cookieName]?.value)
        let (token, _) = await sessions.open(for: Visitor(account: account))
        return redirect("/", cookie: self.cookie(token))
    }

    /// A hash no password matches, checked against when the name is unknown.
    static let unknownNameHash = (try? PasswordHash.make(SessionBook.randomToken())) ?? ""
}
