import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord summary`: the paper for a review meeting.
    struct Summary: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, html, json, docx, pdf
            var fileExtension: String { self == .markdown ? "md" : rawValue }
            /// Whether the format is a binary file rather than text.
            var isBinary: Bool { self == .docx || self == .pdf }
        }

        static let configuration = CommandConfiguration(
            commandName: "summary",
            abstract: "Write the summary for a review meeting, in Markdown, HTML, JSON, Word or PDF.",
            discussion: """
            The summary opens with the follow-up of the previous meeting's decisions (done, in \
            progress, late or no news, with the reports and evidence that say so), then holds: \
            the meeting (body, date, venue, host, co-chairs, delegations, agenda, minutes) and \
            its decisions as an action log (owners, due dates, flags for a missing due date or \
            owner); what each side did in the period (every report with its note, every piece \
            of evidence, how many items it never reported on) and where both sides reported, \
            whether they agree; text revisions with a short redline; progress by area and \
            party; the gaps, most serious and most recent first, capped unless --gaps all (then \
            every gap, in an annex); what falls due before the next review; the indicator \
            statistics; and a draft agenda. --brief prints one page.

            The previous meeting is the previous one of the same body (body: in the meeting's \
            file): a joint review follows up the previous joint review, not another body's \
            conference held in between.

            --lang vi,km (any list of en, vi, km) writes the summary in each language, one \
            after the other in one file, for minutes kept in both languages.

            With --meeting, the summary is that meeting's, evaluated at its date, with changes \
            since the meeting before it. With --since, changes are counted after that date, at \
            --as-of (default today). With neither, since the latest meeting. HTML is one \
            self-contained file (inline CSS and SVG, nothing fetched) that prints on A4. \
            docx is an editable Word document with the same sections and tables; pdf is the \
            HTML printed by headless Chromium (installed separately), Khmer font included. \
            Both are binary: give --output FILE (or redirect standard output). \
            Restricted evidence is left out unless --include-restricted.

            --commit stores the summary as Reports/<meeting or date>-summary.<md|html|json> in \
            the tracker, in one commit, and says so on standard error (with --quiet, not; with \
            --verbose, with the commit's id, message and file).

            Examples:
              accord summary --meeting 2019-12-01-joint-review-2017-2019
              accord summary --meeting 2019-12-01-joint-review-2017-2019 --format html --output summary.html
              accord summary --since 2019-03-26 --as-of 2019-12-01 --commit
              accord summary --meeting 2019-12-01-joint-review-2017-2019 --format docx --output summary.docx
              accord summary --meeting 2019-12-01-joint-review-2017-2019 --format pdf --output summary.pdf
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Option(help: ArgumentHelp("The meeting the summary is for.", valueName: "id"))
        var meeting: String?

        @Option(help: ArgumentHelp("Count changes after this date (default: the previous meeting).", valueName: "yyyy-mm-dd"))
        var since: CalendarDate?

        @Option(help: ArgumentHelp("markdown, html, json, docx (Word) or pdf (printed by Chromium).", valueName: "format"))
        var format: Format = .markdown

        @Option(help: ArgumentHelp("Write to this file instead of standard output (- for standard output).", valueName: "file"))
        var output: String?

        @Option(name: .customLong("gaps"), help: ArgumentHelp("top (the most serious and most recent gaps; default) or all (every gap, in an annex).", valueName: "top|all"))
        var gapDetail: ReviewSummary.GapDetail = .top

        @Flag(help: "One page: the follow-up of the previous meeting's decisions, what each side did in figures, the most serious gaps and the next review.")
        var brief = false

        @Flag(help: "Also store the summary under Reports/ in the tracker, in one commit.")
        var commit = false

        @OptionGroup var write: WriteOptions

        func validate() throws {
            if meeting != nil && since != nil { throw ValidationError(L10n.t("give either --meeting or --since, not both")) }
            if read.json && format != .markdown && format != .json { throw ValidationError(L10n.t("give either --json or --format, not both")) }
            // Reports/ is stored in clear in every copy: restricted content must not go there.
            if commit && read.includeRestricted {
                throw ValidationError(L10n.t("--commit stores the summary in clear in every copy: it cannot include restricted evidence"))
            }
        }

        func run() throws {
            let format = read.json ? .json : self.format
            // The meeting's own date is the default as-of, so its summary reads the same every day.
            var context = try TrackerContext.open(repository, read)
            var chosen: Meeting?
            if let meeting {
                let id = try context.resolve(meeting, as: [.meeting]).id
                chosen = context.snapshot.meetings.first { $0.id.rawValue == id }
                if read.asOf == nil, let chosen {
                    context = try context.evaluated(at: chosen.endDate ?? chosen.date)
                }
            }
            let schedule = context.schedule()
            let history = try context.textHistory()
            let previous = ReviewSummary.previousMeeting(of: chosen, in: context.snapshot, asOf: context.asOf)
            let textChanges = try history.changes(after: since ?? previous?.date, through: context.asOf)
            let unverified = try context.unverifiedRecords().map { records in
                Dictionary(records.map { ($0.recordID, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
            }
            let opened = context
            /// The summary built in `language`: gap explanations and the agenda are written
            /// as it is built.
            func summary(in language: Language) -> ReviewSummary {
                L10n.with(language) {
                    var summary = ReviewSummary(
                        snapshot: opened.snapshot, state: opened.state, meeting: chosen, since: since, schedule: schedule,
                        gaps: opened.gaps(schedule: schedule, history: history), textChanges: textChanges,
                        redaction: opened.redaction)
                    summary.gapDetail = gapDetail
                    summary.unverified = unverified
                    return summary
                }
            }
            // `--lang vi,km`: the summary in each language, one after the other.
            let languages = L10n.languages
            func html() -> String {
                languages.count == 1
                    ? LocalForms.applyHTML(SummaryHTMLRenderer(brief: brief).render(summary(in: languages[0])), language: languages[0])
                    : SummaryHTMLRenderer(brief: brief).render(languages: languages.map { (language: $0, summary: summary(in: $0)) })
            }
            let text: String
            let data: Data
            switch format {
            case .markdown:
                text = languages.map { language in
                    L10n.with(language) { LocalForms.apply(SummaryMarkdownRenderer(brief: brief).render(summary(in: language)), language: language) }
                }
                    .joined(separator: "\n---\n\n")
            case .html: text = html()
            case .json: text = try JSONOutput.render(summary(in: .english))
            case .docx, .pdf: text = ""
            }
            switch format {
            case .docx:
                data = try SummaryWordRenderer(brief: brief).render(languages.map { (language: $0, summary: summary(in: $0)) })
            case .pdf:
                data = try PagePrinter.pdf(of: html())
            default:
                data = Data(text.utf8)
            }
            if format.isBinary {
                try context.console.write(data, to: output, format: format.rawValue)
            } else {
                try context.console.write(text, to: output)
            }
            if commit {
                let path = "Reports/\(chosen?.id.rawValue ?? context.asOf.description)-summary.\(format.fileExtension)"
                var changes = ChangeSet()
                changes.write(path, data)
                let id = try context.repository.apply(changes, message: "Add review summary \(path)",
                                                      author: TrackerLocation.defaultAuthor(of: context.repository),
                                                      verify: TrackerWriteCheck.verify(context.repository))
                try write.report(id: nil, ["accord: " + L10n.t("committed {1} ({2})", path, id.short)], commits: [id],
                                 in: context.repository, on: .standardError)
            }
        }
    }
}
