import AccordCore
import AccordReports
import Foundation
import GitStore
import HTTPTypes
import Hummingbird
import NIOCore
import Mustache

/// The pages and forms, and who may see and use them.
struct Site: Sendable {
    let repositoryPath: String
    /// The accounts when the server needs them (not loopback-only); nil: the local desk.
    let accounts: UserStore?
    let secureCookies: Bool
    /// Opens sealed restricted evidence for those allowed to see it; nil: nobody sees it.
    let opener: SealedEvidenceOpener?
    /// The templates in each language the catalogs speak.
    let templates: [Language: MustacheLibrary]
    let sessions = SessionBook()
    let throttle = LoginThrottle()
    /// The tracker as last read, reused until the branch tip moves.
    let memory: TrackerMemory
    static let cookieName = "accord_session"

    init(repositoryPath: String, accounts: UserStore?, secureCookies: Bool, opener: SealedEvidenceOpener? = nil) throws {
        self.opener = opener
        self.repositoryPath = repositoryPath
        self.accounts = accounts
        self.secureCookies = secureCookies
        memory = TrackerMemory(repositoryPath: repositoryPath)
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases { libraries[language] = try PageTemplates.library(language) }
        templates = libraries
    }

    /// Where the pages find accord's Khmer font, which they name first for Khmer characters
    /// alone: a browser fetches it once, for the first page holding Khmer, and draws Khmer
    /// with it whatever fonts the computer has (a generic family asked for Khmer can answer
    /// with a font that has no Khmer letters, and boxes are drawn).
    static let khmerFontPath = "/fonts/noto-sans-khmer.ttf"
    private static let khmerFont = ByteBuffer(bytes: DocumentFont.khmer.data)

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await page(request) { try dashboard($0) } }
        // No sign-in needed: the font is no record, and the sign-in page is in Khmer too.
        router.get(RouterPath(stringLiteral: Self.khmerFontPath)) { _, _ in
            var headers: HTTPFields = [.contentType: "font/ttf"]
            Self.addSecurityHeaders(&headers)
            headers[.cacheControl] = "public, max-age=604800"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.khmerFont))
        }
        addTableDownloads(router, "status") { reading, _ in
            [.init(name: "status", table: StatusDashboard(snapshot: reading.snapshot, state: reading.state).csvTable())]
        }
        router.get("/show") { request, _ in try await page(request) { try show($0) } }
        router.get("/redline") { request, _ in try await download(request, nil, "text/html") { reading, query in try redline(reading, query) } }
        router.get("/gaps") { request, _ in try await page(request) { try gaps($0) } }
        addTableDownloads(router, "gaps") { reading, query in
            [.init(name: "gaps", table: GapCSVRenderer.table(try reading.gaps(filter: try gapFilter(query, reading: reading))))]
        }
        router.get("/schedule") { request, _ in try await page(request) { view in
            let schedule = view.reading.schedule()
            var value = try TemplateValue.of(schedule) as? [String: Any] ?? [:]
            // The schedule is kept across visitors: its words are put in this visitor's
            // language here (the standing's code stays what the JSON says).
            if let reviews = value["reviews"] as? [[String: Any]] {
                value["reviews"] = reviews.map { review in
                    var review = review
                    if let code = review["standing"] as? String, let standing = ReviewSchedule.Standing(rawValue: code) {
                        review["standingName"] = standing.displayName
                    }
                    return review
                }
            }
            value["notice"] = try schedule.notice.flatMap { ProvenanceNotice(Set($0.marks)) }.map { try TemplateValue.of($0) }
            return ("schedule", value)
        } }
        router.get("/schedule.ics") { request, _ in try await download(request, "schedule.ics", "text/calendar") { reading, _ in
            let names = Dictionary(reading.snapshot.settings?.parties.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a })
            return ICalendarRenderer(calendarName: reading.snapshot.settings?.name ?? "accord", partyNames: names)
                .render(reading.schedule())
        } }
        addTableDownloads(router, "schedule") { reading, _ in
            let schedule = reading.schedule()
            return [.init(name: "reviews", table: ScheduleCSVRenderer.table(schedule)), .init(name: "due", table: ScheduleCSVRenderer.dueTable(schedule))]
        }
        router.get("/meetings") { request, _ in try await page(request) { view in
            ("meetings", ["meetings": try TemplateValue.of(view.reading.snapshot.meetings.reversed() as [Meeting])])
        } }
        addTableDownloads(router, "meetings") { reading, _ in
            // The table of `list meetings --csv`: the reviews each held and the marks too.
            let list = ProgressList.meetings(snapshot: reading.snapshot, asOf: reading.asOf)
            return [.init(name: "meetings", table: list.csvTable(parties: reading.snapshot.settings?.partyCodes.map(\.code) ?? []))]
        }
        router.get("/meeting") { request, _ in try await page(request) { view in
            ("meeting", ["meeting": try TemplateValue.of(try meeting(view.query, in: view.reading))])
        } }
        router.get("/meeting/summary.html") { request, _ in try await download(request, nil, "text/html") { reading, query in
            SummaryHTMLRenderer().render(try reading.summary(of: try meeting(query, in: reading)))
        } }
        router.get("/meeting/summary.md") { request, _ in try await download(request, "summary.md", "text/markdown") { reading, query in
            SummaryMarkdownRenderer().render(try reading.summary(of: try meeting(query, in: reading)))
        } }
        router.get("/history") { request, _ in try await page(request) { view in
            let history = try view.reading.history(limit: 200)
            var value = try TemplateValue.of(history) as? [String: Any] ?? [:]
            value["entries"] = zip(value["entries"] as? [[String: Any]] ?? [], history.entries).map { entry, told in
                var entry = entry
                entry["short"] = (entry["commit"] as? String).map { String($0.prefix(10)) }
                // Kept in English with the history, shown in the page's language with its marks.
                entry["summary"] = ProgressHistory.what(told)
                return entry
            }
            value["limit"] = 200
            return ("history", value)
        } }
        addTableDownloads(router, "history") { reading, _ in
            // The columns of every other download: prose in English, as `--json` keeps it,
            // and the marks of illustrative records and working summaries beside it.
            var table = CSVTable(["date", "kind", "summary", "author", "commit", "marks"], kinds: ["date": .date])
            for entry in try reading.history(limit: 5000).entries {
                table.add([entry.date.description, entry.kind, entry.summary, entry.author, entry.commit,
                           CSVTable.marks(entry.marks)])
            }
            return [.init(name: "history", table: table)]
        }
        router.get("/language") { request, _ in chooseLanguage(request) }
        router.get("/search") { request, _ in try await page(request) { view in
            let text = view.query["q"] ?? ""
            // Marked as `accord search` marks them: the banner says when a hit is in an
            // illustrative record or a working-summary text.
            let hits = try search(text, in: view.reading).marked(in: view.reading.snapshot)
            // What sort of record and where in it, in the reader's language, as `accord search` says them.
            let shown = zip(try TemplateValue.of(hits) as? [[String: Any]] ?? [], hits).map { value, hit in
                value.merging(["kindLabel": hit.kind.displayName, "partLabel": hit.partLabel]) { _, label in label }
            }
            var value: [String: Any] = ["q": text, "searched": !TrackerSearch.words(of: text).isEmpty, "count": hits.count,
                                        "hits": shown,
                                        "query": "q=\(Self.urlEncoded(text))&as-of=\(view.reading.asOf)"]
            value["notice"] = try ProvenanceNotice(Set(hits.flatMap(\.marks))).map { try TemplateValue.of($0) }
            return ("search", value)
        } }
        addTableDownloads(router, "search") { reading, query in
            var table = CSVTable(["kind", "id", "part", "language", "date", "path", "text", "marks"], kinds: ["date": .date])
            for hit in try search(query["q"] ?? "", in: reading).marked(in: reading.snapshot) {
                table.add([hit.kind.rawValue, hit.id, hit.part, hit.language, hit.date?.description ?? "", hit.path, hit.text,
                           CSVTable.marks(hit.marks)])
            }
            return [.init(name: "search", table: table)]
        }
        addForms(to: router)
        addMeetingForm(to: router)
        addInstrumentForms(to: router)
        addImportForms(to: router)
        addSyncPage(to: router)
        addSignIn(to: router)
    }

    // MARK: Pages

    /// The tracker at the branch tip as it stood on `asOf`, from the server's memory.
    func tracker(asOf: CalendarDate, fresh: Bool = true) throws -> TrackerReading {
        try TrackerReading(memory: memory, repositoryPath: repositoryPath, asOf: asOf, fresh: fresh)
    }

    /// What a page handler gets: the tracker at the page's date, the query, the visitor.
    struct PageRequest {
        let reading: TrackerReading
        let query: FormFields
        let session: Session
    }

    /// Renders the page `build` makes for `request`, at the date its `as-of` names.
    func page(_ request: Request, _ build: @escaping @Sendable (PageRequest) throws -> (String, Any)) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard session.visitor != nil else { return redirect("/login", cookie: cookie) }
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        do {
            let html = try await blocking { () throws -> String in
                let asOf = try Self.asOf(query)
                var reading = try tracker(asOf: asOf)
                reading.redaction = redaction(for: session)
                let (template, value) = try L10n.with(session.language) { try build(PageRequest(reading: reading, query: query, session: session)) }
                return render(template, value, session: session, reading: reading, query: query)
            }
            return html200(html, cookie: cookie)
        } catch let failure as any AccordFailure {
            return message(status: failure.exitStatus == .noInput ? .notFound : .badRequest, heading: L10n.t("Not shown", in: session.language),
                           text: L10n.with(session.language) { failure.message }, session: session, cookie: cookie)
        }
    }

    /// A list's downloads, `/NAME.csv` and `/NAME.xlsx`, of the same tables `make` builds
    /// (the columns of `--csv` and `--format xlsx`): the CSV holds the first, the workbook
    /// a sheet each.
    func addTableDownloads(_ router: Router<BasicRequestContext>, _ name: String,
                           _ make: @escaping @Sendable (TrackerReading, FormFields) throws -> [SpreadsheetWorkbook.Sheet]) {
        router.get("/\(name).csv") { request, _ in try await download(request, "\(name).csv", "text/csv") { reading, query in
            try make(reading, query).first?.table.render() ?? ""
        } }
        router.get("/\(name).xlsx") { request, _ in
            try await downloadData(request, "\(name).xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { reading, query in
                try SpreadsheetWorkbook(try make(reading, query)).data()
            }
        }
    }

    /// A file for download (or a self-contained page): the text `make` writes.
    func download(_ request: Request, _ name: String?, _ type: String,
                  _ make: @escaping @Sendable (TrackerReading, FormFields) throws -> String) async throws -> Response {
        try await downloadData(request, name, "\(type); charset=utf-8") { reading, query in Data(try make(reading, query).utf8) }
    }

    /// A file for download of `type`: the bytes `make` writes, named `name` when saved.
    func downloadData(_ request: Request, _ name: String?, _ type: String,
                      _ make: @escaping @Sendable (TrackerReading, FormFields) throws -> Data) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard session.visitor != nil else { return redirect("/login", cookie: cookie) }
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        do {
            let data = try await blocking { () throws -> Data in
                var reading = try tracker(asOf: try Self.asOf(query))
                reading.redaction = redaction(for: session)
                return try L10n.with(session.language) { try make(reading, query) }
            }
            var headers: HTTPFields = [.contentType: type]
            if let name { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
            Self.addSecurityHeaders(&headers)
            var response = Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
            if let cookie { response.setCookie(cookie) }
            return response
        } catch let failure as any AccordFailure {
            return message(status: failure.exitStatus == .noInput ? .notFound : .badRequest, heading: L10n.t("Not shown", in: session.language),
                           text: L10n.with(session.language) { failure.message }, session: session, cookie: cookie)
        }
    }

    /// What `session` may see of restricted evidence: nothing without the server's age
    /// identity; with it, the local desk everything the key opens, an account what its
    /// `restricted` setting allows (its own party's, or every party's).
    func redaction(for session: Session) -> Redaction {
        guard let opener, let visitor = session.visitor else { return Redaction(includeRestricted: false) }
        guard let account = visitor.account else { return Redaction(includeRestricted: true, opener: opener) }
        switch account.restricted {
        case .all?: return Redaction(includeRestricted: true, opener: opener)
        case .own?: return Redaction(includeRestricted: true, opener: opener, parties: [account.party])
        case nil: return Redaction(includeRestricted: false)
        }
    }

    /// The page's date: `as-of` (yyyy-mm-dd), else today.
    static func asOf(_ query: FormFields) throws -> CalendarDate {
        guard let text = query["as-of"] else { return .today() }
        guard let date = CalendarDate(text) else {
            throw AccordError(.usage, L10n.t("as-of {1} is not a date (yyyy-mm-dd)", text.debugDescription))
        }
        return date
    }

    func dashboard(_ view: PageRequest) throws -> (String, Any) {
        // The counts depend on the tracker and the language only: made once per tip, date
        // and language, then only rendered.
        let language = view.session.language
        let value = try view.reading.remembered("dashboard.\(language.rawValue)") {
            try L10n.with(language) { try dashboardValue(view.reading) }
        }
        return ("dashboard", value)
    }

    private func dashboardValue(_ reading: TrackerReading) throws -> [String: Any] {
        let dashboard = StatusDashboard(snapshot: reading.snapshot, state: reading.state)
        var value = try TemplateValue.of(dashboard) as? [String: Any] ?? [:]
        value["groups"] = (value["groups"] as? [[String: Any]] ?? []).map { group in
            var group = group
            let parties = group["parties"] as? [[String: Any]] ?? []
            group["parties"] = parties.enumerated().map { index, party in
                var party = party
                let counts = party["counts"] as? [String: Any] ?? [:]
                party["done"] = (counts["implemented"] as? Int ?? 0) + (counts["not-applicable"] as? Int ?? 0)
                party["overdueAlert"] = (party["overdue"] as? Int ?? 0) > 0
                if index == 0 {
                    party["first"] = ["id": group["id"] ?? "", "idURL": Self.urlEncoded(group["id"] as? String ?? ""),
                                      "title": group["title"] ?? "", "withEvidence": group["withEvidence"] ?? 0,
                                      "groupTargets": group["targets"] ?? 0]
                }
                return party
            }
            return group
        }
        return value
    }

    func show(_ view: PageRequest) throws -> (String, Any) {
        guard let id = view.query["id"] else { throw AccordError(.usage, L10n.t("which record? give ?id=")) }
        let reading = view.reading
        let report = try reading.show(id)
        var value = try TemplateValue.of(report) as? [String: Any] ?? [:]
        if let instrumentID = InstrumentID(report.id), let instrument = reading.snapshot.instrument(instrumentID) {
            let revisions = try TextRevisions.read(instrument.id, languages: instrument.languages, in: reading.repository,
                                                   from: reading.commit)
            let language = instrument.languages.first ?? "en"
            if let inForce = revisions.inForce(on: reading.asOf) {
                let text = try TextVersion.read(instrument.id, language: language, at: inForce.commit,
                                                label: inForce.date.description, in: reading.repository).text
                value["text"] = ["articles": text.articles.map { article in
                    var view: [String: Any] = ["heading": article.heading, "body": article.fullText]
                    view["number"] = article.number.map(String.init)
                    return view
                }]
                value["textLanguage"] = language
            }
            let choices = revisions.revisions.filter { $0.date <= reading.asOf }.map {
                ["commit": $0.commit.hex, "date": $0.date.description, "summary": $0.summary]
            }
            if choices.count >= 2 {
                value["redline"] = ["id": instrument.id.description, "choices": choices,
                                    "choicesNewestFirst": Array(choices.reversed()), "languages": instrument.languages] as [String: Any]
            }
            value["commitments"] = instrument.commitments.map { commitment in
                let qualified = commitment.id.contains("#") ? commitment.id : "\(instrument.id)#\(commitment.id)"
                return ["id": qualified, "summary": commitment.summary]
            }
            return ("instrument", value)
        }
        let gaps = try reading.gaps(filter: GapReport.Filter())
        value["gaps"] = try TemplateValue.of(gaps.gaps.filter { $0.item == report.id })
        return ("show", L10n.with(view.session.language) { Self.withEvidenceKindNames(value) })
    }

    /// `value` with `kindName`, the kind's name in the run's language, beside the `kind`
    /// code of each entry of its evidence lists.
    static func withEvidenceKindNames(_ value: Any) -> Any {
        if var dictionary = value as? [String: Any] {
            for (key, inner) in dictionary { dictionary[key] = withEvidenceKindNames(inner) }
            if let list = dictionary["evidence"] as? [[String: Any]] {
                dictionary["evidence"] = list.map { entry in
                    var entry = entry
                    if let code = entry["kind"] as? String { entry["kindName"] = AccordCore.Evidence.Kind(rawValue: code)?.displayName ?? code }
                    return entry
                }
            }
            return dictionary
        }
        if let array = value as? [Any] { return array.map(withEvidenceKindNames) }
        return value
    }

    /// `accord search` at the page's date: the titles, notes and articles holding every
    /// word of `text` (restricted evidence is never indexed).
    func search(_ text: String, in reading: TrackerReading) throws -> [SearchHit] {
        guard !TrackerSearch.words(of: text).isEmpty else { return [] }
        return try TrackerSearch.search(text, repository: reading.repository, commit: reading.commit, asOf: reading.asOf)
    }

    func redline(_ reading: TrackerReading, _ query: FormFields) throws -> String {
        guard let id = query["id"], let instrumentID = InstrumentID(id), let instrument = reading.snapshot.instrument(instrumentID) else {
            throw AccordError(.notFound, L10n.t("no instrument {1} in the tracker", query["id"] ?? "named"))
        }
        let language = query["lang"] ?? instrument.languages.first ?? "en"
        let revisions = try TextRevisions.read(instrument.id, languages: instrument.languages, in: reading.repository, from: reading.commit)
        let old = try TextVersion.resolve(query["from"] ?? "", language: language, revisions: revisions, in: reading.repository)
        let new = try TextVersion.resolve(query["to"] ?? "", language: language, revisions: revisions, in: reading.repository)
        var diff = InstrumentDiff(old: old.text, new: new.text)
        diff.notice = ProvenanceNotice(instrument.marks(of: language))
        return DiffHTMLRenderer().render(diff)
    }

    func gapFilter(_ query: FormFields, reading: TrackerReading) throws -> GapReport.Filter {
        let party = try query["party"].map { text in
            guard let code = PartyCode(text), reading.snapshot.settings?.partyCodes.contains(code) ?? false else {
                throw AccordError(.usage, L10n.t("unknown party {1}", text))
            }
            return code
        }
        let rules = try query.all("rule").map { text in
            guard let rule = GapRule(rawValue: text) else { throw AccordError(.usage, L10n.t("unknown rule {1}", text)) }
            return rule
        }
        let owner = try query["instrument"].map { try reading.resolver.resolve($0, as: [.instrument, .plan, .meeting]).id }
        return GapReport.Filter(party: party, instrument: owner, rules: Set(rules))
    }

    /// How many gaps one page of the gaps list shows.
    static let gapsPerPage = 100

    func gaps(_ view: PageRequest) throws -> (String, Any) {
        let reading = view.reading
        var problem: String?
        var filter = GapReport.Filter()
        do { filter = try gapFilter(view.query, reading: reading) } catch let failure as any AccordFailure { problem = failure.message }
        let report = try reading.gaps(filter: filter)
        // A page shows one bounded slice; the downloads carry every gap the filter keeps.
        let pages = max(1, (report.gaps.count + Self.gapsPerPage - 1) / Self.gapsPerPage)
        let pageNumber = min(max(Int(view.query["page"] ?? "") ?? 1, 1), pages)
        let first = (pageNumber - 1) * Self.gapsPerPage
        let shown = Array(report.gaps[first..<min(first + Self.gapsPerPage, report.gaps.count)])
        var value = try TemplateValue.of(GapReport(asOf: report.asOf, parties: report.parties, gaps: shown)) as? [String: Any] ?? [:]
        // The banner speaks of every gap found, not only of those on this page.
        value["notice"] = try report.notice.map { try TemplateValue.of($0) }
        value["count"] = report.gaps.count
        // Severities and rules by name in the visitor's language; the codes stay the style's
        // class and the filter's value.
        if let rows = value["gaps"] as? [[String: Any]] {
            value["gaps"] = zip(rows, shown).map { row, gap in
                row.merging(L10n.with(view.session.language) { ["severityName": gap.severity.displayName, "ruleName": gap.rule.title] }) { _, new in new }
            }
        }
        let filters = view.query.pairs.filter { $0.name != "page" }
        let filterQuery = filters.map { "\(Self.urlEncoded($0.name))=\(Self.urlEncoded($0.value))" }.joined(separator: "&")
        if pages > 1 {
            let link = { (page: Int) in filterQuery.isEmpty ? "page=\(page)" : "\(filterQuery)&page=\(page)" }
            var paging: [String: Any] = ["page": pageNumber, "pages": pages, "from": first + 1, "through": first + shown.count]
            if pageNumber > 1 { paging["previous"] = link(pageNumber - 1) }
            if pageNumber < pages { paging["next"] = link(pageNumber + 1) }
            value["paging"] = paging
        }
        value["filterProblem"] = problem
        value["instrumentFilter"] = view.query["instrument"] ?? ""
        value["partyChoices"] = (reading.snapshot.settings?.partyCodes ?? []).map {
            ["code": $0.code, "selected": view.query["party"] == $0.code] as [String: Any]
        }
        value["ruleChoices"] = L10n.with(view.session.language) {
            GapRule.allCases.map { ["code": $0.rawValue, "name": $0.title, "selected": view.query["rule"] == $0.rawValue] as [String: Any] }
        }
        value["query"] = filterQuery
        return ("gaps", value)
    }

    func meeting(_ query: FormFields, in reading: TrackerReading) throws -> Meeting {
        guard let text = query["id"] else { throw AccordError(.usage, L10n.t("which meeting? give ?id=")) }
        let id = try reading.resolver.resolve(text, as: [.meeting]).id
        guard let meeting = reading.snapshot.meetings.first(where: { $0.id.rawValue == id }) else {
            throw AccordError(.notFound, L10n.t("no meeting {1}", text))
        }
        return meeting
    }

    // MARK: Rendering

    /// `template` filled with `value` and what every page shows (the visitor, the date,
    /// the form token, the notice on illustrative entries).
    func render(_ template: String, _ value: Any, session: Session, reading: TrackerReading?, query: FormFields) -> String {
        var context = (Self.withURLs(value) as? [String: Any]) ?? ["value": Self.withURLs(value)]
        context["csrf"] = session.csrfToken
        context["asOf"] = context["asOf"] ?? reading?.asOf.description ?? CalendarDate.today().description
        context["trackerName"] = reading?.snapshot.settings?.name ?? "accord"
        context["asOfFields"] = query.pairs.filter { $0.name != "as-of" }.map { ["name": $0.name, "value": $0.value] }
        if let account = session.visitor?.account {
            context["user"] = ["name": account.name, "party": account.party.code, "role": account.role.rawValue]
        }
        context["canReport"] = session.visitor?.may(.reporter) ?? false
        context["canEdit"] = session.visitor?.may(.editor) ?? false
        context["lang"] = session.language.rawValue
        context["hereURL"] = Self.urlEncoded(session.here)
        // Dates and digits in the visitor's forms, as the terminal shows them; form values
        // (attributes, text areas) keep what the tracker stores.
        return LocalForms.applyHTML(templates[session.language]?.render(context, withTemplate: template) ?? "", language: session.language)
    }

    /// `value` with an `xURL` beside every id-like string `x`, percent-encoded for links
    /// (ids hold `#`, which a link would otherwise take for a fragment).
    static func withURLs(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            var result = dictionary.mapValues(withURLs)
            for key in ["id", "item", "instrument", "target"] {
                if let text = dictionary[key] as? String { result[key + "URL"] = urlEncoded(text) }
            }
            // Plain lists of ids (an item's links, what evidence supports) become entries
            // with the id and its link.
            for key in ["linked", "supports"] {
                if let ids = dictionary[key] as? [String] { result[key] = ids.map { ["id": $0, "idURL": urlEncoded($0)] } }
            }
            return result
        }
        if let array = value as? [Any] {
            return array.map(withURLs)
        }
        return value
    }

    static func urlEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func addSecurityHeaders(_ headers: inout HTTPFields) {
        // No script, no frame, nothing from elsewhere: the pages need none of it.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
    }

    func html200(_ html: String, status: HTTPResponse.Status = .ok, cookie: Cookie?) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        Self.addSecurityHeaders(&headers)
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    func redirect(_ location: String, cookie: Cookie?) -> Response {
        var headers: HTTPFields = [.location: location]
        Self.addSecurityHeaders(&headers)
        var response = Response(status: .seeOther, headers: headers)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    func message(status: HTTPResponse.Status, heading: String, text: String, session: Session, cookie: Cookie?) -> Response {
        let html = render("message", ["heading": heading, "text": text, "hideAsOf": true], session: session, reading: nil,
                          query: FormFields())
        return html200(html, status: status, cookie: cookie)
    }

    // MARK: Sessions

    /// The request's session, or a new one (the local desk's when no accounts are needed,
    /// else one not yet signed in) with the cookie that carries it.
    func session(for request: Request) async -> (Session, Cookie?) {
        if var session = await sessions.session(request.cookies[Self.cookieName]?.value) {
            // The account as it is now: one removed since signing in is signed out, one
            // given another role or party acts with it at once.
            if let accounts, let name = session.visitor?.account?.name {
                let current = try? accounts.account(named: name)
                session = Session(visitor: current.map { Visitor(account: $0) }, csrfToken: session.csrfToken, expires: session.expires)
            }
            session.language = Self.language(of: request, account: session.visitor?.account)
            session.here = Self.here(request)
            return (session, nil)
        }
        var (token, session) = await sessions.open(for: accounts == nil ? .localDesk : nil)
        session.language = Self.language(of: request, account: nil)
        session.here = Self.here(request)
        return (session, cookie(token))
    }

    static let languageCookie = "accord_lang"

    /// The language of a request's pages: the one last chosen with the page's language
    /// links (a cookie), else the account's, else the browser's first that the catalogs
    /// speak (Accept-Language), else English.
    static func language(of request: Request, account: UserAccount?) -> Language {
        if let chosen = request.cookies[languageCookie].flatMap({ Language(rawValue: $0.value) }) { return chosen }
        if let own = account?.language.flatMap(Language.init(code:)) { return own }
        for part in (request.headers[.acceptLanguage] ?? "").split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let known = Language(code: tag) { return known }
        }
        return .english
    }

    /// The request's path and query: where a language link comes back to.
    static func here(_ request: Request) -> String {
        request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
    }

    /// Whether `path` is a path of this site: it starts with one `/`, and holds no `\\`
    /// (a browser reads `/\\` as `//`, another site). By scalars: a `/` or `\\` carrying a
    /// combining mark is one Character.
    static func isLocalPath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(2))
        return scalars.first == "/" && scalars.dropFirst().first != "/" && !path.unicodeScalars.contains("\\")
    }

    /// `/language?to=vi&back=/gaps`: keeps the choice in a cookie for a year and goes
    /// back to the page (only to a path of this site).
    func chooseLanguage(_ request: Request) -> Response {
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        let back = query["back"].flatMap { Self.isLocalPath($0) ? $0 : nil } ?? "/"
        guard let language = query["to"].flatMap(Language.init(rawValue:)) else { return redirect(back, cookie: nil) }
        let cookie = Cookie(name: Self.languageCookie, value: language.rawValue, maxAge: 365 * 86400, path: "/",
                            secure: secureCookies, httpOnly: true, sameSite: .lax)
        return redirect(back, cookie: cookie)
    }

    func cookie(_ token: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: Self.cookieName, value: token, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }
}

/// Runs `body`, which blocks (git, files), off the tasks that serve connections.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
