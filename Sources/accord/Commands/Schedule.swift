import AccordCore
import AccordReports
import ArgumentParser
import Foundation

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

            --ics writes an iCalendar file (RFC 5545) of the same reviews: all-day events with \
            stable UIDs, for any calendar program.

            Examples:
              accord schedule --as-of 2019-12-01
              accord schedule --horizon 2y --json
              accord schedule --ics --output reviews.ics
              accord schedule --csv --output reviews.csv
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Option(help: ArgumentHelp("How far ahead to list reviews: 18m, 2y, or months.", valueName: "span"))
        var horizon: ReviewHorizon = .default

        @Flag(help: "Print an iCalendar (RFC 5545) file instead of a table.")
        var ics = false

        @Option(help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
        var output: String?

        @OptionGroup var format: CSVOption

        func validate() throws {
            try format.refuseWithJSON(read)
            if ics && (read.json || format.csv) { throw ValidationError("give only one of --json, --csv and --ics") }
        }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let schedule = context.schedule(horizon: horizon)
            let text: String
            if ics {
                let names = Dictionary(context.snapshot.settings?.parties.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { a, _ in a })
                text = ICalendarRenderer(calendarName: context.snapshot.settings?.name ?? "accord", partyNames: names).render(schedule)
            } else if read.json {
                text = try JSONOutput.render(schedule)
            } else if format.csv {
                text = format.marked(ScheduleCSVRenderer.render(schedule))
            } else {
                text = ScheduleTerminalRenderer(style: context.console.style(for: output)).render(schedule)
            }
            try context.console.write(text, to: output)
        }
    }
}
