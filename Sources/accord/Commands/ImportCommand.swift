import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord import`: records kept in spreadsheets, brought in as accord's records.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Record many status reports at once from a spreadsheet (.xlsx) or CSV file.",
            subcommands: [Reports.self])
    }
}

extension Accord.ImportCommand {
    /// `accord import reports FILE`: one status report per row, all rows checked first.
    struct Reports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reports",
            abstract: "Record one status report per row of FILE.xlsx or FILE.csv, every row checked first.",
            discussion: """
            The first row names the columns (any order, any case): target, status and date are \
            required; party, note, reporter and evidence (ids separated by ;) are optional. A \
            header may name them in Vietnamese or Khmer as well (mục, tình trạng, ngày; \
            ចំណុច, ស្ថានភាព, កាលបរិច្ឆេទ: docs/commands/import.md lists them). Each row is what accord \
            log would record: a party is needed when the target binds several.

            Every row is checked before anything is recorded, and every problem is listed as \
            FILE:row:column: message. Nothing is recorded unless every row is valid; then each \
            row is one commit, dated on the report's day, as accord log makes it. --dry-run \
            checks and lists what would be recorded.

            A date is a date cell or text yyyy-mm-dd; a date typed as other text (31/03/2026), a \
            formula, merged cells, an unknown column are refused with the row and column.

            Exit status: 0; 65 a problem in the file (all listed), 66 FILE or the tracker missing.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The spreadsheet (.xlsx, first sheet) or CSV file.")
        var file: String

        @Flag(help: "Check every row and list what would be recorded; record nothing.")
        var dryRun = false

        static let known = ["target", "status", "date", "party", "note", "reporter", "evidence"]

        /// The columns' names in `language`, which a sheet's header may use instead of accord's.
        static func columnNames(in language: Language) -> [String: String] {
            ["target": L10n.t("target", context: "report column", in: language),
             "status": L10n.t("status", context: "report column", in: language),
             "date": L10n.t("date", context: "report column", in: language),
             "party": L10n.t("party", context: "report column", in: language),
             "note": L10n.t("note", context: "report column", in: language),
             "reporter": L10n.t("reporter", context: "report column", in: language),
             "evidence": L10n.t("evidence", context: "report column", in: language)]
        }

        /// One checked row, ready to record.
        struct Checked {
            let row: Int
            let request: StatusReportRequest
            let author: Signature
            let report: StatusReport
            let summary: String
        }

        func run() throws {
            let table = try SpreadsheetTable.read(path: file)
            let columns = TableColumns(table, known: Self.known, names: Self.columnNames(in:))
            if let (letter, header) = columns.unknown.first {
                throw AccordError(.data, L10n.t("{1}:1:{2}: unknown column \"{3}\" (accord reads {4})", file, letter, header, Self.known.joined(separator: ", ")))
            }
            for required in ["target", "status", "date"] where !columns.has(required) {
                throw AccordError(.data, L10n.t("{1}:1: no {2} column (needed: target, status, date)", file, required))
            }
            guard !table.rows.isEmpty else { throw AccordError(.data, L10n.t("{1}: the table has a header and no rows", file)) }
            let today = CalendarDate.today()
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            var problems: [String] = []
            var checked: [Checked] = []
            var series = ReportSeries()
            for row in table.rows {
                let at = { (column: String) in "\(file):\(row.number):\(columns.header(column))" }
                let before = problems.count
                let target = columns.cell("target", of: row).text.trimmingCharacters(in: .whitespaces)
                if target.isEmpty { problems.append("\(at("target")): " + L10n.t("empty", context: "cell")) }
                let statusText = columns.cell("status", of: row).text.trimmingCharacters(in: .whitespaces).lowercased()
                let status = Status(rawValue: statusText)
                if status == nil {
                    let statuses = Status.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append("\(at("status")): " + (statusText.isEmpty ? L10n.t("empty (one of {1})", statuses)
                        : L10n.t("\"{1}\" is not a status (one of {2})", statusText, statuses)))
                }
                var date: CalendarDate?
                switch columns.cell("date", of: row) {
                case .date(let value): date = value
                case .text(let text):
                    date = CalendarDate(text.trimmingCharacters(in: .whitespaces))
                    if date == nil {
                        problems.append("\(at("date")): " + L10n.t("\"{1}\" is a date typed as text accord cannot read; write yyyy-mm-dd or use a date cell", text))
                    }
                case .empty: problems.append("\(at("date")): " + L10n.t("empty", context: "cell"))
                case .number(let number):
                    problems.append("\(at("date")): " + L10n.t("{1} is a number, not a date", SpreadsheetTable.Cell.number(number).text))
                case .bool: problems.append("\(at("date")): " + L10n.t("not a date"))
                }
                if let date, date > today { problems.append("\(at("date")): " + L10n.t("{1} is in the future (today is {2})", date, today)) }
                var party: PartyCode?
                let text = columns.cell("party", of: row).text.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    party = PartyCode(reportingParty: text)
                    if party == nil { problems.append("\(at("party")): " + L10n.t("\"{1}\" is not a party code", text)) }
                }
                guard problems.count == before, let status, let date else { continue }
                let evidence = columns.cell("evidence", of: row).text.split(separator: ";")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                var request = StatusReportRequest(target: target, status: status, date: date, party: party, evidence: evidence)
                let note = columns.cell("note", of: row).text.trimmingCharacters(in: .whitespacesAndNewlines)
                request.note = note.isEmpty ? nil : note
                let resolved: TrackedTarget
                do {
                    resolved = try request.resolveTarget(in: context.snapshot, resolver: context.resolver)
                } catch let failure as any AccordFailure {
                    problems.append("\(at("target")): \(failure.message)")
                    continue
                }
                do {
                    request.party = try request.resolveParty(for: resolved, preferring: context.user.party)
                } catch {
                    problems.append("\(at("party")): \(error.message)")
                    continue
                }
                let reporterText = columns.cell("reporter", of: row).text.trimmingCharacters(in: .whitespaces)
                let reporter: (person: Person, signature: Signature)
                do {
                    reporter = try context.author(by: reporterText.isEmpty ? context.user.reporter : reporterText, on: date)
                } catch let failure as any AccordFailure {
                    problems.append("\(at("reporter")): \(failure.message)")
                    continue
                }
                request.reporter = reporter.person.description
                do {
                    let report = try series.next(request, in: context.snapshot, resolver: context.resolver, today: today)
                    checked.append(Checked(row: row.number, request: request, author: reporter.signature, report: report,
                                           summary: L10n.t("{1} {2} {3} on {4}", report.target, report.party, report.status.rawValue, report.date)))
                } catch let failure as any AccordFailure {
                    problems.append("\(file):\(row.number): \(failure.message)")
                }
            }
            guard problems.isEmpty else { throw TableProblems(file: file, problems: problems) }
            if dryRun {
                Console.say(lines: checked.map { L10n.t("row {1}: would record {2}", $0.row, $0.summary) }
                    + [checked.count == 1 ? L10n.t("1 report would be recorded; nothing was recorded (--dry-run)")
                        : L10n.t("{1} reports would be recorded; nothing was recorded (--dry-run)", checked.count)])
                return
            }
            // One commit per report, as `log` makes it, written as one series: the rows are
            // checked together and the branch moves once, so the import lands whole or not at all.
            var reports = checked.map(\.report)
            var attempt = 0
            let commits = try context.writer.commitSeries {
                // Asked again only when another writer took one of the names meanwhile.
                attempt += 1
                if attempt > 1 {
                    var again = ReportSeries()
                    reports = try checked.map { try again.next($0.request, in: context.snapshot, resolver: context.resolver, today: today) }
                }
                return zip(reports, checked).map { report, item in
                    RecordWriter.SeriesRecord(files: [report.path: Data(report.yamlText().utf8)],
                                              message: report.commitMessage, author: item.author)
                }
            }
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            let ids = reports.map(\.id.rawValue)
            var lines = zip(zip(reports, checked), commits).map { pair, commit in
                L10n.t("recorded {1}: {2} (row {3}, commit {4})", pair.0.id, pair.1.summary, pair.1.row, commit.short)
            }
            lines.append(checked.count == 1 ? L10n.t("1 report recorded from {1}", file)
                         : L10n.t("{1} reports recorded from {2}", checked.count, file))
            try write.report(id: ids.joined(separator: "\n"), lines, commits: commits, in: context.repository)
        }
    }
}

/// The reports of one import: named apart from each other as well as from the tracker's
/// records, and each of a target and party recorded after the one before it, as they would
/// be if each row were logged in turn.
private struct ReportSeries {
    private var taken = Set<String>()
    private var latest: [String: RecordingTime] = [:]

    mutating func next(_ request: StatusReportRequest, in snapshot: TrackerSnapshot, resolver: IDResolver,
                       today: CalendarDate) throws -> StatusReport {
        var report = try request.report(in: snapshot, resolver: resolver, today: today) { date, party in
            var id = RecordName.statusReport(date: date, party: party)
            while self.taken.contains(id.rawValue) { id = RecordName.statusReport(date: date, party: party) }
            return id
        }
        self.taken.insert(report.id.rawValue)
        let key = "\(report.target) \(report.party)"
        if let previous = latest[key], let at = report.recordedAt, at <= previous { report.recordedAt = previous.next }
        latest[key] = report.recordedAt
        return report
    }
}
