import AccordCore
import Foundation
import GitStore
import HTTPTypes
import Hummingbird

/// The forms that import a spreadsheet (.xlsx or .csv): the items of a plan matrix
/// (`accord plan import`) and status reports, one a row (`accord import reports`), read and
/// recorded by the same code as the commands.
extension Site {
    func addImportForms(to router: Router<BasicRequestContext>) {
        router.get("/plans/import") { request, _ in
            try await form(request, "planImportForm", need: .editor) { reading, _, query in planImportChoices(reading, values: query.values) }
        }
        router.get("/reports/import") { request, _ in
            try await form(request, "reportImportForm", need: .editor) { reading, _, query in reportImportChoices(reading, values: query.values) }
        }
        router.post("/reports/import") { request, _ in
            try await submitFiles(request, "reportImportForm", limit: SpreadsheetTable.maximumFileBytes,
                                  choices: { reading, _, values in reportImportChoices(reading, values: values) }) { upload, visitor in
                try importReports(upload, visitor: visitor)
            }
        }
        router.post("/plans/import") { request, _ in
            try await submitFiles(request, "planImportForm", limit: SpreadsheetTable.maximumFileBytes,
                                  choices: { reading, _, values in planImportChoices(reading, values: values) }) { upload, visitor in
                try importPlanMatrix(upload, visitor: visitor)
            }
        }
    }

    /// The table uploaded in the file field `field`, read as the commands read one (named
    /// by the file name the browser sent); nil, with the problem under the field, when no
    /// file was chosen (`missing`) or it cannot be read as a table.
    static func table(_ upload: MultipartUpload, _ field: String, into outcome: inout FormOutcome,
                      missing: String) -> (name: String, table: SpreadsheetTable)? {
        guard let file = upload.files[field] else {
            outcome.problems[field] = missing
            return nil
        }
        do {
            return (file.lastPathComponent, try SpreadsheetTable.read(path: file.path, file: file.lastPathComponent))
        } catch {
            outcome.add(field, error)
            return nil
        }
    }

    func reportImportChoices(_ reading: TrackerReading, values: [String: String]) -> [String: Any] {
        ["values": values, "maxMB": SpreadsheetTable.maximumFileBytes / 1_048_576]
    }

    /// `accord import reports` from a form: every row checked, every problem listed under
    /// the file, nothing recorded unless there is none; with `preview`, the reports that
    /// would be recorded. A row's reporter cell names the report's reporter; the commits are
    /// by the signed-in editor, as every form's. A row on a target binding several parties
    /// names its party, as the Log form asks: an editor's own party is not assumed for a
    /// sheet someone else may have filled.
    func importReports(_ upload: MultipartUpload, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        guard let (name, table) = Self.table(upload, "sheet", into: &outcome,
                                             missing: L10n.t("choose the table of status reports: an .xlsx or .csv file")) else { return outcome }
        let sheet: ReportSheet
        do {
            sheet = try ReportSheet(table, file: name, snapshot: reading.snapshot, resolver: reading.resolver, today: today,
                                    preferring: nil) { reporter, day in
                let signed = Self.author(visitor, on: day, in: reading.repository)
                return (reporter ?? signed.person, signed.signature)
            }
        } catch {
            outcome.add("sheet", error)
            return outcome
        }
        let count = sheet.rows.count
        if upload.fields["preview"] != nil {
            outcome.preview = [["lines": sheet.rows.map { L10n.t("row {1}: would record {2}", $0.number, $0.summary) }]]
            outcome.previewSummary = count == 1 ? L10n.t("1 report would be recorded") : L10n.t("{1} reports would be recorded", count)
            return outcome
        }
        do {
            let recorded = try reading.writeSeries { writer in
                try sheet.record(with: writer, snapshot: reading.snapshot, resolver: reading.resolver, today: today)
            }
            // The ids of a few reports; a long sheet's are in the history.
            outcome.recorded = (count == 1 ? L10n.t("1 report recorded from {1}", name) : L10n.t("{1} reports recorded from {2}", count, name))
                + (count > 10 ? "" : " (" + recorded.map { "\($0.report.id)" }.joined(separator: ", ") + ")")
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }

    func planImportChoices(_ reading: TrackerReading, values: [String: String]) -> [String: Any] {
        [
            "values": values,
            "plans": reading.whole.plans.map { plan in
                ["code": plan.id.description, "title": plan.title[L10n.language.rawValue] ?? plan.title["en"] ?? plan.title.values.sorted().first ?? "", "selected": values["plan"] == plan.id.description] as [String: Any]
            },
            "maxMB": SpreadsheetTable.maximumFileBytes / 1_048_576,
        ]
    }

    /// `accord plan import` from a form: the matrix checked whole, every problem of every row
    /// listed under the file, and nothing recorded unless there is none; with `preview`, the
    /// items that would be added and nothing more.
    func importPlanMatrix(_ upload: MultipartUpload, visitor: Visitor) throws -> FormOutcome {
        let today = CalendarDate.today()
        let reading = try tracker(asOf: today)
        var outcome = FormOutcome()
        var plan: ActionPlan?
        if let text = upload.fields["plan"] {
            do {
                guard let id = InstrumentID(text) else { throw AccordError(.usage, L10n.t("{1} is not a plan id such as plan-2017-2020", text)) }
                plan = try PlanUpdate.current(id, in: reading.repository)
            } catch {
                outcome.add("plan", error)
            }
        } else {
            outcome.problems["plan"] = L10n.t("choose the plan the items are added to")
        }
        guard let (name, table) = Self.table(upload, "matrix", into: &outcome,
                                             missing: L10n.t("choose the plan matrix: an .xlsx or .csv file")), let plan else { return outcome }
        let read = PlanMatrix.entries(table, file: name, plan: plan)
        guard read.problems.isEmpty else {
            // Every problem, a line each, as the command lists them.
            outcome.add("matrix", TableProblems(file: name, problems: read.problems))
            return outcome
        }
        let lines = read.entries.map { $0.line(in: plan.id) }
        let count = read.entries.count
        if upload.fields["preview"] != nil {
            outcome.preview = [["lines": lines]]
            outcome.previewSummary = count == 1 ? L10n.t("1 item would be added to {1}", plan.id)
                : L10n.t("{1} items would be added to {2}", count, plan.id)
            return outcome
        }
        let author = Self.author(visitor, on: today, in: reading.repository)
        do {
            let commit = try PlanUpdate(plan: plan.id, entries: read.entries).record(
                in: reading.repository, author: author.signature,
                message: "Plan: import \(count == 1 ? "1 item" : "\(count) items") into \(plan.id) from \(name)")
            outcome.recorded = count == 1 ? L10n.t("1 item added to {1} (commit {2})", plan.id, commit.short)
                : L10n.t("{1} items added to {2} (commit {3})", count, plan.id, commit.short)
            outcome.link = plan.id.description
        } catch {
            outcome.add("record", error)
        }
        return outcome
    }
}
