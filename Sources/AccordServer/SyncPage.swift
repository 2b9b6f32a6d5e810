import AccordCore
import AccordReports
import Foundation
import GitStore
import HTTPTypes
import Hummingbird
import NIOCore

extension Site {
    func addSyncPage(to router: Router<BasicRequestContext>) {
        router.get("/sync") { request, _ in
            let (session, cookie) = await session(for: request)
            guard session.visitor != nil else { return redirect("/login", cookie: cookie) }
            let html = try await blocking { render("sync", try syncChoices(), session: session, reading: nil, query: FormFields()) }
            return html200(html, cookie: cookie)
        }
        router.post("/sync") { request, _ in try await runSync(request) }
    }

    /// The remotes the tracker syncs with, for the page.
    func syncChoices() throws -> [String: Any] {
        let repository = try TrackerLocation.openTracker(explicit: repositoryPath, environment: [:],
                                                         currentDirectory: URL(fileURLWithPath: repositoryPath))
        let remotes = try repository.remotes()
        return ["hideAsOf": true, "remotes": remotes.map { ["name": $0.name, "url": $0.url] }, "hasRemote": !remotes.isEmpty]
    }

    /// `accord sync` from the Sync button (editors and above): the page is sent as the sync
    /// goes — the objects received and sent, what the check of the incoming records says —
    /// then its result, all in plain HTML that the browser shows as it arrives.
    func runSync(_ request: Request) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard let visitor = session.visitor else { return redirect("/login", cookie: cookie) }
        guard visitor.may(.editor) else { return refused(.editor, session: session, cookie: cookie) }
        var request = request
        let body = try await request.collectBody(upTo: Self.formLimit)
        guard FormFields(urlEncoded: String(buffer: body))["csrf"] == session.csrfToken else {
            return forged(session: session, cookie: cookie)
        }
        let page = try await blocking { () throws -> String in
            var value = try syncChoices()
            value["running"] = true
            return render("sync", value, session: session, reading: nil, query: FormFields())
        }
        let parts = page.components(separatedBy: "<!--progress-->")
        let (head, tail) = (parts.first ?? page, parts.count > 1 ? parts[1] : "")
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        continuation.yield(ByteBuffer(string: head))
        let path = repositoryPath
        let language = session.language
        DispatchQueue.global().async {
            func line(_ text: String) { continuation.yield(ByteBuffer(string: "<li>\(HTMLText.escape(text))</li>\n")) }
            var lastShown = Date.distantPast
            var lastLine = ""
            // The whole run in the visitor's language: progress, the check's lines, the result.
            let outcome = L10n.with(language) { () -> (ok: Bool, lines: [String]) in
                do {
                    let repository = try TrackerLocation.openTracker(explicit: path, environment: [:],
                                                                     currentDirectory: URL(fileURLWithPath: path))
                    let report = try TrackerSync.run(repository, environment: [:], progress: { progress in
                        // A line a second at most, and the last one.
                        guard Date().timeIntervalSince(lastShown) >= 1 || progress.objects == progress.totalObjects else { return }
                        let text = progress.direction == .receiving
                            ? L10n.t("received {1} of {2} objects ({3} KiB)", progress.objects, progress.totalObjects, progress.bytes / 1024)
                            : L10n.t("sent {1} of {2} objects ({3} KiB)", progress.objects, progress.totalObjects, progress.bytes / 1024)
                        guard text != lastLine else { return }
                        (lastShown, lastLine) = (Date(), text)
                        line(text)
                    }, reviewed: { lines in lines.forEach(line) })
                    return (report.outcome != .conflict, TrackerSync.summary(report).split(separator: "\n").map(String.init)
                        + (report.outcome == .conflict
                            ? [L10n.t("files both sides changed differently: {1}", report.conflicts.joined(separator: ", ")),
                               L10n.t("nothing moved here; resolve them on a desk (accord sync --help)")] : []))
                } catch {
                    return (false, [FormOutcome.message(error)])
                }
            }
            let heading = outcome.ok ? L10n.t("Sync done", in: language) : L10n.t("Sync stopped", in: language)
            continuation.yield(ByteBuffer(string: "</ol>\n<div class=\"\(outcome.ok ? "done" : "problems")\" role=\"status\"><h2>"
                + HTMLText.escape(heading) + "</h2>"
                + outcome.lines.map { "<p>\(HTMLText.escape($0))</p>" }.joined() + "</div>\n" + tail))
            continuation.finish()
        }
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        Self.addSecurityHeaders(&headers)
        var response = Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: stream))
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
