import AccordCore
import Foundation
import GitStore
import HTTPTypes
import Hummingbird
import NIOCore

/// What a submitted form came to: every problem by field, or what was recorded.
struct FormOutcome: @unchecked Sendable {
    var problems: [String: String] = [:]
    var recorded: String?
    /// The id of the record made, for a link to its page.
    var link: String?
    /// What would be recorded, shown instead of recording (the texts' article outlines).
    var preview: [[String: Any]]?
    var previewSummary: String?

    /// Adds `error`'s one-line message as `field`'s problem (the first one stays).
    mutating func add(_ field: String, _ error: any Error) {
        if problems[field] == nil { problems[field] = Self.message(error) }
    }

    static func message(_ error: any Error) -> String {
        if let failure = error as? any AccordFailure { return failure.message }
        if let failure = error as? GitError { return failure.message }
        return String(describing: error)
    }

    /// Whether `message` (in the visitor's language) was made from the catalog message
    /// `english`: how a refusal is put under the field it concerns whatever the language.
    static func message(_ message: String, isFrom english: String) -> Bool {
        L10n.isMessage(message, madeFrom: english) || L10n.isMessage(message, madeFrom: english, in: .english)
    }
}

extension Site {
    /// The largest URL-encoded form accepted: notes are short.
    static let formLimit = 1_048_576

    func addForms(to router: Router<BasicRequestContext>) {
        router.get("/log") { request, _ in
            try await form(request, "log", need: .reporter) { reading, session, query in
                logChoices(reading, visitor: session.visitor, values: query.values)
            }
        }
        router.post("/log") { request, _ in
            try await submit(request, "log", need: .reporter) { form, visitor in
                try logProgress(form, visitor: visitor)
            } choices: { reading, visitor, values in logChoices(reading, visitor: visitor, values: values) }
        }
        router.get("/evidence") { request, _ in
            try await form(request, "evidence", need: .reporter) { reading, session, query in
                evidenceChoices(reading, visitor: session.visitor, values: query.values)
            }
        }
        router.post("/evidence") { request, _ in
            try await submitEvidence(request)
        }
        router.get("/retract") { request, _ in
            try await form(request, "retract", need: .editor) { _, _, query in ["values": query.values] }
        }
        router.post("/retract") { request, _ in
            try await submit(request, "retract", need: .editor) { form, visitor in
                try retract(form, visitor: visitor)
            } choices: { _, _, values in ["values": values] }
        }
    }

    // MARK: Showing and taking forms

