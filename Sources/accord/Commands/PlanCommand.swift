import AccordCore
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord plan`: keep an action plan's matrix without editing YAML.
    struct PlanCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Add items to an action plan, one at a time or from the plan matrix in a spreadsheet.",
            subcommands: [Add.self, Import.self])
    }
}

extension Accord.PlanCommand {
    /// `accord plan add PLAN#ITEM`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an item to an action plan, as one commit.",
            discussion: """
            The id is the plan and the item's number, which starts with its area's: \
            plan-2017-2020#3.4 goes in area 3. A new area needs --area-title. The commit is made \
            only when the tracker validates with the item.

            Example:
              accord plan add plan-2017-2020#3.4 --title "Train border officials in victim identification" \\
                --lead "VN: Border Guard Command" --lead "KH: Ministry of Interior" \\
                --start 2018-01-01 --end 2019-12-31 --target "200 officials trained"

            Exit status: 0; 64 bad command line; 65 the item or the tracker would not validate \
            (an item that exists, an unknown area, a party the plan does not bind); 66 no such plan.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The new item's id, e.g. plan-2017-2020#3.4.")
        var id: String

        @Option(help: ArgumentHelp("What is to be done.", valueName: "text"))
        var title: String

        @Option(name: .customLong("area-title"), help: ArgumentHelp("The title of the item's area, when the plan has no such area yet.", valueName: "text"))
        var areaTitle: String?

        @Option(help: ArgumentHelp("A party's lead agency, as PARTY: AGENCY (repeatable).", valueName: "party: agency"))
        var lead: [String] = []

        @Option(help: ArgumentHelp("A party's partner agency, as PARTY: AGENCY (repeatable).", valueName: "party: agency"))
        var partner: [String] = []

        @Option(help: ArgumentHelp("When work starts.", valueName: "yyyy-mm-dd"))
        var start: CalendarDate?

        @Option(help: ArgumentHelp("When it should be finished.", valueName: "yyyy-mm-dd"))
        var end: CalendarDate?

        @Option(help: ArgumentHelp("What it is to produce (repeatable).", valueName: "text"))
        var target: [String] = []

        @Option(help: ArgumentHelp("A note.", valueName: "text"))
        var note: String?

        func validate() throws {
            _ = try itemID()
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(L10n.t("--title is empty")) }
            _ = try agencies(lead, option: "--lead")
            _ = try agencies(partner, option: "--partner")
            if let start, let end, end.isWhollyBefore(start) { throw ValidationError(L10n.t("--end {1} is before --start {2}", end, start)) }
        }

        func itemID() throws -> (plan: InstrumentID, item: String, area: String) {
            guard let qualified = QualifiedID(id), let plan = InstrumentID(qualified.owner), qualified.local.contains(".") else {
                throw ValidationError(L10n.t("{1} is not a plan item id such as plan-2017-2020#3.4", id))
            }
            let area = String(qualified.local.prefix { $0 != "." })
            return (plan, qualified.local, area)
        }

        func agencies(_ values: [String], option: String) throws -> [PartyCode: [String]] {
            var result: [PartyCode: [String]] = [:]
            for value in values {
                let parts = value.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let party = PartyCode(parts[0]), !parts[1].isEmpty else {
                    throw ValidationError(L10n.t("{1} \"{2}\" should read PARTY: AGENCY, e.g. \"VN: Ministry of Public Security\"", option, value))
                }
                result[party, default: []].append(parts[1])
            }
            return result
        }

        func run() throws {
            let (plan, local, area) = try itemID()
            let leads = try agencies(lead, option: "--lead")
            if let party = leads.first(where: { $0.value.count > 1 })?.key {
                throw ValidationError(L10n.t("--lead names {1} twice: an item has one lead agency per party", party))
            }
            let item = PlanItem(id: local, title: title, lead: leads.mapValues { $0[0] }, partners: try agencies(partner, option: "--partner"),
                                start: start, end: end, deliverables: target, note: note)
            let update = PlanUpdate(plan: plan, entries: [PlanUpdate.Entry(area: area, areaTitle: areaTitle, item: item)])
            let repository = try self.repository.openTracker()
            let author = TrackerLocation.defaultAuthor(of: repository)
            let commit = try update.record(in: repository, author: Signature(name: author.name, email: author.email, date: Date()),
                                           message: "Plan: add \(plan)#\(local)")
            try write.report(id: id, [L10n.t("Recorded {1} (commit {2})", "Plan: add \(plan)#\(local)", commit.short)], commits: [commit], in: repository)
        }
    }

    /// `accord plan import FILE --plan PLAN`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add the items of a plan matrix (.xlsx or .csv) to an action plan, every row checked first.",
            discussion: """
            The first row names the columns (any order, any case; _ or - for spaces): area, item \
            and title are required; lead agency, party, partners (separated by ;), target (what \
            the item is to produce), period (2017-01-01/2017-12-31, 2017-03/2018-06 or \
            2017-2018), start, end, area title (for an area the plan lacks) and note are \
            optional. The headers may be in Vietnamese or Khmer as well (lĩnh vực, mục, tên \
            hoạt động; វិស័យ, ចំណុច, ចំណងជើង: docs/commands/plan.md lists them). A matrix with \
            one row per item and party gives each row one party's lead agency; rows of one item \
            merge.

            Every row is checked before anything is recorded, and every problem is listed as \
            FILE:row:column: message. Nothing is recorded unless every row is valid; then the \
            items are added in one commit, made only when the tracker validates with them. \
            --dry-run checks and lists what would be added.

            Example:
              accord plan import matrix.xlsx --plan plan-2017-2020 --dry-run

            Exit status: 0; 65 a problem in the file (all listed) or the tracker would not \
            validate; 66 FILE, the plan or the tracker missing.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var write: WriteOptions

        @Argument(help: "The plan matrix (.xlsx, first sheet) or CSV file.")
        var file: String

        @Option(help: ArgumentHelp("The plan the items are added to.", valueName: "id"))
        var plan: String

        @Flag(help: "Check every row and list what would be added; record nothing.")
        var dryRun = false

        func run() throws {
            let table = try SpreadsheetTable.read(path: file)
            let repository = try self.repository.openTracker()
            guard let planID = InstrumentID(plan) else { throw ValidationError(L10n.t("{1} is not a plan id such as plan-2017-2020", plan)) }
            let current = try PlanUpdate.current(planID, in: repository)
            let read = PlanMatrix.entries(table, file: file, plan: current)
            guard read.problems.isEmpty else { throw TableProblems(file: file, problems: read.problems) }
            let lines = read.entries.map { $0.line(in: planID) }
            let count = read.entries.count
            if dryRun {
                Console.say(lines: lines.map { L10n.t("would add {1}", $0) }
                    + [count == 1 ? L10n.t("1 item would be added; nothing was recorded (--dry-run)")
                        : L10n.t("{1} items would be added; nothing was recorded (--dry-run)", count)])
                return
            }
            let author = TrackerLocation.defaultAuthor(of: repository)
            let update = PlanUpdate(plan: planID, entries: read.entries)
            let commit = try update.record(in: repository, author: Signature(name: author.name, email: author.email, date: Date()),
                                           message: "Plan: import \(count == 1 ? "1 item" : "\(count) items") into \(planID) from \(URL(fileURLWithPath: file).lastPathComponent)")
            try write.report(id: read.entries.map { "\(planID)#\($0.item.id)" }.joined(separator: "\n"),
                             lines.map { L10n.t("added {1}", $0) }
                                + [count == 1 ? L10n.t("1 item added to {1} (commit {2})", planID, commit.short)
                                    : L10n.t("{1} items added to {2} (commit {3})", count, planID, commit.short)],
                             commits: [commit], in: repository)
        }
    }
}
