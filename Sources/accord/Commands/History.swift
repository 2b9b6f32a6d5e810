import AccordCore
import AccordReports
import ArgumentParser
import GitStore

extension Accord {
    /// `accord history [ID]`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "What changed, when and by whom, from the tracker's git history.",
            discussion: """
            Each commit is told in the tracker's words: a status report (VN reported \
            implemented on tip-2005#7.2), evidence added, a text revised, a register or plan \
            edited, a meeting recorded. The date is the author date: the day of the fact. \
            On a terminal the table fits its width ($COLUMNS, else the terminal's), each \
            sentence (and, when narrow, each author) going on under its column; piped, each \
            commit stays on one line.

              accord history --limit 20
              accord history tip-2005#7.2      # its instrument's files and the records on it
              accord history plan-2017-2020 --json
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Argument(help: "Only what concerns this id (an instrument, plan, commitment, item, evidence or meeting).",
                  completion: IDCompletion.ids())
        var id: String?

        @Option(help: "Show at most this many commits.")
        var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError(L10n.t("--limit must be at least 1")) }
        }

        func run() throws {
            let history: ProgressHistory
            let console: Console
            let tracker: Repository
            do {
                // The history of one id names only the reports of its owner's targets.
                let context = try TrackerContext.open(repository, read, history: id == nil ? .commits : .commitsOfFiles,
                                                      focus: id.flatMap(TrackerContext.Focus.showing))
                var relevant: PathSelection?
                var shownID: String?
                var known: [StatusReport]?
                if let id {
                    let resolved = try context.resolve(id)
                    shownID = resolved.id
                    let paths = RecordPaths(resolved: resolved, snapshot: context.snapshot)
                    relevant = paths.selection
                    known = paths.reports
                }
                history = try ProgressHistory(repository: context.repository, from: context.commit, snapshot: context.snapshot,
                                              id: shownID, relevant: relevant, limit: limit, reports: known)
                console = context.console
                tracker = context.repository
            }
            // The tracker is not needed once its history is told: its memory is given back
            // for the table's translated cells (outside English) as they are made.
            KeptUntilExit.letGo()
            // Written as it is made: the whole history is 50,000 lines at a decade's scale.
            // On a terminal, each sentence wraps under its column to fit the terminal's width.
            let style = console.style, width = console.width
            try withExtendedLifetime(tracker) {
                try console.stream(json: read.json) { write in
                    if read.json { try history.writeJSON(to: write) } else { try history.writeTerminal(style: style, width: width, to: write) }
                }
            }
        }
    }
}
