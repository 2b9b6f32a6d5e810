import AccordCore
import AccordReports
import ArgumentParser
import Foundation

extension Accord {
    /// `accord revisions ID [--lang L] [--json]`: the revisions of an instrument's texts.
    struct Revisions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revisions",
            abstract: "List the revisions of an instrument's texts, oldest first.",
            discussion: """
            A revision is a commit that changed one of Agreements/ID/text.<lang>.md. For each: \
            its date (the commit's author date), its tag (ID@DATE), its message, what changed in \
            each language (articles and clauses, against that language's previous revision) and \
            which languages it did not revise, e.g. "vi not revised since 2005-10-10". A last \
            line says when the languages are out of step. With --as-of, revisions dated later \
            are left out; with --revision, the history is read from that commit.

            Examples:
              accord revisions tip-2005
              accord revisions tip-2005 --lang vi
              accord revisions tip-2005 --as-of 2010-01-01
              accord revisions tip-2005 --json | jq '.revisions[].date'

            Exit status: 0; 66 when there is no such instrument or tracker; 65 when a committed \
            text does not read.
            """)

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The instrument, e.g. tip-2005.", completion: IDCompletion.ids([.instrument]))
        var id: String

        @Option(help: ArgumentHelp("Only the revisions that changed the text in this language.", valueName: "lang"))
        var lang: String?

        @OptionGroup var read: ReadOptions

        func run() throws {
            let context = try TrackerContext.open(repository, read)
            let instrument = try context.instrument(id)
            let revisions = try TextRevisions.read(instrument.id, languages: instrument.languages, in: context.repository,
                                                   from: context.commit)
            let marks = lang.map(instrument.marks(of:)) ?? instrument.marks
            let report = RevisionsReport(revisions, language: lang, asOf: read.asOf, marks: marks)
            try context.console.show(report, json: read.json) { RevisionsTerminalRenderer(style: $0).render(report) }
        }
    }
}
