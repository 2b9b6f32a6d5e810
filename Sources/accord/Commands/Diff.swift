import AccordCore
import AccordReports
import ArgumentParser
import Foundation
import GitStore

extension Accord {
    /// `accord diff ID [FROM [TO]]`: what changed in an instrument's text between two versions.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Show what changed in an instrument's text between two versions.",
            discussion: """
            Compares the text article by article: renumbered and moved articles are reported as \
            such, and changed words are marked. Without FROM and TO, compares the revision of the \
            language in force at --as-of (default today) with the one before it; with FROM only, \
            FROM with the revision in force at --as-of.

            FROM and TO name versions as a date (the revision in force that day), a tag \
            (tip-2005@2012-09-28) or any git revision (a commit id, HEAD~1).

            The terminal format marks words in colour on a terminal (NO_COLOR turns it off, \
            --color always keeps it through a pipe) and as [-deleted-] {+inserted+} otherwise. \
            --stat prints one line per changed article; --full shows the whole text with \
            its changes marked. --json is --format json. --format docx writes a Word \
            document of the whole text with the changes as tracked changes (by --author, on \
            the new version's date), to accept or reject in Word or LibreOffice; --format pdf \
            prints the HTML through headless Chromium. Both need --output FILE or a redirect. On a \
            terminal, long output goes through the pager (--no-pager: not).

            Without --lang, the language compared is git config accord.language when the \
            instrument has a text in it, else the instrument's first.

            Examples:
              accord diff tip-2005
              accord diff tip-2005 2005-10-10 2012-09-28
              accord diff tip-2005 tip-2005@2005-10-10 tip-2005@2012-09-28 --format html --output changes.html
              accord diff tip-2005 --stat
              accord diff tip-2005 2005-10-10 2012-09-28 --format docx --output changes.docx
              accord diff tip-2005 2005-10-10 2012-09-28 --format pdf --output changes.pdf
              accord diff tip-2005 --as-of 2010-01-01
              accord diff tip-2005 --json | jq '.articles[] | select(.kind != "unchanged")'
              accord diff tip-2005 --color always | less -R

            Exit status: 0; 66 for an unknown instrument, date, tag or revision, or a language \
            without a text there; 65 when a text does not read; 73 when --output cannot be written.
            """)

        /// The output formats.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case terminal, markdown, html, json, docx, pdf
        }

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The instrument, e.g. tip-2005.", completion: IDCompletion.ids([.instrument]))
        var id: String

        @Argument(help: "The old version: a date, a tag or a revision (default: the revision before the new one).")
        var from: String?

        @Argument(help: "The new version (default: the revision in force at --as-of).")
        var to: String?

        @Option(name: .customLong("as-of"), help: ArgumentHelp(
            "Without TO, compare up to the revision in force on this day (default today).", valueName: "yyyy-mm-dd"))
        var asOf: CalendarDate?

        @Option(help: ArgumentHelp("The language to compare (default: git config accord.language, else the instrument's first).", valueName: "lang"))
        var lang: String?

        @Option(help: ArgumentHelp("terminal, markdown, html, json, docx (Word, with tracked changes) or pdf (printed by Chromium).", valueName: "format"))
        var format: Format = .terminal

        @Option(help: ArgumentHelp("With --format docx: the author the tracked changes carry (default: the new version's tag or commit).", valueName: "name"))
        var author: String?

        @Flag(help: "Print JSON (keys documented in docs/json.md): the same as --format json.")
        var json = false

        @Flag(help: "Print one line per changed article with the words added and removed.")
        var stat = false

        @Flag(help: "Show the whole text with its changes marked (the consolidated text), unchanged articles too.")
        var full = false

        @Option(help: ArgumentHelp("Write to this file instead of standard output (no colour; - for standard output).", valueName: "file"))
        var output: String?

        @OptionGroup var terminal: TerminalOptions

        func validate() throws {
            if json && format != .terminal && format != .json { throw ValidationError(L10n.t("give either --json or --format, not both")) }
            if full && (stat || json || format == .json) {
                throw ValidationError(L10n.t("--full shows the text; it cannot be combined with {1}", stat ? "--stat" : L10n.t("JSON, which always holds every article")))
            }
            if author != nil && format != .docx { throw ValidationError(L10n.t("--author goes with --format docx")) }
            if stat && (json || format != .terminal) {
                throw ValidationError(L10n.t("--stat prints text; it cannot be combined with {1}", json ? "--json" : "--format \(format.rawValue)"))
            }
        }

        func run() throws {
            let context = try TrackerContext.open(repository, terminal: terminal)
            let repository = context.repository
            let instrument = try context.instrument(id)
            let preferred = context.user.language.flatMap { instrument.languages.contains($0) ? $0 : nil }
            let language = lang ?? preferred ?? instrument.languages.first ?? "en"
            let revisions = try TextRevisions.read(instrument.id, languages: instrument.languages, in: repository)
            let day = asOf ?? .today()
            let old: TextVersion, new: TextVersion
            if let from {
                old = try TextVersion.resolve(from, language: language, revisions: revisions, in: repository)
                if let to {
                    new = try TextVersion.resolve(to, language: language, revisions: revisions, in: repository)
                } else {
                    new = try latest(of: language, in: revisions, repository: repository)
                }
            } else {
                let ofLanguage = revisions.revisions(of: language).filter { $0.date <= day }
                guard ofLanguage.count >= 2 else {
                    throw AccordError(.notFound, ofLanguage.count == 1
                        ? L10n.t("the {1} text of {2} has 1 revision in force by {3}: nothing earlier to compare with; name FROM", language, instrument.id, day)
                        : L10n.t("the {1} text of {2} has {3} revisions in force by {4}: nothing earlier to compare with; name FROM", language, instrument.id, ofLanguage.count, day))
                }
                let previous = ofLanguage[ofLanguage.count - 2], last = ofLanguage[ofLanguage.count - 1]
                old = try TextVersion.read(instrument.id, language: language, at: previous.commit, label: previous.label, in: repository)
                new = try TextVersion.read(instrument.id, language: language, at: last.commit, label: last.label, in: repository)
            }
            var diff = InstrumentDiff(old: old.text, new: new.text)
            diff.notice = ProvenanceNotice(instrument.marks(of: language))
            func version(_ version: TextVersion) -> DiffHeading.Version {
                let revision = revisions.revision(at: version.commit)
                return DiffHeading.Version(label: version.label, date: revision?.date, tag: revision?.tag)
            }
            let title = new.text.title.isEmpty
                ? instrument.title[language] ?? instrument.title.values.sorted().first ?? instrument.id.rawValue
                : new.text.title
            let heading = DiffHeading(title: title, language: language, old: version(old), new: version(new))
            switch json ? .json : format {
            case .docx:
                let revision = WordFile.Revision(author: author ?? heading.new.label, date: heading.new.date ?? day)
                return try context.console.write(DiffWordRenderer(heading: heading, revision: revision).render(diff), to: output, format: "docx")
            case .pdf:
                let html = DiffHTMLRenderer(heading: heading, full: full).render(diff)
                return try context.console.write(PagePrinter.pdf(of: html), to: output, format: "pdf")
            default: break
            }
            let text = try renderer(colour: context.console.style(for: output).colour, heading: heading).render(diff)
            try context.console.write(text, to: output)
        }

        /// The renderer for `--stat` or `--format`.
        private func renderer(colour: Bool, heading: DiffHeading) -> any InstrumentDiffRenderer {
            if stat { return DiffStatRenderer() }
            switch json ? .json : format {
            case .terminal: return DiffTerminalRenderer(colour: colour, full: full)
            case .markdown: return DiffMarkdownRenderer(full: full)
            case .html: return DiffHTMLRenderer(heading: heading, full: full)
            case .json: return DiffJSONRenderer()
            case .docx, .pdf: preconditionFailure("written as files by run()")
            }
        }

        /// The text of the revision in force at --as-of, named by its revision.
        private func latest(of language: String, in revisions: TextRevisions, repository: Repository) throws -> TextVersion {
            let day = asOf ?? .today()
            guard let last = revisions.inForce(on: day) else {
                throw AccordError(.notFound, L10n.t("{1} has no text revision in force by {2}", revisions.instrument, day))
            }
            return try TextVersion.read(revisions.instrument, language: language, at: last.commit, label: last.label, in: repository)
        }
    }
}