    /// An empty form, its choices (statuses, parties) filled by `choices`.
    func form(_ request: Request, _ template: String, need role: Role,
              _ choices: @escaping @Sendable (TrackerReading, Session, FormFields) throws -> [String: Any]) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard let visitor = session.visitor else { return redirect("/login", cookie: cookie) }
        guard visitor.may(role) else { return refused(role, session: session, cookie: cookie) }
        let query = FormFields(urlEncoded: request.uri.query ?? "")
        let html = try await blocking { () throws -> String in
            let reading = try tracker(asOf: .today(), fresh: false)
            var value = try L10n.with(session.language) { try choices(reading, session, query) }
            value["hideAsOf"] = true
            return render(template, value, session: session, reading: reading, query: FormFields())
        }
        return html200(html, cookie: cookie)
    }

    /// Takes a URL-encoded form: checks the form token, then `record` either records or
    /// returns every problem; the form is shown again with them, or with what was recorded.
    func submit(_ request: Request, _ template: String, need role: Role,
                _ record: @escaping @Sendable (FormFields, Visitor) throws -> FormOutcome,
                choices: @escaping @Sendable (TrackerReading, Visitor?, [String: String]) -> [String: Any]) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard let visitor = session.visitor else { return redirect("/login", cookie: cookie) }
        guard visitor.may(role) else { return refused(role, session: session, cookie: cookie) }
        var request = request
        let body = try await request.collectBody(upTo: Self.formLimit)
        let fields = FormFields(urlEncoded: String(buffer: body))
        guard fields["csrf"] == session.csrfToken else { return forged(session: session, cookie: cookie) }
        return try await answer(template, fields, session: session, cookie: cookie, choices: choices) { try record(fields, visitor) }
    }

    /// The form again, after `record` ran: with its problems (status 422, the values kept)
    /// or with what was recorded (the fields cleared for the next record).
    func answer(_ template: String, _ fields: FormFields, session: Session, cookie: Cookie?,
                choices: @escaping @Sendable (TrackerReading, Visitor?, [String: String]) -> [String: Any],
                record: @escaping @Sendable () throws -> FormOutcome) async throws -> Response {
        let (html, failed) = try await blocking { () throws -> (String, Bool) in
            // The problems and the confirmation in the visitor's language: a task-local
            // choice, so requests in other languages at the same time keep theirs.
            let outcome = try L10n.with(session.language) { try record() }
            // The choices (parties, statuses) do not go stale: the tip last read will do.
            let reading = try tracker(asOf: .today(), fresh: false)
            // A preview keeps the values for the form that records them.
            var values = outcome.problems.isEmpty && outcome.preview == nil ? [:] : fields.values
            values["csrf"] = nil
            var value = L10n.with(session.language) { choices(reading, session.visitor, values) }
            value["hideAsOf"] = true
            value["recorded"] = outcome.recorded
            value["recordedLink"] = outcome.link.map(Self.urlEncoded)
            value["preview"] = outcome.preview
            value["previewSummary"] = outcome.previewSummary
            value["hasProblems"] = !outcome.problems.isEmpty
            value["fields"] = outcome.problems.mapValues { ["problem": $0] }.reduce(into: [String: Any]()) { result, entry in
                result[entry.key] = ["problem": entry.value["problem"]!, "field": entry.key]
            }
            return (render(template, value, session: session, reading: reading, query: FormFields()), !outcome.problems.isEmpty)
        }
        return html200(html, status: failed ? .unprocessableContent : .ok, cookie: cookie)
    }

    func refused(_ role: Role, session: Session, cookie: Cookie?) -> Response {
        message(status: .forbidden, heading: L10n.t("Not allowed", in: session.language),
                text: L10n.t("this needs the role {1} or above; ask an administrator of this server", in: session.language, role.rawValue), session: session, cookie: cookie)
    }

    func forged(session: Session, cookie: Cookie?) -> Response {
        message(status: .forbidden, heading: L10n.t("Form refused", in: session.language),
                text: L10n.t("the form's token is missing or out of date, so it may not have come from this site: nothing was recorded; open the form again and send it from there", in: session.language), session: session, cookie: cookie)
    }

    // MARK: The records

    /// Who a record is written by: the signed-in account, or the repository's git identity
    /// for the local desk. Dated noon UTC of the fact's day, as the command line dates it.
    static func author(_ visitor: Visitor, on day: CalendarDate, in repository: Repository) -> (person: Person, signature: Signature) {
        let fallback = TrackerLocation.defaultAuthor(of: repository)
        let person = visitor.account.map { Person(name: $0.name, email: $0.email ?? "") }
            ?? Person(name: fallback.name, email: fallback.email)
        return (person, Signature(name: person.name, email: person.email.isEmpty ? fallback.email : person.email, date: day.noonUTC))
    }

    /// A reporter records for their own party only; editors and the local desk for any.
    static func checkParty(_ party: PartyCode?, of visitor: Visitor, into outcome: inout FormOutcome) {
        guard let account = visitor.account, account.role == .reporter, party != account.party else { return }
        outcome.problems["party"] = party.map { L10n.t("{1} reports for {2} only; a report for {3} needs an editor", account.name, account.party, $0.code) }
            ?? L10n.t("{1} reports for {2} only; a report for no party needs an editor", account.name, account.party)
    }

    static func day(_ form: FormFields, today: CalendarDate, into outcome: inout FormOutcome) -> CalendarDate {
        guard let text = form["date"] else { return today }
        guard let date = CalendarDate(text) else {
            outcome.problems["date"] = L10n.t("{1} is not a date (yyyy-mm-dd)", text.debugDescription)
            return today
        }
        if date > today { outcome.problems["date"] = L10n.t("{1} is after today: a record says what is true from a day already reached", date) }
        return date
    }

    func logChoices(_ reading: TrackerReading, visitor: Visitor?, values: [String: String]) -> [String: Any] {
        let parties = (reading.snapshot.settings?.partyCodes ?? []) + [.joint]
        let ownParty = visitor?.account?.party
        let chosen = values["party"] ?? ownParty?.code
        return [
            "values": values.merging(["date": values["date"] ?? CalendarDate.today().description]) { $1 },
            "statuses": Status.allCases.map { ["code": $0.rawValue, "name": $0.displayName, "selected": values["status"] == $0.rawValue] as [String: Any] },
            "partyChoices": parties.map { ["code": $0.code, "selected": chosen == $0.code] as [String: Any] },
        ]
    }

    /// `accord log` from a form: every field checked, each problem kept by field, and
    /// nothing recorded unless there is none.
    func logProgress(_ form: FormFields, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        let status = form["status"].flatMap(Status.init(rawValue:))
        if status == nil {
            outcome.problems["status"] = L10n.t("choose a status: {1}", Status.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let day = Self.day(form, today: today, into: &outcome)
        let party = form["party"].flatMap(PartyCode.init(reportingParty:))
        if form["party"] != nil && party == nil { outcome.problems["party"] = L10n.t("{1} is not a party code", form["party"]!) }
        var request = StatusReportRequest(target: form["target"] ?? "", status: status ?? .notStarted, date: day, party: party,
                                          evidence: form.all("evidence"))
        request.note = form["note"]
        var target: TrackedTarget?
        if form["target"] == nil {
            outcome.problems["target"] = L10n.t("say which commitment, plan item or decision the report is on")
        } else {
            do { target = try request.resolveTarget(in: reading.snapshot, resolver: reading.resolver) } catch { outcome.add("target", error) }
        }
        Self.checkParty(party, of: visitor, into: &outcome)
        if let target, outcome.problems["party"] == nil {
            do { request.party = try request.resolveParty(for: target) } catch { outcome.add("party", error) }
        }
        if status == .notApplicable && request.note == nil {
            outcome.problems["note"] = L10n.t("a not-applicable status needs a note saying why")
        }
        for id in request.evidence {
            do { _ = try reading.resolver.resolve(id, as: [.evidence]) } catch { outcome.add("evidence", error) }
        }
        guard outcome.problems.isEmpty else { return outcome }
        let author = Self.author(visitor, on: day, in: reading.repository)
        request.reporter = author.person.description
        var recorded: StatusReport?
        do {
            let commit = try reading.write(author: author.signature) {
                let report = try request.report(in: reading.snapshot, resolver: reading.resolver, today: today)
                recorded = report
                return ([report.path: Data(report.yamlText().utf8)], report.commitMessage)
            }
            if let recorded {
                outcome.recorded = L10n.t("recorded {1}: {2} {3} {4} on {5} (commit {6})", recorded.id, recorded.target, recorded.party,
                                          recorded.status.rawValue, recorded.date, commit.short)
            }
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }

    func retract(_ form: FormFields, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        if form["reason"] == nil { outcome.problems["reason"] = L10n.t("say why the record no longer counts") }
        let author = Self.author(visitor, on: today, in: reading.repository)
        let request = WithdrawalRequest(record: form["record"] ?? "", reason: form["reason"] ?? "", reporter: author.person.description)
        if form["record"] == nil {
            outcome.problems["record"] = L10n.t("give the id of the status report or evidence to retract")
        } else {
            do { _ = try request.resolve(in: reading.snapshot, resolver: reading.resolver) } catch { outcome.add("record", error) }
        }
        guard outcome.problems.isEmpty else { return outcome }
        do {
            var recorded: Withdrawal?
            let commit = try reading.write(author: author.signature) {
                let withdrawal = try request.withdrawal(in: reading.snapshot, resolver: reading.resolver, today: today)
                recorded = withdrawal
                return ([withdrawal.path: Data(withdrawal.yamlText().utf8)], withdrawal.commitMessage)
            }
            if let recorded {
                outcome.recorded = L10n.t("retracted {1} by {2} (commit {3}); it no longer counts", recorded.withdraws, recorded.id, commit.short)
            }
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }
}
