internal import Foundation
public import GitStore

/// A table of status reports, one a row (`accord import reports`, and the web's import
/// form): every row checked against the tracker as `accord log` checks one report, then
/// recorded as one series, a commit a report, dated on each report's day.
public struct ReportSheet: Sendable {
    /// The columns accord reads, by their English names.
    public static let known = ["target", "status", "date", "party", "note", "reporter", "evidence"]

    /// The columns' names in `language`, which a sheet's header may use instead of accord's.
    public static func columnNames(in language: Language) -> [String: String] {
        ["target": L10n.t("target", context: "report column", in: language),
         "status": L10n.t("status", context: "report column", in: language),
         "date": L10n.t("date", context: "report column", in: language),
         "party": L10n.t("party", context: "report column", in: language),
         "note": L10n.t("note", context: "report column", in: language),
         "reporter": L10n.t("reporter", context: "report column", in: language),
         "evidence": L10n.t("evidence", context: "report column", in: language)]
    }

    /// One row checked, ready to record.
    public struct Row: Sendable {
        /// The row's number as the spreadsheet shows it (the header is row 1).
        public let number: Int
        public let request: StatusReportRequest
        /// Who the commit is by, dated on the report's day.
        public let author: Signature
        /// The report as it would be recorded now.
        public let report: StatusReport
        /// `tip-2005#1.1 VN implemented on 2006-03-31`, in the reader's language.
        public let summary: String
    }

    /// The file, as messages name it.
    public let file: String
    /// The rows, in order, every one of them valid.
    public let rows: [Row]

    /// Checks every row of `table` against `snapshot`. `preferred` is the party a row
    /// without one reports for when its target binds that party; `author` gives the reporter
    /// and commit signature of a row from the person its reporter cell names (nil when empty)
    /// and its day.
    /// A header accord cannot read is an error (65); the problems of the rows are all
    /// listed (``TableProblems``, 65), each as `FILE:row:column: message`.
    public init(_ table: SpreadsheetTable, file: String, snapshot: TrackerSnapshot, resolver: IDResolver, today: CalendarDate,
                preferring preferred: PartyCode?,
                author: (_ reporter: Person?, _ day: CalendarDate) throws -> (person: Person, signature: Signature)) throws {
        let columns = TableColumns(table, known: Self.known, names: Self.columnNames(in:))
        if let (letter, header) = columns.unknown.first {
            throw AccordError(.data, L10n.t("{1}:1:{2}: unknown column \"{3}\" (accord reads {4})", file, letter, header, Self.known.joined(separator: ", ")))
        }
        for required in ["target", "status", "date"] where !columns.has(required) {
            throw AccordError(.data, L10n.t("{1}:1: no {2} column (needed: target, status, date)", file, required))
        }
        guard !table.rows.isEmpty else { throw AccordError(.data, L10n.t("{1}: the table has a header and no rows", file)) }
        var problems: [String] = []
        var checked: [Row] = []
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
                resolved = try request.resolveTarget(in: snapshot, resolver: resolver)
            } catch let failure as any AccordFailure {
                problems.append("\(at("target")): \(failure.message)")
                continue
            }
            do {
                request.party = try request.resolveParty(for: resolved, preferring: preferred)
            } catch {
                // In a sheet the party is a cell, not --party.
                problems.append("\(at("party")): " + (party == nil && resolved.parties.count > 1
                    ? L10n.t("empty; {1} binds {2}: say which of them reports (or joint, when it binds them jointly)", resolved.id,
                             resolved.parties.map(\.code).joined(separator: ", "))
                    : error.message))
                continue
            }
            let reporterText = columns.cell("reporter", of: row).text.trimmingCharacters(in: .whitespaces)
            let named = reporterText.isEmpty ? nil : Person(reporterText)
            if !reporterText.isEmpty && named == nil {
                problems.append("\(at("reporter")): " + L10n.t("{1} should be a name or \"Name <email>\"", reporterText.debugDescription))
                continue
            }
            let reporter: (person: Person, signature: Signature)
            do {
                reporter = try author(named, date)
            } catch let failure as any AccordFailure {
                problems.append("\(at("reporter")): \(failure.message)")
                continue
            }
            request.reporter = reporter.person.description
            do {
                let report = try series.next(request, in: snapshot, resolver: resolver, today: today)
                checked.append(Row(number: row.number, request: request, author: reporter.signature, report: report,
                                       summary: L10n.t("{1} {2} {3} on {4}", report.target, report.party, report.status.rawValue, report.date)))
            } catch let failure as any AccordFailure {
                problems.append("\(file):\(row.number): \(failure.message)")
            }
        }
        guard problems.isEmpty else { throw TableProblems(file: file, problems: problems) }
        self.file = file
        rows = checked
    }

    /// Records the rows as one series through `writer`: a commit a report, each on the one
    /// before, the branch moved once, so the sheet lands whole or not at all. The reports
    /// are named again only when another writer took one of the names meanwhile. Returns
    /// each report recorded with its commit, in row order.
    public func record(with writer: RecordWriter, snapshot: TrackerSnapshot, resolver: IDResolver,
                       today: CalendarDate) throws -> [(report: StatusReport, commit: ObjectID)] {
        var reports = rows.map(\.report)
        var attempt = 0
        let commits = try writer.commitSeries {
            attempt += 1
            if attempt > 1 {
                var again = ReportSeries()
                reports = try rows.map { try again.next($0.request, in: snapshot, resolver: resolver, today: today) }
            }
            return zip(reports, rows).map { report, row in
                RecordWriter.SeriesRecord(files: [report.path: Data(report.yamlText().utf8)], message: report.commitMessage, author: row.author)
            }
        }
        return Array(zip(reports, commits))
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
