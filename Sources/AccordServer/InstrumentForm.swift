import AccordCore
import Foundation
import GitStore
import HTTPTypes
import Hummingbird
import NIOCore

/// The forms that add an instrument or a new revision of its text from uploaded files:
/// `accord instrument add` and `accord amend`, read and recorded by the same code.
extension Site {
    /// How many texts (languages) one form takes.
    static let textSlots = 3

    func addInstrumentForms(to router: Router<BasicRequestContext>) {
        router.get("/instruments/new") { request, _ in
            try await form(request, "instrumentForm", need: .editor) { _, _, query in instrumentChoices(values: query.values) }
        }
        router.post("/instruments/new") { request, _ in
            try await submitFiles(request, "instrumentForm", choices: { _, _, values in instrumentChoices(values: values) }) { upload, visitor in
                try addInstrument(upload, visitor: visitor)
            }
        }
        router.get("/amend") { request, _ in
            try await form(request, "amendForm", need: .editor) { reading, _, query in amendChoices(reading, values: query.values) }
        }
        router.post("/amend") { request, _ in
            try await submitFiles(request, "amendForm", choices: { reading, _, values in amendChoices(reading, values: values) }) { upload, visitor in
                try amendInstrument(upload, visitor: visitor)
            }
        }
    }

    /// A form with files, for editors: the files are streamed to disk as evidence files
    /// are, `limit` bytes at most in all (by default what `accord` imports of a text, for
    /// each text the form takes).
    func submitFiles(_ request: Request, _ template: String, limit: Int = textSlots * ImportedText.maximumFileBytes,
                     choices: @escaping @Sendable (TrackerReading, Visitor?, [String: String]) -> [String: Any],
                     record: @escaping @Sendable (MultipartUpload, Visitor) throws -> FormOutcome) async throws -> Response {
        let (session, cookie) = await session(for: request)
        guard let visitor = session.visitor else { return redirect("/login", cookie: cookie) }
        guard visitor.may(.editor) else { return refused(.editor, session: session, cookie: cookie) }
        return try await receiveUpload(request, limit: limit, session: session, cookie: cookie, limitSource: nil) { upload in
            try await answer(template, upload.fields, session: session, cookie: cookie, choices: choices) { try record(upload, visitor) }
        }
    }

    static func changesChoices(_ values: [String: String]) -> [[String: Any]] {
        TrackedChanges.allCases.map { ["code": $0.rawValue, "selected": values["changes"] == $0.rawValue] as [String: Any] }
    }

    func instrumentChoices(values: [String: String]) -> [String: Any] {
        [
            "values": values.merging(["lang-1": values["lang-1"] ?? "en"]) { $1 },
            "kinds": Instrument.Kind.allCases.map {
                ["code": $0.rawValue, "name": $0.displayName, "selected": (values["kind"] ?? "agreement") == $0.rawValue] as [String: Any]
            },
            "changes": Self.changesChoices(values),
            "maxMB": ImportedText.maximumFileBytes / 1_048_576,
        ]
    }

    func amendChoices(_ reading: TrackerReading, values: [String: String]) -> [String: Any] {
        [
            "values": values.merging(["date": values["date"] ?? CalendarDate.today().description]) { $1 },
            "instruments": reading.whole.instruments.map { instrument in
                ["code": instrument.id.description, "title": instrument.title[instrument.languages.first ?? "en"] ?? "",
                 "selected": values["id"] == instrument.id.description] as [String: Any]
            },
            "changes": Self.changesChoices(values),
            "checked": ["add-language": values["add-language"] != nil, "accept-remap": values["accept-remap"] != nil],
            "maxMB": ImportedText.maximumFileBytes / 1_048_576,
        ]
    }

