import AccordCore
import Foundation
import Testing

/// The registers of requests between the parties: days to answer with exact and partial
/// dates, the median per party and year, open requests, and the file checks.
@Suite struct RequestRegisterTests {
    static func file(_ id: String, kind: String = "verification", reference: String? = nil, from: String = "KH", to: String = "VN",
                     sent: String, answered: String? = nil, outcome: String? = nil, extra: String = "") -> String {
        var lines = ["id: \(id)", "kind: \(kind)", "reference: \(reference ?? "REF-\(id)-1")", "from: \(from)", "to: \(to)", "sent: \(sent)"]
        if let answered { lines.append("answered: \(answered)") }
        if let outcome { lines.append("outcome: \(outcome)") }
        return (lines + [extra].filter { !$0.isEmpty }).joined(separator: "\n") + "\n"
    }

    static func tracker(_ requests: [(path: String, text: String)]) -> TrackerFixture {
        var fixture = TrackerFixture.valid
        for request in requests { fixture[request.path] = request.text }
        return fixture
    }

    static func request(sent: String, answered: String?) -> CooperationRequest {
        CooperationRequest(id: RecordID("rq-x")!, kind: .verification, reference: "R-1", from: PartyCode("KH")!, to: PartyCode("VN")!,
                           sent: CalendarDate(written: sent)!, answered: answered.map { CalendarDate(written: $0)! },
                           outcome: answered == nil ? nil : .confirmed)
    }

    @Test func daysToAnswerAreExactForDaysAndARangeForMonthsAndYears() {
        #expect(Self.request(sent: "2019-02-18", answered: "2019-04-08").daysToAnswer == 49...49)
        // Sent some day in March 2018 (1–31), answered 16 July: 107 to 137 days.
        #expect(Self.request(sent: "2018-03", answered: "2018-07-16").daysToAnswer == 107...137)
        // Answered some day in October 2018: 119 (1 October) to 149 (31 October) days after 4 June.
        #expect(Self.request(sent: "2018-06-04", answered: "2018-10").daysToAnswer == 119...149)
        // The same month on both sides: anywhere from 0 to 30 days, never negative.
        #expect(Self.request(sent: "2018-06", answered: "2018-06").daysToAnswer == 0...29)
        #expect(Self.request(sent: "2019-07-01", answered: nil).daysToAnswer == nil)
    }

    @Test func anOpenRequestWaitsUntilItIsAnswered() {
        let open = Self.request(sent: "2019-07-01", answered: nil)
        #expect(open.daysOpen(on: CalendarDate("2019-12-01")!) == 153...153)
        #expect(open.daysOpen(on: CalendarDate("2019-06-30")!) == nil, "not sent yet")
        let answered = Self.request(sent: "2019-07-01", answered: "2019-09-01")
        #expect(answered.daysOpen(on: CalendarDate("2019-08-01")!) == 31...31, "open until the answer")
        #expect(answered.daysOpen(on: CalendarDate("2019-09-01")!) == nil)
    }

    @Test func theMedianIsPerKindPartyAskedAndYearSent() throws {
        let fixture = Self.tracker([
            ("Requests/2018/rq-a.yaml", Self.file("rq-a", sent: "2018-01-01", answered: "2018-01-11", outcome: "confirmed")),
            ("Requests/2018/rq-b.yaml", Self.file("rq-b", sent: "2018-02-01", answered: "2018-03-03", outcome: "confirmed")),
            ("Requests/2018/rq-c.yaml", Self.file("rq-c", sent: "2018-03-01", answered: "2018-06-09", outcome: "not-confirmed")),
            ("Requests/2018/rq-d.yaml", Self.file("rq-d", sent: "2018-04-01")),
            ("Requests/2019/rq-e.yaml", Self.file("rq-e", sent: "2019-01-01", answered: "2019-01-21", outcome: "confirmed")),
            ("Requests/2019/rq-f.yaml", Self.file("rq-f", sent: "2019-02", answered: "2019-03-10", outcome: "confirmed")),
            ("Requests/2019/rq-g.yaml", Self.file("rq-g", kind: "extradition", from: "VN", to: "KH", sent: "2019-01-10")),
        ])
        let snapshot = try fixture.snapshot()
        #expect(snapshot.diagnostics.isEmpty, "\(snapshot.diagnostics)")
        let register = RequestRegister(snapshot.requests, asOf: CalendarDate("2019-12-31")!)
        #expect(register.total == 7)
        let rows = register.rows.map { "\($0.kind.rawValue) \($0.from)→\($0.to) \($0.year)" }
        #expect(rows == ["verification KH→VN 2018", "verification KH→VN 2019", "extradition VN→KH 2019"])

        let first = register.rows[0]
        // 10, 30 and 100 days answered; the 2018-04-01 request is open and not in the median.
        #expect(first.sent == 4 && first.answered == 3 && first.open == 1)
        #expect(first.medianDays == RequestRegister.Days(fewest: 30, most: 30))
        #expect(first.oldestOpen?.id.rawValue == "rq-d")
        #expect(first.oldestOpen?.days.fewest == 639)
        #expect(first.outcomes == ["confirmed": 2, "not-confirmed": 1])

        // 20 days, and 10 to 37 days for a request sent in February: the median of two is
        // the mean, bounded both ways.
        let second = register.rows[1]
        #expect(second.medianDays == RequestRegister.Days(fewest: 15, most: 28.5))
        #expect(second.medianDays?.text == "15–28.5")
        #expect(second.approximate == 1)

        let extradition = register.rows[2]
        #expect(extradition.answered == 0 && extradition.medianDays == nil && extradition.open == 1)
    }

