import AccordCore
import AccordReports
import ArgumentParser

extension Accord {
    /// `accord list instruments|commitments|items|evidence|meetings`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List instruments, commitments, plan items, evidence or meetings.",
            discussion: """
            Filters combine; with --party, --status, --overdue and --agency look at that \
            party only. Commitments include tracked meeting decisions.

              accord list instruments
              accord list commitments --instrument tip-2005 --party KH --status not-started
              accord list items --area plan-2017-2020#3 --overdue --as-of 2019-06-30
              accord list items --agency "border guard" --due-before 2018-01-01
              accord list evidence --party VN --json
              accord list commitments --csv > commitments.csv
              accord list items --format xlsx --output items.xlsx
            """,
            subcommands: [Instruments.self, Commitments.self, Items.self, Evidence.self, Meetings.self])
    }
}

/// The filters of the target lists.
struct TargetFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only targets a party stands at with this status.", valueName: "status"))
    var status: Status?
    @Option(help: ArgumentHelp("Only this party's standing (VN, KH).", valueName: "party"))
    var party: PartyCode?
    @Option(help: ArgumentHelp("Only the items of this plan area (plan-2017-2020#3).", valueName: "id"))
    var area: String?
    @Option(help: ArgumentHelp("Only where the responsible or lead agency's name contains this (any case).", valueName: "text"))
    var agency: String?
    @Flag(help: "Only overdue targets.")
    var overdue = false
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Only targets due (or ending) before this date.", valueName: "yyyy-mm-dd"))
    var dueBefore: CalendarDate?
    @Option(help: ArgumentHelp("Only the targets of this instrument, plan or meeting.", valueName: "id"))
    var instrument: String?

    func filter(_ context: TrackerContext) throws -> TargetFilter {
        let area = try self.area.map { try context.resolve($0, as: [.planArea]).qualifiedID! }
        let owner = try instrument.map { try context.resolve($0, as: [.instrument, .plan, .meeting]).id }
        return TargetFilter(status: status, party: party, area: area, agency: agency, overdue: overdue,
                            dueBefore: dueBefore, owner: owner)
    }
}

extension Accord.List {
    struct Instruments: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "instruments", abstract: "List instruments and plans with their target counts.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions
        @OptionGroup var format: CSVOption

        func validate() throws { try format.refuseWithJSON(read) }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let list = ProgressList.instruments(snapshot: context.snapshot, state: context.state)
            try format.print(list, context: context, read: read)
        }
    }

    struct Commitments: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commitments",
            abstract: "List commitments and tracked meeting decisions with each party's status.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions
        @OptionGroup var filters: TargetFilterOptions
        @OptionGroup var format: CSVOption

        func validate() throws { try format.refuseWithJSON(read) }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let list = ProgressList.targets(state: context.state, kinds: [.commitment, .decision],
                                            filter: try filters.filter(context), name: "commitments")
            try format.print(list, context: context, read: read)
        }
    }

    struct Items: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "items", abstract: "List plan items with each party's status.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions
        @OptionGroup var filters: TargetFilterOptions
        @OptionGroup var format: CSVOption

        func validate() throws { try format.refuseWithJSON(read) }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let list = ProgressList.targets(state: context.state, kinds: [.planItem], filter: try filters.filter(context), name: "items")
            try format.print(list, context: context, read: read)
        }
    }

    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "List evidence, newest first; restricted evidence without its title unless --include-restricted.")
        @OptionGroup var options: EvidenceListOptions

        func run() throws { try options.run() }
    }

    struct Meetings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "meetings", abstract: "List the review meetings held.")
        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions
        @OptionGroup var format: CSVOption

        func validate() throws { try format.refuseWithJSON(read) }

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let list = ProgressList.meetings(snapshot: context.snapshot, asOf: context.asOf)
            try format.print(list, context: context, read: read)
        }
    }
}

extension CSVOption {
    /// Prints a list as JSON, CSV, a workbook or a table, as the command line asked.
    func print(_ list: ProgressList, context: TrackerContext, read: ReadOptions) throws {
        try emit(list, context: context, read: read,
                 sheets: { [SpreadsheetWorkbook.Sheet(name: list.kind, table: list.csvTable(parties: context.partyCodes))] },
                 terminal: list.renderTerminal)
    }
}

/// The options and work of `accord list evidence`, also reached as `accord evidence list`.
struct EvidenceListOptions: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var read: ReadOptions
    @Option(help: ArgumentHelp("Only evidence from this party (or from none).", valueName: "party"))
    var party: PartyCode?
    @Option(help: ArgumentHelp("Only evidence supporting targets of this instrument, plan or meeting.", valueName: "id"))
    var instrument: String?
    @Option(help: ArgumentHelp("Only evidence supporting this commitment, item or decision.", valueName: "id"))
    var supports: String?
    @OptionGroup var format: CSVOption

    func validate() throws { try format.refuseWithJSON(read) }

    func run() throws {
        let context = try TrackerContext.open(repository, read)
        let owner = try instrument.map { try context.resolve($0, as: [.instrument, .plan, .meeting]).id }
        let target = try supports.map { try context.resolve($0, as: [.commitment, .planItem, .decision]).qualifiedID! }
        let list = ProgressList.evidence(snapshot: context.snapshot, asOf: context.asOf, redaction: context.redaction,
                                         party: party, owner: owner, supporting: target)
        try format.print(list, context: context, read: read)
    }
}
