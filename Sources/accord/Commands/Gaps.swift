import AccordCore
import AccordReports
import ArgumentParser
import Foundation

extension Accord {
    /// `accord gaps`: everything missing or late, with the facts and what would close it.
    struct Gaps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gaps",
            abstract: "List every gap: what is missing or late, for whom, why, and what would close it.",
            discussion: """
            Each gap has a rule, a severity (high, medium, low), the item, the party ("both" when \
            it is the parties' together), the facts with their dates, and what would close it. A \
            summary by rule and party ends the report.

            Rules: overdue (high), review-overdue (high), stale, no-owner, one-sided, \
            amended-since-evidence (medium), no-evidence, uncovered, languages-out-of-step (low). \
            docs/commands/gaps.md explains each.

            Exit status: 0, or 1 when --fail-on is given and a gap of at least that severity \
            exists (so --fail-on low fails on any gap).

            Examples:
              accord gaps --as-of 2019-12-01
              accord gaps --summary
              accord gaps --party KH --rule overdue --rule one-sided
              accord gaps --instrument tip-2005 --json
              accord gaps --csv > gaps.csv
              accord gaps --format xlsx --output gaps.xlsx
              accord gaps --fail-on high || echo "high gaps to discuss"
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Option(help: ArgumentHelp("Only gaps of this party (and those of the parties together).", valueName: "party"))
        var party: PartyCode?

        @Option(help: ArgumentHelp("Only gaps of this instrument, plan or meeting.", valueName: "id"))
        var instrument: String?

        @Option(help: ArgumentHelp("Only gaps of this rule; repeat for several.", valueName: "rule"))
        var rule: [GapRule] = []

        @Option(name: .customLong("fail-on"), help: ArgumentHelp(
            "Exit 1 when a gap of this severity or higher exists: high, medium or low.", valueName: "severity"))
        var failOn: GapSeverity?

        @Flag(help: "Print only the totals and the table by rule and party, not each gap.")
        var summary = false

        @OptionGroup var format: CSVOption

        func validate() throws {
            try format.refuseWithJSON(read)
            if summary && (format.isCSV || format.isWorkbook) {
                throw ValidationError(L10n.t("give either --summary or --csv/--format xlsx, not both: the table has one row per gap"))
            }
        }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            if let party, !(context.snapshot.settings?.partyCodes.contains(party) ?? false) {
                throw ValidationError(L10n.t("unknown party {1}: accord.yaml lists {2}", party, context.snapshot.settings?.partyCodes.map(\.code).joined(separator: ", ") ?? "none"))
            }
            let owner = try instrument.map { try context.resolve($0, as: [.instrument, .plan, .meeting]).id }
            let schedule = context.schedule()
            let report = context.gaps(schedule: schedule, history: try context.textHistory(),
                                      filter: GapReport.Filter(party: party, instrument: owner, rules: Set(rule)))
            try format.emit(report, context: context, read: read,
                            sheets: { [SpreadsheetWorkbook.Sheet(name: "gaps", table: GapCSVRenderer.table(report))] }) { style in
                GapTerminalRenderer(style: style).render(report, summaryOnly: summary)
            }
            if let failOn, report.hasGap(atLeast: failOn) { throw ExitCode(1) }
        }
    }
}
