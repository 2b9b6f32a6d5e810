import AccordCore
import Foundation
import GitStore
import Hummingbird

extension Site {
    func addMeetingForm(to router: Router<BasicRequestContext>) {
        router.get("/meetings/new") { request, _ in
            try await form(request, "meetingForm", need: .editor) { reading, _, query in
                meetingChoices(reading, values: query.values)
            }
        }
        router.post("/meetings/new") { request, _ in
            try await submit(request, "meetingForm", need: .editor) { form, visitor in
                try addMeeting(form, visitor: visitor)
            } choices: { reading, _, values in meetingChoices(reading, values: values) }
        }
    }

    func meetingChoices(_ reading: TrackerReading, values: [String: String]) -> [String: Any] {
        [
            "values": values.merging(["date": values["date"] ?? CalendarDate.today().description]) { $1 },
            "partyChoices": (reading.snapshot.settings?.partyCodes ?? []).map {
                ["code": $0.code, "selected": values["host"] == $0.code] as [String: Any]
            },
        ]
    }

    /// `accord meeting add` from a form: one decision a line, in the command's syntax
    /// (`TEXT::due=DATE::bound=B`), one attendee a line.
    func addMeeting(_ form: FormFields, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        let day = Self.day(form, today: today, into: &outcome)
        if form["venue"] == nil { outcome.problems["venue"] = L10n.t("say where the meeting was held") }
        let host = form["host"].flatMap { PartyCode($0) }
        if host == nil || !(reading.snapshot.settings?.partyCodes.contains(host!) ?? false) {
            outcome.problems["host"] = L10n.t("choose the host party")
        }
        func lines(_ name: String) -> [String] {
            (form.pairs.first { $0.name == name }?.value ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard outcome.problems.isEmpty, let host else { return outcome }
        let draft = MeetingDraft(date: day, venue: form["venue"] ?? "", host: host, title: form["title"],
                                 cycles: form.all("cycles"), attendees: lines("attendees"), decisions: lines("decisions"),
                                 note: form["note"])
        let meeting: Meeting
        do {
            meeting = try draft.meeting(in: reading.whole, today: today)
        } catch {
            // The draft names the field it refuses (a decision's due date, a review cycle).
            let message = FormOutcome.message(error)
            let cycles = ["unknown review cycle '{1}': the tracker declares {2}", "review cycle '{1}' is ambiguous: give one of {2}"]
            let field = message.contains("decision") ? "decisions"
                : cycles.contains { FormOutcome.message(message, isFrom: $0) } ? "cycles"
                : message.contains("attendee") ? "attendees" : "record"
            outcome.problems[field] = message
            return outcome
        }
        var changes = ChangeSet()
        changes.create(meeting.path, Data(meeting.yamlText().utf8))
        let author = Self.author(visitor, on: day, in: reading.repository)
        do {
            let commit = try reading.repository.apply(changes, message: "Record meeting \(meeting.id)", author: author.signature,
                                                      verify: TrackerWriteCheck.verify(reading.repository))
            outcome.recorded = L10n.t("recorded {1} (commit {2})", meeting.path, commit.short)
        } catch let error as GitError where error.kind == .exists {
            outcome.add("record", AccordError(.cannotCreate, L10n.t("meeting {1} exists already; give another slug", meeting.id), id: nil))
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }
}