    @Test func anAnswerAfterTheDateDoesNotCountYet() throws {
        let fixture = Self.tracker([
            ("Requests/2018/rq-a.yaml", Self.file("rq-a", sent: "2018-01-01", answered: "2018-03-02", outcome: "confirmed")),
            ("Requests/2018/rq-b.yaml", Self.file("rq-b", sent: "2018-05-01", answered: "2018-05-11", outcome: "confirmed")),
        ])
        let register = RequestRegister(try fixture.snapshot().requests, asOf: CalendarDate("2018-02-01")!)
        #expect(register.total == 1, "rq-b was not sent yet")
        #expect(register.rows[0].answered == 0 && register.rows[0].open == 1)
        #expect(register.rows[0].oldestOpen?.days.text == "31")
    }

    @Test func badRequestFilesAreNamedByFileLineAndField() throws {
        let fixture = Self.tracker([
            ("Requests/2019/rq-name.yaml", Self.file("rq-name", reference: "Nguyen Van A", sent: "2019-01-01")),
            ("Requests/2019/rq-person.yaml", Self.file("rq-person", sent: "2019-01-01", extra: "victim-name: someone")),
            ("Requests/2018/rq-year.yaml", Self.file("rq-year", sent: "2019-01-01")),
            ("Requests/2019/rq-party.yaml", Self.file("rq-party", to: "TH", sent: "2019-01-01")),
            ("Requests/2019/rq-order.yaml", Self.file("rq-order", sent: "2019-05-01", answered: "2019-04-30", outcome: "confirmed")),
            ("Requests/2019/rq-outcome.yaml", Self.file("rq-outcome", sent: "2019-05-01", outcome: "confirmed")),
            ("Requests/2019/rq-kind.yaml", Self.file("rq-kind", sent: "2019-05-01", answered: "2019-06-01", outcome: "refused")),
            ("Requests/2019/rq-same.yaml", Self.file("rq-same", from: "VN", sent: "2019-05-01")),
        ])
        let problems = try fixture.problems()
        func has(_ start: String, _ words: String) -> Bool { problems.contains { $0.hasPrefix(start) && $0.contains(words) } }
        #expect(has("Requests/2019/rq-name.yaml:3: reference:", "never a name"), "\(problems)")
        #expect(has("Requests/2019/rq-person.yaml:7: victim-name:", "would identify a person"), "\(problems)")
        #expect(!problems.contains { $0.contains("victim-name: unknown field") })
        #expect(has("Requests/2018/rq-year.yaml:", "move it to Requests/2019/"), "\(problems)")
        #expect(has("Requests/2019/rq-party.yaml:5: to:", "TH is not a party"), "\(problems)")
        #expect(has("Requests/2019/rq-order.yaml:7: answered:", "before the request was sent"), "\(problems)")
        #expect(has("Requests/2019/rq-outcome.yaml:7: outcome:", "needs the date"), "\(problems)")
        #expect(has("Requests/2019/rq-kind.yaml:8: outcome:", "verification requests are answered confirmed, not-confirmed, not refused"), "\(problems)")
        #expect(has("Requests/2019/rq-same.yaml:5: to:", "both are VN"), "\(problems)")
        #expect(problems.count == 8, "\(problems)")
    }

    @Test func aRequestReadsBackAsItWasWritten() throws {
        let request = CooperationRequest(
            id: RecordID("rq-2018-03-abcde")!, kind: .caseTransfer, reference: "VN-CT-2018/001", from: PartyCode("VN")!,
            to: PartyCode("KH")!, sent: CalendarDate(written: "2018-03")!, answered: CalendarDate("2018-07-16")!,
            outcome: .accepted, note: "Accepted in part of the charges.", provenance: Provenance(illustrative: true))
        let parsed = CooperationRequest.parse(Data(request.yamlText().utf8), file: request.path)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.value == request)
        #expect(request.path == "Requests/2018/rq-2018-03-abcde.yaml")
    }
}
