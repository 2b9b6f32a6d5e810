import AccordCore
import AccordReports
import ArgumentParser
import Foundation

extension Accord {
    /// `accord status`: the dashboard.
    struct StatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "The dashboard: progress per instrument and plan area, for each party.",
            discussion: """
            For each instrument and each area of each plan: how many targets each party has \
            done (implemented or not applicable), in progress, not started and blocked, how \
            many are overdue, the share with at least one piece of evidence, and the next \
            review its review cycles call for.

              accord status
              accord status --as-of 2018-12-31
              accord status --json | jq '.groups[] | select(.overdue > 0) | .id'
              accord status --csv > status.csv
              accord status --format xlsx --output status.xlsx

            When accord.yaml lists signers, the number of records not signed by their party \
            is said on standard error (accord verify --signatures lists them).
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions
        @OptionGroup var format: CSVOption

        func validate() throws { try format.refuseWithJSON(read) }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let dashboard = StatusDashboard(snapshot: context.snapshot, state: context.state)
            try format.emit(dashboard, context: context, read: read,
                            sheets: { [SpreadsheetWorkbook.Sheet(name: "status", table: dashboard.csvTable())] },
                            terminal: dashboard.renderTerminal)
            // The dashboard counts records; which of them their party did not sign is said
            // beside it, on standard error, so JSON and CSV stay as documented.
            if let unverified = try context.unverifiedRecords(), !unverified.isEmpty {
                Console.say(lines: ["accord: " + L10n.t("{1} record(s) are not signed by their party and count here unverified: {2} lists them",
                                                        unverified.count, "accord verify --signatures")], on: .standardError)
            }
        }
    }
}