    /// The texts of a form's file fields: each read as `--text` reads a file (by its
    /// extension: .docx, .pdf, .md, .txt), its problems under its own field. `language`
    /// gives the language of a slot whose language field is blank (nil: it must be given).
    static func texts(of upload: MultipartUpload, changes: TrackedChanges?, into outcome: inout FormOutcome,
                      language: (URL) -> String?) -> [(language: String, file: String, imported: ImportedText)] {
        var texts: [(language: String, file: String, imported: ImportedText)] = []
        for slot in 1...textSlots {
            guard let file = upload.files["text-\(slot)"] else { continue }
            let name = file.lastPathComponent
            guard let lang = upload.fields["lang-\(slot)"] ?? language(file) else {
                outcome.problems["lang-\(slot)"] = L10n.t("say the language of {1} (en, vi, km …)", name)
                continue
            }
            if texts.contains(where: { $0.language == lang }) {
                outcome.problems["lang-\(slot)"] = L10n.t("two texts given for the language {1}", lang)
                continue
            }
            do {
                texts.append((lang, name, try ImportedText.read(path: file.path, file: name, changes: changes)))
            } catch {
                outcome.add("text-\(slot)", error)
            }
        }
        if upload.files.keys.allSatisfy({ !$0.hasPrefix("text-") }) {
            outcome.problems["text-1"] = L10n.t("choose the file with the text: .docx, .pdf, .md or .txt")
        }
        return texts
    }

    static func articles(_ count: Int) -> String { count == 1 ? L10n.t("1 article") : L10n.t("{1} articles", count) }

