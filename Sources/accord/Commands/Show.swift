import AccordCore
import AccordReports
import ArgumentParser
import GitStore

extension Accord {
    /// `accord show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show everything about an instrument, provision, commitment, plan item, evidence or meeting.",
            discussion: """
            A commitment, plan item or decision shows its text, who is bound and responsible, \
            due dates, the status of each party at the as-of date, the full timeline of \
            reports, the evidence, linked items and the revisions of its text. A commitment \
            whose clause a revision changed after its latest evidence says "text amended since \
            evidence" (so does an article or clause, for the commitments resting on it).

              accord show tip-2005            # metadata, articles, commitments, revisions
              accord show tip-2005#7          # an article's text and the commitments on it
              accord show 3.1 --as-of 2018-12-31
              accord show ev-2019-03-26-clv-conference --include-restricted
              accord show 2016-10-05-sihanoukville-review --json

            Unique short forms are accepted; an unknown id exits 66 naming the nearest ids, \
            an ambiguous one exits 64 listing the candidates.

            When accord.yaml lists signers, a status report, piece of evidence or meeting \
            whose newest commit is not signed by its party is marked "not verified" (JSON: \
            unverified, by id); see accord verify --signatures.
            """)

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var read: ReadOptions

        @Argument(help: "The id (tip-2005, tip-2005#7, tip-2005#7.2, plan-2017-2020#3.1, ev-…, sr-…, a meeting).",
                  completion: IDCompletion.ids())
        var id: String

        func run() throws {
            let context = try TrackerContext.open(repository, read, history: .files, focus: .showing(id))
            let resolved = try context.resolve(id)
            let revisions = try ShowReport.revisedFile(of: resolved, in: context.snapshot).map {
                try context.repository.histories(of: [$0], from: context.commit)[0].map(RevisionView.init)
            } ?? []
            let amended = try ShowReport.amendableInstrument(of: resolved).map {
                try context.textHistory(of: $0).amendedSinceEvidence(snapshot: context.snapshot, asOf: context.asOf)
            } ?? []
            // Only the targets of the id's instrument, plan or meeting are shown.
            let owner = resolved.qualifiedID?.owner ?? resolved.id
            let state = TrackerState(context.snapshot, asOf: context.asOf, owners: [owner])
            var report = ShowReport(resolved: resolved, snapshot: context.snapshot, state: state,
                                    redaction: context.redaction, revisions: revisions, amendedSinceEvidence: amended)
            report.unverified = try context.unverified(among: report.recordIDs)
            try context.console.show(report, json: read.json, terminal: report.renderTerminal)
        }
    }
}
