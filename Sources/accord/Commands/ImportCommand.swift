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

        func run() throws {
            let table = try SpreadsheetTable.read(path: file)
            let today = CalendarDate.today()
            let context = try TrackerContext.open(repository, asOf: today, warn: false, writing: true)
            let sheet = try ReportSheet(table, file: file, snapshot: context.snapshot, resolver: context.resolver, today: today,
                                        preferring: context.user.party) { reporter, day in
                try context.author(by: reporter?.description ?? context.user.reporter, on: day)
            }
            if dryRun {
                Console.say(lines: sheet.rows.map { L10n.t("row {1}: would record {2}", $0.number, $0.summary) }
                    + [sheet.rows.count == 1 ? L10n.t("1 report would be recorded; nothing was recorded (--dry-run)")
                        : L10n.t("{1} reports would be recorded; nothing was recorded (--dry-run)", sheet.rows.count)])
                return
            }
            let recorded = try sheet.record(with: context.writer, snapshot: context.snapshot, resolver: context.resolver, today: today)
            TrackerContext.warnAboutWorkingFolder(of: context.repository)
            var lines = zip(recorded, sheet.rows).map { recorded, row in
                L10n.t("recorded {1}: {2} (row {3}, commit {4})", recorded.report.id, row.summary, row.number, recorded.commit.short)
            }
            lines.append(sheet.rows.count == 1 ? L10n.t("1 report recorded from {1}", file)
                         : L10n.t("{1} reports recorded from {2}", sheet.rows.count, file))
            try write.report(id: recorded.map(\.report.id.rawValue).joined(separator: "\n"), lines, commits: recorded.map(\.commit),
                             in: context.repository)
        }
    }
}
