import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord schedule`: reviews held, missed and upcoming, with what falls due before each.
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "List the reviews the instruments call for: past (held or missed) and upcoming.",
            discussion: """
            Review cycles are declared per instrument and plan (review-cycles: in their YAML). A \
            meeting whose reviews: lists the cycle, within review-tolerance-months of the scheduled \
            date (accord.yaml, default 3), holds it; otherwise the review is missed once the \
            tolerance has passed. Each upcoming review within --horizon lists what falls due \
            after the previous one and on or before it.

            --ics writes an iCalendar file (RFC 5545) of the same reviews, and of each deadline \
            falling due before an upcoming review: all-day events with stable UIDs, an alarm 30 \
            days before an upcoming review and 14 days before a deadline, missed reviews \
            cancelled, and SEQUENCE and LAST-MODIFIED from the as-of date so that calendar \
            programs take a newer file as updates. UIDs end in --uid-domain (or \
            ACCORD_UID_DOMAIN), by default the domain of the tracker's user.email (git \
            config), else accord.invalid.

            Examples:
              accord schedule --as-of 2019-12-01
              accord schedule --horizon 2y --json
              accord schedule --ics --output reviews.ics
              accord schedule --csv --output reviews.csv
              accord schedule --format xlsx --output reviews.xlsx
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Option(help: ArgumentHelp("How far ahead to list reviews: 18m, 2y, or months.", valueName: "span"))
        var horizon: ReviewHorizon = .default

        @Flag(help: "Print an iCalendar (RFC 5545) file instead of a table.")
        var ics = false

        @Option(name: .customLong("uid-domain"), help: ArgumentHelp("The domain the calendar's UIDs end in (with --ics).", valueName: "domain"))
        var uidDomain: String?

        @OptionGroup var format: CSVOption

        func validate() throws {
            try format.refuseWithJSON(read)
            if ics && (format.isJSON(read) || format.isCSV || format.isWorkbook) {
                throw ValidationError(L10n.t("give only one of --json, --csv, --format and --ics"))
            }
            if let uidDomain, !ICalendarRenderer.isDomain(uidDomain) {
                throw ValidationError(L10n.t("--uid-domain {1} is not a domain name (such as mps.gov.vn)", uidDomain))
            }
        }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let schedule = context.schedule(horizon: horizon)
            let output = format.output
            if format.isWorkbook {
                return try context.console.write(SpreadsheetWorkbook([
                    SpreadsheetWorkbook.Sheet(name: "reviews", table: ScheduleCSVRenderer.table(schedule)),
                    SpreadsheetWorkbook.Sheet(name: "due", table: ScheduleCSVRenderer.dueTable(schedule)),
                ]).data(), to: output, format: "xlsx")
            }
            let text: String
            if ics {
                let names = Dictionary(context.snapshot.settings?.parties.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a })
                text = ICalendarRenderer(calendarName: context.snapshot.settings?.name ?? "accord", partyNames: names,
                                         uidDomain: try calendarDomain(context)).render(schedule)
            } else if format.isJSON(read) {
                text = try JSONOutput.render(schedule)
            } else if format.isCSV {
                text = format.marked(ScheduleCSVRenderer.render(schedule))
            } else {
                // Dates and numbers in the reader's forms, as every other terminal report.
                text = LocalForms.apply(ScheduleTerminalRenderer(style: context.console.style(for: output)).render(schedule))
            }
            try context.console.write(text, to: output)
        }

        /// --uid-domain, else ACCORD_UID_DOMAIN, else the domain of the tracker's user.email
        /// when it is one, else the reserved default.
        func calendarDomain(_ context: TrackerContext) throws -> String {
            if let uidDomain { return uidDomain }
            if let domain = ProcessInfo.processInfo.environment["ACCORD_UID_DOMAIN"], !domain.isEmpty {
                guard ICalendarRenderer.isDomain(domain) else {
                    throw ValidationError(L10n.t("ACCORD_UID_DOMAIN {1} is not a domain name (such as mps.gov.vn)", domain))
                }
                return domain
            }
            let email = TrackerLocation.defaultAuthor(of: context.repository).email
            let domain = String(email.split(separator: "@").last ?? "")
            return email.contains("@") && ICalendarRenderer.isDomain(domain) ? domain : ICalendarRenderer.defaultDomain
        }
    }
}