    static func lines(_ form: FormFields, _ name: String) -> [String] {
        (form[name] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func signatories(_ form: FormFields, _ name: String, into outcome: inout FormOutcome) -> [Signatory] {
        lines(form, name).compactMap { line in
            guard let signatory = Signatory(written: line) else {
                outcome.problems[name] = outcome.problems[name]
                    ?? L10n.t("{1} needs the party first, e.g. \"VN: Minister of Public Security\"", line.debugDescription)
                return nil
            }
            return signatory
        }
    }

    static func changes(_ form: FormFields, into outcome: inout FormOutcome) -> TrackedChanges? {
        guard let text = form["changes"] else { return nil }
        guard let changes = TrackedChanges(rawValue: text) else {
            outcome.problems["changes"] = L10n.t("{1} is not accept or reject", text)
            return nil
        }
        return changes
    }

    /// The article outline of each text, for a person to check before recording: what
    /// `--dry-run` prints.
    static func outline(_ texts: [(language: String, file: String, imported: ImportedText)]) -> [[String: Any]] {
        texts.map { ["file": $0.file, "language": $0.language, "lines": $0.imported.outline] }
    }

    /// `accord instrument add` from a form: every field checked, each problem by field, and
    /// nothing recorded unless there is none; with `preview`, the outline and nothing more.
    func addInstrument(_ upload: MultipartUpload, visitor: Visitor) throws -> FormOutcome {
        let form = upload.fields
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        var id: InstrumentID?
        if let text = form["id"] {
            id = InstrumentID(text)
            if id == nil {
                outcome.problems["id"] = L10n.t("{1} is not an instrument id (lowercase letters, digits and -)", text)
            } else if reading.whole.instrument(id!) != nil {
                outcome.problems["id"] = L10n.t("the instrument {1} exists already; record a new text of it with the Amend form", id!)
            }
        } else {
            outcome.problems["id"] = L10n.t("give the new instrument's id, e.g. tip-2005")
        }
        let kind = Instrument.Kind(rawValue: form["kind"] ?? "agreement")
        if kind == nil {
            outcome.problems["kind"] = L10n.t("choose a kind: {1}", Instrument.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if form["title"] == nil { outcome.problems["title"] = L10n.t("give the title, in the first text's language") }
        let codes = form.all("parties")
        var parties: [PartyCode] = []
        for code in codes {
            if let party = PartyCode(code) { parties.append(party) } else { outcome.problems["parties"] = L10n.t("{1} is not a party code (e.g. VN)", code) }
        }
        if codes.isEmpty { outcome.problems["parties"] = L10n.t("give the parties' codes, e.g. VN KH") }
        var signed: CalendarDate?
        if let text = form["signed"] {
            signed = CalendarDate(text)
            if signed == nil {
                outcome.problems["signed"] = L10n.t("{1} is not a date (yyyy-mm-dd)", text.debugDescription)
            } else if signed! > today {
                outcome.problems["signed"] = L10n.t("{1} is after today: record an instrument once it is signed", signed!)
            }
        } else {
            outcome.problems["signed"] = L10n.t("give the day it was signed")
        }
        let signatories = Self.signatories(form, "signatories", into: &outcome)
        let entries = Self.lines(form, "in-force").compactMap { line in
            guard let entry = Instrument.EntryIntoForce(written: line) else {
                outcome.problems["in-force"] = outcome.problems["in-force"] ?? L10n.t("{1} should be a date or PARTY: DATE", line.debugDescription)
                return nil
            }
            return entry
        } as [Instrument.EntryIntoForce]
        let changes = Self.changes(form, into: &outcome)
        let texts = Self.texts(of: upload, changes: changes, into: &outcome) { _ in nil }
        guard outcome.problems.isEmpty, let id, let kind, let signed else { return outcome }

        let languages = texts.map(\.language)
        let instrument = Instrument(
            id: id, kind: kind, title: Instrument.titles(written: [form["title"]!] + Self.lines(form, "other-titles"), firstLanguage: languages[0]),
            parties: parties, signed: Signing(date: signed, place: form["place"]), signatories: signatories, inForce: entries,
            status: entries.isEmpty ? .notYetInForce : .inForce, languages: languages)
        let registration = InstrumentRegistration(
            instrument: instrument, texts: texts.map { InstrumentRegistration.Text(language: $0.language, imported: $0.imported) })
        if form["preview"] != nil {
            outcome.preview = Self.outline(texts)
            outcome.previewSummary = L10n.t("would record {1}: {2}", registration.tag, registration.files.map(\.path).joined(separator: ", "))
            return outcome
        }
        let author = Self.author(visitor, on: signed, in: reading.repository)
        do {
            let recorded = try registration.record(in: reading.repository, author: (author.signature.name, author.signature.email), today: today)
            let counts = texts.map { text in
                text.language + ": " + Self.articles(text.imported.text.articles.filter { $0.id != Article.preambleID }.count)
            }
            outcome.recorded = L10n.t("recorded {1} (commit {2}): {3}", recorded.tag, recorded.commit.short, counts.joined(separator: ", "))
            outcome.link = id.description
        } catch let failure as AccordError where failure.kind == .cannotCreate {
            outcome.add("id", failure)
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }

    /// `accord amend` from a form: a new revision of an instrument's texts, checked and
    /// recorded as the command does it.
    func amendInstrument(_ upload: MultipartUpload, visitor: Visitor) throws -> FormOutcome {
        let form = upload.fields
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        var instrument: Instrument?
        if let text = form["id"] {
            instrument = InstrumentID(text).flatMap { reading.whole.instrument($0) }
            if instrument == nil { outcome.problems["id"] = L10n.t("no instrument {1} in the tracker", text) }
        } else {
            outcome.problems["id"] = L10n.t("choose the instrument")
        }
        var date: CalendarDate?
        if let text = form["date"] {
            date = CalendarDate(text)
            if date == nil {
                outcome.problems["date"] = L10n.t("{1} is not a date (yyyy-mm-dd)", text.debugDescription)
            } else if date! > today {
                outcome.problems["date"] = L10n.t("{1} is after today: record the revision once it is signed or made", date!)
            } else if let instrument {
                // The checks `amend` makes of the date, made here so that they show next to it.
                let latest = try TextRevisions.read(instrument.id, languages: instrument.languages, in: reading.repository,
                                                    from: reading.commit).revisions.last
                if date! < instrument.signed.date {
                    outcome.problems["date"] = L10n.t("{1} is before {2} was signed ({3}); a revision cannot precede the text", date!, instrument.id, instrument.signed.date)
                } else if let latest, date! < latest.date {
                    outcome.problems["date"] = L10n.t("{1} is before the latest revision of {2} ({3}): texts are recorded oldest first", date!, instrument.id, latest.date)
                } else if try reading.repository.tags().contains(where: { $0.name == "\(instrument.id)@\(date!)" }) {
                    outcome.problems["date"] = L10n.t("{1} has a revision dated {2} already: record every language of one revision together", instrument.id, date!)
                }
            }
        } else {
            outcome.problems["date"] = L10n.t("give the day of the revision")
        }
        if form["message"] == nil { outcome.problems["message"] = L10n.t("say what the revision is (an amending act, a corrected translation …)") }
        let signatories = Self.signatories(form, "signed-by", into: &outcome)
        if form["place"] != nil && signatories.isEmpty && outcome.problems["signed-by"] == nil {
            outcome.problems["place"] = L10n.t("a place goes with an amending act: say who signed it too")
        }
        var remap: [String: String] = [:]
        do { remap = try TextAmendment.remap(written: form.all("remap")) } catch { outcome.add("remap", error) }
        let addingLanguage = form["add-language"] != nil
        let changes = Self.changes(form, into: &outcome)
        let texts = Self.texts(of: upload, changes: changes, into: &outcome) { file in
            instrument.map { TextAmendment.language(ofFile: file.lastPathComponent, instrument: $0) }
        }
        if let instrument, !addingLanguage {
            for (slot, text) in zip(1..., texts) where !instrument.languages.contains(text.language) {
                outcome.problems["lang-\(slot)"] = L10n.t("{1} has no text in {2} (its languages: {3}); tick \"add the language\" to add one",
                                                           instrument.id, text.language, instrument.languages.joined(separator: ", "))
            }
        }
        guard outcome.problems.isEmpty, let instrument, let date, let message = form["message"] else { return outcome }
        if form["preview"] != nil {
            outcome.preview = Self.outline(texts)
            outcome.previewSummary = L10n.t("would record {1}: {2}", "\(instrument.id)@\(date)",
                                            texts.map { TextRevisions.path(of: instrument.id, language: $0.language) }.joined(separator: ", "))
            return outcome
        }
        let amendment = TextAmendment(
            instrument: instrument.id, texts: texts.map { TextAmendment.NewText(language: $0.language, file: $0.file, data: Data($0.imported.markdown.utf8)) },
            date: date, message: message, signatories: signatories, place: form["place"], addingLanguages: addingLanguage,
            remap: remap, acceptingRemap: form["accept-remap"] != nil)
        let author = Self.author(visitor, on: date, in: reading.repository)
        do {
            let recorded = try amendment.record(in: reading.repository, author: (author.signature.name, author.signature.email), today: today)
            let changed = texts.map { text in
                guard let diff = recorded.diffs[text.language] else { return L10n.t("{1}: first text", text.language) }
                return L10n.t("{1}: {2} changed", text.language, Self.articles(diff.changedArticles.count))
            }
            let moved = recorded.remapped.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ")
            outcome.recorded = L10n.t("recorded {1} (commit {2}): {3}", recorded.tag, recorded.commit.short, changed.joined(separator: ", "))
                + (recorded.remapped.isEmpty ? "" : L10n.t("; register clauses moved: {1}", moved))
            outcome.link = instrument.id.description
        } catch {
            // What is left to find is in the texts themselves: a text reading the same as
            // the current one, or register clauses it moves.
            let message = FormOutcome.message(error)
            let unchanged = ["no change: {1} reads the same as {2}; nothing to record",
                             "no change: {1} reads the same as {2}, which another writer recorded meanwhile; nothing to record"]
            outcome.add(unchanged.contains { FormOutcome.message(message, isFrom: $0) } ? "text-1"
                            : message.contains("remap") ? "remap" : "record", error)
        }
        return outcome
    }
}
